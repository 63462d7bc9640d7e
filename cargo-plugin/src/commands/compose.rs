//! `knit compose` (in progress).

/// Arguments of `knit compose`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `knit compose`.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("`knit compose` is not implemented yet")
}
