//! `knit build-js` end to end: a TypeScript guest (type-checked against knit's declarations) built
//! with QuickJS into a component that imports no WASI, run in wasmtime through knit's host
//! bindings, with what crosses the boundary checked on both sides; what StarlingMonkey does with
//! values of the wrong shape; and Node missing is a clear error that writes nothing. The error snapshots in `tests/errors/js-*` cover a missing export,
//! a syntax error and a type error.

use std::path::{Path, PathBuf};
use std::process::Command;
use wasmtime::component::{Component, Linker};
use wasmtime::{Engine, Store};

knit_macros::host!({ path: "tests/fixtures/js/world.wit", world: "calc" });

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/js")
}

#[derive(Default)]
struct Calls(Vec<String>);

impl CalcImports for Calls {
    fn log(&mut self, msg: String) {
        self.0.push(msg);
    }
}

#[test]
fn a_typescript_guest_builds_with_quickjs_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("calc.wasm");
    let output = Command::new(env!("CARGO_BIN_EXE_knit"))
        .arg("build-js")
        .arg(fixtures().join("calc.ts"))
        .arg("--wit")
        .arg(fixtures().join("world.wit"))
        .args(["--engine", "quickjs", "--no-wasi", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("(quickjs)"), "{stderr}");
    assert!(stderr.contains("imports WASI: nothing"), "{stderr}");
    assert!(stderr.contains("`log`"), "{stderr}");

    let engine = Engine::default();
    let component = Component::from_file(&engine, &out).unwrap();
    let mut linker = Linker::<Calls>::new(&engine);
    Calc::add_to_linker(&mut linker, |calls| calls).unwrap();
    let mut store = Store::new(&engine, Calls::default());
    let calc = Calc::instantiate(&mut store, &component, &linker).unwrap();
    let math = calc.fixtures_js_math();
    assert_eq!(math.call_add(&mut store, 2, 40).unwrap(), 42);
    // QuickJS (componentize-qjs 0.4.5) passes a `u32` of 2^31 or more as a negative number and
    // saturates results at `i32::MAX` (docs/js-guests.md): the largest value that crosses intact.
    assert_eq!(
        math.call_add(&mut store, i32::MAX as u32 - 1, 1).unwrap(),
        i32::MAX as u32
    );
    assert_eq!(math.call_checked_mul(&mut store, 6, 7).unwrap(), Ok(42));
    assert_eq!(
        math.call_checked_mul(&mut store, 1 << 16, 1 << 16).unwrap(),
        Err("65536 * 65536 overflows u32".to_string())
    );
    assert_eq!(calc.call_version(&mut store).unwrap(), "1.0");
    assert_eq!(
        store.data().0,
        ["add 2 40", &format!("add {} 1", i32::MAX - 1)]
    );
}

#[test]
fn without_node_the_error_says_how_to_get_it_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("calc.wasm");
    let output = Command::new(env!("CARGO_BIN_EXE_knit"))
        .arg("build-js")
        .arg(fixtures().join("calc.ts"))
        .arg("--wit")
        .arg(fixtures().join("world.wit"))
        .arg("-o")
        .arg(&out)
        .env("KNIT_NODE", dir.path().join("no-such-node"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.starts_with("error: no Node.js found"), "{stderr}");
    assert!(stderr.contains("Node.js 20 or newer"), "{stderr}");
    assert!(stderr.contains("KNIT_NODE"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn values_of_the_wrong_shape_are_converted_or_trap_naming_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wrong.wasm");
    let output = Command::new(env!("CARGO_BIN_EXE_knit"))
        .arg("build-js")
        .arg(fixtures().join("wrong-shapes.js"))
        .arg("--wit")
        .arg(fixtures().join("world.wit"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let engine = Engine::default();
    let component = Component::from_file(&engine, &out).unwrap();
    let attempt = |call: &dyn Fn(&mut Store<WasiCalls>, &Calc) -> wasmtime::Result<String>| {
        let mut linker = Linker::<WasiCalls>::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
        Calc::add_to_linker(&mut linker, |state| state).unwrap();
        let mut store = Store::new(&engine, WasiCalls::new());
        let calc = Calc::instantiate(&mut store, &component, &linker).unwrap();
        let got = call(&mut store, &calc);
        (format!("{got:?}"), store.data().stderr())
    };
    // JavaScript's own conversion: a string where a `u32` is due becomes a number (0 here),
    // as in jco; a TypeScript guest is stopped at build time instead (tests/errors/js-type-error).
    let (got, _) = attempt(&|store, calc| {
        calc.fixtures_js_math()
            .call_add(store, 1, 2)
            .map(|v| format!("{v:?}"))
    });
    assert_eq!(got, r#"Ok("0")"#);
    // An `Error` without `payload` for a `result` error, and a number where a string is due,
    // trap; the trap's backtrace names the export.
    for (name, call) in [
        (
            "fixtures:js/math#checked-mul",
            &(|store: &mut Store<WasiCalls>, calc: &Calc| {
                calc.fixtures_js_math()
                    .call_checked_mul(store, 1, 2)
                    .map(|v| format!("{v:?}"))
            }) as &dyn Fn(&mut Store<WasiCalls>, &Calc) -> wasmtime::Result<String>,
        ),
        ("version", &|store: &mut Store<WasiCalls>, calc: &Calc| {
            calc.call_version(store).map(|v| format!("{v:?}"))
        }),
    ] {
        let (got, _) = attempt(call);
        assert!(got.starts_with("Err("), "{name}: {got}");
        assert!(got.contains(&format!("!{name}\n")), "{name}: {got}");
        assert!(got.contains("wasm trap"), "{name}: {got}");
    }
}

/// WASI with captured stderr, and the `log` import recorded.
struct WasiCalls {
    wasi: wasmtime_wasi::WasiCtx,
    table: wasmtime::component::ResourceTable,
    stderr: wasmtime_wasi::p2::pipe::MemoryOutputPipe,
    log: Vec<String>,
}

impl WasiCalls {
    fn new() -> WasiCalls {
        let stderr = wasmtime_wasi::p2::pipe::MemoryOutputPipe::new(1 << 16);
        WasiCalls {
            wasi: wasmtime_wasi::WasiCtx::builder()
                .stderr(stderr.clone())
                .build(),
            table: Default::default(),
            stderr,
            log: Vec::new(),
        }
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.contents()).into_owned()
    }
}

impl wasmtime_wasi::WasiView for WasiCalls {
    fn ctx(&mut self) -> wasmtime_wasi::WasiCtxView<'_> {
        wasmtime_wasi::WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl CalcImports for WasiCalls {
    fn log(&mut self, msg: String) {
        self.log.push(msg);
    }
}
