#pragma once

#include <storage/keys.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::intake {

/// What every command may be told on the command line.
struct Options {
    std::filesystem::path home;                       // --home, or defaultHome()
    std::optional<std::filesystem::path> keyFile;     // --key: another team secret key file (a demo kiosk's)
    std::optional<std::filesystem::path> passphraseFile; // --passphrase-file
    bool passphraseStdin = false;                     // --passphrase-stdin
    bool acceptDemo = false;                          // --accept-demo
    std::optional<std::string> kiosk;                 // --kiosk: acknowledge's FINGERPRINT, audit's NAME
    std::size_t last = 50;                            // --last N: how many audit lines to list
    std::optional<std::string> language;              // --language cy|en
    storage::KdfLimits kdf = storage::KdfLimits::moderate(); // INTAKE_KDF=interactive, for tests only
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

/// Where a command writes: what it did, and what needs attention.
struct Console {
    std::ostream& out;
    std::ostream& err;
};

/// The exit codes, as the README documents them.
enum Exit : int {
    kFine = 0,      // done, nothing needs attention
    kAttention = 1, // something was refused, or needs the team's attention
    kUsage = 2,     // the command line was not understood
};

/// The shortest passphrase keygen takes.
inline constexpr std::size_t kMinPassphraseBytes = 12;

/// intake keygen: makes the team's keys in the home folder, protected by a passphrase.
[[nodiscard]] int keygen(const Options& options, Console& console);
/// intake kiosks add FILE: enrols a kiosk from its kiosk-identity.json.
[[nodiscard]] int kiosksAdd(const Options& options, const std::filesystem::path& identity, Console& console);
/// intake kiosks list.
[[nodiscard]] int kiosksList(const Options& options, Console& console);
/// intake kiosks remove FINGERPRINT: its bundles are refused from now on.
[[nodiscard]] int kiosksRemove(const Options& options, const std::string& fingerprint, Console& console);
/// intake open BUNDLE...: opens bundle files into the ledger, the archive, receipts and the worklists.
[[nodiscard]] int openBundles(const Options& options, const std::vector<std::filesystem::path>& files,
                              Console& console);
/// intake sync FOLDER...: the same for every bundle in kiosks' sync folders, with receipts written back.
[[nodiscard]] int sync(const Options& options, const std::vector<std::filesystem::path>& folders, Console& console);
/// intake worklist: writes the worklists again from the ledger and the archive.
[[nodiscard]] int worklist(const Options& options, Console& console);
/// intake acknowledge ID_OR_REFERENCE...: records that submissions were acknowledged.
[[nodiscard]] int acknowledge(const Options& options, const std::vector<std::string>& which, Console& console);
/// intake rebuild: restores the ledger's record of the archive if it is missing any, then the worklists.
[[nodiscard]] int rebuild(const Options& options, Console& console);
/// intake audit: the newest lines of the kiosks' audit logs (or one kiosk's, --kiosk NAME), newest
/// first. Needs no key: an audit line holds no content.
[[nodiscard]] int auditLog(const Options& options, Console& console);

/// Parses the command line and runs the command; returns the exit code.
[[nodiscard]] int runCommandLine(const std::vector<std::string>& args, Console& console);

} // namespace kiosk::intake
