#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds, and runs every test: flow, storage,
# locales, the headless UI driver, the fuzz targets' seeds and the end-to-end tests of the real
# kiosk under Xvfb; then the benchmark (packaging/bench.sh, its table kept in build/bench.txt).
# Then builds again with AddressSanitizer and UBSan (build-asan/, or $ASAN_BUILD_DIR) and runs the
# tests once more there, failing on any report. SANITIZE=0 skips that.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/packaging/install-deps.sh"
BUILD_DIR="$build" "$root/packaging/build.sh"
(cd "$build" && ctest --output-on-failure -j "$(nproc)")
# The benchmark, once (about two and a half minutes): it prints figures and asserts nothing, so a
# run that cannot finish is reported and does not fail the tests. Its table stays in bench.txt.
BUILD_DIR="$build" "$root/packaging/bench.sh" >"$build/bench.txt" 2>&1 || echo "test.sh: bench.sh did not finish" >>"$build/bench.txt"
cat "$build/bench.txt"

[ "${SANITIZE:-1}" = "0" ] && exit 0
asan="${ASAN_BUILD_DIR:-$root/build-asan}"
(cd "$root" && cmake --preset asan -B "$asan" >/dev/null)
cmake --build "$asan" -j "$(nproc)"
# A test script may expect a program to fail (the kiosk with no display) and not notice why it
# did, so reports are also looked for: ASan's in files, UBSan's (which, with ASan loaded too, go
# only to standard error) in the output of every test, passed or not.
reports="$asan/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS="log_path=$reports/asan${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# Not the tests of the real kiosk under Xvfb (label xvfb): they ran above, and under ASan the
# kiosk's OpenGL libraries (Mesa, loaded and unloaded at run time) report leaks of their own.
status=0
(cd "$asan" && ctest --output-on-failure -j "$(nproc)" -LE xvfb) || status=1
if [ -n "$(ls -A "$reports")" ] || grep -q "runtime error:" "$asan/Testing/Temporary/LastTest.log"; then
  echo "test.sh: the sanitizers reported errors:" >&2
  cat "$reports"/* /dev/null >&2
  grep -B2 -A20 "runtime error:" "$asan/Testing/Temporary/LastTest.log" >&2 || true
  status=1
fi
exit "$status"
