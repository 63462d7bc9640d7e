//! A Go component composed with a Rust component by knit's composer: the Go component's `run`
//! export calls the Rust component's `math` exports. The `go` trial composes the two and calls
//! `run` on the result; the `rust` trial calls the Rust component's exports directly.

use anyhow::{Context, Result};
use knit_test_worlds::{Host, HostState, go_guest, guest_target_dir, rust_guest};

knit_macros::host!({ path: "scenarios/compose-go-rust/test.wit", world: "go-side" });

mod rust_side {
    knit_macros::host!({ path: "scenarios/compose-go-rust/test.wit", world: "rust-side" });
}

fn composed() -> Result<std::path::PathBuf> {
    let go = std::fs::read(go_guest("compose-go-rust")?)?;
    let rust = std::fs::read(rust_guest("compose-go-rust")?)?;
    let composed = knit_composer::Composition::plug(
        knit_composer::Input::new("go", go),
        vec![knit_composer::Input::new("rust", rust)],
    )
    .context("composing the Go and Rust components")?;
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
    let mut host: Host<()> = Host::new(&composed()?)?;
    let guest = GoSide::instantiate(&mut host.store, &host.component, &host.linker)?;
    check!(
        guest.call_run(&mut host.store, 2, 3)?,
        "2 + 3 = 5 (from Go via Rust)"
    );
    check!(
        guest.call_run(&mut host.store, u32::MAX, 1)?,
        "4294967295 + 1 = 0 (from Go via Rust)"
    );
    let _ = HostState::<()>::stdout;
    Ok(())
}
