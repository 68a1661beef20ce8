#include <app/options.hpp>
#include <app/run.hpp>
#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <storage/calendar.hpp>
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
    std::printf("%zu submission(s) are damaged on this kiosk and cannot be sent. They are kept.\n"
                "Tell the complaints team (0800 49 60 650) these ids, and ask IT to copy the data folder:\n",
                ids.size());
    for (const auto& id : ids)
        std::printf("  %s\n", id.c_str());
}

void reportQuarantined(const std::vector<storage::QuarantineRead>& quarantined) {
    for (const auto& q : quarantined) {
        std::printf(
            "QUARANTINED: %s, found damaged and moved aside. The %zu waiting submission(s) read from it\n"
            "             go in every export until a receipt names them. Keep the file; ask IT to copy the\n"
            "             data folder.\n",
            q.file.c_str(), q.rows.size());
        if (!q.problem.empty())
            std::printf("             Not all of it could be read: %s\n", q.problem.c_str());
    }
}

std::string orNever(const std::optional<std::string>& time) {
    return time ? *time : "never";
}

int exportBundle(const app::Options& o) {
    const auto result = core::exportUnconfirmed(core::openKiosk(o.dataDir), o.target);
    reportDamaged(result.damaged);
    if (result.count == 0) {
        std::printf(
            "Nothing to export: the complaints team has confirmed every %ssubmission this kiosk holds.\n",
            result.damaged.empty() ? "" : "other ");
        return result.damaged.empty() ? 0 : 1;
    }
    std::printf("Exported %zu submission(s) to %s\n", result.count, result.file.c_str());
    std::printf(
        "It carries every submission the complaints team has not yet confirmed, so an earlier file that\n"
        "was lost costs nothing. Take it to the complaints team today, and bring back their receipt for\n"
        "\"kiosk admin import-receipt FILE\".\n");
    return result.damaged.empty() ? 0 : 1;
}

void printKeys(const core::Identity& identity) {
    std::printf("keys:          team sealing  %s%s\n", storage::fingerprint(identity.key).c_str(),
                identity.demo ? " (demo key, kept on this tablet)" : "");
    std::printf("               team signing  %s\n", storage::fingerprint(identity.teamSigning).c_str());
    std::printf("               this kiosk    %s\n", storage::fingerprint(identity.kioskKey).c_str());
}

void printSync(const core::Identity& identity, const core::SyncState& sync) {
    if (!identity.sync)
        return;
    std::printf("sync folder:   %s\n", identity.sync->folder.c_str());
    std::printf("last synced:   %s\n", sync.lastSuccess.empty() ? "never" : sync.lastSuccess.c_str());
    if (!sync.problem.empty())
        std::printf("SYNC PROBLEM:  %s\n               (since %s; tried again every %d seconds)\n",
                    sync.problem.c_str(), sync.lastAttempt.c_str(), identity.sync->checkEverySeconds);
}

int status(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    const auto status = core::readStatus(identity);
    if (o.json) {
        std::fputs(core::statusJson(identity, status).c_str(), stdout);
        return status.needsAttention() ? 1 : 0;
    }
    std::printf("kiosk:         %s%s\n", identity.name.c_str(),
                identity.demo ? " (DEMO MODE: not provisioned)" : "");
    std::printf("data folder:   %s\n", identity.dataDir.c_str());
    std::printf("waiting:       %d (never exported)\n", status.waiting);
    std::printf(
        "exported:      %d (sent, no receipt from the complaints team yet: sent again in every export)\n",
        status.exported);
    std::printf("received:      %d (confirmed by a receipt; deleted after %d day(s))\n", status.received,
                identity.keepReceivedDays);
    if (status.quarantinedUnconfirmed > 0)
        std::printf("quarantined:   %d unconfirmed, read from quarantined databases\n",
                    status.quarantinedUnconfirmed);
    std::printf("priority:      %d%s\n", status.priority,
                status.priority > 0
                    ? " (\"I don't feel safe\" was pressed: export today and tell the complaints team)"
                    : "");
    if (status.oldestUnconfirmed)
        std::printf("oldest:        made %s; to be acknowledged by %s%s\n", status.oldestUnconfirmed->c_str(),
                    status.acknowledgeBy ? storage::toIso(*status.acknowledgeBy).c_str() : "?",
                    status.overdue ? " (OVERDUE)" : "");
    std::printf("export due:    %s\n",
                status.exportDueToday ? "YES, today: export and take the file to the complaints team" : "no");
    std::printf("last export:   %s\n", orNever(status.lastExport).c_str());
    std::printf("last receipt:  %s\n", orNever(status.lastReceipt).c_str());
    std::printf("free space:    %ju MiB\n", status.freeBytes / (1024 * 1024));
    printSync(identity, status.sync);
    printKeys(identity);
    if (status.nearlyFull)
        std::printf("NEARLY FULL: under %ju MiB are left. Ask IT to make room soon: when it is full, the kiosk will ask\n"
                    "             children to find a member of staff instead of taking what they say.\n",
                    core::kNearlyFullBytes / (1024 * 1024));
    reportDamaged(status.damaged);
    reportQuarantined(status.quarantined);
    return status.needsAttention() ? 1 : 0;
}

int importReceipt(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    const auto result = core::importReceipt(identity, o.receiptFile);
    if (result.outcome != core::ReceiptImport::Outcome::Applied) {
        std::printf("%s\n", result.why.c_str());
        return 1;
    }
    const auto& applied = result.applied;
    if (applied.alreadyImported)
        std::printf("This receipt was imported before: it confirms nothing new.\n");
    else
        std::printf("Receipt imported: the complaints team confirms %d submission(s) from this kiosk.\n",
                    applied.marked);
    if (result.deleted > 0)
        std::printf("%d confirmed submission(s) were deleted from this kiosk.\n", result.deleted);
    if (applied.marked > 0 && identity.keepReceivedDays > 0)
        std::printf("Confirmed submissions are kept for %d day(s) (keep_received_days in kiosk.json), then "
                    "deleted.\n",
                    identity.keepReceivedDays);
    if (applied.notHere > 0)
        std::printf(
            "%d submission(s) it names are no longer on this kiosk (an earlier receipt confirmed them).\n",
            applied.notHere);
    if (applied.quarantinedConfirmed > 0)
        std::printf("%d submission(s) from quarantined databases are confirmed and will not be sent again.\n",
                    applied.quarantinedConfirmed);
    if (!applied.mismatch.empty()) {
        std::printf("%zu submission(s) it names differ from what this kiosk holds, so they are kept and will "
                    "be sent\n"
                    "again. Tell the complaints team (0800 49 60 650) these ids:\n",
                    applied.mismatch.size());
        for (const auto& id : applied.mismatch)
            std::printf("  %s\n", id.c_str());
        return 1;
    }
    return 0;
}

int verify(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    const auto result = core::verify(identity);
    const auto db = identity.databaseFile();
    if (!std::filesystem::exists(db)) {
        std::printf("No database yet: this kiosk has stored nothing.\n");
    } else if (!result.unreadable.empty()) {
        std::printf(
            "DAMAGED: the database %s could not be checked: %s\n"
            "The kiosk will move it aside into quarantine/ when it next starts. Do not delete it: ask IT\n"
            "to copy the whole data folder.\n",
            db.c_str(), result.unreadable.c_str());
    } else {
        if (result.integrity.empty())
            std::printf("The database %s passed its full integrity check.\n", db.c_str());
        else
            std::printf("DAMAGED: the integrity check of %s found %zu problem(s), the first: %s\n"
                        "Do not delete it: ask IT to copy the whole data folder.\n",
                        db.c_str(), result.integrity.size(), result.integrity.front().c_str());
        std::printf("%d unconfirmed submission(s) checked against their checksums; %zu damaged.\n",
                    result.rowsChecked, result.damaged.size());
    }
    reportDamaged(result.damaged);
    reportQuarantined(result.quarantined);
    if (result.sound())
        std::printf("All is well.\n");
    return result.sound() ? 0 : 1;
}

int provision(const app::Options& o) {
    const auto result = core::provision(o.dataDir, o.publicKeyFile, o.kioskName);
    const auto identity = core::openKiosk(o.dataDir);
    if (result.wasDemo)
        std::printf(
            "This kiosk ran in demo mode. Its demo keys were removed, and with them %d demo submission(s):\n"
            "they were sealed to a key kept on this tablet, so they were never a child's words to the "
            "team.\n",
            result.demoSubmissionsRemoved);
    std::printf("Provisioned as \"%s\". Submissions will be sealed to the complaints team's key %s;\n"
                "receipts must be signed with the team's key %s.\n",
                identity.name.c_str(), storage::fingerprint(identity.key).c_str(),
                storage::fingerprint(identity.teamSigning).c_str());
    std::printf("This kiosk's %ssigning key: %s\n", result.newKioskKey ? "new " : "",
                result.kioskFingerprint.c_str());
    std::printf("Give %s to the complaints team to enrol (intake kiosks add FILE), and read them\n"
                "the fingerprint above so that they can check it is this kiosk's.\n",
                result.identityFile.c_str());
    if (result.waitingUnderUnreadableKey > 0)
        std::printf(
            "The kiosk's old team key could not be read. %d unconfirmed submission(s) were sealed to it;\n"
            "export them now. If the key just installed is not the same team key, the complaints team will\n"
            "not be able to open them: keep a copy of this kiosk's data folder until they have.\n",
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
    case app::Options::Command::ImportReceipt:
        return importReceipt(o);
    case app::Options::Command::Provision:
        return provision(o);
    case app::Options::Command::Status:
        return status(o);
    case app::Options::Command::Verify:
        return verify(o);
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
