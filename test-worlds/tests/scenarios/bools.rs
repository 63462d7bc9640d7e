//! Booleans as scalars and in lists, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/bools/test.wit" });

impl knit::bools::host::Host for HostState {
    fn not(&mut self, x: bool) -> bool {
        self.log.push(call!("not", x));
        !x
    }
    fn all(&mut self, xs: Vec<bool>) -> bool {
        self.log.push(call!("all", xs));
        xs.iter().all(|x| *x)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("bools", language)?)?;
    Bools::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Bools::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for (a, b) in [(false, false), (false, true), (true, false), (true, true)] {
        check!(guest.call_xor(&mut *store, a, b)?, a ^ b);
    }
    check!(guest.call_count(&mut *store, &[])?, (0, false));
    check!(
        guest.call_count(&mut *store, &[true, false, true, true])?,
        (3, true)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("not", true),
            call!("not", false),
            call!("all", [false; 0]),
            call!("all", [true, true]),
            call!("all", [true, false, true]),
        ],
    )
}
