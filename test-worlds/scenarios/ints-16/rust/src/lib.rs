//! The `ints-16` scenario's Rust guest: 16-bit integers at their limits, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::ints_16::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo_u16(x: u16) -> u16 {
        x
    }

    fn echo_s16(x: i16) -> i16 {
        x
    }

    fn negate_pair(a: u16, b: i16) -> (i16, u16) {
        (b.wrapping_neg(), a.wrapping_neg())
    }

    fn check_imports() -> Result<(), String> {
        for x in [u16::MIN, 1, u16::MAX / 2, u16::MAX / 2 + 1, u16::MAX] {
            check("echo-u16", host::echo_u16(x), x)?;
        }
        for x in [i16::MIN, -1, 0, 1, i16::MAX] {
            check("echo-s16", host::echo_s16(x), x)?;
        }
        check("add-u16(max, 1)", host::add_u16(u16::MAX, 1), 0)?;
        check(
            "add-u16(max, max)",
            host::add_u16(u16::MAX, u16::MAX),
            u16::MAX - 1,
        )?;
        check("sub-s16(min, 1)", host::sub_s16(i16::MIN, 1), i16::MAX)?;
        check("sub-s16(max, -1)", host::sub_s16(i16::MAX, -1), i16::MIN)?;
        Ok(())
    }
}

export!(Component);
