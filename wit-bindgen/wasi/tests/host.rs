//! The proof that the WIT matches what real hosts implement: components built
//! from the WIT alone (a placeholder core module for `wasi:cli/command` and
//! `wasi:http/proxy`) instantiate against wasmtime-wasi / wasmtime-wasi-http
//! 48, which type-checks every import. Negative tests show the check does
//! reject a component whose WIT was altered.

mod common;

use anyhow::Result;
use common::{HostApis, component_from_world, edited_files, instantiate, resolve_all, world};
use std::collections::BTreeSet;
use wasmtime::component::Component;
use wit_parser::{Resolve, WorldId, WorldItem};

/// The interface names a world imports after elaboration, e.g. `wasi:io/poll@0.2.0`.
fn world_import_names(resolve: &Resolve, world: WorldId) -> BTreeSet<String> {
    resolve.worlds[world]
        .imports
        .iter()
        .filter(|(_, item)| matches!(item, WorldItem::Interface { .. }))
        .map(|(key, _)| resolve.name_world_key(key))
        .collect()
}

/// Builds the component for `world_name` and checks that it really imports
/// every interface of the world (nothing was pruned before the type check).
fn component_importing_everything(
    resolve: &Resolve,
    ids: &[wit_parser::PackageId],
    world_name: &str,
) -> Result<Vec<u8>> {
    let world = world(resolve, ids, world_name)?;
    let bytes = component_from_world(resolve, world)?;
    let (engine, _, _) = common::host(HostApis::Wasi)?;
    let component = Component::new(&engine, &bytes)?;
    let imported: BTreeSet<String> = component
        .component_type()
        .imports(&engine)
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(imported, world_import_names(resolve, world), "{world_name}");
    Ok(bytes)
}

#[test]
fn cli_command_instantiates_against_wasmtime_wasi() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    let bytes = component_importing_everything(&resolve, &ids, "wasi:cli/command")?;
    assert_eq!(
        world_import_names(&resolve, world(&resolve, &ids, "wasi:cli/command")?).len(),
        27
    );
    instantiate(&bytes, HostApis::Wasi)
}

#[test]
fn cli_command_export_matches_wasmtime_bindings() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    let bytes = component_importing_everything(&resolve, &ids, "wasi:cli/command")?;
    let (engine, linker, mut store) = common::host(HostApis::Wasi)?;
    let component = Component::new(&engine, &bytes)?;
    let pre = linker.instantiate_pre(&component)?;
    // Looks up and type-checks the `wasi:cli/run` export (not called: the
    // placeholder module's body is `unreachable`).
    let pre = wasmtime_wasi::p2::bindings::sync::CommandPre::new(pre)?;
    pre.instantiate(&mut store)?;
    Ok(())
}

#[test]
fn http_proxy_instantiates_against_wasmtime_wasi_http() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    let bytes = component_importing_everything(&resolve, &ids, "wasi:http/proxy")?;
    instantiate(&bytes, HostApis::WasiAndHttp)
}

#[test]
fn http_proxy_export_matches_wasmtime_bindings() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    let bytes = component_importing_everything(&resolve, &ids, "wasi:http/proxy")?;
    let (engine, linker, mut store) = common::host(HostApis::WasiAndHttp)?;
    let component = Component::new(&engine, &bytes)?;
    let pre = linker.instantiate_pre(&component)?;
    let pre = wasmtime_wasi_http::p2::bindings::sync::ProxyPre::new(pre)?;
    pre.instantiate(&mut store)?;
    Ok(())
}

#[test]
fn http_proxy_needs_the_http_host() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    let bytes = component_importing_everything(&resolve, &ids, "wasi:http/proxy")?;
    let err = instantiate(&bytes, HostApis::Wasi).unwrap_err();
    let text = common::error_chain(&err);
    assert!(text.contains("wasi:http/"), "unexpected error: {text}");
    Ok(())
}

/// Builds `world_name` with one edit applied to a copy of one package, and
/// returns the instantiation error (panicking if it instantiates).
fn instantiate_edited(
    dir: &str,
    file: &str,
    from: &str,
    to: &str,
    world_name: &str,
    apis: HostApis,
) -> Result<String> {
    let (resolve, ids) = resolve_all_with_edit(dir, file, from, to)?;
    let world = world(&resolve, &ids, world_name)?;
    let bytes = component_from_world(&resolve, world)?;
    match instantiate(&bytes, apis) {
        Ok(()) => panic!("edited {dir}/{file} still instantiated"),
        Err(err) => {
            let text = common::error_chain(&err);
            eprintln!("edited {dir}/{file}: {text}");
            Ok(text)
        }
    }
}

fn resolve_all_with_edit(
    dir: &str,
    file: &str,
    from: &str,
    to: &str,
) -> Result<(Resolve, Vec<wit_parser::PackageId>)> {
    let mut edited = None;
    let result = common::resolve_all_with(|pkg| {
        if pkg.dir != dir {
            return None;
        }
        let files = edited_files(pkg, file, from, to);
        let out = files.as_ref().ok().cloned();
        edited = Some(files.map(|_| ()));
        out
    })?;
    edited.expect("package directory not found")?;
    Ok(result)
}

#[test]
fn altered_result_type_fails_to_instantiate() -> Result<()> {
    let text = instantiate_edited(
        "random",
        "random.wit",
        "get-random-u64: func() -> u64;",
        "get-random-u64: func() -> u32;",
        "wasi:cli/command",
        HostApis::Wasi,
    )?;
    assert!(text.contains("get-random-u64"), "unexpected error: {text}");
    assert!(text.contains("type mismatch"), "unexpected error: {text}");
    Ok(())
}

#[test]
fn altered_parameter_type_fails_to_instantiate() -> Result<()> {
    let text = instantiate_edited(
        "http",
        "types.wit",
        "set-status-code: func(status-code: status-code) -> result;",
        "set-status-code: func(status-code: u32) -> result;",
        "wasi:http/proxy",
        HostApis::WasiAndHttp,
    )?;
    assert!(text.contains("set-status-code"), "unexpected error: {text}");
    assert!(text.contains("type mismatch"), "unexpected error: {text}");
    Ok(())
}

#[test]
fn function_unknown_to_the_host_fails_to_instantiate() -> Result<()> {
    let text = instantiate_edited(
        "cli",
        "environment.wit",
        "initial-cwd: func() -> option<string>;",
        "initial-cwd: func() -> option<string>;\n    made-up: func();",
        "wasi:cli/command",
        HostApis::Wasi,
    )?;
    assert!(text.contains("made-up"), "unexpected error: {text}");
    Ok(())
}
