//! The generator's state: the module tree being written, `with` mappings, selections, and how a
//! WIT type is spelled as a Rust type from a given module.

use crate::Options;
use crate::selector::{FunctionRef, Selection};
use anyhow::{Result, bail};
use knit_bindgen_core::abi::Layout;
use knit_bindgen_core::names::{Case, Language, ident};
use knit_bindgen_rust::spelling::{self, Speller};
use std::collections::BTreeMap;
use wit_parser::{
    Function, FunctionKind, Handle, InterfaceId, Resolve, Type, TypeDefKind, TypeId, TypeOwner,
    WorldId, WorldItem, WorldKey,
};

/// A Rust module path from the root of the generated file.
pub type ModPath = Vec<String>;

/// How a parameter is passed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Owned Rust types (what the host receives and returns).
    Owned,
    /// What the host passes to a guest export: `&str` and `&[T]` at the top level.
    Borrowed,
}

/// Per-function choices made from the options' selectors.
#[derive(Clone, Copy, Default)]
pub struct FuncFlags {
    pub is_async: bool,
    pub trappable: bool,
    pub typed_error: bool,
}

/// The generator for one world.
pub struct Gen<'a> {
    pub resolve: &'a Resolve,
    pub world: WorldId,
    pub opts: &'a Options,
    pub layout: Layout,
    /// The wasmtime crate path.
    pub wt: String,
    modules: BTreeMap<ModPath, String>,
    async_: Selection,
    trappable: Selection,
    typed_errors: Selection,
    /// The exported interface being generated, whose resources are the guest's (`ResourceAny`).
    pub exporting: Option<(InterfaceId, ModPath)>,
    /// Whether some function uses `TypedError`.
    pub typed_error_used: std::cell::Cell<bool>,
    /// Whether some imported function is async (the linker functions then need `Send` data).
    pub any_async: bool,
    /// The world's own imported types, collected during the walk.
    pub world_types: Vec<TypeId>,
    /// The world's own imported functions, collected during the walk.
    pub world_functions: Vec<&'a Function>,
    /// The module and trait of every imported interface's `Host` trait.
    pub interface_scopes: Vec<(ModPath, String)>,
    /// The world's `<World>Imports` trait, when it has one.
    pub root_import_trait: Option<String>,
    /// The world-level pieces of the exports' structs.
    pub root_exports: crate::exports::Pieces,
    /// Accessors of the exported interfaces on the world's struct.
    pub export_accessors: String,
}

/// Rust identifier of a WIT name in the given case.
pub fn rust(name: &str, case: Case) -> String {
    ident(Language::Rust, name, case)
}

/// Rust prelude names that wasmtime's derive macros use unqualified, and the type parameters that
/// they (`T` in `Lower`'s methods) and the generated functions (`T`, `H`, `S`) declare where
/// generated types are named unqualified; a generated type with one of these names would break
/// them, so such types get a trailing `_` (`record copy` → `Copy_`, `variant t` → `T_`).
const PRELUDE_NAMES: &[&str] = &[
    "Box",
    "Clone",
    "Copy",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "H",
    "Hash",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "PartialEq",
    "Result",
    "S",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "T",
    "Vec",
];

/// The Rust name of a WIT type.
pub fn type_name(wit_name: &str) -> String {
    let name = rust(wit_name, Case::UpperCamel);
    if PRELUDE_NAMES.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// `base`, or `base` followed by underscores until it is not in `taken`.
pub fn unclash(taken: &std::collections::BTreeSet<String>, base: &str) -> String {
    let mut name = base.to_string();
    while taken.contains(&name) {
        name.push('_');
    }
    name
}

/// `///` lines for WIT docs.
pub fn doc(docs: &wit_parser::Docs) -> String {
    knit_bindgen_core::walk::doc_lines(docs)
        .map(|line| format!("/// {line}\n"))
        .collect()
}

impl<'a> Gen<'a> {
    /// The name of the world's struct (`Foo` for world `foo`; with `_` appended while a
    /// world-level type or a generated companion (`FooPre`, `FooIndices`, `FooImports`) would clash).
    pub fn world_struct_name(&self) -> String {
        let world = &self.resolve.worlds[self.world];
        let taken: std::collections::BTreeSet<String> = world
            .imports
            .values()
            .filter_map(|item| match item {
                WorldItem::Type { id, .. } => {
                    self.resolve.types[*id].name.as_deref().map(type_name)
                }
                _ => None,
            })
            .collect();
        let mut name = type_name(&world.name);
        while ["", "Pre", "Indices", "Imports"]
            .iter()
            .any(|suffix| taken.contains(&format!("{name}{suffix}")))
        {
            name.push('_');
        }
        name
    }

    /// Validates the options against the world.
    pub fn new(resolve: &'a Resolve, world: WorldId, opts: &'a Options) -> Result<Gen<'a>> {
        let functions = world_functions(resolve, world, true);
        // `trappable` and `typed_errors` shape host functions: only imports may be selected.
        let imports = world_functions(resolve, world, false);
        let async_ = Selection::new("async", &opts.async_, &functions)?;
        let trappable = Selection::new("trappable", &opts.trappable, &imports)?;
        let typed_errors = Selection::new("typed_errors", &opts.typed_errors, &imports)?;
        let this = Gen {
            resolve,
            world,
            opts,
            layout: Layout::new(resolve),
            wt: opts
                .wasmtime_crate
                .clone()
                .unwrap_or_else(|| "wasmtime".into()),
            modules: BTreeMap::new(),
            async_,
            trappable,
            typed_errors,
            exporting: None,
            typed_error_used: std::cell::Cell::new(false),
            any_async: false,
            world_types: Vec::new(),
            world_functions: Vec::new(),
            interface_scopes: Vec::new(),
            root_import_trait: None,
            root_exports: Default::default(),
            export_accessors: String::new(),
        };
        this.check_with_keys()?;
        Ok(this)
    }

    /// Generates everything and renders the module tree.
    pub fn run(mut self) -> Result<String> {
        let resolve = self.resolve;
        knit_bindgen_core::walk::walk(resolve, self.world, &mut self)?;
        self.world_imports();
        self.world_exports();
        if self.typed_error_used.get() {
            let wt = self.wt.clone();
            self.push(
                &[],
                &format!(
                    "/// What a host function selected by `typed_errors` returns as its error: a value for the
                     /// guest, or a trap.
                     #[derive(Debug)]
                     pub enum TypedError<E> {{
                         /// Returned to the guest as `err(e)`.
                         Error(E),
                         /// Traps the guest.
                         Trap({wt}::Error),
                     }}
                     impl<E> ::core::convert::From<{wt}::Error> for TypedError<E> {{
                         fn from(trap: {wt}::Error) -> Self {{ TypedError::Trap(trap) }}
                     }}\n"
                ),
            );
        }
        Ok(self.render(&Vec::new()))
    }

    /// Appends code to a module.
    pub fn push(&mut self, module: &[String], code: &str) {
        self.modules
            .entry(module.to_vec())
            .or_default()
            .push_str(code);
    }

    fn render(&self, path: &ModPath) -> String {
        let mut out = String::new();
        if let Some(body) = self.modules.get(path) {
            out.push_str(body);
        }
        let mut all_children: Vec<String> = Vec::new();
        for key in self.modules.keys() {
            if key.len() > path.len()
                && key.starts_with(path)
                && !all_children.contains(&key[path.len()])
            {
                all_children.push(key[path.len()].clone());
            }
        }
        all_children.sort();
        for child in all_children {
            let mut sub = path.clone();
            sub.push(child.clone());
            out.push_str(&format!(
                "#[allow(unused_imports, unused_variables, unused_mut, dead_code, non_camel_case_types, clippy::all)]\npub mod {child} {{\n{}}}\n",
                self.render(&sub)
            ));
        }
        out
    }

    /// `super::super::...` from `from` up to the root of the generated code.
    pub fn to_root(from: &[String]) -> String {
        "super::".repeat(from.len())
    }

    /// The path of `item` in module `to`, written from module `from`.
    pub fn path(from: &[String], to: &[String], item: &str) -> String {
        if from == to {
            return item.to_string();
        }
        let mut out = Self::to_root(from);
        for segment in to {
            out.push_str(segment);
            out.push_str("::");
        }
        out.push_str(item);
        out
    }

    /// The module of an imported interface (or inline interface) of the world.
    pub fn import_module(&self, key: &WorldKey) -> ModPath {
        match key {
            WorldKey::Name(name) => vec![rust(name, Case::Snake)],
            WorldKey::Interface(id) => self.interface_module(*id),
        }
    }

    fn interface_module(&self, id: InterfaceId) -> ModPath {
        let iface = &self.resolve.interfaces[id];
        let name = iface.name.as_deref().unwrap_or("interface");
        match iface.package {
            Some(pkg) => {
                let pkg = &self.resolve.packages[pkg].name;
                // Two versions of one package in a world get the version in the module name
                // (`ns::pkg0_2_0::iface`), as wasmtime's own bindings do.
                let versions = self
                    .resolve
                    .packages
                    .iter()
                    .filter(|(_, p)| p.name.namespace == pkg.namespace && p.name.name == pkg.name)
                    .count();
                let package = match &pkg.version {
                    Some(version) if versions > 1 => {
                        let version = version.to_string().replace(['.', '-', '+'], "_");
                        rust(&format!("{}{version}", pkg.name), Case::Snake)
                    }
                    _ => rust(&pkg.name, Case::Snake),
                };
                vec![
                    rust(&pkg.namespace, Case::Snake),
                    package,
                    rust(name, Case::Snake),
                ]
            }
            None => vec![rust(name, Case::Snake)],
        }
    }

    /// The module of an exported interface.
    pub fn export_module(&self, key: &WorldKey) -> ModPath {
        let mut path = vec!["exports".to_string()];
        path.extend(self.import_module(key));
        path
    }

    /// The name of an interface key as the component model spells it (`ns:pkg/iface@1.0.0`).
    pub fn key_name(&self, key: &WorldKey) -> String {
        self.resolve.name_world_key(key)
    }

    /// The world key under which interface `id` is imported, if it is.
    fn imported_key(&self, id: InterfaceId) -> Option<&WorldKey> {
        let world = &self.resolve.worlds[self.world];
        world
            .imports
            .iter()
            .find(
                |(_, item)| matches!(item, WorldItem::Interface { id: other, .. } if *other == id),
            )
            .map(|(key, _)| key)
    }

    /// The world key under which interface `id` is exported, if it is.
    fn exported_key(&self, id: InterfaceId) -> Option<&WorldKey> {
        let world = &self.resolve.worlds[self.world];
        world
            .exports
            .iter()
            .find(
                |(_, item)| matches!(item, WorldItem::Interface { id: other, .. } if *other == id),
            )
            .map(|(key, _)| key)
    }

    /// The module where the interface `id`'s types are, seen from outside it: its import module
    /// when the world imports it, else its export module.
    fn module_of_interface(&self, id: InterfaceId) -> ModPath {
        if let Some(key) = self.imported_key(id) {
            return self.import_module(key);
        }
        if let Some(key) = self.exported_key(id) {
            return self.export_module(key);
        }
        self.interface_module(id)
    }

    /// The Rust path given in `with` for interface `id`, if any.
    pub fn with_interface(&self, id: InterfaceId) -> Option<String> {
        let full = self.resolve.id_of(id)?;
        let bare = full
            .split_once('@')
            .map_or(full.as_str(), |(n, _)| n)
            .to_string();
        if let Some(path) = self
            .opts
            .with
            .get(&full)
            .or_else(|| self.opts.with.get(&bare))
        {
            return Some(path.clone());
        }
        let package = bare.split_once('/').map(|(p, _)| p.to_string())?;
        let path = self.opts.with.get(&package)?;
        let name = self.resolve.interfaces[id].name.as_deref()?;
        Some(format!("{path}::{}", rust(name, Case::Snake)))
    }

    /// The Rust path given in `with` for type `id` (`ns:pkg/iface/type`), if any.
    pub fn with_type(&self, id: TypeId) -> Option<String> {
        let def = &self.resolve.types[id];
        let (TypeOwner::Interface(iface), Some(name)) = (def.owner, &def.name) else {
            return None;
        };
        let full = self.resolve.id_of(iface)?;
        let bare = full
            .split_once('@')
            .map_or(full.as_str(), |(n, _)| n)
            .to_string();
        self.opts
            .with
            .get(&format!("{full}/{name}"))
            .or_else(|| self.opts.with.get(&format!("{bare}/{name}")))
            .cloned()
    }

    fn check_with_keys(&self) -> Result<()> {
        let mut valid = std::collections::BTreeSet::new();
        let world = &self.resolve.worlds[self.world];
        for item in world.imports.values().chain(world.exports.values()) {
            if let WorldItem::Interface { id, .. } = item
                && let Some(full) = self.resolve.id_of(*id)
            {
                let bare = full
                    .split_once('@')
                    .map_or(full.as_str(), |(n, _)| n)
                    .to_string();
                valid.insert(
                    bare.split_once('/')
                        .map(|(p, _)| p.to_string())
                        .unwrap_or_default(),
                );
                for name in self.resolve.interfaces[*id].types.keys() {
                    valid.insert(format!("{full}/{name}"));
                    valid.insert(format!("{bare}/{name}"));
                }
                valid.insert(full);
                valid.insert(bare);
            }
        }
        for key in self.opts.with.keys() {
            if !valid.contains(key) {
                let list: Vec<&str> = valid.iter().map(String::as_str).collect();
                bail!(
                    "unknown `with` key `{key}`; valid keys are: {}",
                    list.join(", ")
                );
            }
        }
        Ok(())
    }

    /// The module a named type is defined in, or its `with` path.
    fn type_location(&self, id: TypeId) -> (Option<ModPath>, String) {
        if let Some(path) = self.with_type(id) {
            return (None, path);
        }
        let def = &self.resolve.types[id];
        let name = type_name(def.name.as_deref().unwrap_or("anonymous"));
        match def.owner {
            TypeOwner::World(_) | TypeOwner::None => (Some(Vec::new()), name),
            TypeOwner::Interface(iface) => {
                if let Some((current, module)) = &self.exporting
                    && *current == iface
                {
                    return (Some(module.clone()), name);
                }
                if let Some(path) = self.with_interface(iface) {
                    return (None, format!("{path}::{name}"));
                }
                // An exported interface sees the types of another interface the world exports
                // through that export, not through an import of it (wit-component's rule; the
                // guest generators agree).
                if self.exporting.is_some()
                    && let Some(key) = self.exported_key(iface)
                {
                    return (Some(self.export_module(key)), name);
                }
                (Some(self.module_of_interface(iface)), name)
            }
        }
    }

    /// Whether the resource `id` is defined by the guest: a resource of the exported interface
    /// being generated or of another interface the world exports (seen from an exported
    /// interface), or of an interface the world exports without importing it.
    pub fn is_guest_resource(&self, id: TypeId) -> bool {
        let id = self.dealias(id);
        let TypeOwner::Interface(owner) = self.resolve.types[id].owner else {
            return false;
        };
        if let Some((current, _)) = &self.exporting
            && (*current == owner || self.exported_key(owner).is_some())
        {
            return true;
        }
        self.imported_key(owner).is_none() && self.exported_key(owner).is_some()
    }

    /// Follows `type a = b` aliases to the defining type.
    pub fn dealias(&self, id: TypeId) -> TypeId {
        knit_bindgen_core::abi::dealias_resource(self.resolve, id)
    }

    /// The Rust spelling of `ty` from module `from` (through the spelling shared with the guest
    /// generator, [`knit_bindgen_rust::spelling`]).
    pub fn ty(&self, ty: &Type, from: &[String], mode: Mode) -> Result<String> {
        let speller = HostSpeller { g: self, from };
        Ok(spelling::spell(&speller, ty, mode))
    }

    fn location_path(&self, id: TypeId, from: &[String]) -> String {
        match self.type_location(id) {
            // An interface imported or exported under several names has its own types in the
            // module of each name: from inside one of them, they are that module's.
            (Some(_), name) if self.modules_of_owner(id).iter().any(|m| m == from) => name,
            (Some(module), name) => Self::path(from, &module, &name),
            (None, path) => path,
        }
    }

    /// Every module of the interface that owns type `id`: one per name the world imports or
    /// exports it under.
    fn modules_of_owner(&self, id: TypeId) -> Vec<ModPath> {
        let TypeOwner::Interface(owner) = self.resolve.types[id].owner else {
            return Vec::new();
        };
        let world = &self.resolve.worlds[self.world];
        let is_owner =
            |item: &WorldItem| matches!(item, WorldItem::Interface { id, .. } if *id == owner);
        let imports = world.imports.iter().filter(|(_, item)| is_owner(item));
        let exports = world.exports.iter().filter(|(_, item)| is_owner(item));
        imports
            .map(|(key, _)| self.import_module(key))
            .chain(exports.map(|(key, _)| self.export_module(key)))
            .collect()
    }

    /// Whether values of `ty` hold a resource handle (such types are neither `Clone` nor
    /// `PartialEq`).
    pub fn has_handle(&self, ty: &Type) -> bool {
        knit_bindgen_core::abi::has_handle(self.resolve, ty)
    }

    /// The options selected for `func` (in interface `interface`, `None` at world level).
    pub fn flags(&self, interface: Option<&str>, func: &Function) -> FuncFlags {
        let r = FunctionRef {
            interface: interface.map(str::to_string),
            function: func.name.clone(),
        };
        let has_err = matches!(func.result, Some(Type::Id(id)) if matches!(&self.resolve.types[self.dealias(id)].kind, TypeDefKind::Result(r) if r.err.is_some()));
        FuncFlags {
            is_async: self.async_.contains(&r),
            trappable: self.trappable.contains(&r),
            typed_error: has_err && self.typed_errors.contains(&r),
        }
    }

    /// The `result<T, E>` of `func` as `(T, E)` Rust types, when it returns one.
    pub fn result_parts(
        &self,
        func: &Function,
        from: &[String],
    ) -> Result<Option<(String, String)>> {
        let Some(Type::Id(id)) = func.result else {
            return Ok(None);
        };
        let TypeDefKind::Result(r) = &self.resolve.types[self.dealias(id)].kind else {
            return Ok(None);
        };
        let ok =
            r.ok.map(|t| self.ty(&t, from, Mode::Owned))
                .transpose()?
                .unwrap_or_else(|| "()".into());
        let err = r
            .err
            .map(|t| self.ty(&t, from, Mode::Owned))
            .transpose()?
            .unwrap_or_else(|| "()".into());
        Ok(Some((ok, err)))
    }
}

/// The most parameters wasmtime 48 implements `ComponentNamedList` for.
pub const MAX_PARAMS: usize = 17;

/// Rejects WIT function kinds the bindings do not support yet.
pub fn check_kind(func: &Function) -> Result<()> {
    if func.params.len() > MAX_PARAMS {
        bail!(
            "function `{}` has {} parameters; wasmtime's typed component API supports at most {MAX_PARAMS}",
            func.name,
            func.params.len()
        );
    }
    match func.kind {
        FunctionKind::Freestanding
        | FunctionKind::Method(_)
        | FunctionKind::Static(_)
        | FunctionKind::Constructor(_) => Ok(()),
        _ => bail!(
            "function `{}`: component-model async functions, getters and setters are not supported by knit's host bindings yet",
            func.name
        ),
    }
}

/// The Rust method name of a function: the item name, and for a constructor `new` (or
/// `constructor` when the resource also has a function named `new`, among `siblings`).
pub fn method_name(func: &Function, siblings: &[&Function]) -> String {
    match func.kind {
        FunctionKind::Constructor(r) => {
            let clash = siblings.iter().any(|f| {
                f.kind.resource() == Some(r)
                    && !matches!(f.kind, FunctionKind::Constructor(_))
                    && f.item_name() == "new"
            });
            if clash {
                "constructor".into()
            } else {
                "new".into()
            }
        }
        _ => rust(func.item_name(), Case::Snake),
    }
}

/// The host trait's destructor name for resource `r`: `drop`, or `drop_resource` when the
/// resource has a function named `drop` among `siblings`.
pub fn drop_name(r: TypeId, siblings: &[&Function]) -> &'static str {
    if siblings
        .iter()
        .any(|f| f.kind.resource() == Some(r) && f.item_name() == "drop")
    {
        "drop_resource"
    } else {
        "drop"
    }
}

/// Every imported (and with `with_exports`, exported) function of a world, as selectors see them.
pub fn world_functions(resolve: &Resolve, world: WorldId, with_exports: bool) -> Vec<FunctionRef> {
    let world = &resolve.worlds[world];
    let mut out = Vec::new();
    let exports = world.exports.iter().filter(|_| with_exports);
    for (key, item) in world.imports.iter().chain(exports) {
        match item {
            WorldItem::Function(f) => out.push(FunctionRef {
                interface: None,
                function: f.name.clone(),
            }),
            WorldItem::Interface { id, .. } => {
                let name = resolve.name_world_key(key);
                for f in resolve.interfaces[*id].functions.values() {
                    out.push(FunctionRef {
                        interface: Some(name.clone()),
                        function: f.name.clone(),
                    });
                }
            }
            WorldItem::Type { .. } => {}
        }
    }
    out
}

/// The host's choices in the shared Rust type spelling, from one module.
struct HostSpeller<'g, 'a> {
    g: &'g Gen<'a>,
    from: &'g [String],
}

impl Speller for HostSpeller<'_, '_> {
    type Position = Mode;

    fn resolve(&self) -> &Resolve {
        self.g.resolve
    }

    fn nested(&self, _: Mode) -> Mode {
        Mode::Owned
    }

    fn named(&self, id: TypeId, mode: Mode) -> Option<String> {
        let def = &self.g.resolve.types[id];
        def.name.as_ref()?;
        let dealiased = self.g.dealias(id);
        if let TypeDefKind::Resource = self.g.resolve.types[dealiased].kind
            && self.g.is_guest_resource(dealiased)
        {
            return Some(format!("{}::component::ResourceAny", self.g.wt));
        }
        if let TypeDefKind::Type(Type::String) = def.kind
            && mode == Mode::Borrowed
        {
            return Some("&str".into());
        }
        Some(self.g.location_path(id, self.from))
    }

    fn string(&self, mode: Mode) -> String {
        match mode {
            Mode::Borrowed => "&str".into(),
            Mode::Owned => "::std::string::String".into(),
        }
    }

    fn list(&self, _: TypeId, element: String, mode: Mode) -> String {
        match mode {
            Mode::Borrowed => format!("&[{element}]"),
            Mode::Owned => format!("::std::vec::Vec<{element}>"),
        }
    }

    fn handle(&self, handle: &Handle, _: Mode) -> String {
        let (Handle::Own(r) | Handle::Borrow(r)) = handle;
        let wt = &self.g.wt;
        if self.g.is_guest_resource(*r) {
            format!("{wt}::component::ResourceAny")
        } else {
            format!(
                "{wt}::component::Resource<{}>",
                self.g.location_path(*r, self.from)
            )
        }
    }
}
