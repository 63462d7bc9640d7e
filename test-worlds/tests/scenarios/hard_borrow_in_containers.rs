//! Host handles lent (`borrow<z>`) inside options, records, variants, tuples, results and lists,
//! to an exported interface and a world-level export, and a guest's handle lent to a world-level
//! import in an option. Each call passing is part of the proof: wasmtime traps a call that returns
//! while a borrow it lent is still held. Lending never drops: the host's destructor runs only for
//! the handles the guest owned, once each.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/hard-borrow-in-containers/test.wit",
    with: { "knit:hard-borrow-in-containers/zs/z": crate::scenarios::hard_borrow_in_containers::ZData },
});

use exports::knit::hard_borrow_in_containers::takes::{Holder, Which};
use knit::hard_borrow_in_containers::zs;

/// The host's z: its value (unique among the z alive at any one time here).
pub struct ZData(u32);

/// The values of the z created and destroyed, in order.
#[derive(Default)]
pub struct Counts {
    created: Vec<u32>,
    dropped: Vec<u32>,
}

/// A new z in the table (the host's own, not recorded as a call).
fn create(state: &mut HostState<Counts>, v: u32) -> Resource<ZData> {
    state.data.created.push(v);
    state.table.push(ZData(v)).expect("the table has room")
}

/// Removes a z from the table and counts it.
fn remove(state: &mut HostState<Counts>, z: Resource<ZData>) -> wasmtime::Result<()> {
    let z = state.table.delete(z)?;
    state.data.dropped.push(z.0);
    Ok(())
}

/// How the call record names the z behind `handle`.
fn name_of(state: &HostState<Counts>, handle: &Resource<ZData>) -> String {
    match state.table.get(handle) {
        Ok(z) => format!("z {}", z.0),
        Err(_) => format!("unknown z (rep {})", handle.rep()),
    }
}

impl zs::HostZ for HostState<Counts> {
    fn new(&mut self, v: u32) -> Resource<ZData> {
        self.log.push(call!("z.new", v));
        create(self, v)
    }
    fn value(&mut self, z: Resource<ZData>) -> u32 {
        let z_name = name_of(self, &z);
        self.log.push(format!("z.value({z_name})"));
        self.table.get(&z).map_or(u32::MAX, |z| z.0)
    }
    fn drop(&mut self, z: Resource<ZData>) -> wasmtime::Result<()> {
        let z_name = name_of(self, &z);
        self.log.push(format!("z.drop({z_name})"));
        remove(self, z)
    }
}

impl zs::Host for HostState<Counts> {}

impl HardBorrowInContainersImports for HostState<Counts> {
    fn import_maybe(&mut self, a: Option<Resource<ZData>>) -> u32 {
        let Some(z) = a else {
            self.log.push("import-maybe(none)".into());
            return 0;
        };
        // Lent, not given (the record says which): the host reads it and must not drop it.
        let z_name = name_of(self, &z);
        let kind = if z.owned() { "own" } else { "borrow" };
        self.log.push(format!("import-maybe(some({kind} {z_name}))"));
        self.table.get(&z).map_or(u32::MAX, |z| z.0)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Counts> = Host::new(&guest("hard-borrow-in-containers", language)?)?;
    HardBorrowInContainers::add_to_linker(&mut host.linker, |state| state)?;
    let guest =
        HardBorrowInContainers::instantiate(&mut host.store, &host.component, &host.linker)?;
    let takes = guest.knit_hard_borrow_in_containers_takes();
    let store = &mut host.store;

    // The host owns four z and only lends them.
    let owned: Vec<Resource<ZData>> = [11, 22, 33, 44]
        .into_iter()
        .map(|v| create(store.data_mut(), v))
        .collect();
    let lend = |i: usize| Resource::<ZData>::new_borrow(owned[i].rep());

    check!(takes.call_maybe_with_z(&mut *store, None)?, "none");
    check!(takes.call_maybe_with_z(&mut *store, Some(lend(0)))?, "some(11)");
    let h = Holder {
        a: lend(0),
        b: None,
    };
    check!(takes.call_in_record(&mut *store, h)?, "a=11 b=none");
    let h = Holder {
        a: lend(0),
        b: Some(lend(1)),
    };
    check!(takes.call_in_record(&mut *store, h)?, "a=11 b=some(22)");
    check!(takes.call_in_variant(&mut *store, Which::None)?, "none");
    check!(
        takes.call_in_variant(&mut *store, Which::One(lend(2)))?,
        "one(33)"
    );
    check!(
        takes.call_in_variant(&mut *store, Which::Deep(None))?,
        "deep(none)"
    );
    check!(
        takes.call_in_variant(&mut *store, Which::Deep(Some(None)))?,
        "deep(some(none))"
    );
    check!(
        takes.call_in_variant(&mut *store, Which::Deep(Some(Some(lend(3)))))?,
        "deep(some(some(44)))"
    );
    check!(
        takes.call_in_tuple(&mut *store, (lend(1), None))?,
        "(22, none)"
    );
    // The same z lent twice in one call: two borrows, both ended.
    check!(
        takes.call_in_tuple(&mut *store, (lend(1), Some(lend(1))))?,
        "(22, some(22))"
    );
    check!(takes.call_in_result(&mut *store, Ok(lend(2)))?, "ok(33)");
    check!(takes.call_in_result(&mut *store, Err(lend(3)))?, "err(44)");
    check!(takes.call_in_list(&mut *store, &[], &[])?, "[] []");
    check!(
        takes.call_in_list(
            &mut *store,
            &[lend(0), lend(1), lend(0)],
            &[None, Some(lend(2)), Some(lend(3)), None]
        )?,
        "[11, 22, 11] [none, some(33), some(44), none]"
    );
    check!(
        guest.call_maybe_with_z(&mut *store, Some(lend(3)))?,
        "world some(44)"
    );
    check!(guest.call_maybe_with_z(&mut *store, None)?, "world none");

    // The guest read every lent z once, through its borrow, and dropped none of them.
    check_calls(
        &mut store.data_mut().log,
        [
            "z.value(z 11)",
            "z.value(z 11)",
            "z.value(z 11)",
            "z.value(z 22)",
            "z.value(z 33)",
            "z.value(z 44)",
            "z.value(z 22)",
            "z.value(z 22)",
            "z.value(z 22)",
            "z.value(z 33)",
            "z.value(z 44)",
            "z.value(z 11)",
            "z.value(z 22)",
            "z.value(z 11)",
            "z.value(z 33)",
            "z.value(z 44)",
            "z.value(z 44)",
        ]
        .map(String::from)
        .to_vec(),
    )?;
    check!(store.data().data.dropped.clone(), Vec::<u32>::new());

    // The guest's own z lent to the host in an option, then dropped by the guest: once each.
    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        [
            "z.new(5)",
            "z.new(6)",
            "import-maybe(some(borrow z 5))",
            "import-maybe(none)",
            "import-maybe(some(borrow z 6))",
            "import-maybe(some(borrow z 5))",
            "z.drop(z 5)",
            "z.drop(z 6)",
        ]
        .map(String::from)
        .to_vec(),
    )?;
    check!(store.data().data.dropped.clone(), vec![5, 6]);

    // Every z the host lent is still its own, whole, and goes exactly once when the host drops it.
    for z in owned {
        remove(store.data_mut(), z)?;
    }
    let counts = &store.data().data;
    check!(counts.created.clone(), vec![11, 22, 33, 44, 5, 6]);
    check!(counts.dropped.clone(), vec![5, 6, 11, 22, 33, 44]);
    Ok(())
}
