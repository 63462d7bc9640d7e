//! Imported functions: a Go function (or method) per WIT function, rendered from its import plan.

use crate::emit::{GoEmitter, ResultStyle, UserCall};
use crate::{Generator, go_ident, push_docs};
use anyhow::{Context, Result};
use knit_bindgen_core::abi::PlanKind;
use knit_bindgen_core::names::Case;
use std::collections::HashSet;
use std::fmt::Write;
use wit_parser::{Function, FunctionKind, Type, TypeDefKind, TypeId, WorldKey};

pub use knit_bindgen_core::abi::{is_method, resource_of};

/// Go parameter names for a function's parameters: lower camel case, unique, never a name the
/// generated body keeps for itself.
pub fn param_names(func: &Function) -> Vec<String> {
    let mut seen: HashSet<String> = ["pinner", "cm", "self"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    func.params
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 0 && is_method(func) {
                return "self".to_string();
            }
            let mut name = go_ident(&p.name, Case::LowerCamel);
            while !seen.insert(name.clone()) {
                name.push('_');
            }
            name
        })
        .collect()
}

impl Generator<'_> {
    /// How a function's result meets Go's `error`: only an anonymous `result<T, string>` or
    /// `result<_, string>` becomes `error`.
    pub fn result_style(&self, func: &Function, exporting: bool) -> ResultStyle {
        let Some(Type::Id(id)) = func.result else {
            return ResultStyle::Plain;
        };
        let def = &self.resolve.types[id];
        let TypeDefKind::Result(r) = &def.kind else {
            return ResultStyle::Plain;
        };
        if def.name.is_some() || r.err != Some(Type::String) {
            return ResultStyle::Plain;
        }
        let result = self.ty(&Type::Id(id), exporting);
        match &r.ok {
            Some(ok) => ResultStyle::ErrorValue {
                ok: self.ty(ok, exporting),
                result,
            },
            None => ResultStyle::ErrorUnit { result },
        }
    }

    /// The Go result list of a function: ` T`, ` (T, error)`, ` error` or nothing.
    pub fn results_of(&self, func: &Function, exporting: bool) -> String {
        match self.result_style(func, exporting) {
            ResultStyle::ErrorValue { ok, .. } => format!(" ({ok}, error)"),
            ResultStyle::ErrorUnit { .. } => " error".to_string(),
            ResultStyle::Plain => func
                .result
                .map(|t| format!(" {}", self.ty(&t, exporting)))
                .unwrap_or_default(),
        }
    }

    /// `name T, ...` for a function's parameters (without the method receiver).
    pub fn params_of(&self, func: &Function, names: &[String], exporting: bool) -> String {
        let skip = usize::from(is_method(func));
        let parts: Vec<String> = func.params[skip..]
            .iter()
            .zip(&names[skip..])
            .map(|(p, n)| format!("{n} {}", self.ty(&p.ty, exporting)))
            .collect();
        parts.join(", ")
    }

    /// The Go name of an imported function at package level: `Name`, `New<Resource>` or
    /// `<Resource><Static>`; claimed in the current package.
    fn import_name(&self, func: &Function) -> String {
        let pkg = self.current.get();
        match (func.kind.clone(), resource_of(func)) {
            (FunctionKind::Constructor(_), Some(r)) => {
                let res = self.names_in(pkg, r).name;
                self.claim(pkg, &format!("New{res}"))
            }
            (_, Some(r)) if !is_method(func) => {
                let res = self.names_in(pkg, r).name;
                self.claim(
                    pkg,
                    &format!(
                        "{res}{}",
                        knit_bindgen_core::names::convert_case(func.item_name(), Case::UpperCamel)
                    ),
                )
            }
            _ => self.claim(pkg, &go_ident(func.item_name(), Case::UpperCamel)),
        }
    }

    /// The Go wrapper of an imported function, for the current package.
    pub fn import_function(&self, key: Option<&WorldKey>, func: &Function) -> Result<String> {
        let plan = self
            .abi
            .import_plan(key, func)
            .with_context(|| format!("planning import `{}`", func.name))?;
        let names = param_names(func);
        let style = self.result_style(func, false);
        let mut emitter =
            GoEmitter::new(self, PlanKind::Import, names.clone(), UserCall::None, style);
        emitter.areas(plan.params_area, plan.return_area);
        emitter.import_base = func.name.clone();
        emitter.guard_gc = func
            .result
            .is_some_and(|t| self.abi.layout().owns_memory(self.resolve, &t));
        knit_bindgen_core::abi::run(&plan.body, &mut emitter);
        let body = emitter.body();
        let mut code = String::new();
        push_docs(&mut code, &func.docs);
        let params = self.params_of(func, &names, false);
        let results = self.results_of(func, false);
        if is_method(func) {
            let r = resource_of(func).expect("a method has a resource");
            let res = self.names_in(self.current.get(), r).name;
            let method = self.method_name(r, func);
            if code.is_empty() {
                let _ = writeln!(code, "// {method} calls the WIT method `{}`.", func.name);
            }
            let _ = write!(
                code,
                "func (self {res}) {method}({params}){results} {{\n{body}}}\n\n"
            );
        } else {
            let name = self.import_name(func);
            if code.is_empty() {
                let _ = writeln!(code, "// {name} calls the WIT function `{}`.", func.name);
            }
            let _ = write!(code, "func {name}({params}){results} {{\n{body}}}\n\n");
        }
        Ok(code)
    }

    /// The Go name of a resource method: upper camel case, avoiding the names every resource type
    /// has (`Drop`, `Handle`).
    pub fn method_name(&self, _resource: TypeId, func: &Function) -> String {
        let name = go_ident(func.item_name(), Case::UpperCamel);
        if name == "Drop" || name == "Handle" {
            format!("{name}_")
        } else {
            name
        }
    }
}
