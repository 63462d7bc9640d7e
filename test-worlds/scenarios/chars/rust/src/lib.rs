//! The `chars` scenario's Rust guest: the edges of the Unicode scalar range, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::chars::host;

struct Component;

const EDGES: [char; 8] = [
    '\0',
    '\u{7f}',
    '\u{80}',
    '\u{7ff}',
    '\u{800}',
    '\u{d7ff}',
    '\u{e000}',
    '\u{10ffff}',
];

impl Guest for Component {
    fn echo(c: char) -> char {
        c
    }

    fn code(c: char) -> u32 {
        c as u32
    }

    fn split(s: String) -> Vec<char> {
        s.chars().collect()
    }

    fn check_imports() -> Result<(), String> {
        for c in EDGES {
            let back = host::echo(c);
            if back != c {
                return Err(format!("echo({c:?}) returned {back:?}"));
            }
        }
        let checks = [
            ('\u{d7ff}', Some('\u{e000}')),
            ('a', Some('b')),
            ('\u{10ffff}', None),
            ('\u{ffff}', Some('\u{10000}')),
        ];
        for (c, want) in checks {
            let got = host::next(c);
            if got != want {
                return Err(format!("next({c:?}) returned {got:?}, want {want:?}"));
            }
        }
        Ok(())
    }
}

export!(Component);
