#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and starts the kiosk.
# Arguments go to the kiosk: --windowed for a window, --data-dir DIR for another kiosk's data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/packaging/install-deps.sh"
"$root/packaging/build.sh"
exec "${BUILD_DIR:-$root/build}/kiosk/kiosk" "$@"
