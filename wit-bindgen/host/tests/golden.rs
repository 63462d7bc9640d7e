//! Golden tests: the generated host bindings of a few worlds (with different option sets) and the
//! error messages for bad options. Refresh the expected files with `BLESS=1`.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_host::{Options, generate_source};
use pretty_assertions::assert_eq;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn scenario(name: &str) -> PathBuf {
    root()
        .join("../../test-worlds/scenarios")
        .join(name)
        .join("test.wit")
}

fn generate(path: &Path, options: &Options) -> Result<String, String> {
    let source = WitSource {
        paths: vec![path.to_path_buf()],
        ..WitSource::default()
    };
    let loaded = load(&source).map_err(|e| e.to_string())?;
    generate_source(&loaded.resolve, loaded.world, options).map_err(|e| format!("{e:#}"))
}

fn compare(expected_path: &Path, actual: &str) {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(expected_path, actual).expect("writing the golden file");
        return;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with BLESS=1 to create it)",
            expected_path.display()
        )
    });
    assert_eq!(
        expected,
        actual,
        "{} is out of date (BLESS=1 refreshes it)",
        expected_path.display()
    );
}

fn golden(name: &str, scenario_name: &str, options: Options) {
    let options = Options {
        format: true,
        ..options
    };
    let code = generate(&scenario(scenario_name), &options).expect("generation succeeds");
    compare(
        &root().join("tests/golden").join(format!("{name}.rs")),
        &code,
    );
}

#[test]
fn basics() {
    golden("basics", "basics", Options::default());
}

#[test]
fn resources_borrow_own() {
    golden(
        "resources-borrow-own",
        "resources-borrow-own",
        Options::default(),
    );
}

#[test]
fn typed_errors() {
    golden(
        "errors-typed",
        "errors",
        Options {
            typed_errors: vec!["knit:errors/host#read".into()],
            ..Options::default()
        },
    );
}

#[test]
fn async_and_trappable() {
    let options = Options {
        async_: vec!["knit:async-host/host#fetch".into(), "fetch-all".into()],
        trappable: vec!["knit:async-host/host#double".into()],
        ..Options::default()
    };
    golden("async-host", "async-host", options);
}

#[test]
fn with_maps_a_resource_type() {
    let mut options = Options::default();
    options.with.insert(
        "knit:resources-import/blobs/blob".into(),
        "crate::MyBlob".into(),
    );
    golden("resources-import-with", "resources-import", options);
}

/// Parses `// options: key=value,value key=value` from the first line of an error case.
fn case_options(text: &str) -> Options {
    let mut options = Options::default();
    let line = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// options:"))
        .unwrap_or("");
    for option in line.split_whitespace() {
        let (key, value) = option.split_once('=').expect("key=value");
        let values: Vec<String> = value.split(',').map(String::from).collect();
        match key {
            "async" => options.async_ = values,
            "trappable" => options.trappable = values,
            "typed_errors" => options.typed_errors = values,
            "with" => {
                let (k, v) = value.split_once('=').expect("with=key=path");
                options.with.insert(k.into(), v.into());
            }
            other => panic!("unknown option {other}"),
        }
    }
    options
}

#[test]
fn error_messages() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/errors"))
        .expect("errors folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "wit"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let text = std::fs::read_to_string(&case).expect("readable case");
        let err = generate(&case, &case_options(&text)).expect_err("the case must fail");
        compare(&case.with_extension("stderr"), &format!("{err}\n"));
    }
}
