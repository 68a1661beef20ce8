#pragma once

// Inside the store only: what store.cpp, store_receipts.cpp and quarantine.cpp share.

#include <storage/db.hpp>
#include <storage/store.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace kiosk::storage::detail {

/// BLAKE2b-256 of id, created_at, priority and sealed bytes, as the checksum column holds it.
[[nodiscard]] std::vector<unsigned char> checksumOf(std::string_view id, std::string_view createdAt, bool priority,
                                                    std::span<const unsigned char> sealed);
/// A row read by "SELECT id, created_at, state, batch, priority, sealed, checksum".
[[nodiscard]] SealedRow rowAt(const Statement& st);
/// Whether a table exists: a database opened read-only is read at the version it is.
[[nodiscard]] bool hasTable(Db& db, const char* name);

} // namespace kiosk::storage::detail
