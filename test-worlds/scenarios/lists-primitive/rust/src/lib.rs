//! The `lists-primitive` scenario's Rust guest: empty and non-empty lists of primitives.

knit_rt::generate!({ path: "../test.wit" });

use knit::lists_primitive::host;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo_u32(xs: Vec<u32>) -> Vec<u32> {
        xs
    }

    fn echo_s8(xs: Vec<i8>) -> Vec<i8> {
        xs
    }

    fn prefix_sums(xs: Vec<i64>) -> Vec<i64> {
        xs.iter()
            .scan(0i64, |acc, x| {
                *acc = acc.wrapping_add(*x);
                Some(*acc)
            })
            .collect()
    }

    fn lengths(a: Vec<u8>, b: Vec<f32>, c: Vec<char>) -> (u32, u32, u32) {
        (a.len() as u32, b.len() as u32, c.len() as u32)
    }

    fn check_imports() -> Result<(), String> {
        check("double-u16([])", host::double_u16(&[]), vec![])?;
        check(
            "double-u16",
            host::double_u16(&[0, 1, 0x8000, 0xffff]),
            vec![0, 2, 0, 0xfffe],
        )?;
        check("reverse-s64([])", host::reverse_s64(&[]), vec![])?;
        check(
            "reverse-s64",
            host::reverse_s64(&[i64::MIN, 0, i64::MAX]),
            vec![i64::MAX, 0, i64::MIN],
        )?;
        check(
            "negate-f64",
            host::negate_f64(&[1.5, -0.0, f64::INFINITY]),
            vec![-1.5, 0.0, f64::NEG_INFINITY],
        )?;
        Ok(())
    }
}

export!(Component);
