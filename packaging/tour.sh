#!/usr/bin/env bash
# Renders every screen in Welsh and English at 1280x800, 1920x1080 and portrait 800x1280 into
# a folder (default out/tour), for reviewers and translators.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/out/tour}"
"$root/packaging/install-deps.sh"
"$root/packaging/build.sh"
mkdir -p "$out"
for size in 1280x800 1920x1080 800x1280; do
  xvfb-run -a -s "-screen 0 ${size}x24" "${BUILD_DIR:-$root/build}/kiosk/kiosk" --tour "$out" --windowed="$size" >/dev/null
done
echo "tour: $(ls "$out"/*.png | wc -l) screenshots in $out"
