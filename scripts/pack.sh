#!/usr/bin/env bash
# scripts/pack.sh: builds the npm package into build/basketlift-VERSION.tgz (building the wasm
# module and the site first when missing). Install it with `npm install ./build/basketlift-VERSION.tgz`.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"
if [ ! -f build/web/engine/basketlift.wasm ] || [ ! -f build/web/engine/scalar/basketlift.wasm ]; then
  ensure_build_dependencies
  build_wasm >&2
fi
exec node scripts/pack.mjs
