#!/usr/bin/env bash
# scripts/bench.sh [--size N] [--runs R] [--scale ORDERS]
#   Builds Basketlift (release, native and wasm), installs the peers it is measured against
#   (scripts/bench/package.json: Papa Parse, DuckDB-WASM, DuckDB's Node API; npm ci), generates
#   N orders with offers and sessions (default 1,000,000; kept in build/bench/N), runs every
#   workload R times (default 3) after a warm-up, and prints the Markdown tables that README's
#   "Performance" section shows (also written to build/bench-results.md): the measurements and
#   the targets met or missed. --scale adds the scale row: a store of ORDERS orders (four
#   tables), its full report in wasm (3000000 takes a few minutes and ~3 GB of disk). Last, the
#   false-positive rates of 2,000 A/A experiments looked at 20 times (tests/bench/bench_sequential_aa).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"

size=1000000
runs=3
scale=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    *) echo "usage: scripts/bench.sh [--size N] [--runs R] [--scale ORDERS]" >&2; exit 2 ;;
  esac
done

ensure_build_dependencies
build_native
step "Native benchmark build (preset native-bench: -march=native)"
cmake --preset native-bench -Wno-dev >/dev/null
cmake --build --preset native-bench
step "Native build by clang at wasm's vector width (preset native-clang-bench: wasm against the same code)"
cmake --preset native-clang-bench -Wno-dev >/dev/null
cmake --build --preset native-clang-bench
build_wasm
if [ ! -f scripts/bench/node_modules/.package-lock.json ] ||
   [ scripts/bench/package-lock.json -nt scripts/bench/node_modules/.package-lock.json ]; then
  step "Installing the peers (npm ci in scripts/bench)"
  (cd scripts/bench && npm ci --no-audit --no-fund)
fi
step "Benchmarks: $size orders, $runs runs each"
node scripts/bench/run.mjs "$size" "$runs" "build/bench/$size" "$scale"
step "A/A experiments under repeated looks (2,000; README \"Variance reduction (CUPED)\")"
{ echo; build/native-bench/bin/bench_sequential_aa --experiments 2000; } | tee -a build/bench-results.md
