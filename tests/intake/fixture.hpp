#pragma once

#include <intake/commands.hpp>
#include <intake/home.hpp>
#include <intake/session.hpp>

#include <storage/bundle.hpp>
#include <storage/keys.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace kiosk::test {

/// A kiosk as intake sees it: a name, its own signing key, demo or not.
struct FakeKiosk {
    std::string name;
    storage::SigningKeyPair key = storage::SigningKeyPair::generate();
    bool demo = false;

    [[nodiscard]] storage::KioskIdentity identity() const { return {name, key.publicKey, demo}; }
};

/// A complaint every rule of FORMAT.md allows: told by the young person, no contact.
[[nodiscard]] storage::Submission complaint(const std::string& story, const FakeKiosk& kiosk,
                                            const std::string& createdAt = "2026-11-23T10:15:00Z");
/// A compliment every rule allows.
[[nodiscard]] storage::Submission compliment(const std::string& story, const FakeKiosk& kiosk,
                                             const std::string& createdAt = "2026-11-23T11:00:00Z");

/// The bundle entry of a submission, sealed to the team's key, with its clear fields as the kiosk writes them.
[[nodiscard]] storage::BundleEntry entryOf(const storage::Submission& s, const storage::PublicKey& team);

/// A bundle from a kiosk holding these entries, as the kiosk makes it.
[[nodiscard]] storage::Bundle bundleOf(const FakeKiosk& kiosk, const storage::PublicKey& team,
                                       std::vector<storage::BundleEntry> entries,
                                       const std::string& createdAt = "2026-11-23T16:00:00Z");

/// Writes a bundle, signed by its kiosk, into a folder under the kiosk's file name; returns the path.
std::filesystem::path writeBundle(const std::filesystem::path& folder, const storage::Bundle& bundle,
                                  const FakeKiosk& kiosk);

/// An intake home folder in a temporary folder, with team keys (made here, cheaply) and a session on it.
struct IntakeHome {
    IntakeHome();

    TempDir dir;
    intake::Home home;
    storage::TeamPublicKeys team;
    std::unique_ptr<intake::Session> session;

    /// Enrols a kiosk in the ledger.
    void enrol(const FakeKiosk& kiosk);
    /// A folder for bundles (a USB stick, a sync folder).
    [[nodiscard]] std::filesystem::path folder(const std::string& name) const;
};

/// A home made as the team makes it, through the commands: keygen with a passphrase file.
struct CommandHome {
    CommandHome();

    TempDir dir;
    intake::Options options;
    std::filesystem::path passphraseFile;

    [[nodiscard]] intake::Home home() const { return intake::Home(options.home); }
    /// The team's keys, read back with the passphrase.
    [[nodiscard]] storage::TeamKeys keys() const;
    /// Runs a command line as the intake program would (with --home and --passphrase-file where
    /// the command takes them), keeping what it said.
    int run(std::vector<std::string> args);
    std::string out;
    std::string err;
};

} // namespace kiosk::test
