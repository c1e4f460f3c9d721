#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it for a bounded time.
# Usage: fuzz/run.sh [SECONDS] (default 60). Findings are written to build-fuzz/artifacts/;
# copy each to fuzz/regressions/ so that every test run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${FUZZ_BUILD:-build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
  CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCORECARD_FUZZ=ON \
    "-DSCORECARD_SANITIZE=address;undefined" -DSCORECARD_WARNINGS_AS_ERRORS=ON -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --target scorecard_fuzz
# Seeds: the bundled data, the test fixtures, the rubric and an export; new inputs go to a
# scratch corpus so that the seeds stay as they are.
corpus="$build/corpus"
mkdir -p "$corpus" "$build/artifacts"
seeds=(data/jurisdictions data/rubrics tests/e2e/fixtures fuzz/regressions)
"$build/scorecard_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$build/artifacts/" "$corpus" "${seeds[@]}" 2>&1 | tail -n 25
