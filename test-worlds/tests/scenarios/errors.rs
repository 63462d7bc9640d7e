//! Errors as `result::err` both ways. The host serves `read` with `typed_errors` (its method returns
//! `Result<String, TypedError<FsError>>`): `TypedError::Error` reaches the guest as `err`, and
//! `TypedError::Trap` traps it with the host's message.

use super::{check_calls, guest_ok};
use anyhow::{Result, ensure};
use knit_test_worlds::{Host, HostState, guest};

knit_macros::host!({
    path: "scenarios/errors/test.wit",
    typed_errors: ["knit:errors/host#read"],
});

impl knit::errors::host::Host for HostState {
    fn read(&mut self, path: String) -> Result<String, TypedError<FsError>> {
        self.log.push(call!("read", path));
        match path.as_str() {
            "/hello" => Ok("hi there".into()),
            "/secret" => Err(TypedError::Error(FsError::Denied)),
            "/crash" => Err(wasmtime::format_err!("the host refused to read {path}").into()),
            _ => Err(TypedError::Error(FsError::NotFound(path))),
        }
    }
    fn check_size(&mut self, n: u64) -> Result<u64, FsError> {
        self.log.push(call!("check-size", n));
        if n <= 1000 {
            Ok(n)
        } else {
            Err(FsError::TooBig(n))
        }
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new(&guest("errors", language)?)?;
    Errors::add_to_linker(&mut host.linker, |state| state)?;
    let pre = ErrorsPre::new(host.linker.instantiate_pre(&host.component)?)?;
    let guest = pre.instantiate(&mut host.store)?;
    let store = &mut host.store;
    check!(guest.call_validate(&mut *store, "")?, Err(FsError::Denied));
    check!(
        guest.call_validate(&mut *store, "much-too-long")?,
        Err(FsError::TooBig(13))
    );
    check!(
        guest.call_validate(&mut *store, "fine")?,
        Ok("fine".to_string())
    );
    check!(guest.call_read_len(&mut *store, "/hello")?, Ok(8));
    check!(
        guest.call_read_len(&mut *store, "/x")?,
        Err(FsError::NotFound("/x".into()))
    );
    check_calls(
        &mut store.data_mut().log,
        vec![call!("read", "/hello"), call!("read", "/x")],
    )?;
    guest_ok("check-imports", guest.call_check_imports(&mut *store)?)?;
    check_calls(
        &mut store.data_mut().log,
        vec![
            call!("read", "/hello"),
            call!("read", "/nope"),
            call!("read", "/secret"),
            call!("check-size", 1000),
            call!("check-size", u64::MAX),
        ],
    )?;

    // A host trap through the typed error: the call fails with the host's message.
    let err = guest
        .call_read_len(&mut *store, "/crash")
        .expect_err("a host trap did not fail the call");
    ensure!(
        format!("{err:?}").contains("the host refused to read /crash"),
        "unexpected error: {err:?}"
    );
    check_calls(&mut store.data_mut().log, vec![call!("read", "/crash")])
}
