#!/usr/bin/env bash
# The kiosk draws only what changed and copies it to the window, keeping the rest of the last frame
# (KIOSK_CHECK_DAMAGE checks each frame against the same frame drawn whole). A window made smaller
# or larger (a window manager, a screen turned, a new resolution) must show the whole frame at its
# new size, not the old buffer's picture shifted, and must not end the kiosk with an X error.
#
# Usage: resized_window.sh KIOSK
set -euo pipefail
kiosk="$1"
export LC_ALL=C.UTF-8
source "$(dirname "$0")/lib.sh"
taps="$work/taps"
damage="$work/damage.log"
fail() { echo "FAIL: $*"; [ -f "$work/kiosk.log" ] && tail -5 "$work/kiosk.log"; exit 1; }

# The window's picture on the X server must become the frame drawn whole, once the kiosk settles.
shows_whole_frame() {
  local seen=""
  for _ in $(seq 1 40); do
    kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended ($1)"
    import -window "$window" "$work/shot.png" 2>/dev/null || true
    seen="$(compare -metric AE "$work/shot.png" "$damage.ppm" null: 2>&1 || true)"
    [ "$seen" = "0" ] && return 0
    sleep 0.1
  done
  fail "after $1 the window does not show the frame drawn whole: $seen pixels differ"
}
resize() {
  xdotool windowsize "$window" "$1" "$2"
  for _ in $(seq 1 50); do
    [ "$(xdotool getwindowgeometry "$window" | awk '/Geometry/ {print $2}')" = "$1x$2" ] && break
    sleep 0.1
  done
  xdotool mousemove --window "$window" 5 5 # a frame at the new size
}

start_display 1920x1080 "$work/xvfb.log"
start_kiosk "$work/kiosk.log" env KIOSK_TAP_MAP="$taps" KIOSK_CHECK_DAMAGE="$damage" "$kiosk" \
  --data-dir "$work/data" --windowed=1280x800
wait_for "^screen welcome"
shows_whole_frame "starting"
resize 1000 700
shows_whole_frame "making the window smaller"
tap welcome.english
wait_for "^screen kind en"
shows_whole_frame "a tap in the smaller window"
resize 1600 1000
shows_whole_frame "making the window larger"
tap kind.complaint
wait_for "^screen who en"
shows_whole_frame "a tap in the larger window"
grep ' differs ' "$damage" | head -3 | grep . && fail "frames drawn in part differ from the same frames drawn whole"
echo "ok: the resized window showed each frame whole, at its new size"
