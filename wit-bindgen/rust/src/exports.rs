//! Exports: the `Guest` traits users implement, the generic entry points rendered from export plans,
//! the `export!` macro that instantiates them for the user's type, and optional stubs.

use crate::emit::{RustEmitter, UserCall};
use crate::functions::{area_prelude, fn_name, resource_of};
use crate::paths::relative;
use crate::{Generator, push_docs, rust_ident};
use anyhow::{Context, Result};
use knit_bindgen_core::abi::{FlatType, PlanKind, fallible_constructor};
use knit_bindgen_core::names::Case;
use knit_bindgen_core::walk::{ExportEntry, ResourceSite, Scope};
use std::fmt::Write;
use wit_parser::{Function, InterfaceId, TypeId, WorldKey};

/// One core export the `export!` macro defines.
pub struct ExportFn {
    /// The core export name (`a:b/c#f`, `cabi_post_...`, `a:b/c#[dtor]r`).
    name: String,
    params: Vec<FlatType>,
    results: Vec<FlatType>,
    /// Path from the bindings root to the generic function to call.
    target: String,
    /// The type argument: `None` for the user's type itself, or a trait (path from the bindings
    /// root) and associated type whose implementation is used (`<$ty as Trait>::Assoc`).
    assoc: Option<(String, String)>,
}

impl Generator<'_> {
    /// Emits what an exported scope needs besides its types: the `Guest` trait (with an associated
    /// type per resource), stubs when asked for, and an entry point per function and destructor.
    pub fn export_scope(
        &mut self,
        scope: Scope<'_>,
        module: &[String],
        funcs: &[&Function],
        resources: &[TypeId],
    ) -> Result<()> {
        let key = scope.key();
        let guest_trait = match scope.interface() {
            Some(id) => self.guest_trait_name(id),
            None => "Guest".to_string(),
        };
        let what = match scope {
            Scope::World(_) => "the world's own exports",
            Scope::Interface(_) => "this interface",
        };
        let mut guest =
            format!("/// What the component implements for {what}.\npub trait {guest_trait} {{\n");
        let mut stub = String::new();
        for resource in resources {
            let name = rust_ident(
                self.resolve.types[*resource]
                    .name
                    .as_deref()
                    .unwrap_or_default(),
                Case::UpperCamel,
            );
            let _ = writeln!(
                guest,
                "    /// The type implementing `{name}`.\n    type {name}: Guest{name};"
            );
            let stub_type = format!("Stub{name}");
            let _ = writeln!(stub, "    type {name} = {stub_type};");
            self.stub_resource(module, &name, &stub_type, *resource, funcs);
        }
        for func in funcs.iter().filter(|f| resource_of(f).is_none()) {
            push_docs(&mut guest, &func.docs, "    ///");
            let signature = self.export_signature(func, module);
            let _ = writeln!(guest, "    {signature};");
            let _ = writeln!(
                stub,
                "    {signature} {{\n        unimplemented!(\"stub for `{}`\")\n    }}",
                func.name
            );
        }
        guest.push_str("}\n");
        self.push(module, &guest);
        if self.opts.stubs {
            let stub_path = relative(module, &[], "Stub");
            let code = format!(
                "#[allow(unused_variables)]\nimpl {guest_trait} for {stub_path} {{\n{stub}}}\n"
            );
            self.push(module, &code);
        }
        let trait_path = relative(&[], module, &guest_trait);
        for func in funcs {
            self.export_function(key, &guest_trait, func, module)?;
        }
        for resource in resources {
            let site = ResourceSite::in_scope(self.resolve, self.world, *resource, key);
            let name = rust_ident(site.wit_name, Case::UpperCamel);
            self.exports.push(ExportFn {
                name: site.destructor(self.resolve),
                params: vec![FlatType::I32],
                results: Vec::new(),
                target: relative(&[], module, &format!("{name}::dtor")),
                assoc: Some((trait_path.clone(), name)),
            });
        }
        Ok(())
    }

    fn stub_resource(
        &mut self,
        module: &[String],
        name: &str,
        stub_type: &str,
        resource: wit_parser::TypeId,
        funcs: &[&Function],
    ) {
        if !self.opts.stubs {
            return;
        }
        let mut body = String::new();
        for func in funcs.iter().filter(|f| resource_of(f) == Some(resource)) {
            let sig = self.export_signature(func, module);
            let _ = writeln!(
                body,
                "    {sig} {{\n        unimplemented!(\"stub for `{}`\")\n    }}",
                func.name
            );
        }
        let code = format!(
            "/// Placeholder for `{name}`.\npub struct {stub_type};\n#[allow(unused_variables)]\nimpl Guest{name} for {stub_type} {{\n{body}}}\n"
        );
        self.push(module, &code);
    }

    /// The name of an exported interface's trait: `Guest`, unless one of its types is already called
    /// that, then `GuestInterface`.
    fn guest_trait_name(&self, id: InterfaceId) -> String {
        let clash = self.resolve.interfaces[id]
            .types
            .keys()
            .any(|t| rust_ident(t, Case::UpperCamel) == "Guest");
        if clash {
            "GuestInterface".to_string()
        } else {
            "Guest".to_string()
        }
    }

    /// Emits the generic entry point (and post-return) of one export.
    fn export_function(
        &mut self,
        key: Option<&WorldKey>,
        guest_trait: &str,
        func: &Function,
        module: &[String],
    ) -> Result<()> {
        let entry = ExportEntry::new(&self.abi, key, func)
            .with_context(|| format!("planning export `{}`", func.name))?;
        let plan = &entry.plan;
        let resource = entry.resource;
        let (bound, call, assoc, suffix) = match resource {
            Some(r) => {
                let name = rust_ident(
                    self.resolve.types[r].name.as_deref().unwrap_or_default(),
                    Case::UpperCamel,
                );
                let call = match func.kind {
                    wit_parser::FunctionKind::Constructor(_) => UserCall::Constructor {
                        handle: name.clone(),
                        user: format!("_T::{}", fn_name(self.resolve, func)),
                        fallible: fallible_constructor(self.resolve, func).is_some(),
                    },
                    _ if crate::functions::is_method(func) => {
                        UserCall::Method(format!("_T::{}", fn_name(self.resolve, func)))
                    }
                    _ => UserCall::Function(format!("_T::{}", fn_name(self.resolve, func))),
                };
                let snake = rust_ident(
                    self.resolve.types[r].name.as_deref().unwrap_or_default(),
                    Case::Snake,
                );
                let suffix = format!(
                    "{}_{}",
                    snake.trim_start_matches("r#"),
                    fn_name(self.resolve, func).trim_start_matches("r#")
                );
                let guest = guest_trait.to_string();
                (
                    format!("Guest{name}"),
                    call,
                    Some((relative(&[], module, &guest), name)),
                    suffix,
                )
            }
            None => (
                guest_trait.to_string(),
                UserCall::Function(format!("_T::{}", fn_name(self.resolve, func))),
                None,
                fn_name(self.resolve, func)
                    .trim_start_matches("r#")
                    .to_string(),
            ),
        };
        let args: Vec<String> = (0..plan.core_params.len())
            .map(|i| format!("arg{i}"))
            .collect();
        let mut emitter = RustEmitter::new(self, module, PlanKind::Export, args.clone(), call);
        knit_bindgen_core::abi::run(&plan.body, &mut emitter);
        let body = emitter.body();
        let params: Vec<String> = args
            .iter()
            .zip(&plan.core_params)
            .map(|(a, t)| format!("{a}: {}", t.wasm_name()))
            .collect();
        let ret = plan
            .core_results
            .first()
            .map(|t| format!(" -> {}", t.wasm_name()))
            .unwrap_or_default();
        let entry_fn = format!("_export_{suffix}_cabi");
        let mut code = format!(
            "#[doc(hidden)]\n#[allow(unused_unsafe, unused_parens, unused_variables, non_snake_case, clippy::all)]\npub unsafe fn {entry_fn}<_T: {bound}>({}){ret} {{\nunsafe {{\n{}{}{body}{}\n}}\n}}\n",
            params.join(", "),
            area_prelude(plan),
            emitter.prelude,
            emitter.result.clone().unwrap_or_default()
        );
        self.exports.push(ExportFn {
            name: entry.name.clone(),
            params: plan.core_params.clone(),
            results: plan.core_results.clone(),
            target: relative(&[], module, &entry_fn),
            assoc: assoc.clone(),
        });
        if let Some((post_name, post)) = &entry.post_return {
            let post_entry = format!("_post_return_{suffix}");
            let mut emitter = RustEmitter::new(
                self,
                module,
                PlanKind::PostReturn,
                vec!["arg0".into()],
                UserCall::None,
            );
            knit_bindgen_core::abi::run(&post.body, &mut emitter);
            let body = emitter.body();
            let _ = write!(
                code,
                "#[doc(hidden)]\n#[allow(unused_unsafe, unused_parens, unused_variables, non_snake_case, clippy::all)]\npub unsafe fn {post_entry}<_T: {bound}>(arg0: i32) {{\nunsafe {{\n{body}\n}}\n}}\n"
            );
            self.exports.push(ExportFn {
                name: post_name.clone(),
                params: vec![FlatType::I32],
                results: Vec::new(),
                target: relative(&[], module, &post_entry),
                assoc,
            });
        }
        self.push(module, &code);
        Ok(())
    }

    /// The `export!` macro: one core export per entry, each calling its generic entry point with the
    /// user's type.
    pub fn export_macro(&self) -> String {
        let world_name = self.resolve.worlds[self.world].name.replace('-', "_");
        let macro_name = format!("__export_{world_name}_impl");
        let public = self
            .opts
            .export_macro_name
            .clone()
            .unwrap_or_else(|| "export".to_string());
        let body = |path: &str| -> String {
            let mut out = String::from("const _: () = {\n");
            for (i, export) in self.exports.iter().enumerate() {
                let params: Vec<String> = export
                    .params
                    .iter()
                    .enumerate()
                    .map(|(j, t)| format!("arg{j}: {}", t.wasm_name()))
                    .collect();
                let args: Vec<String> = (0..export.params.len())
                    .map(|j| format!("arg{j}"))
                    .collect();
                let ret = export
                    .results
                    .first()
                    .map(|t| format!(" -> {}", t.wasm_name()))
                    .unwrap_or_default();
                let ty = match &export.assoc {
                    None => "$ty".to_string(),
                    Some((guest, assoc)) => format!("<$ty as {path}::{guest}>::{assoc}"),
                };
                let _ = write!(
                    out,
                    "#[unsafe(export_name = {:?})]\nunsafe extern \"C\" fn export{i}({}){ret} {{\nunsafe {{ {path}::{}::<{ty}>({}) }}\n}}\n",
                    export.name,
                    params.join(", "),
                    export.target,
                    args.join(", ")
                );
            }
            out.push_str("};\n");
            out
        };
        let export_attr = if self.opts.pub_export_macro {
            "#[macro_export]\n"
        } else {
            ""
        };
        let visibility = if self.opts.pub_export_macro {
            "pub"
        } else {
            "pub(crate)"
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "/// Exports `$ty` as the implementation of every export of world `{world}`.\n///\n/// Call it once, as `export!(MyComponent);`, in the module where the bindings were generated; from\n/// elsewhere, name that module: `export!(MyComponent with_types_in crate::bindings);`.\n{export_attr}#[doc(hidden)]\nmacro_rules! {macro_name} {{\n    ($ty:ident) => {{\n{}    }};\n    ($ty:ident with_types_in $($path_to_types:tt)*) => {{\n{}    }};\n}}\n#[doc(inline)]\n#[allow(unused_imports)]\n{visibility} use {macro_name} as {public};\n",
            body("self"),
            body("$($path_to_types)*"),
            world = self.resolve.worlds[self.world].name
        );
        out
    }

    /// With `stubs`: the `Stub` type (its implementations sit beside each trait).
    pub fn stubs_code(&self) -> String {
        if !self.opts.stubs {
            return String::new();
        }
        let world_name = self.resolve.worlds[self.world].name.replace('-', "_");
        format!(
            "/// Placeholder implementation of every export, exported below so the crate links before any\n/// code is written. Replace it with your own type (and `export!(YourType);`) when you start.\npub struct Stub;\n__export_{world_name}_impl!(Stub);\n"
        )
    }
}
