#!/usr/bin/env bash
# JavaScript components, side by side: one guest (the compose-polyglot scenario's relay, a
# TypeScript module, and the basics scenario's JavaScript guest) built by `knit build-js` with each
# engine and by the engines' own command lines (componentize-js, jco componentize, componentize-qjs)
# from the same pinned install knit uses. Prints build time (hyperfine, when installed: `apt-get
# install hyperfine`), component size and ratios; then the size of the composed polyglot example.
#
# Like for like: every tool gets the same WIT and world and leaves out the same WASI features
# (`http` and `fetch-event`, which knit leaves out for worlds without wasi:http). knit's time also
# includes loading and flattening the WIT, the syntax and export checks and, for TypeScript, `tsc`;
# jco's also includes its bundler (automatic for TypeScript), so the TypeScript row compares
# jco's bundling + componentize with knit's tsc + componentize. QuickJS runs with its sync runtime
# (`sync`) in both knit and its own CLI (`--sync`).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
cargo build --quiet --release -p cargo-knit --no-default-features
KNIT="$CARGO_TARGET_DIR/release/knit"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The pinned engines, installed by knit on first use.
"$KNIT" build-js test-worlds/scenarios/basics/js/index.js --wit test-worlds/scenarios/basics/test.wit \
  -o "$work/warm.wasm" 2>/dev/null
engines=$(ls -d "${KNIT_CACHE_DIR:-$HOME/.cache/knit}"/js-engines/*/ | head -1)
bin="$engines/node_modules/.bin"

basics_wit=test-worlds/scenarios/basics/test.wit
basics_js=test-worlds/scenarios/basics/js/index.js
poly_wit=test-worlds/scenarios/compose-polyglot/test.wit
poly_ts=test-worlds/scenarios/compose-polyglot/js/index.ts

time_it() { # name, command...: mean seconds over 3 runs (one warm-up)
  local name=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs 3 --export-json "$work/$name.json" "$*" >/dev/null
    python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['mean'], 2))" "$work/$name.json"
  else
    local start end
    start=$(date +%s.%N); eval "$*" >/dev/null 2>&1; end=$(date +%s.%N)
    python3 -c "print(round($end - $start, 2))"
  fi
}

row() { # label, knit seconds, knit bytes, other label, other seconds, other bytes
  python3 - "$@" <<'PY'
import sys
label, ks, kb, other, os_, ob = sys.argv[1:]
ks, kb, os_, ob = float(ks), int(kb), float(os_), int(ob)
print(f"| {label} | {ks:.2f} s, {kb/2**20:.2f} MiB | {other}: {os_:.2f} s, {ob/2**20:.2f} MiB | "
      f"time {ks/os_:.2f}x, size {kb/ob:.3f}x |")
PY
}

size() { stat -c %s "$1"; }

echo "| guest, engine | knit build-js | the engine's own CLI | knit / CLI |"
echo "| --- | --- | --- | --- |"

t1=$(time_it knit-sm "$KNIT build-js $basics_js --wit $basics_wit -o $work/k-sm.wasm 2>/dev/null")
t2=$(time_it cjs "node $bin/componentize-js $basics_js --wit $basics_wit --world-name basics -d http fetch-event -o $work/c-sm.wasm")
row "basics.js, StarlingMonkey" "$t1" "$(size "$work/k-sm.wasm")" "componentize-js" "$t2" "$(size "$work/c-sm.wasm")"

t3=$(time_it jco "node $bin/jco componentize $basics_js --wit $basics_wit --world-name basics -d http fetch-event -o $work/j-sm.wasm")
row "basics.js, StarlingMonkey" "$t1" "$(size "$work/k-sm.wasm")" "jco componentize" "$t3" "$(size "$work/j-sm.wasm")"

t4=$(time_it knit-ts "$KNIT build-js $poly_ts --wit $poly_wit --world js-side -o $work/k-ts.wasm 2>/dev/null")
t5=$(time_it jco-ts "node $bin/jco componentize $poly_ts --wit $poly_wit --world-name js-side -d http fetch-event -o $work/j-ts.wasm")
row "relay.ts, StarlingMonkey" "$t4" "$(size "$work/k-ts.wasm")" "jco componentize" "$t5" "$(size "$work/j-ts.wasm")"

t6=$(time_it knit-qjs "$KNIT build-js $basics_js --wit $basics_wit --engine quickjs -o $work/k-qjs.wasm 2>/dev/null")
t7=$(time_it qjs "node $bin/componentize-qjs --wit $basics_wit --js $basics_js --sync -o $work/q.wasm")
row "basics.js, QuickJS" "$t6" "$(size "$work/k-qjs.wasm")" "componentize-qjs" "$t7" "$(size "$work/q.wasm")"

echo
echo "Composed polyglot example (Rust app + JavaScript + Go, release):"
(cd docs/examples/polyglot/app && PATH="$CARGO_TARGET_DIR/release:$PATH" \
  CARGO_TARGET_DIR="$CARGO_TARGET_DIR/examples" cargo knit compose --release 2>&1 | grep -E "Component|Composed")
