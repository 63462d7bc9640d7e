//! The `ints-64` scenario's Rust guest: 64-bit integers at their limits, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::ints_64::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo_u64(x: u64) -> u64 {
        x
    }

    fn echo_s64(x: i64) -> i64 {
        x
    }

    fn negate_pair(a: u64, b: i64) -> (i64, u64) {
        (b.wrapping_neg(), a.wrapping_neg())
    }

    fn check_imports() -> Result<(), String> {
        for x in [u64::MIN, 1, u64::MAX / 2, u64::MAX / 2 + 1, u64::MAX] {
            check("echo-u64", host::echo_u64(x), x)?;
        }
        for x in [i64::MIN, -1, 0, 1, i64::MAX] {
            check("echo-s64", host::echo_s64(x), x)?;
        }
        check("add-u64(max, 1)", host::add_u64(u64::MAX, 1), 0)?;
        check(
            "add-u64(max, max)",
            host::add_u64(u64::MAX, u64::MAX),
            u64::MAX - 1,
        )?;
        check("sub-s64(min, 1)", host::sub_s64(i64::MIN, 1), i64::MAX)?;
        check("sub-s64(max, -1)", host::sub_s64(i64::MAX, -1), i64::MIN)?;
        Ok(())
    }
}

export!(Component);
