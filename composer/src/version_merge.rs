//! Merging host imports that differ only by a semver-compatible version.
//!
//! When one component imports `wasi:io/streams@0.2.0` and another
//! `wasi:io/streams@0.2.6`, the composition can import the interface once,
//! at the newer version, and hand it to both. That is only sound when the
//! merges are closed under `use`: an interface's types name the resources of
//! the interfaces it uses, so if `wasi:cli/stdout@0.2.0` is bridged to
//! 0.2.6, the `output-stream` it returns is the 0.2.6 one, and the
//! consumer's own `wasi:io/streams` import must be bridged to 0.2.6 as well.
//! A merge whose dependencies (or dependants) cannot be bridged too is
//! dropped, and both versions stay separate imports.

use crate::graph::{Graph, MatchKind, Source};
use crate::names::ExternName;
use crate::typecheck;
use std::collections::BTreeMap;
use wit_parser::WorldItem;

impl Graph {
    /// Merges host imports that differ only by a semver-compatible version
    /// into one import of the newest version, when the newest importer's view
    /// of the interface covers what the older importers use and every
    /// interface they share types with can be bridged in the same way. The
    /// older importers' arguments are marked as version-bridged. Returns a
    /// note for every compatible pair that had to stay separate, and why.
    pub fn merge_compatible_host_imports(&mut self) -> Vec<String> {
        let mut notes = Vec::new();
        let mut plan = self.candidate_merges(&mut notes);
        let candidates = plan.clone();
        self.close_under_use(&mut plan);
        for (older, newer) in &candidates {
            if !plan.contains_key(older) {
                notes.push(format!(
                    "import `{older}` kept apart from `{newer}`: an interface it shares resource or type \
                     definitions with (through `use`) cannot be bridged to the newer version too"
                ));
            }
        }
        for (older, newer) in plan {
            let (Some(older), Some(newer)) = (self.host_index(&older), self.host_index(&newer))
            else {
                continue;
            };
            self.merge_host_import(older, newer);
        }
        notes
    }

    /// For each host import with a version, the newest compatible host import
    /// whose view covers it, by name.
    fn candidate_merges(&self, notes: &mut Vec<String>) -> BTreeMap<String, String> {
        let mut plan = BTreeMap::new();
        for (a, host_a) in self.host_imports.iter().enumerate() {
            let name_a = ExternName::parse(&host_a.name);
            let Some(va) = &name_a.version else { continue };
            let mut best: Option<(usize, crate::names::Version)> = None;
            for (b, host_b) in self.host_imports.iter().enumerate() {
                let name_b = ExternName::parse(&host_b.name);
                let Some(vb) = name_b.version else { continue };
                if a == b || name_a.base != name_b.base || !va.compatible_with(&vb) || *va >= vb {
                    continue;
                }
                if best.as_ref().is_some_and(|(_, v)| *v >= vb) {
                    continue;
                }
                if !self.covers(b, a) {
                    notes.push(format!(
                        "import `{}` kept apart from `{}`: the newer importers' view of the \
                         interface lacks something the older importers use",
                        host_a.name, host_b.name
                    ));
                    continue;
                }
                best = Some((b, vb));
            }
            if let Some((b, _)) = best {
                plan.insert(host_a.name.clone(), self.host_imports[b].name.clone());
            }
        }
        plan
    }

    /// Drops planned merges until, for every consumer, an import is bridged
    /// exactly when each host import it uses types from is bridged too.
    fn close_under_use(&self, plan: &mut BTreeMap<String, String>) {
        loop {
            let mut dropped = Vec::new();
            for host in &self.host_imports {
                for (instance, import) in &host.consumers {
                    for dep in self.used_interfaces(*instance, import) {
                        let dep_host = self.instances[*instance]
                            .args
                            .iter()
                            .find(|arg| arg.import == dep)
                            .and_then(|arg| match arg.source {
                                Source::Host(i) => Some(self.host_imports[i].name.clone()),
                                Source::Export { .. } => None,
                            });
                        let merged = plan.contains_key(&host.name);
                        let dep_merged = dep_host.as_ref().is_some_and(|d| plan.contains_key(d));
                        if merged != dep_merged {
                            dropped.push(host.name.clone());
                            dropped.extend(dep_host);
                        }
                    }
                }
            }
            let before = plan.len();
            for name in dropped {
                plan.remove(&name);
            }
            if plan.len() == before {
                return;
            }
        }
    }

    /// The import names of the interfaces that `import` of `instance` uses
    /// types from.
    fn used_interfaces(&self, instance: usize, import: &str) -> Vec<String> {
        let def = self.component_of(instance);
        let Some(ext) = def.import(import) else {
            return Vec::new();
        };
        let WorldItem::Interface { id, .. } = def.import_item(ext) else {
            return Vec::new();
        };
        def.resolve
            .interface_direct_deps(*id)
            .filter_map(|dep| def.resolve.id_of(dep))
            .collect()
    }

    fn host_index(&self, name: &str) -> Option<usize> {
        self.host_imports.iter().position(|h| h.name == name)
    }

    /// Moves every consumer of host import `older` to `newer` and removes `older`.
    fn merge_host_import(&mut self, older: usize, newer: usize) {
        let wanted = ExternName::parse(&self.host_imports[older].name).version;
        let provided = ExternName::parse(&self.host_imports[newer].name).version;
        let moved = std::mem::take(&mut self.host_imports[older].consumers);
        for (instance, import) in &moved {
            for arg in &mut self.instances[*instance].args {
                if arg.import == *import && arg.source == Source::Host(older) {
                    arg.source = Source::Host(newer);
                    if let (Some(wanted), Some(provided)) = (&wanted, &provided) {
                        arg.how = MatchKind::VersionBridged {
                            wanted: wanted.clone(),
                            provided: provided.clone(),
                        };
                    }
                }
            }
        }
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

    /// Whether the first consumer's view of host import `newer` provides
    /// everything every consumer of `older` uses.
    fn covers(&self, newer: usize, older: usize) -> bool {
        let Some((ni, nname)) = self.host_imports[newer].consumers.first() else {
            return false;
        };
        let provider = self.component_of(*ni);
        let Some(provided) = provider.import(nname) else {
            return false;
        };
        self.host_imports[older]
            .consumers
            .iter()
            .all(|(instance, name)| {
                let consumer = self.component_of(*instance);
                consumer.import(name).is_some_and(|wanted| {
                    typecheck::check_item(
                        &consumer.resolve,
                        consumer.import_item(wanted),
                        &provider.resolve,
                        provider.import_item(provided),
                    )
                    .is_ok()
                })
            })
    }
}
