//! `cargo knit compose`: the crate's component linked with the plugs listed in
//! `[package.metadata.knit] plugs = [...]` (crates, Go modules, JavaScript packages or `.wasm`
//! files; see [`super::plugs`]), each built first with its own toolchain.

use super::build::{self, Built, CargoArgs};
use super::plugs::{Plug, build_other, label, plugs_of};
use anyhow::{Context, Result, bail};
use cargo_metadata::Package;
use knit_composer::{Composition, Input};
use std::path::{Path, PathBuf};

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
        let bytes = match plug {
            Plug::Crate(name) => crate::inspect::read_component(&component_of(name)?.path)?,
            other => build_other(other, args)?,
        };
        inputs.push(Input::new(label(plug), bytes));
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
    knit_guest_build::report::status(&format!(
        "{:>12} {} + {} plug(s) → {} ({}); imports {}",
        "Composed",
        root.name,
        plugs.len(),
        build::display_path(&out),
        crate::inspect::human_size(composed.bytes.len() as u64),
        crate::inspect::imports_summary(&composed.bytes)?
    ));
    Ok(out)
}
