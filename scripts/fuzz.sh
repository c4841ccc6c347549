#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...]
#   Builds the libFuzzer targets (clang, ASan + UBSan; preset "asan", which also builds the
#   GoogleTest suite that scripts/test.sh runs under the sanitizers) and runs each for
#   SECONDS (default 60), as many at once as there are cores: csv, json, mapper, pipeline
#   (default: all). The corpus grows in build/fuzz/corpus/<target>, starting from
#   tests/fuzz/seeds/<target>. A crash stops that target with the input saved in
#   build/fuzz/artifacts/<target>/; make it a regression test by copying it to
#   tests/fuzz/regressions/<target>/<what-it-found> (replayed by the GoogleTest suite).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$BASKETLIFT_ROOT"

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv json mapper pipeline)

ensure_build_dependencies
ensure_apt_packages clang libclang-rt-14-dev
step "Fuzz targets (build/asan/bin)"
configure_asan
cmake --build --preset asan --target fuzz_csv fuzz_json fuzz_mapper fuzz_pipeline

# One fuzzer a core at once: each libFuzzer process runs on one core.
fuzz_one() {
  local target="$1" corpus="build/fuzz/corpus/$1" artifacts="build/fuzz/artifacts/$1"
  mkdir -p "$corpus" "$artifacts"
  cp -n tests/fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  # -rss_limit_mb: a run that needs more is a finding (memory blow-up), like a crash.
  build/asan/bin/"fuzz_$target" "$corpus" -max_total_time="$seconds" -max_len=16384 -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" 2> "build/fuzz/$target.log"
}

step "Fuzzing ${targets[*]} for ${seconds} s each, $(nproc) at once"
declare -A pid_of
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do wait -n || true; done
  fuzz_one "$target" &
  pid_of[$target]=$!
done

status=0
for target in "${targets[@]}"; do
  if wait "${pid_of[$target]}"; then
    echo "fuzz_$target: no problem found"
  else
    status=1
    echo "fuzz_$target FOUND A PROBLEM: see build/fuzz/$target.log and build/fuzz/artifacts/$target/" >&2
  fi
  grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)|cov:" "build/fuzz/$target.log" | tail -3 || true
done
exit $status
