//! Strings, a list of records, a result, and a guest calling host imports.

use super::check_calls;
use anyhow::{Result, ensure};
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/basics/test.wit" });

use knit::basics::host as imports;

impl imports::Host for HostState {
    fn log(&mut self, msg: String) {
        self.log.push(call!("log", msg));
    }
    fn add_one(&mut self, x: u32) -> u32 {
        self.log.push(call!("add-one", x));
        x + 1
    }
}

fn point(x: i32, y: i32, label: &str) -> Point {
    Point {
        x,
        y,
        label: label.into(),
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("basics", language)?)?;
    Basics::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Basics::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;

    let greeting = guest.call_greet(&mut *store, "wörld ✓")?;
    ensure!(greeting == "hello, wörld ✓!", "greet returned {greeting:?}");
    let empty = guest.call_greet(&mut *store, "")?;
    ensure!(empty == "hello, !", "greet(\"\") returned {empty:?}");

    let points = [
        point(1, 2, "a"),
        point(-10, 20, "βeta"),
        point(100, -200, ""),
    ];
    let sum = guest.call_sum_points(&mut *store, &points)?;
    ensure!(
        sum == point(91, -178, "a+βeta+"),
        "sum-points returned {sum:?}"
    );
    let none = guest.call_sum_points(&mut *store, &[])?;
    ensure!(none == point(0, 0, ""), "sum-points([]) returned {none:?}");

    let ok = guest.call_checked_div(&mut *store, 84, 2)?;
    ensure!(ok == Ok(42), "checked-div ok returned {ok:?}");
    let err = guest.call_checked_div(&mut *store, 1, 0)?;
    ensure!(
        err == Err("cannot divide 1 by zero".into()),
        "checked-div err returned {err:?}"
    );

    let doubled = guest.call_call_host(&mut *store, 20)?;
    ensure!(doubled == 42, "call-host returned {doubled:?}");
    check_calls(
        &mut store.data_mut().log,
        vec![call!("log", "call-host(20)"), call!("add-one", 20)],
    )
}
