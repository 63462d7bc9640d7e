#!/usr/bin/env bash
# Runs knit's benchmarks side by side with the tools knit replaces, printing ratios. The anchor tools
# are optional: install them with `cargo install --locked wasmtime-cli@48.0.8 wit-bindgen-cli wac-cli`
# and each comparison row appears. Never part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
cargo build --release -p cargo-knit --no-default-features
export KNIT="$CARGO_TARGET_DIR/release/knit"
cargo bench -p knit-bindgen-rust --bench bindgen
for bench in composer/benches/*.rs; do
  [ -e "$bench" ] && cargo bench -p knit-composer --bench "$(basename "$bench" .rs)"
done
cargo bench -p knit-test-worlds --bench calls
cargo bench -p knit-test-worlds --bench go_size
# JavaScript components: knit build-js beside componentize-js, jco and componentize-qjs.
bash test-worlds/bench/js.sh
