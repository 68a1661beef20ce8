#!/usr/bin/env bash
# The staff commands from the command line, through the real binary: set-pin (from standard input,
# and refused without a terminal), audit, sync and see-quarantine, with the words and exit codes the
# README gives; status and set-pin still work on a kiosk whose team key is damaged, while the
# commands that need the key refuse it; every command that changes something leaves an audit line.
#
# Usage: admin_staff_commands.sh KIOSK INTAKE
set -u
kiosk="$1"
intake="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
data="$work/data"
# Runs a command, keeping what it said in $out and its exit code in $code.
run() { out="$("$@" 2>&1)"; code=$?; }

printf 'correct horse battery staple\n' >"$work/passphrase"
INTAKE_KDF=interactive "$intake" keygen --home "$work/team" --passphrase-file "$work/passphrase" >/dev/null ||
  fail "intake keygen"
"$kiosk" admin provision --public-key "$work/team/team-public.key" --name "Canolfan Prawf" --data-dir "$data" \
  >/dev/null || fail "provision"

# set-pin: one line from standard input; a PIN of the wrong form changes nothing.
run bash -c "printf '246810\n' | '$kiosk' admin set-pin --pin-stdin --data-dir '$data'"
[ "$code" = 0 ] || fail "set-pin exited $code: $out"
grep -q "The staff PIN is set" <<<"$out" || fail "set-pin did not say so: $out"
grep -q '^\$argon2id\$' "$data/staff-pin" || fail "staff-pin is not an Argon2id hash: $(cat "$data/staff-pin")"
[ "$(stat -c %a "$data/staff-pin")" = 600 ] || fail "staff-pin is mode $(stat -c %a "$data/staff-pin")"
grep -q 246810 "$data/staff-pin" && fail "the PIN itself is in staff-pin"
hash="$(md5sum <"$data/staff-pin")"
for bad in 12345 1234567890123 12a456; do
  run bash -c "printf '$bad\n' | '$kiosk' admin set-pin --pin-stdin --data-dir '$data'"
  [ "$code" = 1 ] || fail "set-pin of $bad exited $code"
  grep -q "6 to 12 digits, and nothing else. Nothing was changed." <<<"$out" || fail "set-pin of $bad: $out"
done
[ "$hash" = "$(md5sum <"$data/staff-pin")" ] || fail "a refused PIN changed staff-pin"
# Without --pin-stdin it asks on the terminal, never standard input: with no terminal it says so.
run setsid -w "$kiosk" admin set-pin --data-dir "$data" </dev/null
[ "$code" = 1 ] || fail "set-pin with no terminal exited $code: $out"
grep -q "no terminal to ask for the PIN on" <<<"$out" || fail "set-pin with no terminal: $out"

# audit: oldest first, the commands' lines, no PIN; reading it changes nothing.
before="$(cd "$data" && ls -la --time-style=full-iso | grep -v -- "-shm$" && md5sum kiosk.db* | grep -v -- "-shm$")"
run "$kiosk" admin audit --data-dir "$data"
[ "$code" = 0 ] || fail "audit exited $code: $out"
grep -Eq "command +provision +done" <<<"$out" || fail "audit has no provision line: $out"
grep -Eq "command +set_pin +done" <<<"$out" || fail "audit has no set_pin line: $out"
[ "$(grep -Ec "command +set_pin +refused" <<<"$out")" = 3 ] || fail "audit does not have the 3 refused PINs: $out"
grep -Eq "246810|12345" <<<"$out" && fail "the audit log holds a PIN: $out"
[ "$(sed -n 2p <<<"$out" | grep -c provision)" = 1 ] || fail "audit is not oldest first: $out"
run "$kiosk" admin audit --last 1 --data-dir "$data"
[ "$(wc -l <<<"$out")" = 2 ] || fail "audit --last 1 printed: $out"
after="$(cd "$data" && ls -la --time-style=full-iso | grep -v -- "-shm$" && md5sum kiosk.db* | grep -v -- "-shm$")"
[ "$before" = "$after" ] || fail "audit changed the kiosk's folder"

# Mistakes in the command line exit 2, with the help.
for command in "audit --last 0" "audit --last many" "audit --last" "set-pin --json" "status --pin-stdin" \
  "see-quarantine extra" "sync --json"; do
  # shellcheck disable=SC2086
  run "$kiosk" admin $command --data-dir "$data"
  [ "$code" = 2 ] || fail "admin $command exited $code, not 2: $out"
  grep -q "Exit codes" <<<"$out" || fail "admin $command did not show the help: $out"
done

# sync: without a sync folder it says so; with one it runs a round; a folder gone is a problem.
run "$kiosk" admin sync --data-dir "$data"
[ "$code" = 1 ] || fail "sync with no folder exited $code"
grep -q "no sync folder" <<<"$out" || fail "sync with no folder: $out"
mkdir -p "$work/share"
sed -i "s|\"provisioned\": true|\"provisioned\": true, \"sync\": {\"folder\": \"$work/share\"}|" "$data/kiosk.json"
run "$kiosk" admin sync --data-dir "$data"
[ "$code" = 0 ] || fail "sync exited $code: $out"
grep -q "0 receipt(s) for this kiosk imported" <<<"$out" || fail "sync did not say what it did: $out"
rmdir "$work/share"
run "$kiosk" admin sync --data-dir "$data"
[ "$code" = 1 ] || fail "sync to a missing folder exited $code: $out"
grep -q "SYNC PROBLEM" <<<"$out" || fail "sync to a missing folder: $out"
run "$kiosk" admin audit --data-dir "$data"
grep -Eq "command +sync_now +done" <<<"$out" || fail "audit has no sync_now done: $out"
grep -Eq "command +sync_now +failed" <<<"$out" || fail "audit has no sync_now failed: $out"

# A database moved aside as damaged: status says staff have not seen it; see-quarantine records it.
run "$kiosk" admin see-quarantine --data-dir "$data"
[ "$code" = 0 ] || fail "see-quarantine with nothing to see exited $code"
grep -q "No quarantined database waits to be seen" <<<"$out" || fail "see-quarantine with nothing: $out"
mkdir -p "$data/quarantine"
cp "$data/kiosk.db" "$data/quarantine/kiosk-2026-11-20T101010Z.db"
run "$kiosk" admin status --data-dir "$data"
[ "$code" = 1 ] || fail "status with a quarantined database exited $code"
grep -q "NOT YET SEEN:  kiosk-2026-11-20T101010Z.db" <<<"$out" || fail "status does not say it is not yet seen: $out"
"$kiosk" admin status --json --data-dir "$data" | grep -q '"seen": false' || fail "status --json: not seen"
run "$kiosk" admin see-quarantine --data-dir "$data"
[ "$code" = 0 ] || fail "see-quarantine exited $code: $out"
grep -q "Recorded that staff have seen 1 quarantined database(s), the newest kiosk-2026-11-20T101010Z.db" <<<"$out" ||
  fail "see-quarantine: $out"
run "$kiosk" admin status --data-dir "$data"
grep -q "NOT YET SEEN" <<<"$out" && fail "status still says not yet seen: $out"
grep -q "QUARANTINED" <<<"$out" || fail "the quarantined database is no longer shown: $out"
"$kiosk" admin status --json --data-dir "$data" | grep -q '"seen": true' || fail "status --json: not seen after"
"$kiosk" admin audit --data-dir "$data" | grep -Eq "quarantine_seen +done +0  kiosk-2026-11-20T101010Z.db" ||
  fail "audit has no quarantine_seen line: $("$kiosk" admin audit --data-dir "$data")"

# An export to a stick that is not there changes nothing, says so, and is refused in the log.
run "$kiosk" admin export --to "$work/no-stick" --data-dir "$data"
[ "$code" = 1 ] || fail "export to a missing folder exited $code"
grep -q "does not exist" <<<"$out" || fail "export to a missing folder: $out"
"$kiosk" admin audit --last 1 --data-dir "$data" | grep -Eq "export +refused +0  $work/no-stick" ||
  fail "audit of the refused export: $("$kiosk" admin audit --last 1 --data-dir "$data")"

# The team key damaged: status says why and exits 1; set-pin and audit still work; export refuses.
sed -i 's/"sealing_key": *"\(.\)/"sealing_key": "!/' "$data/team-public.key"
run "$kiosk" admin status --data-dir "$data"
[ "$code" = 1 ] || fail "status with a damaged key exited $code"
grep -q "NO KEY:" <<<"$out" || fail "status does not say the key is unusable: $out"
grep -q "team sealing  cannot be read" <<<"$out" || fail "status shows a fingerprint for no key: $out"
"$kiosk" admin status --json --data-dir "$data" | grep -q '"key_problem": "the team' || fail "status --json: key_problem"
run bash -c "printf '97531864\n' | '$kiosk' admin set-pin --pin-stdin --data-dir '$data'"
[ "$code" = 0 ] || fail "set-pin on a kiosk with a damaged key exited $code: $out"
run "$kiosk" admin audit --data-dir "$data"
[ "$code" = 0 ] || fail "audit on a kiosk with a damaged key exited $code: $out"
run "$kiosk" admin export --to "$work" --data-dir "$data"
[ "$code" = 1 ] || fail "export with a damaged key exited $code"
grep -q "sealing_key" <<<"$out" || fail "export with a damaged key did not say why: $out"
echo "ok: set-pin, audit, sync and see-quarantine say what they did, with the documented exit codes"
