//! The `knit` and `cargo-knit` command-line front ends.
//!
//! Each subcommand lives in its own module under [`commands`] with a clap `Args` struct and a `run`
//! function; the binaries only parse arguments and dispatch. All real work happens in the library crates.

pub mod commands;

/// Prints an error and its causes to stderr, one per line (no backtrace).
pub fn report_error(err: &anyhow::Error) {
    eprintln!("error: {err}");
    for cause in err.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
}
