//! Rebuilding the adapter variants from source (`adapter-p1-p2/adapter/`)
//! and checking them against the bytes this crate carries.
//!
//! The build runs `cargo build --release --target wasm32-unknown-unknown`
//! in the adapter crate (so its `.cargo/config.toml` and profile apply, with
//! outer `RUSTFLAGS` removed), then [`crate::postprocess`] shapes and
//! validates the module. The same toolchain gives the same bytes.

use crate::Variant;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// This crate's source folder: where it was compiled, or, when that folder is gone (cargo reuses
/// artifacts of a checkout that moved, and `env!` keeps the old path), the folder `cargo test` or
/// `cargo run` names at run time.
fn crate_dir() -> PathBuf {
    let built = Path::new(env!("CARGO_MANIFEST_DIR"));
    if built.join("Cargo.toml").is_file() {
        return built.to_path_buf();
    }
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.join("adapters").is_dir())
        .unwrap_or_else(|| built.to_path_buf())
}

/// The adapter crate's directory.
pub fn adapter_source_dir() -> PathBuf {
    crate_dir().join("../adapter")
}

/// Where the carried adapter bytes of `variant` live in the source tree.
pub fn committed_path(variant: Variant) -> PathBuf {
    crate_dir()
        .join("adapters")
        .join(format!("{}.wasm", variant.name()))
}

/// The target directory for adapter builds: `$KNIT_ADAPTER_TARGET_DIR`, or
/// `$HOME/.cache/knit/adapter-target` (never the host build's directory).
pub fn default_target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KNIT_ADAPTER_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    home.join(".cache/knit/adapter-target")
}

/// Builds one variant from source and post-processes it.
pub fn build_variant(variant: Variant, target_dir: &Path) -> Result<Vec<u8>> {
    let dir = adapter_source_dir();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&dir)
        .args([
            "build",
            "--quiet",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(["--no-default-features", "--features", variant.name()])
        .arg("--target-dir")
        .arg(target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .status()
        .with_context(|| format!("running cargo in {}", dir.display()))?;
    if !status.success() {
        bail!("building the {} adapter failed ({status})", variant.name());
    }
    let raw_path = target_dir.join("wasm32-unknown-unknown/release/knit_adapter.wasm");
    let raw =
        std::fs::read(&raw_path).with_context(|| format!("reading {}", raw_path.display()))?;
    let mut resolve = wit_parser::Resolve::default();
    let (pkg, _) = resolve
        .push_dir(dir.join("wit"))
        .context("loading the adapter's WIT")?;
    let world = resolve.select_world(&[pkg], Some(variant.name()))?;
    crate::postprocess::postprocess(&raw, &resolve, world)
        .with_context(|| format!("post-processing the {} adapter", variant.name()))
}

/// Builds every variant and compares each with the carried bytes; returns
/// one line per variant that differs (empty when all match).
pub fn check_all(target_dir: &Path) -> Result<Vec<String>> {
    let mut diffs = Vec::new();
    for variant in Variant::ALL {
        let fresh = build_variant(variant, target_dir)?;
        let carried = crate::adapter_bytes(variant);
        if fresh != carried {
            diffs.push(format!(
                "{}: carried {} bytes, fresh build {} bytes; run `cargo run -p knit-componentize --bin build-adapters`",
                variant.name(),
                carried.len(),
                fresh.len()
            ));
        }
    }
    Ok(diffs)
}

/// Builds every variant and writes it over the carried file.
pub fn write_all(target_dir: &Path) -> Result<Vec<(Variant, usize)>> {
    let mut out = Vec::new();
    for variant in Variant::ALL {
        let fresh = build_variant(variant, target_dir)?;
        let path = committed_path(variant);
        let tmp = path.with_extension("wasm.tmp");
        std::fs::write(&tmp, &fresh).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &path)?;
        out.push((variant, fresh.len()));
    }
    Ok(out)
}
