//! Exports: the `Exports` interface the user implements, `SetExports` to register it, the
//! `go:wasmexport` entry points rendered from export plans, post-return functions, and stubs.

use crate::emit::{GoEmitter, ResultStyle, UserCall, sanitize};
use crate::functions::{is_method, param_names, resource_of};
use crate::layout::Pkg;
use crate::{Generator, push_docs_indented};
use anyhow::{Context, Result};
use knit_bindgen_core::abi::PlanKind;
use knit_bindgen_core::names::{Case, convert_case};
use knit_bindgen_core::walk::ExportEntry;
use std::collections::HashSet;
use std::fmt::Write;
use wit_parser::{Function, FunctionKind, TypeId, WorldKey};

impl Generator<'_> {
    /// Everything the exports of one package need: `funcs` are the exported functions of an
    /// interface (`key` is `Some`) or of the world, `resources` the resources the interface defines.
    pub fn export_functions(
        &self,
        pkg: Pkg,
        key: Option<&WorldKey>,
        funcs: &[&Function],
        resources: &[TypeId],
    ) -> Result<String> {
        let iface = self.claim(pkg, "Exports");
        let set = self.claim(pkg, "SetExports");
        let what = match key {
            Some(key) => format!(
                "the exported interface `{}`",
                self.resolve.name_world_key(key)
            ),
            None => format!("the world `{}`", self.resolve.worlds[self.world].name),
        };
        let mut methods = HashSet::new();
        let mut method_names = Vec::new();
        let mut out = format!(
            "// {iface} is what the component implements for {what}; register an implementation with {set}.\ntype {iface} interface {{\n"
        );
        for func in funcs {
            if is_method(func) {
                method_names.push(String::new());
                continue;
            }
            let mut name = match (func.kind.clone(), resource_of(func)) {
                (FunctionKind::Constructor(_), Some(r)) => {
                    format!("New{}", self.names_in(pkg, r).name)
                }
                (_, Some(r)) => format!(
                    "{}{}",
                    self.names_in(pkg, r).name,
                    convert_case(func.item_name(), Case::UpperCamel)
                ),
                _ => crate::go_ident(func.item_name(), Case::UpperCamel),
            };
            while !methods.insert(name.clone()) {
                name.push('_');
            }
            push_docs_indented(&mut out, &func.docs, "\t");
            let _ = writeln!(
                out,
                "\t{name}({}){}",
                self.params_of(func, &param_names(func), true),
                self.export_results(func)
            );
            method_names.push(name);
        }
        out.push_str("}\n\n");
        let _ = write!(
            out,
            "var exports_impl {iface}\n\n\
             // {set} registers the implementation of the exports; call it once, from an init function.\n\
             func {set}(impl {iface}) {{\n\texports_impl = impl\n}}\n\n\
             func exports_get() {iface} {{\n\tif exports_impl == nil {{\n\t\tpanic(\"knit: no implementation of {what}: call {set} first\")\n\t}}\n\treturn exports_impl\n}}\n\n"
        );
        for (func, method) in funcs.iter().zip(&method_names) {
            out.push_str(&self.export_entry(pkg, key, func, method)?);
        }
        if self.opts.stubs {
            out.push_str(&self.stubs(pkg, &iface, &set, funcs, &method_names, resources));
        }
        Ok(out)
    }

    /// The Go results of an exported function as the user writes it (constructors return the
    /// resource value).
    fn export_results(&self, func: &Function) -> String {
        self.results_of(func, true)
    }

    /// The `go:wasmexport` entry point and post-return function of one export.
    fn export_entry(
        &self,
        pkg: Pkg,
        key: Option<&WorldKey>,
        func: &Function,
        method: &str,
    ) -> Result<String> {
        let entry = ExportEntry::new(&self.abi, key, func)
            .with_context(|| format!("planning export `{}`", func.name))?;
        let plan = &entry.plan;
        let call = if is_method(func) {
            UserCall::Method(
                self.method_name(resource_of(func).expect("a method has a resource"), func),
            )
        } else {
            UserCall::Function(format!("exports_get().{method}"))
        };
        let style = self.result_style(func, true);
        let args: Vec<String> = (0..plan.core_params.len())
            .map(|i| format!("arg{i}"))
            .collect();
        let mut emitter = GoEmitter::new(self, PlanKind::Export, args.clone(), call, style);
        emitter.areas(plan.params_area, plan.return_area);
        emitter.import_base = func.name.clone();
        knit_bindgen_core::abi::run(&plan.body, &mut emitter);
        let body = emitter.body();
        let export_name = &entry.name;
        let entry_fn = self.claim(pkg, &format!("wasmexport_{}", sanitize(&func.name)));
        let params: Vec<String> = args
            .iter()
            .zip(&plan.core_params)
            .map(|(a, t)| format!("{a} {}", crate::types::flat_go(*t)))
            .collect();
        let ret = plan
            .core_results
            .first()
            .map(|t| format!(" {}", crate::types::flat_go(*t)))
            .unwrap_or_default();
        let cm = self.cm();
        let mut code = format!(
            "//go:wasmexport {export_name}\nfunc {entry_fn}({}){ret} {{\n{cm}ExportEnter()\ndefer {cm}ExportLeave()\n{body}}}\n\n",
            params.join(", ")
        );
        if let Some((post_name, post)) = &entry.post_return {
            let mut emitter = GoEmitter::new(
                self,
                PlanKind::PostReturn,
                vec!["arg0".into()],
                UserCall::None,
                ResultStyle::Plain,
            );
            emitter.import_base = func.name.clone();
            knit_bindgen_core::abi::run(&post.body, &mut emitter);
            let body = emitter.body();
            let post_entry = self.claim(pkg, &format!("wasmexport_post_{}", sanitize(&func.name)));
            let params: Vec<String> = post
                .core_params
                .iter()
                .enumerate()
                .map(|(i, t)| format!("arg{i} {}", crate::types::flat_go(*t)))
                .collect();
            let _ = write!(
                code,
                "//go:wasmexport {}\nfunc {post_entry}({}) {{\n{body}}}\n\n",
                post_name,
                params.join(", ")
            );
        }
        Ok(code)
    }

    /// `Stub` (and `Stub<Resource>`) implementations whose methods panic, registered from `init`.
    fn stubs(
        &self,
        pkg: Pkg,
        iface: &str,
        set: &str,
        funcs: &[&Function],
        methods: &[String],
        resources: &[TypeId],
    ) -> String {
        let stub = self.claim(pkg, "Stub");
        let mut out = format!(
            "// {stub} implements {iface} with methods that panic, so the world links before it is implemented.\ntype {stub} struct{{}}\n\n"
        );
        let mut resource_stubs = std::collections::HashMap::new();
        for r in resources {
            let name = self.names_in(pkg, *r).name;
            let s = self.claim(pkg, &format!("Stub{name}"));
            let _ = writeln!(
                out,
                "// {s} is a placeholder `{name}`.\ntype {s} struct{{}}\n"
            );
            resource_stubs.insert(*r, s);
        }
        for (func, method) in funcs.iter().zip(methods) {
            let names = param_names(func);
            let params = self.params_of(func, &names, true);
            let results = self.export_results(func);
            let body = format!("\tpanic(\"knit stub: `{}` is not implemented\")", func.name);
            if is_method(func) {
                let r = resource_of(func).expect("a method has a resource");
                let Some(s) = resource_stubs.get(&r) else {
                    continue;
                };
                let _ = writeln!(
                    out,
                    "// {} is a placeholder.\nfunc ({s}) {}({params}){results} {{\n{body}\n}}\n",
                    self.method_name(r, func),
                    self.method_name(r, func)
                );
            } else {
                let _ = writeln!(
                    out,
                    "// {method} is a placeholder.\nfunc ({stub}) {method}({params}){results} {{\n{body}\n}}\n"
                );
            }
        }
        let _ = writeln!(
            out,
            "func init() {{\n\tif exports_impl == nil {{\n\t\t{set}({stub}{{}})\n\t}}\n}}\n"
        );
        out
    }
}
