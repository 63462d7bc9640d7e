//! Empty and non-empty lists of primitive types, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-primitive/test.wit" });

impl knit::lists_primitive::host::Host for HostState {
    fn double_u16(&mut self, xs: Vec<u16>) -> Vec<u16> {
        self.log.push(call!("double-u16", xs));
        xs.iter().map(|x| x.wrapping_mul(2)).collect()
    }
    fn reverse_s64(&mut self, mut xs: Vec<i64>) -> Vec<i64> {
        self.log.push(call!("reverse-s64", xs));
        xs.reverse();
        xs
    }
    fn negate_f64(&mut self, xs: Vec<f64>) -> Vec<f64> {
        self.log.push(call!("negate-f64", xs));
        xs.iter().map(|x| -x).collect()
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("lists-primitive", language)?)?;
    ListsPrimitive::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ListsPrimitive::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    check!(guest.call_echo_u32(&mut *store, &[])?, Vec::<u32>::new());
    check!(
        guest.call_echo_u32(&mut *store, &[0, 1, u32::MAX])?,
        vec![0, 1, u32::MAX]
    );
    check!(
        guest.call_echo_s8(&mut *store, &[i8::MIN, -1, i8::MAX])?,
        vec![i8::MIN, -1, i8::MAX]
    );
    check!(
        guest.call_prefix_sums(&mut *store, &[1, 2, 3, -6])?,
        vec![1, 3, 6, 0]
    );
    check!(guest.call_prefix_sums(&mut *store, &[])?, Vec::<i64>::new());
    check!(guest.call_lengths(&mut *store, &[], &[], &[])?, (0, 0, 0));
    check!(
        guest.call_lengths(&mut *store, &[1, 2, 3], &[0.5], &['a', '\u{10ffff}'])?,
        (3, 1, 2)
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("double-u16", [0u16; 0]),
            call!("double-u16", [0, 1, 0x8000, 0xffff]),
            call!("reverse-s64", [0i64; 0]),
            call!("reverse-s64", [i64::MIN, 0, i64::MAX]),
            // `-0.0` is recorded as such: the sign of zero must survive the trip.
            call!("negate-f64", [1.5, -0.0, f64::INFINITY]),
        ],
    )
}
