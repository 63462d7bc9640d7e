//! The `resources-borrow-own` scenario's Rust guest: own and borrow handles in both directions.

knit_rt::generate!({ path: "../test.wit" });

use core::sync::atomic::{AtomicU32, Ordering};
use exports::knit::resources_borrow_own::boxes::{self, BoxBorrow, GuestBox};
use knit::resources_borrow_own::tokens;

static LIVE: AtomicU32 = AtomicU32::new(0);

struct Component;

struct MyBox(String);

impl GuestBox for MyBox {
    fn new(label: String) -> Self {
        LIVE.fetch_add(1, Ordering::Relaxed);
        MyBox(label)
    }

    fn label(&self) -> String {
        self.0.clone()
    }
}

impl Drop for MyBox {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

impl boxes::Guest for Component {
    type Box = MyBox;

    fn open(b: boxes::Box) -> String {
        b.get::<MyBox>().0.clone()
    }

    fn peek(b: BoxBorrow<'_>) -> String {
        b.get::<MyBox>().0.clone()
    }

    fn live() -> u32 {
        LIVE.load(Ordering::Relaxed)
    }
}

impl Guest for Component {
    fn take_token(t: Token) -> u32 {
        t.id()
    }

    fn exercise() -> Result<(), String> {
        let t = Token::new(7);
        let peeked = tokens::peek(&t);
        if peeked != 7 || t.id() != 7 {
            return Err(format!("peek returned {peeked}"));
        }
        let consumed = tokens::consume(t);
        if consumed != 7 {
            return Err(format!("consume returned {consumed}"));
        }
        Ok(())
    }
}

export!(Component);
