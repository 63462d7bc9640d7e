//! Implements `demo:greet/greeter`.

knit_rt::generate!({ path: ["wit", "../wit"] });

struct Greeter;

impl exports::demo::greet::greeter::Guest for Greeter {
    fn greet(name: String) -> String {
        format!("Hello, {name}! (from the greeter component, composed by knit)")
    }
}

export!(Greeter);
