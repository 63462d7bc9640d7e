#!/usr/bin/env bash
# knit's main job, end to end: build a Rust guest into a component with knit's bindings, then run it
# on the wasmtime embedded in knit. Needs only Rust (rustup) on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
rustup target add wasm32-wasip2 >/dev/null 2>&1 || true
cargo build --quiet -p knit-cli
knit="$CARGO_TARGET_DIR/debug/knit"
cargo build --quiet --release --target wasm32-wasip2 --manifest-path docs/examples/hello/Cargo.toml \
  --target-dir "$CARGO_TARGET_DIR/examples"
component="$CARGO_TARGET_DIR/examples/wasm32-wasip2/release/hello.wasm"
echo "built $component ($(wc -c <"$component") bytes)"
"$knit" run "$component" -- knit
