//! A `wasi:cli/run` command printing to stdout: the host calls `run` through knit's bindings of the
//! WASI export and reads what it printed.

use super::check_calls;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/cli-run/test.wit" });

impl knit::cli_run::host::Host for HostState {
    fn greeting(&mut self) -> String {
        self.log.push(call!("greeting"));
        "hello from the host ✓".into()
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("cli-run", language)?)?;
    CliRun::add_to_linker(&mut host.linker, |state| state)?;
    let guest = CliRun::instantiate(&mut host.store, &host.component, &host.linker)?;
    check!(guest.wasi_cli_run().call_run(&mut host.store)?, Ok(()));
    check!(
        host.store.data().stdout(),
        "hello from the host ✓\nline 1\nline 2\nline 3\n"
    );
    check!(host.store.data().stderr(), "done\n");
    check_calls(&mut host.store.data_mut().log, vec![call!("greeting")])
}
