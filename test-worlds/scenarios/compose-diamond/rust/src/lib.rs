//! The `compose-diamond` scenario's top component: calls both sides, which share a counter.

knit_rt::generate!({ path: "../test.wit", world: "top" });

use knit::compose_diamond::{left, right};

struct Component;

impl Guest for Component {
    fn run() -> Vec<(String, u32)> {
        vec![left::left(), right::right(), left::left()]
    }
}

export!(Component);
