//! A chain of three Rust components (`a` imports from `b`, which imports from `c`), composed in
//! plug mode (where `c` satisfies the plug `b`'s import) and by the scenario's WAC script with
//! spreading; each result runs in wasmtime.

use anyhow::{Context, Result, ensure};
use knit_composer::{Composed, Composition, Input, compose_wac};
use knit_test_worlds::{Host, guest_target_dir, rust_component, scenarios_dir};

knit_macros::host!({ path: "scenarios/compose-chain/test.wit", world: "a" });

fn part(folder: &str) -> Result<Vec<u8>> {
    Ok(std::fs::read(rust_component("compose-chain", folder)?)?)
}

/// Runs the composed chain's `run` and checks what `c`, `b` and `a` computed together.
fn check_runs(composed: &Composed, file: &str) -> Result<()> {
    let imports = super::import_names(&composed.bytes)?;
    ensure!(
        imports.iter().all(|name| name.starts_with("wasi:")),
        "only WASI should be left for the host, found {imports:?}"
    );
    let mut unique = imports.clone();
    unique.sort();
    unique.dedup();
    ensure!(
        unique.len() == imports.len(),
        "duplicate imports in {imports:?}"
    );
    let path = guest_target_dir().join(file);
    std::fs::write(&path, &composed.bytes)?;
    let mut host: Host = Host::new(&path)?;
    let a = A::instantiate(&mut host.store, &host.component, &host.linker)?;
    check!(
        a.call_run(&mut host.store, &[1, 2, 3])?,
        "[7, 14, 21] from c via b via a"
    );
    check!(a.call_run(&mut host.store, &[])?, "[] from c via b via a");
    Ok(())
}

pub fn run(language: &str) -> Result<()> {
    ensure!(language == "rust", "only Rust components take part");
    let plugs = || -> Result<Vec<Input>> {
        Ok(vec![
            Input::new("c", part("rust-c")?),
            Input::new("b", part("rust-b")?),
        ])
    };
    let plugged = Composition::plug(Input::new("a", part("rust")?), plugs()?)
        .context("composing the chain in plug mode")?;
    let explanation = &plugged.explanation;
    for wiring in [
        "import knit:compose-chain/scaled: satisfied by `b` export `knit:compose-chain/scaled` (exact name)",
        // `b` is a plug; its own import is satisfied by the other plug.
        "import knit:compose-chain/numbers: satisfied by `c` export `knit:compose-chain/numbers` (exact name)",
    ] {
        ensure!(
            explanation.contains(wiring),
            "missing `{wiring}` in:\n{explanation}"
        );
    }
    check_runs(&plugged, "compose-chain.plug.wasm")?;

    // The plugs' order on the command line does not change a byte.
    let mut reversed = plugs()?;
    reversed.reverse();
    let again = Composition::plug(Input::new("a", part("rust")?), reversed)?;
    ensure!(
        again.bytes == plugged.bytes,
        "plug order changed the output"
    );

    let script_path = scenarios_dir().join("compose-chain/compose.wac");
    let script = std::fs::read_to_string(&script_path)?;
    let mut deps = |name: &str| {
        let folder = match name {
            "knit:chain-a" => "rust",
            "knit:chain-b" => "rust-b",
            "knit:chain-c" => "rust-c",
            _ => return None,
        };
        Some(Input::new(name, part(folder).ok()?))
    };
    let scripted = compose_wac("compose.wac", &script, &mut deps)
        .context("composing the chain with compose.wac")?;
    let spread = "import knit:compose-chain/numbers: satisfied by `c` export `knit:compose-chain/numbers` (spread in the script)";
    ensure!(
        scripted.explanation.contains(spread),
        "missing `{spread}` in:\n{}",
        scripted.explanation
    );
    check_runs(&scripted, "compose-chain.wac.wasm")
}
