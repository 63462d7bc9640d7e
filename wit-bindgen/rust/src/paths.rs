//! Where each interface and type lives in the generated module tree, and how to name it from
//! elsewhere in the tree.

use crate::rust_ident;
use knit_bindgen_core::names::Case;
use rustc_hash::FxHashMap as FastMap;
use std::collections::BTreeMap;
use wit_parser::{InterfaceId, Resolve, TypeId, TypeOwner, WorldId, WorldItem, WorldKey};

/// A module path from the root of the generated bindings, e.g. `["exports", "a", "b", "iface"]`.
pub type ModPath = Vec<String>;

/// The module layout of one world's bindings.
pub struct Paths {
    /// The module of every interface the world imports or exports, one per key, in the world's
    /// order (imports first); the maps below index it.
    modules: Vec<ModPath>,
    /// The home module of each imported interface: where code outside it finds its types (the
    /// module of its plain `import ns:pkg/iface;` when there is one, else of its first import).
    imports: FastMap<InterfaceId, usize>,
    /// The home module of each exported interface, likewise.
    exports: FastMap<InterfaceId, usize>,
    /// The module of every import and export key: an interface imported under several names
    /// (`import primary: store; import secondary: store;`) gets a module, with its own types and
    /// resources, per name.
    by_key: FastMap<(bool, WorldKey), usize>,
    /// Every module of each interface that has more than one, imported or exported.
    several: FastMap<InterfaceId, Vec<usize>>,
    /// Interfaces replaced by existing bindings (`with`): path → Rust path.
    pub replaced: BTreeMap<ModPath, String>,
}

impl Paths {
    /// Lays out the interfaces of `world`.
    pub fn new(resolve: &Resolve, world: WorldId) -> Paths {
        let w = &resolve.worlds[world];
        // Packages that appear with more than one version get the version in their module name.
        let mut versions: BTreeMap<(&str, &str), Vec<_>> = BTreeMap::new();
        for (_, pkg) in resolve.packages.iter() {
            let v = pkg.name.version.as_ref();
            let entry = versions
                .entry((pkg.name.namespace.as_str(), pkg.name.name.as_str()))
                .or_default();
            if !entry.contains(&v) {
                entry.push(v);
            }
        }
        let path_of = |key: &WorldKey, id: InterfaceId, path: &mut ModPath| match key {
            WorldKey::Name(name) => path.push(rust_ident(name, Case::Snake)),
            WorldKey::Interface(_) => {
                let iface = &resolve.interfaces[id];
                let Some(pkg) = iface.package else {
                    path.push("anonymous".to_string());
                    return;
                };
                let pkg = &resolve.packages[pkg].name;
                let several = versions
                    .get(&(pkg.namespace.as_str(), pkg.name.as_str()))
                    .is_some_and(|v| v.len() > 1);
                let mut pkg_mod = rust_ident(&pkg.name, Case::Snake);
                if several && let Some(version) = &pkg.version {
                    let v = version.to_string().replace(['.', '-', '+'], "_");
                    pkg_mod = format!("{}_v{v}", pkg_mod.trim_start_matches("r#"));
                }
                let name = iface.name.as_deref().unwrap_or("anonymous");
                path.push(rust_ident(&pkg.namespace, Case::Snake));
                path.push(pkg_mod);
                path.push(rust_ident(name, Case::Snake));
            }
        };
        let count = w.imports.len() + w.exports.len();
        let mut modules = Vec::with_capacity(count);
        let mut owners = Vec::with_capacity(count);
        let mut imports = FastMap::default();
        let mut exports = FastMap::default();
        let mut by_key = FastMap::default();
        for (exporting, items) in [(false, &w.imports), (true, &w.exports)] {
            let home = if exporting {
                &mut exports
            } else {
                &mut imports
            };
            for (key, item) in items {
                let WorldItem::Interface { id, .. } = item else {
                    continue;
                };
                let mut path = Vec::with_capacity(4);
                if exporting {
                    path.push("exports".to_string());
                }
                path_of(key, *id, &mut path);
                let index = modules.len();
                if matches!(key, WorldKey::Interface(_)) || !home.contains_key(id) {
                    home.insert(*id, index);
                }
                by_key.insert((exporting, key.clone()), index);
                modules.push(path);
                owners.push(*id);
            }
        }
        let mut counts: FastMap<InterfaceId, usize> = FastMap::default();
        for id in &owners {
            *counts.entry(*id).or_default() += 1;
        }
        let mut several: FastMap<InterfaceId, Vec<usize>> = FastMap::default();
        for (index, id) in owners.iter().enumerate() {
            if counts[id] > 1 {
                several.entry(*id).or_default().push(index);
            }
        }
        Paths {
            modules,
            imports,
            exports,
            by_key,
            several,
            replaced: BTreeMap::new(),
        }
    }

    /// The home module of an imported interface.
    pub fn import(&self, id: InterfaceId) -> &ModPath {
        &self.modules[self.imports[&id]]
    }

    /// The module of the interface imported (or, with `exporting`, exported) under `key`.
    pub fn of_key(&self, exporting: bool, key: &WorldKey) -> &ModPath {
        &self.modules[self.by_key[&(exporting, key.clone())]]
    }

    /// The module that defines type `id` as seen from module `from` in export code (`exporting`)
    /// or import code: `from` itself when it is a module of the type's interface (one of several
    /// names it is imported under), else the interface's home module.
    pub fn type_module<'p>(
        &'p self,
        resolve: &Resolve,
        id: TypeId,
        exporting: bool,
        from: &'p [String],
    ) -> &'p [String] {
        match resolve.types[id].owner {
            TypeOwner::Interface(iface) => {
                if let Some(modules) = self.several.get(&iface)
                    && modules.iter().any(|m| self.modules[*m].as_slice() == from)
                {
                    return from;
                }
                if exporting && let Some(index) = self.exports.get(&iface) {
                    return &self.modules[*index];
                }
                self.imports
                    .get(&iface)
                    .or_else(|| self.exports.get(&iface))
                    .map_or(&[], |index| &self.modules[*index])
            }
            TypeOwner::World(_) | TypeOwner::None => &[],
        }
    }
}

/// How to write item `item` of module `to` from inside module `from`.
pub fn relative(from: &[String], to: &[String], item: &str) -> String {
    if from == to {
        return item.to_string();
    }
    let mut out = "super::".repeat(from.len());
    for segment in to {
        out.push_str(segment);
        out.push_str("::");
    }
    out.push_str(item);
    out
}
