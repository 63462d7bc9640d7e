//! Rust std programs built for wasm32-wasip1, componentized with knit's
//! command adapter and run on WASI 0.2, must behave exactly as they do on
//! wasmtime's native preview1: same stdout, stderr, exit status, and the
//! same files left behind.

mod common;

use common::{Outcome, Setup, program, run_component, run_native, tree};
use knit_componentize::{Options, Variant, componentize};
use pretty_assertions::assert_eq;

/// Runs `name` both ways, in fresh temp dirs, and compares everything.
fn same_as_native(name: &str, setup: Setup) -> Outcome {
    let module = program(name);
    let made = componentize(&module, &Options::default()).expect("componentize");
    assert_eq!(made.variant, Some(Variant::Command));
    let native_dir = tempfile::tempdir().unwrap();
    let adapted_dir = tempfile::tempdir().unwrap();
    let with_dir = |d: &tempfile::TempDir| Setup {
        dir: Some(d.path().to_path_buf()),
        ..setup.clone()
    };
    let native = run_native(&module, &with_dir(&native_dir));
    let adapted = run_component(&made.component, &with_dir(&adapted_dir));
    assert_eq!(
        adapted, native,
        "{name}: adapted run differs from native preview1"
    );
    assert_eq!(
        tree(adapted_dir.path()),
        tree(native_dir.path()),
        "{name}: files left behind differ"
    );
    adapted
}

#[test]
fn hello_prints_to_stdout_and_stderr() {
    let out = same_as_native("hello", Setup::default());
    assert_eq!(out.stdout, "hello from a wasip1 program\n");
    assert_eq!(out.stderr, "and a line on stderr\n");
    assert_eq!(out.exit, Ok(0));
}

#[test]
fn args_and_environment() {
    let out = same_as_native(
        "args_env",
        Setup {
            args: vec![
                "prog".into(),
                "one".into(),
                "two words".into(),
                "ünïcode".into(),
            ],
            env: vec![("B_VAR".into(), "b=1".into()), ("A_VAR".into(), "".into())],
            ..Setup::default()
        },
    );
    assert!(out.stdout.contains("arg 2: two words\n"), "{}", out.stdout);
    assert!(out.stdout.contains("env B_VAR=b=1\n"), "{}", out.stdout);
}

#[test]
fn stdin_stdout_stderr() {
    let input: String = (0..2000).map(|i| format!("line {i}\n")).collect();
    let out = same_as_native(
        "stdio",
        Setup {
            stdin: input.clone().into_bytes(),
            ..Setup::default()
        },
    );
    assert_eq!(out.stdout, input.to_uppercase());
    assert_eq!(
        out.stderr,
        format!("read {} bytes in 2000 lines\n", input.len())
    );
}

#[test]
fn exit_codes() {
    for code in [0, 1, 3, 42, 125] {
        let out = same_as_native(
            "exit_code",
            Setup {
                args: vec!["p".into(), code.to_string()],
                ..Setup::default()
            },
        );
        assert_eq!(out.exit, Ok(code));
        assert_eq!(out.stdout, format!("exiting with {code}\n"));
    }
}

#[test]
fn clocks_sleep_and_random() {
    let out = same_as_native("clocks_random", Setup::default());
    assert_eq!(
        out.stdout,
        "realtime after 2020: true\nmonotonic advanced by the sleep: true\ndistinct random seeds: true\n"
    );
}

#[test]
fn files_and_directories() {
    let out = same_as_native("files", Setup::default());
    assert!(
        out.stdout
            .contains("big roundtrip: 100000 bytes, equal true"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("200 open files, last reads 15 bytes"),
        "{}",
        out.stdout
    );
    assert_eq!(out.exit, Ok(0), "{}", out.stderr);
}

/// Lines starting `deviation:` are where knit deliberately differs from
/// wasmtime's native preview1; they are checked against knit's answer, and
/// everything else must match native output exactly.
#[test]
fn every_preview1_function_directly() {
    let module = program("raw");
    let made = componentize(&module, &Options::default()).expect("componentize");
    let setup = |d: &tempfile::TempDir| Setup {
        args: vec!["raw".into(), "arg".into()],
        env: vec![("K".into(), "V".into())],
        dir: Some(d.path().to_path_buf()),
        ..Setup::default()
    };
    let (nd, ad) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let native = run_native(&module, &setup(&nd));
    let adapted = run_component(&made.component, &setup(&ad));
    let split = |s: &str| -> (Vec<String>, Vec<String>) {
        s.lines()
            .map(str::to_string)
            .partition(|l| !l.starts_with("deviation:"))
    };
    let (native_same, _) = split(&native.stdout);
    let (adapted_same, adapted_dev) = split(&adapted.stdout);
    assert_eq!(adapted_same, native_same);
    assert_eq!(
        adapted_dev,
        [
            "deviation: fd_write wrote every iovec: true",
            "deviation: poll_oneoff bad fd: 0 n 1 event error 8",
        ]
    );
    assert_eq!(
        (adapted.exit, adapted.stderr.as_str()),
        (native.exit, native.stderr.as_str())
    );
    assert_eq!(tree(ad.path()), tree(nd.path()));
    assert!(
        adapted
            .stdout
            .contains("fd_readdir: [\"..:3\", \".:3\", \"b:4\""),
        "{}",
        adapted.stdout
    );
}

#[test]
fn panics_exit_like_native() {
    let out = same_as_native("panics", Setup::default());
    assert!(out.stderr.contains("deliberate panic"), "{}", out.stderr);
}
