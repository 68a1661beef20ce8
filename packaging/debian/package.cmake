# The Debian packages (CPack DEB), built by packaging/deb.sh:
#   cafcass-cymru-kiosk    the tablet: the kiosk, its cage session on tty1, its user and folders, lock-down
#   cafcass-cymru-intake   the complaints team's computer: the intake tool
#   cafcass-cymru-locales  the Welsh and English catalogues both of them read
# Installed paths are fixed at configure time (the kiosk finds its files through them), so the
# packages are built from a tree configured with -DCMAKE_INSTALL_PREFIX=/usr.
set(debian "${CMAKE_CURRENT_LIST_DIR}")
set(share "${CMAKE_INSTALL_DATADIR}/cafcass-cymru-kiosk")
set(libexec "lib/cafcass-cymru-kiosk")

install(TARGETS kiosk RUNTIME DESTINATION ${libexec} COMPONENT kiosk)
install(PROGRAMS "${debian}/session" DESTINATION ${libexec} COMPONENT kiosk)
install(PROGRAMS "${debian}/cafcass-cymru-kiosk-admin" DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets" DESTINATION ${share} COMPONENT kiosk PATTERN "*.sh" EXCLUDE)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/locales" DESTINATION ${share} COMPONENT locales)
install(TARGETS intake RUNTIME DESTINATION lib/cafcass-cymru-intake COMPONENT intake)

# Names that say what they are, in the PATH.
set(links "${PROJECT_BINARY_DIR}/package-links")
file(MAKE_DIRECTORY "${links}")
file(CREATE_LINK "../lib/cafcass-cymru-kiosk/kiosk" "${links}/cafcass-cymru-kiosk" SYMBOLIC)
file(CREATE_LINK "../lib/cafcass-cymru-intake/intake" "${links}/cafcass-cymru-intake" SYMBOLIC)
install(FILES "${links}/cafcass-cymru-kiosk" DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(FILES "${links}/cafcass-cymru-intake" DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT intake)

# The session and the lock-down (see packaging/DEPLOYING.md).
install(FILES "${debian}/cafcass-cymru-kiosk.service" DESTINATION lib/systemd/system COMPONENT kiosk)
install(FILES "${debian}/sysusers.conf" DESTINATION lib/sysusers.d RENAME cafcass-cymru-kiosk.conf COMPONENT kiosk)
install(FILES "${debian}/tmpfiles.conf" DESTINATION lib/tmpfiles.d RENAME cafcass-cymru-kiosk.conf COMPONENT kiosk)
install(FILES "${debian}/sysctl.conf" DESTINATION lib/sysctl.d RENAME 90-cafcass-cymru-kiosk.conf COMPONENT kiosk)
install(FILES "${debian}/logind.conf" DESTINATION lib/systemd/logind.conf.d RENAME 90-cafcass-cymru-kiosk.conf
        COMPONENT kiosk)
install(FILES "${debian}/system.conf" DESTINATION lib/systemd/system.conf.d RENAME 90-cafcass-cymru-kiosk.conf
        COMPONENT kiosk)
install(FILES "${debian}/kiosk.conf" DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/cafcass-cymru-kiosk COMPONENT kiosk)
# Masked: Ctrl+Alt+Del reboots nothing, and no login prompt is started on the kiosk's tty1.
file(CREATE_LINK "/dev/null" "${links}/ctrl-alt-del.target" SYMBOLIC)
file(CREATE_LINK "/dev/null" "${links}/getty@tty1.service" SYMBOLIC)
install(FILES "${links}/ctrl-alt-del.target" "${links}/getty@tty1.service"
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/systemd/system COMPONENT kiosk)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/DEPLOYING.md" DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cafcass-cymru-kiosk
        COMPONENT kiosk)

# Each package's copyright (machine-readable, with the fonts' OFL in full) and changelog (native
# packages: changelog.gz, compressed reproducibly), as Debian policy asks.
file(READ "${PROJECT_SOURCE_DIR}/assets/fonts/OFL.txt" ofl)
string(REGEX REPLACE "\n\n" "\n.\n" ofl "${ofl}")
string(REGEX REPLACE "\n\n" "\n.\n" ofl "${ofl}")
string(REGEX REPLACE "\n" "\n " ofl "${ofl}")
string(REGEX REPLACE "[ ]+\n" "\n" ofl "${ofl}")
string(STRIP "${ofl}" ofl)
configure_file("${debian}/copyright.in" "${links}/copyright" @ONLY)
configure_file("${debian}/changelog.in" "${links}/changelog" @ONLY)
execute_process(COMMAND gzip -9nc "${links}/changelog" OUTPUT_FILE "${links}/changelog.gz" COMMAND_ERROR_IS_FATAL ANY)
foreach(component kiosk intake locales)
    install(FILES "${links}/copyright" "${links}/changelog.gz"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cafcass-cymru-${component} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cafcass-cymru)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Cafcass Cymru complaints team <MyVoiceCafcassCymru@gov.wales>")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk intake locales)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(version "${PROJECT_VERSION}")
set(CPACK_DEBIAN_LOCALES_PACKAGE_NAME cafcass-cymru-locales)
set(CPACK_DEBIAN_LOCALES_PACKAGE_ARCHITECTURE all)
# Description lines are at most 80 characters (Debian policy; lintian).
set(CPACK_COMPONENT_LOCALES_DESCRIPTION "Cafcass Cymru kiosk: Welsh and English catalogues
The words of the children's kiosk and of the complaints team's intake tool,
in Welsh and English.")

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME cafcass-cymru-kiosk)
# GLFW opens the X cursor, RandR, input and Xinerama libraries at run time, where shlibdeps cannot
# see them; cage does not bring Xwayland, and needs a logind session (libpam-systemd, dbus). kbd:
# chvt, which brings tty1 to the front before each start. util-linux (runuser) is essential; the
# deb-systemd-helper the scripts use came with init-system-helpers 1.54.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "cafcass-cymru-locales (= ${version}), libxcursor1, libxrandr2, libxi6, libxinerama1, libgl1-mesa-dri, cage, xwayland, systemd, libpam-systemd, dbus, espeak-ng-data, init-system-helpers (>= 1.54~), passwd, kbd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${debian}/postinst;${debian}/prerm;${debian}/postrm;${debian}/conffiles")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Cafcass Cymru children's kiosk, full screen on a tablet
A bilingual (Welsh and English) touch kiosk through which children and young
people tell Cafcass Cymru about a complaint, a compliment or what they think,
sealed so that only the complaints team can read it. Starts at boot on tty1 in
cage, as its own user, restarted if it stops; the tablet's keys, virtual
terminals and console are locked down.")

set(CPACK_DEBIAN_INTAKE_PACKAGE_NAME cafcass-cymru-intake)
set(CPACK_DEBIAN_INTAKE_PACKAGE_DEPENDS "cafcass-cymru-locales (= ${version})")
set(CPACK_COMPONENT_INTAKE_DESCRIPTION "Cafcass Cymru complaints team's intake tool
Opens the kiosks' sealed exports with the team's keys, keeps the worklist with
each submission's acknowledgement deadline, and writes the receipts the kiosks
delete confirmed submissions by.")

include(CPack)
