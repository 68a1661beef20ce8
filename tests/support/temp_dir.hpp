#pragma once

#include <storage/keys.hpp>
#include <storage/store.hpp>

#include <filesystem>
#include <string>

namespace kiosk::test {

/// A fresh folder under the system's temporary folder, removed with everything in it at the end.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/// A complaint with these words, sealed to a key, as the kiosk would store it.
[[nodiscard]] storage::SealedRow sealedComplaint(const std::string& story, const storage::PublicKey& key,
                                                 bool priority = false);

/// Stores such a complaint, with a fresh reference code, as the kiosk would; returns its id.
std::string addComplaint(storage::SubmissionStore& store, const std::string& story, const storage::PublicKey& key,
                         bool priority = false);

/// Every byte of every file under a folder, concatenated: for "is this text anywhere on disk?".
[[nodiscard]] std::string allBytesUnder(const std::filesystem::path& folder);

} // namespace kiosk::test
