//! How long generating Rust bindings for `wasi:http/proxy` takes, in process and as a CLI, beside
//! `wit-bindgen rust` when that tool is on PATH (`cargo install wit-bindgen-cli`).
//!
//! `cargo bench -p knit-bindgen-rust --bench bindgen` prints one row per measurement and the ratio
//! knit / wit-bindgen (below 1.0 means knit is faster). The target is at most 0.5. When
//! valgrind is installed it also compares the instructions both CLIs execute (callgrind), which
//! unlike wall-clock time does not depend on what else the machine is doing.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_rust::{Options, generate};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: u32 = 20;

/// Writes the bundled WASI packages as a WIT folder whose main package includes `wasi:http/proxy`,
/// so both tools read the same files from disk.
fn write_proxy_wit(dir: &Path) -> PathBuf {
    let root = dir.join("wit");
    for package in knit_wasi_wit::PACKAGES {
        let pkg_dir = root.join("deps").join(package.dir);
        std::fs::create_dir_all(&pkg_dir).unwrap();
        for (name, source) in package.files {
            std::fs::write(pkg_dir.join(name), source).unwrap();
        }
    }
    std::fs::write(
        root.join("proxy.wit"),
        "package bench:proxy;\n\nworld proxy {\n  include wasi:http/proxy@0.2.0;\n}\n",
    )
    .unwrap();
    root
}

/// The median of `RUNS` timings of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn run_ok(cmd: &mut Command) {
    let output = cmd.output().expect("spawn");
    assert!(
        output.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn main() {
    let temp = tempfile::tempdir().unwrap();
    let wit = write_proxy_wit(temp.path());
    let out = temp.path().join("out");
    let source = WitSource {
        paths: vec![wit.clone()],
        world: Some("proxy".into()),
        ..Default::default()
    };

    let in_process = median(|| {
        let loaded = load(&source).unwrap();
        generate(&loaded.resolve, loaded.world, &Options::default()).unwrap();
    });
    let in_process_formatted = median(|| {
        let loaded = load(&source).unwrap();
        generate(
            &loaded.resolve,
            loaded.world,
            &Options {
                format: true,
                ..Default::default()
            },
        )
        .unwrap();
    });
    let load_only = median(|| {
        load(&source).unwrap();
    });
    let loaded = load(&source).unwrap();
    let generate_only = median(|| {
        generate(&loaded.resolve, loaded.world, &Options::default()).unwrap();
    });
    println!(
        "knit, load only                             {:>9.3} ms",
        ms(load_only)
    );
    println!(
        "knit, generate only                         {:>9.3} ms",
        ms(generate_only)
    );
    println!(
        "knit, in process (load + generate)          {:>9.3} ms",
        in_process.as_secs_f64() * 1e3
    );
    println!(
        "knit, in process, formatted                 {:>9.3} ms",
        in_process_formatted.as_secs_f64() * 1e3
    );

    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let knit = std::env::var_os("KNIT")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("release/knit"));
    if !knit.exists() {
        println!(
            "knit CLI not found at {} (set KNIT=path/to/knit)",
            knit.display()
        );
        return;
    }
    let knit_cli = |extra: &[&str]| {
        median(|| {
            run_ok(
                Command::new(&knit)
                    .args(["bindgen", "rust"])
                    .arg(&wit)
                    .args(["--world", "proxy", "--out-dir"])
                    .arg(&out)
                    .args(extra),
            )
        })
    };
    let ours_default = knit_cli(&[]);
    let ours_formatted = knit_cli(&["--format"]);
    println!(
        "knit bindgen rust (CLI)                     {:>9.3} ms",
        ms(ours_default)
    );
    println!(
        "knit bindgen rust --format (CLI)            {:>9.3} ms",
        ms(ours_formatted)
    );

    let has_wit_bindgen = Command::new("wit-bindgen")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_wit_bindgen {
        println!(
            "wit-bindgen not on PATH: install it with `cargo install wit-bindgen-cli` for the comparison"
        );
        return;
    }
    let theirs = |extra: &[&str]| {
        median(|| {
            run_ok(
                Command::new("wit-bindgen")
                    .args(["rust", "--generate-all"])
                    .args(extra)
                    .arg(&wit)
                    .args(["--world", "proxy", "--out-dir"])
                    .arg(&out),
            )
        })
    };
    let theirs_default = theirs(&[]);
    let theirs_formatted = theirs(&["--format"]);
    println!(
        "wit-bindgen rust --generate-all (CLI)       {:>9.3} ms",
        ms(theirs_default)
    );
    println!(
        "wit-bindgen rust --generate-all --format    {:>9.3} ms",
        ms(theirs_formatted)
    );
    println!(
        "ratio knit / wit-bindgen, default output    {:>9.2}",
        ms(ours_default) / ms(theirs_default)
    );
    println!(
        "ratio knit / wit-bindgen, both --format     {:>9.2}",
        ms(ours_formatted) / ms(theirs_formatted)
    );

    // Instruction counts do not move with the machine's load, unlike the times above.
    let mut knit_cmd = Command::new(&knit);
    knit_cmd
        .args(["bindgen", "rust"])
        .arg(&wit)
        .args(["--world", "proxy", "--out-dir"])
        .arg(&out);
    let mut theirs_cmd = Command::new("wit-bindgen");
    theirs_cmd
        .args(["rust", "--generate-all"])
        .arg(&wit)
        .args(["--world", "proxy", "--out-dir"])
        .arg(&out);
    match (instructions(&knit_cmd), instructions(&theirs_cmd)) {
        (Some(ours), Some(theirs)) => {
            println!("knit bindgen rust (CLI), instructions       {ours:>12}");
            println!("wit-bindgen rust --generate-all, instr.     {theirs:>12}");
            println!(
                "ratio knit / wit-bindgen, instructions      {:>9.2}",
                ours as f64 / theirs as f64
            );
        }
        _ => println!("valgrind not found: no instruction counts (apt-get install valgrind)"),
    }
}

/// The instructions `command` executes, as callgrind counts them; `None` without valgrind.
fn instructions(command: &Command) -> Option<u64> {
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(command.get_program())
        .args(command.get_args())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    // callgrind reports `==PID== Collected : 12,345,678` on stderr.
    let stderr = String::from_utf8_lossy(&output.stderr);
    let count = stderr.lines().find_map(|l| l.split("Collected :").nth(1))?;
    count.trim().replace(',', "").parse().ok()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
