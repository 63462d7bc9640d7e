//! How long generating Rust bindings for `wasi:http/proxy` takes, in process and as a CLI, beside
//! `wit-bindgen rust` when that tool is on PATH (`cargo install wit-bindgen-cli`).
//!
//! `cargo bench -p knit-bindgen-rust --bench bindgen` prints one row per measurement and the ratio
//! knit / wit-bindgen (below 1.0 means knit is faster). The target is at most 0.5.

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
    let knit_cli = knit.exists().then(|| {
        median(|| {
            run_ok(
                Command::new(&knit)
                    .args(["bindgen", "rust"])
                    .arg(&wit)
                    .args(["--world", "proxy", "--out-dir"])
                    .arg(&out),
            )
        })
    });
    match knit_cli {
        Some(t) => println!(
            "knit bindgen rust (CLI, formatted)          {:>9.3} ms",
            t.as_secs_f64() * 1e3
        ),
        None => println!(
            "knit CLI not found at {} (set KNIT=path/to/knit)",
            knit.display()
        ),
    }

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
    let theirs = median(|| {
        run_ok(
            Command::new("wit-bindgen")
                .args(["rust", "--format"])
                .arg(&wit)
                .args(["--world", "proxy", "--out-dir"])
                .arg(&out),
        )
    });
    println!(
        "wit-bindgen rust --format (CLI)             {:>9.3} ms",
        theirs.as_secs_f64() * 1e3
    );
    if let Some(ours) = knit_cli {
        println!(
            "ratio knit / wit-bindgen (CLI, formatted)   {:>9.2}",
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    }
}
