//! The `cli-run` scenario's Rust guest: a `wasi:cli/run` command that prints to stdout.

knit_rt::generate!({ path: "../test.wit" });

use knit::cli_run::host;

struct Component;

impl exports::wasi::cli::run::Guest for Component {
    fn run() -> Result<(), ()> {
        let greeting = host::greeting();
        println!("{greeting}");
        for i in 1..=3 {
            println!("line {i}");
        }
        eprintln!("done");
        Ok(())
    }
}

export!(Component);
