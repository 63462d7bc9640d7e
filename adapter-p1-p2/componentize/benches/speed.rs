//! Componentizing the ~64 KB Rust `hello` wasip1 fixture with knit's adapter beside the same work
//! with wasmtime's adapter (`wasi-preview1-component-adapter-provider`): prints the median time of
//! each and their ratio. A benchmark, not a test: timings depend on the machine, so it asserts
//! nothing about them (it only checks that both adapters succeed).
//!
//! `cargo bench -p knit-componentize --bench speed`. For a single module of your own, with any
//! adapter module, see the `componentize-bench` binary.

#[path = "../tests/common/mod.rs"]
mod common;

use knit_componentize::{AdapterChoice, Options, componentize};
use std::time::{Duration, Instant};
use wasi_preview1_component_adapter_provider as upstream;

/// The median of `runs` timed calls of `f`, after one untimed warm-up call.
fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    // `cargo test --benches` runs this binary without `--bench`; measure only under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("speed benchmark: run it with `cargo bench -p knit-componentize --bench speed`");
        return;
    }
    let module = common::program("hello");
    let ours = Options::default();
    let theirs = Options {
        adapter: AdapterChoice::Custom(upstream::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER.to_vec()),
        ..Options::default()
    };
    let run = |options: &Options| {
        drop(componentize(&module, options).expect("componentizing the hello fixture"))
    };
    let knit = median(|| run(&ours), 51);
    let wasmtime = median(|| run(&theirs), 51);
    println!(
        "componentize the {} KB `hello` fixture, median of 51 runs: knit adapter {:.3} ms, \
         wasmtime's command adapter {:.3} ms, wasmtime/knit = {:.2}x",
        module.len() / 1024,
        knit.as_secs_f64() * 1e3,
        wasmtime.as_secs_f64() * 1e3,
        wasmtime.as_secs_f64() / knit.as_secs_f64()
    );
}
