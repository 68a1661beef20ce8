#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds, and runs every test: flow, storage,
# locales, the headless UI driver and the end-to-end test of the real kiosk under Xvfb.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/packaging/install-deps.sh"
BUILD_DIR="$build" "$root/packaging/build.sh"
cd "$build"
ctest --output-on-failure -j "$(nproc)"
