//! Imported functions: a safe Rust wrapper per WIT function, rendered from its import plan.

use crate::emit::{RustEmitter, UserCall, push};
use crate::types::Position;
use crate::{Generator, push_docs, rust_ident};
use anyhow::{Context, Result};
use knit_bindgen_core::abi::{Plan, PlanKind, fallible_constructor};
use knit_bindgen_core::names::Case;
use std::fmt::Write;
use wit_parser::{Function, FunctionKind, Resolve, TypeOwner, WorldKey};

pub use knit_bindgen_core::abi::{is_method, resource_of};

/// The Rust name of a function: the item name for methods and statics; `new` for constructors, or
/// `constructor` when the resource also has a method or static called `new`.
pub fn fn_name(resolve: &Resolve, func: &Function) -> String {
    match func.kind {
        FunctionKind::Constructor(resource) => {
            let siblings: Vec<&Function> = match resolve.types[resource].owner {
                TypeOwner::Interface(iface) => {
                    resolve.interfaces[iface].functions.values().collect()
                }
                TypeOwner::World(world) => resolve.worlds[world]
                    .imports
                    .values()
                    .filter_map(|item| match item {
                        wit_parser::WorldItem::Function(f) => Some(f),
                        _ => None,
                    })
                    .collect(),
                TypeOwner::None => Vec::new(),
            };
            let clash = siblings.iter().any(|f| {
                resource_of(f) == Some(resource)
                    && !matches!(f.kind, FunctionKind::Constructor(_))
                    && rust_ident(f.item_name(), Case::Snake) == "new"
            });
            if clash {
                "constructor".to_string()
            } else {
                "new".to_string()
            }
        }
        _ => rust_ident(func.item_name(), Case::Snake),
    }
}

/// Declarations of the memory areas a plan needs, for the top of the function body.
pub fn area_prelude(plan: &Plan) -> String {
    let mut out = String::new();
    if let Some(area) = plan.params_area {
        let _ = writeln!(
            out,
            "let mut _params_area = _rt::Area::<{}>::new();",
            area.size
        );
    }
    if let Some(area) = plan.return_area {
        if plan.kind == PlanKind::Import {
            let _ = writeln!(
                out,
                "let mut _ret_area = _rt::Area::<{}>::new();",
                area.size
            );
        } else {
            let _ = writeln!(
                out,
                "static _RET_AREA: _rt::StaticArea<{}> = _rt::StaticArea::new();",
                area.size
            );
        }
    }
    out
}

impl Generator<'_> {
    /// Emits the wrapper of an imported function into `module` (inside an `impl` of its resource for
    /// methods, statics and constructors).
    pub fn import_function(
        &mut self,
        key: Option<&WorldKey>,
        func: &Function,
        module: &[String],
    ) -> Result<()> {
        let plan = self
            .abi
            .import_plan(key, func)
            .with_context(|| format!("planning import `{}`", func.name))?;
        let method = is_method(func);
        let mut params = Vec::new();
        let mut args = Vec::new();
        for (i, param) in func.params.iter().enumerate() {
            if i == 0 && method {
                params.push("&self".to_string());
                args.push("self".to_string());
                continue;
            }
            let name = rust_ident(&param.name, Case::Snake);
            params.push(format!(
                "{name}: {}",
                self.ty(&param.ty, module, false, Position::ImportParam)
            ));
            args.push(name);
        }
        let ret = match (&func.kind, func.result) {
            (FunctionKind::Constructor(_), Some(ty))
                if fallible_constructor(self.resolve, func).is_some() =>
            {
                format!(" -> {}", self.ty(&ty, module, false, Position::Owned))
            }
            (FunctionKind::Constructor(_), _) => " -> Self".to_string(),
            (_, Some(ty)) => format!(" -> {}", self.ty(&ty, module, false, Position::Owned)),
            (_, None) => String::new(),
        };
        let mut emitter = RustEmitter::new(self, module, PlanKind::Import, args, UserCall::None);
        knit_bindgen_core::abi::run(&plan.body, &mut emitter);
        let body = emitter.body();
        let prelude = std::mem::take(&mut emitter.prelude);
        let result = emitter.result.take();
        drop(emitter);
        let impl_of = resource_of(func).map(|resource| self.type_path(resource, module, false));
        let name = fn_name(self.resolve, func);
        let areas = area_prelude(&plan);
        // Written straight into the module's code, with no copy of the function on the way.
        if !self.modules.contains_key(module) {
            self.modules.insert(module.to_vec(), String::new());
        }
        let code = self.modules.get_mut(module).expect("inserted above");
        if let Some(resource) = &impl_of {
            push(code, &["impl ", resource, " {\n"]);
        }
        push_docs(code, &func.docs, "///");
        push(
            code,
            &[
                "#[allow(unused_unsafe, unused_parens, unused_variables, non_snake_case, clippy::all)]\npub fn ",
                &name,
                "(",
                &params.join(", "),
                ")",
                &ret,
                " {\nunsafe {\n",
                &areas,
                &prelude,
                &body,
                result.as_deref().unwrap_or_default(),
                "\n}\n}\n",
            ],
        );
        if impl_of.is_some() {
            code.push_str("}\n");
        }
        Ok(())
    }
}
