#pragma once

#include <flow/effect.hpp>
#include <storage/keys.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk::test {

/// A complaint as the flow hands it to be saved, its story being these words (which tell the
/// crash tests which save it was).
[[nodiscard]] flow::SaveSubmission complaintSaying(std::uint64_t job, const std::string& words);

/// One row of the store after a crash, opened with the team's secret key.
struct StoredSubmission {
    std::string id;
    std::string state;
    std::string batch;
    std::vector<unsigned char> sealed;
    std::string story;
};

/// Opens the store as the kiosk does when it starts again and reads every row, by the reference
/// code its child was shown. Fails the running test if the store is damaged or fails quick_check,
/// if a row does not open with the key or does not read as a submission (half-written), if a
/// reference appears twice, or if the reference codes recorded as given are not exactly those of
/// the stored submissions (saved together, in one transaction).
///
/// Opening a sealed row is the slow part of a check; a row whose sealed bytes are exactly those of
/// a row opened before is taken as that one (the bytes opened then, they open now).
class ReadBack {
public:
    explicit ReadBack(const storage::KeyPair& keys) : m_keys(keys) {}
    [[nodiscard]] std::map<std::string, StoredSubmission> operator()(const std::filesystem::path& database);

private:
    struct Opened {
        std::string id;
        std::string reference;
        std::string story;
    };
    const storage::KeyPair& m_keys;
    std::map<std::vector<unsigned char>, Opened> m_opened; // by sealed bytes
};

/// A count from the environment (for longer runs than CI's), or the default if unset.
[[nodiscard]] std::uint64_t countFromEnvironment(const char* name, std::uint64_t fallback);

/// The seed of a test's random choices: KIOSK_CRASH_SEED if set (to repeat a run), else a fresh one.
/// Printed, so that a failure can be repeated.
[[nodiscard]] std::uint32_t crashSeed(const char* test);

/// While it lives, what this process writes to stderr (the kiosk's own messages for staff, one per
/// failed save) goes to a file instead, so that thousands of expected failures do not flood the
/// output; text() reads it.
class CapturedStderr {
public:
    explicit CapturedStderr(const std::filesystem::path& file);
    CapturedStderr(const CapturedStderr&) = delete;
    CapturedStderr& operator=(const CapturedStderr&) = delete;
    ~CapturedStderr();
    [[nodiscard]] std::string text() const;

private:
    std::filesystem::path m_file;
    int m_saved = -1;
};

} // namespace kiosk::test
