//! Error snapshots: each failing composition's full message is compared with
//! `tests/errors/<case>.txt`. Run with `BLESS=1` to refresh the files.

mod common;

use common::dummy;
use common::fixtures::*;
use knit_composer::{ComposeError, Composition, ErrorKind, Input, compose_wac};
use std::path::Path;

fn snapshot(case: &str, error: ComposeError) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/errors")
        .join(format!("{case}.txt"));
    let actual = format!("{error}\n");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with BLESS=1", path.display()));
    pretty_assertions::assert_eq!(expected, actual);
}

const GEO_OK: &str = "package test:g; interface geo {
    record point { x: u32, y: u32 }
    record shape { name: string, corner: point }
    area: func(s: shape) -> u32;
}";

const GEO_BAD: &str = "package test:g; interface geo {
    record point { x: u32, y: string }
    record shape { name: string, corner: point }
    area: func(s: shape) -> u32;
}";

#[test]
fn type_mismatch_deep_in_a_record() {
    let root = dummy(
        &[
            GEO_OK,
            "package test:app; world app { import test:g/geo; export run: func(); }",
        ],
        "app",
    );
    let plug = dummy(
        &[
            GEO_BAD,
            "package test:gimpl; world gimpl { export test:g/geo; }",
        ],
        "gimpl",
    );
    let error =
        Composition::plug(Input::new("app", root), vec![Input::new("geo", plug)]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TypeMismatch);
    snapshot("type-mismatch", error);
}

#[test]
fn every_type_difference_is_named_at_once() {
    let root = dummy(
        &[
            "package test:g; interface geo {
                record point { x: u32, y: u32 }
                enum unit { mm, cm }
                area: func(p: point, u: unit) -> u32;
                perimeter: func(p: point) -> u64;
            }",
            "package test:app; world app { import test:g/geo; export run: func(); }",
        ],
        "app",
    );
    let plug = dummy(
        &[
            "package test:g; interface geo {
                record point { x: u32, y: s32 }
                enum unit { mm, inch }
                area: func(p: point, u: unit) -> u32;
                perimeter: func(p: point) -> u32;
            }",
            "package test:gimpl; world gimpl { export test:g/geo; }",
        ],
        "gimpl",
    );
    let error =
        Composition::plug(Input::new("app", root), vec![Input::new("geo", plug)]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TypeMismatch);
    snapshot("type-mismatch-several", error);
}

#[test]
fn unused_plug_names_its_exports_and_the_nearest_import() {
    let ops = |version: &str| {
        format!(
            "package docs:math@{version}; interface ops {{ add: func(a: u32, b: u32) -> u32; }}"
        )
    };
    let root = dummy(
        &[
            &ops("1.0.0"),
            "package docs:app; world app { import docs:math/ops@1.0.0; export run: func(); }",
        ],
        "app",
    );
    let plug_a = dummy(
        &[
            &ops("1.0.0"),
            "package docs:impl; world a { export docs:math/ops@1.0.0; }",
        ],
        "a",
    );
    let plug_b = dummy(
        &[
            &ops("2.0.0"),
            "package docs:impl2; world b { export docs:math/ops@2.0.0; }",
        ],
        "b",
    );
    let inputs = || {
        vec![
            Input::new("a", plug_a.clone()),
            Input::new("b", plug_b.clone()),
        ]
    };
    let error = Composition::plug(Input::new("app", root.clone()), inputs()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnusedPlug);
    snapshot("unused-plug", error);
    // Kept on purpose: a note instead.
    let composed = Composition::new()
        .allow_unused_plugs(true)
        .compose(Input::new("app", root), inputs())
        .unwrap();
    assert!(
        composed
            .explanation
            .contains("plug `b` is unused (allowed)"),
        "{}",
        composed.explanation
    );
}

#[test]
fn ambiguous_providers() {
    let error = Composition::plug(
        Input::new("a", chain_a()),
        vec![
            Input::new("b", chain_b()),
            Input::new("b-copy", chain_b()),
            Input::new("c", chain_c()),
        ],
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::AmbiguousProvider);
    snapshot("ambiguous", error);
}

#[test]
fn cycle_is_reported_as_a_path() {
    let ifaces = "package test:cy; interface a { f: func(); } interface b { g: func(); } interface c { h: func(); }";
    let first = dummy(
        &[
            ifaces,
            "package test:one; world one { import test:cy/b; export test:cy/a; }",
        ],
        "one",
    );
    let second = dummy(
        &[
            ifaces,
            "package test:two; world two { import test:cy/c; export test:cy/b; }",
        ],
        "two",
    );
    let third = dummy(
        &[
            ifaces,
            "package test:three; world three { import test:cy/a; export test:cy/c; }",
        ],
        "three",
    );
    let error = Composition::plug(
        Input::new("one", first),
        vec![Input::new("two", second), Input::new("three", third)],
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Cycle);
    snapshot("cycle", error);
}

#[test]
fn core_module_is_not_a_component() {
    let module = wat::parse_str("(module)").unwrap();
    let error = Composition::plug(Input::new("core", module), vec![]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadComponent);
    snapshot("not-a-component", error);
}

fn wac(script: &str) -> ComposeError {
    let deps = [
        ("test:a", chain_a()),
        ("test:b", chain_b()),
        ("test:c", chain_c()),
    ];
    compose_wac("script.wac", script, &mut |name| {
        deps.iter()
            .find(|(n, _)| *n == name)
            .map(|(n, bytes)| Input::new(*n, bytes.clone()))
    })
    .unwrap_err()
}

#[test]
fn wac_missing_export() {
    let error = wac("package test:x;\nlet c = new test:c {};\nexport c.nothing;\n");
    assert_eq!(error.kind(), ErrorKind::MissingExport);
    snapshot("wac-missing-export", error);
}

#[test]
fn wac_missing_argument() {
    let error = wac("package test:x;\nlet b = new test:b {};\n");
    assert_eq!(error.kind(), ErrorKind::MissingExport);
    snapshot("wac-missing-argument", error);
}

#[test]
fn wac_syntax_error() {
    let error = wac("package test:x;\nlet c = new test:c { a b };\n");
    assert_eq!(error.kind(), ErrorKind::Script);
    snapshot("wac-syntax", error);
}

#[test]
fn wac_unknown_package() {
    let error = wac("package test:x;\nlet z = new test:zzz {};\n");
    assert_eq!(error.kind(), ErrorKind::Script);
    snapshot("wac-unknown-package", error);
}

#[test]
fn wac_type_mismatch() {
    let root = dummy(
        &[
            GEO_OK,
            "package test:app; world app { import test:g/geo; export run: func(); }",
        ],
        "app",
    );
    let plug = dummy(
        &[
            GEO_BAD,
            "package test:gimpl; world gimpl { export test:g/geo; }",
        ],
        "gimpl",
    );
    let deps = [("test:app", root), ("test:gimpl", plug)];
    let error = compose_wac(
        "script.wac",
        "package test:x;\nlet g = new test:gimpl {};\nlet app = new test:app { geo: g.geo };\n",
        &mut |name| {
            deps.iter()
                .find(|(n, _)| *n == name)
                .map(|(n, bytes)| Input::new(*n, bytes.clone()))
        },
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TypeMismatch);
    snapshot("wac-type-mismatch", error);
}

#[test]
fn damaged_inputs_give_errors_not_panics() {
    let good = chain_b();
    let plug = chain_c();
    for cut in (0..good.len()).step_by(7) {
        let result = Composition::plug(
            Input::new("b", good[..cut].to_vec()),
            vec![Input::new("c", plug.clone())],
        );
        match result {
            // Cutting between sections can leave a smaller, valid component.
            Ok(composed) => {
                wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                    .validate_all(&composed.bytes)
                    .expect("a returned composition is valid");
            }
            Err(error) => {
                assert_eq!(
                    error.kind(),
                    ErrorKind::BadComponent,
                    "cut at {cut}: {error}"
                )
            }
        }
    }
    // Flipped bytes: any outcome but a panic; successes must still validate.
    for position in (8..good.len()).step_by(5) {
        let mut damaged = good.clone();
        damaged[position] ^= 0x5a;
        if let Ok(composed) = Composition::plug(
            Input::new("b", damaged),
            vec![Input::new("c", plug.clone())],
        ) {
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
                .validate_all(&composed.bytes)
                .expect("a returned composition is valid");
        }
    }
}

#[test]
fn importers_disagree_about_a_shared_import() {
    let root = dummy(
        &[
            "package test:h; interface host { value: func() -> u32; }",
            "package test:k; interface k { k: func(); }",
            "package test:app; world app { import test:h/host; import test:k/k; export run: func(); }",
        ],
        "app",
    );
    let plug = dummy(
        &[
            "package test:h; interface host { value: func() -> string; }",
            "package test:k; interface k { k: func(); } world pk { import test:h/host; export k; }",
        ],
        "pk",
    );
    let error =
        Composition::plug(Input::new("app", root), vec![Input::new("pk", plug)]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::TypeMismatch);
    snapshot("shared-import-conflict", error);
}
