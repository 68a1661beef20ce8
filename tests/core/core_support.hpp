#pragma once

#include <core/identity.hpp>
#include <storage/bundle.hpp>
#include <storage/files.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/receipt.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <sys/mount.h>
#include <unistd.h>

// What the core tests share: the complaints team's side of a round trip, made with the storage API
// as intake makes it (never the intake program).

namespace kiosk::test {

/// A moment in the kiosk's own time zone, as the kiosk reads its clock.
inline std::chrono::system_clock::time_point localAt(int year, int month, int day, int hour, int minute = 0) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

/// The team's keys as "intake keygen" makes them, and their public file as IT receives it.
inline storage::TeamKeys makeTeamKeys(const std::filesystem::path& publicFile) {
    auto keys = storage::TeamKeys::generate();
    storage::saveTeamPublicKeys(publicFile, keys.publicKeys());
    return keys;
}

/// A demo kiosk's own "team" keys, kept on the tablet so that a demo round trip works.
inline storage::TeamKeys demoTeamKeys(const core::Identity& kiosk) {
    return storage::loadTeamKeys(kiosk.dataDir / "demo-secret.key", std::nullopt);
}

/// A bundle file, its signature checked.
inline storage::Bundle readBundleFile(const std::filesystem::path& file) {
    return storage::readBundle(storage::readFile(file));
}

/// The team's receipt naming these entries, for the kiosk with this signing key, as a signed file
/// written into a folder. Returns its path.
inline std::filesystem::path writeReceipt(const std::filesystem::path& folder, const std::string& kiosk,
                                          const storage::SigningPublicKey& kioskKey,
                                          const std::vector<storage::BundleEntry>& entries,
                                          const storage::SigningKeyPair& signer) {
    storage::Receipt receipt;
    receipt.id = storage::newUuid();
    receipt.kiosk = kiosk;
    receipt.kioskKey = kioskKey;
    receipt.createdAt = storage::isoUtc(std::chrono::system_clock::now());
    for (const auto& e : entries)
        receipt.received.push_back({e.id, storage::sealedHash(e.sealed)});
    const auto file = folder / storage::receiptFileName(receipt);
    storage::writeFileAtomically(file, storage::toSignedFile(receipt, signer));
    return file;
}

/// The same, for this kiosk.
inline std::filesystem::path writeReceipt(const std::filesystem::path& folder, const core::Identity& kiosk,
                                          const std::vector<storage::BundleEntry>& entries,
                                          const storage::SigningKeyPair& signer) {
    return writeReceipt(folder, kiosk.name, kiosk.kioskKey, entries, signer);
}

/// A folder the kiosk cannot write into: a read-only tmpfs mount as root (for whom permissions are
/// no bar), otherwise a folder without write permission. Writable again with release().
class ReadOnlyFolder {
public:
    explicit ReadOnlyFolder(const std::filesystem::path& folder) : m_folder(folder) {
        std::filesystem::create_directories(folder);
        if (::geteuid() == 0) {
            m_mounted = ::mount("tmpfs", folder.c_str(), "tmpfs", MS_RDONLY, "size=1m") == 0;
            m_works = m_mounted;
        } else {
            std::filesystem::permissions(folder, std::filesystem::perms::owner_read |
                                                     std::filesystem::perms::owner_exec);
            m_works = true;
        }
    }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;
    ~ReadOnlyFolder() {
        if (m_mounted)
            ::umount(m_folder.c_str());
    }
    [[nodiscard]] bool works() const { return m_works; }
    [[nodiscard]] bool release() {
        if (m_mounted)
            return ::mount(nullptr, m_folder.c_str(), nullptr, MS_REMOUNT, "size=1m") == 0;
        std::filesystem::permissions(m_folder, std::filesystem::perms::owner_all);
        return true;
    }

private:
    std::filesystem::path m_folder;
    bool m_mounted = false;
    bool m_works = false;
};

/// A small disk of its own (a tmpfs mount, as root only), unmounted at the end; fill() leaves it
/// with less than `room` bytes free.
class SmallDisk {
public:
    SmallDisk(const std::filesystem::path& folder, const char* size) : m_folder(folder) {
        std::filesystem::create_directories(folder);
        m_mounted = ::geteuid() == 0 &&
                    ::mount("tmpfs", folder.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    ~SmallDisk() {
        if (m_mounted)
            ::umount2(m_folder.c_str(), MNT_DETACH);
    }
    [[nodiscard]] bool works() const { return m_mounted; }
    /// Writes a filler file until under `room` bytes are free.
    void fill(std::uintmax_t room) {
        std::ofstream filler(m_folder / "filler", std::ios::binary | std::ios::app);
        const std::string block(4096, '\0');
        while (std::filesystem::space(m_folder).available >= room && filler.write(block.data(), block.size()))
            filler.flush();
    }

private:
    std::filesystem::path m_folder;
    bool m_mounted = false;
};

} // namespace kiosk::test
