//! A diamond: `top` imports `left` and `right`, which both import the stateful `counter`. With
//! one shared instance the sides see one count; with one instance per consumer, a count each.

use anyhow::{Result, ensure};
use knit_composer::{Composition, Input, Sharing};
use knit_test_worlds::{Host, guest_target_dir, rust_component};

knit_macros::host!({ path: "scenarios/compose-diamond/test.wit", world: "top" });

fn inputs() -> Result<(Input, Vec<Input>)> {
    let part = |folder: &str| -> Result<Vec<u8>> {
        Ok(std::fs::read(rust_component("compose-diamond", folder)?)?)
    };
    Ok((
        Input::new("top", part("rust")?),
        vec![
            Input::new("left", part("rust-left")?),
            Input::new("right", part("rust-right")?),
            Input::new("counter", part("rust-counter")?),
        ],
    ))
}

/// Composes with `sharing` and returns what `run` reports.
fn run_with(sharing: Sharing, file: &str) -> Result<Vec<(String, u32)>> {
    let (top, plugs) = inputs()?;
    let composed = Composition::new().sharing(sharing).compose(top, plugs)?;
    let path = guest_target_dir().join(file);
    std::fs::write(&path, &composed.bytes)?;
    let mut host: Host = Host::new(&path)?;
    let top = Top::instantiate(&mut host.store, &host.component, &host.linker)?;
    Ok(top.call_run(&mut host.store)?)
}

pub fn run(language: &str) -> Result<()> {
    ensure!(language == "rust", "only Rust components take part");
    let seen = |pairs: &[(&str, u32)]| -> Vec<(String, u32)> {
        pairs.iter().map(|(s, n)| (s.to_string(), *n)).collect()
    };
    check!(
        run_with(Sharing::Shared, "compose-diamond.shared.wasm")?,
        seen(&[("left", 1), ("right", 2), ("left", 3)])
    );
    check!(
        run_with(Sharing::PerConsumer, "compose-diamond.per-consumer.wasm")?,
        seen(&[("left", 1), ("right", 1), ("left", 2)])
    );
    Ok(())
}
