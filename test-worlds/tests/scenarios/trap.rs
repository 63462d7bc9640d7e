//! A guest trap is reported to the host as an error that says what happened, with the guest's own
//! message on its stderr: a Rust panic and an unrecovered Go panic (Go's runtime prints `panic: ...`
//! and aborts) both end in an `unreachable` trap. The trapped instance is then unusable, and a
//! fresh instance from the same pre-instantiated component works.

use anyhow::{Result, ensure};
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({ path: "scenarios/trap/test.wit" });

impl knit::trap::host::Host for HostState {
    fn reached(&mut self, step: String) {
        self.log.push(step);
    }
}

/// How a guest language's failed call shows: on its stderr and in the error's backtrace.
struct Failure {
    /// What the guest prints on stderr when it divides by zero.
    divide_by_zero: &'static str,
    /// Prefix of the guest's own panic message on stderr.
    panic_prefix: &'static str,
    /// Prefix of the wasm frame of the trapping export's binding, which the error's backtrace
    /// names (Go keeps function names in the module; `None` when not checked).
    export_frame: Option<&'static str>,
}

impl Failure {
    fn of(language: &str) -> Result<Failure> {
        Ok(match language {
            "rust" => Failure {
                divide_by_zero: "attempt to divide by zero",
                panic_prefix: "",
                export_frame: None,
            },
            "go" => Failure {
                divide_by_zero: "panic: runtime error: integer divide by zero",
                panic_prefix: "panic: ",
                export_frame: Some("wasmexport_"),
            },
            other => anyhow::bail!("the trap scenario does not know how `{other}` guests fail"),
        })
    }

    /// Checks that the error's backtrace names the binding of `export` (`divide`, `panic_with`).
    fn check_frame(&self, err: &wasmtime::Error, export: &str) -> Result<()> {
        if let Some(prefix) = self.export_frame {
            let frame = format!("{prefix}{export}");
            ensure!(
                format!("{err:?}").contains(&frame),
                "the error does not name the trapping export `{frame}`: {err:?}"
            );
        }
        Ok(())
    }
}

/// Checks that `err` is an `unreachable` trap: a Rust panic ends in `unreachable`, and so does Go's
/// runtime when a panic escapes an export (`runtime.abort`; an export cannot `exit`).
fn check_trap(err: &wasmtime::Error) -> Result<()> {
    let trap = err.downcast_ref::<wasmtime::Trap>().copied();
    ensure!(
        trap == Some(wasmtime::Trap::UnreachableCodeReached),
        "expected an `unreachable` trap, got {err:?}"
    );
    Ok(())
}

pub fn run(language: &str) -> Result<()> {
    let failure = Failure::of(language)?;
    let path = guest("trap", language)?;
    let mut host: Host = Host::new(&path)?;
    Trap::add_to_linker(&mut host.linker, |state| state)?;
    let pre = TrapPre::new(host.linker.instantiate_pre(&host.component)?)?;
    let guest = pre.instantiate(&mut host.store)?;
    check!(guest.call_divide(&mut host.store, 84, 2)?, 42);
    check!(host.store.data().stderr(), "");

    let err = guest
        .call_divide(&mut host.store, 1, 0)
        .expect_err("dividing by zero did not trap");
    check_trap(&err)?;
    failure.check_frame(&err, "divide")?;
    let stderr = host.store.data().stderr();
    ensure!(
        stderr.contains(failure.divide_by_zero),
        "the panic message {:?} is missing from stderr: {stderr:?}",
        failure.divide_by_zero
    );
    check!(
        host.store.data().log.clone(),
        vec!["divide 84 2".to_string(), "divide 1 0".to_string()]
    );

    // The trapped instance refuses further calls...
    ensure!(
        guest.call_divide(&mut host.store, 4, 2).is_err(),
        "a trapped instance accepted another call"
    );
    check!(host.store.data().log.len(), 2);
    // ...and a new instance in a new store starts clean.
    let mut fresh: Host = Host::new(&path)?;
    let guest = pre.instantiate(&mut fresh.store)?;
    let err = guest
        .call_panic_with(&mut fresh.store, "custom failure ✗")
        .expect_err("panic did not trap");
    check_trap(&err)?;
    failure.check_frame(&err, "panic_with")?;
    let stderr = fresh.store.data().stderr();
    let message = format!("{}custom failure ✗", failure.panic_prefix);
    ensure!(
        stderr.contains(&message),
        "the panic message {message:?} is missing from stderr: {stderr:?}"
    );
    check!(
        fresh.store.data().log.clone(),
        vec!["panic-with".to_string()]
    );
    Ok(())
}
