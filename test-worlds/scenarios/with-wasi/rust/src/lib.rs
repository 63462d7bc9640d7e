//! The `with-wasi` scenario's Rust guest: reads the WASI wall clock and does arithmetic on its type.

knit_rt::generate!({ path: "../test.wit" });

use wasi::clocks::wall_clock;

struct Component;

impl Guest for Component {
    fn now() -> Datetime {
        wall_clock::now()
    }

    fn later(t: Datetime, seconds: u64) -> Datetime {
        Datetime {
            seconds: t.seconds + seconds,
            nanoseconds: t.nanoseconds,
        }
    }
}

export!(Component);
