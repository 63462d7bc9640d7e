//! Composition scenarios: each result is run in wasmtime and its value checked.

mod common;

use common::fixtures::*;
use common::{call_u32, call_u32_with, export_names, import_names};
use knit_composer::{Composition, Input, Sharing};

fn input(name: &str, bytes: Vec<u8>) -> Input {
    Input::new(name, bytes)
}

#[test]
fn chain_of_three() {
    let composed = Composition::plug(
        input("a", chain_a()),
        vec![input("b", chain_b()), input("c", chain_c())],
    )
    .unwrap();
    assert_eq!(call_u32(&composed.bytes, "test:a/run", "run").unwrap(), 26);
    assert!(import_names(&composed.bytes).is_empty());
    assert_eq!(export_names(&composed.bytes), ["test:a/run"]);
    assert!(
        composed
            .explanation
            .contains("import test:c/get: satisfied by `c` export `test:c/get` (exact name)"),
        "{}",
        composed.explanation
    );
}

#[test]
fn diamond_shares_one_instance() {
    let plugs = || {
        vec![
            input("left", diamond_side("left")),
            input("right", diamond_side("right")),
            input("s", diamond_shared()),
        ]
    };
    let shared = Composition::plug(input("top", diamond_top()), plugs()).unwrap();
    // One counter: left sees 1, right sees 2.
    assert_eq!(call_u32(&shared.bytes, "test:top/run", "run").unwrap(), 12);

    let separate = Composition::new()
        .sharing(Sharing::PerConsumer)
        .compose(input("top", diamond_top()), plugs())
        .unwrap();
    // A counter each: both see 1.
    assert_eq!(
        call_u32(&separate.bytes, "test:top/run", "run").unwrap(),
        11
    );
    assert!(
        separate.explanation.contains("instance `s#2` of `s`"),
        "{}",
        separate.explanation
    );
}

#[test]
fn plug_imports_satisfied_by_another_plug() {
    let composed = Composition::plug(
        input("root", plugged_root()),
        vec![input("py", plug_y()), input("px", plug_x())],
    )
    .unwrap();
    assert_eq!(
        call_u32(&composed.bytes, "test:proot/run", "run").unwrap(),
        115
    );
}

#[test]
fn version_bridging_prefers_a_newer_exporter() {
    // `old` loses to `new` and is then unused: kept on purpose here, an error by default.
    let plugs = || {
        vec![
            input("old", versioned_provider("0.2.1", 1)),
            input("new", versioned_provider("0.2.6", 42)),
        ]
    };
    let error = Composition::plug(input("root", versioned_consumer()), plugs()).unwrap_err();
    assert_eq!(
        error.kind(),
        knit_composer::ErrorKind::UnusedPlug,
        "{error}"
    );
    let composed = Composition::new()
        .allow_unused_plugs(true)
        .compose(
            input("root", versioned_consumer()),
            vec![
                input("old", versioned_provider("0.2.1", 1)),
                input("new", versioned_provider("0.2.6", 42)),
            ],
        )
        .unwrap();
    assert_eq!(
        call_u32(&composed.bytes, "test:vroot/run", "run").unwrap(),
        1042
    );
    assert!(
        composed.explanation.contains(
            "import test:v/api@0.2.3: satisfied by `new` export `test:v/api@0.2.6` (version-bridged 0.2.3 -> 0.2.6)"
        ),
        "{}",
        composed.explanation
    );
    assert!(composed.explanation.contains("plug `old` is unused"));
}

#[test]
fn version_bridging_accepts_an_older_exporter_when_alone() {
    let composed = Composition::plug(
        input("root", versioned_consumer()),
        vec![input("old", versioned_provider("0.2.1", 1))],
    )
    .unwrap();
    assert_eq!(
        call_u32(&composed.bytes, "test:vroot/run", "run").unwrap(),
        1001
    );
}

#[test]
fn shared_host_imports_are_merged() {
    let composed =
        Composition::plug(input("root", host_root()), vec![input("pk", host_plug())]).unwrap();
    assert_eq!(import_names(&composed.bytes), ["test:h/host"]);
    let value = call_u32_with(&composed.bytes, "test:hroot/run", "run", |linker| {
        let mut host = linker.instance("test:h/host")?;
        host.func_wrap("value", |_, ()| Ok((7u32,)))?;
        host.func_wrap("scale", |_, ()| Ok((3u32,)))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(value, 3007);
    assert!(
        composed
            .explanation
            .contains("left for the host as import `test:h/host` (merged with `root`)"),
        "{}",
        composed.explanation
    );
}

#[test]
fn dot_graph_shows_every_edge() {
    let composed = Composition::plug(
        input("a", chain_a()),
        vec![input("b", chain_b()), input("c", chain_c())],
    )
    .unwrap();
    assert_eq!(composed.dot.matches(" -> ").count(), 3, "{}", composed.dot);
}

#[test]
fn permuted_plug_order_gives_identical_bytes() {
    let plugs = [
        ("left", diamond_side("left")),
        ("right", diamond_side("right")),
        ("s", diamond_shared()),
    ];
    let orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]];
    let outputs: Vec<Vec<u8>> = orders
        .iter()
        .map(|order| {
            let plugs = order
                .iter()
                .map(|&i| input(plugs[i].0, plugs[i].1.clone()))
                .collect();
            Composition::plug(input("top", diamond_top()), plugs)
                .unwrap()
                .bytes
        })
        .collect();
    for output in &outputs[1..] {
        assert!(output == &outputs[0], "output depends on the plug order");
    }
    // Host-import merging is order independent too.
    let a = Composition::plug(input("root", host_root()), vec![input("pk", host_plug())]).unwrap();
    let b = Composition::plug(input("root", host_root()), vec![input("pk", host_plug())]).unwrap();
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn compatible_versions_of_a_host_import_are_merged() {
    let composed = Composition::plug(
        input("root", versioned_host_root()),
        vec![input("pk", versioned_host_plug())],
    )
    .unwrap();
    assert_eq!(import_names(&composed.bytes), ["test:v/api@0.2.6"]);
    let value = call_u32_with(&composed.bytes, "test:vh/run", "run", |linker| {
        linker
            .instance("test:v/api@0.2.6")?
            .func_wrap("answer", |_, ()| Ok((4u32,)))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(value, 4004);
    assert!(
        composed.explanation.contains(
            "import test:v/api@0.2.3: left for the host as import `test:v/api@0.2.6` (version-bridged 0.2.3 -> 0.2.6)"
        ),
        "{}",
        composed.explanation
    );
}

#[test]
fn resources_used_across_interfaces_stay_typed() {
    use common::dummy;
    let types = "package test:r; interface types { resource blob { size: func() -> u32; } }
                 interface api { use types.{blob}; make: func() -> blob; measure: func(b: borrow<blob>) -> u32; }";
    let root = dummy(
        &[
            types,
            "package test:k; interface k { k: func() -> u32; }",
            "package test:rroot; world root { import test:r/api; import test:k/k; export run: func() -> u32; }",
        ],
        "root",
    );
    let plug = dummy(
        &[
            types,
            "package test:k; interface k { k: func() -> u32; }
             world pk { import test:r/types; export k; }",
        ],
        "pk",
    );
    let composed = Composition::plug(input("root", root), vec![input("pk", plug)]).unwrap();
    assert_eq!(
        import_names(&composed.bytes),
        ["test:r/types", "test:r/api"]
    );
    assert_eq!(export_names(&composed.bytes), ["run"]);
}

#[test]
fn resources_provided_by_a_plug_keep_their_identity() {
    use common::dummy;
    let types = "package test:r; interface types { resource blob { size: func() -> u32; } }
                 interface api { use types.{blob}; make: func() -> blob; measure: func(b: borrow<blob>) -> u32; }";
    let root = dummy(
        &[
            types,
            "package test:rroot; world root { import test:r/api; export run: func() -> u32; }",
        ],
        "root",
    );
    let plug = dummy(
        &[
            types,
            "package test:rimpl; world rimpl { export test:r/types; export test:r/api; }",
        ],
        "rimpl",
    );
    let composed = Composition::plug(input("root", root), vec![input("rimpl", plug)]).unwrap();
    assert!(
        import_names(&composed.bytes).is_empty(),
        "{}",
        composed.explanation
    );
    assert!(
        composed
            .explanation
            .contains("import test:r/types: satisfied by `rimpl`"),
        "{}",
        composed.explanation
    );
}

#[test]
fn exported_types_from_a_plug_are_reexported() {
    use common::dummy;
    let types = "package test:r; interface types { resource blob { size: func() -> u32; } }";
    let root = dummy(
        &[
            types,
            "package test:w; interface wrap { use test:r/types.{blob}; wrap: func() -> blob; }
             world root { import test:r/types; export wrap; }",
        ],
        "root",
    );
    let plug = dummy(
        &[
            types,
            "package test:rimpl; world rimpl { export test:r/types; }",
        ],
        "rimpl",
    );
    let composed = Composition::plug(input("root", root), vec![input("rimpl", plug)]).unwrap();
    // `wrap` returns the plug's resource, so the plug's `types` is exported too.
    assert_eq!(
        export_names(&composed.bytes),
        ["test:r/types", "test:w/wrap"]
    );
    let decoded = wit_component::decode(&composed.bytes).unwrap();
    let mut printer = wit_component::WitPrinter::default();
    printer
        .print(decoded.resolve(), decoded.package(), &[])
        .unwrap();
    let wit = printer.output.to_string();
    assert!(wit.contains("export test:r/types;"), "{wit}");
    assert!(
        composed
            .explanation
            .contains("test:r/types from `rimpl` export `test:r/types`"),
        "{}",
        composed.explanation
    );
}

#[test]
fn skipping_code_validation_gives_the_same_bytes() {
    let full =
        Composition::plug(input("root", host_root()), vec![input("pk", host_plug())]).unwrap();
    let fast = Composition::new()
        .validate_code(false)
        .compose(input("root", host_root()), vec![input("pk", host_plug())])
        .unwrap();
    assert_eq!(full.bytes, fast.bytes);
}

#[test]
fn wasi_imports_of_root_and_plug_are_merged() {
    use common::dummy_with_wasi;
    let k = "package test:k; interface k { k: func() -> u32; }";
    let root = dummy_with_wasi(
        &[
            k,
            "package test:wroot; world root {
                import wasi:cli/environment@0.2.0; import wasi:io/streams@0.2.0; import test:k/k;
                export run: func() -> u32;
            }",
        ],
        "root",
    );
    let plug = dummy_with_wasi(
        &[
            k,
            "package test:wplug; world plug {
                import wasi:cli/stdout@0.2.0; import wasi:io/streams@0.2.0; export test:k/k;
            }",
        ],
        "plug",
    );
    let composed = Composition::plug(input("root", root), vec![input("plug", plug)]).unwrap();
    let imports = import_names(&composed.bytes);
    assert_eq!(
        imports
            .iter()
            .filter(|n| n.starts_with("wasi:io/streams"))
            .count(),
        1,
        "{imports:?}"
    );
    for wanted in [
        "wasi:cli/environment@0.2.0",
        "wasi:cli/stdout@0.2.0",
        "wasi:io/error@0.2.0",
    ] {
        assert!(
            imports.iter().any(|n| n == wanted),
            "{wanted} in {imports:?}"
        );
    }
    assert!(
        !imports.iter().any(|n| n.starts_with("test:k")),
        "{imports:?}"
    );
    assert_eq!(export_names(&composed.bytes), ["run"]);
}

/// `test:io@<version>`: `error` owns a resource that `streams` uses. `extra`
/// adds a function to `streams` that only some importers use; `width` is the
/// integer type of `write`'s parameter.
fn io_package(version: &str, extra: bool, width: &str) -> String {
    let extra = if extra {
        "check: func() -> option<error>;"
    } else {
        ""
    };
    format!(
        "package test:io@{version};
         interface error {{ resource error {{ describe: func() -> string; }} }}
         interface streams {{
             use error.{{error}};
             resource pipe {{ write: func(n: {width}) -> result<u32, error>; {extra} }}
             open: func() -> pipe;
         }}"
    )
}

/// A root importing `test:io/streams@<version>` (and, with `extra`, using
/// `pipe.check`), and a plug (through `test:k/k`) importing the same
/// interface at `plug_version` with `write` taking `plug_width`.
fn io_pair(
    root_version: &str,
    root_extra: bool,
    plug_version: &str,
    plug_width: &str,
) -> (Vec<u8>, Vec<u8>) {
    use common::dummy;
    let k = "package test:k; interface k { k: func() -> u32; }";
    let root = dummy(
        &[
            &io_package(root_version, root_extra, "u32"),
            k,
            &format!(
                "package test:ioroot; world root {{
                    import test:io/streams@{root_version}; import test:k/k;
                    export run: func() -> u32;
                }}"
            ),
        ],
        "root",
    );
    let plug = dummy(
        &[
            &io_package(plug_version, false, plug_width),
            k,
            &format!(
                "package test:ioplug; world plug {{
                    import test:io/streams@{plug_version}; export test:k/k;
                }}"
            ),
        ],
        "plug",
    );
    (root, plug)
}

/// Composes the root of `io_pair` (0.2.0) with its plug (0.2.6) and checks the imports of the
/// result.
fn compose_io_pair(
    root_extra: bool,
    plug_width: &str,
    imports: &[&str],
) -> knit_composer::Composed {
    let (root, plug) = io_pair("0.2.0", root_extra, "0.2.6", plug_width);
    let composed = Composition::plug(input("root", root), vec![input("plug", plug)]).unwrap();
    assert_eq!(
        import_names(&composed.bytes),
        imports,
        "{}",
        composed.explanation
    );
    composed
}

/// The WIT text of a composed component.
fn composed_wit(bytes: &[u8]) -> String {
    let decoded = wit_component::decode(bytes).unwrap();
    let others: Vec<_> = decoded
        .resolve()
        .packages
        .iter()
        .map(|(id, _)| id)
        .filter(|id| *id != decoded.package())
        .collect();
    let mut printer = wit_component::WitPrinter::default();
    printer
        .print(decoded.resolve(), decoded.package(), &others)
        .unwrap();
    printer.output.to_string()
}

#[test]
fn interfaces_sharing_resources_are_bridged_together() {
    let composed = compose_io_pair(
        false,
        "u32",
        &["test:io/error@0.2.6", "test:io/streams@0.2.6"],
    );
    for bridged in ["test:io/error@0.2.0", "test:io/streams@0.2.0"] {
        assert!(
            composed.explanation.contains(&format!(
                "import {bridged}: left for the host as import `{}` (version-bridged 0.2.0 -> 0.2.6)",
                bridged.replace("0.2.0", "0.2.6")
            )),
            "{}",
            composed.explanation
        );
    }
}

#[test]
fn a_bridged_import_is_the_union_of_what_its_importers_use() {
    // Only the older root uses `pipe.check`; the newer import carries it too.
    let composed = compose_io_pair(
        true,
        "u32",
        &["test:io/error@0.2.6", "test:io/streams@0.2.6"],
    );
    let wit = composed_wit(&composed.bytes);
    assert!(wit.contains("check: func() -> option<error>;"), "{wit}");
}

#[test]
fn a_bridge_between_disagreeing_views_is_not_made() {
    // The plug's 0.2.6 `write` takes a u64 where the root's 0.2.0 takes a u32:
    // bridging would break the root, so each keeps its own version, and
    // `error`, which `streams` uses, stays with it.
    let composed = compose_io_pair(
        false,
        "u64",
        &[
            "test:io/error@0.2.6",
            "test:io/streams@0.2.6",
            "test:io/error@0.2.0",
            "test:io/streams@0.2.0",
        ],
    );
    let note = "note: imports of `test:io@0.2.0` kept apart from `test:io@0.2.6`: `plug` and `root` disagree about `test:io/streams@0.2.6`";
    assert!(
        composed.explanation.contains(note),
        "{}",
        composed.explanation
    );
}
