//! The `compose-chain` scenario's root component `a`: describes what `b` computes from `c`.

knit_rt::generate!({ path: "../test.wit", world: "a" });

use knit::compose_chain::scaled;

struct Component;

impl Guest for Component {
    fn run(factors: Vec<u32>) -> String {
        let (numbers, label) = scaled::scale(&factors);
        let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
        format!("[{}] from {label} via a", numbers.join(", "))
    }
}

export!(Component);
