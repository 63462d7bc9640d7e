//! The `compose-go-rust` scenario's Rust application component: its `run` export calls the Go
//! component's `describe` exports, which in turn call the Rust `math` component.

knit_rt::generate!({ path: "../test.wit", world: "rust-app" });

use knit::compose_go_rust::describe;

struct Component;

impl Guest for Component {
    fn run(a: u32, b: u32) -> Result<String, String> {
        let sum = describe::add(a, b);
        if (sum.a, sum.b) != (a, b) || sum.total != a.wrapping_add(b) {
            return Err(format!("Go's `add({a}, {b})` returned {sum:?}"));
        }
        Ok(describe::sentence(a, b))
    }
}

export!(Component);
