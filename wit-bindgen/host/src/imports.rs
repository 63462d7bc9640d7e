//! Imports: a `Host` trait per imported interface (and `<World>Imports` for world-level functions),
//! a `Host<Resource>` trait per imported resource, and `add_to_linker` wiring them into a `Linker`.

use crate::generator::{
    FuncFlags, Gen, Mode, check_kind, doc, drop_name, method_name, rust, type_name, unclash,
};
use anyhow::Result;
use knit_bindgen_core::names::Case;
use std::collections::BTreeSet;
use wit_parser::{Function, InterfaceId, TypeDefKind, TypeId, WorldKey};

/// One set of imported functions served by one trait.
struct Scope<'f> {
    /// Where the trait goes.
    module: Vec<String>,
    /// The linker instance name (`ns:pkg/iface@v`), `None` for the world's root.
    instance: Option<String>,
    /// The selector name of the interface, `None` at world level.
    selector: Option<String>,
    trait_name: String,
    functions: Vec<&'f Function>,
    resources: Vec<TypeId>,
    /// Every type name of the scope's module (trait names must avoid them).
    taken: BTreeSet<String>,
    /// Doc comment lines for the main trait.
    docs: String,
}

impl Gen<'_> {
    /// The types, `Host` trait and `add_to_linker` of an imported interface (nothing when `with`
    /// maps it to existing bindings).
    pub fn import_interface(&mut self, key: &WorldKey, id: InterfaceId) -> Result<()> {
        if self.with_interface(id).is_some() {
            return Ok(());
        }
        let iface = &self.resolve.interfaces[id];
        let module = self.import_module(key);
        let types: Vec<TypeId> = iface.types.values().copied().collect();
        self.define_types(&types, &module)?;
        let name = self.key_name(key);
        let functions: Vec<&Function> = iface.functions.values().collect();
        let resources = self.resources_of(&types);
        if functions.is_empty() && resources.is_empty() {
            return Ok(());
        }
        let taken: BTreeSet<String> = iface.types.keys().map(|n| type_name(n)).collect();
        let trait_name = unclash(&taken, "Host");
        self.interface_scopes
            .push((module.clone(), trait_name.clone()));
        let docs = format!(
            "{}/// Implemented by the host to serve the guest's imports of `{name}`.\n",
            doc(&iface.docs)
        );
        self.import_scope(Scope {
            module,
            instance: Some(name.clone()),
            selector: Some(name),
            trait_name,
            functions,
            resources,
            taken,
            docs,
        })
    }

    /// The world's own imported types and functions: their definitions, and the
    /// `<World>Imports` trait when there are functions or resources.
    pub fn import_world(&mut self, types: &[TypeId], functions: Vec<&Function>) -> Result<()> {
        let world_name = self.world_struct_name();
        self.define_types(types, &[])?;
        let resources = self.resources_of(types);
        if functions.is_empty() && resources.is_empty() {
            return Ok(());
        }
        let taken: BTreeSet<String> = types
            .iter()
            .filter_map(|id| self.resolve.types[*id].name.as_deref())
            .map(type_name)
            .collect();
        let root_trait = unclash(&taken, &format!("{world_name}Imports"));
        self.push(
            &[],
            "/// Implemented by the host to serve the world's own imported functions.\n",
        );
        self.import_scope(Scope {
            module: Vec::new(),
            instance: None,
            selector: None,
            trait_name: root_trait.clone(),
            functions,
            resources,
            taken,
            docs: "/// Implemented by the host to serve the world's own imported functions.\n"
                .into(),
        })?;
        self.root_import_trait = Some(root_trait);
        Ok(())
    }

    /// `<World>::add_to_linker`, wiring every import scope at once.
    pub fn world_imports(&mut self) {
        let world_name = self.world_struct_name();
        let scopes = std::mem::take(&mut self.interface_scopes);
        let root = self.root_import_trait.clone();
        self.world_add_to_linker(&world_name, &scopes, root.as_deref());
    }

    fn resources_of(&self, types: &[TypeId]) -> Vec<TypeId> {
        types
            .iter()
            .copied()
            .filter(|id| matches!(self.resolve.types[*id].kind, TypeDefKind::Resource))
            .collect()
    }

    fn world_add_to_linker(
        &mut self,
        world_name: &str,
        scopes: &[(Vec<String>, String)],
        root_trait: Option<&str>,
    ) {
        let wt = self.wt.clone();
        let mut bounds: Vec<String> = scopes.iter().map(|(m, t)| Gen::path(&[], m, t)).collect();
        let mut calls: Vec<String> = scopes
            .iter()
            .map(|(m, _)| format!("{}add_to_linker(linker, get)?;", Gen::path(&[], m, "")))
            .collect();
        if let Some(root_trait) = root_trait {
            bounds.push(root_trait.to_string());
            calls.push(format!(
                "add_{}_imports_to_linker(linker, get)?;",
                rust(world_name, Case::Snake).trim_start_matches("r#")
            ));
        }
        let bounds = if bounds.is_empty() {
            String::new()
        } else {
            format!(" + {}", bounds.join(" + "))
        };
        let send = if self.any_async {
            " + ::core::marker::Send"
        } else {
            ""
        };
        self.push(
            &[],
            &format!(
                "impl {world_name} {{\n\
                 /// Adds every import this world needs (except those mapped with `with`, which their own\n\
                 /// bindings add) to `linker`, served by the value `get` returns from the store's data.\n\
                 pub fn add_to_linker<T: 'static{send}, H: 'static{send}{bounds}>(linker: &mut {wt}::component::Linker<T>, get: fn(&mut T) -> &mut H) -> {wt}::Result<()> {{\n\
                 let _ = (&linker, get);\n{}\n::core::result::Result::Ok(())\n}}\n}}\n",
                calls.join("\n")
            ),
        );
    }

    fn import_scope(&mut self, scope: Scope<'_>) -> Result<()> {
        let wt = self.wt.clone();
        let module = scope.module.clone();
        let mut traits = String::new();
        let mut wiring = String::new();
        let mut supertraits = Vec::new();
        let mut any_async = false;
        for resource in &scope.resources {
            let r_name = type_name(
                self.resolve.types[*resource]
                    .name
                    .as_deref()
                    .unwrap_or("resource"),
            );
            let wit_name = self.resolve.types[*resource]
                .name
                .clone()
                .unwrap_or_default();
            let trait_name = unclash(&scope.taken, &format!("Host{r_name}"));
            let drop_fn = drop_name(*resource, &scope.functions);
            supertraits.push(trait_name.clone());
            traits.push_str(&format!("/// The host's implementation of resource `{wit_name}`.\npub trait {trait_name} {{\n"));
            for func in scope
                .functions
                .iter()
                .filter(|f| f.kind.resource() == Some(*resource))
            {
                let flags = self.flags(scope.selector.as_deref(), func);
                any_async |= flags.is_async;
                traits.push_str(&self.host_method(func, &module, flags, &scope.functions)?);
                wiring.push_str(&self.wrap_function(
                    func,
                    &module,
                    flags,
                    &trait_name,
                    &scope.functions,
                )?);
            }
            traits.push_str(&format!(
                "/// Called when the guest drops its last handle to `{wit_name}` `rep`; an `Err` traps it.\n\
                 fn {drop_fn}(&mut self, rep: {wt}::component::Resource<{r_name}>) -> {wt}::Result<()>;\n}}\n"
            ));
            wiring.push_str(&format!(
                "instance.resource({wit_name:?}, {wt}::component::ResourceType::host::<{r_name}>(), move |mut store, rep| {{\n\
                 {trait_name}::{drop_fn}(get(store.data_mut()), {wt}::component::Resource::new_own(rep))\n}})?;\n"
            ));
        }
        let trait_name = &scope.trait_name;
        let supers = if supertraits.is_empty() {
            String::new()
        } else {
            format!(": {}", supertraits.join(" + "))
        };
        traits.push_str(&scope.docs);
        traits.push_str(&format!("pub trait {trait_name}{supers} {{\n"));
        for func in scope
            .functions
            .iter()
            .filter(|f| f.kind.resource().is_none())
        {
            let flags = self.flags(scope.selector.as_deref(), func);
            any_async |= flags.is_async;
            traits.push_str(&self.host_method(func, &module, flags, &scope.functions)?);
            wiring.push_str(&self.wrap_function(
                func,
                &module,
                flags,
                trait_name,
                &scope.functions,
            )?);
        }
        traits.push_str("}\n");
        self.any_async |= any_async;
        let send = if any_async {
            " + ::core::marker::Send"
        } else {
            ""
        };
        let (fn_name, instance) = match &scope.instance {
            Some(name) => (
                "add_to_linker".to_string(),
                format!("let mut instance = linker.instance({name:?})?;"),
            ),
            None => {
                let world = &self.resolve.worlds[self.world].name;
                (
                    format!(
                        "add_{}_imports_to_linker",
                        rust(world, Case::Snake).trim_start_matches("r#")
                    ),
                    "let mut instance = linker.root();".to_string(),
                )
            }
        };
        traits.push_str(&format!(
            "/// Adds these imports to `linker`, served by the value `get` returns from the store's data.\n\
             pub fn {fn_name}<T: 'static{send}, H: {trait_name} + 'static{send}>(linker: &mut {wt}::component::Linker<T>, get: fn(&mut T) -> &mut H) -> {wt}::Result<()> {{\n\
             {instance}\n{wiring}::core::result::Result::Ok(())\n}}\n"
        ));
        self.push(&module, &traits);
        Ok(())
    }

    /// The trait method's return type for `func`.
    fn host_return(&self, func: &Function, module: &[String], flags: FuncFlags) -> Result<String> {
        let wt = &self.wt;
        if flags.typed_error
            && let Some((ok, err)) = self.result_parts(func, module)?
        {
            self.uses_typed_error_mark();
            return Ok(format!(
                "::core::result::Result<{ok}, {}>",
                Gen::path(module, &[], &format!("TypedError<{err}>"))
            ));
        }
        let plain = match &func.result {
            Some(ty) => self.ty(ty, module, Mode::Owned)?,
            None => "()".into(),
        };
        Ok(if flags.trappable {
            format!("{wt}::Result<{plain}>")
        } else {
            plain
        })
    }

    fn uses_typed_error_mark(&self) {
        self.typed_error_used.set(true);
    }

    fn host_method(
        &self,
        func: &Function,
        module: &[String],
        flags: FuncFlags,
        siblings: &[&Function],
    ) -> Result<String> {
        check_kind(func)?;
        let mut params = vec!["&mut self".to_string()];
        for param in &func.params {
            params.push(format!(
                "{}: {}",
                rust(&param.name, Case::Snake),
                self.ty(&param.ty, module, Mode::Owned)?
            ));
        }
        let ret = self.host_return(func, module, flags)?;
        let ret = if flags.is_async {
            format!("impl ::core::future::Future<Output = {ret}> + ::core::marker::Send")
        } else {
            ret
        };
        let allow = if params.len() > 7 {
            "#[allow(clippy::too_many_arguments)]\n"
        } else {
            ""
        };
        Ok(format!(
            "{}{allow}fn {}({}) -> {ret};\n",
            doc(&func.docs),
            method_name(func, siblings),
            params.join(", ")
        ))
    }

    fn wrap_function(
        &self,
        func: &Function,
        module: &[String],
        flags: FuncFlags,
        trait_name: &str,
        siblings: &[&Function],
    ) -> Result<String> {
        let wt = &self.wt;
        let names: Vec<String> = (0..func.params.len()).map(|i| format!("arg{i}")).collect();
        let types: Result<Vec<String>> = func
            .params
            .iter()
            .map(|p| self.ty(&p.ty, module, Mode::Owned))
            .collect();
        let pattern = format!(
            "({}): ({})",
            names.iter().map(|n| format!("{n},")).collect::<String>(),
            types?.iter().map(|t| format!("{t},")).collect::<String>()
        );
        let ret_ty = match &func.result {
            Some(ty) => format!("({},)", self.ty(ty, module, Mode::Owned)?),
            None => "()".into(),
        };
        let await_ = if flags.is_async { ".await" } else { "" };
        let call = format!(
            "{trait_name}::{}(host, {}){await_}",
            method_name(func, siblings),
            names.join(", ")
        );
        let value = if flags.typed_error && self.result_parts(func, module)?.is_some() {
            let typed = Gen::path(module, &[], "TypedError");
            format!(
                "match {call} {{ ::core::result::Result::Ok(v) => ::core::result::Result::Ok(v), ::core::result::Result::Err({typed}::Error(e)) => ::core::result::Result::Err(e), ::core::result::Result::Err({typed}::Trap(trap)) => return ::core::result::Result::Err(trap) }}"
            )
        } else if flags.trappable {
            format!("{call}?")
        } else {
            call
        };
        let ok = if func.result.is_some() {
            "::core::result::Result::Ok((value,))"
        } else {
            "{ let () = value; ::core::result::Result::Ok(()) }"
        };
        let body = format!("let host = get(store.data_mut());\nlet value = {value};\n{ok}");
        Ok(if flags.is_async {
            format!(
                "instance.func_wrap_async({:?}, move |mut store: {wt}::StoreContextMut<'_, T>, {pattern}| ::std::boxed::Box::new(async move {{\n{body}\n}}))?;\n",
                func.name
            )
        } else {
            format!(
                "instance.func_wrap({:?}, move |mut store: {wt}::StoreContextMut<'_, T>, {pattern}| -> {wt}::Result<{ret_ty}> {{\n{body}\n}})?;\n",
                func.name
            )
        })
    }
}
