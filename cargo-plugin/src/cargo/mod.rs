//! `cargo knit`: Rust crates to components, with the right target and knit's tools.
//!
//! Cargo runs `cargo-knit knit <args>`. Every subcommand that builds goes through [`build::build`],
//! which finds the component crates with `cargo metadata`, builds them for `wasm32-wasip2` (or the
//! target in `.cargo/config.toml`, or `--target`), componentizes wasip1 modules with knit's adapter,
//! and prints each component's path, size and the WASI capabilities it imports.

pub mod build;
pub mod compose;
pub mod new;
pub mod plugs;

use anyhow::{Result, bail};
use std::path::PathBuf;
use std::process::Command;

/// `cargo knit`.
#[derive(Debug, clap::Parser)]
#[command(name = "cargo", bin_name = "cargo")]
pub enum CargoCli {
    /// Build Rust crates into WebAssembly components with knit.
    #[command(subcommand, version)]
    Knit(Knit),
}

/// The `cargo knit` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Knit {
    /// Create a new component crate in a new folder.
    New {
        /// The crate's name (and folder).
        name: String,
        #[command(flatten)]
        kind: KindArgs,
    },
    /// Create a component crate in the current folder.
    Init {
        /// The crate's name (default: the folder's name).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        kind: KindArgs,
    },
    /// Build every component crate (any `cargo build` argument is passed on).
    Build {
        /// Arguments for cargo build.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// `cargo check` for the component target.
    Check {
        /// Arguments for cargo check.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// `cargo clippy` for the component target.
    Clippy {
        /// Arguments for cargo clippy.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Build the command component and run it on the wasmtime embedded in knit.
    Run {
        /// Give the component a host folder, `HOST[::GUEST]` (repeatable).
        #[arg(long = "dir", value_name = "HOST[::GUEST]")]
        dirs: Vec<String>,
        /// Set an environment variable, `KEY=VALUE` (repeatable).
        #[arg(long = "env", value_name = "KEY=VALUE")]
        envs: Vec<String>,
        #[command(flatten)]
        limits: crate::commands::guest_limits::LimitArgs,
        /// Arguments for cargo build; the program's own arguments follow `--`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Build this crate and its `[package.metadata.knit] plugs`, and compose them into one component.
    Compose {
        /// Where to write the composed component (default: `<crate>.composed.wasm` beside the crate's).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Print every import and what satisfied it.
        #[arg(long)]
        explain: bool,
        /// Run the composed command component afterwards, with the arguments after `--`.
        #[arg(long)]
        run: bool,
        /// Build with the release profile.
        #[arg(long, short)]
        release: bool,
        /// Arguments for cargo build.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print a component's world as WIT (default: build and print this crate's).
    Wit {
        /// A component file; without it, the crate's component.
        #[arg(long)]
        component: Option<PathBuf>,
        /// Arguments for cargo build.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// `--lib` (the default) or `--command`, and where the WIT and the knit runtime come from.
#[derive(Debug, clap::Args)]
pub struct KindArgs {
    /// A `wasi:cli/command` with a `main`.
    #[arg(long, conflicts_with = "lib")]
    command: bool,
    /// A library component exporting functions (the default).
    #[arg(long)]
    lib: bool,
    /// Start from an existing WIT package (folder or file) instead of a new `wit/world.wit`; the
    /// crate lists it in `[package.metadata.knit] wit` and implements its exports with stubs.
    #[arg(long, value_name = "PATH")]
    wit: Option<PathBuf>,
    /// The world of the `--wit` package (needed when it has several).
    #[arg(long, short, requires = "wit")]
    world: Option<String>,
    /// Depend on the knit runtime at this path (a knit checkout's `wit-bindgen/rust-rt`) instead
    /// of its published version.
    #[arg(long, value_name = "PATH")]
    knit_path: Option<PathBuf>,
}

impl KindArgs {
    fn kind(&self) -> new::Kind {
        if self.command {
            new::Kind::Command
        } else {
            new::Kind::Lib
        }
    }

    fn options(&self) -> new::NewOptions {
        new::NewOptions {
            kind: Some(self.kind()),
            wit: self.wit.clone(),
            world: self.world.clone(),
            knit_path: self.knit_path.clone(),
        }
    }
}

/// Splits the command line at the first `--`: what follows belongs to the program `cargo knit run`
/// starts, not to cargo.
pub fn split_program_args(mut args: Vec<String>) -> (Vec<String>, Vec<String>) {
    match args.iter().position(|a| a == "--") {
        Some(i) => {
            let program = args.split_off(i).into_iter().skip(1).collect();
            (args, program)
        }
        None => (args, Vec::new()),
    }
}

/// Runs a `cargo knit` subcommand; `program_args` are what followed `--` on the command line.
pub fn run(cli: CargoCli, program_args: Vec<String>) -> Result<()> {
    let CargoCli::Knit(command) = cli;
    match command {
        Knit::New { name, kind } => {
            let dir = PathBuf::from(&name);
            if dir.exists() {
                bail!(
                    "`{name}` already exists\nhint: `cargo knit init` sets up a crate in an existing folder"
                );
            }
            let crate_name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(name.clone());
            new::create(&dir, &crate_name, &kind.options())?;
            knit_guest_build::report::status(&format!(
                "{:>12} component crate `{crate_name}` ({:?})",
                "Created",
                kind.kind()
            ));
            Ok(())
        }
        Knit::Init { name, kind } => {
            let dir = std::env::current_dir()?;
            let crate_name = name.unwrap_or_else(|| {
                dir.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            new::create(&dir, &crate_name, &kind.options())?;
            knit_guest_build::report::status(&format!(
                "{:>12} component crate `{crate_name}` ({:?})",
                "Created",
                kind.kind()
            ));
            Ok(())
        }
        Knit::Build { args } => {
            let args = build::CargoArgs::parse(&args)?;
            let metadata = build::metadata()?;
            build::build(&args, &build::component_packages(&metadata), &metadata)?;
            Ok(())
        }
        Knit::Check { args } => pass_through("check", &args),
        Knit::Clippy { args } => pass_through("clippy", &args),
        Knit::Run {
            dirs,
            envs,
            limits,
            args,
        } => {
            let args = build::CargoArgs::parse(&args)?;
            let metadata = build::metadata()?;
            let built = build::build(&args, &build::component_packages(&metadata), &metadata)?;
            let commands: Vec<_> = built.iter().filter(|b| b.is_bin).collect();
            let [command] = commands.as_slice() else {
                let names: Vec<_> = built.iter().map(|b| b.package.as_str()).collect();
                bail!(
                    "`cargo knit run` needs exactly one command component (a crate with `src/main.rs`), found {}: {}",
                    commands.len(),
                    names.join(", ")
                );
            };
            knit_guest_build::report::status(&format!(
                "{:>12} `{}`",
                "Running",
                build::display_path(&command.path)
            ));
            run_command(&command.path, &dirs, &envs, &limits, &program_args)
        }
        Knit::Compose {
            output,
            explain,
            run,
            release,
            mut args,
        } => {
            if release {
                args.push("--release".to_string());
            }
            let args = build::CargoArgs::parse(&args)?;
            let out = compose::compose(&args, output.as_deref(), explain)?;
            if run {
                knit_guest_build::report::status(&format!(
                    "{:>12} `{}`",
                    "Running",
                    build::display_path(&out)
                ));
                run_command(&out, &[], &[], &Default::default(), &program_args)?;
            }
            Ok(())
        }
        Knit::Wit { component, args } => {
            let paths = match component {
                Some(path) => vec![path],
                None => {
                    let args = build::CargoArgs::parse(&args)?;
                    let metadata = build::metadata()?;
                    build::build(&args, &build::component_packages(&metadata), &metadata)?
                        .into_iter()
                        .map(|b| b.path)
                        .collect()
                }
            };
            for path in paths {
                let bytes = crate::inspect::read_component(&path)?;
                print!("{}", crate::inspect::world_as_wit(&bytes)?);
            }
            Ok(())
        }
    }
}

#[cfg(feature = "run")]
fn run_command(
    path: &std::path::Path,
    dirs: &[String],
    envs: &[String],
    limits: &crate::commands::guest_limits::LimitArgs,
    args: &[String],
) -> Result<()> {
    crate::commands::run::run_component(path, dirs, envs, limits, args)
}

#[cfg(not(feature = "run"))]
fn run_command(
    path: &std::path::Path,
    _: &[String],
    _: &[String],
    _: &crate::commands::guest_limits::LimitArgs,
    _: &[String],
) -> Result<()> {
    bail!(
        "this knit was built without the `run` feature; run `{}` with a wasmtime of your own",
        path.display()
    )
}

/// `cargo check`/`cargo clippy` with the component target.
fn pass_through(subcommand: &str, args: &[String]) -> Result<()> {
    let args = build::CargoArgs::parse(args)?;
    build::ensure_target_installed(&args.target)?;
    let status = Command::new(knit_guest_build::toolchain::rust::cargo())
        .arg(subcommand)
        .args(["--target", &args.target])
        .args(&args.rest)
        .status()?;
    if !status.success() {
        std::process::exit(status.code().unwrap_or(1));
    }
    Ok(())
}
