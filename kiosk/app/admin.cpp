#include <app/admin.hpp>

#include <app/pin_prompt.hpp>
#include <core/identity.hpp>
#include <core/pin.hpp>
#include <core/staff.hpp>
#include <core/staff_actions.hpp>
#include <core/status.hpp>
#include <core/sync_worker.hpp>
#include <storage/calendar.hpp>
#include <storage/error.hpp>
#include <storage/keys.hpp>
#include <storage/store.hpp>

#include <cstdio>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::app {
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

// A provisioning refused on a kiosk is recorded there; on a folder that is not a kiosk's, nothing
// is made to record it in.
void recordRefusedProvision(const std::filesystem::path& dataDir, const std::string& keyFile) {
    try {
        core::audit(core::openKioskEvenWithoutKey(dataDir), core::Source::Command, "provision", "refused", 0,
                    keyFile);
    } catch (const std::exception&) {
        // Not a kiosk (yet): the refusal is told on the terminal, and that is all.
    }
}

std::string orNever(const std::optional<std::string>& time) {
    return time ? *time : "never";
}

int exportBundle(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    storage::ExportResult result;
    try {
        result = core::exportUnconfirmed(identity, o.target);
    } catch (const storage::Error& e) {
        core::audit(identity, core::Source::Command, "export",
                    core::auditOutcome(core::folderProblem(o.target, e)), 0, o.target.string());
        throw;
    }
    core::audit(identity, core::Source::Command, "export", result.count == 0 ? "nothing" : "done",
                static_cast<int>(result.count), o.target.string());
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
    // A team key that could not be read was left zero: its fingerprint would name no key at all.
    const auto team = [&](const auto& key) {
        return identity.keyProblem.empty() ? storage::fingerprint(key) : std::string("cannot be read");
    };
    std::printf("keys:          team sealing  %s%s\n", team(identity.key).c_str(),
                identity.demo ? " (demo key, kept on this tablet)" : "");
    std::printf("               team signing  %s\n", team(identity.teamSigning).c_str());
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
    // Also on a kiosk whose team key cannot be read: status is where IT learns that it cannot.
    const auto identity = core::openKioskEvenWithoutKey(o.dataDir);
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
    std::printf(
        "export due:    %s\n",
        !status.exportDueToday ? "no"
        : status.pastClosing
            ? "YES, and the centre has closed (closes_at): export and take the file to the complaints team"
            : "YES, today: export and take the file to the complaints team");
    std::printf("last export:   %s\n", orNever(status.lastExport).c_str());
    std::printf("last receipt:  %s\n", orNever(status.lastReceipt).c_str());
    std::printf("free space:    %ju MiB\n", status.freeBytes / (1024 * 1024));
    printSync(identity, status.sync);
    printKeys(identity);
    if (status.nearlyFull)
        std::printf("NEARLY FULL: under %ju MiB are left. Ask IT to make room soon: when it is full, the "
                    "kiosk will ask\n"
                    "             children to find a member of staff instead of taking what they say.\n",
                    core::kNearlyFullBytes / (1024 * 1024));
    if (!status.keyProblem.empty())
        std::printf(
            "NO KEY:        no submission can be stored, so the kiosk asks children to find a member of\n"
            "               staff: %s\n",
            status.keyProblem.c_str());
    reportDamaged(status.damaged);
    reportQuarantined(status.quarantined);
    for (const auto& name : status.quarantineNotSeen)
        std::printf(
            "NOT YET SEEN:  %s. Until staff have seen it, the kiosk takes no submission: they tap \"I have\n"
            "               read this\" in staff mode, or IT runs \"kiosk admin see-quarantine\".\n",
            name.c_str());
    return status.needsAttention() ? 1 : 0;
}

int importReceipt(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    const auto file = o.receiptFile.filename().string();
    core::ReceiptImport result;
    try {
        result = core::importReceipt(identity, o.receiptFile);
    } catch (const std::exception&) {
        core::audit(identity, core::Source::Command, "import_receipt", "failed", 0, file);
        throw;
    }
    if (result.outcome != core::ReceiptImport::Outcome::Applied) {
        core::audit(identity, core::Source::Command, "import_receipt", "refused", 0, file);
        std::printf("%s\n", result.why.c_str());
        return 1;
    }
    const auto& applied = result.applied;
    core::audit(identity, core::Source::Command, "import_receipt",
                applied.alreadyImported ? "nothing" : "done", applied.marked + applied.quarantinedConfirmed,
                file);
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
    const auto keyFile = o.publicKeyFile.filename().string();
    core::ProvisionResult result;
    try {
        result = core::provision(o.dataDir, o.publicKeyFile, o.kioskName);
    } catch (const std::exception&) {
        recordRefusedProvision(o.dataDir, keyFile);
        throw;
    }
    const auto identity = core::openKiosk(o.dataDir);
    core::audit(identity, core::Source::Command, "provision", "done", result.demoSubmissionsRemoved, keyFile);
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

int setPin(const app::Options& o) {
    // Also on a kiosk whose team key cannot be read: staff need the PIN to be told why.
    const auto identity = core::openKioskEvenWithoutKey(o.dataDir);
    const auto pin = o.pinStdin ? readPinLine(STDIN_FILENO) : askPin("New staff PIN (6 to 12 digits): ");
    if (!o.pinStdin && askPin("The same PIN again: ").str() != pin.str()) {
        core::audit(identity, core::Source::Command, "set_pin", "refused");
        std::printf("The two PINs were not the same. Nothing was changed.\n");
        return 1;
    }
    if (!core::isGoodPin(pin.str())) {
        core::audit(identity, core::Source::Command, "set_pin", "refused");
        std::printf("A staff PIN is %zu to %zu digits, and nothing else. Nothing was changed.\n",
                    flow::kPinShortest, flow::kPinLongest);
        return 1;
    }
    core::setPin(identity.dataDir, pin.str());
    core::audit(identity, core::Source::Command, "set_pin", "done");
    std::printf(
        "The staff PIN is set. Staff open staff mode on Welcome with the hidden gesture (README), then\n"
        "this PIN. Tell it only to the staff who export for this kiosk.\n");
    return 0;
}

int auditLog(const app::Options& o) {
    const auto identity = core::openKioskEvenWithoutKey(o.dataDir);
    std::vector<storage::AuditEntry> lines;
    if (std::filesystem::exists(identity.databaseFile()))
        lines = storage::SubmissionStore(identity.databaseFile(), storage::Access::ReadOnly)
                    .audit(static_cast<std::size_t>(o.auditLast));
    if (lines.empty()) {
        std::printf("The audit log is empty: no staff action or PIN try has been recorded on this kiosk.\n");
        return 0;
    }
    std::printf("%-20s  %-7s  %-15s  %-7s  %5s  %s\n", "when (UTC)", "from", "action", "outcome", "count",
                "detail");
    // Oldest first, as a log reads, so that the newest is last on the screen.
    for (auto line = lines.rbegin(); line != lines.rend(); ++line)
        std::printf("%-20s  %-7s  %-15s  %-7s  %5d%s%s\n", line->at.c_str(), line->source.c_str(),
                    line->action.c_str(), line->outcome.c_str(), line->count,
                    line->detail.empty() ? "" : "  ", line->detail.c_str());
    return 0;
}

int syncNow(const app::Options& o) {
    const auto identity = core::openKiosk(o.dataDir);
    if (!identity.sync) {
        core::audit(identity, core::Source::Command, "sync_now", "failed");
        std::printf("This kiosk has no sync folder (\"sync\" in kiosk.json). Export to a USB stick with\n"
                    "\"kiosk admin export --to DIR\" instead.\n");
        return 1;
    }
    const auto round = core::syncOnce(identity, std::chrono::system_clock::now(), true);
    const auto message = core::syncMessage(round);
    core::audit(identity, core::Source::Command, "sync_now",
                message.kind == flow::StaffMessage::Kind::Synced ? "done" : "failed", message.count,
                identity.sync->folder.string());
    std::printf("Sync folder %s:\n", identity.sync->folder.c_str());
    std::printf("  %d receipt(s) for this kiosk imported and removed from the folder",
                round.receiptsImported);
    std::printf(round.receiptsForOthers > 0 ? "; %d for other kiosks left there.\n" : ".\n",
                round.receiptsForOthers);
    if (round.exported && round.exported->count > 0)
        std::printf("  Exported %zu submission(s) to %s\n", round.exported->count,
                    round.exported->file.c_str());
    else if (round.action == core::SyncAction::Wait)
        std::printf("  Nothing exported: nothing is unconfirmed, or the last export is recent enough\n"
                    "  (export_every_minutes in kiosk.json). \"kiosk admin export --to DIR\" exports now.\n");
    else
        std::printf("  Nothing exported.\n");
    for (const auto& problem : round.problems)
        std::printf("SYNC PROBLEM:  %s\n", problem.c_str());
    return round.problems.empty() ? 0 : 1;
}

int seeQuarantine(const app::Options& o) {
    const auto identity = core::openKioskEvenWithoutKey(o.dataDir);
    const auto seen = core::seeQuarantine(identity, core::Source::Command);
    if (seen.kind != flow::StaffMessage::Kind::QuarantineSeen) {
        std::printf(
            "It could not be recorded that staff have seen it, so the kiosk still takes no submission: %s\n",
            seen.detail.c_str());
        return 1;
    }
    if (seen.count == 0) {
        std::printf("No quarantined database waits to be seen. Nothing was changed.\n");
        return 0;
    }
    std::printf(
        "Recorded that staff have seen %d quarantined database(s), the newest %s. The kiosk takes\n"
        "submissions again when it next starts. Keep the quarantine folder for IT; what waits in it goes\n"
        "in every export until a receipt names it.\n",
        seen.count, seen.where.c_str());
    return 0;
}

// Run as root on the folder of the kiosk's own user, a command would leave files only root can read
// (its database, its audit log): the kiosk could then no longer start or store anything.
bool rootOnAnothersFolder(const std::filesystem::path& dataDir) {
    struct stat folder {};
    if (::geteuid() != 0 || ::stat(dataDir.c_str(), &folder) != 0 || folder.st_uid == 0)
        return false;
    const passwd* owner = ::getpwuid(folder.st_uid);
    const std::string name = owner != nullptr ? owner->pw_name : std::to_string(folder.st_uid);
    std::fprintf(stderr,
                 "kiosk admin: not run as root on %s, which belongs to the user %s: the files written now would\n"
                 "be root's, and the kiosk could not read them. On an installed kiosk, use\n"
                 "\"cafcass-cymru-kiosk-admin\" (it runs the command as the kiosk's user); otherwise run it as %s.\n",
                 dataDir.c_str(), name.c_str(), name.c_str());
    return true;
}

} // namespace

int runAdmin(const Options& o) {
    if (o.command != Options::Command::Help && rootOnAnothersFolder(o.dataDir))
        return 2;
    switch (o.command) {
    case Options::Command::Export:
        return exportBundle(o);
    case Options::Command::ImportReceipt:
        return importReceipt(o);
    case Options::Command::Provision:
        return provision(o);
    case Options::Command::Status:
        return status(o);
    case Options::Command::Verify:
        return verify(o);
    case Options::Command::SetPin:
        return setPin(o);
    case Options::Command::Audit:
        return auditLog(o);
    case Options::Command::Sync:
        return syncNow(o);
    case Options::Command::SeeQuarantine:
        return seeQuarantine(o);
    case Options::Command::Run:
    case Options::Command::Tour:
    case Options::Command::Help:
        break;
    }
    return 2; // not an admin command: main does not ask
}

} // namespace kiosk::app
