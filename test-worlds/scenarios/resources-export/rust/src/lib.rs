//! The `resources-export` scenario's Rust guest: a guest-defined resource driven by the host.

knit_rt::generate!({ path: "../test.wit" });

use core::cell::Cell;
use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::resources_export::counters::{Counter, CounterBorrow, Guest, GuestCounter};
use knit::resources_export::host;

/// Counters alive right now (constructed and not yet dropped).
static LIVE: AtomicU32 = AtomicU32::new(0);

struct Component;

struct MyCounter {
    value: Cell<u32>,
}

impl GuestCounter for MyCounter {
    fn new(start: u32) -> Self {
        LIVE.fetch_add(1, Ordering::Relaxed);
        MyCounter {
            value: Cell::new(start),
        }
    }

    fn increment(&self) -> u32 {
        self.value.set(self.value.get() + 1);
        self.value.get()
    }

    fn get(&self) -> u32 {
        self.value.get()
    }

    fn merge(a: CounterBorrow<'_>, b: CounterBorrow<'_>) -> Counter {
        let sum = a.get::<MyCounter>().get() + b.get::<MyCounter>().get();
        Counter::new(MyCounter::new(sum))
    }

    fn live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }
}

impl Drop for MyCounter {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
        host::dropped(self.value.get());
    }
}

impl Guest for Component {
    type Counter = MyCounter;
}

export!(Component);
