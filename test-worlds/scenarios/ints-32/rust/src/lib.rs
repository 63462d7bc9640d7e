//! The `ints-32` scenario's Rust guest: 32-bit integers at their limits, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::ints_32::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo_u32(x: u32) -> u32 {
        x
    }

    fn echo_s32(x: i32) -> i32 {
        x
    }

    fn negate_pair(a: u32, b: i32) -> (i32, u32) {
        (b.wrapping_neg(), a.wrapping_neg())
    }

    fn check_imports() -> Result<(), String> {
        for x in [u32::MIN, 1, u32::MAX / 2, u32::MAX / 2 + 1, u32::MAX] {
            check("echo-u32", host::echo_u32(x), x)?;
        }
        for x in [i32::MIN, -1, 0, 1, i32::MAX] {
            check("echo-s32", host::echo_s32(x), x)?;
        }
        check("add-u32(max, 1)", host::add_u32(u32::MAX, 1), 0)?;
        check(
            "add-u32(max, max)",
            host::add_u32(u32::MAX, u32::MAX),
            u32::MAX - 1,
        )?;
        check("sub-s32(min, 1)", host::sub_s32(i32::MIN, 1), i32::MAX)?;
        check("sub-s32(max, -1)", host::sub_s32(i32::MAX, -1), i32::MIN)?;
        Ok(())
    }
}

export!(Component);
