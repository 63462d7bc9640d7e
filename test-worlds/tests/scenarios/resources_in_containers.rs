//! Resource handles inside lists, records and options, for host- and guest-defined resources,
//! with drops counted on both sides.

use super::{check_calls, guest_ok};
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

/// A new item in the table (the host's own, not recorded as a call).
fn create(state: &mut HostState<Counts>, v: u32) -> Resource<ItemData> {
    state.data.created += 1;
    state.table.push(ItemData(v)).expect("table has room")
}

/// Removes an item from the table (the host's own drop, not recorded as a call).
fn remove(state: &mut HostState<Counts>, item: Resource<ItemData>) -> wasmtime::Result<()> {
    state.data.dropped += 1;
    state.table.delete(item)?;
    Ok(())
}

/// How the call record names the item behind `handle`: by its value, which is unique among the
/// items alive at any one time in this scenario.
fn name_of(state: &HostState<Counts>, handle: &Resource<ItemData>) -> String {
    match state.table.get(handle) {
        Ok(item) => format!("item {}", item.0),
        Err(_) => format!("unknown item (rep {})", handle.rep()),
    }
}

impl pool::HostItem for HostState<Counts> {
    fn new(&mut self, v: u32) -> Resource<ItemData> {
        self.log.push(call!("item.new", v));
        create(self, v)
    }
    fn value(&mut self, item: Resource<ItemData>) -> u32 {
        let item_name = name_of(self, &item);
        self.log.push(format!("item.value({item_name})"));
        self.table.get(&item).map_or(u32::MAX, |i| i.0)
    }
    fn drop(&mut self, item: Resource<ItemData>) -> wasmtime::Result<()> {
        let item_name = name_of(self, &item);
        self.log.push(format!("item.drop({item_name})"));
        remove(self, item)
    }
}

impl pool::Host for HostState<Counts> {
    fn total(&mut self, items: Vec<Resource<ItemData>>) -> u32 {
        let names: Vec<String> = items.iter().map(|item| name_of(self, item)).collect();
        self.log.push(format!("total([{}])", names.join(", ")));
        let mut sum = 0;
        for item in items {
            sum += self.table.get(&item).map_or(0, |i| i.0);
            // The host owns the handles now; dropping them is its job.
            let _ = remove(self, item);
        }
        sum
    }
    fn make(&mut self, n: u32) -> Vec<Resource<ItemData>> {
        self.log.push(call!("make", n));
        (0..n).map(|v| create(self, v)).collect()
    }
    fn make_labelled(&mut self, label: String, v: u32) -> Labelled {
        self.log.push(call!("make-labelled", label, v));
        Labelled {
            label,
            item: create(self, v),
        }
    }
    fn live(&mut self) -> u32 {
        self.log.push(call!("live"));
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
        .map(|v| create(store.data_mut(), v))
        .collect();
    check!(guest.call_sum(&mut *store, &items)?, 10);
    let labelled = Labelled {
        label: "ж".into(),
        item: create(store.data_mut(), 7),
    };
    check!(
        guest.call_unwrap(&mut *store, labelled)?,
        ("ж".to_string(), 7)
    );
    check!(
        (store.data().data.created, store.data().data.dropped),
        (5, 5)
    );
    check_calls(
        &mut store.data_mut().log,
        [
            "item.value(item 1)",
            "item.value(item 2)",
            "item.value(item 3)",
            "item.value(item 4)",
            "item.drop(item 1)",
            "item.drop(item 2)",
            "item.drop(item 3)",
            "item.drop(item 4)",
            "item.value(item 7)",
            "item.drop(item 7)",
        ]
        .map(String::from)
        .to_vec(),
    )?;

    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check!(store.data().data.created, store.data().data.dropped);
    check_calls(
        &mut store.data_mut().log,
        [
            "live()",
            "make(5)",
            "item.value(item 0)",
            "item.value(item 1)",
            "item.value(item 2)",
            "item.value(item 3)",
            "item.value(item 4)",
            "total([item 0, item 1, item 2, item 3, item 4])",
            "live()",
            "item.new(10)",
            "item.new(11)",
            "item.new(12)",
            "total([item 10, item 11, item 12])",
            "make-labelled(\"ő\", 9)",
            "item.value(item 9)",
            "live()",
            "item.drop(item 9)",
            "live()",
        ]
        .map(String::from)
        .to_vec(),
    )?;

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
