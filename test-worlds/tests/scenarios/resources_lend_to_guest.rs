//! Host resources lent (`borrow<token>`) to guest exports: the host keeps ownership, the guest
//! reads through the borrow and must end it before returning.

use super::check_calls;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use std::collections::BTreeMap;
use wasmtime::component::Resource;

knit_macros::host!({ path: "scenarios/resources-lend-to-guest/test.wit" });

/// Token ids by handle representation, and the reps dropped.
#[derive(Default)]
pub struct Tokens {
    ids: BTreeMap<u32, u32>,
    dropped: Vec<u32>,
}

impl knit::resources_lend_to_guest::tokens::HostToken for HostState<Tokens> {
    fn new(&mut self, id: u32) -> Resource<Token> {
        self.log.push(call!("token.new", id));
        let rep = self.data.ids.len() as u32 + 1;
        self.data.ids.insert(rep, id);
        Resource::new_own(rep)
    }
    fn id(&mut self, token: Resource<Token>) -> u32 {
        let id = self.data.ids.get(&token.rep()).copied();
        self.log.push(match id {
            Some(id) => format!("token.id(token {id})"),
            None => format!("token.id(unknown token, rep {})", token.rep()),
        });
        id.unwrap_or(u32::MAX)
    }
    fn drop(&mut self, token: Resource<Token>) -> wasmtime::Result<()> {
        self.data.dropped.push(token.rep());
        Ok(())
    }
}

impl knit::resources_lend_to_guest::tokens::Host for HostState<Tokens> {}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Tokens> = Host::new(&guest("resources-lend-to-guest", language)?)?;
    ResourcesLendToGuest::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResourcesLendToGuest::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    store.data_mut().data.ids.extend([(1, 40), (2, 2)]);
    check!(
        guest.call_borrow_token(&mut *store, Resource::new_borrow(1))?,
        40
    );
    check!(
        guest.call_borrow_two(
            &mut *store,
            Resource::new_borrow(1),
            Resource::new_borrow(2)
        )?,
        42
    );
    // Lending never transfers ownership: the host's destructor must not have run.
    check!(store.data().data.dropped.clone(), Vec::<u32>::new());
    // The guest read each lent token once, through the borrow, and did nothing else with it.
    check_calls(
        &mut store.data_mut().log,
        vec![
            "token.id(token 40)".into(),
            "token.id(token 40)".into(),
            "token.id(token 2)".into(),
        ],
    )
}
