//! The `resources-lend-to-guest` scenario's Rust guest: host resources lent to guest exports.

knit_rt::generate!({ path: "../test.wit" });

struct Component;

impl Guest for Component {
    fn borrow_token(t: &Token) -> u32 {
        t.id()
    }

    fn borrow_two(a: &Token, b: &Token) -> u32 {
        a.id() + b.id()
    }
}

export!(Component);
