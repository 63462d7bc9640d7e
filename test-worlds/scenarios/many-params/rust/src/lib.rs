//! The `many-params` scenario's Rust guest: more than 16 flat parameters, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::many_params::host;

struct Component;

impl Guest for Component {
    #[allow(clippy::too_many_arguments)]
    fn collect17(
        a: u32,
        b: u32,
        c: u32,
        d: u32,
        e: u32,
        f: u32,
        g: u32,
        h: u32,
        i: u32,
        j: u32,
        k: u32,
        l: u32,
        m: u32,
        n: u32,
        o: u32,
        p: u32,
        q: u32,
    ) -> Vec<u32> {
        vec![a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q]
    }

    #[allow(clippy::too_many_arguments)]
    fn describe(
        a: u8,
        b: String,
        c: f64,
        d: Vec<u8>,
        e: bool,
        f: char,
        g: i64,
        h: String,
        i: Option<u32>,
        j: u16,
        k: f32,
        l: String,
    ) -> String {
        format!("{a} {b} {c} {d:?} {e} {f} {g} {h} {i:?} {j} {k} {l}")
    }

    fn check_imports() -> Result<(), String> {
        let sum = host::sum17(
            1, -2, 3, -4, 5, -6, 7, -8, 9.5, 10.25, 11, -12, 13, -14, 15, -16, 17,
        );
        if sum != 29.75 {
            return Err(format!("sum17 returned {sum}"));
        }
        let big = host::sum17(
            u8::MAX,
            i8::MIN,
            u16::MAX,
            i16::MIN,
            u32::MAX,
            i32::MIN,
            0,
            i64::MIN,
            0.0,
            0.0,
            0,
            0,
            0,
            0,
            0,
            0,
            u64::MAX,
        );
        let want =
            255.0 - 128.0 + 65535.0 - 32768.0 + 4294967295.0 - 2147483648.0 - 9223372036854775808.0
                + 18446744073709551615.0;
        if big != want {
            return Err(format!("sum17 at limits returned {big}, want {want}"));
        }
        let joined = host::join("a", "", "ç", "d", "e", "f", "g", "h", "i", "🎉");
        if joined != "a,,ç,d,e,f,g,h,i,🎉" {
            return Err(format!("join returned {joined:?}"));
        }
        Ok(())
    }
}

export!(Component);
