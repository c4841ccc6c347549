#!/usr/bin/env bash
# Builds everything (native and wasm) and runs every test: GoogleTest, the wasm module under
# Node, and the dashboard in headless Chromium. Installs what it needs; safe to re-run.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"
started=$SECONDS

ensure_build_dependencies
ensure_apt_packages chromium

build_native
step "GoogleTest (native)"
ctest --preset native -j "$(nproc)"

build_wasm
step "wasm module under Node"
node --test tests/wasm/

step "TypeScript declarations (tsc --noEmit)"
npx --no-install tsc -p tests/types/tsconfig.json

step "Dashboard in headless Chromium"
node --test --test-concurrency=1 tests/web/

step "All tests passed in $((SECONDS - started)) s"
