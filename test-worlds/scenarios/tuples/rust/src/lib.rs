//! The `tuples` scenario's Rust guest.

knit_rt::generate!({ path: "../test.wit" });

use knit::tuples::host;

struct Component;

type Nested = ((u8, u8), (String,), Vec<(u16, i8)>);

impl Guest for Component {
    fn single(t: (u32,)) -> (u32,) {
        t
    }

    fn rotate(t: (bool, char, String)) -> (char, String, bool) {
        (t.1, t.2, t.0)
    }

    fn nested(t: Nested) -> Nested {
        t
    }

    fn check_imports() -> Result<(), String> {
        let swapped = host::swap((String::from("ü"), u64::MAX));
        if swapped != (u64::MAX, "ü".to_string()) {
            return Err(format!("swap returned {swapped:?}"));
        }
        let sum = host::widen((255, -32768, u32::MAX, -1, 0.5, 0.25));
        let want = 255.0 - 32768.0 + u32::MAX as f64 - 1.0 + 0.75;
        if sum != want {
            return Err(format!("widen returned {sum}, want {want}"));
        }
        Ok(())
    }
}

export!(Component);
