//! Interfaces `e1` (resource `x`, record `foo`) and `e2` (`use e1.{x, foo as bar}`), both imported
//! and exported, and a world-level `many: func(xs: list<x>)` whose `x` (the world's `use e2.{x}`)
//! is the imported one. The host serves the imports, calls the exports (whose `e2` takes the
//! exported `e1`'s `x`, the guest's own) and `many` with its own handles, and counts every x made
//! and destroyed on both sides.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/hard-import-export/test.wit",
    with: { "knit:hard-import-export/e1/x": crate::scenarios::hard_import_export::XData },
});

use exports::knit::hard_import_export::e1::Foo as GuestFoo;
use knit::hard_import_export::{e1, e2};

/// The host's x: its value (unique among the x alive at any one time here).
pub struct XData(u32);

/// The values of the x the host made and destroyed, in order.
#[derive(Default)]
pub struct Counts {
    created: Vec<u32>,
    dropped: Vec<u32>,
}

/// A new x in the table, counted.
fn create(state: &mut HostState<Counts>, v: u32) -> Resource<XData> {
    state.data.created.push(v);
    state.table.push(XData(v)).expect("the table has room")
}

/// Takes an x out of the table, counted.
fn remove(state: &mut HostState<Counts>, x: Resource<XData>) -> wasmtime::Result<u32> {
    let x = state.table.delete(x)?;
    state.data.dropped.push(x.0);
    Ok(x.0)
}

/// How the call record names the x behind `handle`.
fn name_of(state: &HostState<Counts>, handle: &Resource<XData>) -> String {
    match state.table.get(handle) {
        Ok(x) => format!("x {}", x.0),
        Err(_) => format!("unknown x (rep {})", handle.rep()),
    }
}

impl e1::HostX for HostState<Counts> {
    fn new(&mut self, v: u32) -> Resource<XData> {
        self.log.push(call!("x.new", v));
        create(self, v)
    }
    fn get(&mut self, x: Resource<XData>) -> u32 {
        let x_name = name_of(self, &x);
        self.log.push(format!("{x_name}.get"));
        self.table.get(&x).map_or(u32::MAX, |x| x.0)
    }
    fn drop(&mut self, x: Resource<XData>) -> wasmtime::Result<()> {
        let x_name = name_of(self, &x);
        self.log.push(format!("{x_name}.drop"));
        remove(self, x).map(|_| ())
    }
}

impl e1::Host for HostState<Counts> {
    fn make(&mut self, v: u32) -> Resource<XData> {
        self.log.push(call!("make", v));
        create(self, v)
    }
    fn live(&mut self) -> u32 {
        self.log.push(call!("live"));
        (self.data.created.len() - self.data.dropped.len()) as u32
    }
}

impl e2::Host for HostState<Counts> {
    fn take(&mut self, v: Resource<XData>, b: e2::Bar) -> u32 {
        let v_name = name_of(self, &v);
        self.log.push(format!("take({v_name}, {b:?})"));
        // The host owns `v` now: reading it and dropping it are its job.
        remove(self, v).map_or(u32::MAX, |v| v * 1000 + b.a)
    }
    fn make_bar(&mut self) -> e2::Bar {
        self.log.push(call!("make-bar"));
        e1::Foo { a: 7 }
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Counts> = Host::new(&guest("hard-import-export", language)?)?;
    HardImportExport::add_to_linker(&mut host.linker, |state| state)?;
    let guest = HardImportExport::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;

    // The guest uses the imported e1 and e2.
    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        [
            "x.new(3)",
            "make(4)",
            "x 3.get",
            "x 4.get",
            "live()",
            "make-bar()",
            "take(x 3, Foo { a: 7 })",
            "live()",
            "x 4.drop",
            "live()",
        ]
        .map(String::from)
        .to_vec(),
    )?;
    check!(store.data().data.created.clone(), vec![3, 4]);
    check!(store.data().data.dropped.clone(), vec![3, 4]);

    // The exported e1 and e2: e2's x and bar are the exported e1's.
    let g1 = guest.knit_hard_import_export_e1();
    let g2 = guest.knit_hard_import_export_e2();
    let five = g1.x().call_constructor(&mut *store, 5)?;
    let six = g1.call_make(&mut *store, 6)?;
    check!(g1.x().call_get(&mut *store, five)?, 5);
    check!(g1.x().call_get(&mut *store, six)?, 6);
    check!(g1.call_live(&mut *store)?, 2);
    check!(g2.call_make_bar(&mut *store)?, GuestFoo { a: 8 });
    check!(g2.call_take(&mut *store, five, GuestFoo { a: 9 })?, 5009);
    check!(g1.call_live(&mut *store)?, 1);
    six.resource_drop(&mut *store)?;
    check!(g1.call_live(&mut *store)?, 0);
    check!(six.resource_drop(&mut *store).is_err(), true);

    // `many` takes the host's own x (the world's `use e2.{x}` names the import), reads and drops
    // each once.
    let xs: Vec<Resource<XData>> = [10, 20, 30]
        .into_iter()
        .map(|v| create(store.data_mut(), v))
        .collect();
    check!(guest.call_many(&mut *store, &xs)?, 60);
    check!(guest.call_many(&mut *store, &[])?, 0);
    check_calls(
        &mut store.data_mut().log,
        [
            "x 10.get", "x 20.get", "x 30.get", "x 10.drop", "x 20.drop", "x 30.drop",
        ]
        .map(String::from)
        .to_vec(),
    )?;
    check!(store.data().data.created.clone(), vec![3, 4, 10, 20, 30]);
    check!(store.data().data.dropped.clone(), vec![3, 4, 10, 20, 30]);

    // `take` took `five`: the host's handle is gone, and using it traps (which ends the instance,
    // so this comes last).
    check!(g1.x().call_get(&mut *store, five).is_err(), true);
    Ok(())
}
