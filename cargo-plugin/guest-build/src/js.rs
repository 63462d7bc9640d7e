//! A JavaScript or TypeScript guest into a component, in one step.
//!
//! 1. The source is a `.js`/`.mjs`/`.ts`/`.mts` file, or a folder whose `package.json` names the
//!    entry (`main`, else `module`; else `index.ts`/`index.js`).
//! 2. The WIT is loaded by knit's loader (a folder with `deps/`, a file, a wasm-encoded package or a
//!    component) and handed to the engine as one flattened WIT file, so every input form works.
//! 3. A TypeScript entry is type-checked in strict mode against knit's own declarations for the
//!    chosen engine (`knit-bindgen-ts`), then emitted as JavaScript.
//! 4. The entry is checked before the engine sees it: a syntax error is reported with file, line
//!    and column, and every export the world needs must be among the module's exports.
//! 5. The engine builds the component: ComponentizeJS (SpiderMonkey through StarlingMonkey) by
//!    default, or componentize-qjs (QuickJS) for components a tenth the size. Both run in Node
//!    through knit's driver script, from the pinned install in knit's cache
//!    ([`crate::toolchain::node`]).
//!
//! WASI: StarlingMonkey's `http` and `fetch-event` features are left out unless the world imports
//! or exports `wasi:http`; `stdio`, `clocks` and `random` stay (they back `console.log`,
//! `Date.now()` and `Math.random()`) unless [`BuildJs::wasi`] is off, which leaves the component
//! importing no WASI at all (QuickJS: every WASI import replaced by a trap).

use crate::process;
use crate::toolchain::node::{Engines, engines};
use anyhow::{Context, Result, bail};
use knit_bindgen_core::{LoadedWorld, WitSource};
pub use knit_bindgen_ts::Engine;
use std::path::{Path, PathBuf};
use wit_parser::{Resolve, WorldId, WorldItem};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildJs {
    /// A `.js`/`.mjs`/`.ts`/`.mts` file, or a folder with a `package.json`.
    pub source: PathBuf,
    /// WIT inputs; empty means [`default_wit`] of the source's folder.
    pub wit: Vec<PathBuf>,
    /// The world (needed when the WIT defines several).
    pub world: Option<String>,
    /// The engine.
    pub engine: Engine,
    /// Whether the engine's WASI features (console, clocks, random) are kept.
    pub wasi: bool,
}

/// A built component.
#[derive(Debug, Clone)]
pub struct BuiltJs {
    /// The component.
    pub component: Vec<u8>,
    /// The JavaScript or TypeScript module that was built.
    pub entry: PathBuf,
    /// Every file the build read (the sources and the WIT), for rebuild checks and cache keys.
    pub inputs: Vec<PathBuf>,
}

/// The engine's name on the command line (`starlingmonkey`, `quickjs`).
pub fn engine_flag(engine: Engine) -> &'static str {
    match engine {
        Engine::StarlingMonkey => "starlingmonkey",
        Engine::QuickJs => "quickjs",
    }
}

/// The entry module of `source` and the folder its relative imports resolve from.
pub fn entry_of(source: &Path) -> Result<(PathBuf, PathBuf)> {
    if source.is_file() {
        let ext = source.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "js" | "mjs" | "ts" | "mts") {
            bail!(
                "{}: not a JavaScript or TypeScript module (expected .js, .mjs, .ts or .mts, or a folder with package.json)",
                source.display()
            );
        }
        let root = source
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        return Ok((source.to_path_buf(), root.to_path_buf()));
    }
    if !source.is_dir() {
        bail!("{}: no such file or folder", source.display());
    }
    let manifest = source.join("package.json");
    if manifest.is_file() {
        let text = std::fs::read_to_string(&manifest)
            .with_context(|| format!("reading {}", manifest.display()))?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{}: not valid JSON", manifest.display()))?;
        for field in ["main", "module"] {
            if let Some(entry) = json.get(field).and_then(|v| v.as_str()) {
                let path = source.join(entry);
                if !path.is_file() {
                    bail!(
                        "{}: `{field}` names {entry}, which does not exist",
                        manifest.display()
                    );
                }
                return Ok((path, source.to_path_buf()));
            }
        }
    }
    for candidate in ["index.ts", "index.mts", "index.js", "index.mjs"] {
        let path = source.join(candidate);
        if path.is_file() {
            return Ok((path, source.to_path_buf()));
        }
    }
    bail!(
        "{}: no entry module (looked for `main` or `module` in package.json, then index.ts, index.js)",
        source.display()
    )
}

/// The WIT of a JavaScript package folder when none is named: `wit/`, else `world.wit`, else
/// `test.wit`, or `../test.wit` (a scenario's WIT beside its `js/` folder).
pub fn default_wit(root: &Path) -> Result<Vec<PathBuf>> {
    for candidate in ["wit", "world.wit", "test.wit", "../test.wit"] {
        let path = root.join(candidate);
        if path.exists() {
            return Ok(vec![path]);
        }
    }
    bail!(
        "no WIT found in {} (looked for wit/, world.wit, test.wit, ../test.wit): pass --wit",
        root.display()
    )
}

/// The world as one WIT file: its package with every other package of the resolve nested in it
/// (what the engines read, and what `knit wit` prints for a component).
pub fn flattened_wit(resolve: &Resolve, world: WorldId) -> Result<String> {
    let package = resolve.worlds[world]
        .package
        .context("the world belongs to no package")?;
    let nested: Vec<_> = resolve
        .packages
        .iter()
        .map(|(id, _)| id)
        .filter(|id| *id != package)
        .collect();
    let mut printer = wit_component::WitPrinter::default();
    printer.print(resolve, package, &nested)?;
    Ok(printer.output.to_string())
}

/// Whether the world imports or exports anything from `wasi:http`.
fn uses_http(resolve: &Resolve, world: WorldId) -> bool {
    let w = &resolve.worlds[world];
    w.imports.iter().chain(&w.exports).any(|(key, item)| {
        matches!(item, WorldItem::Interface { .. })
            && resolve.name_world_key(key).starts_with("wasi:http/")
    })
}

/// The StarlingMonkey features to leave out (QuickJS: `wasi` for all of them).
pub fn disabled_features(resolve: &Resolve, world: WorldId, wasi: bool) -> Vec<&'static str> {
    let mut disabled = Vec::new();
    if !wasi {
        disabled.extend(["stdio", "random", "clocks", "wasi"]);
    }
    if !wasi || !uses_http(resolve, world) {
        disabled.extend(["http", "fetch-event"]);
    }
    disabled
}

/// Builds the guest.
pub fn build(opts: &BuildJs) -> Result<BuiltJs> {
    let (entry, root) = entry_of(&opts.source)?;
    let wit = if opts.wit.is_empty() {
        default_wit(&root)?
    } else {
        opts.wit.clone()
    };
    let loaded: LoadedWorld = knit_bindgen_core::load(&WitSource {
        paths: wit,
        inline: None,
        world: opts.world.clone(),
        features: Vec::new(),
        all_features: false,
    })?;
    let (resolve, world) = (&loaded.resolve, loaded.world);
    let engines = engines()?;
    let work = tempfile::Builder::new()
        .prefix("knit-build-js-")
        .tempdir()
        .context("creating a temporary folder")?;
    let wit_file = work.path().join("world.wit");
    std::fs::write(&wit_file, flattened_wit(resolve, world)?)?;

    let mut inputs = loaded.files_read.clone();
    inputs.push(entry.clone());
    let is_ts = entry.extension().is_some_and(|e| e == "ts" || e == "mts");
    let js_entry = if is_ts {
        typescript(&engines, opts.engine, resolve, world, &entry, work.path())?
    } else {
        entry.clone()
    };
    let expected = knit_bindgen_ts::guest_exports(resolve, world, opts.engine)?;
    let request = serde_json::json!({
        "engine": engine_flag(opts.engine),
        "source": absolute(&js_entry)?,
        // QuickJS resolves the entry's imports under this folder: the emitted tree for TypeScript.
        "root": if is_ts { work.path().join("js") } else { absolute(&root)? },
        "shown": entry.display().to_string(),
        "exports": expected,
        "wit": wit_file,
        "world": resolve.worlds[world].name,
        "disable": disabled_features(resolve, world, opts.wasi),
        "output": work.path().join("component.wasm"),
    });
    let step = crate::report::step(
        "Building",
        format!("{} with {}", entry.display(), opts.engine.name()),
    );
    let built = run_driver(&engines, "componentize", &request, work.path());
    step.finish(built.is_ok());
    built.with_context(|| format!("{} could not build {}", opts.engine.name(), entry.display()))?;
    let component = std::fs::read(work.path().join("component.wasm"))
        .context("reading the engine's component")?;
    Ok(BuiltJs {
        component,
        entry,
        inputs,
    })
}

fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).with_context(|| format!("resolving {}", path.display()))
}

/// Type-checks a TypeScript entry against knit's declarations and emits it; returns the emitted
/// JavaScript entry.
fn typescript(
    engines: &Engines,
    engine: Engine,
    resolve: &Resolve,
    world: WorldId,
    entry: &Path,
    work: &Path,
) -> Result<PathBuf> {
    let files = knit_bindgen_ts::generate(
        resolve,
        world,
        &knit_bindgen_ts::Options {
            engine,
            stubs: false,
        },
    )?;
    let types = work.join("types");
    let mut declarations = Vec::new();
    for (name, contents) in files.iter() {
        let path = types.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, contents)?;
        declarations.push(path);
    }
    let out_dir = work.join("js");
    let check = work.join("knit-check.ts");
    std::fs::write(&check, export_check(resolve, world, engine, entry)?)?;
    let request = serde_json::json!({
        "entry": absolute(entry)?,
        "shown": entry.display().to_string(),
        "world": resolve.worlds[world].name,
        "check": check,
        "declarations": declarations,
        "outDir": out_dir,
    });
    run_driver(engines, "typecheck", &request, work)
        .with_context(|| format!("{} does not type-check", entry.display()))?;
    // The driver emits each file at its absolute path below `out_dir`.
    let relative: PathBuf = absolute(entry)?
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .collect();
    let emitted =
        out_dir
            .join(relative)
            .with_extension(if entry.extension().is_some_and(|e| e == "mts") {
                "mjs"
            } else {
                "js"
            });
    if !emitted.is_file() {
        bail!(
            "TypeScript emitted no {} for {}",
            emitted.display(),
            entry.display()
        );
    }
    Ok(emitted)
}

/// A TypeScript file that fails to type-check unless the module at `entry` exports everything
/// the world exports, each with the type knit's declarations give it.
fn export_check(resolve: &Resolve, world: WorldId, engine: Engine, entry: &Path) -> Result<String> {
    let w = &resolve.worlds[world];
    let spec = match w.package {
        Some(pkg) => resolve.packages[pkg].name.interface_id(&w.name),
        None => w.name.clone(),
    };
    let names = knit_bindgen_ts::guest_exports(resolve, world, engine)?;
    let entry = absolute(entry)?.with_extension("");
    let keys = if names.is_empty() {
        "never".to_string()
    } else {
        names
            .iter()
            .map(|n| serde_json::to_string(n).expect("a string"))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    Ok(format!(
        "// knit's check of the guest module's exports against world `{}`.\n\
         import * as guest from {};\n\
         import type * as World from {};\n\
         export const exportsMatchTheWorld: Pick<typeof World, {keys}> = guest;\n",
        w.name,
        serde_json::to_string(&entry.display().to_string())?,
        serde_json::to_string(&spec)?,
    ))
}

/// Runs `node knit-js.mjs <command>` with `request`; fails with what the driver printed.
fn run_driver(
    engines: &Engines,
    command: &str,
    request: &serde_json::Value,
    work: &Path,
) -> Result<()> {
    let path = work.join(format!("{command}.json"));
    std::fs::write(&path, serde_json::to_vec(request)?)?;
    let mut cmd = engines.driver(command, &path);
    if let Ok(cwd) = std::env::current_dir() {
        cmd.current_dir(cwd);
    }
    let output = process::output(&mut cmd, "node (knit's JavaScript driver)")?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let text = format!("{}{}", stdout.trim_end(), stderr.trim_end());
    bail!("{}", text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world(text: &str) -> (Resolve, WorldId) {
        let mut resolve = Resolve::default();
        let pkg = resolve.push_str("test.wit", text).unwrap();
        let world = resolve.select_world(&[pkg], None).unwrap();
        (resolve, world)
    }

    #[test]
    fn entries_come_from_files_and_package_folders() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("guest.ts");
        std::fs::write(&file, "").unwrap();
        assert_eq!(entry_of(&file).unwrap(), (file.clone(), dir.path().into()));
        let err = entry_of(&dir.path().join("guest.txt"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("no such file"), "{err}");
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        let err = entry_of(&dir.path().join("notes.txt"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not a JavaScript or TypeScript module"),
            "{err}"
        );

        let pkg = dir.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        let err = entry_of(&pkg).unwrap_err().to_string();
        assert!(err.contains("no entry module"), "{err}");
        std::fs::write(pkg.join("index.js"), "").unwrap();
        assert_eq!(entry_of(&pkg).unwrap().0, pkg.join("index.js"));
        std::fs::write(pkg.join("package.json"), r#"{"main": "src/app.js"}"#).unwrap();
        let err = entry_of(&pkg).unwrap_err().to_string();
        assert!(err.contains("`main` names src/app.js"), "{err}");
        std::fs::create_dir(pkg.join("src")).unwrap();
        std::fs::write(pkg.join("src/app.js"), "").unwrap();
        assert_eq!(entry_of(&pkg).unwrap().0, pkg.join("src/app.js"));
    }

    #[test]
    fn http_features_only_for_http_worlds() {
        let (resolve, w) = world("package a:b; world w { export f: func(); }");
        assert_eq!(
            disabled_features(&resolve, w, true),
            ["http", "fetch-event"]
        );
        assert_eq!(
            disabled_features(&resolve, w, false),
            ["stdio", "random", "clocks", "wasi", "http", "fetch-event"]
        );
        let (resolve, w) = world(
            "package a:b; world w { export wasi:http/handler; } \
             package wasi:http { interface handler { handle: func(); } }",
        );
        assert!(disabled_features(&resolve, w, true).is_empty());
    }

    #[test]
    fn the_flattened_wit_parses_back_to_the_same_world() {
        let (resolve, w) = world(
            "package a:b@1.0.0; interface i { use c:d/t.{r}; f: func(x: r) -> r; } \
             world w { import i; export g: func() -> string; } \
             package c:d { interface t { record r { x: u32 } } }",
        );
        let text = flattened_wit(&resolve, w).unwrap();
        let (back, w2) = world(&text);
        assert_eq!(back.worlds[w2].name, "w");
        assert_eq!(back.packages.len(), resolve.packages.len());
        assert!(text.contains("package c:d {"), "{text}");
    }
}
