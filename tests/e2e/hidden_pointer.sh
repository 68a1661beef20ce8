#!/usr/bin/env bash
# Full screen, the kiosk shows no pointer: a touch screen has nothing to point with, and an arrow
# left where the last finger lifted looks broken. The real kiosk runs full screen on Xvfb, a real
# pointer moves over it (xdotool), and after it has drawn frames the X server's current cursor
# image must be fully transparent.
#
# Usage: hidden_pointer.sh KIOSK CURSOR_PROBE
set -euo pipefail
kiosk="$1"
probe="$2"
source "$(dirname "$0")/lib.sh"
taps="$work/taps"

fail() { echo "FAIL: $*"; [ -f "$work/kiosk.log" ] && cat "$work/kiosk.log"; exit 1; }

# Runs the probe; sets probe_rc (0 hidden, 1 visible, 2 cannot tell) and shows what it said.
probe_cursor() {
  probe_rc=0
  "$probe" || probe_rc=$?
}

start_display 1280x800 "$work/xvfb.log"

# The probe must see a pointer where there is one, or its "hidden" below would prove nothing.
xdotool mousemove 640 400
probe_cursor
[ "$probe_rc" -eq 1 ] || fail "the probe does not see the bare screen's pointer (exit $probe_rc)"

# Full screen, as on the kiosk (no --windowed); demo mode, since the data folder is new.
KIOSK_TAP_MAP="$taps" "$kiosk" --data-dir "$work/data" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
for _ in $(seq 1 200); do
  [ -f "$taps" ] && break
  kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk exited before drawing"
  sleep 0.05
done
[ -f "$taps" ] || fail "the kiosk drew no frame"

# The pointer moves over the kiosk, as after a tap; each move draws frames.
for xy in "300 300" "900 500" "640 400"; do
  # shellcheck disable=SC2086
  xdotool mousemove $xy
  sleep 0.2
done
sleep 0.3
probe_cursor
[ "$probe_rc" -eq 0 ] || fail "the pointer shows over the full-screen kiosk (probe exit $probe_rc)"
kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk exited"
# And what a child types can never end up in a core dump: the kiosk allows none of itself.
grep -Eq "^Max core file size +0 +0 " "/proc/$kiosk_pid/limits" || fail "the kiosk allows core dumps: $(grep core "/proc/$kiosk_pid/limits")"
echo "ok: no pointer shows over the full-screen kiosk, and it allows no core dump"
