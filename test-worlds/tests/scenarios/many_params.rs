//! Functions with 17 or more flat parameters (spilled to memory), both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/many-params/test.wit" });

impl knit::many_params::host::Host for HostState {
    fn sum17(
        &mut self,
        a: u8,
        b: i8,
        c: u16,
        d: i16,
        e: u32,
        f: i32,
        g: u64,
        h: i64,
        i: f32,
        j: f64,
        k: u8,
        l: i8,
        m: u16,
        n: i16,
        o: u32,
        p: i32,
        q: u64,
    ) -> f64 {
        self.log.push(call!(
            "sum17", a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q
        ));
        [
            a as f64, b as f64, c as f64, d as f64, e as f64, f as f64, g as f64, h as f64,
            i as f64, j,
        ]
        .iter()
        .chain(&[
            k as f64, l as f64, m as f64, n as f64, o as f64, p as f64, q as f64,
        ])
        .sum()
    }
    fn join(
        &mut self,
        a: String,
        b: String,
        c: String,
        d: String,
        e: String,
        f: String,
        g: String,
        h: String,
        i: String,
        j: String,
    ) -> String {
        self.log
            .push(call!("join", a, b, c, d, e, f, g, h, i, j));
        [a, b, c, d, e, f, g, h, i, j].join(",")
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("many-params", language)?)?;
    ManyParams::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ManyParams::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let got = guest.call_collect17(
        &mut *store,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        u32::MAX,
    )?;
    let mut want: Vec<u32> = (1..=16).collect();
    want.push(u32::MAX);
    check!(got, want);
    let text = guest.call_describe(
        &mut *store,
        1,
        "b",
        2.5,
        &[3, 4],
        true,
        'ñ',
        i64::MIN,
        "",
        Some(9),
        10,
        -0.5,
        "ł",
    )?;
    check!(
        text,
        "1 b 2.5 [3, 4] true ñ -9223372036854775808  Some(9) 10 -0.5 ł"
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!(
                "sum17", 1, -2, 3, -4, 5, -6, 7, -8, 9.5, 10.25, 11, -12, 13, -14, 15, -16, 17
            ),
            call!(
                "sum17",
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
                u64::MAX
            ),
            call!("join", "a", "", "ç", "d", "e", "f", "g", "h", "i", "🎉"),
        ],
    )
}
