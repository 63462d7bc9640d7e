//! `cargo knit new` and `cargo knit init`: a crate that builds into a component at once.

use anyhow::{Result, bail};
use knit_bindgen_core::files::write_atomic;
use std::path::Path;

/// Which kind of component to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A library component with an exported function.
    Lib,
    /// A `wasi:cli/command` with a `main`.
    Command,
}

/// How the new crate depends on the guest runtime: the knit source tree this binary was built from
/// when it is there, the published crate otherwise.
fn runtime_dependency() -> String {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../wit-bindgen/rust-rt");
    match source.canonicalize() {
        Ok(path) => format!("{{ path = {:?} }}", path.display().to_string()),
        Err(_) => format!("\"{}\"", env!("CARGO_PKG_VERSION")),
    }
}

/// A valid WIT package/world name from a crate name.
fn wit_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    let trimmed = out.trim_end_matches('-').to_string();
    match trimmed.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => trimmed,
        _ => format!("c-{trimmed}"),
    }
}

/// The files of a new crate, as (relative path, contents).
pub fn files(name: &str, kind: Kind) -> Vec<(&'static str, String)> {
    let wit = wit_name(name);
    let dependency = runtime_dependency();
    let lib_section = match kind {
        Kind::Lib => "\n[lib]\ncrate-type = [\"cdylib\"]\n",
        Kind::Command => "",
    };
    let manifest = format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
{lib_section}
[dependencies]
knit-rt = {dependency}

[package.metadata.knit]
# Components `cargo knit compose` links with this one: paths to .wasm files, or names of crates in
# this workspace (built first).
plugs = []
"#
    );
    match kind {
        Kind::Lib => vec![
            ("Cargo.toml", manifest),
            (
                "wit/world.wit",
                format!(
                    "package component:{wit};\n\n/// What this component offers.\nworld {wit} {{\n  /// Returns a greeting for `name`.\n  export greet: func(name: string) -> string;\n}}\n"
                ),
            ),
            (
                "src/lib.rs",
                "//! A component built with knit: `cargo knit build` turns it into a `.wasm` component.\n\nknit_rt::generate!();\n\nstruct Component;\n\nimpl Guest for Component {\n    fn greet(name: String) -> String {\n        format!(\"Hello, {name}!\")\n    }\n}\n\nexport!(Component);\n".to_string(),
            ),
        ],
        Kind::Command => vec![
            ("Cargo.toml", manifest),
            (
                "wit/world.wit",
                format!(
                    "package component:{wit};\n\n/// A command; knit supplies the WASI 0.2 WIT it refers to.\nworld {wit} {{\n  import wasi:cli/environment@0.2.0;\n}}\n"
                ),
            ),
            (
                "src/main.rs",
                "//! A command component built with knit: `cargo knit run` builds and runs it.\n\nknit_rt::generate!();\n\nfn main() {\n    let args = wasi::cli::environment::get_arguments();\n    let who = args.get(1).map(String::as_str).unwrap_or(\"world\");\n    println!(\"Hello, {who}!\");\n}\n".to_string(),
            ),
        ],
    }
}

/// Writes a new crate into `dir`, which must not hold a `Cargo.toml` yet.
pub fn create(dir: &Path, name: &str, kind: Kind) -> Result<()> {
    if dir.join("Cargo.toml").exists() {
        bail!(
            "`{}` already has a Cargo.toml\nhint: `cargo knit init` sets up a new crate only where there is none",
            dir.display()
        );
    }
    for (path, contents) in files(name, kind) {
        let path = dir.join(path);
        if path.exists() {
            bail!("`{}` already exists; not overwriting it", path.display());
        }
        std::fs::create_dir_all(path.parent().expect("files are inside the crate"))?;
        write_atomic(&path, contents.as_bytes())?;
    }
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        write_atomic(&gitignore, b"/target\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_names_become_wit_names() {
        assert_eq!(wit_name("hello"), "hello");
        assert_eq!(wit_name("my_Cool-crate"), "my-cool-crate");
        assert_eq!(wit_name("2fast"), "c-2fast");
    }
}
