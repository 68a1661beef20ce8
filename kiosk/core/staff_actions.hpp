#pragma once

#include <core/identity.hpp>
#include <storage/bundle.hpp>
#include <storage/store.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

/// What staff are told about the kiosk.
struct Status {
    int waiting = 0;  // sealed submissions not yet exported
    int exported = 0; // exported, not yet confirmed by the complaints team
    std::vector<std::string> damaged; // waiting ones whose bytes fail their checksum: cannot be sent
    std::vector<storage::QuarantineRead> quarantined; // databases moved aside as damaged, as far as they read
    std::uintmax_t freeBytes = 0; // room left on the disk that holds the data folder
    bool nearlyFull = false;      // under kNearlyFullBytes: staff should have IT make room before it stops
};

/// Free space under which staff are warned that the kiosk will soon refuse children.
inline constexpr std::uintmax_t kNearlyFullBytes = 100u * 1024 * 1024;

/// Why this kiosk cannot store what a child sends, for staff, or nothing if it can: the key seals,
/// the database opens for writing (made, as the first save would make it) and takes the write
/// lock, and the folder has room. Stores nothing.
[[nodiscard]] std::optional<std::string> whyCannotStore(const Identity& identity);

/// Reads how many submissions wait, changing nothing on disk (a kiosk that has never stored one has
/// no database yet, and none is made). Throws storage::Error.
[[nodiscard]] Status readStatus(const Identity& identity);

/// Writes every waiting submission, and those still waiting in quarantined databases, into one
/// sealed bundle in a folder (a USB stick or a network folder), then marks the kiosk's own exported
/// (quarantined databases are never written: theirs go in every export). Throws storage::Error with a message for staff if the
/// folder is not there.
[[nodiscard]] storage::ExportResult exportWaiting(const Identity& identity, const std::filesystem::path& folder);

} // namespace kiosk::core
