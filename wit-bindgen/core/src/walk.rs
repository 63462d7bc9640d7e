//! The one walk of a world that every backend shares.
//!
//! A backend is one implementation of [`Backend`]: the walk calls its hooks in a fixed order, and
//! the backend renders what each hook hands it. The order is:
//!
//! 1. the world's own imports ([`Scope::World`] with [`Side::Import`]): its named types, then its
//!    functions;
//! 2. every imported interface, in the world's order: its named types, then its functions;
//! 3. every exported interface, in the world's order: its named types, then all its functions at
//!    once (with the resources it defines), since a backend writes one trait or interface the user
//!    implements for them;
//! 4. the world's own exported functions, when it has any ([`Scope::World`] with [`Side::Export`]).
//!
//! Before any hook runs, [`check_supported`] rejects the first WIT construct knit cannot generate
//! yet, naming the type or function and its file and line, so no backend ever meets one.
//!
//! Besides the walk, this module answers the questions every backend asks about a world in the
//! same way: which world key owns a resource ([`owner_key`]) and the core names of its intrinsics
//! ([`ResourceSite`]), the entry point an export needs ([`ExportEntry`]), and the lines of a WIT
//! doc comment ([`doc_lines`]).

use crate::abi::{Abi, Plan, PlanError, mangle, resource_of};
use anyhow::Result;
use wit_parser::{
    Docs, Function, InterfaceId, Resolve, Type, TypeDefKind, TypeId, TypeOwner, WorldId, WorldItem,
    WorldKey,
};

/// Which side of the world an item is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Something the component imports: the host (or another component) provides it.
    Import,
    /// Something the component exports: the component provides it.
    Export,
}

/// An interface of the world, as imported or exported under `key`.
#[derive(Debug, Clone, Copy)]
pub struct InterfaceSite<'w> {
    /// The world key it is imported or exported under.
    pub key: &'w WorldKey,
    /// The interface.
    pub id: InterfaceId,
    /// Imported or exported.
    pub side: Side,
}

/// Where the items a hook receives live: the world itself or one of its interfaces.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'w> {
    /// The world's own types and functions, on one side.
    World(Side),
    /// An imported or exported interface.
    Interface(InterfaceSite<'w>),
}

impl<'w> Scope<'w> {
    /// The side of the world.
    pub fn side(&self) -> Side {
        match self {
            Scope::World(side) => *side,
            Scope::Interface(site) => site.side,
        }
    }

    /// Whether the component exports the scope's functions.
    pub fn exporting(&self) -> bool {
        self.side() == Side::Export
    }

    /// The world key of the interface, `None` at world level.
    pub fn key(&self) -> Option<&'w WorldKey> {
        match self {
            Scope::World(_) => None,
            Scope::Interface(site) => Some(site.key),
        }
    }

    /// The interface, `None` at world level.
    pub fn interface(&self) -> Option<InterfaceId> {
        match self {
            Scope::World(_) => None,
            Scope::Interface(site) => Some(site.id),
        }
    }
}

/// One language's binding generator, driven by [`walk`].
///
/// Every hook has the scope it is called for; a backend keeps whatever per-scope state it needs
/// (the module or package being written) between [`Backend::begin`] and [`Backend::end`].
pub trait Backend<'r> {
    /// Starts a scope, before any of its types or functions.
    fn begin(&mut self, scope: Scope<'r>) -> Result<()> {
        let _ = scope;
        Ok(())
    }

    /// A named type the scope defines (records, variants, resources, aliases made by `use`, ...),
    /// in definition order.
    fn define_type(&mut self, scope: Scope<'r>, id: TypeId) -> Result<()>;

    /// A function of an imported scope, in definition order.
    fn import_function(&mut self, scope: Scope<'r>, func: &'r Function) -> Result<()>;

    /// Every function of an exported scope, with the resources the scope defines (whose
    /// constructors, methods and statics are among `funcs`).
    fn export_functions(
        &mut self,
        scope: Scope<'r>,
        funcs: &[&'r Function],
        resources: &[TypeId],
    ) -> Result<()>;

    /// Ends a scope.
    fn end(&mut self, scope: Scope<'r>) -> Result<()> {
        let _ = scope;
        Ok(())
    }
}

/// Walks `world` in the fixed order of this module's documentation, calling `backend`'s hooks.
/// Rejects unsupported WIT first ([`check_supported`]).
pub fn walk<'r>(resolve: &'r Resolve, world: WorldId, backend: &mut dyn Backend<'r>) -> Result<()> {
    check_supported(resolve, world)?;
    let w = &resolve.worlds[world];

    let scope = Scope::World(Side::Import);
    backend.begin(scope)?;
    for item in w.imports.values() {
        if let WorldItem::Type { id, .. } = item {
            backend.define_type(scope, *id)?;
        }
    }
    for item in w.imports.values() {
        if let WorldItem::Function(func) = item {
            backend.import_function(scope, func)?;
        }
    }
    backend.end(scope)?;

    for (key, item) in w.imports.iter() {
        if let WorldItem::Interface { id, .. } = item {
            let scope = Scope::Interface(InterfaceSite {
                key,
                id: *id,
                side: Side::Import,
            });
            backend.begin(scope)?;
            let iface = &resolve.interfaces[*id];
            for ty in iface.types.values() {
                backend.define_type(scope, *ty)?;
            }
            for func in iface.functions.values() {
                backend.import_function(scope, func)?;
            }
            backend.end(scope)?;
        }
    }

    for (key, item) in w.exports.iter() {
        if let WorldItem::Interface { id, .. } = item {
            let scope = Scope::Interface(InterfaceSite {
                key,
                id: *id,
                side: Side::Export,
            });
            backend.begin(scope)?;
            let iface = &resolve.interfaces[*id];
            for ty in iface.types.values() {
                backend.define_type(scope, *ty)?;
            }
            let funcs: Vec<&'r Function> = iface.functions.values().collect();
            let resources: Vec<TypeId> = iface
                .types
                .values()
                .copied()
                .filter(|t| matches!(resolve.types[*t].kind, TypeDefKind::Resource))
                .collect();
            backend.export_functions(scope, &funcs, &resources)?;
            backend.end(scope)?;
        }
    }

    let funcs: Vec<&'r Function> = w
        .exports
        .values()
        .filter_map(|item| match item {
            WorldItem::Function(func) => Some(func),
            _ => None,
        })
        .collect();
    if !funcs.is_empty() {
        let scope = Scope::World(Side::Export);
        backend.begin(scope)?;
        backend.export_functions(scope, &funcs, &[])?;
        backend.end(scope)?;
    }
    Ok(())
}

/// A WIT construct knit cannot generate bindings for yet, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {what} uses {construct}, which knit does not support yet")]
pub struct Unsupported {
    /// `file.wit:line:column` of the type or function, or `<unknown>` for WIT decoded from wasm.
    pub location: String,
    /// The item: "type `name`" or "function `name`".
    pub what: String,
    /// The construct: "`future`", "`stream`", "an async function", ...
    pub construct: String,
}

/// Rejects the first type or function of the world that uses a construct knit cannot generate
/// yet: every named type of the world's own scope and of every interface it imports or exports,
/// and every function signature (whose anonymous types are checked there).
pub fn check_supported(resolve: &Resolve, world: WorldId) -> Result<(), Unsupported> {
    let w = &resolve.worlds[world];
    let items = || w.imports.values().chain(w.exports.values());
    // One look at each type of the resolve, none followed into another, is cheaper than walking
    // the world's types, and when it finds nothing no type of the world can be unsupported.
    let types_supported = crate::abi::all_types_supported(resolve);
    if !types_supported {
        for item in items() {
            match item {
                WorldItem::Interface { id, .. } => {
                    for id in resolve.interfaces[*id].types.values() {
                        check_type(resolve, *id)?;
                    }
                }
                WorldItem::Type { id, .. } => check_type(resolve, *id)?,
                WorldItem::Function(_) => {}
            }
        }
    }
    for item in items() {
        match item {
            WorldItem::Interface { id, .. } => {
                for func in resolve.interfaces[*id].functions.values() {
                    check_function(resolve, func, types_supported)?;
                }
            }
            WorldItem::Function(func) => check_function(resolve, func, types_supported)?,
            WorldItem::Type { .. } => {}
        }
    }
    Ok(())
}

/// Rejects named type `id` when it uses a construct knit cannot generate yet.
fn check_type(resolve: &Resolve, id: TypeId) -> Result<(), Unsupported> {
    let def = &resolve.types[id];
    match crate::abi::unsupported_in(resolve, &Type::Id(id)) {
        Some(construct) => Err(Unsupported {
            location: resolve.render_location(def.span),
            what: format!("type `{}`", def.name.as_deref().unwrap_or("<anonymous>")),
            construct,
        }),
        None => Ok(()),
    }
}

/// Rejects `func` when it is async or its signature uses a construct knit cannot generate yet;
/// `types_supported` as for [`crate::abi::unsupported_in_checked`].
fn check_function(
    resolve: &Resolve,
    func: &Function,
    types_supported: bool,
) -> Result<(), Unsupported> {
    let construct = if func.kind.is_async() {
        Some("an async function".to_string())
    } else {
        func.params
            .iter()
            .map(|p| p.ty)
            .chain(func.result)
            .find_map(|ty| crate::abi::unsupported_in_checked(resolve, &ty, types_supported))
    };
    match construct {
        Some(construct) => Err(Unsupported {
            location: resolve.render_location(func.span),
            what: format!("function `{}`", func.name),
            construct,
        }),
        None => Ok(()),
    }
}

/// The world key under which the interface owning `id` is imported or exported (imports first),
/// `None` for a type of the world itself or of an interface the world does not name.
pub fn owner_key(resolve: &Resolve, world: WorldId, id: TypeId) -> Option<WorldKey> {
    owner_key_ref(resolve, world, id).cloned()
}

/// [`owner_key`], borrowed from the world.
fn owner_key_ref(resolve: &Resolve, world: WorldId, id: TypeId) -> Option<&WorldKey> {
    let TypeOwner::Interface(iface) = resolve.types[id].owner else {
        return None;
    };
    let w = &resolve.worlds[world];
    w.imports
        .iter()
        .chain(w.exports.iter())
        .find(|(_, item)| matches!(item, WorldItem::Interface { id, .. } if *id == iface))
        .map(|(key, _)| key)
}

/// Where a guest reaches one resource type: its WIT name and the world key of the interface that
/// defines it. The core names of its intrinsics are made only when asked for, each from the key
/// ([`ResourceSite::import_module`], [`ResourceSite::export_module`],
/// [`ResourceSite::destructor`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceSite<'a> {
    /// The resource's WIT name.
    pub wit_name: &'a str,
    /// The world key of its interface, `None` for a world-level resource.
    pub key: Option<&'a WorldKey>,
}

impl<'a> ResourceSite<'a> {
    /// The site of resource `id` in `world`, reached through the first key its interface is
    /// imported or exported under.
    pub fn new(resolve: &'a Resolve, world: WorldId, id: TypeId) -> ResourceSite<'a> {
        Self::in_scope(resolve, world, id, None)
    }

    /// The site of resource `id` as defined in the interface imported or exported under `key`
    /// (an interface imported under several names has a distinct resource per name); when `key`
    /// names another interface, or none, as [`ResourceSite::new`].
    pub fn in_scope(
        resolve: &'a Resolve,
        world: WorldId,
        id: TypeId,
        key: Option<&'a WorldKey>,
    ) -> ResourceSite<'a> {
        let def = &resolve.types[id];
        let wit_name = def.name.as_deref().unwrap_or_default();
        let w = &resolve.worlds[world];
        let scope_interface =
            key.and_then(
                |key| match w.imports.get(key).or_else(|| w.exports.get(key)) {
                    Some(WorldItem::Interface { id, .. }) => Some(*id),
                    _ => None,
                },
            );
        let key = match (def.owner, scope_interface) {
            (TypeOwner::Interface(owner), Some(scope)) if owner == scope => key,
            _ => owner_key_ref(resolve, world, id),
        };
        ResourceSite { wit_name, key }
    }

    /// The core module of `[resource-drop]` for an imported resource (`ns:pkg/iface`).
    pub fn import_module(&self, resolve: &Resolve) -> String {
        mangle::import_module(resolve, self.key)
    }

    /// The core module of `[resource-new]`, `[resource-rep]` and `[resource-drop]` for a resource
    /// the component exports (`[export]ns:pkg/iface`).
    pub fn export_module(&self, resolve: &Resolve) -> String {
        mangle::exported_resource_module(resolve, self.key)
    }

    /// The core export name of an exported resource's destructor (`ns:pkg/iface#[dtor]name`).
    pub fn destructor(&self, resolve: &Resolve) -> String {
        mangle::destructor_name(resolve, self.key, self.wit_name)
    }
}

/// Everything a backend needs to write the core entry point of one export: lift the core
/// parameters, call the user's implementation, lower the result, and free it afterwards.
#[derive(Debug, Clone)]
pub struct ExportEntry {
    /// The core export name (`ns:pkg/iface#func`, or `func` at world level).
    pub name: String,
    /// The entry point's plan.
    pub plan: Plan,
    /// The post-return function's core export name and plan, when the result owns memory.
    pub post_return: Option<(String, Plan)>,
    /// The resource the function is a constructor, method or static of.
    pub resource: Option<TypeId>,
}

impl ExportEntry {
    /// Plans the entry point of `func`, exported under `key` (`None` at world level).
    pub fn new(abi: &Abi<'_>, key: Option<&WorldKey>, func: &Function) -> Result<Self, PlanError> {
        let name = mangle::export_name(abi.resolve(), key, &func.name);
        let plan = abi.export_plan(func)?;
        let post_return = abi
            .post_return_plan(func)?
            .map(|plan| (mangle::post_return_name(&name), plan));
        Ok(ExportEntry {
            name,
            plan,
            post_return,
            resource: resource_of(func),
        })
    }
}

/// The lines of a WIT doc comment, trailing white space removed, with no trailing empty lines.
/// Each backend adds its own comment marker (`///`, `//`, ` * `).
pub fn doc_lines(docs: &Docs) -> impl Iterator<Item = &str> {
    docs.contents
        .as_deref()
        .map(str::trim_end)
        .unwrap_or_default()
        .lines()
        .map(str::trim_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> (Resolve, WorldId) {
        let mut resolve = Resolve::default();
        let pkg = resolve.push_str("test.wit", src).unwrap();
        let world = resolve.select_world(&[pkg], None).unwrap();
        (resolve, world)
    }

    /// Records every hook as a line.
    #[derive(Default)]
    struct Trace(Vec<String>);

    fn scope_name(resolve: &Resolve, scope: Scope<'_>) -> String {
        match scope {
            Scope::World(side) => format!("world/{side:?}"),
            Scope::Interface(site) => {
                format!("{}/{:?}", resolve.name_world_key(site.key), site.side)
            }
        }
    }

    struct Tracer<'a>(&'a Resolve, Trace);

    impl<'r> Backend<'r> for Tracer<'_> {
        fn begin(&mut self, scope: Scope<'r>) -> Result<()> {
            let line = format!("begin {}", scope_name(self.0, scope));
            self.1.0.push(line);
            Ok(())
        }
        fn define_type(&mut self, _: Scope<'r>, id: TypeId) -> Result<()> {
            let line = format!("type {}", self.0.types[id].name.clone().unwrap());
            self.1.0.push(line);
            Ok(())
        }
        fn import_function(&mut self, _: Scope<'r>, func: &'r Function) -> Result<()> {
            self.1.0.push(format!("import {}", func.name));
            Ok(())
        }
        fn export_functions(
            &mut self,
            _: Scope<'r>,
            funcs: &[&'r Function],
            resources: &[TypeId],
        ) -> Result<()> {
            let names: Vec<&str> = funcs.iter().map(|f| f.name.as_str()).collect();
            self.1.0.push(format!(
                "export {} ({} resources)",
                names.join(","),
                resources.len()
            ));
            Ok(())
        }
        fn end(&mut self, scope: Scope<'r>) -> Result<()> {
            let line = format!("end {}", scope_name(self.0, scope));
            self.1.0.push(line);
            Ok(())
        }
    }

    #[test]
    fn walks_in_the_documented_order() {
        let (resolve, world) = parse(
            "package a:b;
             interface i { record r { x: u8 } f: func(); }
             interface e { resource res { m: func(); } g: func(); }
             world w {
                 export run: func();
                 import i;
                 type t = u32;
                 import h: func(a: t);
                 export e;
             }",
        );
        let mut tracer = Tracer(&resolve, Trace::default());
        walk(&resolve, world, &mut tracer).unwrap();
        assert_eq!(
            tracer.1.0,
            [
                "begin world/Import",
                "type t",
                "import h",
                "end world/Import",
                "begin a:b/i/Import",
                "type r",
                "import f",
                "end a:b/i/Import",
                "begin a:b/e/Export",
                "type res",
                "export [method]res.m,g (1 resources)",
                "end a:b/e/Export",
                "begin world/Export",
                "export run (0 resources)",
                "end world/Export",
            ]
        );
    }

    #[test]
    fn unsupported_types_are_named_with_their_location() {
        // The type is reached from no function: it is still rejected.
        let (resolve, world) = parse(
            "package a:b;\ninterface i {\n  type s = stream<u8>;\n  record r { f: future<u32> }\n}\nworld w { import i; }",
        );
        let err = check_supported(&resolve, world).unwrap_err();
        assert_eq!(
            err.to_string(),
            "test.wit:3:8: type `s` uses `stream`, which knit does not support yet"
        );
        let (resolve, world) =
            parse("package a:b;\nworld w {\n  export f: func(x: list<error-context>);\n}");
        let err = check_supported(&resolve, world).unwrap_err();
        assert_eq!(
            err.to_string(),
            "test.wit:3:10: function `f` uses `error-context`, which knit does not support yet"
        );
        // Every type is supported (the quick check holds); a bare `error-context` still is not.
        let (resolve, world) = parse(
            "package a:b;\ninterface i { record r { x: u8 } }\nworld w {\n  import i;\n  export f: func(x: error-context);\n}",
        );
        assert!(crate::abi::all_types_supported(&resolve));
        let err = check_supported(&resolve, world).unwrap_err();
        assert_eq!(
            err.to_string(),
            "test.wit:5:10: function `f` uses `error-context`, which knit does not support yet"
        );
        let (resolve, world) = parse("package a:b;\nworld w {\n  export f: async func();\n}");
        let err = check_supported(&resolve, world).unwrap_err();
        assert!(err.to_string().contains("an async function"), "{err}");
    }

    #[test]
    fn resource_sites_name_the_intrinsics() {
        let (resolve, world) =
            parse("package a:b@1.0.0; interface e { resource res; } world w { export e; }");
        let id = resolve.interfaces.iter().next().unwrap().1.types["res"];
        let site = ResourceSite::new(&resolve, world, id);
        assert_eq!(site.wit_name, "res");
        assert_eq!(site.import_module(&resolve), "a:b/e@1.0.0");
        assert_eq!(site.export_module(&resolve), "[export]a:b/e@1.0.0");
        assert_eq!(site.destructor(&resolve), "a:b/e@1.0.0#[dtor]res");
    }

    #[test]
    fn doc_lines_trim_trailing_space() {
        let docs = Docs {
            contents: Some("one  \n\ntwo\n\n".into()),
        };
        assert_eq!(doc_lines(&docs).collect::<Vec<_>>(), ["one", "", "two"]);
        assert_eq!(doc_lines(&Docs::default()).count(), 0);
    }
}
