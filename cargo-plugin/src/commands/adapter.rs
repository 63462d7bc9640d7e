//! `knit adapter` (in progress).

/// Arguments of `knit adapter`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `knit adapter`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`knit adapter` is not implemented yet")
}
