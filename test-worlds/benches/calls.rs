//! Call overhead of knit's guest and host bindings beside the pair they replace: the same guest
//! built with wit-bindgen and called through wasmtime's `bindgen!`. Rows: an empty call, a 1 KiB
//! string round trip, a list of 10,000 small records, and a resource create/call/drop cycle.
//!
//! `cargo bench -p knit-test-worlds --bench calls` builds both guests (`test-worlds/bench/`) and
//! prints the time per call of each and the ratio knit / pair (below 1.00 means knit is faster). A
//! third column runs the wit-bindgen guest through knit's host bindings, separating the host
//! bindings' share from the guest bindings'.
//! Each row keeps the best of several rounds, which is the least disturbed by other work; the sides
//! take turns within every round. A second table counts the wasm instructions each guest executes
//! per call (wasmtime fuel), which does not depend on the machine's load.

use anyhow::{Context, Result, bail};
use knit_test_worlds::Host;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

mod knit_side {
    knit_macros::host!({ path: "bench/wit" });
}

use knit_side::exports::knit::bench::calls::Point;

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

/// One side of a row: a name and a call to time.
type Side<'a> = &'a mut dyn FnMut() -> wasmtime::Result<()>;

/// The best time per iteration of each side over `rounds` rounds of `iterations` runs. The sides
/// take turns within each round, and the order rotates from round to round, so a burst of other
/// work on this shared machine disturbs every side alike instead of whichever ran during it.
fn measure(rounds: u32, iterations: u32, sides: &mut [Side<'_>]) -> Result<Vec<Duration>> {
    for side in sides.iter_mut() {
        for _ in 0..iterations / 10 + 1 {
            side()?;
        }
    }
    let mut best = vec![Duration::MAX; sides.len()];
    for round in 0..rounds as usize {
        for turn in 0..sides.len() {
            let index = (round + turn) % sides.len();
            let side = &mut sides[index];
            let start = Instant::now();
            for _ in 0..iterations {
                side()?;
            }
            best[index] = best[index].min(start.elapsed() / iterations);
        }
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

impl Row {
    fn new(name: &'static str, times: Vec<Duration>) -> Row {
        Row {
            name,
            knit: times[0],
            mixed: times[1],
            pair: times[2],
        }
    }
}

/// A store whose guest pays one unit of fuel per wasm instruction, for counting instructions.
struct Counted {
    wasi: WasiCtx,
    table: ResourceTable,
}

impl WasiView for Counted {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Wasm instructions each guest executes per call of each row, counted with wasmtime's fuel
/// (host code, including the host bindings, uses none). Deterministic, unlike wall-clock time.
/// Both guests run through knit's host bindings; rows in the order of [`main`]'s table.
fn guest_instructions(wasm: &Path, text: &str, points: &[Point]) -> Result<Vec<u64>> {
    let mut config = wasmtime::Config::new();
    config.consume_fuel(true);
    let engine = wasmtime::Engine::new(&config)?;
    let component = wasmtime::component::Component::from_file(&engine, wasm)?;
    let mut linker = wasmtime::component::Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    let state = Counted {
        wasi: WasiCtx::builder().build(),
        table: ResourceTable::new(),
    };
    let mut store = wasmtime::Store::new(&engine, state);
    store.set_fuel(u64::MAX)?;
    let bench = knit_side::Bench::instantiate(&mut store, &component, &linker)?;
    let calls = bench.knit_bench_calls();
    fn count(
        store: &mut wasmtime::Store<Counted>,
        body: &mut dyn FnMut(&mut wasmtime::Store<Counted>) -> wasmtime::Result<()>,
    ) -> Result<u64> {
        body(store)?; // the first call may set things up once
        let before = store.get_fuel()?;
        body(store)?;
        Ok(before - store.get_fuel()?)
    }
    Ok(vec![
        count(&mut store, &mut |s| calls.call_empty(s))?,
        count(&mut store, &mut |s| calls.call_echo(s, text).map(drop))?,
        count(&mut store, &mut |s| calls.call_sum(s, points).map(drop))?,
        count(&mut store, &mut |s| {
            let counter = calls.counter().call_constructor(&mut *s, 1)?;
            calls.counter().call_bump(&mut *s, counter)?;
            counter.resource_drop(&mut *s)
        })?,
    ])
}

fn main() -> Result<()> {
    // `cargo test --benches` runs this binary with `--bench` absent; measure only under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("calls benchmark: run it with `cargo bench -p knit-test-worlds --bench calls`");
        return Ok(());
    }
    let (knit_wasm, pair_wasm) = build_guests()?;
    let text = "x".repeat(1024);
    let knit_points: Vec<Point> = (0..10_000)
        .map(|i| Point {
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
    let varied: Vec<Point> = (0..1000)
        .map(|i| Point {
            x: i * 3,
            y: 7 - i,
            tag: (i % 251) as u8,
        })
        .collect();
    let expected: i64 = varied
        .iter()
        .map(|p| p.x as i64 + p.y as i64 + p.tag as i64)
        .sum();
    anyhow::ensure!(
        kc.call_sum(&mut k.store, &varied)? == expected
            && mc.call_sum(&mut m.store, &varied)? == expected
            && kc.call_sum(&mut k.store, &knit_points)? == 10_000
            && pc.call_sum(&mut p.store, &pair_points)? == 10_000
    );
    let made = kc.call_points(&mut k.store, 300)?;
    anyhow::ensure!(
        made == mc.call_points(&mut m.store, 300)?
            && made.len() == 300
            && made
                .iter()
                .enumerate()
                .all(|(i, p)| { p.x == i as i32 && p.y == -(i as i32) && p.tag == i as u8 })
    );

    // Many short rounds: the best of them is the least disturbed by the other work on the machine.
    let rounds = 40;
    let rows = [
        Row::new(
            "empty call",
            measure(
                rounds,
                20_000,
                &mut [
                    &mut || kc.call_empty(&mut k.store),
                    &mut || mc.call_empty(&mut m.store),
                    &mut || pc.call_empty(&mut p.store),
                ],
            )?,
        ),
        Row::new(
            "1 KiB string round trip",
            measure(
                rounds,
                15_000,
                &mut [
                    &mut || kc.call_echo(&mut k.store, &text).map(drop),
                    &mut || mc.call_echo(&mut m.store, &text).map(drop),
                    &mut || pc.call_echo(&mut p.store, &text).map(drop),
                ],
            )?,
        ),
        Row::new(
            "list of 10,000 records",
            measure(
                rounds,
                50,
                &mut [
                    &mut || kc.call_sum(&mut k.store, &knit_points).map(drop),
                    &mut || mc.call_sum(&mut m.store, &knit_points).map(drop),
                    &mut || pc.call_sum(&mut p.store, &pair_points).map(drop),
                ],
            )?,
        ),
        Row::new(
            "resource create/call/drop",
            measure(
                rounds,
                6_000,
                &mut [
                    &mut || {
                        let counter = kc.counter().call_constructor(&mut k.store, 1)?;
                        kc.counter().call_bump(&mut k.store, counter)?;
                        counter.resource_drop(&mut k.store)
                    },
                    &mut || {
                        let counter = mc.counter().call_constructor(&mut m.store, 1)?;
                        mc.counter().call_bump(&mut m.store, counter)?;
                        counter.resource_drop(&mut m.store)
                    },
                    &mut || {
                        let counter = pc.counter().call_constructor(&mut p.store, 1)?;
                        pc.counter().call_bump(&mut p.store, counter)?;
                        counter.resource_drop(&mut p.store)
                    },
                ],
            )?,
        ),
    ];
    let knit_counts = guest_instructions(&knit_wasm, &text, &knit_points)?;
    let pair_counts = guest_instructions(&pair_wasm, &text, &knit_points)?;
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
    println!(
        "\n{:<26} {:>10} {:>12} {:>6}",
        "guest wasm instructions", "knit", "wit-bindgen", "ratio"
    );
    for ((row, knit), pair) in rows.iter().zip(&knit_counts).zip(&pair_counts) {
        println!(
            "{:<26} {:>10} {:>12} {:>6.2}",
            row.name,
            knit,
            pair,
            *knit as f64 / *pair as f64
        );
    }
    println!("per call, counted with wasmtime fuel; host code is not counted.");
    Ok(())
}
