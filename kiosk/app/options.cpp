#include <app/options.hpp>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <unistd.h>

namespace kiosk::app {

const char* usage() {
    return R"(Cafcass Cymru children's kiosk

  kiosk [--data-dir DIR] [--windowed[=WIDTHxHEIGHT]] [--require-provisioned] [--ask-after SECONDS]
        Runs the kiosk, full screen unless --windowed (default window 1280x800).
        --require-provisioned: a kiosk never provisioned tells staff so, rather than running as a
        demo (the installed session; a demo's submissions are sealed to a key on the tablet).
        --ask-after SECONDS: a demo kiosk asks "Are you still there?" after this many quiet
        seconds instead of 90 (for trying it, and the benchmark); a provisioned kiosk ignores it.
  kiosk --tour DIR [--windowed=WIDTHxHEIGHT]
        Renders every screen in Welsh and English to PNG files in DIR.
  kiosk admin status [--json] [--data-dir DIR]
        What waits, what the complaints team has confirmed, whether an export is due today, the
        disk, the sync folder and the keys' fingerprints. Changes nothing.
  kiosk admin export --to DIR [--data-dir DIR]
        Writes every submission the complaints team has not confirmed into one signed bundle in DIR.
  kiosk admin import-receipt FILE [--data-dir DIR]
        Reads the complaints team's receipt; the submissions it names are confirmed and deleted.
  kiosk admin verify [--data-dir DIR]
        Checks the whole database and every unconfirmed submission's checksum. Changes nothing.
  kiosk admin provision --public-key FILE [--name NAME] [--data-dir DIR]
        Gives this kiosk the complaints team's public keys (team-public.key, made by "intake
        keygen") and a name; writes kiosk-identity.json for the team to enrol.
  kiosk admin set-pin [--pin-stdin] [--data-dir DIR]
        Sets the staff PIN (6 to 12 digits), asked twice without echo; --pin-stdin reads it once
        from standard input instead, for scripts.
  kiosk admin audit [--last N] [--data-dir DIR]
        The last N lines of the audit log (default 20): staff actions and PIN tries. Changes nothing.
  kiosk admin sync [--data-dir DIR]
        One round with the sync folder now: receipts imported, an export if one is due.
  kiosk admin see-quarantine [--data-dir DIR]
        Records that staff have seen a database found damaged and moved aside, so that the kiosk
        takes submissions again (when it next starts).

Exit codes: 0 all is well; 1 something needs staff or IT (the message says what); 2 a mistake in
the command line.
DIR for --data-dir defaults to $XDG_DATA_HOME/cafcass-cymru-kiosk (~/.local/share/cafcass-cymru-kiosk).
)";
}

std::filesystem::path defaultDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0')
        return std::filesystem::path(xdg) / "cafcass-cymru-kiosk";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "cafcass-cymru-kiosk";
}

namespace {

bool parseSize(std::string_view s, int& w, int& h) {
    const auto x = s.find('x');
    if (x == std::string_view::npos)
        return false;
    w = std::atoi(std::string(s.substr(0, x)).c_str());
    h = std::atoi(std::string(s.substr(x + 1)).c_str());
    return w >= 320 && h >= 320 && w <= 8192 && h <= 8192;
}

// A whole number from least to most, written in digits only; 0 for anything else.
int wholeNumber(std::string_view s, int least, int most) {
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    const int n = std::atoi(std::string(s).c_str());
    return n >= least && n <= most ? n : 0;
}

} // namespace

std::optional<Options> parseOptions(int argc, char** argv, std::string& error) {
    Options o;
    o.dataDir = defaultDataDir();
    int i = 1;
    if (argc > 1 && std::string_view(argv[1]) == "admin") {
        constexpr const char* kCommands =
            "status, export, import-receipt, verify, provision, set-pin, audit, sync or see-quarantine";
        if (argc < 3) {
            error = std::string("admin needs a command: ") + kCommands;
            return std::nullopt;
        }
        const std::string_view what = argv[2];
        if (what == "export")
            o.command = Options::Command::Export;
        else if (what == "import-receipt")
            o.command = Options::Command::ImportReceipt;
        else if (what == "provision")
            o.command = Options::Command::Provision;
        else if (what == "status")
            o.command = Options::Command::Status;
        else if (what == "verify")
            o.command = Options::Command::Verify;
        else if (what == "set-pin")
            o.command = Options::Command::SetPin;
        else if (what == "audit")
            o.command = Options::Command::Audit;
        else if (what == "sync")
            o.command = Options::Command::Sync;
        else if (what == "see-quarantine")
            o.command = Options::Command::SeeQuarantine;
        else {
            error = "unknown admin command \"" + std::string(what) + "\": " + kCommands;
            return std::nullopt;
        }
        i = 3;
    }
    for (; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= argc) {
                error = std::string(name) + " needs a value";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (arg == "--help" || arg == "-h") {
            o.command = Options::Command::Help;
        } else if (arg == "--data-dir") {
            auto v = value("--data-dir");
            if (!v)
                return std::nullopt;
            o.dataDir = *v;
        } else if (arg == "--windowed") {
            o.windowed = true;
        } else if (arg.substr(0, 11) == "--windowed=") {
            o.windowed = true;
            if (!parseSize(arg.substr(11), o.width, o.height)) {
                error = "--windowed takes a size such as 1280x800";
                return std::nullopt;
            }
        } else if (arg == "--tour" || arg == "--to") {
            auto v = value(arg == "--tour" ? "--tour" : "--to");
            if (!v)
                return std::nullopt;
            o.target = *v;
            if (arg == "--tour")
                o.command = Options::Command::Tour;
        } else if (arg == "--ask-after") {
            auto v = value("--ask-after");
            if (!v)
                return std::nullopt;
            o.askAfterSeconds = wholeNumber(*v, 1, 3600);
            if (o.askAfterSeconds == 0) {
                error = "--ask-after takes a number of seconds, from 1 to 3600";
                return std::nullopt;
            }
        } else if (arg == "--public-key") {
            auto v = value("--public-key");
            if (!v)
                return std::nullopt;
            o.publicKeyFile = *v;
        } else if (arg == "--name") {
            auto v = value("--name");
            if (!v)
                return std::nullopt;
            o.kioskName = *v;
        } else if (arg == "--require-provisioned" && o.command == Options::Command::Run) {
            o.requireProvisioned = true;
        } else if (arg == "--json" && o.command == Options::Command::Status) {
            o.json = true;
        } else if (arg == "--pin-stdin" && o.command == Options::Command::SetPin) {
            o.pinStdin = true;
        } else if (arg == "--last" && o.command == Options::Command::Audit) {
            auto v = value("--last");
            if (!v)
                return std::nullopt;
            o.auditLast = wholeNumber(*v, 1, 100000);
            if (o.auditLast == 0) {
                error = "--last takes how many lines to show, from 1 to 100000";
                return std::nullopt;
            }
        } else if (o.command == Options::Command::ImportReceipt && o.receiptFile.empty() &&
                   !arg.starts_with("-")) {
            o.receiptFile = std::string(arg);
        } else {
            error = "unknown option \"" + std::string(arg) + "\"";
            return std::nullopt;
        }
    }
    if (o.command == Options::Command::Export && o.target.empty()) {
        error = "admin export needs --to DIR: the folder to write the bundle into (a USB stick, say)";
        return std::nullopt;
    }
    if (o.command == Options::Command::ImportReceipt && o.receiptFile.empty()) {
        error = "admin import-receipt needs FILE: the receipt (cafcass-receipt_....receipt) from the "
                "complaints team";
        return std::nullopt;
    }
    if (o.command == Options::Command::Provision && o.publicKeyFile.empty()) {
        error = "admin provision needs --public-key FILE: the team-public.key made by \"intake keygen\"";
        return std::nullopt;
    }
    return o;
}

} // namespace kiosk::app
