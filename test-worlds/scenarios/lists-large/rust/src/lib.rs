//! The `lists-large` scenario's Rust guest: one-million-element `list<u8>`, both ways.

knit_rt::generate!({ path: "../test.wit" });

use knit::lists_large::host;

struct Component;

fn digest_of(bytes: &[u8]) -> (u32, u32) {
    (
        bytes.iter().fold(0u32, |a, b| a.wrapping_add(*b as u32)),
        bytes.len() as u32,
    )
}

impl Guest for Component {
    fn digest(bytes: Vec<u8>) -> (u32, u32) {
        digest_of(&bytes)
    }

    fn invert(bytes: Vec<u8>) -> Vec<u8> {
        bytes.iter().map(|b| !b).collect()
    }

    fn check_imports() -> Result<(), String> {
        let made = host::make(1_000_000);
        if made.len() != 1_000_000
            || made
                .iter()
                .enumerate()
                .any(|(i, b)| *b != (i * 7 % 256) as u8)
        {
            return Err(format!("make(1000000) returned {} wrong bytes", made.len()));
        }
        let mine: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
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
