#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: CTest
# (doctest units, golden CLI tests, store crash/concurrency tests, the
# extraction score floor), then each libFuzzer target for a bounded time
# (FUZZ_SECONDS, default 30; 0 skips fuzzing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
if [ "${FUZZ_SECONDS:-30}" != "0" ]; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-30} bash scripts/fuzz.sh
fi
