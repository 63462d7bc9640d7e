//! `knit componentize` (in progress).

/// Arguments of `knit componentize`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `knit componentize`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`knit componentize` is not implemented yet")
}
