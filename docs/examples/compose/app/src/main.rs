//! Prints what the greeter component says; the greeter is linked in by `cargo knit compose`.

knit_rt::generate!({ path: ["wit", "../wit"] });

fn main() {
    let who = std::env::args().nth(1).unwrap_or_else(|| "world".to_string());
    println!("{}", demo::greet::greeter::greet(&who));
}
