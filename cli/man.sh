#!/usr/bin/env bash
# Writes irgraph's man page from its own help (help2man): the program's
# --help, then every command's --help, so the page never falls behind it.
# Usage: man.sh IRGRAPH OUTPUT.1
set -euo pipefail
irgraph=$1 out=$2
include=$(mktemp)
trap 'rm -f "$include"' EXIT
{
  echo "[COMMANDS]"
  for command in $("$irgraph" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'); do
    echo ".SS $command"
    echo ".nf"
    # the command's help less its usage line (the synopsis says it); backslashes doubled for roff
    "$irgraph" "$command" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'
    echo ".fi"
    # a command's own subcommands (curate merge, ...), each with its options
    for sub in $("$irgraph" "$command" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'); do
      echo ".SS $command $sub"
      echo ".nf"
      "$irgraph" "$command" "$sub" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./'
      echo ".fi"
    done
  done
  echo "[FILES]"
  echo ".TP"
  echo ".I irgraph.db"
  echo "the graph store (SQLite) in the current folder, unless \\-\\-db names another"
  echo "[SEE ALSO]"
  echo ".BR dot (1),"
  echo ".BR neo4j-admin (1)"
} > "$include"
help2man --no-info --no-discard-stderr --section=1 \
  --name="knowledge graphs of international relations from news articles" \
  --include="$include" --output="$out" "$irgraph"
