#pragma once

#include <cstdint>
#include <random>

namespace kiosk::test {

/// What reaches the disk at a power cut of what was written but not yet synced.
enum class Unsynced {
    Lost,    // none of it: the disk holds exactly what was synced
    SomeLost // each 512-byte sector of it independently, as a disk writing back its cache in any order
};

/// A SQLite VFS over the default "unix" one, registered as the default for as long as this object
/// lives, so that every connection the kiosk's own code opens goes through it. Like SQLite's crash
/// tests (test6.c) it keeps what is written in memory, as an operating system's page cache does,
/// and puts a file's bytes on disk only when that file is synced; a power cut then throws away
/// what was not synced, and the files on disk are what a rebooted tablet would find.
///
/// Simplifications, on the safe side for what is tested: creating and deleting a file reach the
/// disk at once (SQLite syncs the folder where that matters), the shared-memory index (-shm) is
/// passed through (SQLite rebuilds it after a reboot), and syncing does not call fsync (the
/// simulated disk is the real file, whose own durability does not matter here).
class PowerCutVfs {
public:
    PowerCutVfs();
    PowerCutVfs(const PowerCutVfs&) = delete;
    PowerCutVfs& operator=(const PowerCutVfs&) = delete;
    ~PowerCutVfs();

    /// Cuts the power just after the nth write, sync or truncation from now (counting from 1);
    /// from then on every file operation fails, as if the machine had stopped.
    void cutAfter(std::uint64_t n);
    /// Cuts the power now, if it is still on.
    void cutNow();
    /// Writes, syncs and truncations since the last reboot.
    [[nodiscard]] std::uint64_t operations() const;
    /// True once the power is off.
    [[nodiscard]] bool isOff() const;
    /// After a cut, with every connection closed: puts on disk what a power cut leaves of the
    /// unsynced bytes, forgets everything held in memory and turns the power back on.
    void reboot(Unsynced unsynced, std::mt19937& random);
    /// Puts everything written on disk, as an operating system does given time (no power cut).
    void flushAll();
    /// Files open through this VFS now.
    [[nodiscard]] int openFiles() const;
};

} // namespace kiosk::test
