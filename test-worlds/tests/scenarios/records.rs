//! Records with padding, nesting, options, a single field and empty lists, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/records/test.wit" });

use knit::records::types::Empties;

impl knit::records::host::Host for HostState {
    fn bump(&mut self, m: Mixed) -> Mixed {
        self.log.push(call!("bump", m));
        Mixed {
            a: m.a.wrapping_add(1),
            b: m.b.wrapping_add(1),
            c: m.c.wrapping_add(1),
            d: m.d + 1.0,
            e: !m.e,
            f: m.f.wrapping_add(1),
            g: char::from_u32(m.g as u32 + 1).unwrap_or(m.g),
        }
    }
    fn reverse(&mut self, l: Line) -> Line {
        self.log.push(call!("reverse", l));
        Line {
            start: l.end,
            end: l.start,
            label: l.label.map(|s| s.to_uppercase()),
        }
    }
    fn unwrap(&mut self, w: Wrapper) -> u32 {
        self.log.push(call!("unwrap", w));
        w.inner
    }
    fn echo_empties(&mut self, e: Empties) -> Empties {
        self.log.push(call!("echo-empties", e));
        e
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("records", language)?)?;
    Records::add_to_linker(&mut host.linker, |state| state)?;
    let guest = Records::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let m = Mixed {
        a: 1,
        b: u64::MAX,
        c: u16::MAX,
        d: -0.5,
        e: true,
        f: i64::MIN,
        g: '\u{10ffff}',
    };
    check!(guest.call_echo_mixed(&mut *store, m.clone())?, m);
    let line = Line {
        start: Point { x: 0.0, y: 0.0 },
        end: Point { x: 2.0, y: -4.0 },
        label: None,
    };
    check!(
        guest.call_midpoint(&mut *store, line)?,
        Point { x: 1.0, y: -2.0 }
    );
    check!(guest.call_wrap(&mut *store, 7)?, Wrapper { inner: 7 });
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent_mixed = Mixed {
        a: 255,
        b: u64::MAX,
        c: 7,
        d: 1.5,
        e: true,
        f: i64::MAX,
        g: 'y',
    };
    let sent_line = Line {
        start: Point { x: 1.0, y: 2.0 },
        end: Point { x: 3.0, y: 4.0 },
        label: Some("ab".into()),
    };
    let sent_empties = Empties {
        names: vec![],
        maybe: None,
    };
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("bump", sent_mixed),
            call!("reverse", sent_line),
            call!("unwrap", Wrapper { inner: 42 }),
            call!("echo-empties", sent_empties),
        ],
    )
}
