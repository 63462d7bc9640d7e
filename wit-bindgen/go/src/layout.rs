//! Where each Go package goes: folders, package names, import aliases, and which package a WIT
//! type is declared in.
//!
//! - the world's own package: `<world>/` (world-level types, imports and exports);
//! - an imported interface `ns:pkg/iface`: `ns/pkg/iface/` (`ns/pkg_v1_2_0/iface/` when several
//!   versions of the package take part); an interface declared inline in the world: `<world>/<name>/`;
//! - an exported interface: the same under `exports/`;
//! - the runtime: `cm/`.

use crate::go_ident;
use knit_bindgen_core::names::Case;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use wit_parser::{InterfaceId, Resolve, TypeId, TypeOwner, WorldId, WorldItem, WorldKey};

/// A generated Go package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pkg {
    /// The world's own package.
    World,
    /// An imported interface; the number tells apart the packages of an interface imported under
    /// several names (`import primary: store;`), 0 being its home package (its plain `import` when
    /// there is one, else its first).
    Import(InterfaceId, u32),
    /// An exported interface, numbered likewise.
    Export(InterfaceId, u32),
}

/// Folders and names of every package of one world.
pub struct Layout {
    dirs: BTreeMap<Pkg, String>,
    names: HashMap<Pkg, String>,
    by_key: HashMap<(bool, WorldKey), Pkg>,
    imported: BTreeSet<InterfaceId>,
    exported: BTreeSet<InterfaceId>,
}

/// A folder name element: snake case, escaped, never `main` (which cannot be imported).
fn element(name: &str) -> String {
    let ident = go_ident(name, Case::Snake);
    if ident == "main" || ident == "cm" || ident == "exports" {
        format!("{ident}_")
    } else {
        ident
    }
}

/// The import alias of a package folder: the folder with `/` replaced by `_`. Aliases always hold
/// an underscore or are `cm`, so they never equal a generated local (lower camel case).
pub fn alias(dir: &str) -> String {
    let alias = dir.replace('/', "_");
    if alias.contains('_') {
        alias
    } else {
        format!("{alias}_")
    }
}

impl Layout {
    /// Lays out every package of `world`.
    pub fn new(resolve: &Resolve, world: WorldId) -> Layout {
        let w = &resolve.worlds[world];
        let world_dir = element(&w.name);
        let mut versions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for key in w.imports.keys().chain(w.exports.keys()) {
            if let WorldKey::Interface(id) = key
                && let Some(pkg) = resolve.interfaces[*id].package
            {
                let name = &resolve.packages[pkg].name;
                let version = name
                    .version
                    .as_ref()
                    .map(|v| v.to_string())
                    .unwrap_or_default();
                versions
                    .entry(format!("{}:{}", name.namespace, name.name))
                    .or_default()
                    .insert(version);
            }
        }
        let base = |key: &WorldKey| -> String {
            match key {
                WorldKey::Name(name) => format!("{world_dir}/{}", element(name)),
                WorldKey::Interface(id) => {
                    let iface = &resolve.interfaces[*id];
                    let name = iface.name.as_deref().unwrap_or("interface");
                    let Some(pkg) = iface.package else {
                        return format!("{world_dir}/{}", element(name));
                    };
                    let pkg = &resolve.packages[pkg].name;
                    let mut pkg_dir = element(&pkg.name);
                    let several = versions
                        .get(&format!("{}:{}", pkg.namespace, pkg.name))
                        .is_some_and(|v| v.len() > 1);
                    if let (true, Some(version)) = (several, &pkg.version) {
                        let v: String = version
                            .to_string()
                            .chars()
                            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                            .collect();
                        pkg_dir = format!("{pkg_dir}_v{v}");
                    }
                    format!("{}/{pkg_dir}/{}", element(&pkg.namespace), element(name))
                }
            }
        };
        let mut dirs = BTreeMap::new();
        let mut names = HashMap::new();
        let mut imported = BTreeSet::new();
        let mut exported = BTreeSet::new();
        let mut used: BTreeSet<String> = ["cm".to_string(), "exports".to_string()].into();
        let mut unique = |dir: String| -> String {
            let mut candidate = dir.clone();
            let mut n = 2;
            while !used.insert(candidate.clone()) {
                candidate = format!("{dir}{n}");
                n += 1;
            }
            candidate
        };
        dirs.insert(Pkg::World, unique(world_dir.clone()));
        let mut by_key = HashMap::new();
        for (exporting, items) in [(false, &w.imports), (true, &w.exports)] {
            // The home package (number 0) of an interface is its plain import, else its first.
            let mut homes: HashMap<InterfaceId, &WorldKey> = HashMap::new();
            for (key, item) in items {
                if let WorldItem::Interface { id, .. } = item
                    && (matches!(key, WorldKey::Interface(_)) || !homes.contains_key(id))
                {
                    homes.insert(*id, key);
                }
            }
            let mut next: HashMap<InterfaceId, u32> = HashMap::new();
            for (key, item) in items {
                let WorldItem::Interface { id, .. } = item else {
                    continue;
                };
                let number = if homes[id] == key {
                    0
                } else {
                    let n = next.entry(*id).or_insert(0);
                    *n += 1;
                    *n
                };
                let (pkg, dir) = if exporting {
                    exported.insert(*id);
                    (Pkg::Export(*id, number), format!("exports/{}", base(key)))
                } else {
                    imported.insert(*id);
                    (Pkg::Import(*id, number), base(key))
                };
                names.insert(pkg, resolve.name_world_key(key));
                dirs.insert(pkg, unique(dir));
                by_key.insert((exporting, key.clone()), pkg);
            }
        }
        Layout {
            dirs,
            names,
            by_key,
            imported,
            exported,
        }
    }

    /// The package's folder, relative to the output folder.
    pub fn dir(&self, pkg: Pkg) -> &str {
        match self.dirs.get(&pkg) {
            Some(dir) => dir,
            // An interface that is neither imported nor exported is never given a package; its
            // types are only reachable through packages that are.
            None => "unknown",
        }
    }

    /// The package's name: the last element of its folder.
    pub fn name(&self, pkg: Pkg) -> &str {
        let dir = self.dir(pkg);
        dir.rsplit('/').next().unwrap_or(dir)
    }

    /// The WIT name the world imports or exports the package's interface under.
    pub fn wit_name(&self, pkg: Pkg) -> &str {
        self.names.get(&pkg).map(String::as_str).unwrap_or("?")
    }

    /// The package of the interface imported (or, with `exporting`, exported) under `key`.
    pub fn of_key(&self, exporting: bool, key: &WorldKey) -> Pkg {
        self.by_key[&(exporting, key.clone())]
    }

    /// Whether the world imports the interface.
    pub fn is_imported(&self, id: InterfaceId) -> bool {
        self.imported.contains(&id)
    }

    /// Whether the world exports the interface.
    pub fn is_exported(&self, id: InterfaceId) -> bool {
        self.exported.contains(&id)
    }

    /// The package that declares type `id`, seen from import code (`exporting == false`) or export
    /// code. An exported interface's types live in its exports package; the same interface
    /// imported has its own copy in its import package.
    pub fn type_home(&self, resolve: &Resolve, id: TypeId, exporting: bool) -> Pkg {
        match resolve.types[id].owner {
            TypeOwner::Interface(iface) => {
                if (exporting && self.is_exported(iface)) || !self.is_imported(iface) {
                    Pkg::Export(iface, 0)
                } else {
                    Pkg::Import(iface, 0)
                }
            }
            _ => Pkg::World,
        }
    }

    /// Every package with types, in a fixed order: the world, then imports, then exports.
    pub fn packages(&self) -> Vec<Pkg> {
        self.dirs.keys().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_get_folders_and_aliases() {
        let mut resolve = Resolve::default();
        let pkg = resolve
            .push_str(
                "x.wit",
                "package a:b; interface %type { f: func(); } interface main { g: func(); } world w { import %type; export %type; import main; }",
            )
            .unwrap();
        let world = resolve.select_world(&[pkg], None).unwrap();
        let layout = Layout::new(&resolve, world);
        let dirs: Vec<&str> = layout
            .packages()
            .into_iter()
            .map(|p| layout.dir(p))
            .collect();
        assert!(dirs.contains(&"a/b/type_"), "{dirs:?}");
        assert!(dirs.contains(&"exports/a/b/type_"), "{dirs:?}");
        assert!(dirs.contains(&"a/b/main_"), "{dirs:?}");
        assert_eq!(alias("a/b/type_"), "a_b_type_");
        assert_eq!(alias("w"), "w_");
    }
}
