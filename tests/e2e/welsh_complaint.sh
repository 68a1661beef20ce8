#!/usr/bin/env bash
# End to end, as a person would: the real kiosk under Xvfb, tapped with real pointer events
# (xdotool). An advocate makes a complaint in Welsh for a young person, with every part answered:
# their name and role, the young person's agreement, an advocate wanted, topics (the court's
# decision among them), a feeling, the young person's words typed on the on-screen keyboard with
# Welsh letters, ways to put it right, a name, contact by phone, a meeting by video, and sharing.
# Staff export it; the complaints team opens the bundle with the intake tool and finds every
# answer, and exactly the words typed. The kiosk's data folder must hold none of them. The team's
# receipt, brought back, deletes the submission from the kiosk.
# All the way, the kiosk checks the frames it draws in part (KIOSK_CHECK_DAMAGE): each is drawn again
# whole and must be the same, and at each screenshot what the X server shows must be that whole frame.
#
# Usage: welsh_complaint.sh KIOSK INTAKE ARTIFACT_DIR [KEYBOARD_FILE]
# KEYBOARD_FILE is the kiosk's assets/keyboard.txt, which says which key types each character.
set -euo pipefail
kiosk="$1"
intake="$2"
artifacts="$3"
keyboard="${4:-$(dirname "$0")/../../assets/keyboard.txt}"
[ -f "$keyboard" ] || { echo "FAIL: no keyboard file at $keyboard"; exit 1; }
# "read -n1" reads one character, not one byte of it, only in a UTF-8 locale: ŵ is two bytes.
export LC_ALL=C.UTF-8
rm -rf "$artifacts"
mkdir -p "$artifacts"
source "$(dirname "$0")/lib.sh"
data="$work/data"
taps="$work/taps"

fail() { echo "FAIL: $*"; [ -f "$taps" ] && cat "$taps"; exit 1; }

start_display 1280x800 "$artifacts/xvfb.log"

damage="$artifacts/damage.log"
start_kiosk "$artifacts/kiosk.log" env KIOSK_TAP_MAP="$taps" KIOSK_CHECK_DAMAGE="$damage" "$kiosk" --data-dir "$data" \
  --windowed=1280x800
# A screenshot of the window, which must be the frame drawn whole (the kiosk's, in $damage.ppm) once
# the kiosk has finished drawing: what was shown in part adds up to the whole picture.
shot() {
  local seen
  for _ in $(seq 1 30); do
    import -window "$window" "$artifacts/$1.png" 2>/dev/null || true
    seen="$(compare -metric AE "$artifacts/$1.png" "$damage.ppm" null: 2>&1 || true)"
    [ "$seen" = "0" ] && return 0
    sleep 0.1
  done
  fail "the screen at $1 is not the frame drawn whole: $seen pixels differ"
}
wait_for "^screen welcome"
shot 01-welcome
tap welcome.cymraeg
wait_for "^screen kind cy"
tap kind.complaint
wait_for "^screen who cy"
tap who.on_behalf
type_on_screen "Siân Ŵyn"
tap field.adult_role
type_on_screen "Eiriolwr"
tap who.agreed
shot 02-who
tap nav.next
wait_for "^screen help cy"
tap help.want_advocate
tap nav.next
wait_for "^screen topics cy"
tap topic.not_listened
tap topic.court_decision
shot 03-topics
tap nav.next
wait_for "^screen court cy"
shot 04-court
tap nav.next
wait_for "^screen feelings cy"
tap feeling.2
shot 05-feelings
tap nav.next
wait_for "^screen story cy"
words="Dw i'n drist. Ŵyr neb beth ddigwyddodd â'r llythyr yn Nhŷ Ŵyn"
type_on_screen "$words"
shot 06-story
tap nav.next
wait_for "^screen put_right cy"
tap put_right.explanation
tap put_right.talk
tap nav.next
wait_for "^screen contact cy"
tap field.name
type_on_screen "Cerys"
tap contact.phone
type_on_screen "07700 900123"
shot 07-contact
tap nav.next
wait_for "^screen meeting cy"
tap meeting.video
tap nav.next
wait_for "^screen sharing cy"
tap sharing.talk_first
tap nav.next
wait_for "^screen check cy"
shot 08-check
tap check.send
wait_for "^screen thank_you cy"
shot 09-thank-you
tap thanks.finish
wait_for "^screen welcome"

# Demo mode: Escape closes the kiosk, as a developer would. It may close on the press, before
# xdotool sends the release to a window that is gone (an X error): whether it closed is checked below.
xdotool key --window "$window" Escape 2>/dev/null || true
for _ in $(seq 1 50); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$kiosk_pid" 2>/dev/null && fail "Escape did not close the demo kiosk"
kiosk_pid=""

# Every frame drawn in part was the frame drawn whole, and most were small parts or nothing.
checked="$(grep -c '^frame ' "$damage" || true)"
[ "$checked" -ge 200 ] || fail "only $checked frames were checked (KIOSK_CHECK_DAMAGE)"
grep ' differs ' "$damage" | head -5 | grep . && fail "frames drawn in part differ from the same frames drawn whole"
small="$(awk '$6 < 1280 * 800 / 4' "$damage" | wc -l)"
echo "frames checked: $checked, drawn in under a quarter of the screen: $small"
[ "$small" -ge $(( checked * 3 / 4 )) ] || fail "only $small of $checked frames drew under a quarter of the screen"

# The data folder holds none of what was typed, not even one word of it.
for w in drist llythyr "Nhŷ" "Ŵyn" ddigwyddodd Cerys 900123 Eiriolwr; do
  if grep -r -q -F -- "$w" "$data"; then fail "'$w' was found in plain text in $data"; fi
done

# Staff export; the complaints team opens the bundle (a demo kiosk's: with its own demo key, in an
# intake home of its own, and --accept-demo).
mkdir -p "$work/usb"
"$kiosk" admin export --to "$work/usb" --data-dir "$data" | tee "$artifacts/export.txt"
bundle="$(ls "$work"/usb/*.bundle)"
for w in drist llythyr Cerys; do
  if grep -q -F -- "$w" "$bundle"; then fail "'$w' is readable in the bundle"; fi
done
home="$work/intake"
"$intake" open "$bundle" --accept-demo --key "$data/demo-secret.key" --home "$home" | tee "$artifacts/open.txt"
csv="$home/worklist.csv"
cp "$csv" "$artifacts/worklist.csv"
row="$(sed -n 2p "$csv")"
echo "worklist row: $row"
expect() { grep -q -F -- "$1" <<<"$row" || fail "the worklist does not show $2 ($1)"; }
expect "\"$words\"" "exactly the words typed"
expect '"complaint","cy"' "a complaint in Welsh"
expect '"on_behalf","Siân Ŵyn","Eiriolwr","yes"' "the advocate, their role and the young person's agreement"
expect '"yes","not_listened; court_decision","Trist"' "an advocate wanted, the topics and the feeling"
expect '"explanation; talk_to_someone","Cerys","phone","07700 900123"' "put right, the name and the phone number"
expect '"video","talk_first"' "the meeting and sharing"
grep -q -E '^"[A-Z0-9]{3}-[A-Z0-9]{3}","no","complaint","cy","[0-9T:Z-]+","20[0-9]{2}-[0-9]{2}-[0-9]{2}"' "$csv" \
  || fail "the worklist does not give the reference and the date we said we would get in touch by"

# Until the team's receipt is brought back, every export carries the submission again.
"$kiosk" admin export --to "$work/usb" --data-dir "$data" | grep -q "Exported 1 submission" \
  || fail "an export before the receipt did not carry the unconfirmed submission again"
# The receipt is imported: the submission is deleted from the kiosk, and nothing is left to export.
receipt="$(ls "$home"/receipts/*.receipt | head -1)"
"$kiosk" admin import-receipt "$receipt" --data-dir "$data" | tee "$artifacts/import-receipt.txt"
grep -q "confirms 1 submission" "$artifacts/import-receipt.txt" || fail "the receipt did not confirm the submission"
"$kiosk" admin export --to "$work/usb" --data-dir "$data" | grep -q "Nothing to export" \
  || fail "an export after the receipt was not empty"
"$kiosk" admin status --json --data-dir "$data" >"$artifacts/status.json" || true
grep -q '"unconfirmed": 0' "$artifacts/status.json" || fail "status after the receipt: $(cat "$artifacts/status.json")"
echo "ok: the Welsh complaint was made, sealed, exported, opened with every answer intact, confirmed and deleted"
