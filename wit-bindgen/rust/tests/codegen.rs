//! Compiles the Rust bindings of every codegen corpus entry for `wasm32-wasip2`.
//!
//! For each entry of `test-worlds/codegen/` and each option set (default, borrowing, stubs), the
//! bindings are generated with [`knit_bindgen_rust::generate`] and written into a small crate of a
//! generated cargo workspace, one workspace per option set, under
//! `$CARGO_TARGET_DIR/../codegen-rust/<set>/<case>/`. Each workspace is built once, with one cargo
//! invocation (`cargo build --target wasm32-wasip2 --keep-going`, target dir
//! `$HOME/.cache/knit/codegen-target`), so the runtime crate compiles once per set; cargo's JSON
//! messages are then mapped back to the case crate that produced them, and each trial reports its
//! own crate's result. Trials are named `<set>::<case>`, so
//! `cargo test -p knit-bindgen-rust --test codegen -- keywords` builds and checks only the matching
//! cases.
//!
//! A case crate depends on the guest runtime `knit-rt` by path and `include!`s the generated file.
//! With the `stubs` set the generated `Stub` exports itself (no line is added) and the crate is a
//! `cdylib`, so the build links a real core module (with `--skip-wit-component`), which knit's own
//! componentize step turns into a component, as `cargo knit build` does; the trial checks that the
//! result is a component and that its decoded world exports exactly what the WIT world exports. The default and borrowing
//! sets have no implementation of the exports, so a world with exports is built as an `rlib`
//! (type-checked and compiled, not linked); a world without exports is a `cdylib` in every set.
//!
//! Warnings in generated code are collected; set `KNIT_CODEGEN_DENY_WARNINGS=1` to make them fail
//! the trial.
//!
//! Corpus directives (leading `//` comment lines of an entry's `.wit` files): `// world: NAME` and
//! `// features: a, b` (otherwise every feature gate is enabled).

use std::collections::{BTreeMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex, OnceLock};

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_rust::{Options, Ownership, generate};
use libtest_mimic::{Arguments, Failed, Trial};

/// The option sets every corpus entry is generated and compiled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum OptionSet {
    Default,
    Borrowing,
    Stubs,
}

impl OptionSet {
    const ALL: [OptionSet; 3] = [OptionSet::Default, OptionSet::Borrowing, OptionSet::Stubs];

    fn name(self) -> &'static str {
        match self {
            OptionSet::Default => "default",
            OptionSet::Borrowing => "borrowing",
            OptionSet::Stubs => "stubs",
        }
    }

    fn options(self) -> Options {
        match self {
            OptionSet::Default => Options::default(),
            OptionSet::Borrowing => Options {
                ownership: Ownership::Borrowing {
                    duplicate_if_necessary: true,
                },
                ..Options::default()
            },
            OptionSet::Stubs => Options {
                stubs: true,
                ..Options::default()
            },
        }
    }
}

/// One corpus entry.
#[derive(Clone, Debug)]
struct Case {
    name: String,
    path: PathBuf,
    world: Option<String>,
    features: Option<Vec<String>>,
}

impl Case {
    fn source(&self) -> WitSource {
        WitSource {
            paths: vec![self.path.clone()],
            inline: None,
            world: self.world.clone(),
            features: self.features.clone().unwrap_or_default(),
            all_features: self.features.is_none(),
        }
    }
}

fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Reads the `// key: value` directives from the leading comment lines of `text`.
fn directives(text: &str, case: &mut Case) {
    for line in text.lines() {
        let Some(comment) = line.trim().strip_prefix("//") else {
            break;
        };
        if comment.starts_with('/') {
            break;
        }
        if let Some(value) = comment.trim().strip_prefix("world:") {
            case.world = Some(value.trim().to_string());
        } else if let Some(value) = comment.trim().strip_prefix("features:") {
            let features = value
                .split(',')
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty());
            case.features = Some(features.collect());
        }
    }
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    entries
}

fn corpus() -> Vec<Case> {
    let mut cases = Vec::new();
    for path in sorted_entries(&repo_root().join("test-worlds/codegen")) {
        let (name, files) = if path.is_dir() {
            let files = sorted_entries(&path)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "wit"));
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                files.collect(),
            )
        } else if path.extension().is_some_and(|e| e == "wit") {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                vec![path.clone()],
            )
        } else {
            continue;
        };
        let mut case = Case {
            name,
            path,
            world: None,
            features: None,
        };
        for file in files {
            directives(
                &std::fs::read_to_string(&file).expect("corpus file"),
                &mut case,
            );
        }
        cases.push(case);
    }
    cases
}

/// Where the harness writes and builds.
struct Dirs {
    /// `$CARGO_TARGET_DIR/../codegen-rust`.
    workspaces: PathBuf,
    /// `$HOME/.cache/knit/codegen-target`.
    target: PathBuf,
}

impl Dirs {
    fn new() -> Dirs {
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => PathBuf::from(dir),
            // The test binary lives in `<target>/debug/deps/`.
            None => std::env::current_exe()
                .unwrap()
                .ancestors()
                .nth(3)
                .unwrap()
                .to_path_buf(),
        };
        let target = match std::env::var_os("HOME") {
            Some(home) => Path::new(&home).join(".cache/knit/codegen-target"),
            None => target_dir.join("../codegen-target"),
        };
        // `<target>/..` spelled without `..` when possible, so paths in messages read cleanly.
        let cache = match target_dir.parent() {
            Some(parent) if target_dir.is_absolute() => parent.to_path_buf(),
            _ => target_dir.join(".."),
        };
        Dirs {
            workspaces: cache.join("codegen-rust"),
            target,
        }
    }
}

/// What happened to one case before cargo ran.
enum Prepared {
    /// The crate was written; `generated` is the bindings file. `component` is set when the crate
    /// links into a component, and holds the export names that component must have.
    Written {
        generated: PathBuf,
        component: Option<Vec<String>>,
    },
    /// Loading or generating failed.
    Failed(String),
}

/// The outcome of one option set's build, per case.
#[derive(Default)]
struct SetOutcome {
    /// Per case: `Ok(())` or the failure text.
    results: BTreeMap<String, Result<(), String>>,
}

/// Shared state of all trials.
struct Harness {
    cases: Vec<Case>,
    dirs: Dirs,
    /// `(set, case)` pairs whose trials will run.
    selected: OnceLock<HashSet<(OptionSet, String)>>,
    outcomes: BTreeMap<OptionSet, OnceLock<SetOutcome>>,
    /// Serializes cargo builds (the machine is shared; one cargo at a time).
    build_lock: Mutex<()>,
}

impl Harness {
    fn outcome(&self, set: OptionSet) -> &SetOutcome {
        self.outcomes[&set].get_or_init(|| {
            let _guard = self.build_lock.lock().unwrap_or_else(|e| e.into_inner());
            self.build_set(set)
        })
    }

    fn trial(&self, set: OptionSet, case: &str) -> Result<(), Failed> {
        match self.outcome(set).results.get(case) {
            Some(Ok(())) => Ok(()),
            Some(Err(message)) => Err(message.clone().into()),
            None => Err(format!("case `{case}` was not part of the `{}` build", set.name()).into()),
        }
    }

    /// Generates, writes and builds every selected case of one option set.
    fn build_set(&self, set: OptionSet) -> SetOutcome {
        let selected = self
            .selected
            .get()
            .expect("selection is made before trials run");
        let set_dir = self.dirs.workspaces.join(set.name());
        let mut prepared = BTreeMap::new();
        for case in self
            .cases
            .iter()
            .filter(|c| selected.contains(&(set, c.name.clone())))
        {
            prepared.insert(case.name.clone(), prepare(case, set, &set_dir));
        }
        let members: Vec<&str> = prepared
            .iter()
            .filter(|(_, p)| matches!(p, Prepared::Written { .. }))
            .map(|(name, _)| name.as_str())
            .collect();
        let mut outcome = SetOutcome::default();
        let build: Option<Result<Build, String>> = if members.is_empty() {
            None
        } else {
            Some(match write_workspace(&set_dir, &members) {
                Ok(()) => cargo_build(&set_dir, &self.dirs.target),
                Err(err) => Err(format!(
                    "cannot write the `{}` workspace: {err}",
                    set.name()
                )),
            })
        };
        for (name, prep) in prepared {
            let result = match (prep, &build) {
                (Prepared::Failed(message), _) => Err(message),
                (Prepared::Written { .. }, Some(Err(message))) => Err(message.clone()),
                (
                    Prepared::Written {
                        generated,
                        component,
                    },
                    Some(Ok(build)),
                ) => build.result_of(&name, &generated, component.as_deref()),
                (Prepared::Written { .. }, None) => unreachable!("a written case makes a build"),
            };
            outcome.results.insert(name, result);
        }
        outcome
    }
}

/// Loads a case, generates its bindings and writes its crate.
fn prepare(case: &Case, set: OptionSet, set_dir: &Path) -> Prepared {
    let loaded = match load(&case.source()) {
        Ok(loaded) => loaded,
        Err(err) => return Prepared::Failed(format!("the corpus entry does not load:\n{err}")),
    };
    let options = set.options();
    let generated = catch_unwind(AssertUnwindSafe(|| {
        generate(&loaded.resolve, loaded.world, &options)
    }));
    let files = match generated {
        Ok(Ok(files)) => files,
        Ok(Err(err)) => return Prepared::Failed(format!("generation failed:\n{err:#}")),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "<non-string panic>".to_string());
            return Prepared::Failed(format!("the generator panicked: {message}"));
        }
    };
    let has_exports = !loaded.resolve.worlds[loaded.world].exports.is_empty();
    let component = (set == OptionSet::Stubs || !has_exports).then(|| {
        let exports = loaded.resolve.worlds[loaded.world].exports.keys();
        let mut names: Vec<String> = exports.map(|k| loaded.resolve.name_world_key(k)).collect();
        names.sort();
        names
    });
    match write_case(
        &set_dir.join(&case.name),
        case,
        set,
        &files,
        component.is_some(),
    ) {
        Ok(generated) => Prepared::Written {
            generated,
            component,
        },
        Err(err) => Prepared::Failed(format!("cannot write the case crate: {err}")),
    }
}

/// Writes `path` only when its content changes, so cargo does not rebuild unchanged crates.
fn write_if_changed(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    std::fs::create_dir_all(path.parent().expect("a file in a folder"))?;
    std::fs::write(path, contents)
}

/// Writes one case crate; returns the path of the generated bindings.
fn write_case(
    dir: &Path,
    case: &Case,
    set: OptionSet,
    files: &knit_bindgen_core::Files,
    component: bool,
) -> std::io::Result<PathBuf> {
    let runtime = repo_root().join("wit-bindgen/rust-rt").canonicalize()?;
    let crate_type = if component { "cdylib" } else { "rlib" };
    let manifest = format!(
        "[package]\nname = \"case-{set}-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [lib]\npath = \"src/lib.rs\"\ncrate-type = [\"{crate_type}\"]\n\n\
         [dependencies]\nknit-rt = {{ path = {runtime:?}, default-features = false }}\n",
        name = case.name,
        set = set.name(),
        runtime = runtime.display().to_string(),
    );
    write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
    let mut lib = format!(
        "//! Corpus entry `{}` with the `{}` option set, written by knit-bindgen-rust's codegen test.\n\n",
        case.name,
        set.name()
    );
    let mut generated = None;
    for (name, bytes) in files.iter() {
        let path = dir.join("src").join(name);
        write_if_changed(&path, bytes)?;
        if name.ends_with(".rs") {
            lib.push_str(&format!("include!({name:?});\n"));
            generated.get_or_insert(path);
        }
    }
    write_if_changed(&dir.join("src/lib.rs"), lib.as_bytes())?;
    generated.ok_or_else(|| std::io::Error::other("the generator returned no .rs file"))
}

/// Writes the workspace manifest of one option set.
fn write_workspace(set_dir: &Path, members: &[&str]) -> std::io::Result<()> {
    let list: Vec<String> = members.iter().map(|m| format!("    {m:?},")).collect();
    let manifest = format!(
        "# Written by knit-bindgen-rust's codegen test; rewritten on every run.\n\
         [workspace]\nresolver = \"3\"\nmembers = [\n{}\n]\n\n[profile.dev]\ndebug = false\n",
        list.join("\n")
    );
    write_if_changed(&set_dir.join("Cargo.toml"), manifest.as_bytes())
}

/// What cargo reported for one workspace build.
#[derive(Default)]
struct Build {
    /// Rendered error diagnostics per case crate (by case name).
    errors: BTreeMap<String, Vec<String>>,
    /// Rendered warnings per case crate.
    warnings: BTreeMap<String, Vec<String>>,
    /// Artifacts built per case crate.
    artifacts: BTreeMap<String, Vec<PathBuf>>,
    /// Error diagnostics of crates that are not cases (the runtime), and cargo's own stderr.
    shared: Vec<String>,
}

impl Build {
    fn result_of(
        &self,
        case: &str,
        generated: &Path,
        component: Option<&[String]>,
    ) -> Result<(), String> {
        let context = format!("generated bindings: {}", generated.display());
        if let Some(errors) = self.errors.get(case) {
            return Err(format!(
                "the generated Rust does not compile: {} error{}\n{context}\n\n{}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                errors.join("\n")
            ));
        }
        let Some(artifacts) = self.artifacts.get(case) else {
            return Err(format!(
                "cargo built no artifact for this case and reported no error of its own\n{context}\n\n{}",
                self.shared.join("\n")
            ));
        };
        let warnings = self
            .warnings
            .get(case)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if !warnings.is_empty() && std::env::var_os("KNIT_CODEGEN_DENY_WARNINGS").is_some() {
            return Err(format!(
                "the generated Rust compiles with {} warnings (KNIT_CODEGEN_DENY_WARNINGS is set)\n{context}\n\n{}",
                warnings.len(),
                warnings.join("\n")
            ));
        }
        if let Some(expected_exports) = component {
            let wasm = artifacts
                .iter()
                .find(|p| p.extension().is_some_and(|e| e == "wasm"));
            let Some(wasm) = wasm else {
                return Err(format!(
                    "the cdylib produced no .wasm file: {artifacts:?}\n{context}"
                ));
            };
            let core =
                std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
            let bytes =
                knit_componentize::componentize(&core, &knit_componentize::Options::default())
                    .map_err(|e| {
                        format!("{} does not componentize: {e:#}\n{context}", wasm.display())
                    })?
                    .component;
            // A component's preamble: magic, then version 0x0d and layer 1.
            if !(bytes.starts_with(b"\0asm") && bytes.get(4..8) == Some(&[0x0d, 0x00, 0x01, 0x00]))
            {
                return Err(format!("{} is not a component\n{context}", wasm.display()));
            }
            let exports = component_exports(&bytes)
                .map_err(|e| format!("{} does not decode: {e}\n{context}", wasm.display()))?;
            if exports != expected_exports {
                return Err(format!(
                    "{} exports {exports:?}, but the world exports {expected_exports:?}\n{context}",
                    wasm.display()
                ));
            }
        }
        Ok(())
    }
}

/// The sorted export names of a component's world, decoded from the component itself.
fn component_exports(bytes: &[u8]) -> Result<Vec<String>, String> {
    match wit_component::decode(bytes).map_err(|e| format!("{e:#}"))? {
        wit_component::DecodedWasm::Component(resolve, world) => {
            let exports = resolve.worlds[world].exports.keys();
            let mut names: Vec<String> = exports.map(|k| resolve.name_world_key(k)).collect();
            names.sort();
            Ok(names)
        }
        wit_component::DecodedWasm::WitPackage(..) => Err("it is a WIT package".to_string()),
    }
}

/// The case a crate belongs to, from its manifest path `<set_dir>/<case>/Cargo.toml`.
fn case_of(manifest: &str, set_dir: &Path) -> Option<String> {
    let dir = Path::new(manifest).parent()?;
    let parent = dir.parent()?.canonicalize().ok()?;
    if parent != set_dir.canonicalize().ok()? {
        return None;
    }
    Some(dir.file_name()?.to_string_lossy().into_owned())
}

/// Runs one cargo build of a workspace and sorts its messages by case.
fn cargo_build(set_dir: &Path, target: &Path) -> Result<Build, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "build",
            "--target",
            "wasm32-wasip2",
            "--keep-going",
            "--message-format=json",
        ])
        .arg("--manifest-path")
        .arg(set_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        // knit makes the component itself (wit-component 0.263, like `cargo knit build`): the
        // linker in rustc 1.95 carries an older wit-component that cannot read every world knit
        // embeds (a named import of a packaged interface, `import primary: store;`).
        .env(
            "CARGO_TARGET_WASM32_WASIP2_RUSTFLAGS",
            "-C link-arg=--skip-wit-component",
        )
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .env_remove("MFLAGS")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut build = Build::default();
    let mut finished = false;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let manifest = message["manifest_path"].as_str().unwrap_or_default();
        let case = case_of(manifest, set_dir);
        match message["reason"].as_str() {
            Some("compiler-message") => {
                let rendered = message["message"]["rendered"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                match (message["message"]["level"].as_str(), case) {
                    (Some("error" | "error: internal compiler error"), Some(case)) => {
                        build.errors.entry(case).or_default().push(rendered)
                    }
                    (Some("error" | "error: internal compiler error"), None) => {
                        build.shared.push(rendered)
                    }
                    (Some("warning"), Some(case)) => {
                        build.warnings.entry(case).or_default().push(rendered)
                    }
                    _ => {}
                }
            }
            Some("compiler-artifact") => {
                if let Some(case) = case {
                    let files = message["filenames"].as_array().into_iter().flatten();
                    let files = files.filter_map(|f| f.as_str()).map(PathBuf::from);
                    build.artifacts.entry(case).or_default().extend(files);
                }
            }
            Some("build-finished") => finished = true,
            _ => {}
        }
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !finished {
        return Err(format!(
            "cargo did not finish the build ({}):\n{stderr}",
            output.status
        ));
    }
    if !output.status.success() {
        // Cargo's own summary (`could not compile ...`, linker output) helps when no crate has
        // diagnostics of its own.
        build.shared.push(stderr.into_owned());
    }
    Ok(build)
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let cases = corpus();
    let harness = Arc::new(Harness {
        cases: cases.clone(),
        dirs: Dirs::new(),
        selected: OnceLock::new(),
        outcomes: OptionSet::ALL
            .iter()
            .map(|s| (*s, OnceLock::new()))
            .collect(),
        build_lock: Mutex::new(()),
    });
    let mut trials = Vec::new();
    let mut pairs = Vec::new();
    for set in OptionSet::ALL {
        for case in &cases {
            let harness = Arc::clone(&harness);
            let name = case.name.clone();
            pairs.push((set, case.name.clone()));
            trials.push(Trial::test(
                format!("{}::{}", set.name(), case.name),
                move || harness.trial(set, &name),
            ));
        }
    }
    let selected = trials
        .iter()
        .zip(pairs)
        .filter(|(trial, _)| !args.is_filtered_out(trial))
        .map(|(_, pair)| pair)
        .collect();
    harness
        .selected
        .set(selected)
        .expect("selection is made once");
    libtest_mimic::run(&args, trials).exit_code()
}
