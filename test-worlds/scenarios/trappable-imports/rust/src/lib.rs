//! The `trappable-imports` scenario's Rust guest: calls into a host that may trap.

knit_rt::generate!({ path: "../test.wit" });

use knit::trappable_imports::host;

struct Component;

impl Guest for Component {
    fn ask(question: String) -> String {
        format!("host says: {}", host::answer(&question))
    }

    fn sum_nonzero(xs: Vec<u32>) -> u32 {
        xs.into_iter().map(host::nonzero).sum()
    }
}

export!(Component);
