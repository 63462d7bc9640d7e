//! Resource handles inside lists, records and options, for host- and guest-defined resources,
//! with drops counted on both sides.

use super::guest_ok;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/resources-in-containers/test.wit",
    with: { "knit:resources-in-containers/pool/item": crate::scenarios::resources_in_containers::ItemData },
});

/// The host's item.
pub struct ItemData(u32);

/// Items created and dropped by the host.
#[derive(Default)]
pub struct Counts {
    created: u32,
    dropped: u32,
}

use knit::resources_in_containers::pool;

impl pool::HostItem for HostState<Counts> {
    fn new(&mut self, v: u32) -> Resource<ItemData> {
        self.data.created += 1;
        self.table.push(ItemData(v)).expect("table has room")
    }
    fn value(&mut self, item: Resource<ItemData>) -> u32 {
        self.table.get(&item).map_or(u32::MAX, |i| i.0)
    }
    fn drop(&mut self, item: Resource<ItemData>) -> wasmtime::Result<()> {
        self.data.dropped += 1;
        self.table.delete(item)?;
        Ok(())
    }
}

impl pool::Host for HostState<Counts> {
    fn total(&mut self, items: Vec<Resource<ItemData>>) -> u32 {
        let mut sum = 0;
        for item in items {
            sum += self.table.get(&item).map_or(0, |i| i.0);
            // The host owns the handles now; dropping them is its job.
            let _ = pool::HostItem::drop(self, item);
        }
        sum
    }
    fn make(&mut self, n: u32) -> Vec<Resource<ItemData>> {
        (0..n).map(|v| pool::HostItem::new(self, v)).collect()
    }
    fn make_labelled(&mut self, label: String, v: u32) -> Labelled {
        Labelled {
            label,
            item: pool::HostItem::new(self, v),
        }
    }
    fn live(&mut self) -> u32 {
        self.data.created - self.data.dropped
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Counts> = Host::new(&guest("resources-in-containers", language)?)?;
    ResourcesInContainers::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResourcesInContainers::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;

    // Host items in a list and a record, handed to the guest, which drops them.
    let items: Vec<Resource<ItemData>> = (1..=4)
        .map(|v| pool::HostItem::new(store.data_mut(), v))
        .collect();
    check!(guest.call_sum(&mut *store, &items)?, 10);
    let labelled = Labelled {
        label: "ж".into(),
        item: pool::HostItem::new(store.data_mut(), 7),
    };
    check!(
        guest.call_unwrap(&mut *store, labelled)?,
        ("ж".to_string(), 7)
    );
    check!(
        (store.data().data.created, store.data().data.dropped),
        (5, 5)
    );

    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check!(store.data().data.created, store.data().data.dropped);

    // Guest marbles in lists and options.
    let bag = guest.knit_resources_in_containers_bag();
    let marbles = bag.call_fill(&mut *store, 4)?;
    check!(marbles.len(), 4);
    check!(bag.call_live(&mut *store)?, 4);
    check!(bag.marble().call_weight(&mut *store, marbles[3])?, 4);
    let heaviest = bag
        .call_heaviest(&mut *store, &marbles)?
        .ok_or_else(|| anyhow::anyhow!("no heaviest marble"))?;
    check!(bag.call_live(&mut *store)?, 1);
    check!(bag.call_weigh(&mut *store, &[heaviest])?, 4);
    check!(bag.call_live(&mut *store)?, 0);
    check!(bag.call_heaviest(&mut *store, &[])?.is_none(), true);
    Ok(())
}
