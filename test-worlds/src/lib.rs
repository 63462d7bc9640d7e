//! Support for knit's runtime scenarios.
//!
//! Each scenario lives in `test-worlds/scenarios/<name>/`: a `test.wit`, and a guest per language
//! that takes part. [`rust_guest`] builds every Rust guest once, with one cargo invocation into a
//! shared target directory (one broken guest fails only its own scenarios), [`go_guest`] builds a Go
//! guest and [`js_guest`] a JavaScript one (all through `knit_guest_build`, as the `knit` CLI
//! does), and [`Host`] runs a
//! component in wasmtime with WASI and captured stdout/stderr, so a test can call exports through
//! knit's host bindings and serve imports.

mod go;
mod js;
pub use go::{copy_sources, go_guest, guest};
pub use js::js_guest;

use anyhow::{Context, Result, bail};
use knit_guest_build::rust::CargoBuild;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

/// The folder holding every scenario.
pub fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Where guests are built: `$KNIT_GUEST_TARGET_DIR`, else `guests/` beside the host target dir.
pub fn guest_target_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("KNIT_GUEST_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    match std::env::var("CARGO_TARGET_DIR") {
        Ok(dir) => PathBuf::from(dir).join("knit-guests"),
        Err(_) => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/knit-guests"),
    }
}

/// The outcome of building every Rust guest: the `.wasm` files this build produced (by crate
/// name), and the compiler's diagnostics.
struct GuestBuild {
    artifacts: BTreeMap<String, PathBuf>,
    stderr: String,
    /// Rendered diagnostics, with the name of the crate each one is about.
    messages: Vec<(String, String)>,
}

/// Builds every Rust guest once (later calls reuse the result), with `--keep-going` so one broken
/// guest fails only its own scenarios. Only artifacts reported by this very build are used, so a
/// stale `.wasm` from an earlier build is never run.
fn build_rust_guests() -> Result<&'static GuestBuild> {
    static BUILT: OnceLock<Result<GuestBuild, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let output = CargoBuild {
                manifest_path: Some(scenarios_dir().join("Cargo.toml")),
                target: "wasm32-wasip2".into(),
                keep_going: true,
                target_dir: Some(guest_target_dir()),
                clear_rustflags: true,
                capture_stderr: true,
                ..CargoBuild::default()
            }
            .run(|_| {})
            .map_err(|e| format!("{e:#}"))?;
            let mut artifacts = BTreeMap::new();
            for artifact in output.artifacts {
                artifacts.insert(artifact.target, artifact.path);
            }
            let messages = output
                .diagnostics
                .into_iter()
                .map(|d| (d.target, d.rendered))
                .collect();
            Ok(GuestBuild {
                artifacts,
                stderr: output.stderr,
                messages,
            })
        })
        .as_ref()
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// The built Rust guest of `scenario` (its crate is `<scenario>-rust`).
pub fn rust_guest(scenario: &str) -> Result<PathBuf> {
    rust_component(scenario, "rust")
}

/// The component built from the Rust crate in `scenarios/<scenario>/<folder>/`
/// (named `<scenario>-<folder>`). Scenarios that compose several Rust
/// components keep the extra ones in folders named `rust-<role>`.
pub fn rust_component(scenario: &str, folder: &str) -> Result<PathBuf> {
    let build = build_rust_guests()?;
    let krate = format!("{scenario}_{folder}").replace('-', "_");
    if let Some(path) = build.artifacts.get(&krate) {
        return Ok(path.clone());
    }
    let errors: Vec<&str> = build
        .messages
        .iter()
        .filter(|(name, _)| *name == krate)
        .map(|(_, text)| text.as_str())
        .collect();
    if errors.is_empty() {
        bail!(
            "no Rust guest was built for scenario `{scenario}`; cargo said:\n{}",
            build.stderr
        );
    }
    bail!(
        "the Rust guest of scenario `{scenario}` does not build:\n{}",
        errors.join("\n")
    )
}

/// The shared engine (compiling is the slow part; one engine lets wasmtime reuse work), with
/// compiled code cached across test runs (see [`engine_config`]).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&engine_config()).expect("the default engine configuration"))
}

/// wasmtime's default configuration, plus the compiled-code cache `knit run` uses: wasmtime's
/// own, in `wasmtime/` under knit's cache folder (`knit_cli::commands::run::compile_cache` says
/// why and how entries are checked). `Component::new` and `Component::from_file` on an engine made
/// from it compile a component only the first time its bytes are seen; a JavaScript guest then
/// loads in well under a second instead of compiling for seconds. Scenarios that need another
/// setting start from this configuration. Without a usable cache folder it only compiles.
pub fn engine_config() -> wasmtime::Config {
    static CACHE: OnceLock<Option<wasmtime::Cache>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        let dir = std::path::absolute(knit_guest_build::toolchain::node::cache_dir())
            .ok()?
            .join("wasmtime");
        let mut config = wasmtime::CacheConfig::new();
        config
            .with_directory(dir)
            .with_optimized_compression_usage_counter_threshold(u64::MAX);
        wasmtime::Cache::new(config)
            .inspect_err(|err| eprintln!("warning: compiling without a cache: {err:#}"))
            .ok()
    });
    let mut config = wasmtime::Config::new();
    config.cache(cache.clone());
    config
}

/// Runs a future to completion on this thread. Every future here is driven only by wasmtime (no
/// I/O), so polling again after `Pending` is enough; a future that stays pending forever is
/// reported after many polls instead of hanging the test.
pub fn block_on<F: std::future::Future>(future: F) -> Result<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    for _ in 0..1_000_000 {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return Ok(value);
        }
        std::thread::yield_now();
    }
    bail!("a future did not complete after a million polls")
}

/// Per-store state: WASI plus whatever the scenario's host records (`data`, of the scenario's own
/// type; scenarios implement their generated `Host` traits on `HostState<TheirData>`).
pub struct HostState<D = ()> {
    wasi: WasiCtx,
    /// Host resources handed to the guest.
    pub table: ResourceTable,
    /// Messages the guest sent to the host's log imports.
    pub log: Vec<String>,
    stdout: MemoryOutputPipe,
    stderr: MemoryOutputPipe,
    /// The scenario's own state.
    pub data: D,
}

impl<D: Send + 'static> WasiView for HostState<D> {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl<D> HostState<D> {
    /// What the guest printed to stdout so far.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.contents()).into_owned()
    }

    /// What the guest printed to stderr so far (a Rust guest's panic message lands here).
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.contents()).into_owned()
    }
}

/// A component ready to instantiate, with WASI in its linker.
pub struct Host<D: 'static = ()> {
    /// The store.
    pub store: Store<HostState<D>>,
    /// The linker; scenarios add their own imports before instantiating.
    pub linker: Linker<HostState<D>>,
    /// The compiled component.
    pub component: Component,
}

impl<D: Default + Send + 'static> Host<D> {
    /// Loads the component at `path` with WASI available and stdout captured.
    pub fn new(path: &Path) -> Result<Host<D>> {
        Self::with_engine(path, engine(), false)
    }

    /// Like [`Host::new`], with WASI's async bindings (wasmtime 48 engines always support async).
    pub fn new_async(path: &Path) -> Result<Host<D>> {
        Self::with_engine(path, engine(), true)
    }

    fn with_engine(path: &Path, engine: &Engine, is_async: bool) -> Result<Host<D>> {
        let component = Component::from_file(engine, path)
            .map_err(anyhow::Error::from)
            .with_context(|| format!("loading {}", path.display()))?;
        let mut linker = Linker::new(engine);
        if is_async {
            wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
        } else {
            wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
        }
        Ok(Host {
            store: Self::fresh_store(),
            linker,
            component,
        })
    }

    /// A new store on the shared engine with its own WASI context (stdout and stderr captured)
    /// and host state: one per request when instantiating many times from one pre-instance.
    pub fn fresh_store() -> Store<HostState<D>> {
        let stdout = MemoryOutputPipe::new(1 << 20);
        let stderr = MemoryOutputPipe::new(1 << 20);
        let wasi = WasiCtx::builder()
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .build();
        let state = HostState {
            wasi,
            table: ResourceTable::new(),
            log: Vec::new(),
            stdout,
            stderr,
            data: D::default(),
        };
        Store::new(engine(), state)
    }
}
