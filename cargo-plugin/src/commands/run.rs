//! `knit run`: runs a `wasi:cli/command` component on the wasmtime embedded in knit.

use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
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
    /// Arguments passed to the component (after `--`).
    #[arg(last = true)]
    args: Vec<String>,
}

struct State {
    wasi: WasiCtx,
    table: ResourceTable,
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
    run_component(&args.component, &args.dirs, &args.envs, &args.args)
}

/// Runs a command component with the given `--dir`, `--env` and program arguments.
pub fn run_component(
    component: &std::path::Path,
    dirs: &[String],
    envs: &[String],
    program_args: &[String],
) -> Result<()> {
    let args = Args {
        component: component.to_path_buf(),
        dirs: dirs.to_vec(),
        envs: envs.to_vec(),
        args: program_args.to_vec(),
    };
    let bytes = std::fs::read(&args.component)
        .with_context(|| format!("cannot read `{}`", args.component.display()))?;
    if !bytes.starts_with(b"\0asm") {
        bail!(
            "`{}` is not a WebAssembly file (it does not start with `\\0asm`)",
            args.component.display()
        );
    }
    // A world that imports a packaged interface under a plain name (`import primary: store;`) is
    // encoded with `implements` names, which wasmtime loads only with this switch on.
    let mut config = wasmtime::Config::new();
    config.wasm_component_model_implements(true);
    let engine = Engine::new(&config)?;
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
    let command = CommandPre::new(pre)
        .map_err(anyhow::Error::from)
        .with_context(|| {
            format!(
                "`{}` is not a command: it does not export `wasi:cli/run`",
                args.component.display()
            )
        })?;

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
        },
    );
    let command = command
        .instantiate(&mut store)
        .map_err(anyhow::Error::from)
        .context("instantiating the component")?;
    match command.wasi_cli_run().call_run(&mut store) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(())) => std::process::exit(1),
        Err(err) => match err.downcast_ref::<I32Exit>() {
            Some(exit) => std::process::exit(exit.0),
            None => Err(anyhow::Error::from(err).context("the component trapped")),
        },
    }
}
