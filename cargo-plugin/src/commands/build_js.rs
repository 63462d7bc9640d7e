//! `knit build-js`: builds a JavaScript or TypeScript module into a component in one step (knit's
//! declarations and `tsc --strict` for TypeScript, then ComponentizeJS or componentize-qjs); the
//! work is `knit_guest_build::js`.

use crate::inspect::{human_size, imports_summary};
use anyhow::Result;
use knit_bindgen_core::files::write_atomic;
use knit_guest_build::js::{BuildJs, Engine, build, engine_flag};
use std::path::PathBuf;

/// The engine that runs the JavaScript inside the component.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum EngineArg {
    /// SpiderMonkey through StarlingMonkey (`@bytecodealliance/componentize-js`): full modern
    /// JavaScript, components of about 12 MB.
    Starlingmonkey,
    /// QuickJS (`componentize-qjs`): components of about 1.5 MB; 64-bit integers are `number`
    /// and `option` none is `null`.
    Quickjs,
}

impl From<EngineArg> for Engine {
    fn from(engine: EngineArg) -> Engine {
        match engine {
            EngineArg::Starlingmonkey => Engine::StarlingMonkey,
            EngineArg::Quickjs => Engine::QuickJs,
        }
    }
}

/// Arguments of `knit build-js`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A `.js`/`.mjs`/`.ts`/`.mts` module, or a folder whose package.json names one (`main`).
    pub source: PathBuf,
    /// WIT inputs: folders, files, wasm packages or components (default: `wit/`, `world.wit` or
    /// `test.wit` beside the source).
    #[arg(long)]
    pub wit: Vec<PathBuf>,
    /// The world (needed when the WIT defines several).
    #[arg(long, short)]
    pub world: Option<String>,
    /// The JavaScript engine.
    #[arg(long, value_enum, default_value = "starlingmonkey")]
    pub engine: EngineArg,
    /// Import no WASI at all: console output, clocks and randomness are left out (QuickJS: they
    /// trap), for a pure component that only imports what its world names.
    #[arg(long)]
    pub no_wasi: bool,
    /// Where to write the component.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// Runs `knit build-js`.
pub fn run(args: Args) -> Result<()> {
    let engine = Engine::from(args.engine);
    let built = build(&BuildJs {
        source: args.source,
        wit: args.wit,
        world: args.world,
        engine,
        wasi: !args.no_wasi,
    })?;
    write_atomic(&args.output, &built.component)?;
    let summary = imports_summary(&built.component)?;
    knit_guest_build::report::status(&format!(
        "{:>12} {} ({}) → {} ({}); imports {summary}",
        "Component",
        built.entry.display(),
        engine_flag(engine),
        args.output.display(),
        human_size(built.component.len() as u64),
    ));
    Ok(())
}
