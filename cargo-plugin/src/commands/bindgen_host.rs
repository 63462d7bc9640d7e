//! `knit bindgen host`: typed wasmtime host bindings (the same code `knit_macros::host!` expands to).

use super::bindgen::{OutputArgs, WitArgs};
use anyhow::{Result, bail};

/// `knit bindgen host`: the options of the `host!` macro, as flags.
#[derive(Debug, clap::Args)]
pub struct HostArgs {
    #[command(flatten)]
    wit: WitArgs,
    #[command(flatten)]
    out: OutputArgs,
    /// Make the selected functions async (a function selector: `*`, `ns:pkg/iface`,
    /// `ns:pkg/iface#func`, or a world-level function name). Repeatable.
    #[arg(long = "async", value_name = "SELECTOR")]
    async_: Vec<String>,
    /// Imported functions whose host method returns `wasmtime::Result` (an `Err` traps). Repeatable.
    #[arg(long, value_name = "SELECTOR")]
    trappable: Vec<String>,
    /// Imported functions returning `result<T, E>` whose host method returns
    /// `Result<T, TypedError<E>>`. Repeatable.
    #[arg(long = "typed-errors", value_name = "SELECTOR")]
    typed_errors: Vec<String>,
    /// Use existing bindings: `ns:pkg/iface=rust::path`, `ns:pkg=rust::path` or
    /// `ns:pkg/iface/type=rust::Type`. Repeatable.
    #[arg(long, value_name = "KEY=PATH")]
    with: Vec<String>,
    /// The wasmtime crate's path in generated code.
    #[arg(long, default_value = "wasmtime")]
    wasmtime_crate: String,
}

/// Runs `knit bindgen host`.
pub fn run(args: HostArgs) -> Result<()> {
    let loaded = args.wit.load()?;
    let mut with = std::collections::BTreeMap::new();
    for entry in &args.with {
        let Some((key, value)) = entry.split_once('=') else {
            bail!("--with takes KEY=PATH, got `{entry}`");
        };
        with.insert(key.to_string(), value.to_string());
    }
    let options = knit_bindgen_host::Options {
        async_: args.async_,
        trappable: args.trappable,
        typed_errors: args.typed_errors,
        with,
        wasmtime_crate: Some(args.wasmtime_crate),
        format: true,
    };
    let files = knit_bindgen_host::generate(&loaded.resolve, loaded.world, &options)?;
    args.out.emit(&files)
}
