//! Functions and resources: `export function` declarations, resource classes with their
//! constructors, methods and statics, and the world's own imported functions the way each
//! engine offers them.

use crate::layout::{WORLD, is_plain_ident};
use crate::{Generator, Site, docs, type_ident};
use knit_bindgen_core::abi::is_method;
use knit_bindgen_core::names::{Case, Language, convert_case, ident};
use std::fmt::Write;
use wit_parser::{Function, FunctionKind, TypeId};

/// A resource class being assembled: its members arrive with the functions.
pub struct Class {
    /// The resource.
    pub id: TypeId,
    /// The class name inside its module (`Symbol_` for a resource named `symbol`).
    pub local: String,
    /// The name the engine exports the class under (`Symbol`).
    pub exported: String,
    /// The resource's doc lines.
    pub docs: Vec<String>,
    /// Whether the guest imports it (the engine provides the class).
    pub imported: bool,
    /// Whether the guest exports it (the guest module provides the class).
    pub exported_by_guest: bool,
    /// Whether a constructor is among the members.
    pub has_constructor: bool,
    /// Constructor, methods and statics, rendered, in definition order.
    pub members: String,
}

impl Class {
    /// A class without members for resource `id` of module `index`.
    pub fn new(g: &Generator<'_>, index: usize, id: TypeId) -> Class {
        let def = &g.resolve.types[id];
        let name = def.name.as_deref().unwrap_or("resource");
        let module = &g.layout.modules[index];
        Class {
            id,
            local: type_ident(name),
            exported: convert_case(name, Case::UpperCamel),
            docs: docs::lines(&def.docs),
            imported: module.imported || index == WORLD,
            exported_by_guest: module.exported && index != WORLD,
            has_constructor: false,
            members: String::new(),
        }
    }

    /// Adds a rendered member of `func`.
    pub fn add(&mut self, func: &Function, member: &str) {
        self.has_constructor |= matches!(func.kind, FunctionKind::Constructor(_));
        self.members.push_str(member);
    }

    /// The class declaration, with `export { Local as Exported }` when the names differ.
    pub fn render(&self, g: &Generator<'_>) -> String {
        let mut out = String::from("\n");
        docs::push(&mut out, "  ", self.docs.clone());
        // Only StarlingMonkey gives imported resources a way to drop them early.
        let dispose = self.imported && g.sm();
        let implements = if dispose {
            " implements Disposable"
        } else {
            ""
        };
        let export = if self.local == self.exported {
            "export "
        } else {
            ""
        };
        let _ = writeln!(out, "  {export}class {}{implements} {{", self.local);
        if !self.has_constructor {
            if self.exported_by_guest {
                out.push_str(
                    "    /** No WIT constructor: the host cannot construct one, the guest's class may take any arguments. */\n    private constructor(...args: never[]);\n",
                );
            } else {
                out.push_str(
                    "    /** This type does not have a public constructor. */\n    private constructor();\n",
                );
            }
        }
        out.push_str(&self.members);
        if dispose {
            out.push_str(
                "    /** Drops the handle now rather than when it is garbage collected. */\n    [Symbol.dispose](): void;\n",
            );
        } else if self.exported_by_guest && g.sm() {
            // ComponentizeJS's destructor calls it; componentize-qjs has no destructor hook.
            out.push_str(
                "    /** Called, when the guest's class defines it, once the host drops the last handle. */\n    [Symbol.dispose]?(): void;\n",
            );
        }
        out.push_str("  }\n");
        if self.local != self.exported {
            let _ = writeln!(out, "  export {{ {} as {} }};", self.local, self.exported);
        }
        out
    }
}

impl Generator<'_> {
    /// `(a: A, b: B): R` of `func` at `site`, without `self` for a method; a constructor has no
    /// return type.
    pub fn signature(&self, func: &Function, site: Site) -> String {
        let (params, result) = self.params_and_result(func, site);
        if let FunctionKind::Constructor(_) = func.kind {
            return format!("({params})");
        }
        format!("({params}): {result}")
    }

    /// `(a: A, b: B) => R`: the type of freestanding function `func` at `site`.
    pub fn function_type(&self, func: &Function, site: Site) -> String {
        let (params, result) = self.params_and_result(func, site);
        format!("({params}) => {result}")
    }

    /// The parameter list (without `self` for a method) and the return type of `func`.
    pub fn params_and_result(&self, func: &Function, site: Site) -> (String, String) {
        let skip = usize::from(is_method(func));
        let params: Vec<String> = func.params[skip..]
            .iter()
            .map(|p| {
                let name = ident(Language::TypeScript, &p.name, Case::LowerCamel);
                format!("{name}: {}", self.ty(&p.ty, site))
            })
            .collect();
        let result = match self.thrown_result(func.result.as_ref()) {
            Some(r) => r.ok.as_ref().map(|t| self.ty(t, site)),
            None => func.result.as_ref().map(|t| self.ty(t, site)),
        };
        (params.join(", "), result.unwrap_or_else(|| "void".into()))
    }

    /// The doc lines of a function: its WIT docs and, when it throws, the `@throws` lines for
    /// the sides of module `index` (a module imported and exported describes both).
    pub fn function_docs(
        &self,
        func: &Function,
        index: usize,
        site: Site,
        import: bool,
    ) -> Vec<String> {
        let mut lines = docs::lines(&func.docs);
        if let Some(r) = self.thrown_result(func.result.as_ref()) {
            let err = r
                .err
                .as_ref()
                .map(|t| self.ty(t, site))
                .unwrap_or_else(|| "undefined".into());
            let module = &self.layout.modules[index];
            let (imported, exported) = if index == WORLD {
                (import, !import)
            } else {
                (module.imported, module.exported)
            };
            if !lines.is_empty() {
                lines.push(String::new());
            }
            if imported {
                lines.push(docs::throws_import(&err));
            }
            if exported {
                lines.push(docs::throws_export(&err));
            }
        }
        lines
    }

    /// A freestanding function of module `index`: `export function name(...): R;`, or a local
    /// declaration exported under the engine's name when that name is reserved (`delete`).
    pub fn module_function(&self, index: usize, func: &Function, import: bool) -> String {
        let site = Site::Module(index);
        let mut out = String::new();
        docs::push(
            &mut out,
            "  ",
            self.function_docs(func, index, site, import),
        );
        let runtime = convert_case(&func.name, Case::LowerCamel);
        let local = ident(Language::TypeScript, &func.name, Case::LowerCamel);
        let signature = self.signature(func, site);
        if local == runtime {
            let _ = writeln!(out, "  export function {local}{signature};");
        } else {
            let _ = writeln!(out, "  function {local}{signature};");
            let _ = writeln!(out, "  export {{ {local} as {runtime} }};");
        }
        out
    }

    /// A constructor, method or static of a resource class in module `index`.
    pub fn class_member(&self, index: usize, func: &Function, import: bool) -> String {
        let site = Site::Module(index);
        let mut out = String::new();
        docs::push(
            &mut out,
            "    ",
            self.function_docs(func, index, site, import),
        );
        let signature = self.signature(func, site);
        let _ = match func.kind {
            FunctionKind::Constructor(_) => writeln!(out, "    constructor{signature};"),
            FunctionKind::Static(_)
            | FunctionKind::StaticGetter(_)
            | FunctionKind::StaticSetter(_) => {
                writeln!(out, "    static {}{signature};", member_name(func))
            }
            _ => writeln!(out, "    {}{signature};", member_name(func)),
        };
        out
    }

    /// One of the world's own imported functions. ComponentizeJS offers it as the default
    /// export of a module named after it (`import log from 'log'`); QuickJS as a global.
    pub fn world_import_function(&self, func: &Function) -> String {
        let mut out = String::from("\n");
        let lines = self.function_docs(func, WORLD, Site::Foreign, true);
        let signature = self.signature(func, Site::Foreign);
        let local = ident(Language::TypeScript, &func.name, Case::LowerCamel);
        if self.sm() {
            let _ = writeln!(out, "declare module '{}' {{", func.name);
            docs::push(&mut out, "  ", lines);
            let _ = writeln!(out, "  export default function {local}{signature};");
            out.push_str("}\n");
            return out;
        }
        let runtime = convert_case(&func.name, Case::LowerCamel);
        if !is_plain_ident(&runtime) {
            let _ = writeln!(
                out,
                "// The global `{runtime}` (the world's import `{}`) is a reserved word: TypeScript \
                 cannot declare it; reach it as `globalThis['{runtime}']`.",
                func.name
            );
            return out;
        }
        docs::push(&mut out, "", lines);
        let _ = writeln!(out, "declare function {runtime}{signature};");
        out
    }

    /// QuickJS makes the world's own resources globals: `declare var Blob: typeof ...`.
    pub fn world_global_class(&mut self, class: &Class) {
        let spec = &self.layout.modules[WORLD].spec;
        let mut out = String::from("\n");
        docs::push(&mut out, "", class.docs.clone());
        let _ = writeln!(
            out,
            "declare var {}: typeof import('{spec}').{};",
            class.exported, class.exported
        );
        self.world_imports.push_str(&out);
    }
}

/// The name of a method or static: lowerCamelCase as the engines name it; reserved words are
/// fine as member names, except `constructor`, which is written as a computed name.
pub fn member_name(func: &Function) -> String {
    let name = convert_case(func.item_name(), Case::LowerCamel);
    if name == "constructor" {
        "['constructor']".into()
    } else {
        name
    }
}
