//! The `knit` command.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use knit_cli::commands;
use knit_guest_build::report::{Level, set_level};

/// knit: one toolchain from WIT to a running, composed WebAssembly component.
#[derive(Parser)]
#[command(name = "knit", version, about)]
struct Cli {
    /// Print only errors and warnings.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print every tool knit runs, with its arguments.
    #[arg(short, long, global = true)]
    verbose: bool,
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
    /// Build a JavaScript or TypeScript module into a component (ComponentizeJS or QuickJS).
    BuildJs(commands::build_js::Args),
    /// Write one of knit's preview1 adapter modules to a file.
    Adapter(commands::adapter::Args),
    /// Print a component's world as WIT.
    Wit(commands::wit::Args),
    /// Run a `wasi:cli/command` component on the embedded wasmtime.
    #[cfg(feature = "run")]
    Run(commands::run::Args),
    /// Print a shell completion script (`knit completions bash > ~/.local/share/bash-completion/completions/knit`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

fn main() -> std::process::ExitCode {
    let matches = Cli::command()
        .long_version(&*Box::leak(
            knit_cli::version::long_version().into_boxed_str(),
        ))
        .get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    set_level(match (cli.quiet, cli.verbose) {
        (true, _) => Level::Quiet,
        (_, true) => Level::Verbose,
        _ => Level::Normal,
    });
    let result = match cli.command {
        Command::Bindgen(args) => commands::bindgen::run(args),
        Command::Compose(args) => commands::compose::run(args),
        Command::Componentize(args) => commands::componentize::run(args),
        Command::BuildGo(args) => commands::build_go::run(args),
        Command::BuildJs(args) => commands::build_js::run(args),
        Command::Adapter(args) => commands::adapter::run(args),
        Command::Wit(args) => commands::wit::run(args),
        #[cfg(feature = "run")]
        Command::Run(args) => commands::run::run(args),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "knit", &mut std::io::stdout());
            Ok(())
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            knit_cli::report_error(&err);
            std::process::ExitCode::FAILURE
        }
    }
}
