//! `cargo knit` end to end, in temporary folders: new → build → run, for a command and a library, on
//! wasm32-wasip2 and wasm32-wasip1, plus the errors a newcomer meets first. Guests share one target
//! directory so their dependencies build once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

fn guest_target() -> PathBuf {
    let base = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    base.join("knit-guests")
}

fn cargo_knit(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-knit"))
        .arg("knit")
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", guest_target())
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

/// `--knit-path` to this checkout's runtime: `cargo knit new` writes a version dependency on the
/// published `knit-rt` otherwise.
fn knit_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../wit-bindgen/rust-rt")
        .canonicalize()
        .unwrap()
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_ok(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed:\n{}\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

#[test]
fn a_new_command_builds_and_runs_on_wasip2_and_wasip1() {
    let temp = tempfile::tempdir().unwrap();
    assert_ok(
        &cargo_knit(
            temp.path(),
            &["new", "--command", "hello-cmd", "--knit-path", &knit_path()],
        ),
        "cargo knit new",
    );
    let dir = temp.path().join("hello-cmd");
    for file in ["Cargo.toml", "wit/world.wit", "src/main.rs"] {
        assert!(dir.join(file).exists(), "{file} missing");
    }
    let output = cargo_knit(&dir, &["run", "--", "knit"]);
    assert_ok(&output, "cargo knit run");
    assert_eq!(text(&output.stdout), "Hello, knit!\n");
    let report = text(&output.stderr);
    assert!(
        report.contains("Component hello-cmd (wasm32-wasip2)")
            && report.contains("imports WASI: environment"),
        "{report}"
    );

    let output = cargo_knit(&dir, &["run", "--target", "wasm32-wasip1", "--", "p1"]);
    assert_ok(&output, "cargo knit run on wasip1");
    assert_eq!(text(&output.stdout), "Hello, p1!\n");
    assert!(
        text(&output.stderr).contains("hello-cmd.component.wasm"),
        "{}",
        text(&output.stderr)
    );
}

struct State {
    wasi: WasiCtx,
    table: ResourceTable,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

// knit's own host bindings for the world `cargo knit new` writes.
knit_macros::host!({
    inline: "package component:greeter; world greeter { export greet: func(name: string) -> string; }",
});

/// Calls the library's `greet` export through knit's host bindings.
fn call_greet(component: &Path, name: &str) -> String {
    let engine = Engine::default();
    let component = Component::from_file(&engine, component).unwrap();
    let mut linker = Linker::new(&engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
    let mut store = Store::new(
        &engine,
        State {
            wasi: WasiCtx::builder().build(),
            table: ResourceTable::new(),
        },
    );
    let greeter = Greeter::instantiate(&mut store, &component, &linker).unwrap();
    greeter.call_greet(&mut store, name).unwrap()
}

#[test]
fn a_new_library_builds_into_a_component_whose_export_answers() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::create_dir(temp.path().join("greeter")).unwrap();
    let dir = temp.path().join("greeter");
    assert_ok(
        &cargo_knit(&dir, &["init", "--knit-path", &knit_path()]),
        "cargo knit init",
    );
    let again = cargo_knit(&dir, &["init"]);
    assert!(
        !again.status.success() && text(&again.stderr).contains("already has a Cargo.toml"),
        "{}",
        text(&again.stderr)
    );

    let output = cargo_knit(&dir, &["build", "--release"]);
    assert_ok(&output, "cargo knit build");
    let component = guest_target().join("wasm32-wasip2/release/greeter.wasm");
    assert_eq!(call_greet(&component, "wasm"), "Hello, wasm!");

    let wit = cargo_knit(&dir, &["wit", "--component", component.to_str().unwrap()]);
    assert_ok(&wit, "cargo knit wit");
    assert!(
        text(&wit.stdout).contains("export greet: func(name: string) -> string;"),
        "{}",
        text(&wit.stdout)
    );
}

#[test]
fn newcomer_errors_say_how_to_fix_them() {
    let temp = tempfile::tempdir().unwrap();
    assert_ok(
        &cargo_knit(temp.path(), &["new", "lib-a", "--knit-path", &knit_path()]),
        "cargo knit new",
    );
    let dir = temp.path().join("lib-a");

    let output = cargo_knit(&dir, &["build", "--target", "wasm32v1-none"]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("fix: rustup target add wasm32v1-none"),
        "{}",
        text(&output.stderr)
    );

    // A dependency that cannot build for wasm is named.
    let dep = temp.path().join("host-only");
    std::fs::create_dir_all(dep.join("src")).unwrap();
    std::fs::write(
        dep.join("Cargo.toml"),
        "[package]\nname = \"host-only\"\nversion = \"0.1.0\"\nedition = \"2024\"\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(
        dep.join("src/lib.rs"),
        "#[cfg(target_family = \"wasm\")]\ncompile_error!(\"needs an operating system\");\n",
    )
    .unwrap();
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        manifest.replace(
            "[dependencies]\n",
            "[dependencies]\nhost-only = { path = \"../host-only\" }\n",
        ),
    )
    .unwrap();
    let output = cargo_knit(&dir, &["build"]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr)
            .contains("the dependency `host_only` does not build for wasm32-wasip2"),
        "{}",
        text(&output.stderr)
    );

    std::fs::write(dir.join("Cargo.toml"), &manifest).unwrap();
    std::fs::remove_dir_all(dir.join("wit")).unwrap();
    let output = cargo_knit(&dir, &["build"]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("no `wit/` folder")
            && text(&output.stderr).contains("fix: create `wit/world.wit`"),
        "{}",
        text(&output.stderr)
    );

    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("src")).unwrap();
    std::fs::write(
        empty.path().join("Cargo.toml"),
        "[package]\nname = \"plain\"\nversion = \"0.1.0\"\nedition = \"2024\"\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(empty.path().join("src/lib.rs"), "").unwrap();
    let output = cargo_knit(empty.path(), &["build"]);
    assert!(
        !output.status.success() && text(&output.stderr).contains("cargo knit new NAME"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_workspace_of_two_components_is_composed_and_run() {
    // The example in docs/examples/compose: `app` imports what `greeter` exports.
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/compose/app");
    let output = cargo_knit(&app, &["compose", "--explain", "--run", "--", "tests"]);
    assert_ok(&output, "cargo knit compose --run");
    assert_eq!(
        text(&output.stdout),
        "Hello, tests! (from the greeter component, composed by knit)\n"
    );
    let report = text(&output.stderr);
    assert!(report.contains("Composed app + 1 plug(s)"), "{report}");
    assert!(
        report.contains("demo:greet/greeter"),
        "the explanation names the wired interface:\n{report}"
    );
}

#[test]
fn the_polyglot_example_composes_rust_javascript_and_go_and_runs() {
    // knit's main job, as the README's demo runs it: docs/examples/polyglot.
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/polyglot/app");
    let output = cargo_knit(&app, &["compose", "--run", "--", "tests"]);
    assert_ok(&output, "cargo knit compose --run (polyglot)");
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(
        lines[0],
        "Rust: app asks the JavaScript report for 5 values"
    );
    assert_eq!(
        lines[1],
        "JavaScript: report \"tests\": 5 values, max 5.5 is 2.50 above the mean"
    );
    assert!(
        lines[2].starts_with("Go: 5 values, mean 3.00, max 5.50 (go1."),
        "{stdout}"
    );
    let report = text(&output.stderr);
    assert!(report.contains("(starlingmonkey)"), "{report}");
    assert!(report.contains("(go)"), "{report}");
    assert!(report.contains("Composed app + 2 plug(s)"), "{report}");
}

/// A component crate in `dir/name` with its own (empty) workspace, implementing or using the
/// greeter of docs/examples/compose, with `metadata` appended to its Cargo.toml.
fn greeter_crate(dir: &Path, name: &str, kind: &str, metadata: &str) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/compose");
    let rt = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../wit-bindgen/rust-rt")
        .canonicalize()
        .unwrap();
    let krate = dir.join(name);
    std::fs::create_dir_all(krate.join("src")).unwrap();
    std::fs::create_dir_all(krate.join("wit")).unwrap();
    let (source, lib) = match kind {
        "app" => ("app/src/main.rs", "src/main.rs"),
        _ => ("greeter/src/lib.rs", "src/lib.rs"),
    };
    let code = std::fs::read_to_string(example.join(source))
        .unwrap()
        .replace(
            r#"path: ["wit", "../wit"]"#,
            r#"path: ["wit", "shared.wit"]"#,
        );
    std::fs::write(krate.join(lib), code).unwrap();
    std::fs::copy(
        example.join(kind).join("wit/world.wit"),
        krate.join("wit/world.wit"),
    )
    .unwrap();
    std::fs::copy(example.join("wit/greet.wit"), krate.join("shared.wit")).unwrap();
    let crate_type = if kind == "app" {
        ""
    } else {
        "\n[lib]\ncrate-type = [\"cdylib\"]\n"
    };
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n{crate_type}\n\
             [dependencies]\nknit-rt = {{ path = {rt:?} }}\n\n[workspace]\n\n{metadata}"
        ),
    )
    .unwrap();
    krate
}

#[test]
fn a_plug_crate_outside_the_workspace_is_built_and_composed() {
    let temp = tempfile::tempdir().unwrap();
    greeter_crate(temp.path(), "greeter", "greeter", "");
    let app = greeter_crate(
        temp.path(),
        "app",
        "app",
        "[package.metadata.knit]\nplugs = [\"../greeter\"]\n",
    );
    let output = cargo_knit(&app, &["compose", "--run", "--", "outside"]);
    assert_ok(
        &output,
        "cargo knit compose with a plug outside the workspace",
    );
    assert_eq!(
        text(&output.stdout),
        "Hello, outside! (from the greeter component, composed by knit)\n"
    );
}

#[test]
fn an_unknown_plug_names_the_crates_and_the_accepted_forms() {
    let temp = tempfile::tempdir().unwrap();
    let app = greeter_crate(
        temp.path(),
        "app",
        "app",
        "[package.metadata.knit]\nplugs = [\"greeter\"]\n",
    );
    let output = cargo_knit(&app, &["compose"]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "plug `greeter`: it is no crate of this workspace (app) and no file or folder at"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: a plug is a crate of this workspace (by name), a folder"),
        "{stderr}"
    );
}

#[test]
fn a_new_crate_starts_from_an_existing_wit_package_and_builds() {
    let temp = tempfile::tempdir().unwrap();
    let shared = temp.path().join("shared-wit");
    std::fs::create_dir(&shared).unwrap();
    std::fs::write(
        shared.join("calc.wit"),
        "package demo:calc;\n\nworld adder {\n  export add: func(a: u32, b: u32) -> u32;\n}\n\nworld other {\n  export nothing: func();\n}\n",
    )
    .unwrap();
    let output = cargo_knit(
        temp.path(),
        &[
            "new",
            "adder",
            "--wit",
            "shared-wit",
            "--world",
            "adder",
            "--knit-path",
            &knit_path(),
        ],
    );
    assert_ok(&output, "cargo knit new --wit");
    let dir = temp.path().join("adder");
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("wit = [\"../shared-wit\"]"), "{manifest}");
    assert!(!dir.join("wit").exists());
    let output = cargo_knit(&dir, &["build"]);
    assert_ok(
        &output,
        "cargo knit build of a crate started from existing WIT",
    );
    assert!(text(&output.stderr).contains("Component adder"));
}
