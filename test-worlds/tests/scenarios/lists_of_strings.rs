//! Lists of strings (empty strings, non-ASCII, many elements), both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-of-strings/test.wit" });

impl knit::lists_of_strings::host::Host for HostState {
    fn split(&mut self, s: String, sep: String) -> Vec<String> {
        self.log.push(call!("split", s, sep));
        s.split(sep.as_str()).map(String::from).collect()
    }
    fn sorted(&mut self, mut xs: Vec<String>) -> Vec<String> {
        self.log.push(call!("sorted", xs));
        xs.sort();
        xs
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("lists-of-strings", language)?)?;
    ListsOfStrings::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ListsOfStrings::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let words: Vec<String> = ["", "α", "βγ", "🦀"].map(String::from).to_vec();
    check!(guest.call_join(&mut *store, &words, "|")?, "|α|βγ|🦀");
    check!(guest.call_join(&mut *store, &[], "|")?, "");
    let measured = guest.call_measure(&mut *store, &words)?;
    check!(
        measured,
        vec![
            (String::new(), 0),
            ("α".into(), 1),
            ("βγ".into(), 2),
            ("🦀".into(), 1)
        ]
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let many: Vec<String> = (0..500).rev().map(|i| format!("{i:04}")).collect();
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("split", "a,,bé,", ","),
            call!("split", "", ","),
            call!("sorted", many),
            call!("sorted", [""; 0]),
        ],
    )
}
