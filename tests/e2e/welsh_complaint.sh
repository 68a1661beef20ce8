#!/usr/bin/env bash
# End to end, as a person would: the real kiosk under Xvfb, tapped with real pointer events
# (xdotool). A complaint is typed in Welsh on the on-screen keyboard, Welsh letters included, and
# sent; staff export it; the complaints team opens the bundle with the intake tool and finds
# exactly the words typed. The kiosk's data folder must hold none of them.
#
# Usage: welsh_complaint.sh KIOSK INTAKE ARTIFACT_DIR
set -euo pipefail
kiosk="$1"
intake="$2"
artifacts="$3"
rm -rf "$artifacts"
mkdir -p "$artifacts"
work="$(mktemp -d)"
data="$work/data"
taps="$work/taps"
cleanup() {
  [ -n "${kiosk_pid:-}" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*"; [ -f "$taps" ] && head -3 "$taps"; exit 1; }

# A display of our own; Xvfb picks a free number and tells us it.
exec 3<> <(:)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$artifacts/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 10 display_no <&3 || fail "Xvfb did not start"
export DISPLAY=":$display_no"

KIOSK_TAP_MAP="$taps" "$kiosk" --data-dir "$data" --windowed=1280x800 >"$artifacts/kiosk.log" 2>&1 &
kiosk_pid=$!

# Waits until the tap map shows a screen ("screen story cy ...").
wait_for() {
  local pattern="$1"
  for _ in $(seq 1 200); do
    if [ -f "$taps" ] && head -1 "$taps" | grep -q -- "$pattern"; then return 0; fi
    sleep 0.05
  done
  fail "waited for '$pattern'"
}

window=""
find_window() {
  for _ in $(seq 1 100); do
    window="$(xdotool search --name '^Cafcass Cymru$' 2>/dev/null | head -1 || true)"
    [ -n "$window" ] && return 0
    sleep 0.1
  done
  fail "the kiosk window did not appear"
}

# Taps a widget by its key with a real pointer press and release at its centre.
tap() {
  local key="$1" line x y
  for _ in $(seq 1 100); do
    line="$(grep -F -- "tap $key " "$taps" 2>/dev/null | head -1 || true)"
    [ -n "$line" ] && break
    sleep 0.05
  done
  [ -n "$line" ] || fail "no '$key' on screen"
  read -r _ _ x0 y0 x1 y1 <<<"$line"
  x=$(( (x0 + x1) / 2 ))
  y=$(( (y0 + y1) / 2 ))
  local before
  before="$(cat "$taps")"
  xdotool mousemove --window "$window" "$x" "$y"
  sleep 0.05
  xdotool mousedown 1
  sleep 0.05
  xdotool mouseup 1
  # Wait until the kiosk has drawn the result (the tap map changes), or a moment passes.
  for _ in $(seq 1 20); do
    [ "$(cat "$taps")" != "$before" ] && break
    sleep 0.03
  done
}

shot() { import -window root "$artifacts/$1.png" 2>/dev/null || true; }

# Types text on the on-screen keyboard, one tap per key, as a child would.
type_on_screen() {
  local text="$1" ch lower
  local accents="âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ"
  local accents_upper="ÂÊÎÔÛŴŶÁÉÍÓÚẂÝÀÈÌÒÙẀỲÄËÏÖÜẄŸ"
  while IFS= read -r -n1 ch; do
    [ -z "$ch" ] && continue
    if [ "$ch" = " " ]; then tap "key.space"; continue; fi
    if [[ "$accents" == *"$ch"* ]]; then
      tap "key.accents"; tap "key.$ch"; continue
    fi
    if [[ "$accents_upper" == *"$ch"* ]]; then
      lower="${accents:$(( $(expr index "$accents_upper" "$ch") - 1 )):1}"
      idx="${accents_upper%%"$ch"*}"
      lower="${accents:${#idx}:1}"
      tap "key.accents"; tap "key.shift"; tap "key.$lower"; continue
    fi
    if [[ "$ch" =~ [A-Z] ]]; then
      tap "key.shift"; tap "key.${ch,,}"; continue
    fi
    tap "key.$ch"
  done < <(printf '%s' "$text")
}

find_window
wait_for "^screen welcome"
shot 01-welcome
tap welcome.cymraeg
wait_for "^screen kind cy"
shot 02-kind
tap kind.complaint
wait_for "^screen story cy"

words="Dw i'n drist. Ŵyr neb beth ddigwyddodd â'r llythyr yn Nhŷ Ŵyn"
type_on_screen "$words"
shot 03-story
tap story.next
wait_for "^screen check cy"
shot 04-check
tap check.send
wait_for "^screen thank_you cy"
shot 05-thank-you
tap thanks.finish
wait_for "^screen welcome"

# Demo mode: Escape closes the kiosk, as a developer would.
xdotool key --window "$window" Escape
for _ in $(seq 1 50); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$kiosk_pid" 2>/dev/null && fail "Escape did not close the demo kiosk"
kiosk_pid=""

# The data folder holds none of the words, not even one of them.
for w in drist llythyr "Nhŷ" "Ŵyn" ddigwyddodd; do
  if grep -r -q -F -- "$w" "$data"; then fail "'$w' was found in plain text in $data"; fi
done

# Staff export; the complaints team opens the bundle.
mkdir -p "$work/usb"
"$kiosk" admin export --to "$work/usb" --data-dir "$data" | tee "$artifacts/export.txt"
bundle="$(ls "$work"/usb/*.bundle.json)"
for w in drist llythyr; do
  if grep -q -F -- "$w" "$bundle"; then fail "'$w' is readable in the bundle"; fi
done
"$intake" open "$bundle" --key "$data/demo-secret.key" --out "$artifacts/worklist.csv"
grep -q -F -- "$words" "$artifacts/worklist.csv" || { cat "$artifacts/worklist.csv"; fail "the worklist does not hold the exact words typed"; }
grep -q ",complaint,cy," "$artifacts/worklist.csv" || fail "the worklist does not say it was a complaint in Welsh"

# A second export finds nothing new.
"$kiosk" admin export --to "$work/usb" --data-dir "$data" | grep -q "Nothing to export" || fail "a second export was not empty"
echo "ok: the Welsh complaint was typed, sealed, exported and opened with every word intact"
