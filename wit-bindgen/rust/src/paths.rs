//! Where each interface and type lives in the generated module tree, and how to name it from
//! elsewhere in the tree.

use knit_bindgen_core::names::{Case, Language, ident};
use std::collections::{BTreeMap, HashMap};
use wit_parser::{InterfaceId, Resolve, TypeId, TypeOwner, WorldId, WorldItem, WorldKey};

/// A module path from the root of the generated bindings, e.g. `["exports", "a", "b", "iface"]`.
pub type ModPath = Vec<String>;

/// The module layout of one world's bindings.
pub struct Paths {
    /// The home module of each imported interface: where code outside it finds its types (the
    /// module of its plain `import ns:pkg/iface;` when there is one, else of its first import).
    imports: HashMap<InterfaceId, ModPath>,
    /// The home module of each exported interface, likewise.
    exports: HashMap<InterfaceId, ModPath>,
    /// The module of every import and export key: an interface imported under several names
    /// (`import primary: store; import secondary: store;`) gets a module, with its own types and
    /// resources, per name.
    by_key: HashMap<(bool, WorldKey), ModPath>,
    /// Every module of each interface, imported or exported.
    modules_of: HashMap<InterfaceId, Vec<ModPath>>,
    /// Interfaces replaced by existing bindings (`with`): path → Rust path.
    pub replaced: BTreeMap<ModPath, String>,
}

impl Paths {
    /// Lays out the interfaces of `world`.
    pub fn new(resolve: &Resolve, world: WorldId) -> Paths {
        let w = &resolve.worlds[world];
        // Packages that appear with more than one version get the version in their module name.
        let mut versions: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        for (_, pkg) in resolve.packages.iter() {
            let v = pkg
                .name
                .version
                .as_ref()
                .map(|v| v.to_string())
                .unwrap_or_default();
            let entry = versions
                .entry((pkg.name.namespace.clone(), pkg.name.name.clone()))
                .or_default();
            if !entry.contains(&v) {
                entry.push(v);
            }
        }
        let path_of = |key: &WorldKey, id: InterfaceId| -> ModPath {
            match key {
                WorldKey::Name(name) => vec![ident(Language::Rust, name, Case::Snake)],
                WorldKey::Interface(_) => {
                    let iface = &resolve.interfaces[id];
                    let Some(pkg) = iface.package else {
                        return vec!["anonymous".to_string()];
                    };
                    let pkg = &resolve.packages[pkg].name;
                    let several = versions
                        .get(&(pkg.namespace.clone(), pkg.name.clone()))
                        .is_some_and(|v| v.len() > 1);
                    let mut pkg_mod = ident(Language::Rust, &pkg.name, Case::Snake);
                    if several && let Some(version) = &pkg.version {
                        let v = version.to_string().replace(['.', '-', '+'], "_");
                        pkg_mod = format!("{}_v{v}", pkg_mod.trim_start_matches("r#"));
                    }
                    let name = iface.name.as_deref().unwrap_or("anonymous");
                    vec![
                        ident(Language::Rust, &pkg.namespace, Case::Snake),
                        pkg_mod,
                        ident(Language::Rust, name, Case::Snake),
                    ]
                }
            }
        };
        let mut imports = HashMap::new();
        let mut exports = HashMap::new();
        let mut by_key = HashMap::new();
        let mut modules_of: HashMap<InterfaceId, Vec<ModPath>> = HashMap::new();
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
                let mut path = Vec::new();
                if exporting {
                    path.push("exports".to_string());
                }
                path.extend(path_of(key, *id));
                if matches!(key, WorldKey::Interface(_)) || !home.contains_key(id) {
                    home.insert(*id, path.clone());
                }
                modules_of.entry(*id).or_default().push(path.clone());
                by_key.insert((exporting, key.clone()), path);
            }
        }
        Paths {
            imports,
            exports,
            by_key,
            modules_of,
            replaced: BTreeMap::new(),
        }
    }

    /// The home module of an imported interface.
    pub fn import(&self, id: InterfaceId) -> &ModPath {
        &self.imports[&id]
    }

    /// The module of the interface imported (or, with `exporting`, exported) under `key`.
    pub fn of_key(&self, exporting: bool, key: &WorldKey) -> &ModPath {
        &self.by_key[&(exporting, key.clone())]
    }

    /// The module that defines type `id` as seen from module `from` in export code (`exporting`)
    /// or import code: `from` itself when it is a module of the type's interface (one of several
    /// names it is imported under), else the interface's home module.
    pub fn type_module(
        &self,
        resolve: &Resolve,
        id: TypeId,
        exporting: bool,
        from: &[String],
    ) -> ModPath {
        match resolve.types[id].owner {
            TypeOwner::Interface(iface) => {
                if let Some(modules) = self.modules_of.get(&iface)
                    && modules.len() > 1
                    && modules.iter().any(|m| m.as_slice() == from)
                {
                    return from.to_vec();
                }
                if exporting && let Some(path) = self.exports.get(&iface) {
                    return path.clone();
                }
                self.imports
                    .get(&iface)
                    .or_else(|| self.exports.get(&iface))
                    .cloned()
                    .unwrap_or_default()
            }
            TypeOwner::World(_) | TypeOwner::None => Vec::new(),
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
