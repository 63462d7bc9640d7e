//! `trappable` imports: the host's methods return `wasmtime::Result`, and an `Err` traps the guest
//! with the host's message, ending the guest's call.

use super::check_calls;
use anyhow::{Result, ensure};
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({
    path: "scenarios/trappable-imports/test.wit",
    trappable: ["knit:trappable-imports/host"],
});

impl knit::trappable_imports::host::Host for HostState {
    fn answer(&mut self, question: String) -> wasmtime::Result<String> {
        self.log.push(call!("answer", question));
        if question.contains("forbidden") {
            wasmtime::bail!("the host will not answer {question:?}");
        }
        Ok(format!("{} chars", question.chars().count()))
    }
    fn nonzero(&mut self, x: u32) -> wasmtime::Result<u32> {
        self.log.push(call!("nonzero", x));
        if x == 0 {
            wasmtime::bail!("zero is not allowed");
        }
        Ok(x)
    }
}

pub fn run(language: &str) -> Result<()> {
    let path = guest("trappable-imports", language)?;
    let mut host: Host = Host::new(&path)?;
    TrappableImports::add_to_linker(&mut host.linker, |state| state)?;
    let pre = TrappableImportsPre::new(host.linker.instantiate_pre(&host.component)?)?;
    let guest = pre.instantiate(&mut host.store)?;
    check!(
        guest.call_ask(&mut host.store, "why?")?,
        "host says: 4 chars"
    );
    let err = guest
        .call_ask(&mut host.store, "the forbidden one")
        .expect_err("the host's trap was lost");
    ensure!(
        format!("{err:?}").contains("the host will not answer \"the forbidden one\""),
        "unexpected error: {err:?}"
    );
    check_calls(
        &mut host.store.data_mut().log,
        vec![call!("answer", "why?"), call!("answer", "the forbidden one")],
    )?;

    let mut fresh: Host = Host::new(&path)?;
    let guest = pre.instantiate(&mut fresh.store)?;
    check!(guest.call_sum_nonzero(&mut fresh.store, &[1, 2, 3])?, 6);
    let err = guest
        .call_sum_nonzero(&mut fresh.store, &[5, 0, 7])
        .expect_err("the host's trap was lost");
    ensure!(
        format!("{err:?}").contains("zero is not allowed"),
        "unexpected error: {err:?}"
    );
    // The trap stopped the guest at the zero: 7 was never checked.
    check_calls(
        &mut fresh.store.data_mut().log,
        [1, 2, 3, 5, 0].iter().map(|x| call!("nonzero", x)).collect(),
    )
}
