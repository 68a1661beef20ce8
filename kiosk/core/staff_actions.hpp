#pragma once

#include <core/identity.hpp>
#include <storage/bundle.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::core {

/// What staff are told about the kiosk.
struct Status {
    int waiting = 0;  // sealed submissions not yet exported
    int exported = 0; // exported, not yet confirmed by the complaints team
    std::vector<std::string> damaged; // waiting ones whose bytes fail their checksum: cannot be sent
};

/// Reads how many submissions wait, changing nothing on disk (a kiosk that has never stored one has
/// no database yet, and none is made). Throws storage::Error.
[[nodiscard]] Status readStatus(const Identity& identity);

/// Writes every waiting submission into one sealed bundle in a folder (a USB stick or a network
/// folder), then marks them exported. Throws storage::Error with a message for staff if the
/// folder is not there.
[[nodiscard]] storage::ExportResult exportWaiting(const Identity& identity, const std::filesystem::path& folder);

} // namespace kiosk::core
