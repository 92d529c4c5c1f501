#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan into build-fuzz/ and
# runs each for FUZZ_SECONDS (default 60) on its committed corpus in
# fuzz/corpus/<target>/. Fails on any crash, hang or sanitizer report.
# New inputs found go to build-fuzz/corpus-new/<target>/ (merge them into
# fuzz/corpus with -merge=1 when they add coverage).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIRGRAPH_FUZZ=ON -DIRGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_text fuzz_jsonl fuzz_extract fuzz_merge
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in text jsonl extract merge; do
  mkdir -p "build-fuzz/corpus-new/$t"
  echo "fuzz: $t for ${seconds}s"
  "build-fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build-fuzz/crash-$t-" "build-fuzz/corpus-new/$t" "fuzz/corpus/$t" 2>&1 | tail -n 3
done
echo "fuzz: 4 targets, ${seconds}s each: no crash, hang or sanitizer report"
