//! `with` reusing wasmtime-wasi's bindings: the world imports `wasi:clocks/wall-clock`, which knit
//! does not generate; its `datetime` type in the exports is wasmtime-wasi's own `Datetime`, and the
//! import is served by wasmtime-wasi's linker functions.

use anyhow::{Result, ensure};
use knit_test_worlds::{Host, guest};
use wasmtime_wasi::p2::bindings::clocks::wall_clock;

knit_macros::host!({
    path: "scenarios/with-wasi/test.wit",
    with: { "wasi:clocks/wall-clock": wasmtime_wasi::p2::bindings::clocks::wall_clock },
});

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("with-wasi", language)?)?;
    // Nothing of ours to add: the only import is wasmtime-wasi's, already in the linker.
    WithWasi::add_to_linker(&mut host.linker, |state| state)?;
    let guest = WithWasi::instantiate(&mut host.store, &host.component, &host.linker)?;
    // The generated world uses wasmtime-wasi's type itself, so no conversion is needed.
    let start: wall_clock::Datetime = wall_clock::Datetime {
        seconds: 1,
        nanoseconds: 5,
    };
    let later: Datetime = guest.call_later(&mut host.store, start, 10)?;
    check!((later.seconds, later.nanoseconds), (11, 5));
    // The import is served by wasmtime-wasi from the host's system clock: what the guest read must
    // lie between the host's readings of that clock just before and just after the call.
    let seconds = || -> Result<u64> {
        Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs())
    };
    let before = seconds()?;
    let now = guest.call_now(&mut host.store)?;
    let after = seconds()?;
    ensure!(
        (before..=after).contains(&now.seconds),
        "the guest read {} s from the wall clock; the host read {before} s before the call and \
         {after} s after it",
        now.seconds
    );
    Ok(())
}
