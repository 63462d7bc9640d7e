//! The Rust toolchain: cargo, and the standard library of the wasm target a guest is built for.
//! knit does not install Rust targets itself; a missing one is reported with the `rustup` line that
//! installs it.

use anyhow::{Result, bail};
use std::path::PathBuf;
use std::process::Command;

/// The cargo to run: `$CARGO` (set when knit itself runs under cargo, so guests build with the same
/// toolchain), else `cargo` from the `PATH`.
pub fn cargo() -> PathBuf {
    std::env::var_os("CARGO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("cargo"))
}

/// Fails with the `rustup` line to run when the Rust standard library for `target` is missing.
/// When `rustc` cannot be asked (not on the `PATH`), nothing is checked and cargo reports the
/// problem itself.
pub fn ensure_target_installed(target: &str) -> Result<()> {
    let output = Command::new("rustc")
        .args(["--print", "target-libdir", "--target", target])
        .output();
    let Ok(output) = output else { return Ok(()) };
    let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    if !output.status.success() || !dir.exists() {
        bail!("the Rust target `{target}` is not installed\nfix: rustup target add {target}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_target_says_how_to_install_it() {
        if Command::new("rustc").arg("--version").output().is_err() {
            eprintln!("no rustc on the PATH: nothing to check against");
            return;
        }
        let err = ensure_target_installed("knit-no-such-target")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("fix: rustup target add knit-no-such-target"),
            "{err}"
        );
    }
}
