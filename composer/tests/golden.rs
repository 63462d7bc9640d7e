//! Golden files for the text the composer writes: the `--explain` report and
//! the Graphviz drawing. Run with `BLESS=1` to refresh `tests/golden/*`.

mod common;

use common::fixtures::*;
use knit_composer::{Composition, Input, Sharing};
use std::path::Path;

fn golden(file: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with BLESS=1", path.display()));
    pretty_assertions::assert_eq!(expected, actual);
}

#[test]
fn diamond_per_consumer_with_host_imports() {
    let composed = Composition::new()
        .sharing(Sharing::PerConsumer)
        .compose(
            Input::new("top", diamond_top()),
            vec![
                Input::new("left", diamond_side("left")),
                Input::new("right", diamond_side("right")),
                Input::new("s", diamond_shared()),
            ],
        )
        .unwrap();
    golden("diamond-per-consumer.explain.txt", &composed.explanation);
    golden("diamond-per-consumer.dot", &composed.dot);
}

#[test]
fn versions_bridged_and_merged() {
    // The unused plug is kept on purpose, so the explanation notes it.
    let composed = Composition::new()
        .allow_unused_plugs(true)
        .compose(
            Input::new("root", versioned_host_root()),
            vec![
                Input::new("pk", versioned_host_plug()),
                Input::new("unused", chain_c()),
            ],
        )
        .unwrap();
    golden("versions.explain.txt", &composed.explanation);
    golden("versions.dot", &composed.dot);
}
