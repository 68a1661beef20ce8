#!/usr/bin/env bash
# The Debian package on this machine: builds the .deb files from the build folder (CPack), checks
# their contents and dependencies, checks the units and the lock-down files with systemd's own
# tools, installs them, runs the installed kiosk's session (cage, as the kiosk's user) on a virtual
# screen, looks at it with grim, kills the kiosk and sees cage end, shows the start-error screen of
# a kiosk whose data folder it cannot use, then purges and checks that the machine is as before.
# Needs root. It changes what this machine starts at boot while it runs, so on a machine booted with
# systemd it runs only with KIOSK_TEST_INSTALL=1 (CI containers are not booted with systemd).
# Usage: install_run_purge.sh BUILD_DIR [ARTIFACTS_DIR [ADD_SUBMISSION [INTAKE]]]
#   the screenshots are kept in ARTIFACTS_DIR; with ADD_SUBMISSION (tests/deb/add_submission.cpp), more
#   installs check that a purge keeps a data folder holding a submission without a receipt, a
#   quarantined database or a database it cannot read. INTAKE (the intake tool) makes the team's key
#   the installed kiosk is provisioned with; without it the test is skipped.
set -euo pipefail
build="$1"
artifacts="${2:-$build/deb-test-artifacts}"
add_submission="${3:-}"
intake="${4:-$build/intake/intake}"
user=cafcass-cymru-kiosk
data=/var/lib/cafcass-cymru-kiosk
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || skip "installing a package needs root"
if [ -d /run/systemd/system ] && [ "${KIOSK_TEST_INSTALL:-0}" != 1 ]; then
    skip "this machine was booted with systemd: installing would make it boot into the kiosk; set KIOSK_TEST_INSTALL=1 to test anyway"
fi
prefix="$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")"
[ "$prefix" = /usr ] || skip "$build is configured with CMAKE_INSTALL_PREFIX=$prefix; the packages are built with /usr (packaging/build.sh does that)"
for p in cafcass-cymru-kiosk cafcass-cymru-intake cafcass-cymru-locales; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q installed; then
        skip "$p is installed on this machine; this test installs and purges it"
    fi
done
getent passwd "$user" >/dev/null && skip "the user $user exists already"
# The folders the staff command makes for its copies of files only root can read.
copies() { ls -d /tmp/cafcass-cymru-kiosk-admin.* 2>/dev/null || true; }
[ -z "$(copies)" ] || skip "copies the staff command left behind are in /tmp already: $(copies)"
[ -x "$intake" ] || skip "no intake tool at $intake to make the team's key with"

work="$(mktemp -d /tmp/kiosk-deb-test.XXXXXX)"
chmod 0755 "$work"
debs="$work/debs"
mkdir -p "$debs"
xvfb=""
session=""
fake_desktop=""
# cage, and the kiosk in it, by their process ids.
stop_session() {
    [ -n "$session" ] || return 0
    local cage kiosk
    cage="$(pgrep -P "$session" -x cage || true)"
    kiosk="$( [ -z "$cage" ] || pgrep -P "$cage" -x kiosk || true)"
    kill "$session" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$session" 2>/dev/null || break; sleep 0.1; done
    for pid in $kiosk $cage $session; do kill -KILL "$pid" 2>/dev/null || true; done
    wait "$session" 2>/dev/null || true
    session=""
}
cleanup() {
    local status=$?
    stop_session
    [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
    if dpkg-query -W -f='${Status}' cafcass-cymru-kiosk 2>/dev/null | grep -q installed; then
        echo "cleanup: purging what the test installed" >&2
        chown -R "$user:" "$data" 2>/dev/null || true
        dpkg --purge cafcass-cymru-kiosk >/dev/null 2>&1 || true
    fi
    if dpkg-query -W -f='${Status}' cafcass-cymru-locales 2>/dev/null | grep -q installed; then
        dpkg --purge cafcass-cymru-locales >/dev/null 2>&1 || true
    fi
    [ -z "$fake_desktop" ] || rm -f /etc/systemd/system/display-manager.service
    [ "$status" = 0 ] && rm -rf "$work"
    [ "$status" = 0 ] || echo "the test's files are in $work" >&2
}
trap cleanup EXIT

echo "== building the packages"
(cd "$build" && cpack -G DEB -B "$debs" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
kiosk_deb="$(ls "$debs"/cafcass-cymru-kiosk_*.deb)"
intake_deb="$(ls "$debs"/cafcass-cymru-intake_*.deb)"
locales_deb="$(ls "$debs"/cafcass-cymru-locales_*.deb)"

echo "== contents and dependencies"
dpkg-deb -I "$kiosk_deb"
dpkg-deb -c "$kiosk_deb" >"$work/kiosk.list"
awk '{print $6}' "$work/kiosk.list" | sed 's|^\./|/|' >"$work/kiosk.files"
for f in /usr/lib/cafcass-cymru-kiosk/kiosk /usr/lib/cafcass-cymru-kiosk/session /usr/bin/cafcass-cymru-kiosk-admin \
         /usr/bin/cafcass-cymru-kiosk /usr/share/cafcass-cymru-kiosk/assets/keyboard.txt \
         /usr/share/cafcass-cymru-kiosk/assets/fonts/AtkinsonHyperlegibleNext-Regular.ttf \
         /usr/lib/systemd/system/cafcass-cymru-kiosk.service /usr/lib/sysusers.d/cafcass-cymru-kiosk.conf \
         /usr/lib/tmpfiles.d/cafcass-cymru-kiosk.conf /usr/lib/sysctl.d/90-cafcass-cymru-kiosk.conf \
         /usr/lib/systemd/logind.conf.d/90-cafcass-cymru-kiosk.conf \
         /usr/lib/systemd/system.conf.d/90-cafcass-cymru-kiosk.conf /etc/cafcass-cymru-kiosk/kiosk.conf \
         /etc/systemd/system/ctrl-alt-del.target /etc/systemd/system/getty@tty1.service; do
    grep -qxF "$f" "$work/kiosk.files" || fail "the kiosk package has no $f"
done
! grep -q "/locales/" "$work/kiosk.files" || fail "the catalogues belong to cafcass-cymru-locales, not the kiosk package"
grep -q "usr/share/cafcass-cymru-kiosk/locales/cy.po" <<<"$(dpkg-deb -c "$locales_deb")" || fail "no cy.po in the locales package"
grep -q "usr/lib/cafcass-cymru-intake/intake" <<<"$(dpkg-deb -c "$intake_deb")" || fail "no intake in the intake package"
! grep -q "cafcass-cymru-kiosk.service" <<<"$(dpkg-deb -c "$intake_deb")" || fail "the intake package carries the kiosk's session"
depends="$(dpkg-deb -f "$kiosk_deb" Depends)"
for d in libxcursor1 libxrandr2 libxi6 libxinerama1 cage xwayland libpam-systemd dbus espeak-ng-data libglfw3 \
         libsodium23 libsqlite3-0 kbd "cafcass-cymru-locales (= "; do
    case ", $depends" in *", $d"*) ;; *) fail "the kiosk package does not depend on $d: $depends" ;; esac
done
for deb in "$kiosk_deb" "$intake_deb" "$locales_deb"; do
    package="$(dpkg-deb -f "$deb" Package)"
    for f in copyright changelog.gz; do
        grep -q "usr/share/doc/$package/$f\$" <<<"$(dpkg-deb -c "$deb")" || fail "$package has no /usr/share/doc/$package/$f"
    done
    # Debian policy: the extended description's lines are at most 80 characters.
    ! dpkg-deb -f "$deb" Description | awk 'length > 80' | grep -q . || fail "$package's description has lines over 80 characters"
done
dpkg-deb --fsys-tarfile "$kiosk_deb" | tar -xO ./usr/share/doc/cafcass-cymru-kiosk/copyright >"$work/copyright"
head -n 1 "$work/copyright" | grep -qx "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ||
    fail "the copyright file is not in the machine-readable format"
grep -q "^License: OFL-1.1$" "$work/copyright" || fail "the copyright file does not give the fonts' licence"
grep -qx /etc/cafcass-cymru-kiosk/kiosk.conf <<<"$(dpkg-deb --ctrl-tarfile "$kiosk_deb" | tar -xO ./conffiles)" ||
    fail "kiosk.conf is not a conffile"
dpkg-deb --fsys-tarfile "$kiosk_deb" | tar -xO ./usr/lib/cafcass-cymru-kiosk/kiosk >"$work/kiosk.bin"
grep -q ", stripped" <<<"$(file "$work/kiosk.bin")" || fail "the kiosk is not stripped: $(file "$work/kiosk.bin")"

echo "== the machine before"
snapshot() {
    getent passwd | sort
    getent group | sort
    # Some of these are there only while the package is.
    { find /etc /usr/lib/systemd /usr/lib/sysusers.d /usr/lib/tmpfiles.d /usr/lib/sysctl.d /usr/bin /usr/lib/cafcass* \
          /usr/share/cafcass* /usr/share/doc/cafcass* /var/lib /var/cache -xdev 2>/dev/null || true; } |
        grep -v -e '^/var/lib/dpkg' -e '^/var/cache/ccache' -e '^/var/lib/apt' -e '^/var/cache/apt' \
                -e '^/var/cache/man' -e '^/var/cache/debconf' -e '^/etc/ld.so.cache' | sort
}
snapshot >"$work/before.txt"

echo "== installing"
dpkg -i "$locales_deb" "$kiosk_deb"
getent passwd "$user" | grep -q ":/var/cache/cafcass-cymru-kiosk:/usr/sbin/nologin$" || fail "no system user $user"
[ "$(stat -c '%U %a' "$data")" = "$user 700" ] || fail "$data is $(stat -c '%U %a' "$data"), not $user 700"
[ -L /etc/systemd/system/graphical.target.wants/cafcass-cymru-kiosk.service ] || fail "the session is not enabled at boot"

echo "== systemd's own checks"
systemd-analyze verify /usr/lib/systemd/system/cafcass-cymru-kiosk.service
unit="$(systemctl cat cafcass-cymru-kiosk.service 2>/dev/null || cat /usr/lib/systemd/system/cafcass-cymru-kiosk.service)"
for line in "User=$user" PAMName=login TTYPath=/dev/tty1 StandardInput=tty-fail Conflicts=getty@tty1.service \
            Restart=always StartLimitIntervalSec=0 TTYVTDisallocate=yes "ExecStartPre=+/bin/chvt 1" \
            NoNewPrivileges=yes PrivateTmp=yes ProtectSystem=full ProtectHome=yes ProtectKernelTunables=yes \
            ProtectKernelModules=yes ProtectControlGroups=yes LockPersonality=yes UMask=0077 \
            "RestrictAddressFamilies=AF_UNIX AF_NETLINK"; do
    grep -qx "$line" <<<"$unit" || fail "the unit has no $line"
done
# llvmpipe compiles shaders into executable memory; a closed device policy would keep Mesa from /dev/dri.
! grep -q -e "^MemoryDenyWriteExecute=yes" -e "^ProtectClock=yes" -e "^DeviceAllow=" <<<"$unit" ||
    fail "the unit has a setting Mesa cannot run under"
# The data folder is the one the admin command and the package's scripts know: not a setting.
! grep -q "KIOSK_DATA_DIR" <<<"$unit" || fail "the unit lets the data folder be set"
grep -qx "data=$data" /usr/lib/cafcass-cymru-kiosk/session || fail "the session does not name $data itself"
grep -q -- "--require-provisioned" <<<"$(grep "^exec cage " /usr/lib/cafcass-cymru-kiosk/session)" ||
    fail "the session would run an unprovisioned kiosk as a demo"
systemd-analyze security --offline=true /usr/lib/systemd/system/cafcass-cymru-kiosk.service 2>/dev/null | tail -n 1 || true
grep -q "^exec cage " /usr/lib/cafcass-cymru-kiosk/session || fail "the session does not start cage"
! grep "^exec cage " /usr/lib/cafcass-cymru-kiosk/session | grep -q -- " -s" || fail "the session lets cage switch virtual terminals (-s)"
[ "$(readlink /etc/systemd/system/ctrl-alt-del.target)" = /dev/null ] || fail "ctrl-alt-del.target is not masked"
[ "$(readlink /etc/systemd/system/getty@tty1.service)" = /dev/null ] || fail "getty@tty1 is not masked"
sysctl_config="$(/usr/lib/systemd/systemd-sysctl --cat-config)"
grep -qx "kernel.sysrq = 0" <<<"$sysctl_config" || fail "systemd-sysctl does not read kernel.sysrq = 0"
grep -q "^kernel.printk = 1 " <<<"$sysctl_config" || fail "systemd-sysctl does not read kernel.printk"
logind="$(systemd-analyze cat-config systemd/logind.conf)"
for key in HandlePowerKey HandleRebootKey HandleSuspendKey HandleHibernateKey HandleLidSwitch HandleLidSwitchExternalPower \
           HandleLidSwitchDocked IdleAction; do
    grep -qx "$key=ignore" <<<"$logind" || fail "logind is not told $key=ignore"
    # A key systemd-logind does not know would be ignored with a warning: it must be in its table.
    grep -qa "Login.$key" /usr/lib/systemd/systemd-logind || fail "systemd-logind knows no $key"
done
grep -qx "NAutoVTs=0" <<<"$logind" || fail "logind still starts gettys on other virtual terminals"
grep -qx "ShowStatus=no" <<<"$(systemd-analyze cat-config systemd/system.conf)" || fail "systemd still writes its status on the console"

echo "== the installed kiosk in its session, on a virtual screen"
# A display number no other X server (another test's Xvfb) holds.
n=$((60 + RANDOM % 200))
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
display=":$n"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -ac >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 100); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
kill -0 "$xvfb" 2>/dev/null || fail "Xvfb did not start on $display: $(cat "$work/xvfb.log")"
runtime="$work/runtime"
mkdir -m 0700 "$runtime"
chown "$user:" "$runtime"
as_kiosk() { runuser -u "$user" -- env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$runtime" "$@"; }
# The unit's environment (Environment= and kiosk.conf) with cage's X11 backend in place of the tablet's screen.
start_session() {
    runuser -u "$user" -- env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$runtime" DISPLAY="$display" WLR_BACKENDS=x11 \
        WLR_NO_HARDWARE_CURSORS=1 \
        XDG_CACHE_HOME=/var/cache/cafcass-cymru-kiosk "$@" /usr/lib/cafcass-cymru-kiosk/session >>"$work/session.log" 2>&1 &
    session=$!
}
# Waits (up to a minute) until the screen, read by OCR, says what is given; leaves it in $1.png.
wait_for_words() {
    local shot="$1"
    shift
    for _ in $(seq 60); do
        sleep 1
        as_kiosk WAYLAND_DISPLAY=wayland-0 grim "$runtime/shot.png" 2>/dev/null || continue
        cp "$runtime/shot.png" "$shot.png"
        tesseract "$shot.png" - 2>/dev/null >"$shot.txt" || continue
        local all=1
        for word in "$@"; do grep -q "$word" "$shot.txt" || all=0; done
        [ "$all" = 1 ] && return 0
    done
    fail "the screen never said $*; it said: $(cat "$shot.txt" 2>/dev/null)"
}
echo "== never provisioned, the installed session tells staff so rather than running as a demo"
start_session
wait_for_words "$work/unprovisioned" "cannot start" "not been provisioned"
grep -q "^kiosk: cannot start: this kiosk has not been provisioned: IT runs \"cafcass-cymru-kiosk-admin provision" \
    "$work/session.log" || fail "the log does not say the kiosk is not provisioned: $(cat "$work/session.log")"
[ ! -e "$data/demo-public.key" ] || fail "the unprovisioned kiosk made itself a demo key"
stop_session

echo "== provisioned by the staff command as root, with a team key only root can read"
printf 'correct horse battery staple\n' >"$work/passphrase"
INTAKE_KDF=interactive "$intake" keygen --home "$work/team" --passphrase-file "$work/passphrase" >/dev/null
chmod 0700 "$work/team"
chmod 0600 "$work/team/team-public.key"
cafcass-cymru-kiosk-admin provision --public-key "$work/team/team-public.key" --name "Canolfan Prawf" \
    >"$work/provision.txt" || fail "provisioning failed: $(cat "$work/provision.txt")"
[ -f "$data/team-public.key" ] || fail "provisioning wrote no team key: $(cat "$work/provision.txt")"
[ -z "$(copies)" ] || fail "the staff command left its copy of the key behind: $(copies)"

start_session
wait_for_words "$work/welcome" Croeso Welcome "not an emergency service"
! grep -q "Demo mode" "$work/welcome.txt" || fail "the provisioned kiosk shows the demo banner"
echo "the Welcome screen is there, with no demo banner: $work/welcome.png"
# The pointer moved over a plain part of Welcome: cage draws it into the picture (software cursors,
# below), so the two pictures are the same only if no pointer shows. A windowed kiosk, whose pointer
# shows, makes them differ by about 450 pixels.
as_kiosk WAYLAND_DISPLAY=wayland-0 grim "$runtime/pointer-1.png"
DISPLAY="$display" xdotool mousemove 512 150
sleep 1
as_kiosk WAYLAND_DISPLAY=wayland-0 grim "$runtime/pointer-2.png"
DISPLAY="$display" xdotool mousemove 540 160
sleep 1
as_kiosk WAYLAND_DISPLAY=wayland-0 grim "$runtime/pointer-3.png"
for n in 2 3; do
    differ="$(compare -metric AE "$runtime/pointer-1.png" "$runtime/pointer-$n.png" null: 2>&1 || true)"
    [ "$differ" = 0 ] || { cp "$runtime/pointer-$n.png" "$work/"; fail "a pointer shows over the kiosk ($differ pixels differ)"; }
done

echo "== the staff command, as root, leaves the kiosk's files the kiosk's"
cafcass-cymru-kiosk-admin status >"$work/status.txt" || true
grep -q "^data folder: *$data" "$work/status.txt" || fail "admin status did not run: $(cat "$work/status.txt")"
[ -z "$(find "$data" ! -user "$user")" ] || fail "files not the kiosk's in $data: $(find "$data" ! -user "$user")"
[ -z "$(copies)" ] || fail "the staff command made a folder for copies it did not need: $(copies)"
# The kiosk program itself, on the PATH, run as root on the kiosk's folder: it refuses, naming the wrapper.
code=0
cafcass-cymru-kiosk admin status --data-dir "$data" >"$work/root-status.txt" 2>&1 || code=$?
[ "$code" = 2 ] || fail "kiosk admin as root on $data exited $code: $(cat "$work/root-status.txt")"
grep -q "use.*\"cafcass-cymru-kiosk-admin\"" <<<"$(tr '\n' ' ' <"$work/root-status.txt")" ||
    fail "kiosk admin as root does not name the wrapper: $(cat "$work/root-status.txt")"
[ -z "$(find "$data" ! -user "$user")" ] || fail "kiosk admin as root left root's files: $(find "$data" ! -user "$user")"
# A file root left there all the same (an older mistake) is the kiosk's again at the next boot.
install -m 0600 /dev/null "$data/left-by-root"
systemd-tmpfiles --create /usr/lib/tmpfiles.d/cafcass-cymru-kiosk.conf 2>"$work/tmpfiles.txt"
[ "$(stat -c '%U %a' "$data/left-by-root")" = "$user 600" ] ||
    fail "tmpfiles did not give root's file back to the kiosk: $(stat -c '%U %a' "$data/left-by-root")"
[ ! -s "$work/tmpfiles.txt" ] || fail "systemd-tmpfiles complained: $(cat "$work/tmpfiles.txt")"
rm "$data/left-by-root"

echo "== the staff command's own usage, and files that are no key"
code=0
cafcass-cymru-kiosk-admin >"$work/wrapper.txt" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q "^Usage: cafcass-cymru-kiosk-admin COMMAND" "$work/wrapper.txt" ||
    fail "the staff command with no command exited $code: $(cat "$work/wrapper.txt")"
cafcass-cymru-kiosk-admin --help >"$work/wrapper.txt" 2>&1 || fail "--help failed: $(cat "$work/wrapper.txt")"
grep -q "^Usage: cafcass-cymru-kiosk-admin COMMAND" "$work/wrapper.txt" || fail "--help: $(cat "$work/wrapper.txt")"
for endless in /dev/zero /dev/urandom; do
    code=0
    timeout 20 cafcass-cymru-kiosk-admin import-receipt "$endless" >"$work/wrapper.txt" 2>&1 || code=$?
    [ "$code" = 2 ] && grep -q "is not a file" "$work/wrapper.txt" ||
        fail "import-receipt $endless exited $code: $(cat "$work/wrapper.txt")"
done
head -c 2000000 /dev/zero >"$work/team/huge.key"
code=0
timeout 20 cafcass-cymru-kiosk-admin provision --public-key "$work/team/huge.key" >"$work/wrapper.txt" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q "larger than a key or a receipt" "$work/wrapper.txt" ||
    fail "provision with a 2 MB key exited $code: $(cat "$work/wrapper.txt")"
# Stopped by a signal while its command runs (a runuser that waits, first on the PATH), it still
# removes its copy of the key, and stops the command.
mkdir -m 0755 "$work/slow"
cat >"$work/slow/runuser" <<SLOW
#!/bin/sh
case "\$*" in *" admin "*) exec sleep 60 ;; esac
exec /usr/sbin/runuser "\$@"
SLOW
chmod 0755 "$work/slow/runuser"
for signal in INT TERM HUP; do
    # (A background job of this script would start with SIGINT ignored, which a shell cannot trap.)
    PATH="$work/slow:$PATH" env --default-signal=INT cafcass-cymru-kiosk-admin provision --public-key "$work/team/team-public.key" \
        >/dev/null 2>&1 &
    wrapper=$!
    slow=""
    for _ in $(seq 100); do slow="$(pgrep -P "$wrapper" -x sleep || true)"; [ -n "$slow" ] && break; sleep 0.1; done
    [ -n "$slow" ] || fail "the staff command never ran its command"
    [ -n "$(copies)" ] || fail "the staff command made no copy of the key only root can read"
    kill -s "$signal" "$wrapper"
    for _ in $(seq 50); do kill -0 "$wrapper" 2>/dev/null || break; sleep 0.1; done
    ! kill -0 "$wrapper" 2>/dev/null || { kill -KILL "$wrapper"; fail "the staff command did not end on SIG$signal"; }
    wait "$wrapper" || true
    [ -z "$(copies)" ] || fail "SIG$signal left the staff command's copies behind: $(copies)"
    # Gone, or a zombie waiting for a container's init to reap it: no longer running either way.
    case "$(ps -o stat= -p "$slow" || true)" in "" | Z*) ;; *) kill "$slow"; fail "SIG$signal left the command running" ;; esac
done

echo "== the kiosk killed: cage ends (the unit then starts it again)"
cage="$(pgrep -P "$session" -x cage)"
kiosk="$(pgrep -P "$cage" -x kiosk)"
kill -KILL "$kiosk"
for _ in $(seq 100); do kill -0 "$session" 2>/dev/null || break; sleep 0.1; done
! kill -0 "$session" 2>/dev/null || fail "cage is still running after the kiosk was killed"
wait "$session" || true
session=""

echo "== a data folder the kiosk cannot use, on a portrait screen (ROTATE=90, with a comment): the screen says so"
chown root: "$data"
start_session "ROTATE=90 # portrait"
wait_for_words "$work/start-error" "cannot start" "Permission denied"
[ "$(identify -format '%w<%h' "$work/start-error.png")" = "768<1024" ] ||
    fail "the screen is not turned to portrait: $(identify -format '%wx%h' "$work/start-error.png")"
grep -q "^kiosk: cannot start: .*Permission denied" "$work/session.log" || fail "the log does not say why the kiosk cannot start"
stop_session
chown "$user:" "$data"

echo "== the installed kiosk reads its own files, never the build machine's source folder"
mv /usr/share/cafcass-cymru-kiosk/locales/cy.po "$work/cy.po.aside"
as_kiosk DISPLAY="$display" timeout 5 /usr/lib/cafcass-cymru-kiosk/kiosk --windowed=640x480 \
    --data-dir "$runtime/probe" >/dev/null 2>"$work/probe.txt" || true
mv "$work/cy.po.aside" /usr/share/cafcass-cymru-kiosk/locales/cy.po
grep -q "^kiosk: cannot start: cannot open /usr/share/cafcass-cymru-kiosk/locales/cy.po" "$work/probe.txt" ||
    fail "the installed kiosk did not look for its catalogues in /usr/share: $(cat "$work/probe.txt")"

echo "== purging: the machine as before"
dpkg --purge cafcass-cymru-kiosk cafcass-cymru-locales
snapshot >"$work/after.txt"
diff "$work/before.txt" "$work/after.txt" || fail "the purge left the machine changed (above: < before, > after)"

# Purges the kiosk package, which must keep the data folder and its user and say why (the words
# given) and FILE, then removes both by hand, as the message tells IT to once the team has what they held.
# Usage: purge_keeps FILE WORDS...
purge_keeps() {
    local kept="$1"
    shift
    dpkg --purge cafcass-cymru-kiosk >"$work/purge.txt" 2>&1
    cat "$work/purge.txt"
    grep -q "NOT DELETED: $data, and the user $user owning it, are kept:" "$work/purge.txt" ||
        fail "the purge did not say it kept the data folder"
    local said
    said="$(sed 's/^cafcass-cymru-kiosk: *//' "$work/purge.txt" | tr '\n' ' ')"
    for words in "$@"; do
        grep -qF "$words" <<<"$said" || fail "the purge did not say: $words"
    done
    [ -f "$kept" ] || fail "the purge deleted $kept"
    getent passwd "$user" >/dev/null || fail "the purge removed the user owning the kept data folder"
    [ ! -e /var/lib/cafcass-cymru-kiosk.keep ] || fail "the purge left its note"
    rm -r "$data"
    userdel "$user"
}

if [ -n "$add_submission" ]; then
    echo "== a purge keeps a data folder holding a submission the team has not confirmed"
    dpkg -i "$locales_deb" "$kiosk_deb" >/dev/null
    cp "$add_submission" "$work/add_submission"
    runuser -u "$user" -- "$work/add_submission" "$data" >/dev/null
    purge_keeps "$data/kiosk.db" "1 submission(s) the complaints team has not confirmed with a receipt" "Install the package again and export"

    echo "== a purge keeps a data folder holding a database found damaged and moved aside"
    # As the kiosk does at its start (the attacker damaged the database, then installed again).
    dpkg -i "$locales_deb" "$kiosk_deb" >/dev/null
    cafcass-cymru-kiosk-admin provision --public-key "$work/team/team-public.key" >/dev/null
    runuser -u "$user" -- mkdir -m 0700 "$data/quarantine"
    runuser -u "$user" -- sh -c "head -c 5000 /dev/urandom >'$data/quarantine/kiosk-20250101T000000Z.db'"
    grep -q '"unconfirmed": 0,' <<<"$(cafcass-cymru-kiosk-admin status --json || true)" ||
        fail "status --json does not count 0 unconfirmed beside a quarantined database"
    purge_keeps "$data/quarantine/kiosk-20250101T000000Z.db" "a database found damaged and moved aside" \
        "cafcass-cymru-kiosk-admin see-quarantine"

    echo "== a purge keeps a data folder whose database it cannot read; remove, then install again, on the way"
    # A desktop's display manager would fight the kiosk for the screen: the install warns.
    [ ! -e /etc/systemd/system/display-manager.service ] || fail "this machine has a display manager already"
    fake_desktop=1
    ln -s /dev/null /etc/systemd/system/display-manager.service
    dpkg -i "$locales_deb" "$kiosk_deb" >"$work/install.txt" 2>&1 || true
    rm /etc/systemd/system/display-manager.service
    fake_desktop=""
    grep -q "WARNING: this machine starts a desktop" "$work/install.txt" || fail "no warning of a desktop: $(cat "$work/install.txt")"
    cafcass-cymru-kiosk-admin provision --public-key "$work/team/team-public.key" >/dev/null
    runuser -u "$user" -- sh -c "rm -f '$data'/kiosk.db*; head -c 5000 /dev/urandom >'$data/kiosk.db'"
    dpkg -r cafcass-cymru-kiosk >/dev/null
    grep -q "^unchecked kiosk: the database" /var/lib/cafcass-cymru-kiosk.keep || fail "the removal noted no unchecked database"
    # As debhelper does: the enable link kept for a reinstall names a unit that is gone, so it is masked.
    [ "$(readlink /etc/systemd/system/cafcass-cymru-kiosk.service)" = /dev/null ] || fail "the removed unit is not masked"
    dpkg -i "$kiosk_deb" >/dev/null
    [ ! -e /var/lib/cafcass-cymru-kiosk.keep ] || fail "the reinstall left the removal's note"
    [ ! -e /etc/systemd/system/cafcass-cymru-kiosk.service ] || fail "the reinstalled unit is still masked"
    [ -L /etc/systemd/system/graphical.target.wants/cafcass-cymru-kiosk.service ] || fail "the reinstalled session is not enabled"
    purge_keeps "$data/kiosk.db" "could not be checked (kiosk: the database $data/kiosk.db is damaged" "Copy the whole folder for IT"
    ! grep -q "not confirmed with a receipt" "$work/purge.txt" || fail "the purge counts what it could not check as unconfirmed"

    dpkg --purge cafcass-cymru-locales >/dev/null
    snapshot >"$work/after.txt"
    diff "$work/before.txt" "$work/after.txt" || fail "the machine changed (above: < before, > after)"
fi
mkdir -p "$artifacts"
cp "$work/unprovisioned.png" "$work/welcome.png" "$work/start-error.png" "$work/session.log" "$artifacts/"
echo "screenshots: $artifacts/unprovisioned.png $artifacts/welcome.png $artifacts/start-error.png"
echo "PASS: built, checked, installed, ran under cage, purged"
