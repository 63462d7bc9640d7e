//! `knit bindgen <language>` (in progress).

/// The languages `knit bindgen` generates for.
#[derive(Debug, clap::Subcommand)]
pub enum Args {}

/// Runs `knit bindgen`.
pub fn run(args: Args) -> anyhow::Result<()> {
    match args {}
}
