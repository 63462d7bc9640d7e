//! A guest-defined resource: constructor, methods, statics with borrows, and drops counted on both
//! sides (the guest's live count and the host's log of destructor calls).

use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/resources-export/test.wit" });

/// Values of the counters the guest reported dropping.
#[derive(Default)]
pub struct Dropped(Vec<u32>);

impl knit::resources_export::host::Host for HostState<Dropped> {
    fn dropped(&mut self, value: u32) {
        self.data.0.push(value);
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Dropped> = Host::new(&guest("resources-export", language)?)?;
    ResourcesExport::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResourcesExport::instantiate(&mut host.store, &host.component, &host.linker)?;
    let counters = guest.knit_resources_export_counters().counter();
    let store = &mut host.store;

    let a = counters.call_constructor(&mut *store, 5)?;
    let b = counters.call_constructor(&mut *store, u32::MAX - 10)?;
    check!(counters.call_live(&mut *store)?, 2);
    check!(counters.call_increment(&mut *store, a)?, 6);
    check!(counters.call_increment(&mut *store, a)?, 7);
    check!(counters.call_get(&mut *store, b)?, u32::MAX - 10);
    let c = counters.call_merge(&mut *store, a, b)?;
    check!(counters.call_get(&mut *store, c)?, u32::MAX - 3);
    check!(counters.call_live(&mut *store)?, 3);
    check!(store.data().data.0.clone(), Vec::<u32>::new());

    a.resource_drop(&mut *store)?;
    check!(counters.call_live(&mut *store)?, 2);
    check!(store.data().data.0.clone(), vec![7]);
    b.resource_drop(&mut *store)?;
    c.resource_drop(&mut *store)?;
    check!(counters.call_live(&mut *store)?, 0);
    check!(
        store.data().data.0.clone(),
        vec![7, u32::MAX - 10, u32::MAX - 3]
    );

    // A dropped handle is gone: using it again must trap, not reach the guest.
    let err = counters
        .call_get(&mut *store, a)
        .expect_err("using a dropped handle succeeded");
    anyhow::ensure!(
        format!("{err:?}").contains("unknown handle") || format!("{err:?}").contains("handle"),
        "unexpected error: {err:?}"
    );
    Ok(())
}
