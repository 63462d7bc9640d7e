//! Golden outputs: a few corpus worlds generated with the default options and compared with the
//! committed `.rs` files in `tests/golden/`, so every change to generated code is visible in review.
//! `BLESS=1 cargo test -p knit-bindgen-rust --test golden` rewrites them.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_rust::{Options, generate};
use std::path::Path;

/// Corpus entries with a committed golden output.
const CASES: &[&str] = &[
    "records-basic",
    "variants-mixed-width",
    "resources-export",
    "resources-import",
    "flags-sizes",
    "many-params",
];

fn generated(case: &str) -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-worlds/codegen");
    let source = WitSource {
        paths: vec![corpus.join(format!("{case}.wit"))],
        all_features: true,
        ..Default::default()
    };
    let loaded = load(&source).unwrap_or_else(|e| panic!("{case}: {e}"));
    let options = Options {
        format: true,
        ..Default::default()
    };
    let files = generate(&loaded.resolve, loaded.world, &options)
        .unwrap_or_else(|e| panic!("{case}: {e:#}"));
    let (_, contents) = files.iter().next().expect("one file");
    String::from_utf8(contents.to_vec()).expect("utf-8")
}

#[test]
fn generated_code_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    for case in CASES {
        let actual = generated(case);
        let path = dir.join(format!("{case}.rs"));
        if bless {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("missing {}; run with BLESS=1 to create it", path.display())
        });
        pretty_assertions::assert_eq!(
            expected,
            actual,
            "{case}: generated code changed; BLESS=1 accepts it"
        );
    }
}

#[test]
fn generation_is_deterministic() {
    for case in CASES {
        assert_eq!(generated(case), generated(case), "{case}: two runs differ");
    }
}
