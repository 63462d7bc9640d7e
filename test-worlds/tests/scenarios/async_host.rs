//! Async bindings: `fetch` is an async host function (its future is pending once), every export is
//! called with `call_async`, and the component is instantiated with `instantiate_async`.

use super::check_calls;
use anyhow::Result;
use knit_test_worlds::{Host, HostState, block_on, guest};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

knit_macros::host!({
    path: "scenarios/async-host/test.wit",
    async: ["knit:async-host/host#fetch", "fetch-all", "double-plus-one"],
});

/// A future that is pending once, then ready.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

impl knit::async_host::host::Host for HostState {
    async fn fetch(&mut self, key: String) -> Option<String> {
        YieldOnce(false).await;
        self.log.push(call!("fetch", key));
        match key.as_str() {
            "a" => Some("alpha".into()),
            "b" => Some("βeta".into()),
            _ => None,
        }
    }
    fn double(&mut self, x: u32) -> u32 {
        self.log.push(call!("double", x));
        x * 2
    }
}

pub fn run(language: &str) -> Result<()> {
    let mut host: Host = Host::new_async(&guest("async-host", language)?)?;
    AsyncHost::add_to_linker(&mut host.linker, |state| state)?;
    block_on(async {
        let guest =
            AsyncHost::instantiate_async(&mut host.store, &host.component, &host.linker).await?;
        let joined = guest
            .call_fetch_all(&mut host.store, &["a".into(), "zz".into(), "b".into()])
            .await?;
        check!(joined, "alpha,?,βeta");
        check_calls(
            &mut host.store.data_mut().log,
            vec![call!("fetch", "a"), call!("fetch", "zz"), call!("fetch", "b")],
        )?;
        check!(guest.call_double_plus_one(&mut host.store, 20).await?, 41);
        check_calls(&mut host.store.data_mut().log, vec![call!("double", 20)])
    })?
}
