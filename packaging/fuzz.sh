#!/usr/bin/env bash
# Fuzzes every parser of outside data (tests/fuzz) with clang's libFuzzer, ASan and UBSan, one
# target after another for SECONDS each (default 60), and prints how many inputs each one ran.
#
#   bash packaging/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Builds in build-fuzz/ (or $FUZZ_BUILD_DIR). New inputs that reach new code are kept in
# build-fuzz/corpus/NAME, so a later run starts where this one stopped; the seeds in the repository
# are only read. A crash is saved in build-fuzz/artifacts/NAME/ and makes the script fail: fix it,
# then add the input to tests/fuzz/regressions/NAME/ so that every ctest replays it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
shift || true
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: bash packaging/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi
fuzz="$root/tests/fuzz"
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for dir in "$fuzz"/corpus/*/; do
    targets+=("$(basename "$dir")")
  done
fi

"$root/packaging/install-deps.sh"
(cd "$root" && cmake --preset fuzz -B "$build" >/dev/null)
cmake --build "$build" --target fuzzers -j "$(nproc)"

export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=0
results=()
for name in "${targets[@]}"; do
  program="$build/tests/fuzz/fuzz_$name"
  [ -x "$program" ] || { echo "fuzz: no target $name (the targets are the folders of tests/fuzz/corpus)" >&2; exit 2; }
  mkdir -p "$build/corpus/$name" "$build/artifacts/$name" "$build/logs"
  log="$build/logs/$name.log"
  args=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$build/artifacts/$name/")
  [ -f "$fuzz/dict/$name.dict" ] && args+=(-dict="$fuzz/dict/$name.dict")
  dirs=("$build/corpus/$name" "$fuzz/corpus/$name")
  [ -d "$fuzz/regressions/$name" ] && dirs+=("$fuzz/regressions/$name")
  echo "fuzz: $name for ${seconds} s (log: $log)"
  outcome="ok"
  if ! "$program" "${args[@]}" "${dirs[@]}" >"$log" 2>&1; then
    outcome="FAILED: $(grep -m1 -oE 'Test unit written to .*|ERROR: .*' "$log" || echo "see the log")"
    failed=1
  fi
  execs="$(grep -oE 'stat::number_of_executed_units:[[:space:]]+[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")"
  rate="$(grep -oE 'stat::average_exec_per_sec:[[:space:]]+[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")"
  units="$(find "$build/corpus/$name" -type f | wc -l)"
  results+=("$(printf '%-16s %12s %10s %8s  %s' "$name" "$execs" "$rate" "$units" "$outcome")")
done

echo
printf '%-16s %12s %10s %8s  %s\n' "target" "executions" "per second" "corpus" "result"
printf '%s\n' "${results[@]}"
exit "$failed"
