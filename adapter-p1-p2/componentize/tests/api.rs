//! The `componentize` library API: adapter choice and refusals, warnings,
//! the imports an adapter adds, reactors with an embedded world, sizes next
//! to wasmtime's adapter, and the reproducible adapter build.

mod common;

use common::{Setup, run_component};
use knit_componentize::{AdapterChoice, Options, Variant, adapter_bytes, componentize, rebuild};
use pretty_assertions::assert_eq;
use wasi_preview1_component_adapter_provider as upstream;
use wasmparser::{Parser, Payload};

/// A command that prints one line with `fd_write` and exits with `proc_exit`.
const HELLO_WAT: &str = r#"
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, world\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 13))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 7))))
"#;

/// A library exporting `add` (the world below) that logs through `fd_write`
/// and adds 1000 times the errno of opening a path in fd 3, a preopen it
/// will not find (EBADF, 8).
const REACTOR_WAT: &str = r#"
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "adding\n")
  (func (export "_initialize"))
  (func (export "add") (param i32 i32) (result i32)
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (i32.add
      (i32.add (local.get 0) (local.get 1))
      (i32.mul (i32.const 1000)
        (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 3)
          (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 12))))))
"#;

const REACTOR_WIT: &str =
    "package test:calc; world calc { export add: func(a: u32, b: u32) -> u32; }";

fn wat(text: &str) -> Vec<u8> {
    wat::parse_str(text).expect("fixture WAT parses")
}

/// Sizes of the core modules nested directly in a component, in order.
fn module_sizes(component: &[u8]) -> Vec<usize> {
    Parser::new(0)
        .parse_all(component)
        .filter_map(|p| match p.unwrap() {
            Payload::ModuleSection {
                unchecked_range, ..
            } => Some((unchecked_range.end - unchecked_range.start) as usize),
            _ => None,
        })
        .collect()
}

#[test]
fn hello_world_imports_only_stdio_and_exit_and_carries_little_adapter() {
    let made = componentize(&wat(HELLO_WAT), &Options::default()).unwrap();
    assert_eq!(made.variant, Some(Variant::Command));
    assert!(made.warnings.is_empty());
    assert_eq!(
        made.adapter_imports,
        [
            "wasi:cli/exit@0.2.0",
            "wasi:cli/stderr@0.2.0",
            "wasi:cli/stdout@0.2.0",
            "wasi:io/error@0.2.0",
            "wasi:io/streams@0.2.0",
        ]
    );
    // Module 0 is the program, module 1 the adapter after wit-component's gc.
    let sizes = module_sizes(&made.component);
    assert!(
        sizes[1] <= 5 * 1024,
        "adapter in the hello world is {} bytes",
        sizes[1]
    );
    let out = run_component(&made.component, &Setup::default());
    assert_eq!((out.exit, out.stdout.as_str()), (Ok(7), "hello, world\n"));
}

#[test]
fn reactor_adapter_refuses_a_command_module() {
    let opts = Options {
        adapter: AdapterChoice::Variant(Variant::Reactor),
        ..Options::default()
    };
    let err = componentize(&wat(HELLO_WAT), &opts)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("exports `_start`") && err.contains("reactor adapter"),
        "{err}"
    );
}

#[test]
fn command_adapter_needs_start() {
    let opts = Options {
        adapter: AdapterChoice::Variant(Variant::Command),
        ..Options::default()
    };
    let err = componentize(&wat(REACTOR_WAT), &opts)
        .unwrap_err()
        .to_string();
    assert!(err.contains("needs a `_start`"), "{err}");
}

#[test]
fn bad_input_is_a_clear_error() {
    let err = format!(
        "{:#}",
        componentize(b"not wasm", &Options::default()).unwrap_err()
    );
    assert!(err.contains("not a valid core wasm module"), "{err}");
    let component = componentize(&wat(HELLO_WAT), &Options::default())
        .unwrap()
        .component;
    let err = format!(
        "{:#}",
        componentize(&component, &Options::default()).unwrap_err()
    );
    assert!(err.contains("already a component"), "{err}");
}

fn calc_world() -> (wit_parser::Resolve, wit_parser::WorldId) {
    let mut resolve = wit_parser::Resolve::default();
    let pkg = resolve.push_str("calc.wit", REACTOR_WIT).unwrap();
    let world = resolve.select_world(&[pkg], None).unwrap();
    (resolve, world)
}

#[test]
fn reactor_with_an_embedded_world_runs_its_export() {
    let made = componentize(
        &wat(REACTOR_WAT),
        &Options {
            world: Some(calc_world()),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(made.variant, Some(Variant::Reactor));
    assert!(
        made.adapter_imports
            .iter()
            .any(|i| i.starts_with("wasi:filesystem/preopens"))
    );

    assert_eq!(
        common::call_add(&made.component, 40, 2),
        (8042, "adding\n".to_string())
    );
}

#[test]
fn proxy_warns_about_the_filesystem_and_imports_none_of_it() {
    let opts = Options {
        world: Some(calc_world()),
        adapter: AdapterChoice::Variant(Variant::Proxy),
    };
    let made = componentize(&wat(REACTOR_WAT), &opts).unwrap();
    assert_eq!(made.warnings.len(), 1);
    assert!(
        made.warnings[0].contains("hides the filesystem") && made.warnings[0].contains("path_open")
    );
    for import in &made.adapter_imports {
        assert!(
            !import.starts_with("wasi:filesystem") && !import.starts_with("wasi:cli/environment"),
            "proxy imported {import}"
        );
    }
    // It runs: stdout works, and `path_open` answers EBADF.
    assert_eq!(
        common::call_add(&made.component, 1, 2),
        (8003, "adding\n".to_string())
    );
}

#[test]
fn a_custom_adapter_is_used_as_given() {
    let opts = Options {
        adapter: AdapterChoice::Custom(upstream::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER.to_vec()),
        ..Options::default()
    };
    let made = componentize(&wat(HELLO_WAT), &opts).unwrap();
    assert_eq!(made.variant, None);
    let out = run_component(&made.component, &Setup::default());
    assert_eq!(
        (out.exit.is_ok(), out.stdout.as_str()),
        (true, "hello, world\n")
    );
}

/// Prints knit's and wasmtime's adapter sizes side by side and holds knit
/// to its budget (command 30 KB, proxy 15 KB, hello-world share 5 KB).
#[test]
fn adapter_sizes_beside_wasmtimes() {
    let theirs = [
        (
            Variant::Command,
            upstream::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
        ),
        (
            Variant::Reactor,
            upstream::WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER,
        ),
        (
            Variant::Proxy,
            upstream::WASI_SNAPSHOT_PREVIEW1_PROXY_ADAPTER,
        ),
    ];
    println!("{:<10} {:>10} {:>10}", "variant", "knit", "wasmtime");
    for (v, bytes) in theirs {
        println!(
            "{:<10} {:>10} {:>10}",
            v.name(),
            adapter_bytes(v).len(),
            bytes.len()
        );
    }
    let hello = wat(HELLO_WAT);
    let ours = componentize(&hello, &Options::default()).unwrap();
    let upstream_made = componentize(
        &hello,
        &Options {
            adapter: AdapterChoice::Custom(
                upstream::WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER.to_vec(),
            ),
            ..Options::default()
        },
    )
    .unwrap();
    let (ours_in_hello, theirs_in_hello) = (
        module_sizes(&ours.component)[1],
        module_sizes(&upstream_made.component)[1],
    );
    println!(
        "{:<10} {:>10} {:>10}",
        "hello", ours_in_hello, theirs_in_hello
    );
    println!("hello imports, knit: {:?}", ours.adapter_imports);
    println!(
        "hello imports, wasmtime: {:?}",
        upstream_made.adapter_imports
    );
    assert!(adapter_bytes(Variant::Command).len() <= 30 * 1024);
    assert!(adapter_bytes(Variant::Reactor).len() <= 30 * 1024);
    assert!(adapter_bytes(Variant::Proxy).len() <= 15 * 1024);
    assert!(ours_in_hello <= 5 * 1024);
}

/// The carried adapter bytes are exactly what the adapter source builds to.
#[test]
fn carried_adapters_match_a_fresh_build() {
    let target = tempfile::tempdir().unwrap();
    let diffs = rebuild::check_all(target.path()).unwrap();
    assert!(diffs.is_empty(), "{diffs:#?}");
}

/// Where the adapter must stop a program, it says which preview1 function
/// did: here `proc_exit` under the proxy adapter, which has no exit import.
#[test]
fn a_stop_names_the_preview1_function() {
    let module = wat(r#"(module
          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
          (memory (export "memory") 1)
          (func (export "add") (param i32 i32) (result i32)
            (call $exit (i32.const 5)) (i32.const 0)))"#);
    let opts = Options {
        world: Some(calc_world()),
        adapter: AdapterChoice::Variant(Variant::Proxy),
    };
    let made = componentize(&module, &opts).unwrap();
    let (sum, _, stderr) = common::try_call_add(&made.component, 1, 2);
    assert!(sum.is_err(), "{sum:?}");
    assert_eq!(
        stderr,
        "knit adapter: proc_exit: the proxy world cannot exit\n"
    );
}
