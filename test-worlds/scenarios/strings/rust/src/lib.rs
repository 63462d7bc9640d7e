//! The `strings` scenario's Rust guest: empty, ASCII and non-ASCII strings, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::strings::host;

struct Component;

impl Guest for Component {
    fn echo(s: String) -> String {
        s
    }

    fn lengths(s: String) -> (u32, u32) {
        (s.len() as u32, s.chars().count() as u32)
    }

    fn upper(s: String) -> String {
        s.to_uppercase()
    }

    fn check_imports() -> Result<(), String> {
        let cases = [
            ("", ""),
            ("abc", "cba"),
            ("žluťoučký", "ýkčuoťulž"),
            ("日本語🎉", "🎉語本日"),
        ];
        for (input, want) in cases {
            let got = host::reverse(input);
            if got != want {
                return Err(format!("reverse({input:?}) returned {got:?}"));
            }
        }
        let got = host::concat("", "");
        if !got.is_empty() {
            return Err(format!("concat of empties returned {got:?}"));
        }
        let got = host::concat("a\0b", "ü");
        if got != "a\0bü" {
            return Err(format!("concat returned {got:?}"));
        }
        Ok(())
    }
}

export!(Component);
