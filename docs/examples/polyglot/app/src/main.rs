//! Prints the report the JavaScript component renders, with the Go component's statistics inside.

knit_rt::generate!({ path: "../wit", world: "app" });

fn main() {
    let title = std::env::args().nth(1).unwrap_or_else(|| "knit".to_string());
    let values = [3.0, 1.5, 4.0, 1.0, 5.5];
    println!("Rust: app asks the JavaScript report for {} values", values.len());
    for line in demo::polyglot::report::render(&title, &values) {
        println!("{line}");
    }
}
