//! Enums (including a case named with a Rust keyword), alone and in lists, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/enums/test.wit" });

impl knit::enums::host::Host for HostState {
    fn next(&mut self, c: Color) -> Color {
        self.log.push(call!("next", c));
        match c {
            Color::Red => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Red,
        }
    }
    fn distinct(&mut self, ls: Vec<Level>) -> Vec<Level> {
        self.log.push(call!("distinct", ls));
        let mut out: Vec<Level> = Vec::new();
        for l in [Level::Low, Level::Type, Level::High] {
            if ls.contains(&l) {
                out.push(l);
            }
        }
        out
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("enums", language)?)?;
    Enums::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Enums::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    for c in [Color::Red, Color::Green, Color::Blue] {
        check!(guest.call_echo(&mut *store, c)?, c);
    }
    check!(guest.call_name(&mut *store, Level::Type)?, "type");
    check!(guest.call_name(&mut *store, Level::High)?, "high");
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("next", Color::Red),
            call!("next", Color::Green),
            call!("next", Color::Blue),
            call!(
                "distinct",
                [Level::High, Level::Low, Level::High, Level::Type]
            ),
        ],
    )
}
