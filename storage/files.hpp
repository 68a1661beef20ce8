#pragma once

#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

namespace kiosk::storage {

/// Writes a whole file so that it is either absent or complete: a temporary file beside it,
/// fsync, rename over the target, fsync the folder. Mode is the new file's permission bits.
void writeFileAtomically(const std::filesystem::path& file, std::string_view bytes, unsigned mode = 0644);

/// Writes a new file the same way, refusing if the target already exists.
void writeNewFileAtomically(const std::filesystem::path& file, std::string_view bytes, unsigned mode = 0644);

/// Makes a folder's entries (new, renamed, removed files) durable with fsync; throws Error(File)
/// if the folder cannot be opened or synced, since what was moved into it may then be lost.
void syncFolder(const std::filesystem::path& folder);

/// A name as a FAT or exFAT USB stick and any shell take it: ASCII letters and digits kept, every
/// other byte (a space, a Welsh letter's bytes) written as '-'; "kiosk" if nothing is left.
[[nodiscard]] std::string safeForFileName(std::string_view name);

/// A time as a file name part: "2026-11-22T10:31:02Z" -> "20261122T103102Z" (no ':' for FAT).
[[nodiscard]] std::string compactStamp(std::string_view iso);

/// Reads a whole file; throws Error(File) with the path and reason if it cannot read all of it,
/// and Error(Format), without reading, if it is larger than maxBytes.
[[nodiscard]] std::string readFile(const std::filesystem::path& file,
                                   std::uintmax_t maxBytes = std::numeric_limits<std::uintmax_t>::max());

} // namespace kiosk::storage
