//! The `strings-large` scenario's Rust guest: 1 MiB strings, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::strings_large::host;

struct Component;

fn digest_of(s: &str) -> (u32, u32) {
    (
        s.bytes().fold(0u32, |a, b| a.wrapping_add(b as u32)),
        s.len() as u32,
    )
}

impl Guest for Component {
    fn digest(s: String) -> (u32, u32) {
        digest_of(&s)
    }

    fn repeat(s: String, times: u32) -> String {
        s.repeat(times as usize)
    }

    fn check_imports() -> Result<(), String> {
        let big = host::make("äbc", 1 << 20);
        if big.len() != 1 << 20 || !big.starts_with("äbcäbc") {
            return Err(format!("make returned {} bytes", big.len()));
        }
        let mine = "xyz€".repeat((1 << 20) / 6);
        let seen = host::digest(&mine);
        if seen != digest_of(&mine) {
            return Err(format!(
                "the host digested {seen:?}, want {:?}",
                digest_of(&mine)
            ));
        }
        Ok(())
    }
}

export!(Component);
