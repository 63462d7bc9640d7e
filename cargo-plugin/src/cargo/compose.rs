//! `cargo knit compose`: the crate's component linked with the plugs listed in
//! `[package.metadata.knit] plugs = [...]` (paths to `.wasm` files, or crates of this workspace, which
//! are built first).

use super::build::{self, Built, CargoArgs};
use anyhow::{Context, Result, bail};
use cargo_metadata::{Metadata, Package};
use knit_composer::{Composition, Input};
use std::path::{Path, PathBuf};

/// Where a plug comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plug {
    /// A component file.
    File(PathBuf),
    /// A crate of the workspace.
    Crate(String),
}

/// The plugs a crate lists, resolved against its folder and the workspace.
fn plugs_of(package: &Package, metadata: &Metadata) -> Result<Vec<Plug>> {
    let Some(list) = package.metadata.get("knit").and_then(|k| k.get("plugs")) else {
        bail!(
            "`{}` lists no plugs\nhint: add them to its Cargo.toml:\n  [package.metadata.knit]\n  plugs = [\"other-crate\", \"path/to/component.wasm\"]",
            package.name
        );
    };
    let Some(list) = list.as_array() else {
        bail!("`package.metadata.knit.plugs` must be a list of strings")
    };
    let dir = package
        .manifest_path
        .parent()
        .expect("a manifest has a folder")
        .as_std_path();
    let mut plugs = Vec::new();
    for entry in list {
        let Some(entry) = entry.as_str() else {
            bail!("`package.metadata.knit.plugs` must be a list of strings")
        };
        if metadata
            .workspace_packages()
            .iter()
            .any(|p| p.name.as_str() == entry)
        {
            plugs.push(Plug::Crate(entry.to_string()));
        } else if entry.ends_with(".wasm") || dir.join(entry).is_file() {
            plugs.push(Plug::File(dir.join(entry)));
        } else {
            let crates: Vec<&str> = metadata
                .workspace_packages()
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            bail!(
                "plug `{entry}` is neither a `.wasm` file nor a crate of this workspace ({})",
                crates.join(", ")
            );
        }
    }
    Ok(plugs)
}

/// Builds the crate and its plugs, composes them, writes `<crate>.composed.wasm` beside the crate's
/// component (or `output`), and returns that path.
pub fn compose(args: &CargoArgs, output: Option<&Path>, explain: bool) -> Result<PathBuf> {
    let metadata = build::metadata()?;
    let roots = build::component_packages(&metadata);
    let [root] = roots.as_slice() else {
        let names: Vec<&str> = roots.iter().map(|p| p.name.as_str()).collect();
        bail!(
            "`cargo knit compose` runs in one component crate's folder; here there are {}: {}",
            names.len(),
            names.join(", ")
        );
    };
    let plugs = plugs_of(root, &metadata)?;
    let mut to_build: Vec<&Package> = vec![root];
    for plug in &plugs {
        if let Plug::Crate(name) = plug {
            let package = metadata
                .workspace_packages()
                .into_iter()
                .find(|p| p.name.as_str() == name)
                .expect("checked above");
            to_build.push(package);
        }
    }
    let built = build::build(args, &to_build, &metadata)?;
    let component_of = |name: &str| -> Result<&Built> {
        built
            .iter()
            .find(|b| b.package == name)
            .with_context(|| format!("cargo built no component for `{name}`"))
    };
    let root_built = component_of(&root.name)?;
    let root_input = Input::new(root.name.to_string(), std::fs::read(&root_built.path)?);
    let mut inputs = Vec::new();
    for plug in &plugs {
        let (label, path) = match plug {
            Plug::Crate(name) => (name.clone(), component_of(name)?.path.clone()),
            Plug::File(path) => (
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path.clone(),
            ),
        };
        let bytes = crate::inspect::read_component(&path)?;
        inputs.push(Input::new(label, bytes));
    }
    let allow_unused = root
        .metadata
        .get("knit")
        .and_then(|k| k.get("allow-unused-plugs"))
        .map(|v| {
            v.as_bool()
                .context("`package.metadata.knit.allow-unused-plugs` must be true or false")
        })
        .transpose()?
        .unwrap_or(false);
    let composed = Composition::new()
        .allow_unused_plugs(allow_unused)
        .compose(root_input, inputs)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if explain {
        eprint!("{}", composed.explanation);
    }
    let out = match output {
        Some(path) => path.to_path_buf(),
        None => root_built.path.with_extension("composed.wasm"),
    };
    knit_bindgen_core::files::write_atomic(&out, &composed.bytes)?;
    eprintln!(
        "{:>12} {} + {} plug(s) → {} ({}); imports {}",
        "Composed",
        root.name,
        plugs.len(),
        build::display_path(&out),
        crate::inspect::human_size(composed.bytes.len() as u64),
        crate::inspect::imports_summary(&composed.bytes)?
    );
    Ok(out)
}
