//! `cargo knit`: cargo runs this binary as `cargo-knit knit ...`.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let (args, program_args) = knit_cli::cargo::split_program_args(std::env::args().collect());
    // `-q`/`-v` go on to cargo and set knit's own level too.
    use knit_guest_build::report::{Level, set_level};
    if args.iter().any(|a| a == "-q" || a == "--quiet") {
        set_level(Level::Quiet);
    } else if args.iter().any(|a| a == "-v" || a == "--verbose") {
        set_level(Level::Verbose);
    }
    let cli = knit_cli::cargo::CargoCli::parse_from(args);
    match knit_cli::cargo::run(cli, program_args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            knit_cli::report_error(&err);
            std::process::ExitCode::FAILURE
        }
    }
}
