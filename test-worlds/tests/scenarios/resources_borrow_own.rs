//! Own and borrow handles both ways: host tokens given to the guest by value (the guest drops them); guest boxes given to the guest's functions by value and by borrow; a token the
//! guest creates handed to the host by borrow and then by value.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};
use std::collections::BTreeMap;
use wasmtime::component::Resource;

knit_macros::host!({ path: "scenarios/resources-borrow-own/test.wit" });

use knit::resources_borrow_own::tokens::{Host as TokensHost, HostToken};

/// The host's tokens, by handle representation.
#[derive(Default)]
pub struct Tokens {
    ids: BTreeMap<u32, u32>,
    next_rep: u32,
    dropped: Vec<u32>,
    consumed: Vec<u32>,
}

impl Tokens {
    fn make_token(&mut self, id: u32) -> u32 {
        self.next_rep += 1;
        self.ids.insert(self.next_rep, id);
        self.next_rep
    }

    /// How the host's record names the token behind `rep`.
    fn label(&self, rep: u32) -> String {
        match self.ids.get(&rep) {
            Some(id) => format!("token {id}"),
            None => format!("unknown token (rep {rep})"),
        }
    }
}

impl HostToken for HostState<Tokens> {
    fn new(&mut self, id: u32) -> Resource<Token> {
        self.log.push(call!("token.new", id));
        Resource::new_own(self.data.make_token(id))
    }
    fn id(&mut self, token: Resource<Token>) -> u32 {
        let label = self.data.label(token.rep());
        self.log.push(format!("token.id({label})"));
        self.data.ids.get(&token.rep()).copied().unwrap_or(u32::MAX)
    }
    fn drop(&mut self, token: Resource<Token>) -> wasmtime::Result<()> {
        let label = self.data.label(token.rep());
        self.log.push(format!("token.drop({label})"));
        self.data
            .ids
            .remove(&token.rep())
            .ok_or_else(|| wasmtime::format_err!("dropped an unknown token"))?;
        self.data.dropped.push(token.rep());
        Ok(())
    }
}

impl TokensHost for HostState<Tokens> {
    fn consume(&mut self, token: Resource<Token>) -> u32 {
        let label = self.data.label(token.rep());
        self.log.push(format!("consume({label})"));
        self.data.consumed.push(token.rep());
        self.data.ids.remove(&token.rep()).unwrap_or(u32::MAX)
    }
    fn peek(&mut self, token: Resource<Token>) -> u32 {
        let label = self.data.label(token.rep());
        self.log.push(format!("peek({label})"));
        self.data.ids.get(&token.rep()).copied().unwrap_or(u32::MAX)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host<Tokens> = Host::new(&guest("resources-borrow-own", language)?)?;
    ResourcesBorrowOwn::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResourcesBorrowOwn::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;

    // (Host → guest by borrow is scenario `resources-lend-to-guest`.)
    let rep = store.data_mut().data.make_token(41);
    // Host → guest, by value: the guest drops it, which calls the host's destructor.
    check!(
        guest.call_take_token(&mut *store, Resource::new_own(rep))?,
        41
    );
    check!(store.data().data.dropped.clone(), vec![rep]);
    check_calls(
        &mut store.data_mut().log,
        vec!["token.id(token 41)".into(), "token.drop(token 41)".into()],
    )?;

    // Guest boxes, given back to their owner by borrow and by value.
    let boxes = guest.knit_resources_borrow_own_boxes();
    let b = boxes.r#box().call_constructor(&mut *store, "ünder")?;
    check!(boxes.call_live(&mut *store)?, 1);
    check!(boxes.call_peek(&mut *store, b)?, "ünder");
    check!(boxes.r#box().call_label(&mut *store, b)?, "ünder");
    check!(boxes.call_live(&mut *store)?, 1);
    check!(boxes.call_open(&mut *store, b)?, "ünder");
    check!(boxes.call_live(&mut *store)?, 0);

    // Guest → host: a guest-made token peeked by borrow, then consumed by value.
    guest_ok("exercise", guest.call_exercise(&mut *store)?)?;
    check!(store.data().data.consumed.len(), 1);
    check!(store.data().data.ids.len(), 0);
    check_calls(
        &mut store.data_mut().log,
        vec![
            "token.new(7)".into(),
            "peek(token 7)".into(),
            "token.id(token 7)".into(),
            "consume(token 7)".into(),
        ],
    )
}
