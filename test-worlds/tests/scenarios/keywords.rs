//! Every WIT name a Rust keyword (interface, types, fields, cases, flags, functions, parameters),
//! both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/keywords/test.wit" });

fn pick(s: &Struct, e: &Enum) -> Loop {
    match (s.r#async, e) {
        (true, _) => Loop::Yield,
        (false, Enum::Static) => Loop::Break,
        _ => Loop::Continue,
    }
}

impl knit::keywords::r#type::Host for HostState {
    fn r#impl(&mut self, r#ref: Struct, r#move: Enum) -> Loop {
        self.log.push(call!("impl", r#ref, r#move));
        pick(&r#ref, &r#move)
    }
    fn r#return(&mut self, r#dyn: Where) -> Where {
        self.log.push(call!("return", r#dyn));
        !r#dyn
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("keywords", language)?)?;
    Keywords::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Keywords::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let s = Struct {
        r#type: 9,
        r#use: "ü".into(),
        r#mod: 1,
        r#async: true,
    };
    check!(
        guest.call_match(&mut *store, s.clone(), Enum::Static)?,
        Loop::Yield
    );
    let s = Struct {
        r#async: false,
        ..s
    };
    check!(
        guest.call_match(&mut *store, s.clone(), Enum::Static)?,
        Loop::Break
    );
    check!(
        guest.call_match(&mut *store, s, Enum::Self_(1))?,
        Loop::Continue
    );
    check!(
        guest.call_while(&mut *store, Where::FN)?,
        Where::IN | Where::LET
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent = Struct {
        r#type: 1,
        r#use: "use".into(),
        r#mod: 2,
        r#async: false,
    };
    let yielding = Struct {
        r#async: true,
        ..sent.clone()
    };
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("impl", sent, Enum::Static),
            call!("impl", sent, Enum::Self_(3)),
            call!("impl", yielding, Enum::Match("m".into())),
            call!("return", Where::IN | Where::LET),
        ],
    )
}
