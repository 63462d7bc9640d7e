//! Runs every runtime scenario against every guest language that takes part.
//!
//! Scenarios are discovered from the folders of `test-worlds/scenarios/` (one with a `test.wit`);
//! a scenario's languages are its guest subfolders (`rust/`, `go/`, later `js/`). Each scenario
//! has a host-check module registered in `tests/scenarios/mod.rs`. A scenario may declare expected
//! failures in `scenarios/<name>/expected-failures` (`<language>: <reason>` lines, the reason a
//! piece of the error message): such a trial passes only while it fails with that reason, and
//! fails when it fails for another reason or passes, so the list never goes stale. The rules are
//! in `runner/`, and its self-tests run as trials named `runner::<case>`.
//!
//! `cargo test -p knit-test-worlds --test runtime -- basics` filters by scenario; `-- ::rust` by
//! language (trial names are `<scenario>::<language>`).

#[macro_use]
mod scenarios;
mod runner;

use libtest_mimic::{Arguments, Failed, Trial};
use runner::Expected;
use std::collections::BTreeMap;
use std::path::Path;

/// Guest languages, in the order their trials are listed.
const LANGUAGES: &[&str] = &["rust", "go", "js"];

/// The expected failures a scenario folder declares, by language (none without the file).
fn expected_failures(dir: &Path, guests: &[&str]) -> Result<BTreeMap<String, Expected>, String> {
    let path = dir.join("expected-failures");
    let scenario = dir.file_name().unwrap_or_default().to_string_lossy();
    let file = format!("scenarios/{scenario}/expected-failures");
    match std::fs::read_to_string(&path) {
        Ok(text) => runner::parse_expected_failures(&file, &text, LANGUAGES, guests),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn trial(
    scenario: String,
    language: &'static str,
    expected: Result<Option<Expected>, String>,
) -> Trial {
    let name = format!("{scenario}::{language}");
    Trial::test(name, move || {
        let expected = expected.map_err(Failed::from)?;
        let Some(check) = scenarios::host_check(&scenario) else {
            return Err(format!(
                "scenario `{scenario}` has no host check: add a module to tests/scenarios/mod.rs"
            )
            .into());
        };
        let outcome = check(language).map_err(|e| format!("{e:#}"));
        runner::verdict(outcome, expected.as_ref()).map_err(Failed::from)
    })
}

fn main() {
    let args = Arguments::from_args();
    let root = knit_test_worlds::scenarios_dir();
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .expect("the scenarios folder is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("test.wit").is_file())
        .collect();
    folders.sort();
    let mut trials = runner::self_tests();
    for dir in folders {
        let scenario = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let guests: Vec<&'static str> = LANGUAGES
            .iter()
            .copied()
            .filter(|l| dir.join(l).is_dir())
            .collect();
        let expected = expected_failures(&dir, &guests);
        for language in guests {
            let declared = expected.clone().map(|x| x.get(language).cloned());
            trials.push(trial(scenario.clone(), language, declared));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
