//! `cargo knit new` and `cargo knit init`: a crate that builds into a component at once.

use anyhow::{Context, Result, bail};
use knit_bindgen_core::WitSource;
use knit_bindgen_core::files::write_atomic;
use std::path::{Component, Path, PathBuf};

/// Which kind of component to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A library component with an exported function.
    Lib,
    /// A `wasi:cli/command` with a `main`.
    Command,
}

/// What `cargo knit new`/`init` were asked for besides the name.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    /// Which kind of component (default: a library).
    pub kind: Option<Kind>,
    /// An existing WIT package (folder or file) to start from, instead of a new `wit/world.wit`.
    pub wit: Option<PathBuf>,
    /// The world of that WIT (needed when it has several).
    pub world: Option<String>,
    /// Depend on the knit runtime at this path (a knit checkout's `wit-bindgen/rust-rt`) instead
    /// of the published version.
    pub knit_path: Option<PathBuf>,
}

/// How the new crate depends on the guest runtime: the published version, or `knit_path`.
fn runtime_dependency(knit_path: Option<&Path>) -> Result<String> {
    let Some(path) = knit_path else {
        return Ok(format!("\"{}\"", env!("CARGO_PKG_VERSION")));
    };
    let path = path
        .canonicalize()
        .with_context(|| format!("--knit-path {}: no such folder", path.display()))?;
    if !path.join("Cargo.toml").is_file() {
        bail!(
            "--knit-path {}: no Cargo.toml there (give the knit runtime's folder, `wit-bindgen/rust-rt` in a knit checkout)",
            path.display()
        );
    }
    Ok(format!("{{ path = {:?} }}", path.display().to_string()))
}

/// `to` relative to the folder `from` (both absolute), with `/` separators.
fn relative(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
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

/// The files of a new crate in `dir`, as (relative path, contents).
pub fn files(dir: &Path, name: &str, options: &NewOptions) -> Result<Vec<(&'static str, String)>> {
    let kind = options.kind.unwrap_or(Kind::Lib);
    let wit = wit_name(name);
    let dependency = runtime_dependency(options.knit_path.as_deref())?;
    let lib_section = match kind {
        Kind::Lib => "\n[lib]\ncrate-type = [\"cdylib\"]\n",
        Kind::Command => "",
    };
    let existing = match &options.wit {
        Some(path) => Some(existing_wit(dir, path, options.world.as_deref())?),
        None if options.world.is_some() => {
            bail!("--world names a world of the WIT given with --wit, and there is no --wit")
        }
        None => None,
    };
    let wit_line = match &existing {
        Some((relative, _)) => format!(
            "# WIT generate!() reads besides `wit/` (paths relative to this file).\nwit = [{relative:?}]\n"
        ),
        None => String::new(),
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
{wit_line}# Components `cargo knit compose` links with this one: crate names, folders (Rust crates, Go
# modules, JavaScript packages) or .wasm files, built first.
plugs = []
"#
    );
    if let Some((relative, world)) = existing {
        let source = match kind {
            Kind::Lib => (
                "src/lib.rs",
                format!(
                    "//! A component of world `{world}` (the WIT at `{relative}`, listed in Cargo.toml).\n//!\n//! `stubs` implements every export with a placeholder that panics, so the crate builds as is:\n//! implement the generated `Guest` traits on your own type, `export!(YourType);`, and remove\n//! `stubs`.\n\nknit_rt::generate!({{ world: {world:?}, stubs }});\n"
                ),
            ),
            Kind::Command => (
                "src/main.rs",
                format!(
                    "//! A command component of world `{world}` (the WIT at `{relative}`, listed in Cargo.toml).\n\nknit_rt::generate!({{ world: {world:?} }});\n\nfn main() {{\n    println!(\"Hello from `{world}`!\");\n}}\n"
                ),
            ),
        };
        return Ok(vec![("Cargo.toml", manifest), source]);
    }
    Ok(match kind {
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
    })
}

/// Checks the WIT at `path` with knit's loader; returns its path relative to the new crate's
/// folder `dir` and the world's qualified name.
fn existing_wit(dir: &Path, path: &Path, world: Option<&str>) -> Result<(String, String)> {
    let absolute = path
        .canonicalize()
        .with_context(|| format!("--wit {}: no such file or folder", path.display()))?;
    let loaded = knit_bindgen_core::load(&WitSource {
        paths: vec![absolute.clone()],
        inline: None,
        world: world.map(str::to_string),
        features: Vec::new(),
        all_features: false,
    })?;
    let w = &loaded.resolve.worlds[loaded.world];
    let name = match w.package {
        Some(pkg) => loaded.resolve.packages[pkg].name.interface_id(&w.name),
        None => w.name.clone(),
    };
    let dir = std::path::absolute(dir)?;
    Ok((relative(&dir, &absolute), name))
}

/// Writes a new crate into `dir`, which must not hold a `Cargo.toml` yet.
pub fn create(dir: &Path, name: &str, options: &NewOptions) -> Result<()> {
    if dir.join("Cargo.toml").exists() {
        bail!(
            "`{}` already has a Cargo.toml\nhint: `cargo knit init` sets up a new crate only where there is none",
            dir.display()
        );
    }
    for (path, contents) in files(dir, name, options)? {
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

    #[test]
    fn relative_paths_climb_to_the_common_folder() {
        assert_eq!(
            relative(Path::new("/a/b/new"), Path::new("/a/wit")),
            "../../wit"
        );
        assert_eq!(
            relative(Path::new("/a"), Path::new("/a/wit/x.wit")),
            "wit/x.wit"
        );
        assert_eq!(relative(Path::new("/a"), Path::new("/a")), ".");
    }

    #[test]
    fn a_crate_starts_from_existing_wit_with_a_stub_and_a_version_dependency() {
        let temp = tempfile::tempdir().unwrap();
        let wit = temp.path().join("shared");
        std::fs::create_dir(&wit).unwrap();
        std::fs::write(
            wit.join("w.wit"),
            "package a:b; world one { export f: func(); } world two { export g: func(); }",
        )
        .unwrap();
        let dir = temp.path().canonicalize().unwrap().join("crates/new");
        let options = NewOptions {
            wit: Some(wit.clone()),
            world: Some("two".into()),
            ..NewOptions::default()
        };
        let made = files(&dir, "new", &options).unwrap();
        let manifest = &made[0].1;
        assert!(manifest.contains("wit = [\"../../shared\"]"), "{manifest}");
        let version = format!("knit-rt = \"{}\"", env!("CARGO_PKG_VERSION"));
        assert!(manifest.contains(&version), "{manifest}");
        assert_eq!(made[1].0, "src/lib.rs");
        assert!(
            made[1]
                .1
                .contains(r#"generate!({ world: "a:b/two", stubs })"#)
        );
        let without_world = NewOptions {
            wit: Some(wit),
            ..NewOptions::default()
        };
        let err = files(&dir, "new", &without_world).unwrap_err().to_string();
        assert!(err.contains("one") && err.contains("two"), "{err}");
    }
}
