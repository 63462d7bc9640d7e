//! Flags with 17 members: host → guest echoes and intersections, guest → host complements.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/flags-17/test.wit" });

impl knit::flags_17::host::Host for HostState {
    fn complement(&mut self, s: Set) -> Set {
        self.log.push(call!("complement", s));
        !s
    }
    fn union_all(&mut self, xs: Vec<Set>) -> Set {
        self.log.push(call!("union-all", xs));
        xs.into_iter().fold(Set::empty(), |a, b| a | b)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("flags-17", language)?)?;
    Flags17::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Flags17::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let all = Set::all();
    for s in [Set::empty(), Set::F0, Set::F16, Set::F0 | Set::F16, all] {
        check!(guest.call_echo(&mut *store, s)?, s);
    }
    check!(
        guest.call_intersect(&mut *store, all, Set::F16)?,
        (Set::F16, false)
    );
    check!(
        guest.call_intersect(&mut *store, Set::empty(), all)?,
        (Set::empty(), true)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("complement", Set::empty()),
            call!("complement", all),
            call!("complement", all & !Set::F0),
            call!("complement", all & !Set::F16),
            call!("union-all", Vec::<Set>::new()),
            call!("union-all", [Set::F0, Set::F16, Set::F0]),
        ],
    )
}
