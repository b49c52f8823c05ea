#!/usr/bin/env bash
# Makes the Debian package (cpack -G DEB) and checks it: its Depends are names of installed Debian
# packages (from dpkg-shlibdeps), it holds the command, both libraries, the headers, the CMake and
# pkg-config files and the man page under /usr, and its contents run from a folder they are
# extracted to (dpkg-deb -x): the command (extract, view), a program built with its pkg-config file,
# and the Python module.
# Usage: tests/install/deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/common.sh" deb "$1" "$2"

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb=$(find "$tmp/out" -maxdepth 1 -name 'timeliner_*.deb' | head -n1)
[[ -n $deb ]] || fail "no .deb written"

depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libre2-* && $depends == *libxml2* && $depends == *libstdc++6* ]] ||
  fail "Depends lacks the libraries timeliner links: $depends"
# Every name is a Debian package (here, an installed one): "libc6 (>= 2.34), libre2-9 (>= ...)".
IFS=',' read -r -a deps <<<"$depends"
for d in "${deps[@]}"; do
  for alt in ${d//|/ }; do
    name=${alt%% (*}
    name=${name// /}
    [[ -z $name || $name == \(* || $name == *\) ]] && continue
    [[ $(dpkg-query -W -f='${Status}' "$name" 2>/dev/null) == *'install ok installed'* ]] ||
      fail "Depends names $name, not an installed Debian package"
  done
done

listing=$(dpkg-deb -c "$deb")
for f in ./usr/bin/timeliner ./usr/lib/libtimeliner.a ./usr/lib/libtimeliner.so.0.1.0 \
  ./usr/include/timeliner/timeliner.hpp ./usr/lib/cmake/timeliner/timelinerConfig.cmake \
  ./usr/lib/pkgconfig/timeliner.pc ./usr/share/man/man1/timeliner.1; do
  grep -q " $f\$" <<<"$listing" || fail "the package lacks $f"
done

root=$tmp/root
dpkg-deb -x "$deb" "$root"
out=$("$root/usr/bin/timeliner" --version)
[[ $out == "timeliner "* ]] || fail "--version printed: $out"
check_command "$root/usr/bin/timeliner"
# The pkg-config file describes the folder it was extracted to.
[[ $(PKG_CONFIG_PATH=$root/usr/lib/pkgconfig pkg-config --variable=includedir timeliner) -ef $root/usr/include ]] ||
  fail "timeliner.pc does not point to $root/usr/include"
check_pkg_config_program "$root/usr/lib"
if [[ -f $build/python/timeliner/__init__.py ]]; then
  [[ $depends == *"python3 (>= "* ]] || fail "Depends lacks python3: $depends"
fi
check_python "$root/usr/lib/python3/dist-packages"
echo "deb test: ok ($(basename "$deb"), $(stat -c %s "$deb") bytes; Depends: $depends)"
