//! Explicit mode: WAC scripts composed and run in wasmtime.

mod common;

use common::fixtures::*;
use common::{call_u32, call_u32_with, import_names};
use knit_composer::{ComposeError, Composed, ErrorKind, Input, compose_wac};
use std::collections::HashMap;

fn compose(script: &str, deps: &[(&str, Vec<u8>)]) -> Result<Composed, ComposeError> {
    let map: HashMap<String, Vec<u8>> = deps
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.clone()))
        .collect();
    compose_wac("script.wac", script, &mut |name| {
        map.get(name).map(|bytes| Input::new(name, bytes.clone()))
    })
}

fn chain_deps() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("test:a", chain_a()),
        ("test:b", chain_b()),
        ("test:c", chain_c()),
    ]
}

#[test]
fn chain_with_spreading() {
    let composed = compose(
        "package test:composition targets test:a/app;
         let c = new test:c {};
         let b = new test:b { ...c };
         let a = new test:a { ...b };
         export a...;",
        &chain_deps(),
    )
    .unwrap();
    assert_eq!(call_u32(&composed.bytes, "test:a/run", "run").unwrap(), 26);
    assert!(
        composed.explanation.contains(
            "import test:c/get: satisfied by `c` export `test:c/get` (spread in the script)"
        ),
        "{}",
        composed.explanation
    );
}

#[test]
fn chain_with_inferred_and_named_arguments() {
    let composed = compose(
        "package test:composition;
         let c = new test:c {};
         let b = new test:b { get: c.get };
         let a = new test:a { \"test:b/get\": b[\"test:b/get\"] };
         export a.run as \"test:a/run\";",
        &chain_deps(),
    )
    .unwrap();
    assert_eq!(call_u32(&composed.bytes, "test:a/run", "run").unwrap(), 26);
}

#[test]
fn one_instance_or_one_per_consumer() {
    let deps = vec![
        ("test:top", diamond_top()),
        ("test:left", diamond_side("left")),
        ("test:right", diamond_side("right")),
        ("test:s", diamond_shared()),
    ];
    let shared = compose(
        "package test:d;
         let s = new test:s {};
         let l = new test:left { ...s };
         let r = new test:right { ...s };
         export new test:top { ...l, ...r }...;",
        &deps,
    )
    .unwrap();
    assert_eq!(call_u32(&shared.bytes, "test:top/run", "run").unwrap(), 12);
    let separate = compose(
        "package test:d;
         let l = new test:left { ...new test:s {} };
         let r = new test:right { counter: new test:s {}.counter };
         export new test:top { ...l, ...r }...;",
        &deps,
    );
    // `...` must be followed by a name in WAC, so the first form is a syntax error.
    assert_eq!(separate.unwrap_err().kind(), ErrorKind::Script);
    let separate = compose(
        "package test:d;
         let s1 = new test:s {};
         let s2 = new test:s {};
         let l = new test:left { ...s1 };
         let r = new test:right { counter: s2.counter };
         export new test:top { ...l, ...r }...;",
        &deps,
    )
    .unwrap();
    assert_eq!(
        call_u32(&separate.bytes, "test:top/run", "run").unwrap(),
        11
    );
}

#[test]
fn implicit_imports_are_merged_and_left_for_the_host() {
    let composed = compose(
        "package test:h;
         let k = new test:pk { ... };
         let r = new test:hroot { ...k, ... };
         export r[\"test:hroot/run\"];",
        &[("test:pk", host_plug()), ("test:hroot", host_root())],
    )
    .unwrap();
    assert_eq!(import_names(&composed.bytes), ["test:h/host"]);
    let value = call_u32_with(&composed.bytes, "test:hroot/run", "run", |linker| {
        let mut host = linker.instance("test:h/host")?;
        host.func_wrap("value", |_, ()| Ok((1u32,)))?;
        host.func_wrap("scale", |_, ()| Ok((2u32,)))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(value, 2001);
}

#[test]
fn explicit_import_statement_and_version_bridge() {
    let composed = compose(
        "package test:v;
         let v = new test:v@0.2.6 {};
         let root = new test:vroot { ...v };
         export root...;",
        &[
            ("test:v@0.2.6", versioned_provider("0.2.6", 5)),
            ("test:vroot", versioned_consumer()),
        ],
    )
    .unwrap();
    assert_eq!(
        call_u32(&composed.bytes, "test:vroot/run", "run").unwrap(),
        1005
    );
    assert!(
        composed
            .explanation
            .contains("version-bridged 0.2.3 -> 0.2.6")
    );

    let composed = compose(
        "package test:v;
         import api: test:v/api@0.2.3;
         import spare: test:v/other@0.2.3;
         let root = new test:vroot { api };
         export root...;",
        &[("test:vroot", versioned_consumer())],
    )
    .unwrap();
    assert_eq!(import_names(&composed.bytes), ["test:v/api@0.2.3"]);
    assert!(
        composed
            .explanation
            .contains("note: `import spare: test:v/other@0.2.3` is never passed to an instance"),
        "{}",
        composed.explanation
    );
}
