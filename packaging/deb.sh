#!/usr/bin/env bash
# Builds the Debian packages into build-deb/ (or $DEB_BUILD_DIR): cafcass-cymru-kiosk (the tablet),
# cafcass-cymru-intake (the complaints team's computer) and cafcass-cymru-locales (both), from a
# Release build installed under /usr. Prints the .deb files made.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DEB_BUILD_DIR:-$root/build-deb}"
"$root/packaging/install-deps.sh" >/dev/null
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF \
    "${launcher[@]}" >/dev/null
cmake --build "$build" --target kiosk intake -j "$(nproc)"
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >/dev/null)
ls "$build"/*.deb
