//! The `compose-diamond` scenario's `right` component: tags the shared counter's next value.

knit_rt::generate!({ path: "../test.wit", world: "right-side" });

use exports::knit::compose_diamond::right::Guest;
use knit::compose_diamond::counter;

struct Component;

impl Guest for Component {
    fn right() -> (String, u32) {
        ("right".to_string(), counter::next())
    }
}

export!(Component);
