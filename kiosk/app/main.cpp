#include <app/options.hpp>
#include <app/run.hpp>
#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <storage/keys.hpp>

#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <exception>

using namespace kiosk;

namespace {

// Damaged submissions cannot be sent; the complaints team must still hear of them, by their ids.
void reportDamaged(const std::vector<std::string>& ids) {
    if (ids.empty())
        return;
    std::printf("%zu waiting submission(s) are damaged on this kiosk and cannot be sent. They are kept.\n"
                "Tell the complaints team (0800 49 60 650) these ids, and ask IT to copy the data folder:\n",
                ids.size());
    for (const auto& id : ids)
        std::printf("  %s\n", id.c_str());
}

int exportBundle(const app::Options& o) {
    const auto result = core::exportWaiting(core::openKiosk(o.dataDir), o.target);
    reportDamaged(result.damaged);
    if (result.count == 0) {
        std::printf("Nothing to export: no %ssubmissions are waiting.\n", result.damaged.empty() ? "" : "other ");
        return result.damaged.empty() ? 0 : 1;
    }
    std::printf("Exported %zu submission(s) to %s\n", result.count, result.file.c_str());
    std::printf("Take this file to the complaints team today.\n");
    return result.damaged.empty() ? 0 : 1;
}

int status(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    const auto status = core::readStatus(identity);
    std::printf("kiosk:       %s%s\n", identity.name.c_str(), identity.demo ? " (DEMO MODE: not provisioned)" : "");
    std::printf("data folder: %s\n", identity.dataDir.c_str());
    std::printf("sealed to:   key %s\n", storage::fingerprint(identity.key).c_str());
    std::printf("waiting:     %d\n", status.waiting);
    std::printf("exported:    %d\n", status.exported);
    std::printf("free space:  %ju MiB\n", status.freeBytes / (1024 * 1024));
    if (status.nearlyFull)
        std::printf("NEARLY FULL: under %ju MiB are left. Ask IT to make room soon: when it is full, the kiosk will ask\n"
                    "             children to find a member of staff instead of taking what they say.\n",
                    core::kNearlyFullBytes / (1024 * 1024));
    reportDamaged(status.damaged);
    for (const auto& q : status.quarantined) {
        std::printf("QUARANTINED: %s, found damaged and moved aside. %zu waiting submission(s) read from it go\n"
                    "             in every export. Keep the file; ask IT to copy the data folder.\n",
                    q.file.c_str(), q.rows.size());
        if (!q.problem.empty())
            std::printf("             Not all of it could be read: %s\n", q.problem.c_str());
    }
    return status.damaged.empty() && status.quarantined.empty() && !status.nearlyFull ? 0 : 1;
}

int provision(const app::Options& o) {
    const auto result = core::provision(o.dataDir, o.publicKeyFile, o.kioskName);
    std::printf("Provisioned. Submissions will be sealed to key %s.\n",
                storage::fingerprint(core::openKiosk(o.dataDir).key).c_str());
    if (result.waitingUnderUnreadableKey > 0)
        std::printf("The kiosk's old key could not be read. %d waiting submission(s) were sealed to it; export them\n"
                    "now. If the key just installed is not the same team key, the complaints team will not be\n"
                    "able to open them: keep a copy of this kiosk's data folder until they have.\n",
                    result.waitingUnderUnreadableKey);
    return 0;
}

int run(const app::Options& o) {
    switch (o.command) {
    case app::Options::Command::Help:
        std::fputs(app::usage(), stdout);
        return 0;
    case app::Options::Command::Export:
        return exportBundle(o);
    case app::Options::Command::Provision:
        return provision(o);
    case app::Options::Command::Status:
        return status(o);
    case app::Options::Command::Tour:
        return app::runTour(o);
    case app::Options::Command::Run:
        break;
    }
    return app::runKiosk(o);
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
