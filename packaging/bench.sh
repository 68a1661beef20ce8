#!/usr/bin/env bash
# Measures the real kiosk under Xvfb (Mesa's software renderer) at each screen size and prints one
# table. A benchmark, not a test: it asserts nothing, and its figures are only as quiet as the
# machine. For each size, with a demo kiosk in a fresh folder:
#   - launch to first complete frame: from starting the program to the first picture on the X
#     server that is the one it settles on (tests/bench/screen_watch.cpp, watching from outside);
#   - memory: PSS and RSS once started, and PSS and peak RSS after the journey (PSS shares Mesa's
#     libraries' pages among every process that maps them, so it falls as other such programs run);
#   - CPU while untouched for 10 s on Welcome, and for 10 s while "Are you still there?" counts down
#     (the kiosk asks after --ask-after quiet seconds, a demo kiosk's option), the kiosk's and Xvfb's;
#   - a scripted journey, tapped and typed with real pointer events at the places the kiosk's tap
#     map (KIOSK_TAP_MAP) gives: tap to next screen and tap to letter shown, from the release of the
#     button to the first picture on the X server that is the new one (the median and the worst);
#     and each frame's CPU time (the kiosk's KIOSK_FRAME_LOG) per screen, p50 and p99, and in
#     brackets the p50 of its part before rendering (ImGui and the screens' code; the rest is Mesa);
#     and how much of the screen each frame drew again (only what changed is drawn), and what the
#     frames that drew all of it cost (a new screen, the keyboard's letters changing case...).
# Usage: packaging/bench.sh [WIDTHxHEIGHT...]   (default 1280x800 1920x1080)
# BUILD_DIR: the build (default build/), with the kiosk and tests/screen_watch built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
kiosk="$build/kiosk/kiosk"
watch="$build/tests/screen_watch"
keyboard="$root/assets/keyboard.txt"
# "read -n1" reads one character, not one byte of it, only in a UTF-8 locale.
export LC_ALL=C.UTF-8
for program in "$kiosk" "$watch"; do
  [ -x "$program" ] || { echo "bench.sh: $program is not built (cmake --build build --target kiosk screen_watch)" >&2; exit 1; }
done
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 1920x1080)

source "$root/tests/e2e/lib.sh"
fail() { echo "bench.sh: $*" >&2; [ -f "${taps:-}" ] && head -1 "$taps" >&2; tail -5 "$work/taps.log" >&2; exit 1; }
eval "lib_$(declare -f tap)" # lib.sh's tap, which scrolls a widget into view, for what the watcher cannot reach
hz=$(getconf CLK_TCK)
ask_after=6

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# cpu_for SECONDS: the kiosk's and Xvfb's CPU over that time, in % of one core ("K X").
cpu_for() {
  local k0 x0 w0 k1 x1 w1
  k0=$(ticks "$kiosk_pid"); x0=$(ticks "$xvfb_pid"); w0=$(date +%s%N)
  sleep "$1"
  k1=$(ticks "$kiosk_pid"); x1=$(ticks "$xvfb_pid"); w1=$(date +%s%N)
  awk -v k=$(( k1 - k0 )) -v x=$(( x1 - x0 )) -v hz="$hz" -v ns=$(( w1 - w0 )) \
    'BEGIN { s = ns / 1e9; printf "%.1f %.1f\n", 100 * k / hz / s, 100 * x / hz / s }'
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
pss() { awk '/^Pss:/ {print $2}' "/proc/$kiosk_pid/smaps_rollup" 2>/dev/null || echo 0; }

# Taps a widget by its key, watched: the release's time to the new picture goes to $work/taps.log
# as "KIND KEY FINAL_MS", KIND "screen" if the screen changed, "key" for a keyboard key, else "other".
tap() {
  local key="$1" line="" before out first final
  for _ in $(seq 1 60); do
    line="$(grep -F -- "tap $key " "$taps" 2>/dev/null | head -1 || true)"
    [ -n "$line" ] && break
    sleep 0.05
  done
  if [[ "$line" != *" whole" ]]; then lib_tap "$key"; return; fi
  read -r _ _ x0 y0 x1 y1 _ <<<"$line"
  before="$(head -1 "$taps" | awk '{print $2}')"
  out="$("$watch" tap $(( ox + (x0 + x1) / 2 )) $(( oy + (y0 + y1) / 2 )))"
  read -r _ first _ final _ <<<"$out"
  local kind=other
  [[ "$key" == key.* ]] && kind=key
  [ "$(head -1 "$taps" | awk '{print $2}')" != "$before" ] && kind=screen
  echo "$kind $key $final $(head -1 "$taps" | cut -d" " -f2-5)" >>"$work/taps.log"
}

journey() {
  wait_for "^screen welcome"
  tap welcome.cymraeg
  wait_for "^screen kind cy"
  tap kind.complaint
  wait_for "^screen who cy"
  tap who.me
  tap nav.next
  wait_for "^screen help cy"
  tap nav.next
  wait_for "^screen topics cy"
  tap topic.not_listened
  tap nav.next
  wait_for "^screen feelings cy"
  tap feeling.2
  tap nav.next
  wait_for "^screen story cy"
  type_on_screen "Dw i'n drist. Ŵyr neb"
  tap nav.next
  wait_for "^screen put_right cy"
  tap put_right.explanation
  tap nav.next
  wait_for "^screen contact cy"
  tap contact.none
  tap nav.next
  wait_for "^screen \(meeting\|sharing\) cy"
  head -1 "$taps" | grep -q "^screen meeting" && tap nav.next
  wait_for "^screen sharing cy"
  tap sharing.yes
  tap nav.next
  wait_for "^screen check cy"
}

# median and worst of the numbers on standard input ("-" if none)
median_max() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "- -"; else print v[int((NR + 1) / 2)], v[NR] }'; }
# p50 and p99 of the numbers on standard input
p50_p99() {
  sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.99 + 0.999); if (i > NR) i = NR; printf "%.1f %.1f %d\n", v[int((NR + 1) / 2)], v[i], NR }'
}

results="$work/results"
: >"$results"
put() { echo "$1|$2|$3" >>"$results"; } # row, size, value

for size in "${sizes[@]}"; do
  data="$work/data-$size" taps="$work/taps-$size" frames="$work/frames-$size"
  : >"$work/taps.log"
  start_display "$size" "$work/xvfb.log"
  # A first start makes the demo kiosk's keys, which is not what is measured.
  "$kiosk" --data-dir "$data" --windowed="$size" >/dev/null 2>&1 &
  kiosk_pid=$!
  sleep 2
  kill "$kiosk_pid"; wait "$kiosk_pid" 2>/dev/null || true
  kiosk_pid=""
  # Three starts, the median kept (one start's time swings with whatever else the machine does);
  # the last one stays running to be measured.
  launches=()
  for attempt in 1 2 3; do
    [ -n "${kiosk_pid:-}" ] && { kill "$kiosk_pid" 2>/dev/null || true; sleep 0.5; }
    read -r _ kiosk_pid _ first _ final < <(KIOSK_TAP_MAP="$taps" KIOSK_FRAME_LOG="$frames" \
      "$watch" launch "$kiosk" --data-dir "$data" --windowed="$size" --ask-after "$ask_after")
    launches+=("$final")
  done
  find_window
  eval "$(xdotool getwindowgeometry --shell "$window")"
  ox="$X" oy="$Y"
  put "launch to first complete frame (median of 3), ms" "$size" "$(printf '%s\n' "${launches[@]}" | median_max | cut -d' ' -f1)"
  put "memory once started: PSS / RSS, MiB" "$size" \
    "$(mib "$(pss)") / $(mib "$(awk '/^VmRSS/ {print $2}' "/proc/$kiosk_pid/status")")"
  : >"$frames" # the frames of starting up are not the frames of using it
  read -r k x < <(cpu_for 10)
  put "CPU untouched 10 s: kiosk (Xvfb), %" "$size" "$k ($x)"

  journey
  put "memory after the journey: PSS / peak RSS, MiB" "$size" \
    "$(mib "$(pss)") / $(mib "$(awk '/^VmHWM/ {print $2}' "/proc/$kiosk_pid/status")")"
  read -r m w < <(awk '$1 == "screen" && $3 != "-" { print $3 }' "$work/taps.log" | median_max)
  put "tap to next screen: median / worst, ms ($(grep -c '^screen' "$work/taps.log") taps)" "$size" "$m / $w"
  read -r m w < <(awk '$1 == "key" && $3 != "-" { print $3 }' "$work/taps.log" | median_max)
  put "tap to letter shown: median / worst, ms ($(grep -c '^key' "$work/taps.log") taps)" "$size" "$m / $w"

  wait_for " overlay 1 "
  sleep 0.5
  read -r k x < <(cpu_for 10)
  put "CPU during the countdown 10 s: kiosk (Xvfb), %" "$size" "$k ($x)"
  whole=$(( ${size%x*} * ${size#*x} ))
  read -r p50 p99 _ < <(awk -v all="$whole" '{ print 100 * $6 / all }' "$frames" | p50_p99)
  put "screen drawn again per frame: p50 / p99, %" "$size" "$p50 / $p99"
  read -r m w < <(awk -v all="$whole" '$6 == all { printf "%.1f\n", $3 }' "$frames" | median_max)
  put "frames drawn whole: how many, CPU median / worst, ms" "$size" "$(awk -v all="$whole" '$6 == all' "$frames" | wc -l): $m / $w"
  for screen in $(awk '{print $2}' "$frames" | awk '!seen[$0]++'); do
    read -r p50 p99 n < <(awk -v s="$screen" '$2 == s { print $3 }' "$frames" | p50_p99)
    read -r b50 _ < <(awk -v s="$screen" '$2 == s { print $5 }' "$frames" | p50_p99)
    put "frame CPU p50 / p99 [p50 before rendering], ms: $screen" "$size" "$p50 / $p99 [$b50]"
  done
  kill "$kiosk_pid" "$xvfb_pid" 2>/dev/null || true
  wait "$kiosk_pid" 2>/dev/null || true
  kiosk_pid="" xvfb_pid=""
done

echo "The kiosk under Xvfb and Mesa's software renderer ($(nproc) cores; $(date -u +%Y-%m-%d))"
awk -F'|' -v sizes="${sizes[*]}" '
  BEGIN { n = split(sizes, s, " ") }
  { if (!($1 in seen)) { seen[$1] = 1; rows[++r] = $1 } v[$1, $2] = $3 }
  END {
    printf "%-66s", ""; for (i = 1; i <= n; i++) printf " %18s", s[i]; printf "\n"
    for (j = 1; j <= r; j++) {
      printf "%-66s", rows[j]
      for (i = 1; i <= n; i++) printf " %18s", ((rows[j], s[i]) in v ? v[rows[j], s[i]] : "-")
      printf "\n"
    }
  }' "$results"
