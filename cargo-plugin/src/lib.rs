//! The `knit` and `cargo-knit` command-line front ends.
//!
//! Each subcommand lives in its own module under [`commands`] with a clap `Args` struct and a `run`
//! function; the binaries only parse arguments and dispatch. All real work happens in the library crates.

pub mod cargo;
pub mod commands;
pub mod inspect;
pub mod version;

/// Prints an error and its causes to stderr, one per line (no backtrace).
pub fn report_error(err: &anyhow::Error) {
    let message = err.to_string();
    eprintln!("error: {message}");
    let mut said = message;
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        // Errors that already quote their cause are not repeated.
        if !said.contains(&cause) {
            eprintln!("  caused by: {cause}");
            said.push_str(&cause);
        }
    }
}
