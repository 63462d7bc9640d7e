//! Results nested in results and options, bare results, and results in lists, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/results-nested/test.wit" });

impl knit::results_nested::host::Host for HostState {
    fn parse(&mut self, s: String) -> Result<i64, String> {
        self.log.push(call!("parse", s));
        if s.is_empty() {
            return Err("empty".into());
        }
        s.parse().map_err(|e| format!("{e}"))
    }
    fn classify(&mut self, r: Result<Result<u8, String>, ()>) -> String {
        self.log.push(call!("classify", r));
        match r {
            Ok(Ok(x)) => format!("ok ok {x}"),
            Ok(Err(e)) => format!("ok err {e}"),
            Err(()) => "err".into(),
        }
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("results-nested", language)?)?;
    ResultsNested::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ResultsNested::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let cases: Vec<Result<Result<u32, i8>, Option<String>>> = vec![
        Ok(Ok(u32::MAX)),
        Ok(Err(i8::MIN)),
        Err(None),
        Err(Some("ß".into())),
    ];
    for r in cases {
        check!(guest.call_echo(&mut *store, r.clone())?, r);
    }
    check!(guest.call_bare(&mut *store, true)?, Ok(()));
    check!(guest.call_bare(&mut *store, false)?, Err(()));
    check!(guest.call_ok_only(&mut *store, 4)?, Ok(4));
    check!(guest.call_ok_only(&mut *store, 5)?, Err(()));
    check!(guest.call_err_only(&mut *store, 5)?, Err(5));
    let parsed = guest.call_parse_all(&mut *store, &["12".into(), "x".into(), "".into()])?;
    check!(
        parsed,
        vec![
            Ok(12),
            Err("invalid digit found in string".into()),
            Err("empty".into())
        ]
    );
    check_calls(
        &mut store.data_mut().log,
        vec![call!("parse", "12"), call!("parse", "x"), call!("parse", "")],
    )?;
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent: [Result<Result<u8, String>, ()>; 3] = [Ok(Ok(255)), Ok(Err("ë".into())), Err(())];
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("parse", "-9223372036854775808"),
            call!("parse", ""),
            call!("classify", sent[0]),
            call!("classify", sent[1]),
            call!("classify", sent[2]),
        ],
    )
}
