//! 1 MiB strings, both ways.

use super::{Long, check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/strings-large/test.wit" });

fn digest_of(s: &str) -> (u32, u32) {
    (
        s.bytes().fold(0u32, |a, b| a.wrapping_add(b as u32)),
        s.len() as u32,
    )
}

impl knit::strings_large::host::Host for HostState {
    fn make(&mut self, pattern: String, n: u32) -> String {
        self.log.push(call!("make", pattern, n));
        let mut s = pattern.repeat(n as usize / pattern.len().max(1) + 1);
        let mut cut = n as usize;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s
    }
    fn digest(&mut self, s: String) -> (u32, u32) {
        self.log.push(call!("digest", Long(s.as_bytes())));
        digest_of(&s)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("strings-large", language)?)?;
    StringsLarge::add_to_linker(&mut host.linker, |state| state)?;
    let guest = StringsLarge::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let mib = "ab✓d".repeat((1 << 20) / 6);
    check!(guest.call_digest(&mut *store, &mib)?, digest_of(&mib));
    let big = guest.call_repeat(&mut *store, "0123456789abcdef", 1 << 16)?;
    check!(big.len(), 1 << 20);
    check!(
        digest_of(&big),
        digest_of(&"0123456789abcdef".repeat(1 << 16))
    );
    check!(guest.call_repeat(&mut *store, "x", 0)?, "");
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent = "xyz€".repeat((1 << 20) / 6);
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("make", "äbc", 1 << 20),
            call!("digest", Long(sent.as_bytes())),
        ],
    )
}
