//! Exports grouped by interface: two exported interfaces of a versioned package with clashing
//! function names, beside world-level exports, and an import with the same names.

use super::check_calls;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/exported-interfaces/test.wit" });

impl knit::exported_interfaces::host_math::Host for HostState {
    fn add(&mut self, a: i32, b: i32) -> i32 {
        self.log.push(call!("add", a, b));
        a.wrapping_add(b)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("exported-interfaces", language)?)?;
    ExportedInterfaces::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ExportedInterfaces::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let math = guest.knit_exported_interfaces_math();
    let text = guest.knit_exported_interfaces_text();
    check!(math.call_add(&mut *store, i32::MAX, 1)?, i32::MIN);
    check!(math.call_neg(&mut *store, i32::MIN)?, i32::MIN);
    check!(text.call_add(&mut *store, "ab", "ç")?, "abç");
    check!(text.call_len(&mut *store, "abç")?, 3);
    check!(guest.call_version(&mut *store)?, "1.2.0");
    check!(guest.call_agree(&mut *store, i32::MAX, i32::MAX)?, true);
    check_calls(
        &mut store.data_mut().log,
        vec![call!("add", i32::MAX, i32::MAX)],
    )
}
