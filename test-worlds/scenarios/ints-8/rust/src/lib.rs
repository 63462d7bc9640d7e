//! The `ints-8` scenario's Rust guest: 8-bit integers at their limits, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::ints_8::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo_u8(x: u8) -> u8 {
        x
    }

    fn echo_s8(x: i8) -> i8 {
        x
    }

    fn negate_pair(a: u8, b: i8) -> (i8, u8) {
        (b.wrapping_neg(), a.wrapping_neg())
    }

    fn check_imports() -> Result<(), String> {
        for x in [u8::MIN, 1, u8::MAX / 2, u8::MAX / 2 + 1, u8::MAX] {
            check("echo-u8", host::echo_u8(x), x)?;
        }
        for x in [i8::MIN, -1, 0, 1, i8::MAX] {
            check("echo-s8", host::echo_s8(x), x)?;
        }
        check("add-u8(max, 1)", host::add_u8(u8::MAX, 1), 0)?;
        check(
            "add-u8(max, max)",
            host::add_u8(u8::MAX, u8::MAX),
            u8::MAX - 1,
        )?;
        check("sub-s8(min, 1)", host::sub_s8(i8::MIN, 1), i8::MAX)?;
        check("sub-s8(max, -1)", host::sub_s8(i8::MAX, -1), i8::MIN)?;
        Ok(())
    }
}

export!(Component);
