#!/usr/bin/env bash
# Measures the real kiosk under Xvfb and prints the figures (it asserts nothing):
#   launch to first frame, CPU while untouched for 10 s, memory (RSS and PSS).
# Usage: packaging/bench.sh [WIDTHxHEIGHT]   (default 1280x800)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kiosk="${BUILD_DIR:-$root/build}/kiosk/kiosk"
size="${1:-1280x800}"
work="$(mktemp -d)"
cleanup() { kill "${kpid:-}" "${xpid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xpid=$!
read -r -t 10 dno <&3
export DISPLAY=":$dno"

# Launch to first frame: the tap map is written right after the first frame is drawn.
"$kiosk" --data-dir "$work/data" --windowed >/dev/null 2>&1 &   # make the demo keys first
sleep 1; kill $! ; wait $! 2>/dev/null || true
start=$(date +%s%N)
KIOSK_TAP_MAP="$work/taps" "$kiosk" --data-dir "$work/data" --windowed="$size" >/dev/null 2>&1 &
kpid=$!
while [ ! -s "$work/taps" ]; do sleep 0.002; done
first=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 2

ticks() { awk '{print $14 + $15}' "/proc/$kpid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); w0=$(date +%s%N)
sleep 10
t1=$(ticks); w1=$(date +%s%N)
cpu=$(awk -v t=$(( t1 - t0 )) -v hz="$hz" -v ns=$(( w1 - w0 )) 'BEGIN { printf "%.2f", 100 * (t / hz) / (ns / 1e9) }')
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$kpid/status")
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$kpid/status")
pss=$(awk '/^Pss:/ {print $2}' "/proc/$kpid/smaps_rollup")
echo "kiosk at $size under Xvfb (Mesa llvmpipe):"
echo "  launch to first frame: ${first} ms"
echo "  CPU while untouched for 10 s: ${cpu} %"
echo "  memory: RSS $(( rss / 1024 )) MiB (peak $(( hwm / 1024 )) MiB), PSS $(( pss / 1024 )) MiB"
