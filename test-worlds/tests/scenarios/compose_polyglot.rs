//! Rust, JavaScript and Go composed into one component by knit's composer, values of every
//! family crossing both boundaries: the Rust application's `run` calls the JavaScript relay
//! (TypeScript, type-checked against knit's declarations), which calls the Go component. The
//! `js` trial composes the three and runs `run`, whose checks are the Rust application's; the
//! `go` trial calls the Go component's exports from the host directly, so the Go side is checked
//! on its own too.

use anyhow::{Context, Result, ensure};
use knit_test_worlds::{Host, go_guest, guest_target_dir, js_guest, rust_component};

knit_macros::host!({ path: "scenarios/compose-polyglot/test.wit", world: "rust-app" });

mod go_side {
    knit_macros::host!({ path: "scenarios/compose-polyglot/test.wit", world: "go-side" });
}

/// Composes the Rust application (root) with the JavaScript relay and the Go component (plugs).
fn composed() -> Result<std::path::PathBuf> {
    let app = std::fs::read(rust_component("compose-polyglot", "rust-app")?)?;
    let js = std::fs::read(js_guest("compose-polyglot")?)?;
    let go = std::fs::read(go_guest("compose-polyglot")?)?;
    let composed = knit_composer::Composition::plug(
        knit_composer::Input::new("app", app),
        vec![
            knit_composer::Input::new("go", go),
            knit_composer::Input::new("js", js),
        ],
    )
    .context("composing the Rust application, the JavaScript relay and the Go component")?;
    for wiring in [
        "import knit:compose-polyglot/relay: satisfied by `js` export `knit:compose-polyglot/relay`",
        "import knit:compose-polyglot/values: satisfied by `go` export `knit:compose-polyglot/values`",
    ] {
        ensure!(
            composed.explanation.contains(wiring),
            "the composer's explanation lacks `{wiring}`:\n{}",
            composed.explanation
        );
    }
    let imports = super::import_names(&composed.bytes)?;
    ensure!(
        imports.iter().all(|i| i.starts_with("wasi:")),
        "the composition still imports a non-WASI interface: {imports:?}"
    );
    let path = guest_target_dir().join("compose-polyglot.composed.wasm");
    std::fs::write(&path, &composed.bytes)?;
    Ok(path)
}

pub fn run(language: &str) -> Result<()> {
    if language == "go" {
        use go_side::exports::knit::compose_polyglot::values::{Color, Item, Perms, Shape};
        let mut host: Host = Host::new(&go_guest("compose-polyglot")?)?;
        let guest = go_side::GoSide::instantiate(&mut host.store, &host.component, &host.linker)?;
        let values = guest.knit_compose_polyglot_values();
        let sent = Item {
            id: 41,
            delta: 3,
            name: "go".into(),
            tags: vec!["x".into(), "y".into()],
            color: Color::Green,
            perms: Perms::WRITE,
            shape: Shape::Circle(2.0),
            weight: Some(1.5),
        };
        check!(
            values.call_transform(&mut host.store, &[sent])?,
            vec![Item {
                id: 42,
                delta: -3,
                name: "GO".into(),
                tags: vec!["y".into(), "x".into()],
                color: Color::Blue,
                perms: Perms::empty(),
                shape: Shape::Circle(4.0),
                weight: Some(3.0),
            }]
        );
        check!(values.call_divide(&mut host.store, 7, 2)?, Ok(3));
        check!(
            values.call_divide(&mut host.store, 7, 0)?,
            Err("go: cannot divide 7 by zero".to_string())
        );
        check!(
            values.call_checksum(&mut host.store, &[1, 2, 255])?,
            (258, 1 ^ 2 ^ 255)
        );
        return Ok(());
    }
    let mut host: Host = Host::new(&composed()?)?;
    let app = RustApp::instantiate(&mut host.store, &host.component, &host.linker)?;
    check!(
        app.call_run(&mut host.store)?,
        Ok("Rust -> JavaScript -> Go: every answer checked".to_string())
    );
    Ok(())
}
