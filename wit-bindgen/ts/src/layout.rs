//! Where everything goes: one ambient module per interface the world imports or exports (its
//! specifier, its `.d.ts` file), the world's own module, the names under which the world module
//! re-exports exported interfaces, and the aliases the stub imports the modules as.

use crate::{Engine, type_ident};
use anyhow::{Result, bail};
use knit_bindgen_core::names::{Case, Language, convert_case, is_reserved, make_unique};
use std::collections::{BTreeSet, HashMap};
use wit_parser::{InterfaceId, Resolve, WorldId, WorldItem, WorldKey};

/// Index of the world's own module in [`Layout::modules`].
pub const WORLD: usize = 0;

/// One ambient module (`declare module '<spec>' { ... }`) and its file.
#[derive(Debug, Clone)]
pub struct Module {
    /// The module specifier: `ns:pkg/iface@1.0.0`, a plain import name, or the world's id.
    pub spec: String,
    /// The file, relative to the output folder: `interfaces/ns-pkg-iface.d.ts`.
    pub file: String,
    /// The interface, `None` for the world module.
    pub iface: Option<InterfaceId>,
    /// The world key, `None` for the world module.
    pub key: Option<WorldKey>,
    /// Whether the world imports it (the guest imports its functions from the engine).
    pub imported: bool,
    /// Whether the world exports it (the guest module must export it).
    pub exported: bool,
    /// For an exported interface: the name the guest module exports it under, which the world
    /// module re-exports it as (`export * as <name> from '<spec>'`).
    pub export_name: Option<String>,
    /// The alias the stub imports the module as (`import type * as <alias> from '<spec>'`).
    pub stub_alias: String,
}

/// Every module of a world.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The world module first ([`WORLD`]), then one module per interface key in the world's
    /// order (imports, then exports).
    pub modules: Vec<Module>,
    /// Export names several exports share (QuickJS only): the world's own function `run` and
    /// the interface `ns:pkg/run`, say, both found as the guest module's `run`.
    pub shared: BTreeSet<String>,
    by_key: HashMap<WorldKey, usize>,
}

impl Layout {
    /// Lays out `world` for `engine`. Fails when two exported interfaces cannot be told apart
    /// by the engine, or when one name is imported and exported as different interfaces.
    pub fn new(resolve: &Resolve, world: WorldId, engine: Engine) -> Result<Layout> {
        let w = &resolve.worlds[world];
        let world_spec = match w.package {
            Some(pkg) => resolve.packages[pkg].name.interface_id(&w.name),
            None => w.name.clone(),
        };
        let mut modules = vec![Module {
            spec: world_spec,
            file: format!("{}.d.ts", w.name),
            iface: None,
            key: None,
            imported: true,
            exported: true,
            export_name: None,
            stub_alias: String::new(),
        }];
        let mut by_key = HashMap::new();
        let mut by_spec: HashMap<String, usize> = HashMap::new();
        let items = w.imports.iter().map(|i| (i, true));
        for ((key, item), imported) in items.chain(w.exports.iter().map(|i| (i, false))) {
            let WorldItem::Interface { id, .. } = item else {
                continue;
            };
            let spec = resolve.name_world_key(key);
            let index = match by_spec.get(&spec) {
                Some(&index) if modules[index].iface == Some(*id) => index,
                Some(_) => bail!("`{spec}` is imported and exported as two different interfaces"),
                None => {
                    modules.push(Module {
                        spec: spec.clone(),
                        file: String::new(),
                        iface: Some(*id),
                        key: Some(key.clone()),
                        imported: false,
                        exported: false,
                        export_name: None,
                        stub_alias: String::new(),
                    });
                    by_spec.insert(spec, modules.len() - 1);
                    modules.len() - 1
                }
            };
            if imported {
                modules[index].imported = true;
            } else {
                modules[index].exported = true;
            }
            by_key.insert(key.clone(), index);
        }

        let stems = make_unique(
            &modules[1..]
                .iter()
                .map(|m| file_candidates(resolve, m))
                .collect::<Vec<_>>(),
        );
        for (module, stem) in modules[1..].iter_mut().zip(stems) {
            module.file = format!("interfaces/{stem}.d.ts");
        }
        let aliases = make_unique(
            &modules
                .iter()
                .map(|m| {
                    let stem = m.file.trim_start_matches("interfaces/");
                    let alias = type_ident(stem.trim_end_matches(".d.ts"));
                    if crate::types::STUB_GLOBALS.contains(&alias.as_str()) {
                        vec![format!("{alias}_")]
                    } else {
                        vec![alias]
                    }
                })
                .collect::<Vec<_>>(),
        );
        for (module, alias) in modules.iter_mut().zip(aliases) {
            module.stub_alias = alias;
        }
        let mut layout = Layout {
            modules,
            shared: BTreeSet::new(),
            by_key,
        };
        layout.name_exports(resolve, world, engine)?;
        Ok(layout)
    }

    /// The module of the interface imported or exported under `key`.
    pub fn of_key(&self, key: &WorldKey) -> usize {
        self.by_key[key]
    }

    /// The module of the interface `iface` as seen from module `from`: `from` itself when it is
    /// that interface (an interface imported under several names has one module per name),
    /// otherwise the first module of the world that holds it.
    pub fn of_interface(&self, iface: InterfaceId, from: Option<usize>) -> Option<usize> {
        if let Some(from) = from
            && self.modules[from].iface == Some(iface)
        {
            return Some(from);
        }
        self.modules.iter().position(|m| m.iface == Some(iface))
    }

    /// Names the exported interfaces. Both engines find an exported interface under its short
    /// name in lowerCamelCase (`ns:pkg/iface@1.0.0` → `iface`); ComponentizeJS also under its
    /// full id, which is used when short names collide, and under the plain kebab-case name for
    /// an interface exported by a plain name. QuickJS only knows the short name: exports that
    /// collide there are one value ([`Layout::shared`]).
    fn name_exports(&mut self, resolve: &Resolve, world: WorldId, engine: Engine) -> Result<()> {
        let w = &resolve.worlds[world];
        let mut taken: BTreeSet<String> = w
            .exports
            .iter()
            .filter(|(_, item)| matches!(item, WorldItem::Function(_)))
            .map(|(key, _)| convert_case(&resolve.name_world_key(key), Case::LowerCamel))
            .collect();
        let wanted: Vec<(usize, String)> = self
            .modules
            .iter()
            .enumerate()
            .filter(|(_, m)| m.exported && m.iface.is_some())
            .map(|(index, m)| {
                let name = match (m.key.as_ref(), engine) {
                    (Some(WorldKey::Name(name)), Engine::StarlingMonkey) => name.clone(),
                    (Some(WorldKey::Name(name)), Engine::QuickJs) => {
                        convert_case(name, Case::LowerCamel)
                    }
                    _ => {
                        let iface = &resolve.interfaces[m.iface.expect("an interface")];
                        convert_case(iface.name.as_deref().unwrap_or(&m.spec), Case::LowerCamel)
                    }
                };
                (index, name)
            })
            .collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, name) in &wanted {
            *counts.entry(name.as_str()).or_default() += 1;
        }
        let mut chosen = Vec::new();
        for (index, name) in &wanted {
            let clash = counts[name.as_str()] > 1 || taken.contains(name);
            let module = &self.modules[*index];
            let name = match (clash, engine, &module.key) {
                (true, Engine::StarlingMonkey, Some(WorldKey::Interface(_))) => module.spec.clone(),
                (true, Engine::StarlingMonkey, _) => bail!(
                    "{} cannot export `{}` as `{name}`: another export of the world has that name",
                    engine.name(),
                    module.spec
                ),
                // QuickJS finds every export of that name on one value: declared as one.
                (true, Engine::QuickJs, _) => {
                    self.shared.insert(name.clone());
                    name.clone()
                }
                (false, _, _) => name.clone(),
            };
            chosen.push((*index, name));
        }
        for (index, name) in chosen {
            if !taken.insert(name.clone()) && !self.shared.contains(&name) {
                bail!("two exports of the world are both named `{name}`");
            }
            self.modules[index].export_name = Some(name);
        }
        Ok(())
    }
}

/// File-name candidates of an interface module, most preferred first: `ns-pkg-iface`, then with
/// the version (`ns-pkg-iface-1-0-0`) for two versions of one package; a plain import name as is.
fn file_candidates(resolve: &Resolve, module: &Module) -> Vec<String> {
    let kebab = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect()
    };
    let Some(WorldKey::Interface(id)) = &module.key else {
        return vec![kebab(&module.spec)];
    };
    let iface = &resolve.interfaces[*id];
    let name = iface.name.as_deref().unwrap_or("interface");
    let Some(pkg) = iface.package else {
        return vec![kebab(name)];
    };
    let pkg = &resolve.packages[pkg].name;
    let base = kebab(&format!("{}-{}-{name}", pkg.namespace, pkg.name));
    let mut out = vec![base.clone()];
    if let Some(version) = &pkg.version {
        out.push(format!("{base}-{}", kebab(&version.to_string())));
    }
    out
}

/// Whether `name` can be written as a plain identifier in a binding position (`const name`).
pub fn is_plain_ident(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        && !is_reserved(Language::TypeScript, name)
}

/// Whether `name` can follow `export * as` or `.` unquoted (reserved words are fine there).
pub fn is_identifier_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(src: &str, engine: Engine) -> Result<Layout> {
        let mut resolve = Resolve::default();
        let pkg = resolve.push_str("test.wit", src).unwrap();
        let world = resolve.select_world(&[pkg], None).unwrap();
        Layout::new(&resolve, world, engine)
    }

    #[test]
    fn modules_follow_world_keys() {
        let l = layout(
            "package a:b@1.0.0;
             interface store { f: func(); }
             world w { import store; import primary: store; export backup: store; export store; }",
            Engine::StarlingMonkey,
        )
        .unwrap();
        let specs: Vec<&str> = l.modules.iter().map(|m| m.spec.as_str()).collect();
        assert_eq!(
            specs,
            ["a:b/w@1.0.0", "a:b/store@1.0.0", "primary", "backup"]
        );
        let files: Vec<&str> = l.modules.iter().map(|m| m.file.as_str()).collect();
        assert_eq!(
            files,
            [
                "w.d.ts",
                "interfaces/a-b-store.d.ts",
                "interfaces/primary.d.ts",
                "interfaces/backup.d.ts"
            ]
        );
        // Imported and exported under one key: one module, both sides.
        assert!(l.modules[1].imported && l.modules[1].exported);
        assert_eq!(l.modules[1].export_name.as_deref(), Some("store"));
        assert_eq!(l.modules[3].export_name.as_deref(), Some("backup"));
        assert_eq!(l.modules[0].stub_alias, "W");
        assert_eq!(l.modules[1].stub_alias, "ABStore");
    }

    #[test]
    fn clashing_short_names_use_the_full_id_or_are_shared() {
        let src = "package a:b;
             interface api { f: func(); }
             world w { export api; export api2: interface { g: func(); } export my-api: func(); }";
        let l = layout(src, Engine::StarlingMonkey).unwrap();
        assert_eq!(l.modules[1].export_name.as_deref(), Some("api"));
        assert_eq!(l.modules[2].export_name.as_deref(), Some("api2"));
        let src = "package a:b;
             interface api { f: func(); }
             world w { export api; export api: func(); }";
        let sm = layout(src, Engine::StarlingMonkey).unwrap();
        assert_eq!(sm.modules[1].export_name.as_deref(), Some("a:b/api"));
        let qjs = layout(src, Engine::QuickJs).unwrap();
        assert_eq!(qjs.modules[1].export_name.as_deref(), Some("api"));
        assert!(qjs.shared.contains("api"));
        let src = "package a:b;
             interface my-box { f: func(); }
             world w { export a-box: interface { g: func(); } }";
        let sm = layout(src, Engine::StarlingMonkey).unwrap();
        assert_eq!(sm.modules[1].export_name.as_deref(), Some("a-box"));
        let qjs = layout(src, Engine::QuickJs).unwrap();
        assert_eq!(qjs.modules[1].export_name.as_deref(), Some("aBox"));
    }

    #[test]
    fn identifiers() {
        assert!(is_plain_ident("iface"));
        assert!(!is_plain_ident("interface"));
        assert!(is_identifier_name("interface"));
        assert!(!is_identifier_name("a:b/c"));
        assert!(!is_identifier_name("my-box"));
    }
}
