//! Call overhead of knit's guest and host bindings beside the pair they replace: the same guest
//! built with wit-bindgen and called through wasmtime's `bindgen!`. Rows: an empty call, a 1 KiB
//! string round trip, a list of 10,000 small records, and a resource create/call/drop cycle.
//!
//! `cargo bench -p knit-test-worlds --bench calls` builds both guests (`test-worlds/bench/`) and
//! prints the time per call of each and the ratio knit / pair (below 1.00 means knit is faster). A
//! third column runs the wit-bindgen guest through knit's host bindings, separating the host
//! bindings' share from the guest bindings'.
//! Each row keeps the best of several rounds, which is the least disturbed by other work.

use anyhow::{Context, Result, bail};
use knit_test_worlds::Host;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod knit_side {
    knit_macros::host!({ path: "bench/wit" });
}

mod pair_side {
    wasmtime::component::bindgen!({ path: "bench/wit", world: "bench" });
}

/// Builds both benchmark guests in release mode and returns their paths (knit's, wit-bindgen's).
fn build_guests() -> Result<(PathBuf, PathBuf)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/Cargo.toml");
    let target = knit_test_worlds::guest_target_dir().join("bench");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--release",
            "--target=wasm32-wasip2",
            "--manifest-path",
        ])
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .status()
        .context("running cargo for the benchmark guests")?;
    if !status.success() {
        bail!("building the benchmark guests failed");
    }
    let dir = target.join("wasm32-wasip2/release");
    Ok((
        dir.join("bench_knit_guest.wasm"),
        dir.join("bench_wit_bindgen_guest.wasm"),
    ))
}

/// The best time per iteration over `rounds` rounds of `iterations` runs of `body`.
fn measure(
    rounds: u32,
    iterations: u32,
    mut body: impl FnMut() -> wasmtime::Result<()>,
) -> Result<Duration> {
    for _ in 0..iterations / 10 + 1 {
        body()?;
    }
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..iterations {
            body()?;
        }
        best = best.min(start.elapsed() / iterations);
    }
    Ok(best)
}

/// One row of results: knit guest + knit host, wit-bindgen guest + knit host, and the pair.
struct Row {
    name: &'static str,
    knit: Duration,
    mixed: Duration,
    pair: Duration,
}

fn main() -> Result<()> {
    // `cargo test --benches` runs this binary with `--bench` absent; measure only under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("calls benchmark: run it with `cargo bench -p knit-test-worlds --bench calls`");
        return Ok(());
    }
    let (knit_wasm, pair_wasm) = build_guests()?;
    let text = "x".repeat(1024);
    let knit_points: Vec<knit_side::exports::knit::bench::calls::Point> = (0..10_000)
        .map(|i| knit_side::exports::knit::bench::calls::Point {
            x: i,
            y: -i,
            tag: 1,
        })
        .collect();
    let pair_points: Vec<pair_side::exports::knit::bench::calls::Point> = (0..10_000)
        .map(|i| pair_side::exports::knit::bench::calls::Point {
            x: i,
            y: -i,
            tag: 1,
        })
        .collect();

    let mut k: Host = Host::new(&knit_wasm)?;
    let knit = knit_side::Bench::instantiate(&mut k.store, &k.component, &k.linker)?;
    let kc = knit.knit_bench_calls();
    let mut m: Host = Host::new(&pair_wasm)?;
    let mixed = knit_side::Bench::instantiate(&mut m.store, &m.component, &m.linker)?;
    let mc = mixed.knit_bench_calls();
    let mut p: Host = Host::new(&pair_wasm)?;
    let pair = pair_side::Bench::instantiate(&mut p.store, &p.component, &p.linker)?;
    let pc = pair.knit_bench_calls();

    // Both sides must compute the same answers before their speed means anything.
    anyhow::ensure!(
        kc.call_echo(&mut k.store, &text)? == text && pc.call_echo(&mut p.store, &text)? == text
    );
    anyhow::ensure!(
        kc.call_sum(&mut k.store, &knit_points)? == 10_000
            && pc.call_sum(&mut p.store, &pair_points)? == 10_000
    );

    let rounds = 5;
    let rows = [
        Row {
            name: "empty call",
            knit: measure(rounds, 100_000, || kc.call_empty(&mut k.store))?,
            mixed: measure(rounds, 100_000, || mc.call_empty(&mut m.store))?,
            pair: measure(rounds, 100_000, || pc.call_empty(&mut p.store))?,
        },
        Row {
            name: "1 KiB string round trip",
            knit: measure(rounds, 50_000, || {
                kc.call_echo(&mut k.store, &text).map(drop)
            })?,
            mixed: measure(rounds, 50_000, || {
                mc.call_echo(&mut m.store, &text).map(drop)
            })?,
            pair: measure(rounds, 50_000, || {
                pc.call_echo(&mut p.store, &text).map(drop)
            })?,
        },
        Row {
            name: "list of 10,000 records",
            knit: measure(rounds, 300, || {
                kc.call_sum(&mut k.store, &knit_points).map(drop)
            })?,
            mixed: measure(rounds, 300, || {
                mc.call_sum(&mut m.store, &knit_points).map(drop)
            })?,
            pair: measure(rounds, 300, || {
                pc.call_sum(&mut p.store, &pair_points).map(drop)
            })?,
        },
        Row {
            name: "resource create/call/drop",
            knit: measure(rounds, 30_000, || {
                let counter = kc.counter().call_constructor(&mut k.store, 1)?;
                kc.counter().call_bump(&mut k.store, counter)?;
                counter.resource_drop(&mut k.store)
            })?,
            mixed: measure(rounds, 30_000, || {
                let counter = mc.counter().call_constructor(&mut m.store, 1)?;
                mc.counter().call_bump(&mut m.store, counter)?;
                counter.resource_drop(&mut m.store)
            })?,
            pair: measure(rounds, 30_000, || {
                let counter = pc.counter().call_constructor(&mut p.store, 1)?;
                pc.counter().call_bump(&mut p.store, counter)?;
                counter.resource_drop(&mut p.store)
            })?,
        },
    ];
    println!(
        "\n{:<26} {:>10} {:>12} {:>6}   {:>12} {:>6}",
        "call", "knit", "wit-bindgen", "ratio", "knit host", "ratio"
    );
    for row in &rows {
        let ratio = row.knit.as_secs_f64() / row.pair.as_secs_f64();
        let host_ratio = row.mixed.as_secs_f64() / row.pair.as_secs_f64();
        println!(
            "{:<26} {:>10.2?} {:>12.2?} {:>6.2}   {:>12.2?} {:>6.2}",
            row.name, row.knit, row.pair, ratio, row.mixed, host_ratio
        );
    }
    println!(
        "knit: knit guest + knit host; wit-bindgen: wit-bindgen guest + wasmtime bindgen!;\n\
         knit host: the wit-bindgen guest through knit's host bindings (the host bindings' share)."
    );
    Ok(())
}
