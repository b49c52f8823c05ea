# Sourced by the install tests (run.sh, deb.sh): their arguments, a temporary folder removed at exit,
# `fail`, and the checks both make of an installed tree (a prefix, or the package's /usr).
# Usage, in a test: . "$(dirname "$0")/common.sh" NAME BUILD_DIR SOURCE_DIR
name=$1
build=$(cd "$2" && pwd)
src=$(cd "$3" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "$name test: $*" >&2; exit 1; }

# The installed command, run from another folder: extract, and view with its built-in page.
check_command() {
  local bin=$1 out
  (
    cd "$tmp"
    out=$(echo "The deal was signed last week." | "$bin" extract --dct 2025-04-18)
    [[ $out == *'"value":"2025-W15"'* ]] || fail "$bin extract printed: $out"
    printf 'The bridge reopened on Thursday after repairs that began on August 14, 2024.\n' >story.txt
    "$bin" build --dct 2025-04-18 story.txt -o story.json
    "$bin" view story.json -o story.html
    grep -q "Content-Security-Policy\" content=\"default-src 'none'" story.html || fail "$bin view wrote no viewer page"
    grep -q 'Repairs began' story.html || fail "the page of $bin view lacks the timeline"
  )
}

# What the program of docs/library.md (tests/install/consumer/main.cpp) prints, checked.
check_program_output() {
  local what=$1 output=$2
  [[ $output == *'last week -> 2025-W15 (2025-04-07..2025-04-13)'* ]] || fail "$what printed: $output"
  [[ $output == *'May 5 -> 2025-05-05 (2025-05-05..2025-05-05)'* ]] || fail "$what printed: $output"
  [[ $output == *'"schema": "timeliner.timeline/1"'* ]] || fail "$what printed no timeline: $output"
}

# The program built with the pkg-config file of LIBDIR/pkgconfig, and run.
check_pkg_config_program() {
  local libdir=$1 flags
  flags=$(PKG_CONFIG_PATH=$libdir/pkgconfig pkg-config --cflags --libs timeliner) || fail "pkg-config knows no timeliner"
  # shellcheck disable=SC2086
  c++ "$src/tests/install/consumer/main.cpp" -o "$tmp/consumer-pc" $flags -Wl,-rpath,"$libdir" ||
    fail "the program did not build with pkg-config ($libdir)"
  check_program_output "pkg-config ($libdir)" "$("$tmp/consumer-pc")"
}

# The Python package of the folder PYDIR (on PYTHONPATH alone), when the build made one.
check_python() {
  local pydir=$1 out
  [[ -f $build/python/timeliner/__init__.py ]] || return 0
  [[ -f $pydir/timeliner/__init__.py ]] || fail "no Python package in $pydir"
  [[ -f $pydir/timeliner/_core.pyi && -f $pydir/timeliner/py.typed ]] || fail "the Python package lacks its type hints"
  out=$(PYTHONPATH=$pydir "${PYTHON:-/usr/bin/python3}" -c 'import timeliner
t = timeliner.build([{"text": "The council voted on March 3, 2025.", "published": "2025-04-18"}])
print(timeliner.__file__, [e["date"]["value"] for e in t["events"]])')
  [[ $out == "$pydir/timeliner/__init__.py ['2025-03-03', '2025-04-18']" ]] || fail "the Python module of $pydir printed: $out"
}
