//! Golden outputs: a few corpus worlds generated with the default options and compared with the
//! committed files in `tests/golden/` (every generated package of a world in one file, each after
//! a `// ==== <path> ====` line; the runtime package `cm` is left out), so every change to
//! generated Go is visible in review. `BLESS=1 cargo test -p knit-bindgen-go --test golden`
//! rewrites them.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_go::{Options, generate};
use std::path::Path;

/// Corpus entries with a committed golden output.
const CASES: &[&str] = &[
    "records-basic",
    "variants-mixed-width",
    "resources-export",
    "resources-import",
    "results",
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
        import_path: "example.com/golden".into(),
        stubs: false,
    };
    let files = generate(&loaded.resolve, loaded.world, &options)
        .unwrap_or_else(|e| panic!("{case}: {e:#}"));
    let mut out = String::new();
    for (path, contents) in files.iter().filter(|(p, _)| !p.starts_with("cm/")) {
        out.push_str(&format!("// ==== {path} ====\n"));
        out.push_str(std::str::from_utf8(contents).expect("utf-8"));
    }
    out
}

#[test]
fn generated_code_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    for case in CASES {
        let actual = generated(case);
        let path = dir.join(format!("{case}.go.txt"));
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
