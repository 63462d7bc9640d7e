//! A guest trap (a Rust panic) is reported to the host as an error that says what happened: the
//! wasm trap code in the error, the panic message on the guest's stderr. The trapped instance is
//! then unusable, and a fresh instance from the same pre-instantiated component works.

use anyhow::{Result, ensure};
use knit_test_worlds::{Host, HostState, rust_guest};

knit_macros::host!({ path: "scenarios/trap/test.wit" });

impl knit::trap::host::Host for HostState {
    fn reached(&mut self, step: String) {
        self.log.push(step);
    }
}

pub fn run(_language: &str) -> Result<()> {
    let mut host: Host = Host::new(&rust_guest("trap")?)?;
    Trap::add_to_linker(&mut host.linker, |state| state)?;
    let pre = TrapPre::new(host.linker.instantiate_pre(&host.component)?)?;
    let guest = pre.instantiate(&mut host.store)?;
    check!(guest.call_divide(&mut host.store, 84, 2)?, 42);

    let err = guest
        .call_divide(&mut host.store, 1, 0)
        .expect_err("dividing by zero did not trap");
    let trap = err.downcast_ref::<wasmtime::Trap>().copied();
    ensure!(
        trap == Some(wasmtime::Trap::UnreachableCodeReached),
        "expected an `unreachable` trap, got {err:?}"
    );
    let stderr = host.store.data().stderr();
    ensure!(
        stderr.contains("attempt to divide by zero"),
        "the panic message is missing from stderr: {stderr:?}"
    );
    check!(
        host.store.data().log.clone(),
        vec!["divide 84 2".to_string(), "divide 1 0".to_string()]
    );

    // The trapped instance refuses further calls...
    ensure!(
        guest.call_divide(&mut host.store, 4, 2).is_err(),
        "a trapped instance accepted another call"
    );
    // ...and a new instance in a new store starts clean.
    let mut fresh: Host = Host::new(&rust_guest("trap")?)?;
    let guest = pre.instantiate(&mut fresh.store)?;
    let err = guest
        .call_panic_with(&mut fresh.store, "custom failure ✗")
        .expect_err("panic did not trap");
    ensure!(
        err.downcast_ref::<wasmtime::Trap>().is_some(),
        "not a trap: {err:?}"
    );
    let stderr = fresh.store.data().stderr();
    ensure!(
        stderr.contains("custom failure ✗"),
        "the panic message is missing from stderr: {stderr:?}"
    );
    check!(
        fresh.store.data().log.clone(),
        vec!["panic-with".to_string()]
    );
    Ok(())
}
