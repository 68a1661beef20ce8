#!/usr/bin/env bash
# With no display, the kiosk says so plainly and how to run it under Xvfb, and exits non-zero.
set -u
kiosk="$1"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
out="$(env -u DISPLAY -u WAYLAND_DISPLAY "$kiosk" --data-dir "$data" 2>&1)"
rc=$?
echo "$out"
[ "$rc" -ne 0 ] || { echo "FAIL: exit code was 0"; exit 1; }
grep -q "no display" <<<"$out" || { echo "FAIL: does not say there is no display"; exit 1; }
grep -q "xvfb-run" <<<"$out" || { echo "FAIL: does not say how to use Xvfb"; exit 1; }
echo "ok"
