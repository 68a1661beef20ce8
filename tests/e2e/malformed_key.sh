#!/usr/bin/env bash
# End to end: a provisioned kiosk whose team key has been damaged still starts, shows a child the
# calm "please ask a member of staff" Welcome instead of the journey, and leads staff, through the
# hidden gesture and the PIN, to the page that says why (no usable key) and what to do.
#
# Usage: malformed_key.sh KIOSK INTAKE ARTIFACT_DIR
set -euo pipefail
kiosk="$1"
intake="$2"
artifacts="$3"
export LC_ALL=C.UTF-8
rm -rf "$artifacts"
mkdir -p "$artifacts"
source "$(dirname "$0")/lib.sh"
data="$work/data"
team="$work/team"
taps="$work/taps"
fail() { echo "FAIL: $*"; [ -f "$artifacts/kiosk.log" ] && tail -20 "$artifacts/kiosk.log"; [ -f "$taps" ] && head -1 "$taps"; exit 1; }

printf 'correct horse battery staple\n' >"$work/passphrase"
INTAKE_KDF=interactive "$intake" keygen --home "$team" --passphrase-file "$work/passphrase" >/dev/null
"$kiosk" admin provision --public-key "$team/team-public.key" --name "Canolfan Prawf" --data-dir "$data" >/dev/null
printf '246810\n' | "$kiosk" admin set-pin --pin-stdin --data-dir "$data" >/dev/null
# The key file is damaged: a byte of the key itself changed into one base64 cannot hold.
sed -i 's/"sealing_key": *"\(.\)/"sealing_key": "!/' "$data/team-public.key"
grep -q '"sealing_key": "!' "$data/team-public.key" || fail "the test could not damage the key file: $(cat "$data/team-public.key")"

start_display 1280x800 "$artifacts/xvfb.log"
start_kiosk "$artifacts/kiosk.log" env KIOSK_TAP_MAP="$taps" "$kiosk" --data-dir "$data" --windowed=1280x800
wait_for "^screen welcome"
# The start check answers within moments; after it, no language button is there to begin with.
for _ in $(seq 1 200); do on_screen welcome.english || break; sleep 0.05; done
shot welcome-cannot-store
on_screen welcome.english && fail "a child can begin on a kiosk with a damaged key"
on_screen welcome.cymraeg && fail "a child can begin on a kiosk with a damaged key"
# A child's tap where the English button would be does nothing.
xdotool mousemove --window "$window" 900 500 click 1
sleep 0.3
wait_for "^screen welcome"

read -r width height < <(xdotool getwindowgeometry --shell "$window" | awk -F= '/WIDTH/{w=$2} /HEIGHT/{h=$2} END{print w, h}')
corner() { xdotool mousemove --window "$window" "$1" "$2"; sleep 0.1; xdotool mousedown 1; sleep "$3"; xdotool mouseup 1; sleep 0.2; }
corner 8 8 3.4
corner $((width - 8)) 8 0.1
corner $((width - 8)) $((height - 8)) 0.1
corner 8 $((height - 8)) 0.1
wait_for " staff pin busy 0"
for d in 2 4 6 8 1 0; do tap "staff.pin.$d"; done
tap staff.pin.enter
wait_for " staff why_not "
shot why-not
grep -q "key" "$artifacts/kiosk.log" || fail "the journal does not say what is wrong with the key"
echo "ok: a damaged key shows the child the staff screen, and staff are told why"
