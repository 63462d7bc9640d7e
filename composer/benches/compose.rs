//! Composition benchmarks (plain timing loop; run with `cargo bench -p knit-composer`).
//!
//! 1. a small plug (about 2 KB) into a larger socket (about 80 KB);
//! 2. a chain of 20 components, each importing the previous one's interface.
//!
//! When `wac` is on the PATH the same inputs are also composed with
//! `wac plug` and the ratio is printed; when it is not, the bench says so and
//! prints knit's rows alone. Every row names what each side validates:
//!
//! - `wac plug` checks each input's structure and types as it reads it
//!   (function bodies skipped), and validates the whole output it writes,
//!   function bodies included (wac-graph's `encode` runs wasmparser's
//!   `validate_all` with every feature on, its default).
//! - knit's library (`Composition`, the in-process rows) validates the whole
//!   output, function bodies included, unless `validate_code(false)`: then it
//!   checks the output's structure, types and wiring only.
//! - the `knit compose` command validates structure, types and wiring by
//!   default, and the whole output, function bodies included, with
//!   `--validate-code`.
//!
//! The in-process rows compare knit's library with a wac process. The
//! "processes" rows start the release `knit compose` (`$KNIT`, or
//! `target/release/knit`) and `wac plug` on the same files; the row with
//! `--validate-code` is the one where both sides validate the same thing.

use knit_composer::{Composition, Input};
use std::time::{Duration, Instant};
use wit_component::{ComponentEncoder, StringEncoding, embed_component_metadata};
use wit_parser::Resolve;

fn component(wits: &[String], world: &str, wat: &str) -> Vec<u8> {
    let mut resolve = Resolve::default();
    let mut last = None;
    for (i, wit) in wits.iter().enumerate() {
        last = Some(resolve.push_str(format!("in{i}.wit"), wit).unwrap());
    }
    let world = resolve.select_world(&[last.unwrap()], Some(world)).unwrap();
    let mut module = wat::parse_str(wat).unwrap();
    embed_component_metadata(&mut module, &resolve, world, StringEncoding::UTF8, false).unwrap();
    ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .validate(true)
        .encode()
        .unwrap()
}

const PLUG_WIT: &str = "package bench:plug; interface api { value: func(x: u32) -> u32; }";

/// A socket importing `bench:plug/api`, padded with `functions` internal
/// functions so that it weighs about 80 KB.
fn socket(functions: usize) -> Vec<u8> {
    let mut wat = String::from(
        "(module (import \"bench:plug/api\" \"value\" (func $v (param i32) (result i32)))\n",
    );
    for i in 0..functions {
        wat.push_str(&format!(
            "(func $f{i} (param i32) (result i32) local.get 0 i32.const {i} i32.add i32.const 3 i32.mul i32.const 7 i32.xor)\n"
        ));
    }
    wat.push_str("(table funcref (elem");
    for i in 0..functions {
        wat.push_str(&format!(" $f{i}"));
    }
    wat.push_str("))\n(func (export \"bench:socket/run#run\") (result i32) i32.const 1 call $v))");
    component(
        &[
            PLUG_WIT.to_string(),
            "package bench:socket; interface run { run: func() -> u32; } world socket { import bench:plug/api; export run; }".to_string(),
        ],
        "socket",
        &wat,
    )
}

/// A small plug exporting `bench:plug/api`.
fn plug(functions: usize) -> Vec<u8> {
    let mut wat = String::from("(module\n");
    for i in 0..functions {
        wat.push_str(&format!(
            "(func $f{i} (param i32) (result i32) local.get 0 i32.const {i} i32.add)\n"
        ));
    }
    wat.push_str("(table funcref (elem");
    for i in 0..functions {
        wat.push_str(&format!(" $f{i}"));
    }
    wat.push_str("))\n(func (export \"bench:plug/api#value\") (param i32) (result i32) local.get 0 i32.const 1 i32.add))");
    component(
        &[format!("{PLUG_WIT} world plug {{ export api; }}")],
        "plug",
        &wat,
    )
}

/// Link `i` of a chain: imports `bench:n{i-1}/get` (except the first), exports `bench:n{i}/get`.
fn link(i: usize) -> Vec<u8> {
    let iface = |n: usize| format!("package bench:n{n}; interface get {{ get: func() -> u32; }}");
    if i == 0 {
        return component(
            &[format!("{} world w {{ export get; }}", iface(0))],
            "w",
            "(module (func (export \"bench:n0/get#get\") (result i32) i32.const 1))",
        );
    }
    component(
        &[
            iface(i - 1),
            format!(
                "{} world w {{ import bench:n{}/get; export get; }}",
                iface(i),
                i - 1
            ),
        ],
        "w",
        &format!(
            "(module (import \"bench:n{p}/get\" \"get\" (func $g (result i32)))
               (func (export \"bench:n{i}/get#get\") (result i32) call $g i32.const 1 i32.add))",
            p = i - 1
        ),
    )
}

/// Timing of one benchmark: the median wall-clock time of an iteration and,
/// where the OS reports it, the mean CPU time this thread spent per iteration
/// (a fairer number on a machine busy with other work).
#[derive(Clone, Copy)]
struct Timing {
    median: Duration,
    cpu: Option<Duration>,
}

/// CPU time used by the calling thread so far (Linux only; 10 ms resolution).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs `f` repeatedly for about two seconds.
fn measure(mut f: impl FnMut()) -> Timing {
    for _ in 0..5 {
        f();
    }
    let mut samples = Vec::new();
    let cpu_start = thread_cpu_time();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || samples.len() < 10 {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    let cpu = match (cpu_start, thread_cpu_time()) {
        (Some(a), Some(b)) if b > a => Some((b - a) / samples.len() as u32),
        _ => None,
    };
    samples.sort();
    Timing {
        median: samples[samples.len() / 2],
        cpu,
    }
}

/// Writes the inputs into `dir` and returns the arguments of
/// `<command> ROOT --plug P... -o OUT`.
fn plug_args(
    command: &str,
    dir: &std::path::Path,
    root: &[u8],
    plugs: &[Vec<u8>],
) -> Option<Vec<String>> {
    let root_path = dir.join("root.wasm");
    std::fs::write(&root_path, root).ok()?;
    let mut args = vec![command.to_string(), root_path.display().to_string()];
    for (i, plug) in plugs.iter().enumerate() {
        let path = dir.join(format!("plug{i}.wasm"));
        std::fs::write(&path, plug).ok()?;
        args.push("--plug".into());
        args.push(path.display().to_string());
    }
    args.push("-o".into());
    args.push(
        dir.join(format!("{command}-out.wasm"))
            .display()
            .to_string(),
    );
    Some(args)
}

/// Times `program args` as a process; `None` when it fails.
fn time_process(program: &std::path::Path, args: &[String]) -> Option<Timing> {
    let run = || {
        std::process::Command::new(program)
            .args(args)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    if !run() {
        eprintln!(
            "  ({} {} failed on these inputs; no comparison)",
            program.display(),
            args[0]
        );
        return None;
    }
    Some(measure(|| {
        run();
    }))
}

/// Instructions `program args` executes, counted by callgrind when valgrind
/// is on the PATH: repeatable whatever else the machine is doing.
fn count_instructions(program: &std::path::Path, args: &[String]) -> Option<u64> {
    let valgrind = which("valgrind")?;
    let output = std::process::Command::new(valgrind)
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(program)
        .args(args)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':')
        .next()?
        .trim()
        .replace(',', "")
        .parse()
        .ok()
}

/// `wac plug` on the same inputs, when `wac` is on the PATH.
fn wac_plug(dir: &std::path::Path, root: &[u8], plugs: &[Vec<u8>]) -> Option<Timing> {
    time_process(&which("wac")?, &plug_args("plug", dir, root, plugs)?)
}

/// What `wac plug` validates, for the row labels.
const WAC_VALIDATES: &str = "`wac plug` validates the whole output, function bodies included";

/// The two ways the `knit compose` command is timed: its default, and with
/// `--validate-code` (which validates what `wac plug` validates).
const KNIT_COMMANDS: [(&str, &[&str]); 2] = [
    (
        "`knit compose` validates structure, types and wiring, not function bodies",
        &[],
    ),
    (
        "`knit compose --validate-code` validates the whole output, function bodies included",
        &["--validate-code"],
    ),
];

/// The release `knit` binary: `$KNIT` (set by `test-worlds/bench.sh`), else the
/// one in the target directory when it was built.
fn knit_binary() -> Option<std::path::PathBuf> {
    if let Some(knit) = std::env::var_os("KNIT") {
        return Some(knit.into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    Some(target.join("release/knit")).filter(|p| p.is_file())
}

/// Both command lines on the same files, each including its process start,
/// timed and (with valgrind) counted in instructions, as ratios: one row per
/// way of running `knit compose` ([`KNIT_COMMANDS`]), each beside `wac plug`.
fn report_processes(name: &str, dir: &std::path::Path, root: &[u8], plugs: &[Vec<u8>]) {
    let Some(knit) = knit_binary() else {
        println!(
            "{name} (processes): no release `knit` (build it with `cargo build --release -p cargo-knit`)"
        );
        return;
    };
    let Some(base_args) = plug_args("compose", dir, root, plugs) else {
        return;
    };
    let wac = which("wac");
    let wac_args = plug_args("plug", dir, root, plugs);
    let (wac_time, wac_instructions) = match (&wac, &wac_args) {
        (Some(wac), Some(args)) => (time_process(wac, args), count_instructions(wac, args)),
        _ => (None, None),
    };
    for (validates, extra) in KNIT_COMMANDS {
        let mut knit_args = base_args.clone();
        knit_args.extend(extra.iter().map(|a| a.to_string()));
        let Some(ours) = time_process(&knit, &knit_args) else {
            continue;
        };
        print!(
            "{name} (processes; {validates}): knit {:.3} ms",
            ours.median.as_secs_f64() * 1e3
        );
        if let Some(theirs) = wac_time {
            print!(
                "; {WAC_VALIDATES}: wac {:.3} ms, wac/knit = {:.2}x",
                theirs.median.as_secs_f64() * 1e3,
                theirs.median.as_secs_f64() / ours.median.as_secs_f64()
            );
        }
        println!();
        if let Some(ours) = count_instructions(&knit, &knit_args) {
            print!("{name} (instructions, callgrind; {validates}): knit {ours}");
            if let Some(theirs) = wac_instructions {
                print!(
                    "; wac {theirs}, wac/knit = {:.2}x",
                    theirs as f64 / ours as f64
                );
            }
            println!();
        }
    }
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// Prints one in-process row; `validates` says what knit's side validated.
/// With a `wac` timing (of the process) the ratio is printed too.
fn report(name: &str, validates: &str, ours: Timing, wac: Option<Timing>) {
    print!(
        "{name} (in process; knit's library {validates}): knit {:.3} ms",
        ours.median.as_secs_f64() * 1e3
    );
    if let Some(cpu) = ours.cpu {
        print!(" (cpu {:.3} ms)", cpu.as_secs_f64() * 1e3);
    }
    if let Some(wac) = wac {
        print!(
            "; {WAC_VALIDATES}, as a process: wac {:.3} ms, wac/knit = {:.2}x",
            wac.median.as_secs_f64() * 1e3,
            wac.median.as_secs_f64() / ours.median.as_secs_f64()
        );
    }
    println!();
}

/// What knit's library validates by default.
const LIBRARY_FULL: &str = "validates the whole output, function bodies included";
/// What knit's library validates with `validate_code(false)`.
const LIBRARY_SHAPE: &str = "with validate_code(false) validates structure, types and wiring";

fn main() {
    // `cargo bench` passes `--bench`; `cargo test` runs benches with no such flag: keep that quick.
    let full = std::env::args().any(|a| a == "--bench");
    let scratch = std::env::temp_dir().join(format!("knit-compose-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&scratch);

    if full {
        if which("wac").is_none() {
            println!(
                "`wac` is not on the PATH: the rows beside wac are skipped \
                 (`cargo install --locked wac-cli` adds them)"
            );
        }
        if which("valgrind").is_none() {
            println!("`valgrind` is not on the PATH: no instruction counts");
        }
    }
    let socket = socket(3150);
    let plug = plug(90);
    println!(
        "plug into socket: socket {} bytes, plug {} bytes",
        socket.len(),
        plug.len()
    );
    let once = || {
        Composition::plug(
            Input::new("socket", socket.clone()),
            vec![Input::new("plug", plug.clone())],
        )
        .expect("composes")
    };
    once();
    if std::env::var_os("KNIT_BENCH_PARTS").is_some() {
        let validate = measure(|| {
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                .validate_all(&socket)
                .unwrap();
        });
        let structural = measure(|| {
            let mut v = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
            for payload in wasmparser::Parser::new(0).parse_all(&socket) {
                v.payload(&payload.unwrap()).unwrap();
            }
        });
        let parse_only = measure(|| {
            for payload in wasmparser::Parser::new(0).parse_all(&socket) {
                payload.unwrap();
            }
        });
        println!(
            "  parts: structural validation {:.3} ms, parse only {:.3} ms",
            structural.median.as_secs_f64() * 1e3,
            parse_only.median.as_secs_f64() * 1e3
        );
        let decode = measure(|| {
            wit_component::decode(&socket).unwrap();
        });
        println!(
            "  parts: validate socket {:.3} ms, decode socket {:.3} ms",
            validate.median.as_secs_f64() * 1e3,
            decode.median.as_secs_f64() * 1e3
        );
    }
    if full {
        let ours = measure(|| {
            once();
        });
        report(
            "plug into socket",
            LIBRARY_FULL,
            ours,
            wac_plug(&scratch, &socket, std::slice::from_ref(&plug)),
        );
        let fast = measure(|| {
            Composition::new()
                .validate_code(false)
                .compose(
                    Input::new("socket", socket.clone()),
                    vec![Input::new("plug", plug.clone())],
                )
                .expect("composes");
        });
        report("plug into socket", LIBRARY_SHAPE, fast, None);
        report_processes(
            "plug into socket",
            &scratch,
            &socket,
            std::slice::from_ref(&plug),
        );
    }

    let chain: Vec<Vec<u8>> = (0..20).map(link).collect();
    let compose_chain = || {
        let root = Input::new("n19", chain[19].clone());
        let plugs = (0..19)
            .map(|i| Input::new(format!("n{i}"), chain[i].clone()))
            .collect();
        Composition::plug(root, plugs).expect("composes")
    };
    let composed_chain = compose_chain();
    if std::env::var_os("KNIT_BENCH_PARTS").is_some() {
        let decode = measure(|| {
            for link in &chain {
                wit_component::decode(link).unwrap();
            }
        });
        let validate = measure(|| {
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                .validate_all(&composed_chain.bytes)
                .unwrap();
        });
        println!(
            "  parts: decode 20 links {:.3} ms, validate output ({} bytes) {:.3} ms",
            decode.median.as_secs_f64() * 1e3,
            composed_chain.bytes.len(),
            validate.median.as_secs_f64() * 1e3
        );
    }
    if full {
        let ours = measure(|| {
            compose_chain();
        });
        report(
            "20-component chain",
            LIBRARY_FULL,
            ours,
            wac_plug(&scratch, &chain[19], &chain[..19]),
        );
        let fast = measure(|| {
            let root = Input::new("n19", chain[19].clone());
            let plugs = (0..19)
                .map(|i| Input::new(format!("n{i}"), chain[i].clone()))
                .collect();
            Composition::new()
                .validate_code(false)
                .compose(root, plugs)
                .expect("composes");
        });
        report("20-component chain", LIBRARY_SHAPE, fast, None);
        report_processes("20-component chain", &scratch, &chain[19], &chain[..19]);
    }
    if std::env::var_os("KNIT_BENCH_KEEP").is_some() {
        println!("inputs of the last row kept in {}", scratch.display());
    } else {
        let _ = std::fs::remove_dir_all(&scratch);
    }
}
