#!/usr/bin/env bash
# Configures and builds the project in build/ (or $BUILD_DIR), for installation under /usr: the
# packages the tests build from it (ctest -L deb) put the kiosk's files there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build "$build" -j "$(nproc)"
