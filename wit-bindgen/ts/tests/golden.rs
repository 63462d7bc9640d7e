//! Golden outputs: a few corpus worlds generated with stubs and compared with the committed files
//! in `tests/golden/` (every generated file of a world in one file, each after a
//! `// ==== <path> ====` line), so every change to the generated TypeScript is visible in review.
//! `BLESS=1 cargo test -p knit-bindgen-ts --test golden` rewrites them.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_ts::{Engine, Options, generate};
use std::path::Path;

/// Corpus entries with a committed golden output, and the engine it is generated for.
const CASES: &[(&str, Engine)] = &[
    ("records-basic", Engine::StarlingMonkey),
    ("variants-basic", Engine::StarlingMonkey),
    ("resources-import", Engine::StarlingMonkey),
    ("resources-export", Engine::StarlingMonkey),
    ("results", Engine::StarlingMonkey),
    ("keywords-rust", Engine::StarlingMonkey),
    ("options", Engine::StarlingMonkey),
    ("options", Engine::QuickJs),
    ("kind-matrix-world", Engine::QuickJs),
];

fn engine_name(engine: Engine) -> &'static str {
    match engine {
        Engine::StarlingMonkey => "starlingmonkey",
        Engine::QuickJs => "quickjs",
    }
}

fn generated(case: &str, engine: Engine) -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-worlds/codegen");
    let source = WitSource {
        paths: vec![corpus.join(format!("{case}.wit"))],
        all_features: true,
        ..Default::default()
    };
    let loaded = load(&source).unwrap_or_else(|e| panic!("{case}: {e}"));
    let options = Options {
        engine,
        stubs: true,
    };
    let files = generate(&loaded.resolve, loaded.world, &options)
        .unwrap_or_else(|e| panic!("{case}: {e:#}"));
    let mut out = String::new();
    for (path, contents) in files.iter() {
        out.push_str(&format!("// ==== {path} ====\n"));
        out.push_str(std::str::from_utf8(contents).expect("utf-8"));
    }
    out
}

#[test]
fn generated_code_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("BLESS").is_some();
    for (case, engine) in CASES {
        let actual = generated(case, *engine);
        let path = dir.join(format!("{case}.{}.ts.txt", engine_name(*engine)));
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("missing {}; run with BLESS=1 to create it", path.display())
        });
        pretty_assertions::assert_eq!(
            expected,
            actual,
            "{case} ({engine:?}): generated code changed; BLESS=1 accepts it"
        );
    }
}

#[test]
fn generation_is_deterministic() {
    for (case, engine) in CASES {
        assert_eq!(
            generated(case, *engine),
            generated(case, *engine),
            "{case}: two runs differ"
        );
    }
}
