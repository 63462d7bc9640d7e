//! Golden snapshots of loader error messages.
//!
//! Each `tests/errors/<case>.wit` is loaded as a single file and must fail; the error text must equal
//! `tests/errors/<case>.stderr`. A case may start with directive comments:
//!
//! ```text
//! // load: world=<name>
//! // load: features=<a,b>
//! // load: all-features
//! ```
//!
//! Run with `BLESS=1` to rewrite the expected files from the current output.

use std::path::Path;

use knit_bindgen_core::load::{WitSource, load};

/// Applies the `// load:` directives at the top of a case.
fn source_for(relative: &Path, text: &str) -> WitSource {
    let mut source = WitSource {
        paths: vec![relative.to_path_buf()],
        ..WitSource::default()
    };
    for line in text.lines() {
        let Some(directive) = line.strip_prefix("// load:") else {
            break;
        };
        let directive = directive.trim();
        if let Some(world) = directive.strip_prefix("world=") {
            source.world = Some(world.to_string());
        } else if let Some(features) = directive.strip_prefix("features=") {
            source.features = features.split(',').map(str::to_string).collect();
        } else if directive == "all-features" {
            source.all_features = true;
        } else {
            panic!("{}: unknown directive `{directive}`", relative.display());
        }
    }
    source
}

#[test]
fn error_snapshots() {
    // Paths are relative to the crate so the snapshots do not depend on where the tree lives.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let bless = std::env::var_os("BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir("tests/errors")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "wit"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 8,
        "expected at least 8 error cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let text = std::fs::read_to_string(case).unwrap();
        let actual = match load(&source_for(case, &text)) {
            Ok(_) => format!("unexpected success loading {}\n", case.display()),
            Err(err) => format!("{err}\n"),
        };
        let expected_path = case.with_extension("stderr");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push((case.clone(), expected, actual));
        }
    }
    for (case, expected, actual) in &failures {
        eprintln!("---- {} (rerun with BLESS=1 to accept)", case.display());
        eprintln!(
            "{}",
            pretty_assertions::StrComparison::new(expected, actual)
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} error snapshots differ",
        failures.len(),
        cases.len()
    );
}
