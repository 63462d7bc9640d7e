//! Tuples of one to six elements, nested and in lists, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/tuples/test.wit" });

impl knit::tuples::host::Host for HostState {
    fn swap(&mut self, p: (String, u64)) -> (u64, String) {
        self.log.push(call!("swap", p));
        (p.1, p.0)
    }
    fn widen(&mut self, t: (u8, i16, u32, i64, f32, f64)) -> f64 {
        self.log.push(call!("widen", t));
        t.0 as f64 + t.1 as f64 + t.2 as f64 + t.3 as f64 + t.4 as f64 + t.5
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("tuples", language)?)?;
    Tuples::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Tuples::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    check!(guest.call_single(&mut *store, (u32::MAX,))?, (u32::MAX,));
    check!(
        guest.call_rotate(&mut *store, (true, 'ß', "x".into()))?,
        ('ß', "x".to_string(), true)
    );
    let nested = (
        (1, 2),
        ("three".to_string(),),
        vec![(4, -5), (u16::MAX, i8::MIN)],
    );
    check!(guest.call_nested(&mut *store, nested.clone())?, nested);
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("swap", ("ü", u64::MAX)),
            call!("widen", (255, -32768, u32::MAX, -1, 0.5, 0.25)),
        ],
    )
}
