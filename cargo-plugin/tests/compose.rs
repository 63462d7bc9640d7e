//! `knit compose` end to end: the output, `--explain`, and `--graph` as `.dot` and `.svg`. The
//! `.svg` cases put a stand-in `dot` on the PATH (a script that checks its arguments and echoes
//! the graph inside `<svg>`), so they run with or without Graphviz; one case uses the real
//! Graphviz when it is installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use wit_component::{ComponentEncoder, StringEncoding, embed_component_metadata};
use wit_parser::{LiftLowerAbi, ManglingAndAbi, Resolve};

/// Writes a component for `world` (in `wit`) whose functions trap: enough to compose.
fn component(dir: &Path, name: &str, wit: &str, world: &str) -> PathBuf {
    let mut resolve = Resolve::default();
    let package = resolve.push_str(format!("{name}.wit"), wit).unwrap();
    let world = resolve.select_world(&[package], Some(world)).unwrap();
    let mut module =
        wit_component::dummy_module(&resolve, world, ManglingAndAbi::Legacy(LiftLowerAbi::Sync));
    embed_component_metadata(&mut module, &resolve, world, StringEncoding::UTF8, false).unwrap();
    let bytes = ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .encode()
        .unwrap();
    let path = dir.join(format!("{name}.wasm"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A root importing `test:k/k` and a plug exporting it, in `dir`.
fn inputs(dir: &Path) -> (PathBuf, PathBuf) {
    let k = "package test:k; interface k { k: func() -> u32; }";
    let root = component(
        dir,
        "root",
        &format!("{k} world root {{ import k; export run: func() -> u32; }}"),
        "root",
    );
    let plug = component(
        dir,
        "plug",
        &format!("{k} world plug {{ export k; }}"),
        "plug",
    );
    (root, plug)
}

/// A folder holding a stand-in `dot` that runs `script`.
fn fake_dot(script: &str) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let dot = bin.path().join("dot");
    std::fs::write(&dot, format!("#!/bin/sh\nPATH=/usr/bin:/bin\n{script}\n")).unwrap();
    std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// Runs `knit compose root --plug plug -o out.wasm <extra>` in `dir` with `PATH` set to `path`.
fn compose(dir: &Path, path: &Path, extra: &[&str]) -> Output {
    let (root, plug) = inputs(dir);
    Command::new(env!("CARGO_BIN_EXE_knit"))
        .current_dir(dir)
        .arg("compose")
        .arg(root)
        .arg("--plug")
        .arg(plug)
        .args(["-o", "out.wasm"])
        .args(extra)
        .env("PATH", path)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap()
}

/// The files in `dir` other than the inputs, sorted.
fn outputs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "root.wasm" && n != "plug.wasm")
        .collect();
    names.sort();
    names
}

/// Fails with the command's stderr unless it succeeded.
fn assert_succeeded(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const ECHO_SVG: &str = r#"[ "$1" = "-Tsvg" ] || { echo "unexpected arguments: $*" >&2; exit 3; }
echo '<svg>'; cat; echo '</svg>'"#;

#[test]
fn svg_is_drawn_by_dot_beside_the_dot_file() {
    let dir = tempfile::tempdir().unwrap();
    let bin = fake_dot(ECHO_SVG);
    let out = compose(
        dir.path(),
        bin.path(),
        &["--graph", "wiring.svg", "--explain"],
    );
    assert_succeeded(&out);
    assert_eq!(
        outputs(dir.path()),
        ["out.wasm", "wiring.dot", "wiring.svg"]
    );
    let dot = std::fs::read_to_string(dir.path().join("wiring.dot")).unwrap();
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("->"), "{dot}");
    let svg = std::fs::read_to_string(dir.path().join("wiring.svg")).unwrap();
    assert_eq!(svg, format!("<svg>\n{dot}</svg>\n"));
    let explanation = String::from_utf8_lossy(&out.stdout);
    assert!(
        explanation.contains("import test:k/k: satisfied by `plug` export `test:k/k` (exact name)"),
        "{explanation}"
    );
    let bytes = std::fs::read(dir.path().join("out.wasm")).unwrap();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&bytes)
        .unwrap();
}

/// The permission bits `File::create` gives a new file in `dir` (`0o666` less the umask), which
/// every file knit writes must have too.
#[cfg(unix)]
fn plain_mode(dir: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::File::create(&probe).unwrap();
    let mode = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    std::fs::remove_file(probe).unwrap();
    mode
}

#[cfg(unix)]
#[test]
fn outputs_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let expected = plain_mode(dir.path());
    let bin = fake_dot(ECHO_SVG);
    let out = compose(dir.path(), bin.path(), &["--graph", "wiring.svg"]);
    assert_succeeded(&out);
    for name in ["out.wasm", "wiring.dot", "wiring.svg"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, expected, "{name}: {mode:o}, expected {expected:o}");
    }
}

#[test]
fn a_dot_file_gets_an_svg_only_when_graphviz_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = compose(dir.path(), empty.path(), &["--graph", "wiring.dot"]);
    assert_succeeded(&out);
    assert_eq!(outputs(dir.path()), ["out.wasm", "wiring.dot"]);

    let dir = tempfile::tempdir().unwrap();
    let bin = fake_dot(ECHO_SVG);
    let out = compose(dir.path(), bin.path(), &["--graph", "wiring.dot"]);
    assert_succeeded(&out);
    assert_eq!(
        outputs(dir.path()),
        ["out.wasm", "wiring.dot", "wiring.svg"]
    );
}

#[test]
fn an_svg_without_graphviz_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = compose(dir.path(), empty.path(), &["--graph", "wiring.svg"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot make wiring.svg: Graphviz `dot` is not on the PATH"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: install Graphviz, or ask for `--graph wiring.dot`"),
        "{stderr}"
    );
    assert!(outputs(dir.path()).is_empty(), "{:?}", outputs(dir.path()));
}

#[test]
fn a_failing_dot_is_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bin = fake_dot("cat >/dev/null; echo 'syntax error in line 1' >&2; exit 1");
    let out = compose(dir.path(), bin.path(), &["--graph", "wiring.svg"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Graphviz `dot -Tsvg` failed"), "{stderr}");
    assert!(stderr.contains("syntax error in line 1"), "{stderr}");
    assert!(outputs(dir.path()).is_empty(), "{:?}", outputs(dir.path()));
}

#[test]
fn real_graphviz_draws_the_wiring_when_installed() {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let has_dot = std::env::split_paths(&path).any(|dir| dir.join("dot").is_file());
    if !has_dot {
        eprintln!("Graphviz `dot` is not installed; the stand-in cases cover `--graph`");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = compose(dir.path(), Path::new(&path), &["--graph", "wiring.svg"]);
    assert_succeeded(&out);
    let svg = std::fs::read_to_string(dir.path().join("wiring.svg")).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
}

/// Runs `knit compose` in `dir` with the given arguments.
fn knit_compose(dir: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knit"))
        .current_dir(dir)
        .arg("compose")
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap()
}

#[test]
fn a_plug_nothing_imports_is_an_error_naming_the_nearest_import() {
    let dir = tempfile::tempdir().unwrap();
    let (root, plug) = inputs(dir.path());
    // Exports `test:k/k` at 2.0.0, which the root's unversioned import does not take.
    let other = component(
        dir.path(),
        "other",
        "package test:k@2.0.0; interface k { k: func() -> u32; } world other { export k; }",
        "other",
    );
    let args = [
        root.as_os_str(),
        "--plug".as_ref(),
        plug.as_os_str(),
        "--plug".as_ref(),
        other.as_os_str(),
        "-o".as_ref(),
        "out.wasm".as_ref(),
    ];
    let out = knit_compose(dir.path(), &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("plug `other` is not used")
            && stderr
                .contains("it exports `test:k/k@2.0.0`; nearest import: `root` imports `test:k/k`")
            && stderr.contains("--allow-unused-plugs"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("out.wasm").exists(),
        "no output on failure"
    );
    // Kept on purpose.
    let mut allowed = args.to_vec();
    allowed.push("--allow-unused-plugs".as_ref());
    let out = knit_compose(dir.path(), &allowed);
    assert_succeeded(&out);
    assert!(dir.path().join("out.wasm").exists());
}

#[test]
fn the_summary_names_imports_no_plug_provides() {
    let dir = tempfile::tempdir().unwrap();
    let log = "package test:log; interface logger { log: func(s: string); }";
    let k = "package test:k; interface k { k: func() -> u32; }";
    let root = component(
        dir.path(),
        "root",
        &format!("{k} world root {{ import k; export run: func() -> u32; }}"),
        "root",
    );
    // The plug itself imports a logger that nobody gives.
    let mut resolve = Resolve::default();
    resolve.push_str("log.wit", log).unwrap();
    let package = resolve
        .push_str(
            "lib.wit",
            &format!("{k}\nworld plug {{ import test:log/logger; export k; }}\n"),
        )
        .unwrap();
    let world = resolve.select_world(&[package], Some("plug")).unwrap();
    let mut module =
        wit_component::dummy_module(&resolve, world, ManglingAndAbi::Legacy(LiftLowerAbi::Sync));
    embed_component_metadata(&mut module, &resolve, world, StringEncoding::UTF8, false).unwrap();
    let bytes = ComponentEncoder::default()
        .module(&module)
        .unwrap()
        .encode()
        .unwrap();
    let plug = dir.path().join("logging-plug.wasm");
    std::fs::write(&plug, bytes).unwrap();
    let args = [
        root.as_os_str(),
        "--plug".as_ref(),
        plug.as_os_str(),
        "-o".as_ref(),
        "out.wasm".as_ref(),
    ];
    let out = knit_compose(dir.path(), &args);
    assert_succeeded(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no plug provides `test:log/logger`: the host must"),
        "{stderr}"
    );
}
