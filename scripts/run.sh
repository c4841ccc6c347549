#!/usr/bin/env bash
# scripts/run.sh            builds what is missing and serves the dashboard on
#                           http://127.0.0.1:8080 (sample data one click away)
# scripts/run.sh FILE...    analyses files with the CLI and prints a readable summary
#                           (any `basketlift analyze` option works too, e.g. --orders F)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"

ensure_build_dependencies
if [ $# -gt 0 ]; then
  build_native >&2
  exec build/bin/basketlift analyze --summary "$@"
fi
build_wasm
exec node scripts/serve.mjs build/web "${PORT:-8080}"
