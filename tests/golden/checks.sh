# Shared by the suites of named checks (hostile.sh, cli.sh): sourced after
# `set -uo pipefail` with the suite's arguments IRGRAPH PROJECT_ROOT [CHECK ...].
# Defines irgraph, root, tmp (removed at exit, a tmpfs under it unmounted),
# fail, ig (irgraph with a 60 s timeout) and run_checks NAME, which runs the
# checks named on the command line (all check_* functions when none), each
# in a folder of its own, and exits 1 when one failed.
irgraph=$(realpath "$1")
root=$(realpath "$2")
shift 2
requested=("$@")
tmp=$(mktemp -d)
trap 'umount "$tmp"/*/tiny 2>/dev/null; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
failures=0
fail() { echo "FAIL [$check]: $1"; failures=$((failures + 1)); }
ig() { timeout 60 "$irgraph" "$@"; }

run_checks() {  # run_checks SUITE_NAME
  local checks=("${requested[@]}")
  if [ ${#checks[@]} -eq 0 ]; then
    mapfile -t checks < <(declare -F | awk '{print $3}' | grep '^check_' | sed 's/^check_//')
  fi
  for check in "${checks[@]}"; do
    mkdir "$tmp/$check" && cd "$tmp/$check" || exit 1
    "check_$check"
    cd "$tmp" || exit 1
  done
  if [ $failures -gt 0 ]; then
    echo "$1: $failures failure(s)"
    exit 1
  fi
  echo "$1: ${#checks[@]} checks passed"
}
