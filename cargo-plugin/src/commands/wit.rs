//! `knit wit COMPONENT`: prints a component's world as WIT.

use std::path::PathBuf;

/// Arguments of `knit wit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The component to describe.
    component: PathBuf,
}

/// Runs `knit wit`.
pub fn run(args: Args) -> anyhow::Result<()> {
    let bytes = crate::inspect::read_component(&args.component)?;
    print!("{}", crate::inspect::world_as_wit(&bytes)?);
    Ok(())
}
