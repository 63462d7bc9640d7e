//! 16-bit integers at their limits: host → guest echoes and negation, guest → host arithmetic.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/ints-16/test.wit" });

impl knit::ints_16::host::Host for HostState {
    fn echo_u16(&mut self, x: u16) -> u16 {
        self.log.push(call!("echo-u16", x));
        x
    }
    fn echo_s16(&mut self, x: i16) -> i16 {
        self.log.push(call!("echo-s16", x));
        x
    }
    fn add_u16(&mut self, a: u16, b: u16) -> u16 {
        self.log.push(call!("add-u16", a, b));
        a.wrapping_add(b)
    }
    fn sub_s16(&mut self, a: i16, b: i16) -> i16 {
        self.log.push(call!("sub-s16", a, b));
        a.wrapping_sub(b)
    }
}

/// The limits both sides send: the host to the guest's echoes, the guest to the host's.
const UNSIGNED: [u16; 5] = [u16::MIN, 1, u16::MAX / 2, u16::MAX / 2 + 1, u16::MAX];
const SIGNED: [i16; 5] = [i16::MIN, -1, 0, 1, i16::MAX];

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("ints-16", language)?)?;
    Ints16::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Ints16::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for x in UNSIGNED {
        check!(guest.call_echo_u16(&mut *store, x)?, x);
    }
    for x in SIGNED {
        check!(guest.call_echo_s16(&mut *store, x)?, x);
    }
    check!(
        guest.call_negate_pair(&mut *store, 1, i16::MIN)?,
        (i16::MIN, u16::MAX)
    );
    check!(
        guest.call_negate_pair(&mut *store, 0, i16::MAX)?,
        (-i16::MAX, 0)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let mut want: Vec<String> = UNSIGNED.iter().map(|x| call!("echo-u16", x)).collect();
    want.extend(SIGNED.iter().map(|x| call!("echo-s16", x)));
    want.extend([
        call!("add-u16", u16::MAX, 1),
        call!("add-u16", u16::MAX, u16::MAX),
        call!("sub-s16", i16::MIN, 1),
        call!("sub-s16", i16::MAX, -1),
    ]);
    check_calls(&mut store.data_mut().log, want)
}
