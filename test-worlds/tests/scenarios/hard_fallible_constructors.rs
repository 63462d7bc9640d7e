//! Resource constructors that return `result<x, string>`, `result<y>` and `result<w, enum>`, on
//! both sides: the host calls the guest's with good and bad input (ok is a working handle, err
//! the error and no value made), and the guest calls the host's the same way. Every value made is
//! destroyed exactly once: the host counts its own, the guest reports each of its destructor calls.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use wasmtime::component::Resource;

knit_macros::host!({
    path: "scenarios/hard-fallible-constructors/test.wit",
    with: {
        "knit:hard-fallible-constructors/things/x": crate::scenarios::hard_fallible_constructors::XData,
        "knit:hard-fallible-constructors/things/y": crate::scenarios::hard_fallible_constructors::YData,
        "knit:hard-fallible-constructors/things/w": crate::scenarios::hard_fallible_constructors::WData,
    },
});

use exports::knit::hard_fallible_constructors::things::Why as GuestWhy;
use knit::hard_fallible_constructors::things::{self, Why};

/// The host's x: its name.
pub struct XData(String);
/// The host's y: its number.
pub struct YData(u32);
/// The host's w: its text.
pub struct WData(String);

/// What the host made and destroyed, and what the guest reported destroying.
#[derive(Default)]
pub struct Counts {
    created: u32,
    dropped: u32,
    guest_dropped: Vec<String>,
}

/// Puts a new value in the table, counted.
fn create<T: Send + 'static>(state: &mut HostState<Counts>, value: T) -> Resource<T> {
    state.data.created += 1;
    state.table.push(value).expect("the table has room")
}

/// Takes a value out of the table, counted, and logs `what.drop(...)`.
fn remove<T: 'static>(
    state: &mut HostState<Counts>,
    handle: Resource<T>,
    name: impl Fn(&T) -> String,
) -> wasmtime::Result<()> {
    let value = state.table.delete(handle)?;
    state.data.dropped += 1;
    state.log.push(format!("{}.drop", name(&value)));
    Ok(())
}

impl things::HostX for HostState<Counts> {
    fn new(&mut self, s: String) -> Result<Resource<XData>, String> {
        self.log.push(call!("x.new", s));
        if s.is_empty() {
            return Err("empty name".into());
        }
        Ok(create(self, XData(s)))
    }
    fn name(&mut self, x: Resource<XData>) -> String {
        let name = self.table.get(&x).map_or("?".into(), |x| x.0.clone());
        self.log.push(format!("x {name}.name"));
        name
    }
    fn drop(&mut self, x: Resource<XData>) -> wasmtime::Result<()> {
        remove(self, x, |x| format!("x {}", x.0))
    }
}

impl things::HostY for HostState<Counts> {
    fn new(&mut self, n: u32) -> Result<Resource<YData>, ()> {
        self.log.push(call!("y.new", n));
        if n == 0 {
            return Err(());
        }
        Ok(create(self, YData(n)))
    }
    fn n(&mut self, y: Resource<YData>) -> u32 {
        let n = self.table.get(&y).map_or(u32::MAX, |y| y.0);
        self.log.push(format!("y {n}.n"));
        n
    }
    fn drop(&mut self, y: Resource<YData>) -> wasmtime::Result<()> {
        remove(self, y, |y| format!("y {}", y.0))
    }
}

impl things::HostW for HostState<Counts> {
    fn new(&mut self, s: String) -> Result<Resource<WData>, Why> {
        self.log.push(call!("w.new", s));
        if s.is_empty() {
            return Err(Why::Empty);
        }
        if s.len() > 3 {
            return Err(Why::TooLong);
        }
        Ok(create(self, WData(s)))
    }
    fn text(&mut self, w: Resource<WData>) -> String {
        let text = self.table.get(&w).map_or("?".into(), |w| w.0.clone());
        self.log.push(format!("w {text}.text"));
        text
    }
    fn drop(&mut self, w: Resource<WData>) -> wasmtime::Result<()> {
        remove(self, w, |w| format!("w {}", w.0))
    }
}

impl things::Host for HostState<Counts> {
    fn live(&mut self) -> u32 {
        self.log.push(call!("live"));
        self.data.created - self.data.dropped
    }
}

impl HardFallibleConstructorsImports for HostState<Counts> {
    fn dropped(&mut self, what: String) {
        self.data.guest_dropped.push(what);
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Counts> = Host::new(&guest("hard-fallible-constructors", language)?)?;
    HardFallibleConstructors::add_to_linker(&mut host.linker, |state| state)?;
    let guest =
        HardFallibleConstructors::instantiate(&mut host.store, &host.component, &host.linker)?;
    let things = guest.knit_hard_fallible_constructors_things();
    let store = &mut host.store;

    // The guest's constructors: an error makes nothing, ok makes a handle that works.
    check!(
        things.x().call_constructor(&mut *store, "")?.err(),
        Some("empty name".to_string())
    );
    check!(things.call_live(&mut *store)?, 0);
    let Ok(x) = things.x().call_constructor(&mut *store, "alpha")? else {
        anyhow::bail!("the guest's x(\"alpha\") failed");
    };
    check!(things.x().call_name(&mut *store, x)?, "alpha");
    check!(things.y().call_constructor(&mut *store, 0)?.err(), Some(()));
    let Ok(y) = things.y().call_constructor(&mut *store, 9)? else {
        anyhow::bail!("the guest's y(9) failed");
    };
    check!(things.y().call_n(&mut *store, y)?, 9);
    check!(
        things.w().call_constructor(&mut *store, "")?.err(),
        Some(GuestWhy::Empty)
    );
    check!(
        things.w().call_constructor(&mut *store, "toolong")?.err(),
        Some(GuestWhy::TooLong)
    );
    let Ok(w) = things.w().call_constructor(&mut *store, "abc")? else {
        anyhow::bail!("the guest's w(\"abc\") failed");
    };
    check!(things.w().call_text(&mut *store, w)?, "abc");
    check!(things.call_live(&mut *store)?, 3);
    check!(store.data().data.guest_dropped.clone(), Vec::<String>::new());

    // Dropping each handle runs the guest's destructor once; a second drop is refused.
    x.resource_drop(&mut *store)?;
    check!(things.call_live(&mut *store)?, 2);
    check!(x.resource_drop(&mut *store).is_err(), true);
    y.resource_drop(&mut *store)?;
    w.resource_drop(&mut *store)?;
    check!(things.call_live(&mut *store)?, 0);
    check!(
        store.data().data.guest_dropped.clone(),
        vec!["x alpha", "y 9", "w abc"]
    );
    check_calls(&mut store.data_mut().log, vec![])?;

    // The host's constructors, called by the guest the same way.
    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        [
            "x.new(\"\")",
            "x.new(\"ab\")",
            "x ab.name",
            "y.new(0)",
            "y.new(7)",
            "y 7.n",
            "w.new(\"\")",
            "w.new(\"long\")",
            "w.new(\"abc\")",
            "w abc.text",
            "live()",
            "x ab.drop",
            "y 7.drop",
            "w abc.drop",
            "live()",
        ]
        .map(String::from)
        .to_vec(),
    )?;
    check!(
        (store.data().data.created, store.data().data.dropped),
        (3, 3)
    );
    check!(store.data().data.guest_dropped.len(), 3);
    Ok(())
}
