#!/usr/bin/env bash
# One-off before/after of a Go generator change in the calls benchmark: generates the Go bindings of
# `bench/wit` with knit at an older commit (default f34f5af, the last commit before Go lists of
# canonical-layout records moved as one block of memory), then runs the calls benchmark with
# KNIT_BENCH_GO_BINDINGS pointing at them. The benchmark builds the same Go guest
# (`bench/go-guest`) twice, with today's bindings and with the old ones (same Go, same `go build`,
# same adapter and componentizing), and prints both instruction counts in its second table.
#
#   bash test-worlds/bench/go-before.sh [COMMIT]
#
# The old commit is built in a temporary git worktree with its own target folder
# (OLD_TARGET_DIR, default /tmp/old-target), never the shared one, and the worktree and the
# old bindings are removed on exit. Nothing generated here is meant to be committed.
set -euo pipefail
old="${1:-f34f5af}"
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/knit/target}"
old_target="${OLD_TARGET_DIR:-/tmp/old-target}"
work="$(mktemp -d)"
cleanup() {
  git worktree remove --force "$work/knit" 2>/dev/null || true
  rm -rf "$work"
  git worktree prune
}
trap cleanup EXIT
git worktree add --detach "$work/knit" "$old"
(cd "$work/knit" && CARGO_TARGET_DIR="$old_target" cargo build -p cargo-knit)
# The options knit_guest_build::go (and the old `knit build-go`) use: import path
# `<module>/bindings`, every feature gate on, no stubs.
mkdir -p "$work/module"
cp test-worlds/bench/go-guest/go.mod "$work/module/"
"$old_target/debug/knit" bindgen go test-worlds/bench/wit --all-features \
  --import-path knit.bench/calls/bindings --out-dir "$work/module/bindings"
KNIT_BENCH_GO_BINDINGS="$work/module/bindings" cargo bench -p knit-test-worlds --bench calls
