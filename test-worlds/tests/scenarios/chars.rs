//! Chars at the edges of the Unicode scalar range, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/chars/test.wit" });

impl knit::chars::host::Host for HostState {
    fn echo(&mut self, c: char) -> char {
        self.log.push(call!("echo", c));
        c
    }
    fn next(&mut self, c: char) -> Option<char> {
        self.log.push(call!("next", c));
        match c {
            '\u{d7ff}' => Some('\u{e000}'),
            _ => char::from_u32(c as u32 + 1),
        }
    }
}

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

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("chars", language)?)?;
    Chars::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Chars::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for c in EDGES {
        check!(guest.call_echo(&mut *store, c)?, c);
        check!(guest.call_code(&mut *store, c)?, c as u32);
    }
    check!(
        guest.call_split(&mut *store, "a\u{0}é\u{10ffff}")?,
        vec!['a', '\0', 'é', '\u{10ffff}']
    );
    check!(guest.call_split(&mut *store, "")?, Vec::<char>::new());
    // Long strings, several times: the guest's garbage collector runs during these calls, so a
    // binding that hides a pointer or frees a buffer too early shows up as a wrong char or a trap.
    let long: String = (0..200_000u32)
        .filter_map(|i| char::from_u32(i * 5 % 0x11_0000))
        .collect();
    let long_chars: Vec<char> = long.chars().collect();
    for round in 0..3 {
        let got = guest.call_split(&mut *store, &long)?;
        let first_wrong =
            (0..got.len().max(long_chars.len())).find(|&i| got.get(i) != long_chars.get(i));
        anyhow::ensure!(
            first_wrong.is_none(),
            "split of a {}-char string, round {round}: {} chars back, first difference at {:?}",
            long_chars.len(),
            got.len(),
            first_wrong.map(|i| (i, got.get(i), long_chars.get(i)))
        );
    }
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let mut want: Vec<String> = EDGES.iter().map(|c| call!("echo", c)).collect();
    want.extend(
        ['\u{d7ff}', 'a', '\u{10ffff}', '\u{ffff}']
            .iter()
            .map(|c| call!("next", c)),
    );
    check_calls(&mut store.data_mut().log, want)
}
