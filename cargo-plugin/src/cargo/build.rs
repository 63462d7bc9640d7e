//! Building component crates: find them, have `knit_guest_build` run cargo for the right target and
//! turn wasip1 modules into components, and report what was built.

use crate::inspect::human_size;
use anyhow::{Context, Result, bail};
use cargo_metadata::{Metadata, MetadataCommand, Package};
use knit_guest_build::component::ensure_component;
use knit_guest_build::rust::CargoBuild;
use std::path::{Path, PathBuf};

/// The target used when neither the command line nor `.cargo/config.toml` names one.
pub const DEFAULT_TARGET: &str = "wasm32-wasip2";

/// One component produced by a build.
#[derive(Debug, Clone)]
pub struct Built {
    /// The crate's name.
    pub package: String,
    /// The component file.
    pub path: PathBuf,
    /// Whether it is a binary (a command) rather than a library.
    pub is_bin: bool,
}

/// A cargo invocation: the subcommand, the target and the arguments passed through.
pub struct CargoArgs {
    /// Arguments given after the subcommand, minus `--target`.
    pub rest: Vec<String>,
    /// The target to build for.
    pub target: String,
}

impl CargoArgs {
    /// Splits `--target` out of `args`; without one, `.cargo/config.toml`'s `build.target`, else
    /// wasm32-wasip2.
    pub fn parse(args: &[String]) -> Result<CargoArgs> {
        let mut rest = Vec::new();
        let mut target = None;
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if arg == "--target" {
                target = Some(iter.next().context("--target needs a value")?.clone());
            } else if let Some(value) = arg.strip_prefix("--target=") {
                target = Some(value.to_string());
            } else {
                rest.push(arg.clone());
            }
        }
        let target = match target {
            Some(t) => t,
            None => configured_target(&std::env::current_dir()?)?
                .unwrap_or_else(|| DEFAULT_TARGET.to_string()),
        };
        Ok(CargoArgs { rest, target })
    }

    /// Whether `--release` (or `-r`) was given.
    pub fn release(&self) -> bool {
        self.rest.iter().any(|a| a == "--release" || a == "-r")
    }
}

/// `build.target` from the nearest `.cargo/config.toml` (or `.cargo/config`) at or above `dir`.
fn configured_target(dir: &Path) -> Result<Option<String>> {
    for ancestor in dir.ancestors() {
        for name in ["config.toml", "config"] {
            let path = ancestor.join(".cargo").join(name);
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let value: toml::Table =
                toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
            if let Some(target) = value
                .get("build")
                .and_then(|b| b.get("target"))
                .and_then(|t| t.as_str())
            {
                return Ok(Some(target.to_string()));
            }
        }
    }
    Ok(None)
}

/// Fails with the rustup line to run when the Rust standard library for `target` is missing.
pub use knit_guest_build::toolchain::rust::ensure_target_installed;

/// The workspace's metadata.
pub fn metadata() -> Result<Metadata> {
    MetadataCommand::new()
        .no_deps()
        .exec()
        .context("cannot read the cargo workspace (is there a Cargo.toml here?)")
}

/// The crates to build: those that use knit (depend on `knit-rt`) in the current package, or in the
/// whole workspace when run from its root.
pub fn component_packages(metadata: &Metadata) -> Vec<&Package> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let members = metadata.workspace_packages();
    let current: Vec<&Package> = members
        .iter()
        .copied()
        .filter(|p| {
            p.manifest_path
                .parent()
                .is_some_and(|d| d.as_std_path() == cwd)
        })
        .collect();
    let scope = if current.is_empty() { members } else { current };
    scope
        .into_iter()
        .filter(|p| is_component_crate(p))
        .collect()
}

/// Whether a crate is built into a component: it depends on `knit-rt` or has `[package.metadata.knit]`.
pub fn is_component_crate(package: &Package) -> bool {
    package.dependencies.iter().any(|d| d.name == "knit-rt")
        || package.metadata.get("knit").is_some()
}

/// Runs `cargo build` for the component crates and returns the components, componentizing wasip1
/// modules with knit's adapter.
pub fn build(args: &CargoArgs, packages: &[&Package], workspace: &Metadata) -> Result<Vec<Built>> {
    if packages.is_empty() {
        bail!(
            "no component crate here: none depends on `knit-rt`\nhint: `cargo knit new NAME` creates one"
        );
    }
    build_in(args, None, packages, workspace)
}

/// Builds the crate of `manifest` (a crate outside the current workspace, with its own metadata)
/// into a component.
pub fn build_manifest(
    args: &CargoArgs,
    manifest: &Path,
    package: &Package,
    metadata: &Metadata,
) -> Result<Built> {
    let built = build_in(args, Some(manifest), &[package], metadata)?;
    built
        .into_iter()
        .next()
        .with_context(|| format!("cargo built no component for {}", manifest.display()))
}

/// `cargo build` of `packages` (of the workspace `manifest` belongs to, or of the current one).
fn build_in(
    args: &CargoArgs,
    manifest: Option<&Path>,
    packages: &[&Package],
    workspace: &Metadata,
) -> Result<Vec<Built>> {
    let cargo_build = CargoBuild {
        manifest_path: manifest.map(Path::to_path_buf),
        target: args.target.clone(),
        packages: packages.iter().map(|p| p.name.to_string()).collect(),
        args: args.rest.clone(),
        color: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        ..CargoBuild::default()
    };
    let output = cargo_build.run(|diagnostic| eprint!("{}", diagnostic.rendered))?;
    if !output.success {
        let members = &workspace.workspace_members;
        let failing_dependency = output
            .diagnostics
            .iter()
            .find(|d| d.is_error && !members.contains(&d.package_id));
        if let Some(dependency) = failing_dependency {
            bail!(
                "the dependency `{}` does not build for {}\nhint: it probably needs the operating system or threads; make it a target-specific dependency (`[target.'cfg(not(target_family = \"wasm\"))'.dependencies]`) or find a wasm-compatible alternative",
                dependency.target,
                args.target
            );
        }
        bail!("cargo build failed");
    }
    let mut artifacts: Vec<Built> = Vec::new();
    for artifact in output.artifacts {
        if !(artifact.is_bin || artifact.is_cdylib) {
            continue;
        }
        let Some(package) = packages.iter().find(|p| p.id == artifact.package_id) else {
            continue;
        };
        artifacts.push(Built {
            package: package.name.to_string(),
            path: artifact.path,
            is_bin: artifact.is_bin,
        });
    }
    artifacts.sort_by(|a, b| a.path.cmp(&b.path));
    artifacts.dedup_by(|a, b| a.path == b.path);
    artifacts
        .into_iter()
        .map(|artifact| finish(artifact, &args.target))
        .collect()
}

/// Makes a core module into a component (wasip1), then reports it.
fn finish(mut artifact: Built, target: &str) -> Result<Built> {
    let component = ensure_component(&artifact.path)?;
    for warning in &component.warnings {
        eprintln!("warning: {warning}");
    }
    artifact.path = component.path;
    let caps = crate::inspect::imports_summary(&component.bytes)?;
    knit_guest_build::report::status(&format!(
        "{:>12} {} ({target}) → {} ({}); imports {caps}",
        "Component",
        artifact.package,
        display_path(&artifact.path),
        human_size(component.bytes.len() as u64)
    ));
    Ok(artifact)
}

/// A path relative to the current folder when it is below it.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}
