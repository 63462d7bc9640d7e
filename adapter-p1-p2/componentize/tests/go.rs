//! Go programs built with `GOOS=wasip1 GOARCH=wasm` run as components: a
//! command through the command adapter (compared with wasmtime's native
//! preview1), and a `-buildmode=c-shared` library with `//go:wasmexport`
//! through the reactor adapter. Skipped, with a message, without `go`.

mod common;

use common::{Setup, call_add, go_program, run_component, run_native, tree};
use knit_componentize::{Options, Variant, componentize};
use pretty_assertions::assert_eq;

#[test]
fn go_command_matches_native() {
    let Some(module) = go_program("go-command", false) else {
        return;
    };
    let made = componentize(&module, &Options::default()).expect("componentize");
    assert_eq!(made.variant, Some(Variant::Command));
    let (nd, ad) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let setup = |d: &tempfile::TempDir| Setup {
        args: vec!["prog".into(), "x".into(), "y".into()],
        env: vec![("GREETING".into(), "hi".into())],
        stdin: b"one\ntwo\nthree\n".to_vec(),
        dir: Some(d.path().to_path_buf()),
    };
    let native = run_native(&module, &setup(&nd));
    let adapted = run_component(&made.component, &setup(&ad));
    assert_eq!(adapted, native);
    assert_eq!(adapted.exit, Ok(3));
    assert!(
        adapted
            .stdout
            .contains("readdir: [a.txt b.txt c.txt] <nil>"),
        "{}",
        adapted.stdout
    );
    assert!(adapted.stdout.contains("slept: true"), "{}", adapted.stdout);
    assert!(
        adapted.stdout.contains("stdin lines: 3"),
        "{}",
        adapted.stdout
    );
    assert_eq!(tree(ad.path()), tree(nd.path()));
}

#[test]
fn go_reactor_exports_through_the_reactor_adapter() {
    let Some(module) = go_program("go-reactor", true) else {
        return;
    };
    let mut resolve = wit_parser::Resolve::default();
    let pkg = resolve
        .push_str(
            "calc.wit",
            "package test:calc; world calc { export add: func(a: u32, b: u32) -> u32; }",
        )
        .unwrap();
    let world = resolve.select_world(&[pkg], None).unwrap();
    let made = componentize(
        &module,
        &Options {
            world: Some((resolve, world)),
            ..Options::default()
        },
    )
    .expect("componentize");
    assert_eq!(made.variant, Some(Variant::Reactor));
    let (sum, out) = call_add(&made.component, 40, 2);
    assert_eq!((sum, out.as_str()), (42, "go adds 40 and 2\n"));
}
