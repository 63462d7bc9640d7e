//! A Go component composed with Rust components by knit's composer, each language calling the
//! other's exports: the Rust application's `run` calls the Go component's `describe`, whose
//! functions call the Rust `math` component. The `go` trial composes the three and calls `run` on
//! the result; the `rust` trial calls the `math` component's exports directly.

use anyhow::{Context, Result, ensure};
use knit_test_worlds::{Host, go_guest, guest_target_dir, rust_component, rust_guest};

knit_macros::host!({ path: "scenarios/compose-go-rust/test.wit", world: "rust-app" });

mod rust_side {
    knit_macros::host!({ path: "scenarios/compose-go-rust/test.wit", world: "rust-side" });
}

/// Composes the Rust application (root) with the Go and Rust `math` components (plugs).
fn composed() -> Result<std::path::PathBuf> {
    let app = std::fs::read(rust_component("compose-go-rust", "rust-app")?)?;
    let go = std::fs::read(go_guest("compose-go-rust")?)?;
    let math = std::fs::read(rust_guest("compose-go-rust")?)?;
    let composed = knit_composer::Composition::plug(
        knit_composer::Input::new("app", app),
        vec![
            knit_composer::Input::new("go", go),
            knit_composer::Input::new("math", math),
        ],
    )
    .context("composing the Rust application, the Go component and the Rust math component")?;
    for wiring in [
        "import knit:compose-go-rust/describe: satisfied by `go` export `knit:compose-go-rust/describe`",
        "import knit:compose-go-rust/math: satisfied by `math` export `knit:compose-go-rust/math`",
    ] {
        ensure!(
            composed.explanation.contains(wiring),
            "the composer's explanation lacks `{wiring}`:\n{}",
            composed.explanation
        );
    }
    // WASI 0.2.0 (Go, through knit's adapter) and 0.2.6 (Rust's std) are bridged: the result
    // imports each interface once, at the newest version any component asked for.
    let imports = super::import_names(&composed.bytes)?;
    let mut bases: Vec<&str> = imports
        .iter()
        .map(|n| n.split('@').next().unwrap_or(n))
        .collect();
    bases.sort();
    let count = bases.len();
    bases.dedup();
    ensure!(
        bases.len() == count,
        "an interface is imported twice: {imports:?}"
    );
    for name in [
        "wasi:io/streams@0.2.6",
        "wasi:cli/stdout@0.2.6",
        "wasi:io/error@0.2.6",
    ] {
        ensure!(
            imports.iter().any(|i| i == name),
            "`{name}` is not imported: {imports:?}"
        );
    }
    let path = guest_target_dir().join("compose-go-rust.composed.wasm");
    std::fs::write(&path, &composed.bytes)?;
    Ok(path)
}

pub fn run(language: &str) -> Result<()> {
    if language == "rust" {
        let mut host: Host = Host::new(&rust_guest("compose-go-rust")?)?;
        let guest =
            rust_side::RustSide::instantiate(&mut host.store, &host.component, &host.linker)?;
        let math = guest.knit_compose_go_rust_math();
        check!(math.call_add(&mut host.store, u32::MAX, 2)?, 1);
        let parts = ["a".to_string(), "b".to_string()];
        check!(math.call_join(&mut host.store, &parts, "–")?, "a–b");
        return Ok(());
    }
    let mut host: Host = Host::new(&composed()?)?;
    let app = RustApp::instantiate(&mut host.store, &host.component, &host.linker)?;
    check!(
        app.call_run(&mut host.store, 2, 3)?,
        Ok("2 + 3 = 5 (from Go via Rust)".to_string())
    );
    check!(
        app.call_run(&mut host.store, u32::MAX, 1)?,
        Ok("4294967295 + 1 = 0 (from Go via Rust)".to_string())
    );
    Ok(())
}
