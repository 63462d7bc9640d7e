//! The `hard-fallible-constructors` scenario's Rust guest: exported resources whose constructors
//! return `result`, and the host's resources with the same constructors, called both ways.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::hard_fallible_constructors::things::{self, GuestW, GuestX, GuestY};
use knit::hard_fallible_constructors::things as host;

/// How many of the guest's x, y and w are alive.
static LIVE: AtomicU32 = AtomicU32::new(0);

fn made() {
    LIVE.fetch_add(1, Ordering::Relaxed);
}

/// Counts a destroyed value and tells the host.
fn gone(what: String) {
    LIVE.fetch_sub(1, Ordering::Relaxed);
    dropped(&what);
}

struct MyX(String);

impl GuestX for MyX {
    fn new(s: String) -> Result<Self, String> {
        if s.is_empty() {
            return Err("empty name".into());
        }
        made();
        Ok(MyX(s))
    }

    fn name(&self) -> String {
        self.0.clone()
    }
}

impl Drop for MyX {
    fn drop(&mut self) {
        gone(format!("x {}", self.0));
    }
}

struct MyY(u32);

impl GuestY for MyY {
    fn new(n: u32) -> Result<Self, ()> {
        if n == 0 {
            return Err(());
        }
        made();
        Ok(MyY(n))
    }

    fn n(&self) -> u32 {
        self.0
    }
}

impl Drop for MyY {
    fn drop(&mut self) {
        gone(format!("y {}", self.0));
    }
}

struct MyW(String);

impl GuestW for MyW {
    fn new(s: String) -> Result<Self, things::Why> {
        if s.is_empty() {
            return Err(things::Why::Empty);
        }
        if s.len() > 3 {
            return Err(things::Why::TooLong);
        }
        made();
        Ok(MyW(s))
    }

    fn text(&self) -> String {
        self.0.clone()
    }
}

impl Drop for MyW {
    fn drop(&mut self) {
        gone(format!("w {}", self.0));
    }
}

struct Component;

impl things::Guest for Component {
    type X = MyX;
    type Y = MyY;
    type W = MyW;

    fn live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }
}

/// Fails with `what` when `ok` is false.
fn expect(ok: bool, what: &str) -> Result<(), String> {
    if ok { Ok(()) } else { Err(what.into()) }
}

impl Guest for Component {
    fn exercise() -> Result<(), String> {
        let err = host::X::new("").err();
        expect(
            err.as_deref() == Some("empty name"),
            "x(\"\") did not fail with `empty name`",
        )?;
        let x = host::X::new("ab").map_err(|e| format!("x(\"ab\") failed: {e}"))?;
        expect(x.name() == "ab", "x(\"ab\").name() is wrong")?;
        expect(host::Y::new(0).is_err(), "y(0) did not fail")?;
        let y = host::Y::new(7).map_err(|()| "y(7) failed")?;
        expect(y.n() == 7, "y(7).n() is wrong")?;
        let err = host::W::new("").err();
        expect(
            err == Some(host::Why::Empty),
            "w(\"\") did not fail with `empty`",
        )?;
        let err = host::W::new("long").err();
        expect(
            err == Some(host::Why::TooLong),
            "w(\"long\") did not fail with `too-long`",
        )?;
        let w = host::W::new("abc").map_err(|e| format!("w(\"abc\") failed: {e:?}"))?;
        expect(w.text() == "abc", "w(\"abc\").text() is wrong")?;
        expect(host::live() == 3, "the host does not hold 3 values")?;
        drop(x);
        drop(y);
        drop(w);
        expect(host::live() == 0, "the host still holds values")
    }
}

export!(Component);
