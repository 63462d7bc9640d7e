//! Plans every function of every world in the codegen corpus (`test-worlds/codegen/`).
//!
//! Each corpus entry is loaded with the core loader, then every imported and exported function of
//! its world (world-level functions, functions of imported and exported interfaces, resource
//! constructors, methods and statics) goes through the canonical-ABI planner: the import plan for
//! imports, the export and post-return plans for exports. Plans check their own stack discipline,
//! so producing one without error is the assertion.
//!
//! A corpus entry is either `<name>.wit` or a folder `<name>/` (with `deps/`). Leading `//` comment
//! lines may carry directives:
//!
//! * `// world: NAME` selects the world when the entry defines several;
//! * `// features: a, b` enables only those feature gates (otherwise every gate is enabled).
//!
//! [`KNOWN_FAILURES`] lists functions the planner is known to reject or mis-plan; the test fails
//! when one of them starts passing, so the list stays honest.
//!
//! The golden plan dumps in `tests/plans/` are refreshed with `BLESS=1`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use knit_bindgen_core::abi::{Abi, dump};
use knit_bindgen_core::{WitSource, load};
use wit_parser::{Function, Resolve, WorldId, WorldItem, WorldKey};

/// `(case, function)` pairs the planner is known to get wrong, each reported to the lead.
/// `function` is the WIT name as printed by this test (`iface.func` or `func` at world level).
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// The smallest number of corpus entries the issue asks for.
const MIN_CORPUS: usize = 64;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-worlds/codegen")
}

/// One corpus entry and its directives.
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

/// Reads the `// key: value` directives from the leading comment lines of `text`.
fn directives(text: &str, world: &mut Option<String>, features: &mut Option<Vec<String>>) {
    for line in text.lines() {
        let Some(comment) = line.trim().strip_prefix("//") else {
            break;
        };
        if comment.starts_with('/') {
            break; // a doc comment: directives are over
        }
        if let Some(value) = comment.trim().strip_prefix("world:") {
            *world = Some(value.trim().to_string());
        } else if let Some(value) = comment.trim().strip_prefix("features:") {
            *features = Some(
                value
                    .split(',')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect(),
            );
        }
    }
}

fn corpus() -> Vec<Case> {
    let dir = corpus_dir();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut cases = Vec::new();
    for path in entries {
        let (name, texts) = if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "wit"))
                .collect();
            files.sort();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, files)
        } else if path.extension().is_some_and(|e| e == "wit") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, vec![path.clone()])
        } else {
            continue;
        };
        let (mut world, mut features) = (None, None);
        for file in texts {
            directives(&std::fs::read_to_string(file).unwrap(), &mut world, &mut features);
        }
        cases.push(Case { name, path, world, features });
    }
    cases
}

/// How one function of a world is planned.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Direction {
    Import,
    Export,
}

/// Every function of the world, with its interface key (`None` at world level).
fn functions(resolve: &Resolve, world: WorldId) -> Vec<(Direction, Option<WorldKey>, &Function)> {
    let world = &resolve.worlds[world];
    let mut out = Vec::new();
    let sides = [(Direction::Import, &world.imports), (Direction::Export, &world.exports)];
    for (direction, items) in sides {
        for (key, item) in items {
            match item {
                WorldItem::Function(func) => out.push((direction, None, func)),
                WorldItem::Interface { id, .. } => {
                    for func in resolve.interfaces[*id].functions.values() {
                        out.push((direction, Some(key.clone()), func));
                    }
                }
                WorldItem::Type { .. } => {}
            }
        }
    }
    out
}

fn display_name(resolve: &Resolve, key: Option<&WorldKey>, func: &Function) -> String {
    match key {
        Some(WorldKey::Name(name)) => format!("{name}.{}", func.name),
        Some(WorldKey::Interface(id)) => {
            format!("{}.{}", resolve.interfaces[*id].name.as_deref().unwrap_or("?"), func.name)
        }
        None => func.name.clone(),
    }
}

/// Plans one function in the given direction; the error text on failure (including panics).
fn plan(abi: &Abi<'_>, direction: Direction, key: Option<&WorldKey>, func: &Function) -> Result<(), String> {
    let result = catch_unwind(AssertUnwindSafe(|| match direction {
        Direction::Import => abi.import_plan(key, func).map(drop).map_err(|e| e.to_string()),
        Direction::Export => {
            abi.export_plan(func).map_err(|e| format!("export plan: {e}"))?;
            abi.post_return_plan(func).map_err(|e| format!("post-return plan: {e}"))?;
            Ok(())
        }
    }));
    match result {
        Ok(outcome) => outcome,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "<non-string panic>".to_string());
            Err(format!("planner panicked: {message}"))
        }
    }
}

#[test]
fn every_corpus_function_is_planned() {
    let cases = corpus();
    assert!(
        cases.len() >= MIN_CORPUS,
        "the corpus has {} entries, fewer than {MIN_CORPUS}",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut known_seen = Vec::new();
    let (mut planned, mut imports, mut exports) = (0usize, 0usize, 0usize);
    for case in &cases {
        let loaded = match load(&case.source()) {
            Ok(loaded) => loaded,
            Err(err) => {
                failures.push(format!("{}: does not load:\n{err}", case.name));
                continue;
            }
        };
        let abi = Abi::new(&loaded.resolve, loaded.world);
        let mut count = 0;
        for (direction, key, func) in functions(&loaded.resolve, loaded.world) {
            let name = display_name(&loaded.resolve, key.as_ref(), func);
            let known = KNOWN_FAILURES.contains(&(case.name.as_str(), name.as_str()));
            match (plan(&abi, direction, key.as_ref(), func), known) {
                (Ok(()), false) => {
                    count += 1;
                    match direction {
                        Direction::Import => imports += 1,
                        Direction::Export => exports += 1,
                    }
                }
                (Ok(()), true) => failures.push(format!(
                    "{}: {name} is listed as a known failure but now plans: remove it from KNOWN_FAILURES",
                    case.name
                )),
                (Err(err), true) => known_seen.push(format!("{}: {direction:?} {name}: {err}", case.name)),
                (Err(err), false) => failures.push(format!("{}: {direction:?} {name}: {err}", case.name)),
            }
        }
        planned += count;
        println!("{:<40} {count:>4} functions planned", case.name);
    }
    println!(
        "planned {planned} functions ({imports} imports, {exports} exports with post-return) in {} corpus entries",
        cases.len()
    );
    for known in &known_seen {
        println!("known failure: {known}");
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// A function chosen for a golden plan dump.
struct Golden {
    /// File under `tests/plans/`.
    file: &'static str,
    /// Corpus entry.
    case: &'static str,
    /// Name as printed by [`display_name`] (`iface.func`, or `func` at world level).
    function: &'static str,
    /// Which plans to dump.
    direction: Direction,
}

const GOLDEN: &[Golden] = &[
    Golden {
        file: "string-export.txt",
        case: "primitives-export",
        function: "echo.echo-string",
        direction: Direction::Export,
    },
    Golden {
        file: "seventeen-params-import.txt",
        case: "many-params",
        function: "wide.seventeen",
        direction: Direction::Import,
    },
    Golden {
        file: "variant-mixed-width-import.txt",
        case: "variants-mixed-width",
        function: "mixed.blob",
        direction: Direction::Import,
    },
    Golden {
        file: "list-of-records-export.txt",
        case: "lists-of-records",
        function: "people.older-than",
        direction: Direction::Export,
    },
];

fn golden_text(golden: &Golden) -> String {
    let case = corpus()
        .into_iter()
        .find(|c| c.name == golden.case)
        .unwrap_or_else(|| panic!("no corpus entry `{}`", golden.case));
    let loaded = load(&case.source()).unwrap_or_else(|e| panic!("{}: {e}", golden.case));
    let abi = Abi::new(&loaded.resolve, loaded.world);
    let (_, key, func) = functions(&loaded.resolve, loaded.world)
        .into_iter()
        .find(|(direction, key, func)| {
            *direction == golden.direction
                && display_name(&loaded.resolve, key.as_ref(), func) == golden.function
        })
        .unwrap_or_else(|| panic!("{}: no {:?} function `{}`", golden.case, golden.direction, golden.function));
    let resolve = &loaded.resolve;
    let mut text = format!("# {} {:?} {}\n", golden.case, golden.direction, golden.function);
    match golden.direction {
        Direction::Import => text += &dump::dump(resolve, &abi.import_plan(key.as_ref(), func).unwrap()),
        Direction::Export => {
            text += &dump::dump(resolve, &abi.export_plan(func).unwrap());
            match abi.post_return_plan(func).unwrap() {
                Some(post) => text += &dump::dump(resolve, &post),
                None => text += "no post-return\n",
            }
        }
    }
    text
}

#[test]
fn golden_plan_dumps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans");
    let bless = std::env::var_os("BLESS").is_some();
    for golden in GOLDEN {
        let actual = golden_text(golden);
        let path = dir.join(golden.file);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to create it)", path.display()));
        pretty_assertions::assert_eq!(expected, actual, "{} is stale (BLESS=1 refreshes it)", golden.file);
    }
}
