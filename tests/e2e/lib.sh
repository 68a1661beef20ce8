# Shared by the end-to-end scripts (sourced): a work folder removed at the end, a virtual display
# of the script's own, and stopping the kiosk and the display whatever happens.

work="$(mktemp -d)"
cleanup() {
  [ -n "${kiosk_pid:-}" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_display SIZE LOG: starts Xvfb at WIDTHxHEIGHT on a display number it picks itself, exports
# DISPLAY for it, and returns once a client can connect. A server that dies or does not answer
# (several tests start displays at once on CI) is started again, up to three times; then the
# script's fail() is called, with what was seen in LOG.
start_display() {
  local attempt display_no
  display_size="$1" display_log="$2"
  for attempt in 1 2 3; do
    exec 3<> <(:)
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp >>"$2" 2>&1 &
    xvfb_pid=$!
    display_no=""
    read -r -t 10 display_no <&3 || true
    exec 3>&-
    if [ -n "$display_no" ]; then
      export DISPLAY=":$display_no"
      for _ in $(seq 1 50); do
        xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
        kill -0 "$xvfb_pid" 2>/dev/null || break
        sleep 0.1
      done
    fi
    echo "display attempt $attempt: number '${display_no}', server $(kill -0 "$xvfb_pid" 2>/dev/null && echo alive || echo gone)" >>"$2"
    kill "$xvfb_pid" 2>/dev/null || true
  done
  fail "Xvfb did not start or answer: $(cat "$2")"
}

# Driving the kiosk as a person would, for the scripts that tap through a journey. They read the
# kiosk's tap map ($taps, from KIOSK_TAP_MAP), tap the window found by find_window, type with the
# keys of $keyboard (the kiosk's assets/keyboard.txt), and call the script's fail().

# Waits until the tap map shows a screen ("screen story cy ...").
# The waits end as soon as what they wait for happens; they are long because a CI machine busy with
# two builds can take many seconds to start the kiosk (GL context, font atlas) and draw a frame.
wait_for() {
  local pattern="$1"
  for _ in $(seq 1 600); do
    if [ -f "$taps" ] && head -1 "$taps" | grep -q -- "$pattern"; then return 0; fi
    sleep 0.05
  done
  fail "waited for '$pattern'"
}

window=""
find_window() {
  for _ in $(seq 1 600); do
    window="$(xdotool search --name '^Cafcass Cymru$' 2>/dev/null | head -1 || true)"
    [ -n "$window" ] && return 0
    sleep 0.1
  done
  fail "the kiosk window did not appear"
}

# start_kiosk LOG COMMAND...: starts the kiosk (COMMAND, with its environment) in the background
# and waits for its window. A display that stopped answering between start_display and the kiosk's
# start (seen on a CI machine running several displays at once: "The display could not be opened")
# is started again, and the kiosk with it, up to three times; any other stop fails at once.
start_kiosk() {
  local log="$1" attempt
  shift
  for attempt in 1 2 3; do
    "$@" >"$log" 2>&1 &
    kiosk_pid=$!
    for _ in $(seq 1 600); do
      window="$(xdotool search --name '^Cafcass Cymru$' 2>/dev/null | head -1 || true)"
      [ -n "$window" ] && return 0
      kill -0 "$kiosk_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$kiosk_pid" 2>/dev/null && fail "the kiosk window did not appear"
    grep -q "display could not be opened" "$log" || fail "the kiosk stopped: $(tail -5 "$log")"
    echo "kiosk attempt $attempt: the display did not answer; starting it again" >>"$display_log"
    kill "$xvfb_pid" 2>/dev/null || true
    start_display "$display_size" "$display_log"
  done
  fail "the kiosk could not open a display three times: $(tail -5 "$log")"
}

# Waits until the kiosk has drawn something new (the tap map changes), or a moment passes, and then
# until it has stopped changing for a while (a page scrolls on over a few frames, slower ones when
# the kiosk checks what it draws).
settle() {
  local before="$1" now same=0
  for _ in $(seq 1 30); do
    [ "$(cat "$taps")" != "$before" ] && break
    sleep 0.03
  done
  before="$(cat "$taps")"
  for _ in $(seq 1 40); do
    sleep 0.05
    now="$(cat "$taps")"
    if [ "$now" = "$before" ]; then same=$(( same + 1 )); else same=0; before="$now"; fi
    [ "$same" -ge 3 ] && return 0
  done
}

# Drags the scrolling body with a real pointer: up (to see further down) or down.
drag_body() {
  local direction="$1" line x y0 y1
  line="$(grep "^scroll body " "$taps" | head -1 || true)"
  [ -n "$line" ] || return 1
  read -r _ _ ax0 ay0 ax1 ay1 can <<<"$line"
  [ "$can" = "can" ] || return 1
  x=$(( (ax0 + ax1) / 2 ))
  local mid=$(( (ay0 + ay1) / 2 )) reach=$(( (ay1 - ay0) * 3 / 10 ))
  if [ "$direction" = up ]; then y0=$(( mid + reach )); y1=$(( mid - reach )); else y0=$(( mid - reach )); y1=$(( mid + reach )); fi
  local before; before="$(cat "$taps")"
  xdotool mousemove --window "$window" "$x" "$y0" mousedown 1
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove --window "$window" "$x" $(( y0 + (y1 - y0) * i / 8 ))
    sleep 0.02
  done
  xdotool mouseup 1
  settle "$before"
}

# Taps a widget by its key with a real pointer press and release at its centre, scrolling it
# into view first if it is below or above the visible part of the screen.
tap() {
  local key="$1" line=""
  for _ in $(seq 1 60); do
    line="$(grep -F -- "tap $key " "$taps" 2>/dev/null | head -1 || true)"
    [ -n "$line" ] && break
    sleep 0.05
  done
  for direction in up down; do
    for _ in $(seq 1 12); do
      line="$(grep -F -- "tap $key " "$taps" 2>/dev/null | head -1 || true)"
      [ -n "$line" ] && [[ "$line" == *" whole" ]] && break 2
      drag_body "$direction" || break
    done
  done
  line="$(grep -F -- "tap $key " "$taps" 2>/dev/null | head -1 || true)"
  [ -n "$line" ] || fail "no '$key' on screen"
  read -r _ _ x0 y0 x1 y1 _ <<<"$line"
  local x=$(( (x0 + x1) / 2 )) y=$(( (y0 + y1) / 2 ))
  local before; before="$(cat "$taps")"
  xdotool mousemove --window "$window" "$x" "$y"
  sleep 0.05
  xdotool mousedown 1
  sleep 0.05
  xdotool mouseup 1
  settle "$before"
}

shot() { import -window root "$artifacts/$1.png" 2>/dev/null || true; }

# Where a character is typed, from the keyboard file, as "layer key shift" (shift 1 or 0). The
# first layer in the file that has it wins, as in the kiosk's own lookup (ui::KeyboardLayout::find).
key_for() {
  ch="$1" awk '
    $1 ~ /^#/ || NF < 5 { next }
    $5 == "[space]" && ENVIRON["ch"] == " " { print $1, $3, 0; exit }
    $5 == ENVIRON["ch"] { print $1, $3, 0; exit }
    NF == 6 && $5 !~ /^\[/ && $6 == ENVIRON["ch"] { print $1, $3, 1; exit }
  ' "$keyboard"
}

# The key that switches the keyboard to a layer, if there is one.
switch_key_to() {
  awk -v to="[$1]" '$1 !~ /^#/ && $5 == to { print $3; exit }' "$keyboard"
}

on_screen() { grep -q -F -- "tap $1 " "$taps"; }
shift_on() { head -1 "$taps" | sed -n 's/.* shift \([01]\) .*/\1/p'; }

# Types text on the on-screen keyboard, one tap per key, as a child would: to the key's layer if
# the key is not showing, shift if the character needs it (or shift off if it does not), the key.
type_on_screen() {
  local text="$1" ch place layer key shift to
  while IFS= read -r -n1 ch; do
    [ -z "$ch" ] && continue
    place="$(key_for "$ch")"
    [ -n "$place" ] || fail "no key types '$ch' in $keyboard"
    read -r layer key shift <<<"$place"
    if ! on_screen "$key"; then
      to="$(switch_key_to "$layer")"
      [ -n "$to" ] || fail "'$key' is not on screen and no key switches to the $layer layer"
      tap "$to"
    fi
    [ "$(shift_on)" = "$shift" ] || tap "key.shift"
    tap "$key"
  done < <(printf '%s' "$text")
}

