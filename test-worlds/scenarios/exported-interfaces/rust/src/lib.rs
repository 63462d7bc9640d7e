//! The `exported-interfaces` scenario's Rust guest: two exported interfaces with clashing function
//! names in a versioned package.

knit_rt::generate!({ path: "../test.wit" });

use exports::knit::exported_interfaces::{math, text};
use knit::exported_interfaces::host_math;

struct Component;

impl math::Guest for Component {
    fn add(a: i32, b: i32) -> i32 {
        a.wrapping_add(b)
    }

    fn neg(a: i32) -> i32 {
        a.wrapping_neg()
    }
}

impl text::Guest for Component {
    fn add(a: String, b: String) -> String {
        a + &b
    }

    fn len(s: String) -> u32 {
        s.chars().count() as u32
    }
}

impl Guest for Component {
    fn version() -> String {
        "1.2.0".into()
    }

    fn agree(a: i32, b: i32) -> bool {
        host_math::add(a, b) == <Component as math::Guest>::add(a, b)
    }
}

export!(Component);
