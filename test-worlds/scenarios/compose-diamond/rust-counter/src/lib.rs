//! The `compose-diamond` scenario's shared dependency: a counter that keeps its state in the
//! component instance, so the test can tell one shared instance from one per consumer.

knit_rt::generate!({ path: "../test.wit", world: "counter-side" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::compose_diamond::counter::Guest;

static COUNT: AtomicU32 = AtomicU32::new(0);

struct Component;

impl Guest for Component {
    fn next() -> u32 {
        COUNT.fetch_add(1, Ordering::Relaxed) + 1
    }
}

export!(Component);
