//! The `resources-passed-back` scenario's Rust guest: handles that return to their owner.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::resources_passed_back::jar::{self, Cookie, CookieBorrow, GuestCookie};
use knit::resources_passed_back::keys;

static LIVE: AtomicU32 = AtomicU32::new(0);

struct Component;

struct MyCookie(String);

impl GuestCookie for MyCookie {
    fn new(flavor: String) -> Self {
        LIVE.fetch_add(1, Ordering::Relaxed);
        MyCookie(flavor)
    }
}

impl Drop for MyCookie {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

impl jar::Guest for Component {
    type Cookie = MyCookie;

    fn flavor(c: CookieBorrow<'_>) -> String {
        c.get::<MyCookie>().0.clone()
    }

    fn eat(c: Cookie) -> String {
        c.get::<MyCookie>().0.clone()
    }

    fn live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }
}

impl Guest for Component {
    fn exercise() -> Result<(), String> {
        let a = keys::issue("alpha");
        let b = keys::issue("beta");
        if !keys::is_issued_as(&a, "alpha") || !keys::is_issued_as(&b, "beta") {
            return Err("the host does not recognise its own keys".into());
        }
        if keys::is_issued_as(&a, "beta") {
            return Err("the host confused two keys".into());
        }
        if a.name() != "alpha" {
            return Err(format!("key name is {}", a.name()));
        }
        let name = keys::revoke(b);
        if name != "beta" {
            return Err(format!("revoke returned {name}"));
        }
        drop(a);
        Ok(())
    }
}

export!(Component);
