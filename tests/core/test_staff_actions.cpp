#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace kiosk;

namespace {

// Every path under a folder, with its size and mode, to see that nothing changed.
std::set<std::string> listing(const std::filesystem::path& folder) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
        out.insert(e.path().string() + " " + std::to_string(e.is_regular_file() ? e.file_size() : 0) + " " +
                   std::to_string(static_cast<int>(e.status().permissions())));
    return out;
}

} // namespace

TEST_CASE("status and export on a folder that is not a kiosk's say so and leave nothing on disk") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    for (const auto& folder : {dir / "not-a-kiosk", dir / "empty"}) {
        CHECK_THROWS_WITH(core::openKiosk(folder), Catch::Contains("is not a kiosk's data folder"));
        CHECK_THROWS_AS(core::exportWaiting(core::openKiosk(folder), dir.path()), storage::Error);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "not-a-kiosk"));
    CHECK(std::filesystem::is_empty(dir / "empty"));
}

TEST_CASE("reading a kiosk's status changes nothing on disk, and makes no database") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    const auto before = listing(dir / "data");
    const auto status = core::readStatus(core::openKiosk(dir / "data"));
    CHECK(status.waiting == 0);
    CHECK(listing(dir / "data") == before);
    CHECK_FALSE(std::filesystem::exists(kiosk.databaseFile()));
}

TEST_CASE("status counts what waits without migrating or writing the database") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    {
        storage::SubmissionStore store(kiosk.databaseFile());
        (void)test::addComplaint(store, "un", kiosk.key);
        (void)test::addComplaint(store, "dau", kiosk.key);
        store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto before = listing(dir / "data");
    CHECK(core::readStatus(core::openKiosk(dir / "data")).waiting == 2);
    CHECK(listing(dir / "data") == before);
}

TEST_CASE("export says plainly when the folder to export into is not there") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    CHECK_THROWS_WITH(core::exportWaiting(kiosk, dir / "no-usb-stick"),
                      Catch::Contains("does not exist") && Catch::Contains("USB stick"));
}

TEST_CASE("status on a damaged database says so plainly and changes nothing") {
    test::TempDir dir;
    const auto kiosk = core::startKiosk(dir / "data");
    storage::writeFileAtomically(kiosk.databaseFile(), std::string(8192, 'x'));
    const auto before = listing(dir / "data");
    CHECK_THROWS_WITH(core::readStatus(kiosk), Catch::Contains("is damaged") && Catch::Contains("Nothing was changed"));
    CHECK(listing(dir / "data") == before);
}
