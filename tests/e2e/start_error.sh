#!/usr/bin/env bash
# A kiosk that cannot start (here: its catalogues are missing) says so on its screen, for staff, in
# Welsh and English with the reason, and in its log, rather than closing at once (which, restarted
# by the session again and again, would only flash the screen).
set -euo pipefail
kiosk="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/run.sh" <<'INNER'
set -u
KIOSK_RESOURCES="$1/nowhere" "$2" --windowed=1024x768 --data-dir "$1/data" 2>"$1/err.txt" &
pid=$!
# Polled up to 30 seconds: the screen, read by OCR, must say why while the kiosk still runs.
for _ in $(seq 30); do
    sleep 1
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: the kiosk closed instead of saying why"; exit 1; }
    import -window root "$1/shot.png" 2>/dev/null || continue
    tesseract "$1/shot.png" - 2>/dev/null >"$1/shot.txt" || continue
    grep -q "kiosk cannot start" "$1/shot.txt" && grep -q "ciosg yn gallu dechrau" "$1/shot.txt" &&
        grep -q "nowhere/locales" "$1/shot.txt" && { kill "$pid"; wait "$pid"; exit 0; }
done
kill "$pid"
echo "FAIL: the screen never said why the kiosk cannot start; it said: $(cat "$1/shot.txt" 2>/dev/null)"
exit 1
INNER
xvfb-run -a -s "-screen 0 1024x768x24" bash "$work/run.sh" "$work" "$kiosk" || exit 1
cat "$work/err.txt"
grep -q "^kiosk: cannot start: .*nowhere/locales/cy.po" "$work/err.txt" || { echo "FAIL: the log does not say why"; exit 1; }
[ ! -e "$work/data" ] || { echo "FAIL: a kiosk that could not start made a data folder"; exit 1; }
echo "ok"
