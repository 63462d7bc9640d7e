//! The `instance-pre` scenario's Rust guest: per-instance state.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use knit::instance_pre::host;

static COUNTER: AtomicU32 = AtomicU32::new(0);

struct Component;

impl Guest for Component {
    fn bump() -> u32 {
        COUNTER.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn describe() -> String {
        format!("{}:{}", host::store_id(), COUNTER.load(Ordering::Relaxed))
    }
}

export!(Component);
