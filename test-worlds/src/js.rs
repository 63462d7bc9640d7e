//! JavaScript guests: `scenarios/<name>/js/` holds the guest module (`index.js` or `index.ts`,
//! or a `package.json` naming it), built with `knit_guest_build::js` (the same code as `knit
//! build-js`). `js/knit-engine` may say `quickjs` (default: StarlingMonkey) and `js/knit-world`
//! names the world when `test.wit` has several.
//!
//! The engines' output is not byte-reproducible and a build takes seconds, so built components are
//! cached by a hash of everything that goes into them: the guest's files, the scenario's WIT, the
//! engine, knit's pins of the engines and its driver, and this crate's version.

use anyhow::{Context, Result};
use knit_bindgen_core::files::write_atomic;
use knit_guest_build::js::{BuildJs, Engine, build, engine_flag};
use knit_guest_build::lock::BuildLock;
use knit_guest_build::toolchain::node::{DRIVER, pins_hash};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The engine a scenario's JavaScript guest names in `js/knit-engine` (StarlingMonkey when none).
fn engine_of(dir: &Path) -> Result<Engine> {
    match std::fs::read_to_string(dir.join("knit-engine")) {
        Err(_) => Ok(Engine::StarlingMonkey),
        Ok(text) => match text.trim() {
            "starlingmonkey" => Ok(Engine::StarlingMonkey),
            "quickjs" => Ok(Engine::QuickJs),
            other => anyhow::bail!(
                "{}: unknown engine `{other}` (starlingmonkey or quickjs)",
                dir.join("knit-engine").display()
            ),
        },
    }
}

/// The files of `dir` (not folders), sorted, as `(name, contents)`.
fn files_of(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.push((
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path())?,
            ));
        }
    }
    files.sort();
    Ok(files)
}

/// Builds (or finds in the cache) the JavaScript guest of `scenario` and returns its path.
pub fn js_guest(scenario: &str) -> Result<PathBuf> {
    let source = crate::scenarios_dir().join(scenario);
    let dir = source.join("js");
    let engine = engine_of(&dir)?;
    let wit = source.join("test.wit");
    let mut hasher = Sha256::new();
    for part in [
        pins_hash().as_bytes(),
        DRIVER.as_bytes(),
        engine_flag(engine).as_bytes(),
        env!("CARGO_PKG_VERSION").as_bytes(),
        &std::fs::read(&wit).with_context(|| format!("reading {}", wit.display()))?,
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    for (name, contents) in files_of(&dir)? {
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update((contents.len() as u64).to_le_bytes());
        hasher.update(&contents);
    }
    let key: String = hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let root = crate::guest_target_dir().join("js");
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    let out = root.join(format!("{scenario}-{key}.wasm"));
    if out.is_file() {
        return Ok(out);
    }
    // One JavaScript build at a time: each engine run is parallel on its own.
    let _lock = BuildLock::acquire(&root.join(".build.lock"))?;
    if out.is_file() {
        return Ok(out);
    }
    let world = std::fs::read_to_string(dir.join("knit-world"))
        .ok()
        .map(|w| w.trim().to_string());
    let built = build(&BuildJs {
        source: dir.clone(),
        wit: vec![wit],
        world,
        engine,
        wasi: true,
    })
    .with_context(|| format!("building the JavaScript guest of scenario `{scenario}`"))?;
    write_atomic(&out, &built.component)?;
    Ok(out)
}
