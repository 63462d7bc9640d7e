//! Componentizing a ~64 KB wasip1 module with knit's adapter beside the same
//! work with wasmtime's adapter (`wasi-preview1-component-adapter-provider`).
//! Prints median times; fails only if knit is clearly slower than upstream.
//! (Test builds optimise dependencies at opt-level 1, so absolute times are
//! higher than a release build's.)

mod common;

use knit_componentize::{AdapterChoice, Options, componentize};
use std::time::{Duration, Instant};
use wasi_preview1_component_adapter_provider as upstream;

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    f(); // warm up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

#[test]
fn componentize_speed_beside_upstream() {
    let module = common::program("hello");
    let ours = Options::default();
    let theirs = Options {
        adapter: AdapterChoice::Custom(upstream::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER.to_vec()),
        ..Options::default()
    };
    let knit = median(|| drop(componentize(&module, &ours).unwrap()), 21);
    let wasmtime = median(|| drop(componentize(&module, &theirs).unwrap()), 21);
    println!(
        "componentize {} KB module: knit adapter {:.2} ms, wasmtime adapter {:.2} ms",
        module.len() / 1024,
        knit.as_secs_f64() * 1e3,
        wasmtime.as_secs_f64() * 1e3
    );
    assert!(
        knit <= wasmtime * 3 / 2,
        "knit {knit:?} vs wasmtime {wasmtime:?}"
    );
}
