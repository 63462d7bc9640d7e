//! `build-adapters [--check]`: rebuilds knit's preview1 adapters from
//! `adapter-p1-p2/adapter/` and writes them to `adapters/*.wasm`, or with
//! `--check` fails when the carried bytes differ from a fresh build.

use knit_componentize::rebuild;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("usage: build-adapters [--check]  (unknown argument `{other}`)");
            return ExitCode::from(2);
        }
    };
    let target = rebuild::default_target_dir();
    let result = if check {
        rebuild::check_all(&target).map(|diffs| {
            for d in &diffs {
                eprintln!("differs: {d}");
            }
            diffs.is_empty()
        })
    } else {
        rebuild::write_all(&target).map(|written| {
            for (v, n) in written {
                println!(
                    "{}: {n} bytes -> {}",
                    v.name(),
                    rebuild::committed_path(v).display()
                );
            }
            true
        })
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
