//! Lists of number-only records (padded, and nested), both ways: the layout guests may move as
//! whole blocks of memory, checked element by element on the host.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-of-plain-records/test.wit" });

fn sample(id: u32) -> Sample {
    Sample {
        id,
        value: f64::from(id) / 2.0,
        flag: (id % 256) as u8,
    }
}

impl knit::lists_of_plain_records::host::Host for HostState {
    fn reverse_negate(&mut self, samples: Vec<Sample>) -> Vec<Sample> {
        self.log.push(call!("reverse-negate", samples));
        samples
            .into_iter()
            .rev()
            .map(|s| Sample {
                value: -s.value,
                ..s
            })
            .collect()
    }
    fn make(&mut self, n: u32) -> Vec<Sample> {
        self.log.push(call!("make", n));
        (0..n).map(sample).collect()
    }
    fn swap_spans(&mut self, spans: Vec<Span>) -> Vec<Span> {
        self.log.push(call!("swap-spans", spans));
        spans
            .into_iter()
            .map(|s| Span {
                start: s.end,
                end: s.start,
                weight: s.weight,
            })
            .collect()
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("lists-of-plain-records", language)?)?;
    ListsOfPlainRecords::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ListsOfPlainRecords::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    let samples: Vec<Sample> = (0..50_000).map(sample).collect();
    let scaled = guest.call_scale(&mut *store, &samples, -2.0)?;
    let want: Vec<Sample> = samples
        .iter()
        .map(|s| Sample {
            id: s.id,
            value: s.value * -2.0,
            flag: s.flag.wrapping_add(1),
        })
        .collect();
    check!(scaled, want);
    check!(guest.call_scale(&mut *store, &[], 3.0)?, vec![]);
    check!(
        guest.call_sum_ids(&mut *store, &samples)?,
        (0..50_000u64).sum::<u64>()
    );
    let spans = [
        Span {
            start: sample(1),
            end: sample(u32::MAX),
            weight: 2.5,
        },
        Span {
            start: sample(3),
            end: sample(4),
            weight: 0.25,
        },
    ];
    check!(guest.call_heavy(&mut *store, &spans, 1.0)?, vec![spans[0].clone()]);
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    let sent_span = Span {
        start: sample(1),
        end: sample(2),
        weight: 0.5,
    };
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("reverse-negate", [sample(1), sample(2), sample(300)]),
            call!("make", 100_000),
            call!("make", 0),
            call!("swap-spans", [sent_span]),
        ],
    )
}
