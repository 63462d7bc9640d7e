//! Reading one input component: validating it, recovering its WIT world with
//! `wit-component`, and listing its imports and exports by extern name.

use crate::error::ComposeError;
use wit_parser::{InterfaceId, Resolve, TypeId, WorldId, WorldItem, WorldKey};

/// Inputs at least this large are decoded through a [skeleton](crate::skeleton).
const SKELETON_THRESHOLD: usize = 8 * 1024;

/// What kind of item an import or export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExternKind {
    /// An instance of a WIT interface.
    Instance(InterfaceId),
    /// A freestanding function at the world level.
    Func,
    /// A type (usually a resource) at the world level.
    Type(TypeId),
}

/// One import or export of a component.
#[derive(Debug, Clone)]
pub struct Extern {
    /// The extern name, e.g. `wasi:cli/stdout@0.2.0` or `run`.
    pub name: String,
    /// Its key in the component's world.
    pub key: WorldKey,
    /// What it is.
    pub kind: ExternKind,
}

/// An input component, read and decoded once.
#[derive(Debug)]
pub struct ComponentDef {
    /// The label used in messages, graphs and the name section (e.g. a file stem).
    pub label: String,
    /// The component's binary.
    pub bytes: Vec<u8>,
    /// The same component with stub core modules, when one was made (see
    /// [`crate::skeleton`]); used to validate a composition's wiring cheaply.
    pub skeleton: Option<Vec<u8>>,
    /// The WIT recovered from the binary.
    pub resolve: Resolve,
    /// The component's world inside `resolve`.
    pub world: WorldId,
    /// Imports in the component's own order.
    pub imports: Vec<Extern>,
    /// Exports in the component's own order.
    pub exports: Vec<Extern>,
}

impl ComponentDef {
    /// Decodes `bytes`, which must be a valid component.
    pub fn decode(label: &str, bytes: Vec<u8>) -> Result<ComponentDef, ComposeError> {
        let bad = |reason: String| ComposeError::bad_component(label, reason);
        if !wasmparser::Parser::is_component(&bytes) {
            return Err(bad(if wasmparser::Parser::is_core_wasm(&bytes) {
                "this is a core WebAssembly module, not a component (run `knit componentize` first)"
                    .to_string()
            } else {
                "not a WebAssembly component".to_string()
            }));
        }
        // Types come from a skeleton without function bodies when possible;
        // below a few kilobytes building the skeleton costs more than it saves.
        let skeleton = if bytes.len() >= SKELETON_THRESHOLD {
            crate::skeleton::skeleton(&bytes)
        } else {
            None
        };
        let (decoded, skeleton) =
            match skeleton.and_then(|s| wit_component::decode(&s).ok().map(|d| (d, s))) {
                Some((decoded, skeleton)) => (decoded, Some(skeleton)),
                None => (
                    wit_component::decode(&bytes).map_err(|e| bad(format!("{e:#}")))?,
                    None,
                ),
            };
        let (resolve, world) = match decoded {
            wit_component::DecodedWasm::Component(resolve, world) => (resolve, world),
            wit_component::DecodedWasm::WitPackage(..) => {
                return Err(bad(
                    "this is a WIT package encoded as wasm, not a runnable component".to_string(),
                ));
            }
        };
        let list = |items: &indexmap::IndexMap<WorldKey, WorldItem>| {
            items
                .iter()
                .map(|(key, item)| Extern {
                    name: resolve.name_world_key(key),
                    key: key.clone(),
                    kind: match item {
                        WorldItem::Interface { id, .. } => ExternKind::Instance(*id),
                        WorldItem::Function(_) => ExternKind::Func,
                        WorldItem::Type { id, .. } => ExternKind::Type(*id),
                    },
                })
                .collect::<Vec<_>>()
        };
        let imports = list(&resolve.worlds[world].imports);
        let exports = list(&resolve.worlds[world].exports);
        Ok(ComponentDef {
            label: label.to_string(),
            bytes,
            skeleton,
            resolve,
            world,
            imports,
            exports,
        })
    }

    /// Finds an export by exact name.
    pub fn export(&self, name: &str) -> Option<&Extern> {
        self.exports.iter().find(|e| e.name == name)
    }

    /// Finds an import by exact name.
    pub fn import(&self, name: &str) -> Option<&Extern> {
        self.imports.iter().find(|e| e.name == name)
    }

    /// The world item behind an import.
    pub fn import_item(&self, ext: &Extern) -> &WorldItem {
        &self.resolve.worlds[self.world].imports[&ext.key]
    }

    /// The world item behind an export.
    pub fn export_item(&self, ext: &Extern) -> &WorldItem {
        &self.resolve.worlds[self.world].exports[&ext.key]
    }
}
