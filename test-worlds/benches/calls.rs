//! Call overhead of knit's guest and host bindings beside the pair they replace: the same guest
//! built with wit-bindgen and called through wasmtime's `bindgen!`. Rows: an empty call, a 1 KiB
//! string round trip, a list of 10,000 small records, and a resource create/call/drop cycle.
//!
//! `cargo bench -p knit-test-worlds --bench calls` builds the guests (`test-worlds/bench/`) and
//! prints the time per call of each and the ratio knit / pair (below 1.00 means knit is faster). A
//! third column runs the wit-bindgen guest through knit's host bindings, separating the host
//! bindings' share from the guest bindings'. A fourth runs the Go guest (`bench/go-guest`, built
//! with knit's Go path, `knit_guest_build::go`) through knit's host bindings; it is a different
//! language, so it has no ratio.
//! Each row keeps the best of several rounds, which is the least disturbed by other work; the sides
//! take turns within every round. A second table counts the wasm instructions each guest executes
//! per call (wasmtime fuel), which does not depend on the machine's load.
//!
//! `KNIT_BENCH_GO_BINDINGS=<folder>` also builds the Go guest against the Go bindings in that
//! folder (generated elsewhere, for the import path `knit.bench/calls/bindings`, e.g. by an older
//! `knit bindgen go`) and adds its instruction counts to the second table: the before/after of a
//! Go generator change, with everything else the same. `bench/go-before.sh` does this for the
//! commit before the Go fast path for canonical-layout lists.

use anyhow::{Context, Result, bail};
use knit_bindgen_core::files::write_atomic;
use knit_guest_build::go::{BuildGo, build};
use knit_guest_build::lock::BuildLock;
use knit_test_worlds::{Host, copy_sources};
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

/// Builds the Go guest (`bench/go-guest`) with knit's Go path into `<guest target>/bench/<name>`
/// and returns the component's path. With `bindings`, the guest is compiled against the Go
/// bindings in that folder instead of the ones generated now (see [`main`]'s doc).
fn build_go_guest(name: &str, bindings: Option<&Path>) -> Result<PathBuf> {
    let bench = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench");
    let root = knit_test_worlds::guest_target_dir();
    // One Go build at a time on this shared machine, the runtime tests' Go builds included.
    let _lock = BuildLock::acquire(&root.join("go/.build.lock"))?;
    let dir = root.join("bench").join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    copy_sources(&bench.join("go-guest"), &dir)?;
    // `build` always writes freshly generated bindings into the folder it is given. With other
    // bindings, those go to `bindings/` (the folder the guest imports) and the fresh ones to a
    // folder no package imports, so `go build .` never compiles them; the Go build, the adapter
    // and the componentizing are `build`'s either way.
    let generated = match bindings {
        None => "bindings",
        Some(given) => {
            copy_tree(given, &dir.join("bindings"))?;
            "unused-current-bindings"
        }
    };
    let built = build(&BuildGo {
        dir: dir.clone(),
        wit: vec![bench.join("wit")],
        world: None,
        bindings: generated.into(),
        install_go: true,
    })
    .with_context(|| format!("building the Go benchmark guest `{name}`"))?;
    let out = root.join("bench").join(format!("{name}.component.wasm"));
    write_atomic(&out, &built.component)?;
    Ok(out)
}

/// Copies the folder `from` into `to`, subfolders included.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    copy_sources(from, to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    }
    Ok(())
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

/// One row of results: knit guest + knit host, wit-bindgen guest + knit host, the pair, and the
/// Go guest + knit host.
struct Row {
    name: &'static str,
    knit: Duration,
    mixed: Duration,
    pair: Duration,
    go: Duration,
}

impl Row {
    fn new(name: &'static str, times: Vec<Duration>) -> Row {
        Row {
            name,
            knit: times[0],
            mixed: times[1],
            pair: times[2],
            go: times[3],
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

/// Calls made before counting, so that one-time setup is not counted.
const WARM_UP_CALLS: u32 = 3;
/// Calls counted per row.
const COUNTED_CALLS: u32 = 10;

/// The instructions per call of one row over [`COUNTED_CALLS`] calls: their mean, and the fewest
/// and most of any one call. The Rust guests run the same count on every call; the Go guest's
/// differ a little from call to call (the Go runtime's memory management).
#[derive(Clone, Copy)]
struct Count {
    mean: u64,
    min: u64,
    max: u64,
}

/// Wasm instructions each guest executes per call of each row, counted with wasmtime's fuel
/// (host code, including the host bindings, uses none). Deterministic, unlike wall-clock time.
/// Every guest runs through knit's host bindings; rows in the order of [`main`]'s table. Each row
/// gets an instance of its own, so no row's count depends on the rows before it. Few calls per
/// row: a Go export that allocates fails once enough has been allocated (the old bindings' `sum`
/// allocates 240 KB a call and traps after about 30 calls; see docs/benchmarks.md).
fn guest_instructions(wasm: &Path, text: &str, points: &[Point]) -> Result<Vec<Count>> {
    let mut config = wasmtime::Config::new();
    config.consume_fuel(true);
    let engine = wasmtime::Engine::new(&config)?;
    let component = wasmtime::component::Component::from_file(&engine, wasm)?;
    let mut linker = wasmtime::component::Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    type Body<'a> = &'a dyn Fn(
        &knit_side::exports::knit::bench::calls::Guest,
        &mut wasmtime::Store<Counted>,
    ) -> wasmtime::Result<()>;
    let count = |body: Body<'_>| -> Result<Count> {
        let state = Counted {
            wasi: WasiCtx::builder().build(),
            table: ResourceTable::new(),
        };
        let mut store = wasmtime::Store::new(&engine, state);
        store.set_fuel(u64::MAX)?;
        let bench = knit_side::Bench::instantiate(&mut store, &component, &linker)?;
        let calls = bench.knit_bench_calls();
        for _ in 0..WARM_UP_CALLS {
            body(calls, &mut store)?;
        }
        let (mut total, mut min, mut max) = (0, u64::MAX, 0);
        for _ in 0..COUNTED_CALLS {
            let before = store.get_fuel()?;
            body(calls, &mut store)?;
            let used = before - store.get_fuel()?;
            total += used;
            min = min.min(used);
            max = max.max(used);
        }
        let calls = u64::from(COUNTED_CALLS);
        Ok(Count {
            mean: (total + calls / 2) / calls,
            min,
            max,
        })
    };
    Ok(vec![
        count(&|c, s| c.call_empty(s))?,
        count(&|c, s| c.call_echo(s, text).map(drop))?,
        count(&|c, s| c.call_sum(s, points).map(drop))?,
        count(&|c, s| {
            let counter = c.counter().call_constructor(&mut *s, 1)?;
            c.counter().call_bump(&mut *s, counter)?;
            counter.resource_drop(&mut *s)
        })?,
    ])
}

/// A Go count for the table: the mean per call, then the range of single calls when they differ.
fn go_cell(count: Count) -> String {
    if count.min == count.max {
        count.mean.to_string()
    } else {
        format!("{} ({}-{})", count.mean, count.min, count.max)
    }
}

fn main() -> Result<()> {
    // `cargo test --benches` runs this binary with `--bench` absent; measure only under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("calls benchmark: run it with `cargo bench -p knit-test-worlds --bench calls`");
        return Ok(());
    }
    let (knit_wasm, pair_wasm) = build_guests()?;
    let go_wasm = build_go_guest("go-guest", None)?;
    let before = std::env::var_os("KNIT_BENCH_GO_BINDINGS").map(PathBuf::from);
    let go_before_wasm = match &before {
        Some(bindings) => Some(build_go_guest("go-guest-given-bindings", Some(bindings))?),
        None => None,
    };
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
    let mut g: Host = Host::new(&go_wasm)?;
    let go = knit_side::Bench::instantiate(&mut g.store, &g.component, &g.linker)?;
    let gc = go.knit_bench_calls();

    // Every side must compute the same answers before its speed means anything.
    anyhow::ensure!(
        kc.call_echo(&mut k.store, &text)? == text
            && pc.call_echo(&mut p.store, &text)? == text
            && gc.call_echo(&mut g.store, &text)? == text
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
            && gc.call_sum(&mut g.store, &varied)? == expected
            && gc.call_sum(&mut g.store, &knit_points)? == 10_000
            && kc.call_sum(&mut k.store, &knit_points)? == 10_000
            && pc.call_sum(&mut p.store, &pair_points)? == 10_000
    );
    let made = kc.call_points(&mut k.store, 300)?;
    anyhow::ensure!(
        made == mc.call_points(&mut m.store, 300)?
            && made == gc.call_points(&mut g.store, 300)?
            && made.len() == 300
            && made
                .iter()
                .enumerate()
                .all(|(i, p)| { p.x == i as i32 && p.y == -(i as i32) && p.tag == i as u8 })
    );
    if let Some(wasm) = &go_before_wasm {
        let mut b: Host = Host::new(wasm)?;
        let given = knit_side::Bench::instantiate(&mut b.store, &b.component, &b.linker)?;
        let bc = given.knit_bench_calls();
        anyhow::ensure!(
            bc.call_echo(&mut b.store, &text)? == text
                && bc.call_sum(&mut b.store, &varied)? == expected
                && bc.call_sum(&mut b.store, &knit_points)? == 10_000
                && bc.call_points(&mut b.store, 300)? == made,
            "the Go guest built against the given bindings computes different answers"
        );
    }

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
                    &mut || gc.call_empty(&mut g.store),
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
                    &mut || gc.call_echo(&mut g.store, &text).map(drop),
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
                    &mut || gc.call_sum(&mut g.store, &knit_points).map(drop),
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
                    &mut || {
                        let counter = gc.counter().call_constructor(&mut g.store, 1)?;
                        gc.counter().call_bump(&mut g.store, counter)?;
                        counter.resource_drop(&mut g.store)
                    },
                ],
            )?,
        ),
    ];
    let knit_counts = guest_instructions(&knit_wasm, &text, &knit_points)?;
    let pair_counts = guest_instructions(&pair_wasm, &text, &knit_points)?;
    let go_counts = guest_instructions(&go_wasm, &text, &knit_points)?;
    let go_before_counts = match &go_before_wasm {
        Some(wasm) => Some(guest_instructions(wasm, &text, &knit_points)?),
        None => None,
    };
    println!(
        "\n{:<26} {:>10} {:>12} {:>6}   {:>12} {:>6}   {:>10}",
        "call", "knit", "wit-bindgen", "ratio", "knit host", "ratio", "knit Go"
    );
    for row in &rows {
        let ratio = row.knit.as_secs_f64() / row.pair.as_secs_f64();
        let host_ratio = row.mixed.as_secs_f64() / row.pair.as_secs_f64();
        println!(
            "{:<26} {:>10.2?} {:>12.2?} {:>6.2}   {:>12.2?} {:>6.2}   {:>10.2?}",
            row.name, row.knit, row.pair, ratio, row.mixed, host_ratio, row.go
        );
    }
    println!(
        "knit: knit guest + knit host; wit-bindgen: wit-bindgen guest + wasmtime bindgen!;\n\
         knit host: the wit-bindgen guest through knit's host bindings (the host bindings' share);\n\
         knit Go: the Go guest (knit's Go bindings) through knit's host bindings (no ratio: another \
         language)."
    );
    print!(
        "\n{:<26} {:>10} {:>12} {:>6}   {:>26}",
        "guest wasm instructions", "knit", "wit-bindgen", "ratio", "knit Go"
    );
    if go_before_counts.is_some() {
        print!("   {:>26} {:>6}", "Go, given bindings", "ratio");
    }
    println!();
    for (i, row) in rows.iter().enumerate() {
        let (knit, pair, go) = (knit_counts[i], pair_counts[i], go_counts[i]);
        anyhow::ensure!(
            knit.min == knit.max && pair.min == pair.max,
            "a Rust guest's instruction count changed from call to call"
        );
        print!(
            "{:<26} {:>10} {:>12} {:>6.2}   {:>26}",
            row.name,
            knit.mean,
            pair.mean,
            knit.mean as f64 / pair.mean as f64,
            go_cell(go)
        );
        if let Some(given) = &go_before_counts {
            print!(
                "   {:>26} {:>6.2}",
                go_cell(given[i]),
                go.mean as f64 / given[i].mean as f64
            );
        }
        println!();
    }
    println!(
        "per call, counted with wasmtime fuel (host code is not counted): the mean of \
         {COUNTED_CALLS} calls after {WARM_UP_CALLS}\nuncounted ones; for Go, the fewest-most of \
         one call in brackets when calls differ."
    );
    if let Some(bindings) = &before {
        println!(
            "Go, given bindings: the same Go guest built against the bindings in {};\n\
             ratio: knit Go / given bindings.",
            bindings.display()
        );
    }
    Ok(())
}
