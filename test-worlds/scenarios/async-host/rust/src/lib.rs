//! The `async-host` scenario's Rust guest: ordinary calls that the host serves asynchronously.

knit_rt::generate!({ path: "../test.wit" });

use knit::async_host::host;

struct Component;

impl Guest for Component {
    fn fetch_all(keys: Vec<String>) -> String {
        keys.iter()
            .map(|k| host::fetch(k).unwrap_or_else(|| "?".into()))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn double_plus_one(x: u32) -> u32 {
        host::double(x) + 1
    }
}

export!(Component);
