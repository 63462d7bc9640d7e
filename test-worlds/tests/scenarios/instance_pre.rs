//! One `InstancePrePre` (the world is called `instance-pre`) type-checks the exports once; many
//! stores then instantiate from it, each with its own guest state and its own host state.

use super::check_calls;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/instance-pre/test.wit" });

/// Which store this is.
#[derive(Default)]
pub struct StoreId(u32);

impl knit::instance_pre::host::Host for HostState<StoreId> {
    fn store_id(&mut self) -> u32 {
        self.log.push(call!("store-id"));
        self.data.0
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<StoreId> = Host::new(&guest("instance-pre", language)?)?;
    InstancePre::add_to_linker(&mut host.linker, |state| state)?;
    let pre = InstancePrePre::new(host.linker.instantiate_pre(&host.component)?)?;
    for id in 1..=20u32 {
        // A fresh store per "request": its own WASI context and host state, no recompiling.
        let mut store = Host::<StoreId>::fresh_store();
        store.data_mut().data.0 = id;
        let guest = pre.clone().instantiate(&mut store)?;
        for n in 1..=id % 4 + 1 {
            check!(guest.call_bump(&mut store)?, n);
        }
        check!(
            guest.call_describe(&mut store)?,
            format!("{id}:{}", id % 4 + 1)
        );
        // Each store's host state saw its own guest's call, and no other.
        check_calls(&mut store.data_mut().log, vec![call!("store-id")])?;
    }
    // The first store's guest is untouched by all the others.
    let guest = pre.instantiate(&mut host.store)?;
    check!(guest.call_describe(&mut host.store)?, "0:0");
    check!(guest.call_bump(&mut host.store)?, 1);
    check_calls(&mut host.store.data_mut().log, vec![call!("store-id")])
}
