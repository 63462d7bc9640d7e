//! Strings: empty, ASCII, non-ASCII and embedded NUL, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/strings/test.wit" });

impl knit::strings::host::Host for HostState {
    fn reverse(&mut self, s: String) -> String {
        self.log.push(call!("reverse", s));
        s.chars().rev().collect()
    }
    fn concat(&mut self, s: String, suffix: String) -> String {
        self.log.push(call!("concat", s, suffix));
        s + &suffix
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("strings", language)?)?;
    Strings::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Strings::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for s in [
        "",
        "a",
        "with\0nul",
        "grüße",
        "日本語",
        "🎉🦀",
        "\u{10ffff}",
    ] {
        check!(guest.call_echo(&mut *store, s)?, s);
        check!(
            guest.call_lengths(&mut *store, s)?,
            (s.len() as u32, s.chars().count() as u32)
        );
    }
    check!(guest.call_upper(&mut *store, "straße")?, "STRASSE");
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("reverse", ""),
            call!("reverse", "abc"),
            call!("reverse", "žluťoučký"),
            call!("reverse", "日本語🎉"),
            call!("concat", "", ""),
            call!("concat", "a\0b", "ü"),
        ],
    )
}
