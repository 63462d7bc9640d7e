//! Core modules into components: a module built for `wasm32-wasip1` becomes a component with knit's
//! preview1 adapter (command or reactor, chosen from the module's exports), written beside it.

use anyhow::{Context, Result};
use knit_bindgen_core::files::write_atomic;
use std::path::{Path, PathBuf};

/// A component on disk, as a build produced it or as made from a core module.
#[derive(Debug, Clone)]
pub struct ComponentFile {
    /// The component file.
    pub path: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Whether it was made here from a core module (with knit's adapter).
    pub componentized: bool,
    /// What componentizing noticed (empty when nothing was componentized).
    pub warnings: Vec<String>,
}

/// Where the component made from the core module at `module` is written:
/// `name.wasm` → `name.component.wasm`.
pub fn component_path(module: &Path) -> PathBuf {
    module.with_extension("component.wasm")
}

/// The component at `path`; when `path` holds a core module instead, the component made from it
/// with knit's adapter, written to [`component_path`].
pub fn ensure_component(path: &Path) -> Result<ComponentFile> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if wasmparser::Parser::is_component(&bytes) {
        return Ok(ComponentFile {
            path: path.to_path_buf(),
            bytes,
            componentized: false,
            warnings: Vec::new(),
        });
    }
    let made = knit_componentize::componentize(&bytes, &knit_componentize::Options::default())
        .with_context(|| format!("componentizing {}", path.display()))?;
    let out = component_path(path);
    write_atomic(&out, &made.component)?;
    Ok(ComponentFile {
        path: out,
        bytes: made.component,
        componentized: true,
        warnings: made.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32)
    /// (result i32))) (memory (export "memory") 1) (func (export "_start")))`, encoded.
    const HELLO: &[u8] = &[
        0, 97, 115, 109, 1, 0, 0, 0, 1, 12, 2, 96, 4, 127, 127, 127, 127, 1, 127, 96, 0, 0, 2, 35,
        1, 22, 119, 97, 115, 105, 95, 115, 110, 97, 112, 115, 104, 111, 116, 95, 112, 114, 101,
        118, 105, 101, 119, 49, 8, 102, 100, 95, 119, 114, 105, 116, 101, 0, 0, 3, 2, 1, 1, 5, 3,
        1, 0, 1, 7, 19, 2, 6, 109, 101, 109, 111, 114, 121, 2, 0, 6, 95, 115, 116, 97, 114, 116, 0,
        1, 10, 4, 1, 2, 0, 11,
    ];

    #[test]
    fn a_core_module_is_componentized_beside_itself_and_a_component_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let module = dir.path().join("hello.wasm");
        std::fs::write(&module, HELLO).unwrap();
        let made = ensure_component(&module).unwrap();
        assert!(made.componentized);
        assert_eq!(made.path, dir.path().join("hello.component.wasm"));
        assert_eq!(std::fs::read(&made.path).unwrap(), made.bytes);
        assert!(wasmparser::Parser::is_component(&made.bytes));
        let again = ensure_component(&made.path).unwrap();
        assert!(!again.componentized);
        assert_eq!(again.path, made.path);
        assert_eq!(again.bytes, made.bytes);
    }

    #[test]
    fn bad_input_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.wasm");
        let err = format!("{:#}", ensure_component(&missing).unwrap_err());
        assert!(
            err.contains("reading") && err.contains("missing.wasm"),
            "{err}"
        );
        let junk = dir.path().join("junk.wasm");
        std::fs::write(&junk, b"not wasm").unwrap();
        let err = format!("{:#}", ensure_component(&junk).unwrap_err());
        assert!(
            err.contains("componentizing") && err.contains("junk.wasm"),
            "{err}"
        );
        assert!(!component_path(&junk).exists());
    }
}
