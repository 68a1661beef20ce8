#!/usr/bin/env bash
# The admin commands refuse a folder that is not a kiosk's with a clear message and exit 1, and
# leave nothing on disk; a mistake in the command line exits 2; on a real kiosk, the commands that
# read (status, status --json, verify, audit) change nothing there either.
set -u
kiosk="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/usb" "$work/empty"
echo "not a receipt" >"$work/some.receipt"
for folder in "$work/not-a-kiosk" "$work/empty"; do
  for command in "status" "status --json" "verify" "audit" "export --to $work/usb" "import-receipt $work/some.receipt" \
    "set-pin --pin-stdin" "sync" "see-quarantine"; do
    # shellcheck disable=SC2086
    out="$(echo 246810 | "$kiosk" admin $command --data-dir "$folder" 2>&1)"
    code=$?
    [ "$code" = 1 ] || fail "admin $command on $folder exited $code, not 1"
    grep -q "is not a kiosk's data folder" <<<"$out" || fail "admin $command on $folder did not say why: $out"
  done
done
# Mistakes in the command line exit 2, with the help.
for command in "frobnicate" "import-receipt" "export" "provision" "verify --json"; do
  # shellcheck disable=SC2086
  out="$("$kiosk" admin $command --data-dir "$work/empty" 2>&1)"
  code=$?
  [ "$code" = 2 ] || fail "admin $command exited $code, not 2: $out"
  grep -q "Exit codes" <<<"$out" || fail "admin $command did not show the help: $out"
done
[ -e "$work/not-a-kiosk" ] && fail "a mistyped --data-dir was created"
[ -z "$(ls -A "$work/empty")" ] || fail "files appeared in an empty folder: $(ls -A "$work/empty")"
[ -z "$(ls -A "$work/usb")" ] || fail "an export from a folder that is not a kiosk's wrote $(ls -A "$work/usb")"

# A start that cannot show the kiosk (no display) makes no kiosk either.
env -u DISPLAY -u WAYLAND_DISPLAY "$kiosk" --data-dir "$work/kiosk" >/dev/null 2>&1 && fail "a start with no display exited 0"
[ -e "$work/kiosk" ] && fail "a start with no display made a kiosk"

# Nor does starting it in someone's folder.
mkdir -p "$work/stick" && echo notes >"$work/stick/notes.txt"
timeout 20 xvfb-run -a -s "-screen 0 1280x800x24" "$kiosk" --data-dir "$work/stick" --windowed >"$work/stick.log" 2>&1 \
  && fail "the kiosk started in a folder that is not a kiosk's"
grep -q "not a kiosk's data folder" "$work/stick.log" || fail "no clear message for a foreign folder: $(cat "$work/stick.log")"
[ "$(ls -A "$work/stick")" = "notes.txt" ] || fail "files appeared in someone's folder: $(ls -A "$work/stick")"

# A kiosk made by starting it on a display for a moment.
timeout 5 xvfb-run -a -s "-screen 0 1280x800x24" "$kiosk" --data-dir "$work/kiosk" --windowed >/dev/null 2>&1
[ -f "$work/kiosk/demo-public.key" ] || fail "starting the kiosk did not make a demo kiosk"
# Every file as it was, byte for byte and to the nanosecond; only the -shm file, SQLite's shared
# index of the WAL that any reader updates in place, may be touched (it must not be made).
listing() { (cd "$work/kiosk" && ls -la --time-style=full-iso | grep -v -- "-shm$" && ls | sort && md5sum kiosk.db* | grep -v -- "-shm$"); }
before="$(listing)"
"$kiosk" admin status --data-dir "$work/kiosk" | grep -Eq "^waiting: +0 " || fail "status of a new kiosk"
"$kiosk" admin status --json --data-dir "$work/kiosk" | grep -q '"waiting": 0' || fail "status --json of a new kiosk"
"$kiosk" admin verify --data-dir "$work/kiosk" | grep -q "All is well" || fail "verify of a new kiosk"
"$kiosk" admin audit --data-dir "$work/kiosk" | grep -q "audit log is empty" || fail "audit of a new kiosk"
after="$(listing)"
[ "$before" = "$after" ] || fail "status, verify or audit changed the kiosk's folder: $before => $after"
echo "ok: reading commands refuse what is not a kiosk and change nothing"
