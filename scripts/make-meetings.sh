#!/usr/bin/env bash
# Writes N short articles, each a meeting of two made-up ministers in Paris
# (2N entities with relations), into DIR: a big graph for the drawing and
# page limits, built without any article from outside the project.
# Usage: make-meetings.sh N DIR
set -euo pipefail
n=$1 dir=$2
mkdir -p "$dir"
syl=(ka lo mi ne ru sa ti vo ze da)
for i in $(seq 0 $((n - 1))); do
  a=${syl[$((i % 10))]}${syl[$((i / 10 % 10))]}${syl[$((i / 100 % 10))]}${syl[$((i / 1000 % 10))]}
  printf 'Talks %s\n\nForeign Minister %s Varo met Defence Minister %s Lunde in Paris.\n' "$i" "${a^}" "${a^}" > "$dir/$i.txt"
done
