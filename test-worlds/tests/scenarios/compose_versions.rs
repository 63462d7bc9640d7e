//! Version bridging and merged imports: the root imports `knit:greetings/greet@0.2.3`, the plug
//! exports 0.2.6 (a compatible newer release), and both import the host's `log`, which the
//! composition imports once and both components write to.

use anyhow::{Result, ensure};
use knit_composer::{Composition, Input};
use knit_test_worlds::{Host, HostState, guest_target_dir, rust_component};

knit_macros::host!({ path: "scenarios/compose-versions/test.wit", world: "app" });

impl knit::compose_versions::log::Host for HostState {
    fn write(&mut self, who: String, message: String) {
        self.log.push(format!("{who}: {message}"));
    }
}

pub fn run(language: &str) -> Result<()> {
    ensure!(language == "rust", "only Rust components take part");
    let part = |folder: &str| -> Result<Vec<u8>> {
        Ok(std::fs::read(rust_component("compose-versions", folder)?)?)
    };
    let composed = Composition::plug(
        Input::new("app", part("rust")?),
        vec![Input::new("greeter", part("rust-new")?)],
    )?;
    let bridged = "import knit:greetings/greet@0.2.3: satisfied by `greeter` export `knit:greetings/greet@0.2.6` (version-bridged 0.2.3 -> 0.2.6)";
    ensure!(
        composed.explanation.contains(bridged),
        "missing `{bridged}` in:\n{}",
        composed.explanation
    );
    let imports = super::import_names(&composed.bytes)?;
    let logs = imports
        .iter()
        .filter(|name| *name == "knit:compose-versions/log")
        .count();
    ensure!(
        logs == 1,
        "`log` should be imported once, found {imports:?}"
    );
    ensure!(
        !imports
            .iter()
            .any(|name| name.starts_with("knit:greetings")),
        "the greeter should satisfy greetings, found {imports:?}"
    );

    let path = guest_target_dir().join("compose-versions.composed.wasm");
    std::fs::write(&path, &composed.bytes)?;
    let mut host: Host = Host::new(&path)?;
    // Only `log` comes from the host: the greeter satisfies `greet` inside the composition.
    knit::compose_versions::log::add_to_linker(&mut host.linker, |state| state)?;
    let app = App::instantiate(&mut host.store, &host.component, &host.linker)?;
    check!(
        app.call_run(&mut host.store, "Ada")?,
        "Hello, Ada! (greetings 0.2.6)"
    );
    check!(
        host.store.data().log.clone(),
        vec!["app: run Ada".to_string(), "greeter: hello Ada".to_string()]
    );
    Ok(())
}
