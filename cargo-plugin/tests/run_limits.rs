//! `knit run` on a component that misbehaves: `--fuel`, `--timeout` and `--max-memory` stop it with
//! a message naming the limit and a distinct exit code, and `--invoke` calls exports of a
//! component that is not a command, printing results in WAVE.

use std::path::Path;
use std::process::{Command, Output};

/// A library component: `spin` loops forever, `grow(pages)` grows its memory, `add(a, b)` adds,
/// `pair(x)` returns a record.
const GUEST: &str = r#"(component
    (core module $m
      (memory 1)
      (func (export "spin") (loop $l (br $l)))
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
      (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
    (core instance $i (instantiate $m))
    (func (export "spin") (canon lift (core func $i "spin")))
    (func (export "grow") (param "pages" u32) (result s32) (canon lift (core func $i "grow")))
    (func (export "add") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add"))))"#;

fn knit_run(dir: &Path, args: &[&str]) -> Output {
    let component = dir.join("guest.wasm");
    if !component.exists() {
        std::fs::write(&component, wat::parse_str(GUEST).unwrap()).unwrap();
    }
    Command::new(env!("CARGO_BIN_EXE_knit"))
        .arg("run")
        .arg(&component)
        .arg("--no-cache")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn invoke_calls_an_export_and_prints_wave() {
    let dir = tempfile::tempdir().unwrap();
    let output = knit_run(dir.path(), &["--invoke", "add(40, 2)"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "42\n");
    let output = knit_run(dir.path(), &["--invoke", "add(\"x\", 2)"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("do not fit `add`"),
        "{}",
        stderr(&output)
    );
    let output = knit_run(dir.path(), &["--invoke", "sub(1, 2)"]);
    assert!(
        stderr(&output).contains("exports no function `sub`"),
        "{}",
        stderr(&output)
    );
    let output = knit_run(dir.path(), &[]);
    assert!(
        stderr(&output).contains("is not a command"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("--invoke"), "{}", stderr(&output));
}

#[test]
fn a_runaway_guest_is_stopped_by_each_limit_with_its_own_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for (args, code, message) in [
        (
            &["--fuel", "100000", "--invoke", "spin()"][..],
            123,
            "used all its fuel (--fuel 100000)",
        ),
        (
            &["--timeout", "300ms", "--invoke", "spin()"][..],
            124,
            "ran longer than --timeout (300ms)",
        ),
        (
            &["--max-memory", "1MiB", "--invoke", "grow(100)"][..],
            122,
            "past --max-memory (1048576 bytes)",
        ),
    ] {
        let output = knit_run(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // Below the limit, growth works.
    let output = knit_run(dir.path(), &["--max-memory", "1MiB", "--invoke", "grow(2)"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1\n");
    let output = knit_run(dir.path(), &["--timeout", "soon", "--invoke", "spin()"]);
    assert_eq!(output.status.code(), Some(2));
}
