//! 8-bit integers at their limits: host → guest echoes and negation, guest → host arithmetic.

use super::guest_ok;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/ints-8/test.wit" });

impl knit::ints_8::host::Host for HostState {
    fn echo_u8(&mut self, x: u8) -> u8 {
        x
    }
    fn echo_s8(&mut self, x: i8) -> i8 {
        x
    }
    fn add_u8(&mut self, a: u8, b: u8) -> u8 {
        a.wrapping_add(b)
    }
    fn sub_s8(&mut self, a: i8, b: i8) -> i8 {
        a.wrapping_sub(b)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("ints-8", language)?)?;
    Ints8::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Ints8::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for x in [u8::MIN, 1, u8::MAX / 2, u8::MAX / 2 + 1, u8::MAX] {
        check!(guest.call_echo_u8(&mut *store, x)?, x);
    }
    for x in [i8::MIN, -1, 0, 1, i8::MAX] {
        check!(guest.call_echo_s8(&mut *store, x)?, x);
    }
    check!(
        guest.call_negate_pair(&mut *store, 1, i8::MIN)?,
        (i8::MIN, u8::MAX)
    );
    check!(
        guest.call_negate_pair(&mut *store, 0, i8::MAX)?,
        (-i8::MAX, 0)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)
}
