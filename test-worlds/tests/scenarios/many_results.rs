//! Multi-value results (tuples and records) returned through memory, both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/many-results/test.wit" });

fn stats_of(name: String, xs: &[i64]) -> Stats {
    Stats {
        count: xs.len() as u32,
        min: xs.iter().copied().min().unwrap_or(0),
        max: xs.iter().copied().max().unwrap_or(0),
        mean: if xs.is_empty() {
            0.0
        } else {
            xs.iter().map(|x| *x as f64).sum::<f64>() / xs.len() as f64
        },
        first: name.chars().next(),
        name,
    }
}

impl knit::many_results::host::Host for HostState {
    fn divmod(&mut self, a: i32, b: i32) -> (i32, i32, String) {
        self.log.push(call!("divmod", a, b));
        let (q, r) = (a / b, a % b);
        (q, r, format!("{a} = {b} * {q} + {r}"))
    }
    fn compute_stats(&mut self, name: String, xs: Vec<i64>) -> Stats {
        self.log.push(call!("compute-stats", name, xs));
        stats_of(name, &xs)
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("many-results", language)?)?;
    ManyResults::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ManyResults::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    check!(
        guest.call_spread(&mut *store, 3)?,
        (3, 768, 196608, 3 << 40, -3, 1.5, 0.75, true)
    );
    check!(
        guest.call_spread(&mut *store, 0)?,
        (0, 0, 0, 0, 0, 0.0, 0.0, false)
    );
    check!(
        guest.call_compute_stats(&mut *store, "", &[])?,
        stats_of(String::new(), &[])
    );
    check!(
        guest.call_compute_stats(&mut *store, "x", &[i64::MIN, 5])?,
        stats_of("x".into(), &[i64::MIN, 5])
    );
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("divmod", -7, 2),
            call!("compute-stats", "ñame", [3, -9, i64::MAX]),
        ],
    )
}
