//! Evaluating a parsed WAC document into an instance graph.

use super::Diagnostic;
use super::parser::{Document, ExportOptions, Expr, InstantiationArg, Spanned, Statement};
use crate::Input;
use crate::component::{ComponentDef, ExternKind};
use crate::error::{ComposeError, ErrorKind};
use crate::graph::{Arg, Graph, GraphExport, Instance, MatchKind, Source};
use crate::names::ExternName;
use crate::typecheck;
use std::collections::HashMap;

/// Why evaluation stopped.
pub enum EvalError {
    /// A problem at a place in the script.
    At(Diagnostic),
    /// A component could not be read.
    Component(ComposeError),
}

impl From<Diagnostic> for EvalError {
    fn from(d: Diagnostic) -> Self {
        EvalError::At(d)
    }
}

/// What a name or expression denotes.
#[derive(Debug, Clone)]
enum Value {
    /// A component instance.
    Instance(usize),
    /// One export of an instance.
    Export { instance: usize, name: String },
    /// An explicit `import` statement: the import's name.
    Import { name: String },
}

/// Builds the graph for `document`.
pub fn evaluate(
    document: &Document,
    deps: &mut dyn FnMut(&str) -> Option<crate::Input>,
) -> Result<(Graph, Vec<String>), EvalError> {
    let mut eval = Evaluator {
        deps,
        graph: Graph::default(),
        packages: HashMap::new(),
        locals: HashMap::new(),
        notes: Vec::new(),
    };
    if let Some(targets) = &document.targets {
        eval.notes.push(format!(
            "`targets {}` is not checked: knit does not load WIT worlds for WAC scripts",
            targets.full()
        ));
    }
    for statement in &document.statements {
        eval.statement(statement)?;
    }
    for statement in &document.statements {
        if let Statement::Import { local, path, .. } = statement
            && let Some(Value::Import { name }) = eval.locals.get(&local.text)
            && !eval.graph.host_imports.iter().any(|h| h.name == *name)
        {
            eval.notes.push(format!(
                "`import {}: {}` is never passed to an instance, so the composition does not import it",
                local.text,
                path.full()
            ));
        }
    }
    Ok((eval.graph, eval.notes))
}

struct Evaluator<'a> {
    deps: &'a mut dyn FnMut(&str) -> Option<Input>,
    graph: Graph,
    packages: HashMap<String, usize>,
    locals: HashMap<String, Value>,
    notes: Vec<String>,
}

impl Evaluator<'_> {
    fn statement(&mut self, statement: &Statement) -> Result<(), EvalError> {
        match statement {
            Statement::Import {
                local,
                rename,
                path,
            } => {
                let name = rename
                    .as_ref()
                    .map_or_else(|| path.full(), |r| r.text.clone());
                self.bind(local, Value::Import { name })
            }
            Statement::Let { name, value } => {
                let value = self.expr(value, Some(&name.text))?;
                self.bind(name, value)
            }
            Statement::Export { value, options } => self.export(value, options),
        }
    }

    fn bind(&mut self, name: &Spanned, value: Value) -> Result<(), EvalError> {
        if self.locals.contains_key(&name.text) {
            return Err(Diagnostic::new(
                name.offset,
                format!(
                    "`{}` is already defined; names cannot be redefined",
                    name.text
                ),
            )
            .into());
        }
        self.locals.insert(name.text.clone(), value);
        Ok(())
    }

    fn lookup(&self, name: &Spanned) -> Result<Value, EvalError> {
        self.locals.get(&name.text).cloned().ok_or_else(|| {
            Diagnostic::new(name.offset, format!("`{}` is not defined", name.text)).into()
        })
    }

    fn expr(&mut self, expr: &Expr, hint: Option<&str>) -> Result<Value, EvalError> {
        match expr {
            Expr::Name(name) => self.lookup(name),
            Expr::New {
                package,
                args,
                implicit,
            } => self.instantiate(expr, package, args, *implicit, hint),
            Expr::Access(base, name) => {
                let instance = self.instance_of(base)?;
                let export = self.infer_export(instance, &name.text);
                self.access(instance, &export, name.offset)
            }
            Expr::NamedAccess(base, name) => {
                let instance = self.instance_of(base)?;
                self.access(instance, &name.text, name.offset)
            }
        }
    }

    fn instance_of(&mut self, expr: &Expr) -> Result<usize, EvalError> {
        match self.expr(expr, None)? {
            Value::Instance(i) => Ok(i),
            _ => Err(Diagnostic::new(
                expr.offset(),
                "only instances have exports to access; this is a single item",
            )
            .into()),
        }
    }

    /// `i.name`: the full export name of the only export whose last path
    /// segment is `name`, or `name` itself.
    fn infer_export(&self, instance: usize, name: &str) -> String {
        let def = self.graph.component_of(instance);
        let matching: Vec<_> = def
            .exports
            .iter()
            .filter(|e| ExternName::parse(&e.name).short() == name)
            .collect();
        if matching.len() == 1 {
            matching[0].name.clone()
        } else {
            name.to_string()
        }
    }

    fn access(&self, instance: usize, name: &str, offset: usize) -> Result<Value, EvalError> {
        let def = self.graph.component_of(instance);
        if def.export(name).is_none() {
            let available: Vec<_> = def
                .exports
                .iter()
                .map(|e| format!("`{}`", e.name))
                .collect();
            return Err(Diagnostic::new(
                offset,
                format!(
                    "instance `{}` has no export named `{name}`; its exports are: {}",
                    self.graph.instances[instance].name,
                    if available.is_empty() {
                        "(none)".to_string()
                    } else {
                        available.join(", ")
                    }
                ),
            )
            .with_kind(ErrorKind::MissingExport)
            .into());
        }
        Ok(Value::Export {
            instance,
            name: name.to_string(),
        })
    }

    fn component(&mut self, package: &super::parser::PackageRef) -> Result<usize, EvalError> {
        let full = package.full();
        if let Some(index) = self.packages.get(&full) {
            return Ok(*index);
        }
        let input = (self.deps)(&full)
            .or_else(|| {
                package
                    .version
                    .as_ref()
                    .and_then(|_| (self.deps)(&package.package))
            })
            .ok_or_else(|| {
                Diagnostic::new(
                    package.offset,
                    format!(
                        "no component given for package `{full}` (pass `--dep {}=PATH`, add a `// knit:dep {} = PATH` comment, or put it at `deps/{}.wasm`)",
                        package.package,
                        package.package,
                        package.package.replace(':', "/")
                    ),
                )
            })?;
        let def = ComponentDef::decode(&input.name, input.bytes).map_err(EvalError::Component)?;
        self.graph.components.push(def);
        let index = self.graph.components.len() - 1;
        self.packages.insert(full, index);
        Ok(index)
    }

    fn instantiate(
        &mut self,
        expr: &Expr,
        package: &super::parser::PackageRef,
        args: &[InstantiationArg],
        implicit: bool,
        hint: Option<&str>,
    ) -> Result<Value, EvalError> {
        let component = self.component(package)?;
        let index = self.graph.instances.len();
        let imports = self.graph.components[component].imports.clone();
        let mut chosen: Vec<Option<(Source, MatchKind, usize)>> = vec![None; imports.len()];

        // Inferred and named arguments first, in order.
        for arg in args {
            let (name, ident, value, offset) = match arg {
                InstantiationArg::Inferred(local) => {
                    (local, true, Expr::Name(local.clone()), local.offset)
                }
                InstantiationArg::Named { name, ident, value } => {
                    (name, *ident, value.clone(), name.offset)
                }
                InstantiationArg::Spread(_) => continue,
            };
            let value = self.expr(&value, None)?;
            let import_name = self.infer_argument(component, name, ident, &value);
            let Some(slot) = imports.iter().position(|i| i.name == import_name) else {
                return Err(Diagnostic::new(
                    offset,
                    format!(
                        "`{}` has no import named `{import_name}`; its imports are: {}",
                        package.full(),
                        list(imports.iter().map(|i| i.name.as_str()))
                    ),
                )
                .into());
            };
            if chosen[slot].is_some() {
                return Err(Diagnostic::new(
                    offset,
                    format!("the argument `{import_name}` is given twice"),
                )
                .into());
            }
            let source =
                self.source_for(&value, index, &import_name, imports[slot].kind, offset)?;
            chosen[slot] = Some((source, MatchKind::Explicit, offset));
        }

        // Spread arguments fill what is still missing, in order.
        for arg in args {
            let InstantiationArg::Spread(local) = arg else {
                continue;
            };
            let Value::Instance(from) = self.lookup(local)? else {
                return Err(Diagnostic::new(
                    local.offset,
                    format!(
                        "only instances can be spread; `{}` is a single item",
                        local.text
                    ),
                )
                .into());
            };
            let mut matched = 0;
            for (slot, import) in imports.iter().enumerate() {
                if chosen[slot].is_some() {
                    continue;
                }
                if let Some((export, how)) = self.spread_match(from, &import.name) {
                    chosen[slot] = Some((
                        Source::Export {
                            instance: from,
                            name: export,
                        },
                        how,
                        local.offset,
                    ));
                    matched += 1;
                }
            }
            if matched == 0 {
                return Err(Diagnostic::new(
                    local.offset,
                    format!(
                        "spreading `{}` satisfies no remaining import of `{}`",
                        local.text,
                        package.full()
                    ),
                )
                .into());
            }
        }

        // Type-check every argument that comes from another instance.
        for (slot, choice) in chosen.iter().enumerate() {
            if let Some((Source::Export { instance, name }, _, offset)) = choice {
                self.check_type(component, &imports[slot].name, *instance, name)
                    .map_err(|m| Diagnostic::new(*offset, m).with_kind(ErrorKind::TypeMismatch))?;
            }
        }

        let mut final_args = Vec::with_capacity(imports.len());
        for (slot, import) in imports.iter().enumerate() {
            let (source, how) = match chosen[slot].take() {
                Some((source, how, _)) => (source, how),
                None if implicit => {
                    let h = self.graph.host_import(
                        &import.name,
                        import.kind,
                        (index, import.name.clone()),
                    );
                    (Source::Host(h), MatchKind::Exact)
                }
                None => {
                    return Err(Diagnostic::new(
                        expr.offset(),
                        format!(
                            "`{}` needs the argument `{}`; pass it, spread an instance that exports it, or end the arguments with `...` to import it",
                            package.full(),
                            import.name
                        ),
                    )
                    .with_kind(ErrorKind::MissingExport)
                    .into());
                }
            };
            final_args.push(Arg {
                import: import.name.clone(),
                source,
                how,
            });
        }

        let label = hint.map(str::to_string).unwrap_or_else(|| {
            let count = self
                .graph
                .instances
                .iter()
                .filter(|i| i.component == component)
                .count();
            let base = self.graph.components[component].label.clone();
            if count == 0 {
                base
            } else {
                format!("{base}#{}", count + 1)
            }
        });
        self.graph.instances.push(Instance {
            component,
            name: label,
            args: final_args,
        });
        Ok(Value::Instance(index))
    }

    /// The import an argument binds, following WAC's inference rules.
    fn infer_argument(
        &self,
        component: usize,
        name: &Spanned,
        ident: bool,
        value: &Value,
    ) -> String {
        let def = &self.graph.components[component];
        if !ident {
            return name.text.clone();
        }
        // An item that carries an interface name binds the import of that name.
        let carried = match value {
            Value::Export { name, .. } | Value::Import { name } => Some(name.as_str()),
            Value::Instance(_) => None,
        };
        if let Some(carried) = carried
            && def.import(carried).is_some()
            && ExternName::parse(carried).short() == name.text
        {
            return carried.to_string();
        }
        let matching: Vec<_> = def
            .imports
            .iter()
            .filter(|i| ExternName::parse(&i.name).short() == name.text)
            .collect();
        if matching.len() == 1 {
            return matching[0].name.clone();
        }
        if let Some(carried) = carried
            && def.import(carried).is_some()
        {
            return carried.to_string();
        }
        name.text.clone()
    }

    fn source_for(
        &mut self,
        value: &Value,
        consumer: usize,
        import: &str,
        kind: ExternKind,
        offset: usize,
    ) -> Result<Source, EvalError> {
        match value {
            Value::Export { instance, name } => Ok(Source::Export {
                instance: *instance,
                name: name.clone(),
            }),
            Value::Import { name } => {
                if name != import {
                    return Err(Diagnostic::new(
                        offset,
                        format!(
                            "the import `{name}` would satisfy `{import}`; knit only passes imports to arguments of the same name"
                        ),
                    )
                    .into());
                }
                Ok(Source::Host(self.graph.host_import(
                    name,
                    kind,
                    (consumer, import.to_string()),
                )))
            }
            Value::Instance(i) => Err(Diagnostic::new(
                offset,
                format!(
                    "instance `{}` cannot be passed whole; pass one of its exports (e.g. `{}.name`) or spread it with `...`",
                    self.graph.instances[*i].name, self.graph.instances[*i].name
                ),
            )
            .into()),
        }
    }

    /// The export of instance `from` that a spread gives to `import`: the same
    /// name, or a semver-compatible version of it.
    fn spread_match(&self, from: usize, import: &str) -> Option<(String, MatchKind)> {
        let def = self.graph.component_of(from);
        if def.export(import).is_some() {
            return Some((import.to_string(), MatchKind::Spread));
        }
        let wanted = ExternName::parse(import);
        let want = wanted.version.as_ref()?;
        def.exports
            .iter()
            .filter_map(|e| {
                let offered = ExternName::parse(&e.name);
                let v = offered.version?;
                (offered.base == wanted.base && want.compatible_with(&v))
                    .then_some((e.name.clone(), v))
            })
            .max_by(|a, b| a.1.cmp(&b.1))
            .map(|(name, provided)| {
                (
                    name,
                    MatchKind::VersionBridged {
                        wanted: want.clone(),
                        provided,
                    },
                )
            })
    }

    fn check_type(
        &self,
        component: usize,
        import: &str,
        instance: usize,
        export: &str,
    ) -> Result<(), String> {
        let importer = &self.graph.components[component];
        let provider = self.graph.component_of(instance);
        let (Some(i), Some(e)) = (importer.import(import), provider.export(export)) else {
            return Ok(());
        };
        typecheck::check_item(
            &importer.resolve,
            importer.import_item(i),
            &provider.resolve,
            provider.export_item(e),
        )
        .map_err(|m| {
            format!(
                "`{}` imports `{import}`, but `{}` export `{export}` has a different type:\n  {m}",
                importer.label, self.graph.instances[instance].name
            )
        })
    }

    fn export(&mut self, value: &Expr, options: &ExportOptions) -> Result<(), EvalError> {
        let evaluated = self.expr(value, None)?;
        let add = |graph: &mut Graph, name: String, source: Source, offset: usize, strict: bool| {
            if graph.exports.iter().any(|e| e.name == name) {
                if strict {
                    return Err(Diagnostic::new(
                        offset,
                        format!("`{name}` is already exported"),
                    ));
                }
                return Ok(());
            }
            graph.exports.push(GraphExport { name, source });
            Ok(())
        };
        match (evaluated, options) {
            (Value::Instance(instance), ExportOptions::Spread) => {
                let names: Vec<String> = self
                    .graph
                    .component_of(instance)
                    .exports
                    .iter()
                    .map(|e| e.name.clone())
                    .collect();
                if names.is_empty() {
                    return Err(Diagnostic::new(value.offset(), "this instance has no exports to spread").into());
                }
                for name in names {
                    let source = Source::Export {
                        instance,
                        name: name.clone(),
                    };
                    add(&mut self.graph, name, source, value.offset(), false)?;
                }
                Ok(())
            }
            (Value::Instance(_), _) => Err(Diagnostic::new(
                value.offset(),
                "an instance cannot be exported whole; export one of its exports or spread it with `...`",
            )
            .into()),
            (_, ExportOptions::Spread) => Err(Diagnostic::new(
                value.offset(),
                "only instances can be spread into exports",
            )
            .into()),
            (Value::Import { .. }, _) => Err(Diagnostic::new(
                value.offset(),
                "re-exporting an import directly is not supported",
            )
            .into()),
            (Value::Export { instance, name }, options) => {
                let (export_name, offset) = match options {
                    ExportOptions::As(n) => (n.text.clone(), n.offset),
                    _ => (name.clone(), value.offset()),
                };
                add(
                    &mut self.graph,
                    export_name,
                    Source::Export { instance, name },
                    offset,
                    true,
                )?;
                Ok(())
            }
        }
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(|i| format!("`{i}`")).collect();
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(", ")
    }
}
