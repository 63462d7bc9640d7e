//! Error snapshots of the `knit` binary: each `tests/errors/<case>.args` (one argument per line;
//! `$FIXTURES` and `$TMP` are substituted) must fail with exactly the stderr in `<case>.stderr`, and
//! write nothing. `BLESS=1` rewrites the expected files.

use std::path::Path;
use std::process::Command;

fn normalize(text: &str, fixtures: &Path, tmp: &Path) -> String {
    text.replace(&fixtures.display().to_string(), "$FIXTURES")
        .replace(&tmp.display().to_string(), "$TMP")
}

#[test]
fn error_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let fixtures = root.join("fixtures");
    let bless = std::env::var_os("BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(root.join("errors"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 8,
        "expected the error cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let tmp = tempfile::tempdir().unwrap();
        let args: Vec<String> = std::fs::read_to_string(case)
            .unwrap()
            .lines()
            .map(|l| {
                l.replace("$FIXTURES", &fixtures.display().to_string())
                    .replace("$TMP", &tmp.path().display().to_string())
            })
            .collect();
        let output = Command::new(env!("CARGO_BIN_EXE_knit"))
            .args(&args)
            .env_remove("RUST_BACKTRACE")
            .output()
            .unwrap();
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        if output.status.success() {
            failures.push(format!("{name}: succeeded, expected a failure"));
            continue;
        }
        let written: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        if !written.is_empty() {
            failures.push(format!(
                "{name}: wrote {} file(s) although it failed",
                written.len()
            ));
        }
        let stderr = normalize(
            &String::from_utf8_lossy(&output.stderr),
            &fixtures,
            tmp.path(),
        );
        let expected_path = case.with_extension("stderr");
        if bless {
            std::fs::write(&expected_path, &stderr).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != stderr {
            failures.push(format!(
                "{name}: stderr differs\n{}",
                pretty_assertions::StrComparison::new(&expected, &stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
