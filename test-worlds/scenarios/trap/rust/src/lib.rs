//! The `trap` scenario's Rust guest: panics that become traps.

knit_rt::generate!({ path: "../test.wit" });

use knit::trap::host;

struct Component;

impl Guest for Component {
    fn divide(a: u32, b: u32) -> u32 {
        host::reached(&format!("divide {a} {b}"));
        a / b
    }

    fn panic_with(msg: String) {
        host::reached("panic-with");
        panic!("{msg}");
    }
}

export!(Component);
