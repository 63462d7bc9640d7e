//! Empty and non-empty lists of primitive types, both ways.

use super::guest_ok;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-primitive/test.wit" });

impl knit::lists_primitive::host::Host for HostState {
    fn double_u16(&mut self, xs: Vec<u16>) -> Vec<u16> {
        xs.iter().map(|x| x.wrapping_mul(2)).collect()
    }
    fn reverse_s64(&mut self, mut xs: Vec<i64>) -> Vec<i64> {
        xs.reverse();
        xs
    }
    fn negate_f64(&mut self, xs: Vec<f64>) -> Vec<f64> {
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
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)
}
