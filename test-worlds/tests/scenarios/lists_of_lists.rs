//! Lists of lists (two and three levels, of numbers and strings), both ways.

use super::{check_calls, guest_ok};
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/lists-of-lists/test.wit" });

impl knit::lists_of_lists::host::Host for HostState {
    fn transpose(&mut self, m: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        self.log.push(call!("transpose", m));
        let width = m.first().map_or(0, Vec::len);
        (0..width)
            .map(|c| m.iter().map(|row| row[c]).collect())
            .collect()
    }
    fn join_each(&mut self, groups: Vec<Vec<String>>, sep: String) -> Vec<String> {
        self.log.push(call!("join-each", groups, sep));
        groups.iter().map(|g| g.join(&sep)).collect()
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("lists-of-lists", language)?)?;
    ListsOfLists::add_to_linker(&mut host.linker, |state| state)?;
    let guest = ListsOfLists::instantiate(&mut host.store, &host.component, &host.linker)?;
    let store = &mut host.store;
    check!(
        guest.call_flatten(&mut *store, &[vec![1], vec![], vec![2, 3]])?,
        vec![1, 2, 3]
    );
    check!(guest.call_flatten(&mut *store, &[])?, Vec::<u32>::new());
    check!(
        guest.call_triangle(&mut *store, 3)?,
        vec![vec![0], vec![0, 1], vec![0, 1, 2]]
    );
    let deep = vec![vec![vec![1u8, 2], vec![]], vec![], vec![vec![255]]];
    check!(guest.call_echo_deep(&mut *store, &deep)?, deep);
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("transpose", [[1, 2, 3], [4, 5, 6]]),
            call!("transpose", [[0; 0]; 0]),
            call!("join-each", [vec!["a", "b"], vec![], vec!["ü"]], "–"),
        ],
    )
}
