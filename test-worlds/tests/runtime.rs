//! Runs every runtime scenario against every guest language that takes part.
//!
//! Scenarios are discovered from the folders of `test-worlds/scenarios/` (one with a `test.wit`);
//! a scenario's languages are its guest subfolders (`rust/`, later `go/` and `js/`). Each scenario
//! has a host-check module registered in `tests/scenarios/mod.rs`. A scenario may declare expected
//! failures in `scenarios/<name>/expected-failures` (`<language>: <reason>` lines); such a trial
//! passes while it fails, and fails as soon as it passes, so the list never goes stale.
//!
//! `cargo test -p knit-test-worlds --test runtime -- basics` filters by scenario; `-- ::rust` by
//! language (trial names are `<scenario>::<language>`).

#[macro_use]
mod scenarios;

use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::BTreeMap;
use std::path::Path;

/// Guest languages, in the order their trials are listed.
const LANGUAGES: &[&str] = &["rust", "go", "js"];

/// `language → reason` from a scenario's `expected-failures` file.
fn expected_failures(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let path = dir.join("expected-failures");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(BTreeMap::new());
    };
    let mut out = BTreeMap::new();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let Some((language, reason)) = line.split_once(':') else {
            return Err(format!(
                "{}: expected `<language>: <reason>`, got `{line}`",
                path.display()
            ));
        };
        out.insert(language.trim().to_string(), reason.trim().to_string());
    }
    Ok(out)
}

fn trial(scenario: String, language: &'static str, xfail: Result<Option<String>, String>) -> Trial {
    let name = format!("{scenario}::{language}");
    Trial::test(name, move || {
        let xfail = xfail.map_err(Failed::from)?;
        let Some(check) = scenarios::host_check(&scenario) else {
            return Err(format!(
                "scenario `{scenario}` has no host check: add a module to tests/scenarios/mod.rs"
            )
            .into());
        };
        match (check(language), xfail) {
            (Ok(()), None) => Ok(()),
            (Err(e), None) => Err(Failed::from(format!("{e:#}"))),
            (Err(_), Some(_)) => Ok(()),
            (Ok(()), Some(reason)) => Err(Failed::from(format!(
                "declared as an expected failure ({reason}) but it passes now: remove `{language}` from scenarios/{scenario}/expected-failures"
            ))),
        }
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
    let mut trials = Vec::new();
    for dir in folders {
        let scenario = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let xfails = expected_failures(&dir);
        for language in LANGUAGES.iter().copied().filter(|l| dir.join(l).is_dir()) {
            let xfail = xfails.clone().map(|x| x.get(language).cloned());
            trials.push(trial(scenario.clone(), language, xfail));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
