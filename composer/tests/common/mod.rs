//! Helpers shared by the composer's integration tests: building real
//! components from WIT plus a core module, and running composed components in
//! embedded wasmtime.
#![allow(dead_code)]

pub mod fixtures;

/// Failures of the wasmtime side, flattened to text.
pub type Result<T> = std::result::Result<T, String>;
use wasmtime::component::{Component, Linker};
use wasmtime::{Engine, Store};
use wit_component::{ComponentEncoder, StringEncoding, embed_component_metadata};
use wit_parser::{LiftLowerAbi, ManglingAndAbi, Resolve, WorldId};

/// Parses each WIT source in turn (later ones may use earlier packages) and
/// selects `world` from the last package.
fn resolve(wits: &[&str], world: &str) -> (Resolve, WorldId) {
    let mut resolve = Resolve::default();
    let mut last = None;
    for (i, wit) in wits.iter().enumerate() {
        last = Some(
            resolve
                .push_str(format!("input{i}.wit"), wit)
                .expect("test WIT parses"),
        );
    }
    let world = resolve
        .select_world(&[last.unwrap()], Some(world))
        .expect("world exists");
    (resolve, world)
}

fn encode(resolve: &Resolve, world: WorldId, mut module: Vec<u8>) -> Vec<u8> {
    embed_component_metadata(&mut module, resolve, world, StringEncoding::UTF8, false)
        .expect("metadata embeds");
    ComponentEncoder::default()
        .module(&module)
        .expect("module accepted")
        .validate(true)
        .encode()
        .expect("component encodes")
}

/// Like [`dummy`], but the WIT may use the WASI 0.2 packages vendored in
/// `wit-bindgen/wasi/wit` (loaded first).
pub fn dummy_with_wasi(wits: &[&str], world: &str) -> Vec<u8> {
    let mut resolve = Resolve::default();
    let wasi = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../wit-bindgen/wasi/wit");
    for package in ["io", "clocks", "random", "filesystem", "sockets", "cli"] {
        resolve
            .push_dir(wasi.join(package))
            .unwrap_or_else(|e| panic!("WASI package {package}: {e:#}"));
    }
    let mut last = None;
    for (i, wit) in wits.iter().enumerate() {
        last = Some(resolve.push_str(format!("input{i}.wit"), wit).unwrap());
    }
    let world = resolve.select_world(&[last.unwrap()], Some(world)).unwrap();
    let module =
        wit_component::dummy_module(&resolve, world, ManglingAndAbi::Legacy(LiftLowerAbi::Sync));
    encode(&resolve, world, module)
}

/// A component for `world` (in the last of `wits`) whose code is the core
/// module `wat`.
pub fn component(wits: &[&str], world: &str, wat: &str) -> Vec<u8> {
    let (resolve, world) = resolve(wits, world);
    let module = wat::parse_str(wat).expect("test WAT parses");
    encode(&resolve, world, module)
}

/// A component for `world` whose functions all trap: enough for tests that
/// only compose and never run.
pub fn dummy(wits: &[&str], world: &str) -> Vec<u8> {
    let (resolve, world) = resolve(wits, world);
    let module =
        wit_component::dummy_module(&resolve, world, ManglingAndAbi::Legacy(LiftLowerAbi::Sync));
    encode(&resolve, world, module)
}

/// Instantiates `bytes` with `linker` and calls the `u32`-returning function
/// `func` of the exported instance `interface` (or a world-level function when
/// `interface` is empty).
pub fn call_u32_with(
    bytes: &[u8],
    interface: &str,
    func: &str,
    configure: impl FnOnce(&mut Linker<()>) -> wasmtime::Result<()>,
) -> Result<u32> {
    let text = |e: wasmtime::Error| format!("{e:?}");
    let engine = Engine::default();
    let component = Component::new(&engine, bytes).map_err(text)?;
    let mut linker = Linker::<()>::new(&engine);
    configure(&mut linker).map_err(text)?;
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &component).map_err(text)?;
    let parent = if interface.is_empty() {
        None
    } else {
        Some(
            instance
                .get_export_index(&mut store, None, interface)
                .ok_or_else(|| format!("no export `{interface}`"))?,
        )
    };
    let index = instance
        .get_export_index(&mut store, parent.as_ref(), func)
        .ok_or_else(|| format!("no function `{func}`"))?;
    let typed = instance
        .get_typed_func::<(), (u32,)>(&mut store, &index)
        .map_err(text)?;
    let (value,) = typed.call(&mut store, ()).map_err(text)?;
    Ok(value)
}

/// [`call_u32_with`] with no host functions.
pub fn call_u32(bytes: &[u8], interface: &str, func: &str) -> Result<u32> {
    call_u32_with(bytes, interface, func, |_| Ok(()))
}

/// The import names of a component, in order.
pub fn import_names(bytes: &[u8]) -> Vec<String> {
    let engine = Engine::default();
    let component = Component::new(&engine, bytes).unwrap();
    component
        .component_type()
        .imports(&engine)
        .map(|(name, _)| name.to_string())
        .collect()
}

/// The export names of a component, in order.
pub fn export_names(bytes: &[u8]) -> Vec<String> {
    let engine = Engine::default();
    let component = Component::new(&engine, bytes).unwrap();
    component
        .component_type()
        .exports(&engine)
        .map(|(name, _)| name.to_string())
        .collect()
}
