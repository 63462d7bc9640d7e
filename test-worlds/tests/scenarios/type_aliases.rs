//! Type aliases (`type id = u64`, of lists, of options) and renamed `use`s, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/type-aliases/test.wit" });

use knit::type_aliases::host::{Key, MaybeId, Names, User};

impl knit::type_aliases::host::Host for HostState {
    fn lookup(&mut self, k: Key) -> Option<User> {
        self.log.push(call!("lookup", k));
        (k == 7).then(|| User {
            id: 7,
            names: vec!["seven".into(), "sept".into()],
        })
    }
    fn find(&mut self, n: Names) -> MaybeId {
        self.log.push(call!("find", n));
        n.iter()
            .any(|name| name == "sept" || name == "seven")
            .then_some(7)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("type-aliases", language)?)?;
    TypeAliases::add_to_linker(&mut host.linker, |state| state)?;
    let guest = TypeAliases::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let people = vec![
        Person {
            id: 1,
            names: vec!["a".into()],
        },
        Person {
            id: u64::MAX,
            names: vec!["b".into(), "c".into()],
        },
    ];
    let picked: Option<Id> = guest.call_pick(&mut *store, &people)?;
    check!(picked, Some(u64::MAX));
    check!(guest.call_pick(&mut *store, &[])?, None);
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("lookup", 7),
            call!("lookup", 8),
            call!("find", ["nobody", "sept"]),
            call!("find", [""; 0]),
        ],
    )
}
