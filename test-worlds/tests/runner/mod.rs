//! The runner's own rules, kept free of I/O so they are tested without building a guest: reading a
//! scenario's `expected-failures` file, and deciding a trial's verdict from how its check ended.
//! [`self_tests`] checks both; its trials are named `runner::<case>`.

use libtest_mimic::{Failed, Trial};
use std::collections::BTreeMap;

/// One `<language>: <reason>` line of an `expected-failures` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The file that declares it, for messages.
    pub file: String,
    /// The guest language that is expected to fail.
    pub language: String,
    /// A piece of the error message the failure must contain.
    pub reason: String,
}

/// Parses the text of an `expected-failures` file (`file` names it in messages) into the declared
/// failures by language. Blank lines and lines starting with `#` are skipped. `known` is every
/// language the runner knows, `guests` those the scenario has a guest folder for: a line naming a
/// language outside either, a line without `:`, an empty reason, or a second line for the same
/// language is an error.
pub fn parse_expected_failures(
    file: &str,
    text: &str,
    known: &[&str],
    guests: &[&str],
) -> Result<BTreeMap<String, Expected>, String> {
    let mut out = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{file}:{}", index + 1);
        let Some((language, reason)) = line.split_once(':') else {
            return Err(format!(
                "{at}: expected `<language>: <reason>`, got `{line}`"
            ));
        };
        let (language, reason) = (language.trim(), reason.trim());
        if !known.contains(&language) {
            return Err(format!(
                "{at}: unknown language `{language}` (the runner knows {})",
                known.join(", ")
            ));
        }
        if !guests.contains(&language) {
            return Err(format!(
                "{at}: `{language}` is declared, but the scenario has no `{language}/` guest folder"
            ));
        }
        if reason.is_empty() {
            return Err(format!(
                "{at}: `{language}` has no reason; give a piece of the error message it fails with"
            ));
        }
        let expected = Expected {
            file: file.to_string(),
            language: language.to_string(),
            reason: reason.to_string(),
        };
        if out.insert(language.to_string(), expected).is_some() {
            return Err(format!("{at}: `{language}` is declared twice"));
        }
    }
    Ok(out)
}

/// The verdict on one trial. `outcome` is how the host check ended (on failure, its full error
/// message); `expected` is the trial's line in `expected-failures`, if any. A declared failure
/// counts only when the error contains the declared reason; a failure for any other reason, or a
/// pass, fails the trial with a message saying so.
pub fn verdict(outcome: Result<(), String>, expected: Option<&Expected>) -> Result<(), String> {
    match (outcome, expected) {
        (Ok(()), None) => Ok(()),
        (Err(error), None) => Err(error),
        (Err(error), Some(expected)) if error.contains(&expected.reason) => Ok(()),
        (Err(error), Some(expected)) => Err(format!(
            "expected to fail with `{}` ({}), but it failed for another reason:\n{error}",
            expected.reason, expected.file
        )),
        (Ok(()), Some(expected)) => Err(format!(
            "declared as an expected failure (`{}`) but it passes now: remove the `{}` line \
             from {}",
            expected.reason, expected.language, expected.file
        )),
    }
}

/// Fails with `message` unless `condition` holds.
fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(message().into())
    }
}

const FILE: &str = "scenarios/demo/expected-failures";
const KNOWN: &[&str] = &["rust", "go", "js"];

fn go_line(reason: &str) -> Expected {
    Expected {
        file: FILE.into(),
        language: "go".into(),
        reason: reason.into(),
    }
}

/// Checks that parsing `text` fails with an error containing `want`.
fn parse_fails(text: &str, guests: &[&str], want: &str) -> Result<(), Failed> {
    match parse_expected_failures(FILE, text, KNOWN, guests) {
        Ok(parsed) => {
            Err(format!("{text:?} parsed as {parsed:?}, want an error about `{want}`").into())
        }
        Err(error) => ensure(error.contains(want) && error.contains(FILE), || {
            format!("{text:?}: the error {error:?} does not name `{want}` and the file")
        }),
    }
}

/// A self-test: its name, and the check.
type Case = (&'static str, fn() -> Result<(), Failed>);

/// The runner's self-tests: one trial per rule of `expected-failures`.
pub fn self_tests() -> Vec<Trial> {
    let cases: [Case; 10] = [
        ("no_declaration_passes", || {
            ensure(verdict(Ok(()), None) == Ok(()), || {
                "a plain pass failed".into()
            })
        }),
        ("no_declaration_fails_with_the_error", || {
            let got = verdict(Err("boom".into()), None);
            ensure(got == Err("boom".into()), || format!("got {got:?}"))
        }),
        ("expected_reason_matches", || {
            let error = "building the Go guest of scenario `demo`: go build failed: no such method";
            let got = verdict(Err(error.into()), Some(&go_line("no such method")));
            ensure(got == Ok(()), || format!("got {got:?}"))
        }),
        ("other_error_is_a_failure", || {
            let error = "the Rust guest of scenario `demo` does not build";
            let got = verdict(Err(error.into()), Some(&go_line("no such method")));
            let message = got.clone().err().unwrap_or_default();
            ensure(
                message.contains("no such method") && message.contains(error),
                || format!("want both the reason and the error, got {got:?}"),
            )
        }),
        ("passing_is_a_failure_saying_remove_it", || {
            let got = verdict(Ok(()), Some(&go_line("no such method")));
            let message = got.clone().err().unwrap_or_default();
            ensure(
                message.contains("passes now") && message.contains("remove the `go` line"),
                || format!("got {got:?}"),
            )
        }),
        ("parses_lines_comments_and_blanks", || {
            let text = "# why\n\ngo:  no such method \n";
            let got = parse_expected_failures(FILE, text, KNOWN, &["rust", "go"]);
            let want = BTreeMap::from([("go".to_string(), go_line("no such method"))]);
            ensure(got == Ok(want), || format!("got {got:?}"))
        }),
        ("unknown_language_is_an_error", || {
            parse_fails(
                "rsut: no such method\n",
                &["rust", "go"],
                "unknown language `rsut`",
            )
        }),
        ("missing_guest_folder_is_an_error", || {
            parse_fails(
                "js: not supported\n",
                &["rust", "go"],
                "no `js/` guest folder",
            )
        }),
        ("empty_reason_is_an_error", || {
            parse_fails("go:\n", &["rust", "go"], "`go` has no reason")
        }),
        ("malformed_and_duplicate_lines_are_errors", || {
            parse_fails("go no colon\n", &["go"], "expected `<language>: <reason>`")?;
            parse_fails("go: a\ngo: b\n", &["go"], "`go` is declared twice")
        }),
    ];
    cases
        .into_iter()
        .map(|(name, case)| Trial::test(format!("runner::{name}"), case))
        .collect()
}
