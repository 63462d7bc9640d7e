//! Generates declarations and stubs (`stubs: true`) for every codegen corpus entry under both
//! engines and type-checks them with TypeScript in strict mode (`tsc --noEmit --strict`).
//!
//! Each case is written to `$CARGO_TARGET_DIR/../codegen-ts/<engine>/<case>/` with its own
//! `tsconfig.json`, so `npx tsc -p <that folder>` (from `tests/tsc/`) reproduces one case. All
//! cases of an engine are checked by one Node process (`tests/tsc/check.mjs`), one program per
//! case: cases declare ambient modules of the same names (WASI), so they cannot share a program.
//!
//! TypeScript is pinned by `tests/tsc/package.json` and `package-lock.json`; when
//! `tests/tsc/node_modules` lacks it, `npm ci` installs it there first. Without Node and npm the
//! trials fail, saying so.
//!
//! Trials are named `<engine>::<case>`; `cargo test -p knit-bindgen-ts --test typecheck --
//! quickjs::options` runs one.

use knit_bindgen_core::{WitSource, load};
use knit_bindgen_ts::{Engine, Options, generate};
use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

const ENGINES: [(Engine, &str); 2] = [
    (Engine::StarlingMonkey, "starlingmonkey"),
    (Engine::QuickJs, "quickjs"),
];

/// The compiler options of every case: what `tsc --noEmit --strict` checks, with the standard
/// library the declarations need (`Disposable` and `Symbol.dispose` come from
/// `esnext.disposable`) and no ambient `@types`.
const COMPILER_OPTIONS: &str = r#"{
    "strict": true,
    "noEmit": true,
    "target": "es2022",
    "module": "es2022",
    "moduleResolution": "bundler",
    "lib": ["es2022", "esnext.disposable"],
    "types": []
  }"#;

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

/// The corpus entries, with their `// world:` and `// features:` directives.
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

/// Per case: `Ok(())` or what went wrong.
type Outcome = BTreeMap<String, Result<(), String>>;

struct Harness {
    cases: Vec<Case>,
    root: PathBuf,
    selected: OnceLock<HashSet<(usize, String)>>,
    outcomes: [OnceLock<Outcome>; 2],
    typescript: OnceLock<Result<PathBuf, String>>,
    lock: Mutex<()>,
}

impl Harness {
    fn trial(&self, engine: usize, case: &str) -> Result<(), Failed> {
        let outcome = self.outcomes[engine].get_or_init(|| {
            let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.run_engine(engine)
        });
        match outcome.get(case) {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(e.clone().into()),
            None => Err("the case was not part of the check".into()),
        }
    }

    fn run_engine(&self, engine: usize) -> Outcome {
        let (which, dir_name) = ENGINES[engine];
        let selected = self.selected.get().expect("selection made");
        let dir = self.root.join(dir_name);
        let _ = std::fs::remove_dir_all(&dir);
        let mut results = BTreeMap::new();
        let mut written = Vec::new();
        for case in self
            .cases
            .iter()
            .filter(|c| selected.contains(&(engine, c.name.clone())))
        {
            match write_case(&dir, case, which) {
                Ok(()) => written.push(case.name.clone()),
                Err(e) => {
                    results.insert(case.name.clone(), Err(e));
                }
            }
        }
        if written.is_empty() {
            return results;
        }
        let checked = self
            .typescript
            .get_or_init(install_typescript)
            .clone()
            .and_then(|tsc_dir| check(&tsc_dir, &dir));
        let cases = match checked {
            Ok(cases) => cases,
            Err(e) => {
                for case in written {
                    results.insert(case, Err(e.clone()));
                }
                return results;
            }
        };
        for case in written {
            let result = match cases.get(&case) {
                Some(messages) if messages.is_empty() => Ok(()),
                Some(messages) => Err(format!(
                    "tsc reports {} error(s) in {}:\n{}",
                    messages.len(),
                    dir.join(&case).display(),
                    messages.join("\n")
                )),
                None => Err("the checker did not report on this case".into()),
            };
            results.insert(case, result);
        }
        results
    }
}

/// Generates a case into `<dir>/<case>/` with a `tsconfig.json` naming every generated file.
fn write_case(dir: &Path, case: &Case, engine: Engine) -> Result<(), String> {
    let source = WitSource {
        paths: vec![case.path.clone()],
        inline: None,
        world: case.world.clone(),
        features: case.features.clone().unwrap_or_default(),
        all_features: case.features.is_none(),
    };
    let loaded = load(&source).map_err(|e| format!("the corpus entry does not load:\n{e}"))?;
    let options = Options {
        engine,
        stubs: true,
    };
    let generated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generate(&loaded.resolve, loaded.world, &options)
    }));
    let files = match generated {
        Ok(Ok(files)) => files,
        Ok(Err(e)) => return Err(format!("generation failed: {e:#}")),
        Err(_) => return Err("the generator panicked".into()),
    };
    let case_dir = dir.join(&case.name);
    files
        .write_to(&case_dir)
        .map_err(|e| format!("cannot write: {e}"))?;
    let names: Vec<String> = files.iter().map(|(p, _)| format!("\"{p}\"")).collect();
    let config = format!(
        "{{\n  \"compilerOptions\": {COMPILER_OPTIONS},\n  \"files\": [\n    {}\n  ]\n}}\n",
        names.join(",\n    ")
    );
    std::fs::write(case_dir.join("tsconfig.json"), config).map_err(|e| e.to_string())
}

/// The folder holding `package.json`, `check.mjs` and, after `npm ci`, TypeScript.
fn tsc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tsc")
}

/// Makes sure the pinned TypeScript is installed under `tests/tsc/node_modules`.
fn install_typescript() -> Result<PathBuf, String> {
    let dir = tsc_dir();
    let lock = std::fs::read_to_string(dir.join("package-lock.json"))
        .map_err(|e| format!("cannot read tests/tsc/package-lock.json: {e}"))?;
    let lock: serde_json::Value = serde_json::from_str(&lock).map_err(|e| e.to_string())?;
    let want = lock["packages"]["node_modules/typescript"]["version"]
        .as_str()
        .ok_or("tests/tsc/package-lock.json pins no typescript version")?
        .to_string();
    let installed = || -> Option<String> {
        let text =
            std::fs::read_to_string(dir.join("node_modules/typescript/package.json")).ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        json["version"].as_str().map(str::to_string)
    };
    if installed().as_deref() == Some(want.as_str()) {
        return Ok(dir);
    }
    let output = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir)
        .output()
        .map_err(|e| {
            format!(
                "cannot run `npm ci` in {} ({e}): the TypeScript check needs Node.js (20 or newer) \
                 and npm on PATH",
                dir.display()
            )
        })?;
    if !output.status.success() {
        return Err(format!(
            "`npm ci` in {} failed ({}):\n{}{}",
            dir.display(),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    match installed() {
        Some(v) if v == want => Ok(dir),
        other => Err(format!(
            "`npm ci` installed typescript {other:?}, the lock file pins {want}"
        )),
    }
}

/// Runs the checker over every case folder of `root`: per case, the diagnostics.
fn check(tsc_dir: &Path, root: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let output = Command::new("node")
        .arg(tsc_dir.join("check.mjs"))
        .arg(root)
        .current_dir(tsc_dir)
        .output()
        .map_err(|e| {
            format!("cannot run `node` ({e}): the TypeScript check needs Node.js (20 or newer)")
        })?;
    if !output.status.success() {
        return Err(format!(
            "the checker failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("the checker's output is not JSON ({e})"))?;
    let cases = json["cases"]
        .as_object()
        .ok_or("the checker reported no cases")?;
    Ok(cases
        .iter()
        .map(|(case, messages)| {
            let messages = messages
                .as_array()
                .map(|m| {
                    m.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (case.clone(), messages)
        })
        .collect())
}

fn main() {
    let args = Arguments::from_args();
    let cases = corpus();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    let root = target
        .parent()
        .map(|p| p.join("codegen-ts"))
        .unwrap_or_else(|| target.join("codegen-ts"));
    let harness = Arc::new(Harness {
        cases: cases.clone(),
        root,
        selected: OnceLock::new(),
        outcomes: [OnceLock::new(), OnceLock::new()],
        typescript: OnceLock::new(),
        lock: Mutex::new(()),
    });
    let mut trials = Vec::new();
    let mut pairs = Vec::new();
    for (engine, (_, engine_name)) in ENGINES.iter().enumerate() {
        for case in &cases {
            let h = Arc::clone(&harness);
            let name = case.name.clone();
            pairs.push((engine, name.clone()));
            trials.push(Trial::test(
                format!("{engine_name}::{}", case.name),
                move || h.trial(engine, &name),
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
