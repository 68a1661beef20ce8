#!/usr/bin/env bash
# End to end, the daily sync with no USB stick and no server of our own: a provisioned kiosk
# whose kiosk.json names a sync folder. A child sends a compliment through the real kiosk under
# Xvfb; the kiosk exports into the folder by itself; the complaints team's `intake sync` opens the
# bundle, writes the worklist and a receipt into the folder; the kiosk imports the receipt by
# itself and deletes the row, whose sealed bytes are then in neither kiosk.db nor its WAL; a
# second `intake sync` adds nothing.
#
# Usage: sync_round_trip.sh KIOSK INTAKE ARTIFACT_DIR KEYBOARD_FILE
set -euo pipefail
kiosk="$1"
intake="$2"
artifacts="$3"
keyboard="$4"
export LC_ALL=C.UTF-8
rm -rf "$artifacts"
mkdir -p "$artifacts"
source "$(dirname "$0")/lib.sh"
data="$work/data"
team="$work/team"
sync="$work/share"
taps="$work/taps"
mkdir -p "$sync"
fail() { echo "FAIL: $*"; [ -f "$artifacts/kiosk.log" ] && tail -20 "$artifacts/kiosk.log"; exit 1; }

# The complaints team makes its keys; IT provisions the kiosk and the team enrols it.
printf 'correct horse battery staple\n' >"$work/passphrase"
team_cmd() { INTAKE_KDF=interactive "$intake" "$@" --home "$team" --passphrase-file "$work/passphrase"; }
team_cmd keygen >"$artifacts/keygen.txt"
"$kiosk" admin provision --public-key "$team/team-public.key" --name "Canolfan Prawf" --data-dir "$data" \
  >"$artifacts/provision.txt"
"$intake" kiosks add "$data/kiosk-identity.json" --home "$team" >"$artifacts/enrol.txt"
cat >"$data/kiosk.json" <<JSON
{ "name": "Canolfan Prawf", "provisioned": true,
  "sync": { "folder": "$sync", "export_every_minutes": 1, "check_every_seconds": 1 } }
JSON

# The kiosk starts, provisioned, with the sync folder; a child sends a compliment in English.
start_display 1280x800 "$artifacts/xvfb.log"
# Whole frames, swapped, as on a GPU (KIOSK_WHOLE_FRAMES): the other tests run the software
# renderer's way, drawing only what changed.
start_kiosk "$artifacts/kiosk.log" env KIOSK_TAP_MAP="$taps" KIOSK_WHOLE_FRAMES=1 "$kiosk" --data-dir "$data" \
  --windowed=1280x800
wait_for "^screen welcome"
tap welcome.english
wait_for "^screen kind en"
tap kind.compliment
wait_for "^screen who en"
tap who.me
tap nav.next
wait_for "^screen feelings en"
tap feeling.5
tap nav.next
wait_for "^screen story en"
type_on_screen "Thank you Wyn"
tap nav.next
wait_for "^screen contact en"
tap contact.none
tap nav.next
wait_for "^screen check en"
tap check.send
wait_for "^screen thank_you en"
shot thank-you
tap thanks.finish
wait_for "^screen welcome"

# The kiosk exports into the folder by itself, with no one asking.
bundle=""
# (Generous waits: they end as soon as it happens, and a loaded CI machine renders slowly.)
for _ in $(seq 1 600); do
  bundle="$(ls "$sync"/*.bundle 2>/dev/null | head -1 || true)"
  [ -n "$bundle" ] && break
  sleep 0.1
done
[ -n "$bundle" ] || fail "the kiosk did not export into its sync folder"
grep -q -F "Thank you Wyn" "$bundle" && fail "the words are readable in the bundle"
# The sealed bytes, to look for in the kiosk's files once the receipt has come back.
sealed_hex="$(sed -n 's/.*"sealed": *"\([^"]*\)".*/\1/p' "$bundle" | head -1 | base64 -d | od -An -tx1 -v | tr -d ' \n')"
[ "${#sealed_hex}" -gt 200 ] || fail "no sealed submission in $bundle"
in_file() { od -An -tx1 -v "$1" 2>/dev/null | tr -d ' \n' | grep -q "${sealed_hex:64:96}"; }
in_file "$data/kiosk.db" || fail "the sealed bytes are not in kiosk.db before the receipt: this search cannot see them"

"$kiosk" admin status --json --data-dir "$data" >"$artifacts/status-before.json" || true
grep -q '"unconfirmed": 1' "$artifacts/status-before.json" || fail "status before the receipt: $(cat "$artifacts/status-before.json")"

# The complaints team's side: opens what is there, writes the worklist and the receipt back.
team_cmd sync "$sync" | tee "$artifacts/sync-1.txt"
grep -q -F "Thank you Wyn" "$team/worklist.csv" || fail "the worklist does not hold the words"
cp "$team/worklist.html" "$artifacts/worklist.html"
# The receipt goes into the team's receipts/ and into the folder, where the kiosk may already have
# taken it by now (it watches the folder): that it did is checked next.
ls "$team"/receipts/*.receipt >/dev/null 2>&1 || fail "intake sync wrote no receipt"

# The kiosk imports the receipt by itself and deletes the row.
status=""
for _ in $(seq 1 600); do
  status="$("$kiosk" admin status --json --data-dir "$data" || true)"
  grep -q '"unconfirmed": 0' <<<"$status" && grep -q '"received": 0' <<<"$status" \
    && grep -q '"last_receipt": "' <<<"$status" && break
  sleep 0.1
done
echo "$status" >"$artifacts/status-after.json"
grep -q '"unconfirmed": 0' <<<"$status" && grep -q '"last_receipt": "' <<<"$status" \
  || fail "the kiosk did not import the receipt by itself: $status"
ls "$sync"/*.receipt >/dev/null 2>&1 && fail "the kiosk left the receipt it applied in the folder"
for f in "$data/kiosk.db" "$data/kiosk.db-wal"; do
  in_file "$f" && fail "the sealed bytes are still in $f after the receipt"
done

# A second sync adds nothing, and the worklist is as it was.
before="$(md5sum <"$team/worklist.csv")"
team_cmd sync "$sync" | tee "$artifacts/sync-2.txt"
[ "$(md5sum <"$team/worklist.csv")" = "$before" ] || fail "a second sync changed the worklist"
[ "$(grep -c -F "Thank you Wyn" "$team/worklist.csv")" = 1 ] || fail "the worklist holds the submission more than once"
echo "ok: exported by the kiosk, opened by intake sync, receipt imported by the kiosk, row deleted, second sync added nothing"
