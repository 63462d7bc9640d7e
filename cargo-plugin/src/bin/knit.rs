//! The `knit` command.

use clap::{Parser, Subcommand};
use knit_cli::commands;

/// knit: one toolchain from WIT to a running, composed WebAssembly component.
#[derive(Parser)]
#[command(name = "knit", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate bindings from WIT.
    #[command(subcommand)]
    Bindgen(commands::bindgen::Args),
    /// Link components into one by matching imports to exports.
    Compose(commands::compose::Args),
    /// Turn a wasm32-wasip1 core module into a WASI 0.2 component.
    Componentize(commands::componentize::Args),
    /// Build a Go program (mainline Go 1.24+) into a component: bindings, go build, adapter.
    BuildGo(commands::build_go::Args),
    /// Write one of knit's preview1 adapter modules to a file.
    Adapter(commands::adapter::Args),
    /// Print a component's world as WIT.
    Wit(commands::wit::Args),
    /// Run a `wasi:cli/command` component on the embedded wasmtime.
    #[cfg(feature = "run")]
    Run(commands::run::Args),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Bindgen(args) => commands::bindgen::run(args),
        Command::Compose(args) => commands::compose::run(args),
        Command::Componentize(args) => commands::componentize::run(args),
        Command::BuildGo(args) => commands::build_go::run(args),
        Command::Adapter(args) => commands::adapter::run(args),
        Command::Wit(args) => commands::wit::run(args),
        #[cfg(feature = "run")]
        Command::Run(args) => commands::run::run(args),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            knit_cli::report_error(&err);
            std::process::ExitCode::FAILURE
        }
    }
}
