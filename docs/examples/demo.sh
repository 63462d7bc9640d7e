#!/usr/bin/env bash
# knit's main job, end to end, needing only Rust (rustup) on the machine:
#  1. build two Rust crates into components with `cargo knit` (knit's bindings, knit's build),
#  2. compose them: the `app` command imports the interface the `greeter` library exports,
#  3. run the composed component on the wasmtime embedded in knit.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
rustup target add wasm32-wasip2 >/dev/null 2>&1 || true
cargo build --quiet -p knit-cli
export PATH="$CARGO_TARGET_DIR/debug:$PATH"
cd docs/examples/compose/app
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/examples" cargo knit compose --release --run -- knit
