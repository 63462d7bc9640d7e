//! The `compose-chain` scenario's component `c`: the end of the chain.

knit_rt::generate!({ path: "../test.wit", world: "c" });

use exports::knit::compose_chain::numbers::Guest;

struct Component;

impl Guest for Component {
    fn base() -> u32 {
        7
    }

    fn label() -> String {
        "c".to_string()
    }
}

export!(Component);
