//! Turns `wasm32-wasip1` core modules into WASI 0.2 components with knit's own
//! `wasi_snapshot_preview1` adapter (built from `adapter-p1-p2/adapter/`).
//!
//! ```no_run
//! use knit_componentize::{componentize, Options};
//! let core = std::fs::read("app.wasm")?;
//! let out = componentize(&core, &Options::default())?;
//! println!("adapter {:?} added {:?}", out.variant, out.adapter_imports);
//! std::fs::write("app.component.wasm", &out.component)?;
//! # anyhow::Ok(())
//! ```

pub mod postprocess;
pub mod rebuild;

use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use wasmparser::{Parser, Payload};
use wit_parser::{Resolve, WorldId};

/// The module name preview1 imports use.
pub const PREVIEW1: &str = "wasi_snapshot_preview1";

/// One of the adapter builds knit carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// For `_start` programs: the component exports `wasi:cli/run`.
    Command,
    /// For libraries: the module's own exports, no `run`.
    Reactor,
    /// For HTTP-style worlds: no filesystem, environment or exit imports.
    Proxy,
}

impl Variant {
    /// Every variant, in a fixed order.
    pub const ALL: [Variant; 3] = [Variant::Command, Variant::Reactor, Variant::Proxy];

    /// The variant's name (`command`, `reactor`, `proxy`), also its file stem
    /// and its cargo feature in the adapter crate.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Command => "command",
            Variant::Reactor => "reactor",
            Variant::Proxy => "proxy",
        }
    }

    /// Parses a variant name.
    pub fn from_name(name: &str) -> Option<Variant> {
        Variant::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// The carried bytes of an adapter variant.
pub fn adapter_bytes(variant: Variant) -> &'static [u8] {
    match variant {
        Variant::Command => include_bytes!("../adapters/command.wasm"),
        Variant::Reactor => include_bytes!("../adapters/reactor.wasm"),
        Variant::Proxy => include_bytes!("../adapters/proxy.wasm"),
    }
}

/// Which adapter to use.
#[derive(Debug, Clone, Default)]
pub enum AdapterChoice {
    /// `_start` means command; `_initialize` or no `_start` means reactor.
    #[default]
    Auto,
    /// A carried variant.
    Variant(Variant),
    /// Some other adapter module (for example wasmtime's).
    Custom(Vec<u8>),
}

/// What to do in [`componentize`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A world to embed in the module first (like `wasm-tools component
    /// embed`), for modules that import or export more than WASI.
    pub world: Option<(Resolve, WorldId)>,
    /// The adapter.
    pub adapter: AdapterChoice,
}

/// The result of [`componentize`].
#[derive(Debug, Clone)]
pub struct Componentized {
    /// The component's bytes (validated).
    pub component: Vec<u8>,
    /// The carried variant used; `None` for a custom adapter or when the
    /// module imports nothing from preview1 (then no adapter is used).
    pub variant: Option<Variant>,
    /// Things the caller should tell the user.
    pub warnings: Vec<String>,
    /// The component's imports that the adapter brought in (sorted).
    pub adapter_imports: Vec<String>,
}

/// What [`componentize`] needs to know about the core module.
struct CoreFacts {
    has_start: bool,
    preview1_imports: Vec<String>,
}

fn inspect(core: &[u8]) -> Result<CoreFacts> {
    let mut facts = CoreFacts {
        has_start: false,
        preview1_imports: Vec::new(),
    };
    for payload in Parser::new(0).parse_all(core) {
        match payload.context("the input is not a valid core wasm module")? {
            Payload::Version {
                encoding: wasmparser::Encoding::Component,
                ..
            } => {
                bail!("the input is already a component, not a core module")
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    if import.module == PREVIEW1 {
                        facts.preview1_imports.push(import.name.to_string());
                    }
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    if export?.name == "_start" {
                        facts.has_start = true;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(facts)
}

/// preview1 functions that only work with a filesystem.
fn is_filesystem_function(name: &str) -> bool {
    name.starts_with("path_") || name.starts_with("fd_prestat") || name == "fd_readdir"
}

/// Top-level import names of a component.
fn component_imports(component: &[u8]) -> Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    let mut depth = 0;
    for payload in Parser::new(0).parse_all(component) {
        match payload? {
            Payload::ModuleSection { .. } | Payload::ComponentSection { .. } => depth += 1,
            Payload::End(_) if depth > 0 => depth -= 1,
            Payload::ComponentImportSection(reader) if depth == 0 => {
                for import in reader {
                    names.insert(import?.name.name.to_string());
                }
            }
            _ => {}
        }
    }
    Ok(names)
}

/// Makes a component of a `wasm32-wasip1` core module.
pub fn componentize(core: &[u8], opts: &Options) -> Result<Componentized> {
    let facts = inspect(core)?;
    let mut warnings = Vec::new();
    let needs_adapter = !facts.preview1_imports.is_empty();
    let (adapter, variant): (Option<&[u8]>, Option<Variant>) = match &opts.adapter {
        AdapterChoice::Custom(bytes) => (Some(bytes), None),
        _ if !needs_adapter => (None, None),
        AdapterChoice::Auto => {
            let v = if facts.has_start {
                Variant::Command
            } else {
                Variant::Reactor
            };
            (Some(adapter_bytes(v)), Some(v))
        }
        AdapterChoice::Variant(v) => (Some(adapter_bytes(*v)), Some(*v)),
    };
    match variant {
        Some(Variant::Reactor) if facts.has_start => bail!(
            "the module exports `_start`, so it is a command, but the reactor adapter was chosen: \
             the component would export nothing runnable; use `--adapter command` (or `auto`)"
        ),
        Some(Variant::Command) if !facts.has_start => bail!(
            "the command adapter needs a `_start` export, which this module lacks; \
             use `--adapter reactor` (or `auto`)"
        ),
        Some(Variant::Proxy) => {
            let fs: Vec<&str> = facts
                .preview1_imports
                .iter()
                .map(String::as_str)
                .filter(|n| is_filesystem_function(n))
                .collect();
            let mut w = "the proxy adapter hides the filesystem: there are no preopens, and path \
                         functions fail"
                .to_string();
            if !fs.is_empty() {
                w.push_str(&format!(" (this module imports {})", fs.join(", ")));
            }
            warnings.push(w);
        }
        _ => {}
    }

    let mut module = core.to_vec();
    let mut world_imports = BTreeSet::new();
    if let Some((resolve, world)) = &opts.world {
        wit_component::embed_component_metadata(
            &mut module,
            resolve,
            *world,
            wit_component::StringEncoding::UTF8,
            false,
        )
        .context("embedding the world into the module")?;
        for key in resolve.worlds[*world].imports.keys() {
            world_imports.insert(resolve.name_world_key(key));
        }
    }

    // Validation happens once, below, with every feature the encoder may use.
    let mut encoder = wit_component::ComponentEncoder::default();
    encoder.module(&module).context("reading the core module")?;
    if let Some(bytes) = adapter
        && needs_adapter
    {
        encoder
            .adapter(PREVIEW1, bytes)
            .context("reading the adapter")?;
    }
    let component = encoder.encode().context("making the component")?;
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&component)
        .context("the component does not validate")?;
    let adapter_imports = component_imports(&component)?
        .into_iter()
        .filter(|name| !world_imports.contains(name))
        .collect();
    Ok(Componentized {
        component,
        variant,
        warnings,
        adapter_imports,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_round_trip() {
        for v in Variant::ALL {
            assert_eq!(Variant::from_name(v.name()), Some(v));
        }
        assert_eq!(Variant::from_name("auto"), None);
    }

    #[test]
    fn carried_adapters_are_adapter_modules() {
        for v in Variant::ALL {
            let bytes = adapter_bytes(v);
            wasmparser::Validator::new().validate_all(bytes).unwrap();
            let facts = inspect(bytes).unwrap();
            assert!(facts.preview1_imports.is_empty());
            let mut encoder = wit_component::ComponentEncoder::default();
            let core = wat::parse_str(
                r#"(module (import "wasi_snapshot_preview1" "sched_yield" (func (result i32)))
                           (memory (export "memory") 1) (func (export "_start")))"#,
            )
            .unwrap();
            encoder.module(&core).unwrap();
            encoder.adapter(PREVIEW1, bytes).unwrap();
            if v == Variant::Command {
                encoder.encode().unwrap();
            }
        }
    }

    #[test]
    fn filesystem_functions_are_recognised() {
        assert!(is_filesystem_function("path_open"));
        assert!(is_filesystem_function("fd_prestat_get"));
        assert!(is_filesystem_function("fd_readdir"));
        assert!(!is_filesystem_function("fd_write"));
    }
}
