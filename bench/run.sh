#!/usr/bin/env bash
# The benchmarks, one command: builds irgraph (release), then prints
# extraction time against the length of a run without sentence ends, ingest
# throughput at 10 and 100 MB, and graph-scale figures at 10k and 100k nodes
# (1M with BENCH_1M=1) beside NetworkX on the same graph and pairs.
# Figures, not pass/fail: targets are in the project's issue tracker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DIRGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target irgraph irgraph_graph_bench irgraph_serve_load
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB"
bash bench/long_text_bench.sh "$(pwd)/build-release/irgraph" "$(pwd)" "$work"
for size in ${BENCH_SIZES:-10 100}; do
  bash bench/ingest_bench.sh "$(pwd)/build-release/irgraph" "$(pwd)" "$size" "$work"
done
bash bench/html_bench.sh "$(pwd)/build-release/irgraph" "$(pwd)" "$work"
bash bench/serve_bench.sh "$(pwd)/build-release/irgraph" "$(pwd)/build-release/bench/irgraph_serve_load" "$(pwd)" "$work"
sizes="10000 100000"
[ "${BENCH_1M:-0}" = "1" ] && sizes="$sizes 1000000"
for n in $sizes; do
  build-release/bench/irgraph_graph_bench generate "$n" 10 "$work"
  build-release/bench/irgraph_graph_bench query "$n" "$work"
  build-release/bench/irgraph_graph_bench use "$n" "$work"
  if [ "$n" -ge 1000000 ] && [ "${BENCH_PEER_1M:-0}" != "1" ]; then
    echo "networkx $n nodes: not run (NetworkX needs well over this machine's memory for 10M edges; BENCH_PEER_1M=1 forces it)"
  elif python3 -c "import networkx" 2>/dev/null; then
    python3 bench/networkx_peer.py "$work/bench-$n.graphml" "$work/pairs-$n.txt" "$n"
  else
    echo "networkx: not installed (python3 -m pip install networkx, or Debian's python3-networkx): no peer figures"
  fi
  rm -f "$work"/bench-"$n".*
done
