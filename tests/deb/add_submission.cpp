// Stores one sealed complaint in a kiosk's data folder, as the kiosk would after a child sends it,
// so that the package test can see a purge keep a folder that holds a submission without a receipt.
// Usage: add_submission DATA_DIR
#include <core/identity.hpp>
#include <storage/store.hpp>
#include <test_support/temp_dir.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: add_submission DATA_DIR\n", stderr);
        return 2;
    }
    try {
        const auto identity = kiosk::core::startKiosk(argv[1]);
        kiosk::storage::SubmissionStore store(identity.databaseFile());
        std::puts(kiosk::test::addComplaint(store, "a complaint the team has not confirmed", identity.key).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "add_submission: %s\n", e.what());
        return 1;
    }
    return 0;
}
