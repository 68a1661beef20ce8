#pragma once

#include <storage/error.hpp>

#include <catch2/catch.hpp>

#include <functional>

namespace kiosk::test {

/// The kind of storage::Error that running this throws; fails the test if it throws none.
inline storage::Error::Kind kindOf(const std::function<void()>& run) {
    try {
        run();
    } catch (const storage::Error& e) {
        return e.kind();
    }
    FAIL("no storage::Error was thrown");
    return storage::Error::Kind::Sqlite;
}

} // namespace kiosk::test
