//! `cargo knit`: cargo runs this binary as `cargo-knit knit ...`.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let (args, program_args) = knit_cli::cargo::split_program_args(std::env::args().collect());
    let cli = knit_cli::cargo::CargoCli::parse_from(args);
    match knit_cli::cargo::run(cli, program_args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            knit_cli::report_error(&err);
            std::process::ExitCode::FAILURE
        }
    }
}
