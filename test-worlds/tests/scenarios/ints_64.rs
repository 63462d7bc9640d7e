//! 64-bit integers at their limits: host → guest echoes and negation, guest → host arithmetic.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/ints-64/test.wit" });

impl knit::ints_64::host::Host for HostState {
    fn echo_u64(&mut self, x: u64) -> u64 {
        self.log.push(call!("echo-u64", x));
        x
    }
    fn echo_s64(&mut self, x: i64) -> i64 {
        self.log.push(call!("echo-s64", x));
        x
    }
    fn add_u64(&mut self, a: u64, b: u64) -> u64 {
        self.log.push(call!("add-u64", a, b));
        a.wrapping_add(b)
    }
    fn sub_s64(&mut self, a: i64, b: i64) -> i64 {
        self.log.push(call!("sub-s64", a, b));
        a.wrapping_sub(b)
    }
}

/// The limits both sides send: the host to the guest's echoes, the guest to the host's.
const UNSIGNED: [u64; 5] = [u64::MIN, 1, u64::MAX / 2, u64::MAX / 2 + 1, u64::MAX];
const SIGNED: [i64; 5] = [i64::MIN, -1, 0, 1, i64::MAX];

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("ints-64", language)?)?;
    Ints64::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Ints64::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for x in UNSIGNED {
        check!(guest.call_echo_u64(&mut *store, x)?, x);
    }
    for x in SIGNED {
        check!(guest.call_echo_s64(&mut *store, x)?, x);
    }
    check!(
        guest.call_negate_pair(&mut *store, 1, i64::MIN)?,
        (i64::MIN, u64::MAX)
    );
    check!(
        guest.call_negate_pair(&mut *store, 0, i64::MAX)?,
        (-i64::MAX, 0)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let mut want: Vec<String> = UNSIGNED.iter().map(|x| call!("echo-u64", x)).collect();
    want.extend(SIGNED.iter().map(|x| call!("echo-s64", x)));
    want.extend([
        call!("add-u64", u64::MAX, 1),
        call!("add-u64", u64::MAX, u64::MAX),
        call!("sub-s64", i64::MIN, 1),
        call!("sub-s64", i64::MAX, -1),
    ]);
    check_calls(&mut store.data_mut().log, want)
}
