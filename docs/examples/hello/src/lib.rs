//! The smallest knit guest: a `wasi:cli/run` command written against bindings from `generate!`.

knit_rt::generate!();

struct Hello;

impl exports::wasi::cli::run::Guest for Hello {
    fn run() -> Result<(), ()> {
        let name = std::env::args().nth(1).unwrap_or_else(|| "world".to_string());
        println!("hello, {name}, from a knit component");
        Ok(())
    }
}

export!(Hello);
