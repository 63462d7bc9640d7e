//! One-million-element byte lists, both ways.

use super::{Long, check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-large/test.wit" });

fn digest_of(bytes: &[u8]) -> (u32, u32) {
    (
        bytes.iter().fold(0u32, |a, b| a.wrapping_add(*b as u32)),
        bytes.len() as u32,
    )
}

impl knit::lists_large::host::Host for HostState {
    fn make(&mut self, n: u32) -> Vec<u8> {
        self.log.push(call!("make", n));
        (0..n as usize).map(|i| (i * 7 % 256) as u8).collect()
    }
    fn digest(&mut self, bytes: Vec<u8>) -> (u32, u32) {
        self.log.push(call!("digest", Long(&bytes)));
        digest_of(&bytes)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("lists-large", language)?)?;
    ListsLarge::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ListsLarge::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let bytes: Vec<u8> = (0..1_000_000u32).map(|i| (i * 13 % 256) as u8).collect();
    check!(guest.call_digest(&mut *store, &bytes)?, digest_of(&bytes));
    let inverted = guest.call_invert(&mut *store, &bytes)?;
    check!(inverted.len(), bytes.len());
    anyhow::ensure!(
        inverted.iter().zip(&bytes).all(|(a, b)| *a == !*b),
        "invert returned wrong bytes"
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
    check_calls(
        &mut store.data_mut().log,
        vec![call!("make", 1_000_000), call!("digest", Long(&sent))],
    )
}
