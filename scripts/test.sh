#!/usr/bin/env bash
# Builds everything (native and wasm) and runs every test: GoogleTest (also under ASan+UBSan),
# a short libFuzzer run per target, the warehouse query on PostgreSQL and DuckDB (BigQuery's and
# Snowflake's checked against goldens and parsed with sqlglot), the wasm
# module under Node (also its debug build with ASSERTIONS and SAFE_HEAP), and the dashboard in
# headless Chromium. Installs what it needs; safe to re-run. FUZZ_SECONDS (default 60) sets the
# fuzzing time per target.
#
# scripts/test.sh --quick: the day-to-day tier in a few minutes — the native build, the GoogleTest
# suites labelled "quick" (ctest -L quick), the wasm module under Node and the TypeScript
# declarations. CI runs the full suite (no argument).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"

check_types() {
  step "TypeScript declarations (report types up to date with the schema; tsc --noEmit)"
  node scripts/report-types.mjs --check
  npx --no-install tsc -p tests/types/tsconfig.json
}

if [ "${1:-}" = "--quick" ]; then
  ensure_build_dependencies
  build_native
  step "GoogleTest (native, label quick)"
  ctest --preset native -L quick -j "$(nproc)"
  build_wasm
  step "wasm module under Node"
  node --test tests/wasm/
  check_types
  step "Quick tests passed (scripts/test.sh runs them all)"
  exit 0
elif [ $# -gt 0 ]; then
  echo "usage: scripts/test.sh [--quick]" >&2
  exit 2
fi

ensure_build_dependencies
ensure_apt_packages chromium clang libclang-rt-14-dev postgresql python3-sqlglot

build_native
step "GoogleTest (native)"
ctest --preset native -j "$(nproc)"

step "Warehouse path: basketlift sql run on PostgreSQL and DuckDB, reports compared with the raw files; BigQuery and Snowflake queries checked"
node --test tests/warehouse/

step "CMake package: install, then build a project outside the tree against it"
tests/package/run.sh

step "GoogleTest under AddressSanitizer + UBSan, by clang, with the fuzz targets (build/asan)"
configure_asan
cmake --build --preset asan
ctest --preset asan -j "$(nproc)"

step "Fuzzing, ${FUZZ_SECONDS:-60} s per target"
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"

build_wasm
step "wasm module under Node"
node --test tests/wasm/

step "wasm debug build (ASSERTIONS, SAFE_HEAP) under Node"
emcmake cmake --preset wasm-debug -Wno-dev >/dev/null
cmake --build --preset wasm-debug
BASKETLIFT_WEB_DIR="$BASKETLIFT_ROOT/build/wasm-debug/web" node --test tests/wasm/

check_types

step "Dashboard in headless Chromium"
node --test --test-concurrency=1 tests/web/

step "All tests passed"
