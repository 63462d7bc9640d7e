//! Bridging host imports across semver-compatible versions.
//!
//! When one component imports `wasi:io/streams@0.2.0` and another
//! `wasi:io/streams@0.2.6`, the composition imports the interface once, at
//! the newer version, and hands it to both. Bridging works per package
//! version: every import of `wasi:io@0.2.0` becomes an import of
//! `wasi:io@0.2.6`, even of interfaces only the older component uses, so the
//! result asks the host for one version of each package. The imported
//! interface is the union of what every importer uses (see `host_types`).
//!
//! A bridge is made only when it is sound:
//! - where the importers' views of an interface overlap, they agree;
//! - it is closed under `use`: an interface's types name the resources of the
//!   interfaces it uses, so a bridged interface needs what it uses to be
//!   bridged too (or already at the newest version) and left for the host;
//! - no component imports both versions itself.
//!
//! A bridge that fails one of these is dropped, both versions stay separate
//! imports, and the explanation says why.

use crate::graph::{Graph, MatchKind, Source};
use crate::names::{ExternName, Version};
use crate::typecheck;
use std::collections::BTreeMap;
use wit_parser::WorldItem;

/// Planned bridges: (package such as `wasi:io`, older version) → newer version.
pub type Bridges = BTreeMap<(String, Version), Version>;

/// The package (`wasi:io`) and version of an import name such as `wasi:io/streams@0.2.0`.
fn package_version(name: &str) -> Option<(String, Version)> {
    let name = ExternName::parse(name);
    let version = name.version?;
    let (package, _) = name.base.split_once('/')?;
    Some((package.to_string(), version))
}

impl Graph {
    /// Bridges host imports to the newest semver-compatible version of their
    /// package that any component imports, where that is sound, and records
    /// the bridges in [`Graph::bridges`]. Bridged consumers' arguments are
    /// marked as version-bridged. Returns a note for every bridge that could
    /// not be made, with the reason.
    pub fn merge_compatible_host_imports(&mut self) -> Vec<String> {
        let mut notes = Vec::new();
        let mut plan = self.candidate_bridges();
        loop {
            let dropped = self.unsound_bridges(&plan);
            if dropped.is_empty() {
                break;
            }
            for (key, reason) in dropped {
                if let Some(to) = plan.remove(&key) {
                    notes.push(format!(
                        "imports of `{}@{}` kept apart from `{}@{to}`: {reason}",
                        key.0, key.1, key.0
                    ));
                }
            }
        }
        let names: Vec<String> = self.host_imports.iter().map(|h| h.name.clone()).collect();
        for name in names {
            if let Some(target) = bridged_name(&plan, &name) {
                self.bridge_host_import(&name, &target);
            }
        }
        self.bridges = plan;
        notes
    }

    /// Every package version with a newer compatible version among the host imports.
    fn candidate_bridges(&self) -> Bridges {
        let mut versions: BTreeMap<String, Vec<Version>> = BTreeMap::new();
        for host in &self.host_imports {
            if let Some((package, version)) = package_version(&host.name) {
                versions.entry(package).or_default().push(version);
            }
        }
        let mut plan = Bridges::new();
        for (package, list) in versions {
            for from in &list {
                let newest = list
                    .iter()
                    .filter(|v| from.compatible_with(v) && *v > from)
                    .max();
                if let Some(to) = newest {
                    plan.insert((package.clone(), from.clone()), to.clone());
                }
            }
        }
        plan
    }

    /// The bridges of `plan` that break one of the rules, each with the reason.
    fn unsound_bridges(&self, plan: &Bridges) -> Vec<((String, Version), String)> {
        let mut dropped = Vec::new();
        let key_of = |name: &str| package_version(name).filter(|k| plan.contains_key(k));

        // No component may import both versions itself.
        for key @ (package, from) in plan.keys() {
            let to = &plan[key];
            for instance in 0..self.instances.len() {
                let def = self.component_of(instance);
                let has = |v: &Version| {
                    def.imports.iter().any(|i| {
                        package_version(&i.name).is_some_and(|(p, w)| p == *package && w == *v)
                    })
                };
                if has(from) && has(to) {
                    dropped.push((
                        key.clone(),
                        format!("`{}` imports both versions", def.label),
                    ));
                }
            }
        }

        // Views of one interface, after bridging, must agree where they overlap.
        let mut views: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
        for host in &self.host_imports {
            let name = bridged_name(plan, &host.name).unwrap_or_else(|| host.name.clone());
            views
                .entry(name)
                .or_default()
                .extend(host.consumers.iter().cloned());
        }
        for (name, consumers) in &views {
            let Some((first, rest)) = consumers.split_first() else {
                continue;
            };
            let Some((first_def, first_id)) = self.imported_interface(first) else {
                continue;
            };
            for consumer in rest {
                let Some((def, id)) = self.imported_interface(consumer) else {
                    continue;
                };
                if let Err(mismatch) =
                    typecheck::check_overlap(&first_def.resolve, first_id, &def.resolve, id)
                {
                    let more = match mismatch.0.len() {
                        1 => String::new(),
                        n => format!(" (and {} more differences)", n - 1),
                    };
                    let mismatch = mismatch.first();
                    let reason = format!(
                        "`{}` and `{}` disagree about `{name}`: {}expected {}, found {}{more}",
                        first_def.label,
                        def.label,
                        mismatch
                            .path
                            .iter()
                            .map(|p| format!("{p}, "))
                            .collect::<String>(),
                        mismatch.expected,
                        mismatch.found
                    );
                    for (_, import) in [first, consumer] {
                        if let Some(key) = key_of(import) {
                            dropped.push((key, reason.clone()));
                        }
                    }
                }
            }
        }

        // Closed under `use`: a bridged interface's dependencies are host
        // imports that are bridged too or already at the newest version.
        for host in &self.host_imports {
            let Some(key) = key_of(&host.name) else {
                continue;
            };
            for (instance, import) in &host.consumers {
                for dep in self.used_interfaces(*instance, import) {
                    let source = self.instances[*instance]
                        .args
                        .iter()
                        .find(|arg| arg.import == dep)
                        .map(|arg| &arg.source);
                    // Bridged with it, or left alone because it is already the newest.
                    let ok = match source {
                        Some(Source::Host(i)) => {
                            let dep_name = &self.host_imports[*i].name;
                            key_of(dep_name).is_some() || self.is_newest(dep_name)
                        }
                        _ => false,
                    };
                    if !ok {
                        dropped.push((
                            key.clone(),
                            format!(
                                "`{import}` uses types of `{dep}`, which cannot be bridged with it"
                            ),
                        ));
                    }
                }
            }
        }
        dropped
    }

    /// Whether no host import has a newer compatible version of `name`'s package.
    fn is_newest(&self, name: &str) -> bool {
        let Some((package, version)) = package_version(name) else {
            return true;
        };
        !self.host_imports.iter().any(|h| {
            package_version(&h.name)
                .is_some_and(|(p, v)| p == package && version.compatible_with(&v) && v > version)
        })
    }

    /// The component and interface behind one consumer's import.
    fn imported_interface(
        &self,
        (instance, import): &(usize, String),
    ) -> Option<(&crate::component::ComponentDef, wit_parser::InterfaceId)> {
        let def = self.component_of(*instance);
        match def.import_item(def.import(import)?) {
            WorldItem::Interface { id, .. } => Some((def, *id)),
            _ => None,
        }
    }

    /// The import names of the interfaces that `import` of `instance` uses
    /// types from.
    fn used_interfaces(&self, instance: usize, import: &str) -> Vec<String> {
        let Some((def, id)) = self.imported_interface(&(instance, import.to_string())) else {
            return Vec::new();
        };
        def.resolve
            .interface_direct_deps(id)
            .filter_map(|dep| def.resolve.id_of(dep))
            .collect()
    }

    /// Renames host import `name` to `target`, or moves its consumers to the
    /// host import already called `target`, marking their arguments bridged.
    fn bridge_host_import(&mut self, name: &str, target: &str) {
        let Some(older) = self.host_imports.iter().position(|h| h.name == name) else {
            return;
        };
        let wanted = ExternName::parse(name).version;
        let provided = ExternName::parse(target).version;
        let newer = self.host_imports.iter().position(|h| h.name == target);
        for (instance, import) in self.host_imports[older].consumers.clone() {
            for arg in &mut self.instances[instance].args {
                if arg.import == import && arg.source == Source::Host(older) {
                    arg.source = Source::Host(newer.unwrap_or(older));
                    if let (Some(wanted), Some(provided)) = (&wanted, &provided) {
                        arg.how = MatchKind::VersionBridged {
                            wanted: wanted.clone(),
                            provided: provided.clone(),
                        };
                    }
                }
            }
        }
        let Some(newer) = newer else {
            self.host_imports[older].name = target.to_string();
            return;
        };
        let moved = std::mem::take(&mut self.host_imports[older].consumers);
        self.host_imports[newer].consumers.extend(moved);
        self.host_imports.remove(older);
        let fix = |source: &mut Source| {
            if let Source::Host(i) = source
                && *i > older
            {
                *i -= 1;
            }
        };
        for instance in &mut self.instances {
            for arg in &mut instance.args {
                fix(&mut arg.source);
            }
        }
        for export in &mut self.exports {
            fix(&mut export.source);
        }
    }
}

/// The name `name` is imported under once `plan` is applied, when it changes.
fn bridged_name(plan: &Bridges, name: &str) -> Option<String> {
    let key = package_version(name)?;
    let to = plan.get(&key)?;
    let base = ExternName::parse(name).base;
    Some(format!("{base}@{to}"))
}
