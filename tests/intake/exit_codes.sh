#!/usr/bin/env bash
# The intake program's exit codes, as the README documents them: 0 done, 1 something refused or
# needing attention, 2 a command line not understood. Run on the real binary.
set -u
intake="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export INTAKE_KDF=interactive # keygen's cheap limits, for tests only
failed=0

# expect CODE [TEXT-IN-OUTPUT] -- COMMAND...
expect() {
  local want="$1" text="$2"
  shift 3
  "$@" >"$work/out" 2>"$work/err" </dev/null
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: exit $got, not $want: $*"
    sed 's/^/    /' "$work/out" "$work/err"
    failed=1
  elif [ -n "$text" ] && ! grep -qF -- "$text" "$work/out" "$work/err"; then
    echo "FAIL: exit $got as expected, but \"$text\" was not said: $*"
    sed 's/^/    /' "$work/out" "$work/err"
    failed=1
  else
    echo "ok: exit $got: $*"
  fi
}

home="$work/home"
pass=(--home "$home" --passphrase-file "$work/passphrase")
echo "correct horse battery staple" >"$work/passphrase"
echo "not the team's passphrase" >"$work/wrong"

# 2: not understood
expect 2 "no command" -- "$intake"
expect 2 "no command \"frobnicate\"" -- "$intake" frobnicate
expect 2 "bundle files" -- "$intake" open --home "$home"
expect 2 "not an option" -- "$intake" keygen --accept-demo --home "$home"
expect 2 "cy or en" -- "$intake" worklist --language fr --home "$home"
expect 2 "one way" -- "$intake" worklist "${pass[@]}" --passphrase-stdin
expect 2 "number of lines" -- "$intake" audit --last 0 --home "$home"
expect 2 "not an option" -- "$intake" audit "${pass[@]}"
expect 0 "Exit codes" -- "$intake" help

# 1: nothing to work with yet, and reading never makes a home
expect 1 "intake keygen" -- "$intake" kiosks list --home "$home"
expect 1 "intake keygen" -- "$intake" audit --home "$home"
expect 1 "intake keygen" -- "$intake" open "$work/none.bundle" "${pass[@]}"
[ -e "$home" ] && { echo "FAIL: a command that found no home made one"; failed=1; }

# 0 then 1: keys are made once
expect 0 "team-public.key" -- "$intake" keygen "${pass[@]}"
expect 1 "never replaces" -- "$intake" keygen "${pass[@]}"
expect 0 "No kiosk is enrolled" -- "$intake" kiosks list --home "$home"

# 1: refused bundles
expect 1 "REFUSED" -- "$intake" open "$work/none.bundle" "${pass[@]}"
printf 'not a bundle\n' >"$work/junk.bundle"
expect 1 "REFUSED" -- "$intake" open "$work/junk.bundle" "${pass[@]}"
[ -e "$work/junk.bundle" ] || { echo "FAIL: a refused bundle was removed"; failed=1; }

# Passphrases: a wrong one, from standard input, and no terminal to ask on
expect 1 "passphrase is not right" -- "$intake" worklist --home "$home" --passphrase-file "$work/wrong"
expect 0 "Worklist: 0 submission(s)" -- bash -c "\"$intake\" worklist --home \"$home\" --passphrase-stdin <\"$work/passphrase\""
expect 1 "no terminal" -- setsid -w "$intake" worklist --home "$home"

# Sync folders: missing is reported; empty is fine
expect 1 "not there" -- "$intake" sync "$work/not-mounted" "${pass[@]}"
mkdir "$work/share"
expect 0 "no bundle waiting" -- "$intake" sync "$work/share" "${pass[@]}"

# The rest
expect 1 "Nothing on the worklist" -- "$intake" acknowledge AAA-AAA "${pass[@]}"
expect 0 "Worklist" -- "$intake" rebuild "${pass[@]}"
expect 1 "No enrolled kiosk" -- "$intake" kiosks remove "0000 0000 0000 0000 0000" --home "$home"
expect 0 "No audit line" -- "$intake" audit --home "$home"
expect 1 "No kiosk called" -- "$intake" audit --kiosk "Canolfan Neb" --home "$home"

exit $failed
