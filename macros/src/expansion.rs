//! What `generate!` and `host!` share once they have generated code: where relative WIT paths
//! point, tracking every WIT file read so cargo rebuilds on change, and the `debug` file.

use proc_macro::TokenStream;
use std::path::{Path, PathBuf};

/// The crate's folder (`CARGO_MANIFEST_DIR`), against which WIT paths are resolved.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()))
}

/// The WIT a macro reads when it names none: `wit/` when the crate has it, then every folder or
/// file listed in the crate's `[package.metadata.knit] wit = [...]` (relative to `Cargo.toml`),
/// so crates that share a WIT folder say so once, in their manifest.
pub fn default_paths(manifest_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    if manifest_dir.join("wit").exists() {
        paths.push(PathBuf::from("wit"));
    }
    let manifest = manifest_dir.join("Cargo.toml");
    if let Ok(text) = std::fs::read_to_string(&manifest) {
        let value: toml::Table =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
        let listed = value
            .get("package")
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("knit"))
            .and_then(|k| k.get("wit"));
        if let Some(listed) = listed {
            let list = listed.as_array().ok_or_else(|| {
                format!(
                    "{}: `package.metadata.knit.wit` must be a list of paths",
                    manifest.display()
                )
            })?;
            for entry in list {
                let path = entry.as_str().ok_or_else(|| {
                    format!(
                        "{}: `package.metadata.knit.wit` must be a list of paths",
                        manifest.display()
                    )
                })?;
                if !manifest_dir.join(path).exists() {
                    return Err(format!(
                        "{}: `package.metadata.knit.wit` names `{path}`, which does not exist",
                        manifest.display()
                    ));
                }
                paths.push(PathBuf::from(path));
            }
        }
    }
    Ok(paths)
}

/// Makes every relative path absolute, relative to `manifest_dir`.
pub fn resolve_paths(paths: &[PathBuf], manifest_dir: &Path) -> Vec<PathBuf> {
    paths
        .iter()
        .map(|p| {
            if p.is_absolute() {
                p.clone()
            } else {
                manifest_dir.join(p)
            }
        })
        .collect()
}

/// Turns generated `code` into the macro's tokens: the code itself (or, with `debug`, an `include!`
/// of it written to `file_name` under the target directory), followed by an `include_bytes!` of
/// every WIT file read so cargo rebuilds the crate when one changes. `what` names the generated code
/// in the (never expected) tokenizer error.
pub fn finish(
    code: String,
    file_name: &str,
    files_read: &[PathBuf],
    debug: bool,
    manifest_dir: &Path,
    what: &str,
) -> Result<TokenStream, String> {
    let mut tracked = String::new();
    for file in files_read {
        let path = file.canonicalize().unwrap_or_else(|_| file.clone());
        tracked.push_str(&format!(
            "const _: &[u8] = include_bytes!({:?});\n",
            path.display().to_string()
        ));
    }
    let body = if debug {
        let path = debug_path(manifest_dir, file_name);
        write_debug_file(&path, &code)?;
        format!("include!({:?});\n", path.display().to_string())
    } else {
        code
    };
    format!("{body}{tracked}").parse().map_err(|e| {
        format!("knit generated {what} that does not tokenize ({e}); please report this")
    })
}

/// Where `debug` writes the expansion: under the target directory, per crate.
fn debug_path(manifest_dir: &Path, file: &str) -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest_dir.join("target"));
    let krate = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "crate".into());
    target.join("knit-generated").join(krate).join(file)
}

fn write_debug_file(path: &Path, code: &str) -> Result<(), String> {
    let dir = path.parent().ok_or("bad debug path")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if std::fs::read_to_string(path).is_ok_and(|old| old == code) {
        return Ok(());
    }
    let mut files = knit_bindgen_core::Files::new();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("bad debug path")?;
    files.insert(name.to_string(), code.as_bytes().to_vec());
    files
        .write_to(dir)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}
