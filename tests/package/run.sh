#!/usr/bin/env bash
# Installs the native build (build/native) into build/install, checks that no installed header
# includes simdjson or Boost, then builds this folder's consumer project against the installed
# package and runs it and the installed CLI. Called by scripts/test.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rm -rf build/install build/consumer
cmake --install build/native --prefix build/install >/dev/null
if grep -rlE '#include *[<"](simdjson|boost/)' build/install/include; then
  echo "an installed header includes simdjson or Boost" >&2
  exit 1
fi
cmake -S tests/package -B build/consumer -G Ninja -DCMAKE_PREFIX_PATH="$root/build/install" >/dev/null
cmake --build build/consumer >/dev/null
version=$(node -p "require('./package.json').version")
expected="basketlift $version: 3 orders, revenue 1720.00"
got=$(build/consumer/consumer)
if [ "$got" != "$expected" ]; then
  echo "consumer printed '$got', expected '$expected'" >&2
  exit 1
fi
cli=$(cat build/consumer/cli-location.txt)
[ "$("$cli" --version)" = "basketlift $version" ]
echo "consumer: $got; installed CLI: $("$cli" --version)"
