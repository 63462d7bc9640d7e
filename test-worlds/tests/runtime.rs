//! Runs every runtime scenario against every guest language that takes part.
//!
//! `cargo test -p knit-test-worlds --test runtime -- basics` filters by scenario; `-- rust` by
//! language (trial names are `<scenario>::<language>`).

mod scenarios;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let trials = scenarios::ALL
        .iter()
        .flat_map(|scenario| {
            scenario.languages.iter().map(move |language| {
                let name = format!("{}::{language}", scenario.name);
                let run = scenario.run;
                Trial::test(name, move || run(language).map_err(|e| Failed::from(format!("{e:#}"))))
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
