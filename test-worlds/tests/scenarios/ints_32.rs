//! 32-bit integers at their limits: host → guest echoes and negation, guest → host arithmetic.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/ints-32/test.wit" });

impl knit::ints_32::host::Host for HostState {
    fn echo_u32(&mut self, x: u32) -> u32 {
        self.log.push(call!("echo-u32", x));
        x
    }
    fn echo_s32(&mut self, x: i32) -> i32 {
        self.log.push(call!("echo-s32", x));
        x
    }
    fn add_u32(&mut self, a: u32, b: u32) -> u32 {
        self.log.push(call!("add-u32", a, b));
        a.wrapping_add(b)
    }
    fn sub_s32(&mut self, a: i32, b: i32) -> i32 {
        self.log.push(call!("sub-s32", a, b));
        a.wrapping_sub(b)
    }
}

/// The limits both sides send: the host to the guest's echoes, the guest to the host's.
const UNSIGNED: [u32; 5] = [u32::MIN, 1, u32::MAX / 2, u32::MAX / 2 + 1, u32::MAX];
const SIGNED: [i32; 5] = [i32::MIN, -1, 0, 1, i32::MAX];

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("ints-32", language)?)?;
    Ints32::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Ints32::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for x in UNSIGNED {
        check!(guest.call_echo_u32(&mut *store, x)?, x);
    }
    for x in SIGNED {
        check!(guest.call_echo_s32(&mut *store, x)?, x);
    }
    check!(
        guest.call_negate_pair(&mut *store, 1, i32::MIN)?,
        (i32::MIN, u32::MAX)
    );
    check!(
        guest.call_negate_pair(&mut *store, 0, i32::MAX)?,
        (-i32::MAX, 0)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let mut want: Vec<String> = UNSIGNED.iter().map(|x| call!("echo-u32", x)).collect();
    want.extend(SIGNED.iter().map(|x| call!("echo-s32", x)));
    want.extend([
        call!("add-u32", u32::MAX, 1),
        call!("add-u32", u32::MAX, u32::MAX),
        call!("sub-s32", i32::MIN, 1),
        call!("sub-s32", i32::MAX, -1),
    ]);
    check_calls(&mut store.data_mut().log, want)
}
