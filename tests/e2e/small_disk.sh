#!/usr/bin/env bash
# The kiosk on a disk that is nearly full, then full, then read-only, as a careless set-up or a
# failing card would leave it. Nearly full: staff are warned. Full: a child is asked to find a
# member of staff on Welcome, before saying anything. Read-only: status still reads the kiosk and
# changes nothing. Needs root to mount a small tmpfs; says so and passes where it cannot.
#
# Usage: small_disk.sh KIOSK
set -uo pipefail
kiosk="$1"
source "$(dirname "$0")/lib.sh"
fail() { echo "FAIL: $*"; exit 1; }
disk="$work/disk"
mkdir -p "$disk"
if ! mount -t tmpfs -o size=8m tmpfs "$disk" 2>/dev/null; then
  echo "skipped: cannot mount a small disk here (needs root)"; exit 0
fi
trap 'umount "$disk" 2>/dev/null; cleanup' EXIT

# A kiosk on it, made by starting it for a moment.
timeout 5 xvfb-run -a -s "-screen 0 1280x800x24" "$kiosk" --data-dir "$disk/data" --windowed >/dev/null 2>&1
[ -f "$disk/data/demo-public.key" ] || fail "no kiosk was made on the small disk"

# Nearly full: 8 MiB in all is under the 100 MiB staff are warned at.
out="$("$kiosk" admin status --data-dir "$disk/data")" && fail "status exited 0 on a nearly full disk"
grep -q "NEARLY FULL" <<<"$out" || fail "status did not warn of a nearly full disk: $out"

# Full: under 4 MiB left, the kiosk asks children to find a member of staff, before anything.
dd if=/dev/zero of="$disk/filler" bs=1M count=5 status=none 2>/dev/null
start_display 1280x800 "$work/xvfb.log"
KIOSK_TAP_MAP="$work/taps" "$kiosk" --data-dir "$disk/data" --windowed >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
for _ in $(seq 1 100); do grep -q "^tap chrome.not_safe" "$work/taps" 2>/dev/null && break; sleep 0.1; done
sleep 1 # the start check reports within moments; frames follow it
grep -q "^screen welcome" "$work/taps" || fail "the kiosk did not show Welcome"
grep -q "^tap welcome.cymraeg" "$work/taps" && fail "a full kiosk still offers to begin"
grep -q "cannot be stored" "$work/kiosk.log" || fail "the kiosk did not tell IT why: $(cat "$work/kiosk.log")"
kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=""
rm -f "$disk/filler"

# Read-only: status still reads the kiosk, and changes nothing.
mount -o remount,ro "$disk" || fail "could not make the disk read-only"
before="$(ls -la --time-style=full-iso "$disk/data")"
out="$("$kiosk" admin status --data-dir "$disk/data" 2>&1)"
grep -Eq "^waiting: +0 " <<<"$out" || fail "status does not work on a read-only disk: $out"
[ "$before" = "$(ls -la --time-style=full-iso "$disk/data")" ] || fail "status changed a read-only kiosk"
echo "ok: nearly full warns staff, full refuses before a child starts, read-only still reads"
