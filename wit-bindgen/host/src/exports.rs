//! Exports: the world's `<World>Pre`, `<World>Indices` and `<World>` structs, and per exported
//! interface a `Guest` struct (with `GuestIndices`) whose `call_*` methods call the guest.

use crate::generator::{Gen, Mode, check_kind, doc, rust, type_name, unclash};
use anyhow::Result;
use knit_bindgen_core::names::Case;
use std::collections::BTreeSet;
use wit_parser::{Function, FunctionKind, InterfaceId, TypeId, WorldKey};

/// The pieces generated for one set of exported functions.
#[derive(Default)]
pub struct Pieces {
    index_fields: String,
    lookups: String,
    loads: String,
    func_fields: String,
    names: Vec<String>,
    calls: String,
}

/// The struct field holding a function's export index / `Func`.
fn field_name(func: &Function) -> String {
    match func.kind {
        FunctionKind::Freestanding => rust(&func.name, Case::Snake),
        _ => {
            let resource = func
                .name
                .split_once(']')
                .map_or(func.name.as_str(), |(_, rest)| rest);
            let resource = resource.split_once('.').map_or(resource, |(r, _)| r);
            let item = match func.kind {
                FunctionKind::Constructor(_) => "constructor".to_string(),
                _ => rust(func.item_name(), Case::Snake),
            };
            format!(
                "{}_{}",
                rust(resource, Case::Snake).trim_start_matches("r#"),
                item.trim_start_matches("r#")
            )
        }
    }
}

impl Gen<'_> {
    /// A world-level exported function: a `call_*` method on the world's struct.
    pub fn export_world_function(&mut self, func: &Function) -> Result<()> {
        let mut root = std::mem::take(&mut self.root_exports);
        let result = self.export_function(&mut root, func, &[], None, "self");
        self.root_exports = root;
        result
    }

    /// An exported interface: its types, its `Guest` and `GuestIndices` structs, and its field
    /// and accessor on the world's structs.
    pub fn export_interface_scope(&mut self, key: &WorldKey, id: InterfaceId) -> Result<()> {
        let module = self.export_module(key);
        let name = self.key_name(key);
        self.exporting = Some((id, module.clone()));
        let iface = &self.resolve.interfaces[id];
        let types: Vec<TypeId> = iface.types.values().copied().collect();
        self.define_types(&types, &module)?;
        let (guest, indices) = self.export_interface(
            &module,
            &name,
            iface.functions.values().collect(),
            &types,
            &doc(&iface.docs),
        )?;
        self.exporting = None;
        let field = rust(
            &name
                .split_once('@')
                .map_or(name.as_str(), |(n, _)| n)
                .replace([':', '/'], "-"),
            Case::Snake,
        );
        let path = Gen::path(&[], &module, "");
        let root = &mut self.root_exports;
        root.index_fields
            .push_str(&format!("{field}: {path}{indices},\n"));
        root.lookups.push_str(&format!(
            "let {field} = {path}{indices}::new(instance_pre)?;\n"
        ));
        root.loads.push_str(&format!(
            "let {field} = self.{field}.load(&mut store, instance)?;\n"
        ));
        root.func_fields
            .push_str(&format!("{field}: {path}{guest},\n"));
        root.names.push(field.clone());
        self.export_accessors.push_str(&format!(
            "/// The guest's exports of `{name}`.\npub fn {field}(&self) -> &{path}{guest} {{ &self.{field} }}\n"
        ));
        Ok(())
    }

    /// The world's `Pre`, `Indices` and main structs, once every export is known.
    pub fn world_exports(&mut self) {
        let world_name = self.world_struct_name();
        let root = std::mem::take(&mut self.root_exports);
        let accessors = std::mem::take(&mut self.export_accessors);
        self.world_structs(&world_name, &root, &accessors);
    }

    fn export_function(
        &self,
        pieces: &mut Pieces,
        func: &Function,
        module: &[String],
        instance: Option<&str>,
        owner: &str,
    ) -> Result<()> {
        check_kind(func)?;
        let wt = &self.wt;
        let field = field_name(func);
        let (params, results) = self.typed_signature(func, module, true)?;
        let instance_arg = if instance.is_some() {
            "::core::option::Option::Some(&interface)"
        } else {
            "::core::option::Option::None"
        };
        let name = &func.name;
        pieces.index_fields.push_str(&format!(
            "{field}: {wt}::component::ComponentExportIndex,\n"
        ));
        pieces.lookups.push_str(&format!(
            "let {field} = {{\n\
             let (item, index) = component.get_export({instance_arg}, {name:?}).ok_or_else(|| {wt}::format_err!(\"the component has no export `{name}`{in_}\"))?;\n\
             match item {{\n\
             {wt}::component::types::ComponentItem::ComponentFunc(func) => {{\n\
             {wt}::error::Context::context(func.typecheck::<{params}, {results}>(&instance_type), \"type-checking export `{name}`{in_}\")?;\n\
             index\n}}\n\
             _ => {wt}::bail!(\"export `{name}`{in_} is not a function\"),\n}}\n}};\n",
            in_ = instance.map(|i| format!(" of `{i}`")).unwrap_or_default()
        ));
        pieces.loads.push_str(&format!(
            "let {field} = instance.get_func(&mut store, &self.{field}).ok_or_else(|| {wt}::format_err!(\"the instance has no export `{name}`\"))?;\n"
        ));
        pieces
            .func_fields
            .push_str(&format!("{field}: {wt}::component::Func,\n"));
        pieces.names.push(field.clone());
        let interface = instance.map(str::to_string);
        pieces.calls.push_str(&self.call_method(
            func,
            module,
            interface.as_deref(),
            &format!("{owner}.{field}"),
        )?);
        Ok(())
    }

    /// `(Params, Results)` of the typed function; `for_check` spells borrowed types `'static`.
    fn typed_signature(
        &self,
        func: &Function,
        module: &[String],
        for_check: bool,
    ) -> Result<(String, String)> {
        let mut params = String::from("(");
        for param in &func.params {
            let ty = self.ty(&param.ty, module, Mode::Borrowed)?;
            let ty = if for_check && ty.starts_with('&') {
                format!("&'static {}", &ty[1..])
            } else {
                ty
            };
            params.push_str(&ty);
            params.push(',');
        }
        params.push(')');
        let results = match &func.result {
            Some(ty) => format!("({},)", self.ty(ty, module, Mode::Owned)?),
            None => "()".into(),
        };
        Ok((params, results))
    }

    fn call_method(
        &self,
        func: &Function,
        module: &[String],
        interface: Option<&str>,
        func_expr: &str,
    ) -> Result<String> {
        let wt = &self.wt;
        let flags = self.flags(interface, func);
        let (params, results) = self.typed_signature(func, module, false)?;
        let mut args = Vec::new();
        let mut names = Vec::new();
        for param in &func.params {
            let name = rust(&param.name, Case::Snake);
            args.push(format!(
                "{name}: {}",
                self.ty(&param.ty, module, Mode::Borrowed)?
            ));
            names.push(name);
        }
        let ret = match &func.result {
            Some(ty) => self.ty(ty, module, Mode::Owned)?,
            None => "()".into(),
        };
        let method = match func.kind {
            FunctionKind::Freestanding => format!(
                "call_{}",
                rust(&func.name, Case::Snake).trim_start_matches("r#")
            ),
            FunctionKind::Constructor(_) => "call_constructor".into(),
            _ => format!(
                "call_{}",
                rust(func.item_name(), Case::Snake).trim_start_matches("r#")
            ),
        };
        let (async_, call, where_) = if flags.is_async {
            (
                "async ",
                "call_async",
                format!(" where <S as {wt}::AsContext>::Data: ::core::marker::Send"),
            )
        } else {
            ("", "call", String::new())
        };
        let await_ = if flags.is_async { ".await" } else { "" };
        let unpack = if func.result.is_some() {
            "let (ret,) = "
        } else {
            "let () = "
        };
        let ret_value = if func.result.is_some() { "ret" } else { "()" };
        let tuple = names.iter().map(|n| format!("{n},")).collect::<String>();
        let allow = if names.len() > 5 {
            "#[allow(clippy::too_many_arguments)]\n"
        } else {
            ""
        };
        Ok(format!(
            "{}/// Calls the guest's `{}`; an `Err` is a trap.\n\
             {allow}pub {async_}fn {method}<S: {wt}::AsContextMut>(&self, mut store: S, {}) -> {wt}::Result<{ret}>{where_} {{\n\
             // Safety: the function's type was checked against these types when the indices were made.\n\
             let callee = unsafe {{ {wt}::component::TypedFunc::<{params}, {results}>::new_unchecked({func_expr}) }};\n\
             {unpack}callee.{call}(store.as_context_mut(), ({tuple})){await_}?;\n\
             ::core::result::Result::Ok({ret_value})\n}}\n",
            doc(&func.docs),
            func.name,
            args.join(", "),
        ))
    }

    /// Generates an exported interface; returns the names of its `Guest` and `GuestIndices` structs.
    fn export_interface(
        &mut self,
        module: &[String],
        name: &str,
        functions: Vec<&Function>,
        types: &[TypeId],
        docs: &str,
    ) -> Result<(String, String)> {
        let wt = self.wt.clone();
        let mut taken: BTreeSet<String> = types
            .iter()
            .filter_map(|id| self.resolve.types[*id].name.as_deref())
            .map(type_name)
            .collect();
        let guest = unclash(&taken, "Guest");
        taken.insert(guest.clone());
        let indices = unclash(&taken, "GuestIndices");
        taken.insert(indices.clone());
        let mut pieces = Pieces::default();
        let mut resource_calls: Vec<(TypeId, String)> = Vec::new();
        for func in &functions {
            match func.kind.resource() {
                None => self.export_function(&mut pieces, func, module, Some(name), "self")?,
                Some(resource) => {
                    let mut sub = Pieces::default();
                    self.export_function(&mut sub, func, module, Some(name), "self.funcs")?;
                    pieces.index_fields.push_str(&sub.index_fields);
                    pieces.lookups.push_str(&sub.lookups);
                    pieces.loads.push_str(&sub.loads);
                    pieces.func_fields.push_str(&sub.func_fields);
                    pieces.names.extend(sub.names);
                    resource_calls.push((resource, sub.calls));
                }
            }
        }
        let mut resources = String::new();
        for id in types {
            let calls: String = resource_calls
                .iter()
                .filter(|(r, _)| r == id)
                .map(|(_, c)| c.as_str())
                .collect();
            if !matches!(
                self.resolve.types[*id].kind,
                wit_parser::TypeDefKind::Resource
            ) {
                continue;
            }
            let wit_name = self.resolve.types[*id].name.clone().unwrap_or_default();
            let r = unclash(
                &taken,
                &format!("Guest{}", rust(&wit_name, Case::UpperCamel)),
            );
            taken.insert(r.clone());
            let accessor = rust(&wit_name, Case::Snake);
            resources.push_str(&format!(
                "/// The functions of the guest's resource `{wit_name}`.\npub struct {r}<'a> {{ funcs: &'a {guest} }}\n\
                 impl {r}<'_> {{\n{calls}}}\n\
                 impl {guest} {{\n/// The functions of resource `{wit_name}`.\npub fn {accessor}(&self) -> {r}<'_> {{ {r} {{ funcs: self }} }}\n}}\n"
            ));
        }
        let Pieces {
            index_fields,
            lookups,
            loads,
            func_fields,
            names,
            calls,
        } = pieces;
        let fields = names.iter().map(|n| format!("{n},")).collect::<String>();
        let code = format!(
            "/// Export indices of `{name}`, found and type-checked once per component.\n\
             #[derive(::core::clone::Clone)]\npub struct {indices} {{\n{index_fields}}}\n\
             impl {indices} {{\n\
             /// Finds and type-checks the exports of `{name}`.\n\
             pub fn new<_T: 'static>(instance_pre: &{wt}::component::InstancePre<_T>) -> {wt}::Result<{indices}> {{\n\
             let component = instance_pre.component();\nlet instance_type = instance_pre.instance_type();\n\
             let (_, interface) = component.get_export(None, {name:?}).ok_or_else(|| {wt}::format_err!(\"the component does not export `{name}`\"))?;\n\
             let _ = (&component, &instance_type, &interface);\n\
             {lookups}::core::result::Result::Ok({indices} {{ {fields} }})\n}}\n\
             /// The exports of `{name}` in `instance`.\n\
             pub fn load(&self, mut store: impl {wt}::AsContextMut, instance: &{wt}::component::Instance) -> {wt}::Result<{guest}> {{\n\
             let mut store = store.as_context_mut();\nlet _ = (&mut store, instance);\n{loads}::core::result::Result::Ok({guest} {{ {fields} }})\n}}\n}}\n\
             {docs}/// The guest's exports of `{name}`.\npub struct {guest} {{\n{func_fields}}}\n\
             impl {guest} {{\n{calls}}}\n{resources}"
        );
        self.push(module, &code);
        Ok((guest, indices))
    }

    fn world_structs(&mut self, world_name: &str, root: &Pieces, accessors: &str) {
        let wt = &self.wt;
        let Pieces {
            index_fields,
            lookups,
            loads,
            func_fields,
            names,
            calls,
        } = root;
        let fields = names.iter().map(|n| format!("{n},")).collect::<String>();
        let code = format!(
            "/// Export indices of world `{world_name}`, found and type-checked once per component.\n\
             #[derive(::core::clone::Clone)]\npub struct {world_name}Indices {{\n{index_fields}}}\n\
             impl {world_name}Indices {{\n\
             /// Finds and type-checks every export the world needs.\n\
             pub fn new<_T: 'static>(instance_pre: &{wt}::component::InstancePre<_T>) -> {wt}::Result<Self> {{\n\
             let component = instance_pre.component();\nlet instance_type = instance_pre.instance_type();\n\
             let _ = (&component, &instance_type);\n{lookups}::core::result::Result::Ok({world_name}Indices {{ {fields} }})\n}}\n\
             /// The world's exports in `instance`.\n\
             pub fn load(&self, mut store: impl {wt}::AsContextMut, instance: &{wt}::component::Instance) -> {wt}::Result<{world_name}> {{\n\
             let mut store = store.as_context_mut();\nlet _ = (&mut store, instance);\n{loads}::core::result::Result::Ok({world_name} {{ {fields} }})\n}}\n}}\n\
             /// An instance of world `{world_name}`: call its exports through the methods.\n\
             pub struct {world_name} {{\n{func_fields}}}\n\
             /// World `{world_name}` pre-instantiated: exports are type-checked once, then every\n\
             /// `instantiate` is cheap (one `Store` per request is the usual pattern).\n\
             pub struct {world_name}Pre<T: 'static> {{\ninstance_pre: {wt}::component::InstancePre<T>,\nindices: {world_name}Indices,\n}}\n\
             impl<T: 'static> ::core::clone::Clone for {world_name}Pre<T> {{\nfn clone(&self) -> Self {{ Self {{ instance_pre: self.instance_pre.clone(), indices: self.indices.clone() }} }}\n}}\n\
             impl<T: 'static> {world_name}Pre<T> {{\n\
             /// Type-checks the exports of `instance_pre`'s component.\n\
             pub fn new(instance_pre: {wt}::component::InstancePre<T>) -> {wt}::Result<Self> {{\n\
             let indices = {world_name}Indices::new(&instance_pre)?;\n::core::result::Result::Ok(Self {{ instance_pre, indices }})\n}}\n\
             /// The engine the component was compiled for.\npub fn engine(&self) -> &{wt}::Engine {{ self.instance_pre.engine() }}\n\
             /// The underlying `InstancePre`.\npub fn instance_pre(&self) -> &{wt}::component::InstancePre<T> {{ &self.instance_pre }}\n\
             /// Instantiates the component in `store`.\n\
             pub fn instantiate(&self, mut store: impl {wt}::AsContextMut<Data = T>) -> {wt}::Result<{world_name}> {{\n\
             let mut store = store.as_context_mut();\nlet instance = self.instance_pre.instantiate(&mut store)?;\nself.indices.load(&mut store, &instance)\n}}\n\
             /// Instantiates the component in `store` with wasmtime's async support.\n\
             pub async fn instantiate_async(&self, mut store: impl {wt}::AsContextMut<Data = T>) -> {wt}::Result<{world_name}> where T: ::core::marker::Send {{\n\
             let mut store = store.as_context_mut();\nlet instance = self.instance_pre.instantiate_async(&mut store).await?;\nself.indices.load(&mut store, &instance)\n}}\n}}\n\
             impl {world_name} {{\n\
             /// Type-checks and instantiates `component` with the imports in `linker`.\n\
             pub fn instantiate<T: 'static>(store: impl {wt}::AsContextMut<Data = T>, component: &{wt}::component::Component, linker: &{wt}::component::Linker<T>) -> {wt}::Result<{world_name}> {{\n\
             {world_name}Pre::new(linker.instantiate_pre(component)?)?.instantiate(store)\n}}\n\
             /// Like `instantiate`, with wasmtime's async support.\n\
             pub async fn instantiate_async<T: ::core::marker::Send + 'static>(store: impl {wt}::AsContextMut<Data = T>, component: &{wt}::component::Component, linker: &{wt}::component::Linker<T>) -> {wt}::Result<{world_name}> {{\n\
             {world_name}Pre::new(linker.instantiate_pre(component)?)?.instantiate_async(store).await\n}}\n\
             /// The world's exports in an existing `instance`.\n\
             pub fn new(mut store: impl {wt}::AsContextMut, instance: &{wt}::component::Instance) -> {wt}::Result<{world_name}> {{\n\
             let indices = {world_name}Indices::new(&instance.instance_pre(&store))?;\nindices.load(&mut store, instance)\n}}\n\
             {accessors}{calls}}}\n"
        );
        self.push(&[], &code);
    }
}
