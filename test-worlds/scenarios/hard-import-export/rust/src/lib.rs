//! The `hard-import-export` scenario's Rust guest: interfaces `e1` and `e2` (which uses `e1`'s
//! types, one renamed) both imported and exported, and a world-level export taking the imported
//! `x` through the world's `use`.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::hard_import_export::{e1, e2};
use knit::hard_import_export::{e1 as host_e1, e2 as host_e2};

/// How many of the guest's own x are alive.
static LIVE: AtomicU32 = AtomicU32::new(0);

struct MyX(u32);

impl e1::GuestX for MyX {
    fn new(v: u32) -> Self {
        LIVE.fetch_add(1, Ordering::Relaxed);
        MyX(v)
    }

    fn get(&self) -> u32 {
        self.0
    }
}

impl Drop for MyX {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

struct Component;

impl e1::Guest for Component {
    type X = MyX;

    fn make(v: u32) -> e1::X {
        e1::X::new(<MyX as e1::GuestX>::new(v))
    }

    fn live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }
}

impl e2::Guest for Component {
    /// Takes the guest's own x (exported `e1`'s, not the host's) and the exported `foo`.
    fn take(v: e2::X, b: e2::Bar) -> u32 {
        v.get::<MyX>().0 * 1000 + b.a
    }

    fn make_bar() -> e2::Bar {
        e1::Foo { a: 8 }
    }
}

/// Fails with `what` when `ok` is false.
fn expect(ok: bool, what: &str) -> Result<(), String> {
    if ok { Ok(()) } else { Err(what.into()) }
}

impl Guest for Component {
    /// The world's `x` is the imported (host) one.
    fn many(xs: Vec<X>) -> u32 {
        xs.iter().map(|x| x.get()).sum()
    }

    fn exercise() -> Result<(), String> {
        let a = host_e1::X::new(3);
        let b = host_e1::make(4);
        expect(
            a.get() == 3 && b.get() == 4,
            "the host's x answered wrong values",
        )?;
        expect(host_e1::live() == 2, "the host does not hold 2 x")?;
        let bar: host_e2::Bar = host_e2::make_bar();
        expect(
            bar == host_e1::Foo { a: 7 },
            "make-bar returned the wrong bar",
        )?;
        let taken = host_e2::take(a, bar);
        expect(taken == 3007, "take answered wrong")?;
        expect(host_e1::live() == 1, "take did not drop its x")?;
        drop(b);
        expect(host_e1::live() == 0, "the host still holds x")
    }
}

export!(Component);
