//! The `compose-diamond` scenario's `left` component: tags the shared counter's next value.

knit_rt::generate!({ path: "../test.wit", world: "left-side" });

use exports::knit::compose_diamond::left::Guest;
use knit::compose_diamond::counter;

struct Component;

impl Guest for Component {
    fn left() -> (String, u32) {
        ("left".to_string(), counter::next())
    }
}

export!(Component);
