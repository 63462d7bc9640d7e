//! The `bools` scenario's Rust guest.

knit_rt::generate!({ path: "../test.wit" });

use knit::bools::host;

struct Component;

impl Guest for Component {
    fn xor(a: bool, b: bool) -> bool {
        a ^ b
    }

    fn count(xs: Vec<bool>) -> (u32, bool) {
        let n = xs.iter().filter(|x| **x).count() as u32;
        (n, n > 0)
    }

    fn check_imports() -> Result<(), String> {
        if host::not(true) || !host::not(false) {
            return Err("not() is wrong".into());
        }
        if !host::all(&[]) || !host::all(&[true, true]) || host::all(&[true, false, true]) {
            return Err("all() is wrong".into());
        }
        Ok(())
    }
}

export!(Component);
