//! The instance graph both front ends (plug mode and WAC scripts) build, and
//! the encoder consumes: component definitions, their instances in
//! instantiation order, how every import of every instance is satisfied, and
//! what the composition exports.

use crate::component::{ComponentDef, ExternKind};
use crate::names::Version;

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
    /// Package versions imported at a newer compatible version (see `version_merge`).
    pub bridges: crate::version_merge::Bridges,
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
}
