# Shared by the end-to-end scripts (sourced): a work folder removed at the end, a virtual display
# of the script's own, and stopping the kiosk and the display whatever happens.

work="$(mktemp -d)"
cleanup() {
  [ -n "${kiosk_pid:-}" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_display SIZE LOG: starts Xvfb at WIDTHxHEIGHT on a display number it picks itself, and
# exports DISPLAY for it. Calls the script's fail() if it does not start.
start_display() {
  exec 3<> <(:)
  Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp >"$2" 2>&1 &
  xvfb_pid=$!
  local display_no
  read -r -t 10 display_no <&3 || fail "Xvfb did not start"
  export DISPLAY=":$display_no"
}
