//! Every package parses and resolves with `wit_parser`, pushed in `PACKAGES`
//! order; the declarations and worlds are pinned by golden files
//! (`tests/golden/`, refresh with `BLESS=1`).

mod common;

use anyhow::Result;
use common::{resolve_all, world};
use knit_wasi_wit::{PACKAGES, VERSION};
use pretty_assertions::assert_eq;
use std::path::PathBuf;
use wit_parser::{Resolve, Type, TypeDefKind, TypeOwner, WorldItem, WorldKey};

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file, or rewrites it when `BLESS=1`.
fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path:?}: {e} (run with BLESS=1 to create it)"));
    assert_eq!(
        expected, actual,
        "golden file {name} differs (BLESS=1 refreshes it)"
    );
}

#[test]
fn every_package_parses_and_resolves_in_order() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    assert_eq!(ids.len(), PACKAGES.len());
    for (pkg, id) in PACKAGES.iter().zip(&ids) {
        let name = &resolve.packages[*id].name;
        assert_eq!(name.to_string(), pkg.name);
        assert_eq!(
            name.version.as_ref().map(|v| v.to_string()).as_deref(),
            Some(VERSION)
        );
    }
    // Nothing was pulled in from anywhere else.
    assert_eq!(resolve.packages.len(), PACKAGES.len());
    Ok(())
}

#[test]
fn a_package_does_not_resolve_without_its_dependencies() {
    let mut resolve = Resolve::default();
    let http = knit_wasi_wit::package("wasi:http").unwrap();
    let err = common::push_package(&mut resolve, http).unwrap_err();
    let text = common::error_chain(&err);
    assert!(text.contains("wasi:"), "unexpected error: {text}");
}

#[test]
fn the_standard_worlds_exist() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    for name in [
        "wasi:io/imports@0.2.0",
        "wasi:clocks/imports@0.2.0",
        "wasi:random/imports@0.2.0",
        "wasi:filesystem/imports@0.2.0",
        "wasi:sockets/imports@0.2.0",
        "wasi:cli/imports@0.2.0",
        "wasi:cli/command@0.2.0",
        "wasi:http/proxy@0.2.0",
    ] {
        world(&resolve, &ids, name)?;
    }
    Ok(())
}

#[test]
fn every_interface_world_type_and_function_is_documented() -> Result<()> {
    let (resolve, _) = resolve_all()?;
    let mut missing = Vec::new();
    let blank = |d: &Option<String>| d.as_deref().is_none_or(|s| s.trim().is_empty());
    for (id, iface) in resolve.interfaces.iter() {
        let iname = resolve.id_of(id).unwrap_or_default();
        if blank(&iface.docs.contents) {
            missing.push(iname.clone());
        }
        for (name, ty) in &iface.types {
            let def = &resolve.types[*ty];
            // A `use` is a type alias whose target lives in another interface.
            if let TypeDefKind::Type(Type::Id(target)) = def.kind
                && resolve.types[target].owner != TypeOwner::Interface(id)
            {
                continue;
            }
            if blank(&def.docs.contents) {
                missing.push(format!("{iname} type {name}"));
            }
        }
        for (name, func) in &iface.functions {
            if blank(&func.docs.contents) {
                missing.push(format!("{iname} func {name}"));
            }
        }
    }
    for (_, w) in resolve.worlds.iter() {
        if blank(&w.docs.contents) {
            missing.push(format!("world {}", w.name));
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
    Ok(())
}

/// The declarations of each package, printed without doc comments. These are
/// what must match the published WASI 0.2.0 release.
#[test]
fn declarations_match_golden() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    for (pkg, id) in PACKAGES.iter().zip(&ids) {
        let mut printer = wit_component::WitPrinter::default();
        printer.emit_docs(false);
        printer.print(&resolve, *id, &[])?;
        check_golden(&format!("{}.wit", pkg.dir), &printer.output.to_string());
    }
    Ok(())
}

/// Every world with its imports and exports after `include`s are expanded.
#[test]
fn elaborated_worlds_match_golden() -> Result<()> {
    let (resolve, ids) = resolve_all()?;
    let mut out = String::new();
    for id in &ids {
        for (_, world_id) in &resolve.packages[*id].worlds {
            let w = &resolve.worlds[*world_id];
            let pkg = &resolve.packages[w.package.unwrap()].name;
            out.push_str(&format!(
                "world {}:{}/{}@{}\n",
                pkg.namespace, pkg.name, w.name, VERSION
            ));
            for (dir, items) in [("import", &w.imports), ("export", &w.exports)] {
                for (key, item) in items {
                    out.push_str(&format!("  {dir} {}\n", describe(&resolve, key, item)));
                }
            }
        }
    }
    check_golden("worlds.txt", &out);
    Ok(())
}

fn describe(resolve: &Resolve, key: &WorldKey, item: &WorldItem) -> String {
    let name = resolve.name_world_key(key);
    match item {
        WorldItem::Interface { .. } => name,
        WorldItem::Function(_) => format!("func {name}"),
        WorldItem::Type { .. } => format!("type {name}"),
    }
}
