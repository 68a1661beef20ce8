#include <app/admin.hpp>
#include <app/options.hpp>
#include <app/run.hpp>

#include <cstdio>
#include <exception>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace kiosk;

namespace {

int run(const app::Options& o) {
    switch (o.command) {
    case app::Options::Command::Help:
        std::fputs(app::usage(), stdout);
        return 0;
    case app::Options::Command::Tour:
        return app::runTour(o);
    case app::Options::Command::Run:
        return app::runKiosk(o);
    case app::Options::Command::Export:
    case app::Options::Command::ImportReceipt:
    case app::Options::Command::Provision:
    case app::Options::Command::Status:
    case app::Options::Command::Verify:
    case app::Options::Command::SetPin:
    case app::Options::Command::Audit:
    case app::Options::Command::Sync:
    case app::Options::Command::SeeQuarantine:
        break;
    }
    return app::runAdmin(o);
}

} // namespace

int main(int argc, char** argv) {
    // What a child types must never end up in a core dump: none is written, and no other process
    // of this user may attach to read the kiosk's memory.
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::string error;
    const auto options = app::parseOptions(argc, argv, error);
    if (!options) {
        std::fprintf(stderr, "kiosk: %s\n\n%s", error.c_str(), app::usage());
        return 2;
    }
    try {
        return run(*options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 1;
    }
}
