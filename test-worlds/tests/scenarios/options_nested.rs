//! Options nested three deep, in lists and around tuples, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/options-nested/test.wit" });

impl knit::options_nested::host::Host for HostState {
    fn flatten(&mut self, x: Option<Option<u32>>) -> Option<u32> {
        self.log.push(call!("flatten", x));
        x.flatten()
    }
    fn deepen(&mut self, x: String, depth: u8) -> Option<Option<Option<String>>> {
        self.log.push(call!("deepen", x, depth));
        match depth {
            0 => None,
            1 => Some(None),
            2 => Some(Some(None)),
            _ => Some(Some(Some(x))),
        }
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("options-nested", language)?)?;
    OptionsNested::add_to_linker(&mut host.linker, |state| state)?;
    let guest = OptionsNested::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for x in [
        None,
        Some(None),
        Some(Some(None)),
        Some(Some(Some(i16::MIN))),
        Some(Some(Some(-1))),
    ] {
        check!(guest.call_echo(&mut *store, x)?, x);
    }
    check!(
        guest.call_present(
            &mut *store,
            &[None, Some("ab".into()), None, Some(String::new())]
        )?,
        vec![2, 0]
    );
    check!(
        guest.call_maybe_pair(&mut *store, Some(1), Some(2.5))?,
        Some((1, 2.5))
    );
    check!(guest.call_maybe_pair(&mut *store, Some(1), None)?, None);
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("flatten", None::<Option<u32>>),
            call!("flatten", Some(None::<u32>)),
            call!("flatten", Some(Some(u32::MAX))),
            call!("deepen", "x", 0),
            call!("deepen", "x", 1),
            call!("deepen", "x", 2),
            call!("deepen", "ÿ", 3),
        ],
    )
}
