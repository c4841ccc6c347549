#!/usr/bin/env bash
# scripts/generate.sh --orders N --seed S --format csv|json|ndjson|ga4 --out DIR [--shopify] [--clean]
# Writes a sample store with planted truths (answers.json beside the data). Builds the
# generator first when needed.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"
if [ ! -x build/bin/basketlift-generate ]; then
  ensure_build_dependencies
  build_native >&2
fi
exec build/bin/basketlift-generate "$@"
