//! 8-bit integers at their limits: host → guest echoes and negation, guest → host arithmetic.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/ints-8/test.wit" });

impl knit::ints_8::host::Host for HostState {
    fn echo_u8(&mut self, x: u8) -> u8 {
        self.log.push(call!("echo-u8", x));
        x
    }
    fn echo_s8(&mut self, x: i8) -> i8 {
        self.log.push(call!("echo-s8", x));
        x
    }
    fn add_u8(&mut self, a: u8, b: u8) -> u8 {
        self.log.push(call!("add-u8", a, b));
        a.wrapping_add(b)
    }
    fn sub_s8(&mut self, a: i8, b: i8) -> i8 {
        self.log.push(call!("sub-s8", a, b));
        a.wrapping_sub(b)
    }
}

/// The limits both sides send: the host to the guest's echoes, the guest to the host's.
const UNSIGNED: [u8; 5] = [u8::MIN, 1, u8::MAX / 2, u8::MAX / 2 + 1, u8::MAX];
const SIGNED: [i8; 5] = [i8::MIN, -1, 0, 1, i8::MAX];

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("ints-8", language)?)?;
    Ints8::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Ints8::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for x in UNSIGNED {
        check!(guest.call_echo_u8(&mut *store, x)?, x);
    }
    for x in SIGNED {
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
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let mut want: Vec<String> = UNSIGNED.iter().map(|x| call!("echo-u8", x)).collect();
    want.extend(SIGNED.iter().map(|x| call!("echo-s8", x)));
    want.extend([
        call!("add-u8", u8::MAX, 1),
        call!("add-u8", u8::MAX, u8::MAX),
        call!("sub-s8", i8::MIN, 1),
        call!("sub-s8", i8::MAX, -1),
    ]);
    check_calls(&mut store.data_mut().log, want)
}
