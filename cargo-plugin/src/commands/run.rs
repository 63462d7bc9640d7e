//! `knit run`: runs a `wasi:cli/command` component on the wasmtime embedded in knit, or calls one
//! export of any component (`--invoke`), within the limits asked for ([`super::guest_limits`]).

use super::guest_limits::{LimitArgs, MemoryLimit};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Cache, CacheConfig, Config, Engine, Store};
use wasmtime_wasi::p2::bindings::sync::CommandPre;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtx, WasiCtxView, WasiView};

/// Arguments of `knit run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The command component to run.
    component: PathBuf,
    /// Give the component a host folder, as `HOST` or `HOST::GUEST` (repeatable).
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    dirs: Vec<String>,
    /// Set an environment variable for the component, `KEY=VALUE` (repeatable).
    #[arg(long = "env", value_name = "KEY=VALUE")]
    envs: Vec<String>,
    /// Compile the component afresh, neither reading nor writing knit's compiled-code cache.
    #[arg(long)]
    no_cache: bool,
    /// Call this export instead of `wasi:cli/run` and print what it returns, in WAVE:
    /// `'greet("you")'`, `'ns:pkg/iface#add(1, 2)'`. Works for library components too.
    #[arg(long, value_name = "CALL")]
    invoke: Option<String>,
    #[command(flatten)]
    limits: LimitArgs,
    /// Arguments passed to the component (after `--`).
    #[arg(last = true)]
    args: Vec<String>,
}

struct State {
    wasi: WasiCtx,
    table: ResourceTable,
    memory: MemoryLimit,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Runs `knit run`; a component that exits with a code makes knit exit with the same code.
pub fn run(args: Args) -> Result<()> {
    run_args(args)
}

/// Runs a command component with the given `--dir`, `--env` and program arguments, with the
/// compiled-code cache (`cargo knit run` and `cargo knit compose --run` come here).
pub fn run_component(
    component: &Path,
    dirs: &[String],
    envs: &[String],
    limits: &LimitArgs,
    program_args: &[String],
) -> Result<()> {
    run_args(Args {
        component: component.to_path_buf(),
        dirs: dirs.to_vec(),
        envs: envs.to_vec(),
        no_cache: false,
        invoke: None,
        limits: limits.clone(),
        args: program_args.to_vec(),
    })
}

/// The folder of knit's compiled-code cache: `wasmtime/` in knit's cache folder
/// ([`knit_guest_build::toolchain::node::cache_dir`]). The runtime test host uses the same one.
pub fn compile_cache_dir() -> PathBuf {
    knit_guest_build::toolchain::node::cache_dir().join("wasmtime")
}

/// Opens the compiled-code cache in `dir` (created if missing), for [`engine`].
///
/// knit uses wasmtime's own cache (its `cache` feature, on by default) rather than serializing
/// components itself (`Component::serialize` and the unsafe `Component::deserialize_file`):
///
/// - It caches whole components: `Component::new` and `Component::from_file` look the compiled
///   artifact up before compiling and store it after.
/// - An entry's key is a SHA-256 over the component's bytes, the engine's compiler settings, target,
///   tunables and wasm features, and the wasmtime version (the same settings as
///   `Engine::precompile_compatibility_hash`); an entry for other bytes or another engine is never
///   looked at.
/// - An entry is zstd-compressed and written to a temporary file renamed into place, so a reader
///   never sees half an entry. One that does not decompress, or is not a compiled artifact that
///   wasmtime's loader accepts for this engine (its header and settings are checked), is a miss:
///   the component is compiled and the entry overwritten. It never fails a load.
/// - A background thread keeps the folder under a soft limit (512 MiB, 65,536 files) by deleting
///   the least recently used entries; every rebuild of a JavaScript guest makes a new ~10 MB entry,
///   so a cache of knit's own would need the same. (Its other chore, recompressing an entry at
///   zstd level 20 once it has been used 256 times, is turned off: that takes seconds of a core,
///   and a short `knit run` would exit in the middle of it.)
///
/// What it does not do: it keeps no checksum of an entry's contents, so damage that still
/// decompresses to an artifact with a valid header (a flipped bit inside the machine code) would
/// go unnoticed. The folder is the user's own, like the toolchains knit caches beside it; delete
/// it, or run with `--no-cache`, to start afresh.
pub fn compile_cache(dir: &Path) -> Result<Cache> {
    let dir = std::path::absolute(dir)
        .with_context(|| format!("cannot make `{}` an absolute path", dir.display()))?;
    let mut config = CacheConfig::new();
    config
        .with_directory(&dir)
        .with_optimized_compression_usage_counter_threshold(u64::MAX);
    Cache::new(config)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("cannot use `{}` as the compiled-code cache", dir.display()))
}

/// The engine `knit run` compiles and runs components with: wasmtime's defaults with `implements`
/// names enabled, and compiled code cached in `cache` when given (see [`compile_cache`]).
pub fn engine(cache: Option<Cache>) -> Result<Engine> {
    engine_with(cache, &LimitArgs::default())
}

/// [`engine`], with what `limits` need turned on.
fn engine_with(cache: Option<Cache>, limits: &LimitArgs) -> Result<Engine> {
    let mut config = Config::new();
    limits.configure(&mut config);
    // A world that imports a packaged interface under a plain name (`import primary: store;`) is
    // encoded with `implements` names, which wasmtime loads only with this switch on.
    config.wasm_component_model_implements(true);
    config.cache(cache);
    Engine::new(&config).map_err(anyhow::Error::from)
}

/// The engine for a run: cached unless `--no-cache`; a cache that cannot be opened (an unwritable
/// folder) only costs a warning and the compile.
fn run_engine(no_cache: bool, limits: &LimitArgs) -> Result<Engine> {
    let cache = if no_cache {
        None
    } else {
        match compile_cache(&compile_cache_dir()) {
            Ok(cache) => Some(cache),
            Err(err) => {
                eprintln!("warning: compiling without a cache: {err:#}");
                None
            }
        }
    };
    engine_with(cache, limits)
}

fn run_args(args: Args) -> Result<()> {
    let bytes = std::fs::read(&args.component)
        .with_context(|| format!("cannot read `{}`", args.component.display()))?;
    if !bytes.starts_with(b"\0asm") {
        bail!(
            "`{}` is not a WebAssembly file (it does not start with `\\0asm`)",
            args.component.display()
        );
    }
    let engine = run_engine(args.no_cache, &args.limits)?;
    let component = Component::new(&engine, &bytes)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("cannot load `{}` as a component", args.component.display()))?;
    let mut linker = Linker::<State>::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    let pre = linker
        .instantiate_pre(&component)
        .map_err(anyhow::Error::from)
        .with_context(|| {
            format!(
                "`{}` needs imports knit run does not provide (it provides WASI 0.2)",
                args.component.display()
            )
        })?;
    let command = match &args.invoke {
        Some(_) => None,
        None => Some(
            CommandPre::new(pre.clone())
                .map_err(anyhow::Error::from)
                .with_context(|| {
                    format!(
                        "`{}` is not a command: it does not export `wasi:cli/run`\nhint: call one of its exports with --invoke 'name(args)'",
                        args.component.display()
                    )
                })?,
        ),
    };

    let mut builder = WasiCtx::builder();
    builder.inherit_stdio();
    let program = args
        .component
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    builder.arg(&program);
    builder.args(&args.args);
    for env in &args.envs {
        let Some((key, value)) = env.split_once('=') else {
            bail!("--env takes KEY=VALUE, got `{env}`")
        };
        builder.env(key, value);
    }
    for dir in &args.dirs {
        let (host, guest) = dir.split_once("::").unwrap_or((dir, dir));
        builder
            .preopened_dir(host, guest, FsPerms::ReadWrite)
            .map_err(anyhow::Error::from)
            .with_context(|| format!("cannot open folder `{host}` for --dir"))?;
    }
    let mut store = Store::new(
        &engine,
        State {
            wasi: builder.build(),
            table: ResourceTable::new(),
            memory: args.limits.memory_limit(),
        },
    );
    args.limits.arm(&engine, &mut store, |s| &mut s.memory)?;
    let outcome = match (command, &args.invoke) {
        (Some(command), _) => command
            .instantiate(&mut store)
            .and_then(|command| command.wasi_cli_run().call_run(&mut store)),
        (None, Some(call)) => super::invoke::invoke(&mut store, &pre, call)?.map(|results| {
            for line in results {
                println!("{line}");
            }
            Ok(())
        }),
        (None, None) => unreachable!("a command or an --invoke"),
    };
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(())) => std::process::exit(1),
        Err(err) => {
            if let Some(exit) = err.downcast_ref::<I32Exit>() {
                std::process::exit(exit.0);
            }
            if let Some((message, code)) = args.limits.explain(&err, &store.data().memory) {
                eprintln!("error: {message}");
                std::process::exit(code);
            }
            Err(anyhow::Error::from(err).context("the component trapped"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A component exporting `answer: func() -> u32`, which returns 42.
    const ANSWER: &str = r#"(component
        (core module $m (func (export "answer") (result i32) i32.const 42))
        (core instance $i (instantiate $m))
        (func (export "answer") (result u32) (canon lift (core func $i "answer"))))"#;

    /// Loads [`ANSWER`] on a fresh engine using `cache`, and calls it.
    fn load_and_call(cache: &Cache) -> u32 {
        let engine = engine(Some(cache.clone())).unwrap();
        let component = Component::new(&engine, ANSWER).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &component)
            .unwrap();
        let answer = instance
            .get_typed_func::<(), (u32,)>(&mut store, "answer")
            .unwrap();
        answer.call(&mut store, ()).unwrap().0
    }

    /// The cache's entries (its `.stats` files and temporary files have extensions; entries none).
    fn entries(dir: &Path) -> Vec<PathBuf> {
        let mut entries = Vec::new();
        for compiler in std::fs::read_dir(dir.join("modules")).unwrap() {
            for file in std::fs::read_dir(compiler.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none() {
                    entries.push(path);
                }
            }
        }
        entries
    }

    #[test]
    fn a_cached_component_loads_and_runs() {
        let dir = tempfile::tempdir().unwrap();
        let cache = compile_cache(dir.path()).unwrap();
        assert_eq!(load_and_call(&cache), 42);
        assert_eq!((cache.cache_hits(), cache.cache_misses()), (0, 1));
        assert_eq!(entries(dir.path()).len(), 1);

        // A second engine (as in a second `knit run`) loads the stored code instead of compiling.
        assert_eq!(load_and_call(&cache), 42);
        assert_eq!((cache.cache_hits(), cache.cache_misses()), (1, 1));
        // So does another process's cache on the same folder.
        let reopened = compile_cache(dir.path()).unwrap();
        assert_eq!(load_and_call(&reopened), 42);
        assert_eq!(reopened.cache_hits(), 1);
    }

    #[test]
    fn a_corrupt_cache_entry_is_compiled_again_and_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let cache = compile_cache(dir.path()).unwrap();
        assert_eq!(load_and_call(&cache), 42);
        let [entry] = entries(dir.path()).try_into().unwrap();
        let good = std::fs::read(&entry).unwrap();

        // Each kind of damage is a miss: compiled again, the right answer, the entry rewritten.
        let zstd_magic = [0x28, 0xb5, 0x2f, 0xfd];
        let damaged: [(&str, Vec<u8>); 4] = [
            ("garbage", b"not a compiled component".to_vec()),
            ("empty", Vec::new()),
            ("truncated", good[..good.len() / 2].to_vec()),
            // A zstd frame header followed by garbage.
            ("bad frame", [&zstd_magic[..], &[0xff; 64]].concat()),
        ];
        for (round, (what, bytes)) in damaged.into_iter().enumerate() {
            std::fs::write(&entry, &bytes).unwrap();
            assert_eq!(load_and_call(&cache), 42, "{what} entry");
            assert_eq!(
                cache.cache_misses(),
                round + 2,
                "{what} entry was not a miss"
            );
            assert_ne!(
                std::fs::read(&entry).unwrap(),
                bytes,
                "{what} entry was kept"
            );
        }
        assert_eq!(cache.cache_hits(), 0);

        // The rewritten entry is good again.
        assert_eq!(load_and_call(&cache), 42);
        assert_eq!(cache.cache_hits(), 1);
    }

    #[test]
    fn an_entry_that_is_no_compiled_component_is_compiled_again() {
        // A well-formed zstd entry whose contents are not wasmtime's compiled code (a stale or
        // foreign file): wasmtime's loader rejects it and the component is compiled.
        let dir = tempfile::tempdir().unwrap();
        let cache = compile_cache(dir.path()).unwrap();
        assert_eq!(load_and_call(&cache), 42);
        let [entry] = entries(dir.path()).try_into().unwrap();
        // zstd frame: magic, single-segment header with content size, one raw last block.
        let payload = b"\x7fELF but not a compiled component";
        let mut frame = vec![0x28, 0xb5, 0x2f, 0xfd, 0x20, payload.len() as u8];
        let block_header = (payload.len() as u32) << 3 | 1; // raw block, last
        frame.extend_from_slice(&block_header.to_le_bytes()[..3]);
        frame.extend_from_slice(payload);
        std::fs::write(&entry, &frame).unwrap();
        assert_eq!(load_and_call(&cache), 42);
        assert_eq!((cache.cache_hits(), cache.cache_misses()), (0, 2));
        assert_ne!(std::fs::read(&entry).unwrap(), frame);
    }
}
