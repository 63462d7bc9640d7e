//! The `records` scenario's Rust guest: padded, nested and single-field records, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::records::host;
use knit::records::types::Empties;

struct Component;

fn check<T: PartialEq + core::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

impl Guest for Component {
    fn echo_mixed(m: Mixed) -> Mixed {
        m
    }

    fn midpoint(l: Line) -> Point {
        Point {
            x: (l.start.x + l.end.x) / 2.0,
            y: (l.start.y + l.end.y) / 2.0,
        }
    }

    fn wrap(x: u32) -> Wrapper {
        Wrapper { inner: x }
    }

    fn check_imports() -> Result<(), String> {
        let m = Mixed {
            a: 255,
            b: u64::MAX,
            c: 7,
            d: 1.5,
            e: true,
            f: i64::MAX,
            g: 'y',
        };
        check(
            "bump",
            host::bump(m),
            Mixed {
                a: 0,
                b: 0,
                c: 8,
                d: 2.5,
                e: false,
                f: i64::MIN,
                g: 'z',
            },
        )?;
        let line = Line {
            start: Point { x: 1.0, y: 2.0 },
            end: Point { x: 3.0, y: 4.0 },
            label: Some("ab".into()),
        };
        let want = Line {
            start: Point { x: 3.0, y: 4.0 },
            end: Point { x: 1.0, y: 2.0 },
            label: Some("AB".into()),
        };
        check("reverse", host::reverse(line.clone()), want)?;
        check("unwrap", host::unwrap(Wrapper { inner: 42 }), 42)?;
        let e = Empties {
            names: vec![],
            maybe: None,
        };
        check("echo-empties", host::echo_empties(e.clone()), e.clone())?;
        Ok(())
    }
}

export!(Component);
