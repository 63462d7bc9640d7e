//! The `hard-several-names` scenario's Rust guest: one interface imported under three names (each
//! its own module, types and resource) and exported under a fourth.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::backup::{self, Bucket, GuestBucket};
use knit::hard_several_names::store;

/// How many of the guest's own buckets are alive.
static LIVE: AtomicU32 = AtomicU32::new(0);

struct MyBucket(String);

impl GuestBucket for MyBucket {
    fn name(&self) -> String {
        format!("backup/{}", self.0)
    }

    fn get(&self, key: String) -> Result<Option<Vec<u8>>, backup::Error> {
        match key.as_str() {
            "nope" => Ok(None),
            "err" => Err(backup::Error::Missing(key)),
            _ => Ok(Some(format!("backup/{}/{key}", self.0).into_bytes())),
        }
    }
}

impl Drop for MyBucket {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

struct Component;

impl backup::Guest for Component {
    type Bucket = MyBucket;

    fn open(name: String) -> Result<Bucket, backup::Error> {
        match name.as_str() {
            "nope" => Err(backup::Error::Missing(name)),
            "" => Err(backup::Error::Other),
            _ => {
                LIVE.fetch_add(1, Ordering::Relaxed);
                Ok(Bucket::new(MyBucket(name)))
            }
        }
    }

    fn get(key: String) -> Option<String> {
        (key != "nope").then(|| format!("backup:{key}"))
    }
}

/// `some(V)` or `none`.
fn opt(o: Option<String>) -> String {
    o.map_or("none".into(), |v| format!("some({v})"))
}

/// The same lines for each import: its functions, then a bucket's methods, and the bucket itself
/// (kept alive so the buckets of all three are alive at once).
macro_rules! use_store {
    ($lines:ident, $label:literal, $m:ident) => {{
        let error = |e: $m::Error| match e {
            $m::Error::Missing(name) => format!("missing({name})"),
            $m::Error::Other => "other".to_string(),
        };
        $lines.push(format!("{}.get(k) = {}", $label, opt($m::get("k"))));
        $lines.push(format!("{}.get(nope) = {}", $label, opt($m::get("nope"))));
        for name in ["nope", ""] {
            let got = match $m::open(name) {
                Ok(_) => "ok".to_string(),
                Err(e) => format!("err({})", error(e)),
            };
            $lines.push(format!("{}.open({name}) = {got}", $label));
        }
        let bucket = $m::open("b").map_err(error);
        let bucket = bucket.expect("open(b) succeeds");
        $lines.push(format!("{} bucket.name() = {}", $label, bucket.name()));
        for key in ["k", "nope", "err"] {
            let got = match bucket.get(key) {
                Ok(Some(bytes)) => format!("ok(some({}))", String::from_utf8_lossy(&bytes)),
                Ok(None) => "ok(none)".to_string(),
                Err(e) => format!("err({})", error(e)),
            };
            $lines.push(format!("{} bucket.get({key}) = {got}", $label));
        }
        bucket
    }};
}

impl Guest for Component {
    fn backup_live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }

    fn exercise() -> Vec<String> {
        let mut lines = Vec::new();
        let p = use_store!(lines, "primary", primary);
        let s = use_store!(lines, "secondary", secondary);
        let d = use_store!(lines, "store", store);
        // Every bucket is still its own instance's after the others were made.
        lines.push(format!("names: {}, {}, {}", p.name(), s.name(), d.name()));
        drop(s);
        drop(p);
        drop(d);
        lines
    }
}

export!(Component);
