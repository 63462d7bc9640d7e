//! The `compose-versions` scenario's greeter: implements greetings 0.2.6 and logs each call.

knit_rt::generate!({ path: "../test.wit", world: "greeter" });

use exports::knit::greetings_v0_2_6::greet::Guest;
use knit::compose_versions::log;

struct Component;

impl Guest for Component {
    fn hello(name: String) -> String {
        log::write("greeter", &format!("hello {name}"));
        format!("Hello, {name}! (greetings 0.2.6)")
    }

    fn farewell(name: String) -> String {
        log::write("greeter", &format!("farewell {name}"));
        format!("Goodbye, {name}.")
    }
}

export!(Component);
