//! knit's component composer: links WebAssembly components into one by
//! matching imports to exports.
//!
//! Two front ends build the same instance graph:
//!
//! - **plug mode** ([`Composition::plug`]): a root component and plugs; every
//!   import of every reachable component is matched to another component's
//!   export by exact name, then by a semver-compatible version (preferring an
//!   exporter at least as new as the importer), and checked structurally.
//!   Imports nobody provides become imports of the result, merged by name.
//!   The result exports what the root exports.
//! - **explicit mode** ([`compose_wac`]): a script in the WAC language.
//!
//! The graph is encoded with `wasm-encoder` (byte-identical output for the same
//! inputs, whatever their order) and validated with `wasmparser`. Every
//! success carries an explanation of the wiring; every failure's `Display` is
//! the complete explained message.
//!
//! ```no_run
//! use knit_composer::{Composition, Input};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let root = Input::new("app", std::fs::read("app.wasm")?);
//! let plug = Input::new("db", std::fs::read("db.wasm")?);
//! let composed = Composition::plug(root, vec![plug])?;
//! std::fs::write("out.wasm", &composed.bytes)?;
//! println!("{}", composed.explanation);
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

mod component;
mod dot;
mod encode;
mod error;
mod explain;
mod graph;
mod host_types;
mod matching;
mod names;
mod parallel;
mod plug;
mod skeleton;
mod typecheck;
mod unused;
mod version_merge;
pub mod wac;
mod wit_text;

pub use error::{ComposeError, ErrorKind};
pub use plug::Sharing;

use component::ComponentDef;

/// One input component: a label for messages (e.g. the file stem) and its bytes.
#[derive(Debug, Clone)]
pub struct Input {
    /// Label used in messages, the `.dot` graph and the output's name section.
    pub name: String,
    /// The component binary.
    pub bytes: Vec<u8>,
}

impl Input {
    /// Creates an input from a label and a component binary.
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Input {
            name: name.into(),
            bytes,
        }
    }
}

/// The result of a composition.
#[derive(Debug, Clone)]
pub struct Composed {
    /// The composed, validated component.
    pub bytes: Vec<u8>,
    /// The `--explain` report: every import and what satisfied it.
    pub explanation: String,
    /// The wiring in Graphviz `dot` syntax.
    pub dot: String,
}

/// Options for plug-mode composition.
#[derive(Debug, Clone)]
pub struct Composition {
    sharing: Sharing,
    validate_code: bool,
    allow_unused_plugs: bool,
}

impl Default for Composition {
    fn default() -> Self {
        Composition {
            sharing: Sharing::Shared,
            validate_code: true,
            allow_unused_plugs: false,
        }
    }
}

impl Composition {
    /// Default options: one shared instance per component, full validation.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether validation of the output also checks every function body of
    /// the embedded components (the default). When off, the composition's
    /// structure, types and wiring are still validated; the code inside the
    /// inputs' core modules is left to the runtime that loads the result.
    pub fn validate_code(mut self, validate_code: bool) -> Self {
        self.validate_code = validate_code;
        self
    }

    /// Whether a plug (or a WAC dependency) that nothing imports is accepted, with a note in the
    /// explanation, instead of failing the composition (the default, with an error naming the
    /// plug, its exports and the nearest import).
    pub fn allow_unused_plugs(mut self, allow: bool) -> Self {
        self.allow_unused_plugs = allow;
        self
    }

    /// Chooses between one shared instance per component and one per consumer.
    pub fn sharing(mut self, sharing: Sharing) -> Self {
        self.sharing = sharing;
        self
    }

    /// Composes `root` with `plugs` using default options.
    pub fn plug(root: Input, plugs: Vec<Input>) -> Result<Composed, ComposeError> {
        Self::new().compose(root, plugs)
    }

    /// Composes according to a WAC script with these options (sharing is
    /// spelled out by the script itself). See [`compose_wac`].
    pub fn wac(
        &self,
        file: &str,
        source: &str,
        deps: &mut dyn FnMut(&str) -> Option<Input>,
    ) -> Result<Composed, ComposeError> {
        wac::compose(file, source, deps, self.validate_code)
    }

    /// Composes `root` with `plugs`: plugs satisfy the root's imports and each
    /// other's; what nobody provides is imported by the result.
    pub fn compose(&self, root: Input, plugs: Vec<Input>) -> Result<Composed, ComposeError> {
        let mut all = decode_all(std::iter::once(root).chain(plugs).collect())?;
        let root = all.remove(0);
        let plugs = all;
        let (graph, notes) = plug::build(root, plugs, self.sharing, self.allow_unused_plugs)?;
        finish(graph, &notes, self.validate_code)
    }
}

/// Composes according to a WAC script. `file` names the script in messages;
/// `deps` maps package names (`ns:name@version`, then `ns:name`) to components.
pub fn compose_wac(
    file: &str,
    source: &str,
    deps: &mut dyn FnMut(&str) -> Option<Input>,
) -> Result<Composed, ComposeError> {
    Composition::new().wac(file, source, deps)
}

/// Decodes inputs (in parallel when there are several), keeping their order.
fn decode_all(inputs: Vec<Input>) -> Result<Vec<ComponentDef>, ComposeError> {
    use parallel::RunAll;
    let threads = parallel::threads_for(inputs.len(), 4);
    parallel::split(inputs, threads)
        .into_iter()
        .map(|chunk| {
            move || {
                chunk
                    .into_iter()
                    .map(|input| ComponentDef::decode(&input.name, input.bytes))
                    .collect::<Result<Vec<_>, _>>()
            }
        })
        .collect::<Vec<_>>()
        .pipe_run()
        .into_iter()
        .try_fold(Vec::new(), |mut all, chunk| {
            all.extend(chunk?);
            Ok(all)
        })
}

/// Encodes a finished graph and attaches its explanation and drawing.
fn finish(
    mut graph: graph::Graph,
    notes: &[String],
    validate_code: bool,
) -> Result<Composed, ComposeError> {
    let mut notes = notes.to_vec();
    notes.extend(graph.merge_compatible_host_imports());
    let explanation = explain::render(&graph, &notes);
    let bytes =
        encode::encode(&graph, validate_code).map_err(|e| e.with_explanation(&explanation))?;
    Ok(Composed {
        bytes,
        explanation,
        dot: dot::render(&graph),
    })
}
