//! The `compose-versions` scenario's root: written against greetings 0.2.3, composed with a
//! greeter that implements 0.2.6.

knit_rt::generate!({ path: "../test.wit", world: "app" });

use knit::compose_versions::log;
use knit::greetings_v0_2_3::greet;

struct Component;

impl Guest for Component {
    fn run(name: String) -> String {
        log::write("app", &format!("run {name}"));
        greet::hello(&name)
    }
}

export!(Component);
