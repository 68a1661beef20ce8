#!/usr/bin/env bash
# Every project header is included as <layer/file.hpp>, through the include folder its library
# gives only to the targets that link it; a quoted path that climbs out of its folder ("../")
# would reach past the layering, so none may exist.
set -u
root="$1"
found="$(grep -rn --include='*.cpp' --include='*.hpp' -E '#include "[^"]*\.\./' \
  "$root/kiosk" "$root/storage" "$root/intake" "$root/tests" || true)"
if [ -n "$found" ]; then
  echo "FAIL: these includes climb out of their folder; include <layer/file.hpp> instead:"
  echo "$found"
  exit 1
fi
echo "ok: every include stays within its layer"
