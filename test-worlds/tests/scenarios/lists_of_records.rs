//! Lists of records with padded mixed-width fields, strings and nested lists, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-of-records/test.wit" });

impl knit::lists_of_records::host::Host for HostState {
    fn sort_by_weight(&mut self, mut items: Vec<Item>) -> Vec<Item> {
        self.log.push(call!("sort-by-weight", items));
        items.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        items
    }
    fn make(&mut self, n: u32) -> Vec<Item> {
        self.log.push(call!("make", n));
        (0..n)
            .map(|i| Item {
                id: (i % 256) as u8,
                weight: i as f64,
                name: format!("item-{i}"),
                tags: vec![(i % 7) as u16],
            })
            .collect()
    }
}

fn item(id: u8, weight: f64, name: &str, tags: &[u16]) -> Item {
    Item {
        id,
        weight,
        name: name.into(),
        tags: tags.to_vec(),
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("lists-of-records", language)?)?;
    ListsOfRecords::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ListsOfRecords::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let items = [
        item(1, 1.0, "one", &[1, 2]),
        item(2, 2.5, "two", &[]),
        item(255, -1.0, "ünïcode", &[2, 9]),
    ];
    check!(
        guest.call_with_tag(&mut *store, &items, 2)?,
        vec![items[0].clone(), items[2].clone()]
    );
    check!(guest.call_with_tag(&mut *store, &[], 2)?, vec![]);
    check!(guest.call_total(&mut *store, &items)?, 2.5);
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent = [
        item(1, 0.5, "a", &[]),
        item(2, 9.0, "b", &[7]),
        item(3, 2.0, "ç", &[1, 2]),
    ];
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("sort-by-weight", sent),
            call!("make", 1000),
            call!("make", 0),
        ],
    )
}
