//! The instance graph both front ends (plug mode and WAC scripts) build, and
//! the encoder consumes: component definitions, their instances in
//! instantiation order, how every import of every instance is satisfied, and
//! what the composition exports.

use crate::component::{ComponentDef, ExternKind};
use crate::names::{ExternName, Version};
use crate::typecheck;

/// How an import was matched to its provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchKind {
    /// The export has exactly the import's name.
    Exact,
    /// The export is a semver-compatible version of the import's interface.
    VersionBridged {
        /// The version the importer asked for.
        wanted: Version,
        /// The version the exporter provides.
        provided: Version,
    },
    /// A composition script named the argument explicitly.
    Explicit,
    /// A composition script spread an instance's exports into the arguments.
    Spread,
}

/// Where the value of an instantiation argument comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An import of the composed component (index into [`Graph::host_imports`]).
    Host(usize),
    /// An export of an earlier instance.
    Export {
        /// Index into [`Graph::instances`].
        instance: usize,
        /// The export's name on that instance.
        name: String,
    },
}

/// One instantiation argument: an import of the instance and what satisfies it.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The importer's name for the import.
    pub import: String,
    /// What satisfies it.
    pub source: Source,
    /// How the match was made.
    pub how: MatchKind,
}

/// An instance of one of the graph's components.
#[derive(Debug, Clone)]
pub struct Instance {
    /// Index into [`Graph::components`].
    pub component: usize,
    /// A unique name for messages, graphs and the name section.
    pub name: String,
    /// Every import of the component, satisfied.
    pub args: Vec<Arg>,
}

/// An import of the composed component.
#[derive(Debug, Clone)]
pub struct HostImport {
    /// The import name.
    pub name: String,
    /// What kind of item it is.
    pub kind: ExternKind,
    /// The instances (and their import names) that consume it.
    pub consumers: Vec<(usize, String)>,
}

/// An export of the composed component.
#[derive(Debug, Clone)]
pub struct GraphExport {
    /// The name the composed component exports it under.
    pub name: String,
    /// Where it comes from.
    pub source: Source,
}

/// A complete wiring, ready to encode.
#[derive(Debug, Default)]
pub struct Graph {
    /// Component definitions, each embedded once.
    pub components: Vec<ComponentDef>,
    /// Instances, each after every instance it takes an argument from.
    pub instances: Vec<Instance>,
    /// Imports of the composed component.
    pub host_imports: Vec<HostImport>,
    /// Exports of the composed component.
    pub exports: Vec<GraphExport>,
}

impl Graph {
    /// Adds a host import (or a consumer to an existing one) and returns its index.
    pub fn host_import(
        &mut self,
        name: &str,
        kind: ExternKind,
        consumer: (usize, String),
    ) -> usize {
        if let Some(i) = self.host_imports.iter().position(|h| h.name == name) {
            self.host_imports[i].consumers.push(consumer);
            return i;
        }
        self.host_imports.push(HostImport {
            name: name.to_string(),
            kind,
            consumers: vec![consumer],
        });
        self.host_imports.len() - 1
    }

    /// The component behind an instance.
    pub fn component_of(&self, instance: usize) -> &ComponentDef {
        &self.components[self.instances[instance].component]
    }

    /// A readable description of a source, e.g. `b (export test:b/api)`.
    pub fn describe(&self, source: &Source) -> String {
        match source {
            Source::Host(i) => {
                format!("import `{}` of the composition", self.host_imports[*i].name)
            }
            Source::Export { instance, name } => {
                format!("`{}` export `{name}`", self.instances[*instance].name)
            }
        }
    }

    /// The kind of item a source provides.
    pub fn source_kind(&self, source: &Source) -> Option<ExternKind> {
        match source {
            Source::Host(i) => Some(self.host_imports[*i].kind),
            Source::Export { instance, name } => {
                self.component_of(*instance).export(name).map(|e| e.kind)
            }
        }
    }

    /// Merges host imports that differ only by a semver-compatible version
    /// into one import of the newest version, when the newest importer's view
    /// of the interface covers what the older importers use. The older
    /// importers' arguments are marked as version-bridged.
    pub fn merge_compatible_host_imports(&mut self) {
        loop {
            let Some((older, newer)) = self.find_mergeable_pair() else {
                return;
            };
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
    }

    fn find_mergeable_pair(&self) -> Option<(usize, usize)> {
        for (a, host_a) in self.host_imports.iter().enumerate() {
            let name_a = ExternName::parse(&host_a.name);
            let Some(va) = &name_a.version else { continue };
            for (b, host_b) in self.host_imports.iter().enumerate() {
                let name_b = ExternName::parse(&host_b.name);
                let Some(vb) = &name_b.version else { continue };
                if a == b || name_a.base != name_b.base || !va.compatible_with(vb) || va >= vb {
                    continue;
                }
                if self.covers(b, a) {
                    return Some((a, b));
                }
            }
        }
        None
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
