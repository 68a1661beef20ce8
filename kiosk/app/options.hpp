#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::app {

/// What the command line asked for.
struct Options {
    enum class Command {
        Run,
        Tour,
        Export,
        ImportReceipt,
        Provision,
        Status,
        Verify,
        SetPin,
        Audit,
        Sync,
        SeeQuarantine,
        Help
    };
    Command command = Command::Run;
    std::filesystem::path dataDir; // where the database and keys live
    bool windowed = false;         // a window instead of full screen
    int width = 1280;              // window size when windowed
    int height = 800;
    std::filesystem::path target;        // --to for export, the folder for the tour
    std::filesystem::path publicKeyFile; // provision --public-key
    std::string kioskName;               // provision --name
    std::filesystem::path receiptFile;   // import-receipt FILE
    bool json = false;                   // status --json
    bool pinStdin = false;               // set-pin --pin-stdin: one line from standard input, for scripts
    int auditLast = 20;                  // audit --last N
    bool requireProvisioned = false;     // an unprovisioned kiosk shows staff why instead of a demo
    int askAfterSeconds = 0;             // --ask-after: a demo kiosk's quiet time before "Are you still there?"
};

/// Parses the arguments; on a mistake returns nullopt and puts a message for the user in error.
[[nodiscard]] std::optional<Options> parseOptions(int argc, char** argv, std::string& error);

/// The help text.
[[nodiscard]] const char* usage();

/// $XDG_DATA_HOME/cafcass-cymru-kiosk, or ~/.local/share/cafcass-cymru-kiosk.
[[nodiscard]] std::filesystem::path defaultDataDir();

} // namespace kiosk::app
