//! Rust guests: one `cargo build` of guest crates for a wasm target, read through cargo's JSON
//! messages, so the caller learns exactly which `.wasm` files this build produced (never a stale one
//! from an earlier build) and which crate each diagnostic belongs to. A `wasm32-wasip1` module
//! still has to become a component afterwards ([`crate::component::ensure_component`]).

use crate::toolchain::rust::{cargo, ensure_target_installed};
use anyhow::{Context, Result};
use cargo_metadata::diagnostic::DiagnosticLevel;
use cargo_metadata::{Message, PackageId};
use std::io::{BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// A `cargo build` of guest crates for one wasm target.
#[derive(Debug, Clone, Default)]
pub struct CargoBuild {
    /// The `Cargo.toml` to build (default: cargo's own lookup from the current folder).
    pub manifest_path: Option<PathBuf>,
    /// The target triple, e.g. `wasm32-wasip2` or `wasm32-wasip1`.
    pub target: String,
    /// The packages to build (`-p`); empty builds cargo's default selection.
    pub packages: Vec<String>,
    /// Further arguments for `cargo build` (`--release`, `--features`, ...).
    pub args: Vec<String>,
    /// `--keep-going`: a crate that fails to build does not stop the others.
    pub keep_going: bool,
    /// The target directory (default: cargo's own choice).
    pub target_dir: Option<PathBuf>,
    /// Build without the caller's `RUSTFLAGS` (flags meant for a host must not reach guests).
    pub clear_rustflags: bool,
    /// Capture cargo's own stderr (progress, summary errors) into [`CargoOutput::stderr`] instead
    /// of letting it through to ours.
    pub capture_stderr: bool,
    /// Render diagnostics with ANSI colors (for a terminal).
    pub color: bool,
}

/// A `.wasm` file the build produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// The package it belongs to.
    pub package_id: PackageId,
    /// The name of the cargo target (the crate name, with `_` for a library).
    pub target: String,
    /// Whether the target is a binary (a command) rather than a library.
    pub is_bin: bool,
    /// Whether the target is a `cdylib` (the library kind that becomes a component).
    pub is_cdylib: bool,
    /// The file.
    pub path: PathBuf,
}

/// A compiler diagnostic, as rendered by rustc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The package it is about.
    pub package_id: PackageId,
    /// The name of the cargo target it is about.
    pub target: String,
    /// Whether it is an error (not a warning or a note).
    pub is_error: bool,
    /// The text rustc printed.
    pub rendered: String,
}

/// What a build produced and said.
#[derive(Debug, Clone, Default)]
pub struct CargoOutput {
    /// Every `.wasm` file the build reported, in the order cargo reported them.
    pub artifacts: Vec<Artifact>,
    /// Every diagnostic with rendered text, in order.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether cargo succeeded.
    pub success: bool,
    /// cargo's stderr, when [`CargoBuild::capture_stderr`] asked for it.
    pub stderr: String,
}

impl CargoBuild {
    /// The `cargo build` command line (without running it).
    pub fn command(&self) -> Command {
        let mut command = Command::new(cargo());
        let format = if self.color {
            "--message-format=json-diagnostic-rendered-ansi"
        } else {
            "--message-format=json"
        };
        command.args(["build", format, "--target", &self.target]);
        if let Some(manifest) = &self.manifest_path {
            command.arg("--manifest-path").arg(manifest);
        }
        if let Some(dir) = &self.target_dir {
            command.arg("--target-dir").arg(dir);
        }
        if self.keep_going {
            command.arg("--keep-going");
        }
        for package in &self.packages {
            command.args(["-p", package]);
        }
        command.args(&self.args);
        if self.clear_rustflags {
            command.env_remove("RUSTFLAGS");
        }
        command
    }

    /// Runs the build. `on_diagnostic` sees each diagnostic as it arrives (to print it while cargo
    /// is still working); all of them are also in the result. A build that fails is not an error
    /// here: see [`CargoOutput::success`]. Errors are for a missing target or a cargo that cannot
    /// be run or read.
    pub fn run(&self, mut on_diagnostic: impl FnMut(&Diagnostic)) -> Result<CargoOutput> {
        ensure_target_installed(&self.target)?;
        let mut command = self.command();
        command.stdout(Stdio::piped());
        if self.capture_stderr {
            command.stderr(Stdio::piped());
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot run {}", cargo().display()))?;
        let stdout = child.stdout.take().context("cargo's stdout is not piped")?;
        let stderr = child.stderr.take();
        // stderr is drained on its own thread so that neither pipe can fill up and stall cargo.
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut stderr) = stderr {
                let _ = stderr.read_to_string(&mut text);
            }
            text
        });
        let mut output = CargoOutput::default();
        let mut read_error = None;
        for message in Message::parse_stream(BufReader::new(stdout)) {
            let message = match message {
                Ok(message) => message,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            };
            match message {
                Message::CompilerMessage(msg) => {
                    let Some(rendered) = msg.message.rendered else {
                        continue;
                    };
                    let diagnostic = Diagnostic {
                        package_id: msg.package_id,
                        target: msg.target.name,
                        is_error: matches!(
                            msg.message.level,
                            DiagnosticLevel::Error | DiagnosticLevel::Ice
                        ),
                        rendered,
                    };
                    on_diagnostic(&diagnostic);
                    output.diagnostics.push(diagnostic);
                }
                Message::CompilerArtifact(artifact) => {
                    for file in &artifact.filenames {
                        if file.extension() == Some("wasm") {
                            output.artifacts.push(Artifact {
                                package_id: artifact.package_id.clone(),
                                target: artifact.target.name.clone(),
                                is_bin: artifact.target.is_bin(),
                                is_cdylib: artifact.target.is_cdylib(),
                                path: file.clone().into_std_path_buf(),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        // Wait for cargo even when its output could not be read, so no process is left behind.
        let status = child.wait().context("waiting for cargo")?;
        output.stderr = stderr.join().unwrap_or_default();
        if let Some(e) = read_error {
            return Err(e).context("reading cargo's messages");
        }
        output.success = status.success();
        Ok(output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(command: &Command) -> Vec<String> {
        command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_command_line_has_every_option() {
        let build = CargoBuild {
            manifest_path: Some("guests/Cargo.toml".into()),
            target: "wasm32-wasip2".into(),
            packages: vec!["a".into(), "b".into()],
            args: vec!["--release".into()],
            keep_going: true,
            target_dir: Some("out".into()),
            clear_rustflags: true,
            capture_stderr: true,
            color: false,
        };
        let command = build.command();
        assert_eq!(
            args(&command),
            [
                "build",
                "--message-format=json",
                "--target",
                "wasm32-wasip2",
                "--manifest-path",
                "guests/Cargo.toml",
                "--target-dir",
                "out",
                "--keep-going",
                "-p",
                "a",
                "-p",
                "b",
                "--release"
            ]
        );
        assert!(
            command
                .get_envs()
                .any(|(k, v)| k == "RUSTFLAGS" && v.is_none()),
            "RUSTFLAGS is removed"
        );
    }

    #[test]
    fn the_defaults_add_nothing() {
        let build = CargoBuild {
            target: "wasm32-wasip1".into(),
            color: true,
            ..CargoBuild::default()
        };
        let command = build.command();
        assert_eq!(
            args(&command),
            [
                "build",
                "--message-format=json-diagnostic-rendered-ansi",
                "--target",
                "wasm32-wasip1"
            ]
        );
        assert_eq!(command.get_envs().count(), 0);
    }

    #[test]
    fn a_missing_manifest_is_a_failed_build_with_cargo_s_words() {
        let dir = tempfile::tempdir().unwrap();
        let build = CargoBuild {
            manifest_path: Some(dir.path().join("Cargo.toml")),
            target: "wasm32-wasip2".into(),
            capture_stderr: true,
            ..CargoBuild::default()
        };
        let output = match build.run(|_| {}) {
            Ok(output) => output,
            // Without the target's standard library, that is the error (and that is checked
            // in toolchain::rust).
            Err(e) if e.to_string().contains("rustup target add") => return,
            Err(e) => panic!("{e:#}"),
        };
        assert!(!output.success);
        assert!(output.artifacts.is_empty());
        assert!(output.stderr.contains("Cargo.toml"), "{}", output.stderr);
    }
}
