#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk needs to build, run and be tested.
# Idempotent: when everything is already there it only checks, in about a second.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries (headers and static or shared libraries)
  libimgui-dev libglfw3-dev libsqlite3-dev libstb-dev libsodium-dev libfreetype-dev libgl-dev
  nlohmann-json3-dev catch2
  # "Read it to me": espeak-ng's library and its Welsh and English voices (espeak-ng: the command, to try them)
  libespeak-ng-dev espeak-ng-data espeak-ng
  # running: Mesa's OpenGL (software rendering where there is no GPU)
  libgl1-mesa-dri
  # tests: a virtual display, real pointer events, screenshots, catalogue checks
  xvfb xauth xdotool x11-utils imagemagick gettext
  # tests: the pointer probe reads the X cursor image through XFixes
  libx11-dev libxfixes-dev
  # the Debian packages (packaging/deb.sh, ctest -L deb): building them, what the kiosk package
  # depends on (GLFW's run-time X libraries, cage and Xwayland, a logind session, kbd's chvt), and the test that
  # runs the installed kiosk under cage and reads its screen (grim, tesseract)
  dpkg-dev file systemd libpam-systemd dbus libxcursor1 libxrandr2 libxi6 libxinerama1 cage xwayland kbd
  grim tesseract-ocr tesseract-ocr-eng
  # the benchmark (packaging/bench.sh) watches the screen through DAMAGE and MIT-SHM and taps through XTEST
  libxdamage-dev libxext-dev libxtst-dev
  # fuzzing (packaging/fuzz.sh): clang with libFuzzer and the sanitizer runtimes, which clang only recommends
  clang libclang-rt-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed."
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "install-deps: these packages are missing and this user is not root: ${missing[*]}" >&2
    echo "install-deps: ask an administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
