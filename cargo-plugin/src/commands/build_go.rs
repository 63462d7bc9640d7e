//! `knit build-go`: builds a Go program into a component in one step (bindings, `go build` for
//! `GOOS=wasip1 GOARCH=wasm`, knit's adapter); the work is `knit_guest_build::go`.

use anyhow::Result;
use knit_bindgen_core::files::write_atomic;
use knit_guest_build::go::{BuildGo, build};
use std::path::PathBuf;

/// Arguments of `knit build-go`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Go module folder (with `go.mod` and the `main` package).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// WIT inputs (default: `<DIR>/wit` when it exists, else `<DIR>/test.wit` or `<DIR>/world.wit`).
    #[arg(long)]
    pub wit: Vec<PathBuf>,
    /// The world (needed when the WIT defines several).
    #[arg(long, short)]
    pub world: Option<String>,
    /// Folder, inside DIR, the bindings are written to.
    #[arg(long, default_value = "bindings")]
    pub bindings: String,
    /// Where to write the component.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Runs `knit build-go`.
pub fn run(args: Args) -> Result<()> {
    let built = build(&BuildGo {
        dir: args.dir,
        wit: args.wit,
        world: args.world,
        bindings: args.bindings,
        install_go: false,
    })?;
    write_atomic(&args.output, &built.component)?;
    println!(
        "wrote {} ({} bytes; core module {} bytes)",
        args.output.display(),
        built.component.len(),
        built.core_size
    );
    Ok(())
}
