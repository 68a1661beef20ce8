#!/usr/bin/env bash
# End to end, a day's work in staff mode with real pointer events under Xvfb: a child sends a
# compliment; a member of staff makes the hidden gesture and enters the PIN; the dashboard shows
# one waiting; staff export it to a folder typed on the screen; the complaints team's intake opens
# the bundle and writes a receipt; staff import that receipt through the screen; the dashboard
# shows nothing waiting and the row is gone from the kiosk. The audit log holds each step, and no
# PIN digit reached the child's answers (the submission holds only what the child typed).
#
# Usage: staff_round_trip.sh KIOSK INTAKE ARTIFACT_DIR KEYBOARD_FILE [SIZE]
set -euo pipefail
kiosk="$1"
intake="$2"
artifacts="$3"
keyboard="$4"
size="${5:-1280x800}"
export LC_ALL=C.UTF-8
rm -rf "$artifacts"
mkdir -p "$artifacts"
source "$(dirname "$0")/lib.sh"
data="$work/data"
team="$work/team"
stick="$work/STICK"
taps="$work/taps"
mkdir -p "$stick"
fail() { echo "FAIL: $*"; [ -f "$artifacts/kiosk.log" ] && tail -20 "$artifacts/kiosk.log"; [ -f "$taps" ] && head -1 "$taps"; exit 1; }

# The complaints team makes its keys; IT provisions the kiosk, sets the staff PIN, and the team enrols it.
printf 'correct horse battery staple\n' >"$work/passphrase"
team_cmd() { INTAKE_KDF=interactive "$intake" "$@" --home "$team" --passphrase-file "$work/passphrase"; }
team_cmd keygen >"$artifacts/keygen.txt"
"$kiosk" admin provision --public-key "$team/team-public.key" --name "Canolfan Prawf" --data-dir "$data" \
  >"$artifacts/provision.txt"
"$intake" kiosks add "$data/kiosk-identity.json" --home "$team" >"$artifacts/enrol.txt"
printf '246810\n' | "$kiosk" admin set-pin --pin-stdin --data-dir "$data" >"$artifacts/set-pin.txt"

start_display "$size" "$artifacts/xvfb.log"
start_kiosk "$artifacts/kiosk.log" env KIOSK_TAP_MAP="$taps" "$kiosk" --data-dir "$data" --windowed="$size"
wait_for "^screen welcome"

# A child sends a compliment in English.
tap welcome.english
wait_for "^screen kind en"
tap kind.compliment
wait_for "^screen who en"
tap who.me
tap nav.next
wait_for "^screen feelings en"
tap nav.next
wait_for "^screen story en"
type_on_screen "Diolch Wyn"
tap nav.next
wait_for "^screen contact en"
tap contact.none
tap nav.next
wait_for "^screen check en"
tap check.send
wait_for "^screen thank_you en"
tap thanks.finish
wait_for "^screen welcome"

# The hidden gesture, as a person makes it: hold the top-left corner, then the other three.
read -r width height < <(xdotool getwindowgeometry --shell "$window" | awk -F= '/WIDTH/{w=$2} /HEIGHT/{h=$2} END{print w, h}')
corner() { xdotool mousemove --window "$window" "$1" "$2"; sleep 0.1; xdotool mousedown 1; sleep "$3"; xdotool mouseup 1; sleep 0.2; }
corner 8 8 3.4
corner $((width - 8)) 8 0.1
corner $((width - 8)) $((height - 8)) 0.1
corner 8 $((height - 8)) 0.1
wait_for " staff pin "
wait_for " staff pin busy 0"
shot pin-pad
for d in 2 4 6 8 1 0; do tap "staff.pin.$d"; done
tap staff.pin.enter
wait_for " staff dashboard "
wait_for " waiting 1 exported 0"
shot dashboard-one-waiting

# Export to a folder typed on the screen.
tap staff.export
wait_for " staff choose_folder "
tap staff.folder
xdotool type --delay 60 "$stick"
sleep 0.3
tap staff.use_folder
wait_for " staff dashboard busy 0 .*waiting 0 exported 1"
shot dashboard-exported
bundle="$(ls "$stick"/*.bundle 2>/dev/null | head -1 || true)"
[ -n "$bundle" ] || fail "no bundle was written to $stick"
grep -q -F "Diolch Wyn" "$bundle" && fail "the words are readable in the bundle"

# The complaints team opens it and writes the receipt, which comes back on the stick.
team_cmd open "$bundle" | tee "$artifacts/open.txt"
grep -q -F "Diolch Wyn" "$team/worklist.csv" || fail "the worklist does not hold the child's words"
grep -q -E "246810|2 4 6 8 1 0" "$team/worklist.csv" && fail "a PIN digit reached the child's answers"
cp "$team"/receipts/*.receipt "$stick/"

# Staff import the receipt through the screen.
tap staff.import
wait_for " staff choose_folder "
tap staff.folder
xdotool type --delay 60 "$stick"
sleep 0.3
tap staff.use_folder
wait_for " staff dashboard busy 0 .*waiting 0 exported 0"
shot dashboard-after-receipt
"$kiosk" admin status --json --data-dir "$data" >"$artifacts/status.json" || true
grep -q '"unconfirmed": 0' "$artifacts/status.json" || fail "status after the receipt: $(cat "$artifacts/status.json")"
grep -q '"received": 0' "$artifacts/status.json" || fail "the row was not deleted: $(cat "$artifacts/status.json")"

# Leaving returns to Welcome; the audit log holds every step, without content.
tap staff.leave
wait_for "^screen welcome .* staff closed"
"$kiosk" admin audit --data-dir "$data" >"$artifacts/audit.txt"
for action in pin_right export import_receipt left; do
  grep -q "$action" "$artifacts/audit.txt" || fail "the audit log has no $action: $(cat "$artifacts/audit.txt")"
done
grep -q -F "Diolch" "$artifacts/audit.txt" && fail "the audit log holds a child's words"
echo "ok: gesture, PIN, dashboard with one waiting, exported through the screen, opened by intake, receipt imported through the screen, row gone"
