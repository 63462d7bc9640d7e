//! Helpers shared by the integration tests: loading the packages into a
//! `Resolve`, turning a world into a component, and instantiating that
//! component against wasmtime's real WASI host.

#![allow(dead_code)] // each test binary uses a different subset

use anyhow::{Context, Result, bail};
use knit_wasi_wit::{PACKAGES, Package};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};
use wit_parser::{PackageId, Resolve, SourceMap, WorldId};

/// Parses one package (all its files together) and pushes it into `resolve`.
pub fn push_package(resolve: &mut Resolve, pkg: &Package) -> Result<PackageId> {
    push_files(
        resolve,
        pkg.dir,
        pkg.files.iter().map(|(f, t)| (*f, t.to_string())),
    )
}

/// Like [`push_package`], for files given as owned text (e.g. an edited copy).
pub fn push_files(
    resolve: &mut Resolve,
    dir: &str,
    files: impl IntoIterator<Item = (&'static str, String)>,
) -> Result<PackageId> {
    let mut map = SourceMap::new();
    for (file, text) in files {
        map.push_str(&format!("wit/{dir}/{file}"), text);
    }
    let group = map
        .parse()
        .map_err(|(_, err)| anyhow::Error::from(err))
        .with_context(|| format!("parsing wit/{dir}"))?;
    let id = resolve
        .push_group(group)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("resolving wit/{dir}"))?;
    Ok(id)
}

/// All packages pushed in `PACKAGES` order, with their ids.
pub fn resolve_all() -> Result<(Resolve, Vec<PackageId>)> {
    resolve_all_with(|_| None)
}

/// Like [`resolve_all`], but `replace` may substitute the files of a package
/// (by returning `Some(files)` for its directory name).
pub fn resolve_all_with(
    mut replace: impl FnMut(&Package) -> Option<Vec<(&'static str, String)>>,
) -> Result<(Resolve, Vec<PackageId>)> {
    let mut resolve = Resolve::default();
    let mut ids = Vec::new();
    for pkg in PACKAGES {
        let id = match replace(pkg) {
            Some(files) => push_files(&mut resolve, pkg.dir, files)?,
            None => push_package(&mut resolve, pkg)?,
        };
        ids.push(id);
    }
    Ok((resolve, ids))
}

/// The files of `pkg`, with `from` replaced by `to` in `file`; fails unless
/// `from` occurs exactly once, so an edit can never silently miss.
pub fn edited_files(
    pkg: &Package,
    file: &str,
    from: &str,
    to: &str,
) -> Result<Vec<(&'static str, String)>> {
    let mut out = Vec::new();
    let mut hit = false;
    for (name, text) in pkg.files {
        let mut text = text.to_string();
        if *name == file {
            if text.matches(from).count() != 1 {
                bail!("`{from}` must occur exactly once in {}/{file}", pkg.dir);
            }
            text = text.replace(from, to);
            hit = true;
        }
        out.push((*name, text));
    }
    if !hit {
        bail!("no file {file} in {}", pkg.dir);
    }
    Ok(out)
}

/// Looks up a world such as `"wasi:cli/command"` among the given packages.
pub fn world(resolve: &Resolve, ids: &[PackageId], name: &str) -> Result<WorldId> {
    resolve.select_world(ids, Some(name))
}

/// Builds a component from the WIT alone: a placeholder core module that
/// imports and exports everything in `world`, wrapped by `wit-component`.
pub fn component_from_world(resolve: &Resolve, world: WorldId) -> Result<Vec<u8>> {
    let mut module =
        wit_component::dummy_module(resolve, world, wit_parser::ManglingAndAbi::Standard32);
    wit_component::embed_component_metadata(
        &mut module,
        resolve,
        world,
        wit_component::StringEncoding::UTF8,
        false,
    )?;
    wit_component::ComponentEncoder::default()
        .validate(true)
        .module(&module)?
        .encode()
        .context("encoding the component")
}

/// Store state with everything wasmtime's WASI and WASI-HTTP hosts need.
pub struct Host {
    table: ResourceTable,
    wasi: WasiCtx,
    http: WasiHttpCtx,
}

impl Host {
    fn new() -> Self {
        Host {
            table: ResourceTable::new(),
            wasi: WasiCtx::builder().build(),
            http: WasiHttpCtx::new(),
        }
    }
}

impl WasiView for Host {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for Host {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: wasmtime_wasi_http::default_hooks(),
        }
    }
}

/// Which host interfaces the linker offers.
#[derive(Clone, Copy, Debug)]
pub enum HostApis {
    /// `wasmtime_wasi::p2::add_to_linker_sync` only.
    Wasi,
    /// The above plus `wasmtime_wasi_http::p2::add_only_http_to_linker_sync`.
    WasiAndHttp,
}

/// A fresh engine, linker and store with the chosen host interfaces.
pub fn host(apis: HostApis) -> Result<(Engine, Linker<Host>, Store<Host>)> {
    let engine = Engine::new(&Config::new())?;
    let mut linker = Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    if let HostApis::WasiAndHttp = apis {
        wasmtime_wasi_http::p2::add_only_http_to_linker_sync(&mut linker)?;
    }
    let store = Store::new(&engine, Host::new());
    Ok((engine, linker, store))
}

/// Instantiates `component` against the host; every import is type-checked.
pub fn instantiate(component: &[u8], apis: HostApis) -> Result<()> {
    let (engine, linker, mut store) = host(apis)?;
    let component = Component::new(&engine, component)?;
    linker.instantiate(&mut store, &component)?;
    Ok(())
}

/// The full chain of an error, for assertions on its text.
pub fn error_chain(err: &anyhow::Error) -> String {
    format!("{err:#}")
}
