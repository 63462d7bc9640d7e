//! The plugs a crate lists in `[package.metadata.knit] plugs = [...]`, in every form users write
//! them, and building each into a component.
//!
//! An entry is a string or an inline table:
//!
//! - `"greeter"`: a crate of this workspace, by name;
//! - `"../greeter"`: a folder, relative to the crate: a Rust crate (`Cargo.toml`; inside or
//!   outside the workspace), a Go module (`go.mod`; built with `knit build-go`'s code) or a
//!   JavaScript package (`package.json`, `index.js` or `index.ts`; built with `knit build-js`'s
//!   code);
//! - `"path/to/component.wasm"`: a component file;
//! - `{ path = "../js-part", engine = "quickjs", world = "w", wit = "../wit" }`: a folder with
//!   options: the world and WIT (Go and JavaScript; default: the folder's `wit/`) and the engine
//!   (JavaScript: `starlingmonkey`, the default, or `quickjs`).
//!
//! Anything else is an error listing the workspace's crates and the accepted forms.

use super::build::{self, Built, CargoArgs};
use anyhow::{Context, Result, bail};
use cargo_metadata::{Metadata, MetadataCommand, Package};
use knit_guest_build::js::Engine;
use std::path::{Path, PathBuf};

/// Where a plug comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plug {
    /// A component file.
    File(PathBuf),
    /// A crate of the workspace, by name.
    Crate(String),
    /// A crate outside the workspace, by its `Cargo.toml`.
    OutsideCrate(PathBuf),
    /// A Go module folder.
    Go {
        /// The module folder.
        dir: PathBuf,
        /// WIT inputs (empty: the folder's default).
        wit: Vec<PathBuf>,
        /// The world, when the WIT has several.
        world: Option<String>,
    },
    /// A JavaScript or TypeScript package folder (or module file).
    Js {
        /// The folder or module.
        source: PathBuf,
        /// WIT inputs (empty: the folder's default).
        wit: Vec<PathBuf>,
        /// The world, when the WIT has several.
        world: Option<String>,
        /// The engine.
        engine: Engine,
    },
}

/// The forms a plug entry may take, for error messages.
const FORMS: &str = "a plug is a crate of this workspace (by name), a folder (a Rust crate inside \
     or outside the workspace, a Go module with go.mod, a JavaScript package with package.json or \
     index.js), a `.wasm` component file, or a table `{ path = \"...\", world = \"...\", wit = \"...\", \
     engine = \"quickjs\" }`";

/// Options a table entry may carry besides `path`.
#[derive(Debug, Default)]
struct EntryOptions {
    wit: Vec<PathBuf>,
    world: Option<String>,
    engine: Option<Engine>,
}

/// Reads one table entry's options.
fn table_options(
    table: &serde_json::Map<String, serde_json::Value>,
    dir: &Path,
) -> Result<(String, EntryOptions)> {
    let mut options = EntryOptions::default();
    let mut path = None;
    for (key, value) in table {
        let text = || {
            value
                .as_str()
                .with_context(|| format!("plug option `{key}` must be a string"))
        };
        match key.as_str() {
            "path" => path = Some(text()?.to_string()),
            "world" => options.world = Some(text()?.to_string()),
            "wit" => options.wit.push(dir.join(text()?)),
            "engine" => {
                options.engine = Some(match text()? {
                    "starlingmonkey" => Engine::StarlingMonkey,
                    "quickjs" => Engine::QuickJs,
                    other => bail!(
                        "plug engine `{other}` is not one knit knows: starlingmonkey or quickjs"
                    ),
                })
            }
            other => bail!(
                "plug option `{other}` is not one knit knows: path, world, wit or engine\nhint: {FORMS}"
            ),
        }
    }
    let path = path.context("a plug table needs `path`")?;
    Ok((path, options))
}

/// The plugs a crate lists, resolved against its folder and the workspace.
pub fn plugs_of(package: &Package, metadata: &Metadata) -> Result<Vec<Plug>> {
    let Some(list) = package.metadata.get("knit").and_then(|k| k.get("plugs")) else {
        bail!(
            "`{}` lists no plugs\nhint: add them to its Cargo.toml:\n  [package.metadata.knit]\n  plugs = [\"other-crate\", \"../go-part\", \"path/to/component.wasm\"]",
            package.name
        );
    };
    let Some(list) = list.as_array() else {
        bail!("`package.metadata.knit.plugs` must be a list\nhint: {FORMS}")
    };
    let dir = package
        .manifest_path
        .parent()
        .expect("a manifest has a folder")
        .as_std_path();
    list.iter()
        .map(|entry| match entry {
            serde_json::Value::String(text) => {
                plug_of(text, EntryOptions::default(), dir, metadata)
            }
            serde_json::Value::Object(table) => {
                let (path, options) = table_options(table, dir)?;
                plug_of(&path, options, dir, metadata)
            }
            other => bail!("plug `{other}` is neither a string nor a table\nhint: {FORMS}"),
        })
        .collect()
}

/// One entry, resolved.
fn plug_of(entry: &str, options: EntryOptions, dir: &Path, metadata: &Metadata) -> Result<Plug> {
    let members = metadata.workspace_packages();
    let path = dir.join(entry);
    let has_options =
        !options.wit.is_empty() || options.world.is_some() || options.engine.is_some();
    let has_engine = options.engine.is_some();
    let is_js_folder = |p: &Path| {
        [
            "package.json",
            "index.js",
            "index.ts",
            "index.mjs",
            "index.mts",
        ]
        .iter()
        .any(|f| p.join(f).is_file())
    };
    let js = |source: PathBuf, options: EntryOptions| Plug::Js {
        source,
        wit: options.wit,
        world: options.world,
        engine: options.engine.unwrap_or_default(),
    };
    let plug = if members.iter().any(|p| p.name.as_str() == entry) {
        Plug::Crate(entry.to_string())
    } else if path.is_dir() && path.join("Cargo.toml").is_file() {
        let manifest = path.join("Cargo.toml").canonicalize()?;
        match members
            .iter()
            .find(|p| p.manifest_path.as_std_path() == manifest)
        {
            Some(member) => Plug::Crate(member.name.to_string()),
            None => Plug::OutsideCrate(manifest),
        }
    } else if path.is_dir() && path.join("go.mod").is_file() {
        Plug::Go {
            dir: path,
            wit: options.wit,
            world: options.world,
        }
    } else if (path.is_dir() && is_js_folder(&path))
        || (path.is_file()
            && path
                .extension()
                .is_some_and(|e| ["js", "mjs", "ts", "mts"].iter().any(|x| e == *x)))
    {
        js(path, options)
    } else if entry.ends_with(".wasm") || path.is_file() {
        Plug::File(path)
    } else {
        let crates: Vec<&str> = members.iter().map(|p| p.name.as_str()).collect();
        let what = if path.is_dir() {
            format!(
                "{} is a folder with neither Cargo.toml, go.mod, package.json nor index.js",
                path.display()
            )
        } else {
            format!(
                "it is no crate of this workspace ({}) and no file or folder at {}",
                crates.join(", "),
                path.display()
            )
        };
        bail!("plug `{entry}`: {what}\nhint: {FORMS}");
    };
    if !matches!(plug, Plug::Go { .. } | Plug::Js { .. }) && has_options {
        bail!(
            "plug `{entry}`: `world`, `wit` and `engine` apply to Go and JavaScript folders only"
        );
    }
    if matches!(plug, Plug::Go { .. }) && has_engine {
        bail!("plug `{entry}`: `engine` applies to JavaScript only");
    }
    Ok(plug)
}

/// A label for a plug in the composition's messages.
pub fn label(plug: &Plug) -> String {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    match plug {
        Plug::Crate(name) => name.clone(),
        Plug::File(path) => stem(path),
        Plug::OutsideCrate(manifest) => stem(manifest.parent().unwrap_or(manifest)),
        Plug::Go { dir, .. } => stem(dir),
        Plug::Js { source, .. } => stem(source),
    }
}

/// Builds a plug that is not a workspace crate (those are built with the root, in one cargo run)
/// and returns its component.
pub fn build_other(plug: &Plug, args: &CargoArgs) -> Result<Vec<u8>> {
    match plug {
        Plug::Crate(_) => unreachable!("workspace crates are built with the root"),
        Plug::File(path) => crate::inspect::read_component(path),
        Plug::OutsideCrate(manifest) => {
            let built = build_outside_crate(manifest, args)?;
            std::fs::read(&built.path).with_context(|| format!("reading {}", built.path.display()))
        }
        Plug::Go { dir, wit, world } => {
            let built = knit_guest_build::go::build(&knit_guest_build::go::BuildGo {
                dir: dir.clone(),
                wit: wit.clone(),
                world: world.clone(),
                bindings: "bindings".into(),
                install_go: true,
            })
            .with_context(|| format!("building the Go plug {}", dir.display()))?;
            report(dir, "go", &built.component)?;
            Ok(built.component)
        }
        Plug::Js {
            source,
            wit,
            world,
            engine,
        } => {
            let built = knit_guest_build::js::build(&knit_guest_build::js::BuildJs {
                source: source.clone(),
                wit: wit.clone(),
                world: world.clone(),
                engine: *engine,
                wasi: true,
            })
            .with_context(|| format!("building the JavaScript plug {}", source.display()))?;
            report(
                source,
                knit_guest_build::js::engine_flag(*engine),
                &built.component,
            )?;
            Ok(built.component)
        }
    }
}

/// The line printed for a plug built from another language.
fn report(source: &Path, how: &str, component: &[u8]) -> Result<()> {
    knit_guest_build::report::status(&format!(
        "{:>12} {} ({how}) → {}; imports {}",
        "Component",
        build::display_path(source),
        crate::inspect::human_size(component.len() as u64),
        crate::inspect::part_summary(component)?
    ));
    Ok(())
}

/// Builds a crate outside the workspace (its own `cargo build --manifest-path`).
fn build_outside_crate(manifest: &Path, args: &CargoArgs) -> Result<Built> {
    let metadata = MetadataCommand::new()
        .manifest_path(manifest)
        .no_deps()
        .exec()
        .with_context(|| format!("cannot read the crate at {}", manifest.display()))?;
    let package = metadata
        .packages
        .iter()
        .find(|p| p.manifest_path.as_std_path() == manifest)
        .with_context(|| format!("{} is a workspace without a package", manifest.display()))?;
    let built = build::build_manifest(args, manifest, package, &metadata)?;
    Ok(built)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_options_are_read_and_unknown_ones_refused() {
        let dir = Path::new("/crate");
        let table = |json: &str| -> serde_json::Map<String, serde_json::Value> {
            serde_json::from_str(json).unwrap()
        };
        let (path, options) = table_options(
            &table(r#"{"path": "../js", "engine": "quickjs", "world": "w", "wit": "../wit"}"#),
            dir,
        )
        .unwrap();
        assert_eq!(path, "../js");
        assert_eq!(options.engine, Some(Engine::QuickJs));
        assert_eq!(options.world.as_deref(), Some("w"));
        assert_eq!(options.wit, [PathBuf::from("/crate/../wit")]);
        let err = table_options(&table(r#"{"path": "x", "engin": "quickjs"}"#), dir)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("plug option `engin` is not one knit knows"),
            "{err}"
        );
        let err = table_options(&table(r#"{"engine": "v8"}"#), dir)
            .unwrap_err()
            .to_string();
        assert!(err.contains("plug engine `v8`"), "{err}");
        let err = table_options(&table(r#"{"world": "w"}"#), dir)
            .unwrap_err()
            .to_string();
        assert!(err.contains("needs `path`"), "{err}");
    }
}
