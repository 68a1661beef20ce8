#include <storage/store.hpp>

#include <storage/files.hpp>
#include <storage/store_detail.hpp>

#include <algorithm>

// A damaged database is moved aside whole, never repaired or deleted, and read as far as it reads.

namespace kiosk::storage {

using detail::rowAt;

std::filesystem::path quarantine(const std::filesystem::path& file, const std::string& stamp) {
    const auto folder = file.parent_path() / "quarantine";
    std::filesystem::create_directories(folder);
    // Names a FAT or exFAT USB stick accepts, so that IT can copy the folder: no ':' from a time.
    std::string safeStamp;
    for (const char c : stamp)
        if (std::string_view(":*?\"<>|\\/").find(c) == std::string_view::npos)
            safeStamp += c;
    // Never overwrite an earlier quarantined copy: pick a name not yet used.
    std::string name = file.stem().string() + "-" + safeStamp;
    for (int n = 2; std::filesystem::exists(folder / (name + file.extension().string())); ++n)
        name = file.stem().string() + "-" + safeStamp + "-" + std::to_string(n);
    // The companions first and the database last: if the move is cut short, no stale -wal is left
    // beside a database that would then replay it.
    for (const char* suffix : {"-wal", "-shm", "-journal", ""}) {
        auto from = file;
        from += suffix;
        if (std::filesystem::exists(from))
            std::filesystem::rename(from, folder / (name + file.extension().string() + suffix));
    }
    syncFolder(folder);
    syncFolder(file.parent_path());
    return folder;
}

std::vector<std::filesystem::path> quarantinedDatabases(const std::filesystem::path& file) {
    std::vector<std::filesystem::path> out;
    const auto folder = file.parent_path() / "quarantine";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == file.extension())
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

QuarantineRead readQuarantined(const std::filesystem::path& file) {
    QuarantineRead out{file, {}, {}};
    try {
        // Row by row in the table's own order, without the integrity check that put it here: as
        // much as can be read is read, and what stopped the reading is said, for IT, who keep it.
        Db db(file, Access::ReadOnly);
        const bool hasChecksum = db.queryInt("SELECT count(*) FROM pragma_table_info('submission') "
                                             "WHERE name = 'checksum'") == 1;
        Statement st(db, hasChecksum ? "SELECT id, created_at, state, batch, priority, sealed, checksum FROM submission"
                                     : "SELECT id, created_at, state, batch, priority, sealed, NULL FROM submission");
        // Every row not confirmed goes again until a receipt names it. Only "received" is left
        // out: a state the damage changed (one byte of "waiting" gone) must not hide a row, and
        // sending a confirmed one again costs nothing, since intake's ledger takes it once.
        while (st.step())
            if (st.text(2) != "received")
                out.rows.push_back(rowAt(st));
    } catch (const Error& e) {
        out.problem = e.what();
    }
    return out;
}

OpenedStore openOrQuarantine(const std::filesystem::path& file, const std::string& stamp,
                             SubmissionStore::Check check) {
    try {
        return {std::make_unique<SubmissionStore>(file, Access::ReadWrite, check), std::nullopt};
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Damaged)
            throw;
    }
    auto folder = quarantine(file, stamp);
    return {std::make_unique<SubmissionStore>(file), folder};
}

} // namespace kiosk::storage
