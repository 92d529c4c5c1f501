#!/usr/bin/env bash
# What a user installs: `cmake --install` puts the program, its man page and
# its bash completion in place and they work from there; `cpack` makes a
# Debian package with its library dependencies, and (as root, on a machine
# without irgraph installed, as in CI) that package installs with dpkg, runs
# the samples from /usr/bin and uninstalls cleanly.
# Usage: package.sh BUILD_DIR PROJECT_ROOT
set -uo pipefail
build=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package: $1"; exit 1; }
cd "$tmp"

cmake --install "$build" --prefix "$tmp/prefix" > install.log 2>&1 || fail "cmake --install failed: $(tail -3 install.log)"
bin="$tmp/prefix/bin/irgraph"
[ -x "$bin" ] || fail "no bin/irgraph installed"
"$bin" -V | grep -q "^irgraph [0-9]" || fail "the installed irgraph prints no version"
"$bin" -q --db s.db ingest "$root/samples/articles" || fail "the installed irgraph cannot ingest the samples"
"$bin" --db s.db path Merkel Cavusoglu > path.txt || fail "the installed irgraph finds no path"
page="$tmp/prefix/share/man/man1/irgraph.1.gz"
[ -f "$page" ] || fail "no man page installed"
MANWIDTH=100 man -l "$page" > man.txt 2> man.err || fail "man cannot read the page: $(head -3 man.err)"
grep -q "^COMMANDS" man.txt || fail "the man page has no COMMANDS section"
for c in ingest export path render merge; do
  grep -q "Usage: irgraph $c" man.txt || fail "the man page does not describe $c"
done
completion="$tmp/prefix/share/bash-completion/completions/irgraph"
[ -f "$completion" ] || fail "no bash completion installed"
got=$(bash -c "source '$completion'; COMP_WORDS=('$bin' in); COMP_CWORD=1; _irgraph; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "ingest" ] || fail "completion of 'irgraph in' gave '$got'"
got=$(bash -c "source '$completion'; COMP_WORDS=('$bin' export -f gex); COMP_CWORD=3; _irgraph; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "gexf gexf1.3" ] || fail "completion of 'export -f gex' gave '$got'"
got=$(bash -c "source '$completion'; COMP_WORDS=('$bin' curate un); COMP_CWORD=2; _irgraph; echo \"\${COMPREPLY[*]}\"")
[ "$got" = "undo" ] || fail "completion of 'curate un' gave '$got'"

(cd "$build" && cpack -G DEB -B "$tmp/deb" > "$tmp/cpack.log" 2>&1) || fail "cpack failed: $(tail -3 "$tmp/cpack.log")"
deb=$(ls "$tmp"/deb/irgraph_*.deb 2> /dev/null | head -1)
[ -f "$deb" ] || fail "cpack made no .deb"
dpkg-deb -I "$deb" > info.txt || fail "dpkg-deb cannot read $deb"
for lib in libgvc6 libicu libsqlite3; do
  grep "^ Depends:" info.txt | grep -q "$lib" || fail "the package does not depend on $lib: $(grep Depends info.txt)"
done
dpkg-deb -c "$deb" > files.txt
for f in ./usr/bin/irgraph ./usr/share/man/man1/irgraph.1.gz ./usr/share/bash-completion/completions/irgraph; do
  grep -q " $f$" files.txt || fail "the package lacks $f"
done
said="installed with cmake --install: program, man page, completion work; $(basename "$deb") depends on its libraries"
if [ "$(id -u)" -eq 0 ] && ! dpkg -s irgraph > /dev/null 2>&1; then
  dpkg -i "$deb" > dpkg.log 2>&1 || { dpkg -r irgraph > /dev/null 2>&1; fail "dpkg -i failed: $(tail -3 dpkg.log)"; }
  /usr/bin/irgraph -q --db d.db ingest "$root/samples/articles" && /usr/bin/irgraph --db d.db path Merkel Cavusoglu > dpath.txt
  rc=$?
  dpkg -r irgraph > dpkg-r.log 2>&1 || fail "dpkg -r failed: $(tail -3 dpkg-r.log)"
  [ $rc -eq 0 ] || fail "the installed package's irgraph could not ingest and answer"
  [ -e /usr/bin/irgraph ] && fail "dpkg -r left /usr/bin/irgraph"
  said="$said; installed with dpkg, ran the samples from /usr/bin, removed"
else
  said="$said; not installed with dpkg (needs root and no irgraph package installed)"
fi
echo "package: $said"
