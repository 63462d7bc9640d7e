//! The `compose-chain` scenario's component `b`: scales `c`'s base number.

knit_rt::generate!({ path: "../test.wit", world: "b" });

use exports::knit::compose_chain::scaled::Guest;
use knit::compose_chain::numbers;

struct Component;

impl Guest for Component {
    fn scale(factors: Vec<u32>) -> (Vec<u32>, String) {
        let base = numbers::base();
        let scaled = factors.iter().map(|f| f * base).collect();
        (scaled, format!("{} via b", numbers::label()))
    }
}

export!(Component);
