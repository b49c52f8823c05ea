#!/usr/bin/env bash
# Installs the build into a temporary prefix (cmake --install) and uses it as a user would, from
# outside the source tree: the installed timeliner (extract, and view with its built-in page), the
# man page, and a C++ program built against the prefix with find_package (shared and static
# library) and with pkg-config, run and its output checked (the program of docs/library.md, which
# must show it verbatim); and the Python package, imported from the prefix.
# Usage: tests/install/run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/common.sh" install "$1" "$2"

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
libdir=$(sed -n 's/^libdir=\${prefix}\///p' "$prefix"/lib*/pkgconfig/timeliner.pc 2>/dev/null | head -n1)
[[ -n $libdir ]] || fail "no pkg-config file installed"
for f in bin/timeliner "$libdir"/libtimeliner.a "$libdir"/libtimeliner.so include/timeliner/timeliner.hpp \
  include/timeliner/value.hpp "$libdir"/cmake/timeliner/timelinerConfig.cmake \
  "$libdir"/cmake/timeliner/timelinerConfigVersion.cmake "$libdir"/cmake/timeliner/timelinerTargets.cmake \
  share/man/man1/timeliner.1; do
  [[ -e $prefix/$f ]] || fail "$f not installed"
done
# Every public header of the tree is installed.
for h in "$src"/include/timeliner/*.hpp; do
  [[ -f $prefix/include/timeliner/$(basename "$h") ]] || fail "header $(basename "$h") not installed"
done

# The installed command, run from elsewhere: a copy of the binary needs nothing of the source tree.
check_command "$prefix/bin/timeliner"

# The man page: generated from the help, one section per subcommand.
man=$prefix/share/man/man1/timeliner.1
for c in extract build merge show view tag eval; do
  grep -q "^\.SS \"timeliner $c\"" "$man" || fail "the man page has no section for $c"
done
# (No pipe into grep -q: with pipefail, a writer cut short by grep's early exit would fail the test.)
rendered=$(MANWIDTH=100 man -l "$man" 2>/dev/null)
[[ $rendered == *'--dct-fallback TEXT'* ]] || fail "the man page lacks the options"

# The program of docs/library.md.
grep -qF "$(cat "$src/tests/install/consumer/main.cpp")" "$src/docs/library.md" ||
  fail "docs/library.md does not show tests/install/consumer/main.cpp verbatim"

# find_package, shared then static.
for kind in shared static; do
  static=OFF
  [[ $kind == static ]] && static=ON
  cmake -S "$src/tests/install/consumer" -B "$tmp/consumer-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
    -DTIMELINER_STATIC=$static -DCMAKE_BUILD_TYPE=Release >"$tmp/configure-$kind.log" ||
    { cat "$tmp/configure-$kind.log" >&2; fail "find_package(timeliner) failed ($kind)"; }
  cmake --build "$tmp/consumer-$kind" >"$tmp/build-$kind.log" 2>&1 ||
    { cat "$tmp/build-$kind.log" >&2; fail "the consumer did not build ($kind)"; }
  check_program_output "find_package ($kind)" "$("$tmp/consumer-$kind/consumer")"
done
[[ $(ldd "$tmp/consumer-shared/consumer") == *"=> $prefix/$libdir/libtimeliner.so"* ]] ||
  fail "the shared consumer does not use the installed libtimeliner.so"

check_pkg_config_program "$prefix/$libdir"
# The Python package, imported from the prefix only.
check_python "$(dirname "$(dirname "$(find "$prefix" -path '*/timeliner/__init__.py' | head -n1)")")"
echo "install test: ok ($prefix: $(find "$prefix" -type f | wc -l) files)"
