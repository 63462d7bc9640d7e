//! One `InstancePrePre` (the world is called `instance-pre`) type-checks the exports once; many stores then instantiate from it, each with
//! its own guest state and its own host state.

use anyhow::Result;
use knit_test_worlds::{Host, HostState, rust_guest};
use wasmtime::Store;

knit_macros::host!({ path: "scenarios/instance-pre/test.wit" });

/// Which store this is.
#[derive(Default)]
pub struct StoreId(u32);

impl knit::instance_pre::host::Host for HostState<StoreId> {
    fn store_id(&mut self) -> u32 {
        self.data.0
    }
}

pub fn run(_language: &str) -> Result<()> {
    let mut host: Host<StoreId> = Host::new(&rust_guest("instance-pre")?)?;
    InstancePre::add_to_linker(&mut host.linker, |state| state)?;
    let pre = InstancePrePre::new(host.linker.instantiate_pre(&host.component)?)?;
    for id in 1..=20u32 {
        // A fresh store per "request", reusing the store data constructor of the test host.
        let mut request: Host<StoreId> = Host::new(&rust_guest("instance-pre")?)?;
        request.store.data_mut().data.0 = id;
        let store: &mut Store<HostState<StoreId>> = &mut request.store;
        let guest = pre.clone().instantiate(&mut *store)?;
        for n in 1..=id % 4 + 1 {
            check!(guest.call_bump(&mut *store)?, n);
        }
        check!(
            guest.call_describe(&mut *store)?,
            format!("{id}:{}", id % 4 + 1)
        );
    }
    Ok(())
}
