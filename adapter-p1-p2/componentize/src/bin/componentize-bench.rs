//! `componentize-bench MODULE.wasm [OTHER_ADAPTER.wasm]`: median time to
//! componentize a wasip1 module with knit's adapter and, when given, with
//! another adapter module (e.g. wasmtime's), for release-build numbers:
//! `cargo run --release -p knit-componentize --bin componentize-bench -- ...`.

use knit_componentize::{AdapterChoice, Options, componentize};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn median_ms(core: &[u8], opts: &Options) -> anyhow::Result<f64> {
    componentize(core, opts)?;
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..51 {
        let t = Instant::now();
        componentize(core, opts)?;
        times.push(t.elapsed());
    }
    times.sort();
    Ok(times[times.len() / 2].as_secs_f64() * 1e3)
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(module) = args.next() else {
        anyhow::bail!("usage: componentize-bench MODULE.wasm [OTHER_ADAPTER.wasm]");
    };
    let core = std::fs::read(&module)?;
    let knit = median_ms(&core, &Options::default())?;
    println!(
        "{module} ({} KB): knit adapter {knit:.3} ms",
        core.len() / 1024
    );
    if let Some(other) = args.next() {
        let opts = Options {
            adapter: AdapterChoice::Custom(std::fs::read(&other)?),
            ..Options::default()
        };
        println!("{module}: {other} {:.3} ms", median_ms(&core, &opts)?);
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
