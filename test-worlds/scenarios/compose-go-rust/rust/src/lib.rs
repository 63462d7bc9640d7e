//! The `compose-go-rust` scenario's Rust component: it exports `math`, which the Go component
//! imports once the two are composed.

knit_rt::generate!({ path: "../test.wit", world: "rust-side" });

use exports::knit::compose_go_rust::math::Guest;

struct Component;

impl Guest for Component {
    fn add(a: u32, b: u32) -> u32 {
        a.wrapping_add(b)
    }

    fn join(xs: Vec<String>, sep: String) -> String {
        xs.join(&sep)
    }
}

export!(Component);
