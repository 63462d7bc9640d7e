//! `knit bindgen ts`: TypeScript declarations for a JavaScript guest, for the engine that will
//! turn it into a component.

use super::bindgen::{OutputArgs, WitArgs};
use anyhow::Result;

/// The JavaScript engine a guest is built with: it decides how some values cross (64-bit
/// integers, `option` none).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Engine {
    /// SpiderMonkey in StarlingMonkey, as ComponentizeJS and `jco componentize` embed it.
    Starlingmonkey,
    /// QuickJS, as componentize-qjs embeds it.
    Quickjs,
}

/// `knit bindgen ts` options.
#[derive(Debug, clap::Args)]
pub struct TsArgs {
    #[command(flatten)]
    wit: WitArgs,
    #[command(flatten)]
    out: OutputArgs,
    /// The engine the declarations describe.
    #[arg(long, value_enum, default_value = "starlingmonkey")]
    engine: Engine,
    /// Also write `<world>.stub.ts`, a guest implementing every export that type-checks.
    #[arg(long)]
    stubs: bool,
}

/// Runs `knit bindgen ts`.
pub fn run(args: TsArgs) -> Result<()> {
    let loaded = args.wit.load()?;
    let options = knit_bindgen_ts::Options {
        engine: match args.engine {
            Engine::Starlingmonkey => knit_bindgen_ts::Engine::StarlingMonkey,
            Engine::Quickjs => knit_bindgen_ts::Engine::QuickJs,
        },
        stubs: args.stubs,
    };
    let files = knit_bindgen_ts::generate(&loaded.resolve, loaded.world, &options)?;
    args.out.emit(&files)
}
