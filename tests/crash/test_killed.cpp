#include "crash_support.hpp"

#include <core/effect_runner.hpp>
#include <core/staff_actions.hpp>
#include <storage/bundle.hpp>
#include <storage/db.hpp>
#include <storage/files.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <poll.h>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

// The kiosk killed (SIGKILL) at random moments while it saves, or while staff export: a child
// process runs the real save path (core::EffectRunner) and core::exportUnconfirmed in a loop and tells
// the parent, through a pipe, of each save only once it is confirmed (the child would be thanked)
// and of each export once it has returned. After each kill the parent opens the store as the kiosk
// does on starting again and checks it.

using namespace kiosk;

namespace {

using Clock = std::chrono::steady_clock;

// One line to the parent, in one write: shorter than PIPE_BUF, so it arrives whole or not at all.
void tell(int fd, const std::string& line) {
    const std::string text = line + "\n";
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        ::_exit(3);
}

// What the child does until it is killed. It never returns into the test framework.
[[noreturn]] void workUntilKilled(const core::Identity& kiosk, const std::filesystem::path& usb, int out,
                                  std::uint64_t run, bool exports, std::uint32_t seed) {
    try {
        std::mt19937 random(seed);
        core::EffectRunner runner(kiosk, [] {});
        runner.drain();
        (void)runner.takeResults(); // what the start check found: a store it can save to, or a save fails below
        for (std::uint64_t job = 1;;) {
            const auto saves = exports ? 1 + random() % 3 : 1;
            for (std::uint64_t i = 0; i < saves; ++i, ++job) {
                const auto words = "run " + std::to_string(run) + " save " + std::to_string(job);
                tell(out, "saving " + words);
                flow::Effects effects;
                effects.emplace_back(test::complaintSaying(job, words));
                runner.run(std::move(effects));
                runner.drain();
                const auto results = runner.takeResults();
                const auto* saved =
                    results.size() == 1 ? std::get_if<flow::Saved>(&results.front()) : nullptr;
                if (saved == nullptr) {
                    tell(out, "failed to save " + words);
                    ::_exit(2);
                }
                tell(out, "saved " + saved->reference);
            }
            if (exports) {
                tell(out, "exporting");
                const auto result = core::exportUnconfirmed(kiosk, usb);
                tell(out, "exported " + result.file.filename().string());
            }
        }
    } catch (const std::exception& e) {
        tell(out, std::string("failed: ") + e.what());
    }
    ::_exit(2);
}

// What the child told before it was killed.
struct Told {
    std::map<std::string, std::string> confirmed; // reference -> words
    std::string lastSaving;                       // words of the last save begun and not confirmed
    std::vector<std::string> exported;            // bundle file names
    bool exporting = false;                       // killed inside an export
    std::string failure;
};

Told parse(const std::string& text) {
    Told told;
    std::istringstream lines(text);
    std::string saving;
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("saving ")) {
            saving = line.substr(7);
        } else if (line.starts_with("saved ")) {
            told.confirmed[line.substr(6)] = saving;
            saving.clear();
        } else if (line == "exporting") {
            told.exporting = true;
        } else if (line.starts_with("exported ")) {
            told.exported.push_back(line.substr(9));
            told.exporting = false;
        } else {
            told.failure += line + "\n";
        }
    }
    told.lastSaving = saving;
    return told;
}

struct Figures {
    std::uint64_t runs = 0;
    std::uint64_t kills = 0;
    std::uint64_t killedInSave = 0;   // after a save began and before it was confirmed
    std::uint64_t killedInExport = 0; // after an export began and before it returned
    std::uint64_t confirmed = 0;      // saves confirmed to the parent
    std::uint64_t confirmedChecked = 0;
    std::uint64_t storedUnconfirmed = 0; // committed, killed before the child could say so
    std::uint64_t exportsConfirmed = 0;
    std::uint64_t bundleReads = 0;   // bundle files read back, over all the checks
    std::set<std::string> bundles;   // every bundle file made
    std::set<std::string> unmarked;  // complete on disk, its rows not marked in its batch: killed in between
    std::set<std::string> leftovers; // temporary files an export killed before its rename left behind
};

class Kills {
public:
    Kills(bool exports, const char* name)
        : m_exports(exports), m_name(name), m_random(test::crashSeed(name)) {}

    // A fresh kiosk every so often, so that kills land both while the database is being made and
    // on one that has lived through many kills.
    void run(std::uint64_t runs, std::uint64_t runsPerKiosk, std::chrono::microseconds longestWait) {
        std::optional<test::TempDir> dir;
        for (std::uint64_t run = 0; run < runs; ++run) {
            if (run % runsPerKiosk == 0) {
                m_readBack.reset();
                dir.reset();
                dir.emplace();
                m_kiosk = core::startKiosk(*dir / "data");
                m_keys.emplace(storage::loadTeamKeys(*dir / "data/demo-secret.key", std::nullopt).sealing);
                m_readBack.emplace(*m_keys);
                m_usb = *dir / "usb";
                std::filesystem::create_directories(m_usb);
                m_confirmed.clear();
                m_exported.clear();
            }
            killOnce(run, std::chrono::microseconds(
                              std::uniform_int_distribution<std::int64_t>(0, longestWait.count())(m_random)));
            check(run);
        }
    }

    // Reached only when every check passed: a loss fails the test where it is found.
    const Figures& report() const {
        const auto& f = m_figures;
        std::cout << m_name << ": " << f.runs << " runs, " << f.kills << " killed by SIGKILL ("
                  << f.killedInSave << " inside a save, " << f.killedInExport << " inside an export), "
                  << f.confirmed << " saves confirmed, " << f.confirmedChecked
                  << " confirmed submissions checked after the kills, " << f.storedUnconfirmed
                  << " found stored that the kill kept from being confirmed";
        if (m_exports)
            std::cout << "; " << f.exportsConfirmed << " exports returned, " << f.bundles.size()
                      << " bundle files made (read back " << f.bundleReads << " times after the kills), "
                      << f.unmarked.size()
                      << " of them complete but never recorded (killed between writing and marking: their "
                      << "rows went again in the next export), " << f.leftovers.size()
                      << " temporary files left in the folder";
        std::cout << "; nothing lost" << std::endl;
        return f;
    }

private:
    void killOnce(std::uint64_t run, std::chrono::microseconds wait) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        std::cout.flush();
        std::fflush(nullptr);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            workUntilKilled(m_kiosk, m_usb, fds[1], run, m_exports, static_cast<std::uint32_t>(m_random()));
        }
        ::close(fds[1]);
        // Read as it comes, so that the child never waits on a full pipe, until the moment to kill.
        std::string text;
        const auto deadline = Clock::now() + wait;
        char buffer[4096];
        for (auto now = Clock::now(); now < deadline; now = Clock::now()) {
            pollfd p{fds[0], POLLIN, 0};
            const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - now).count();
            const timespec timeout{left / 1'000'000'000, left % 1'000'000'000};
            if (::ppoll(&p, 1, &timeout, nullptr) > 0) {
                const auto n = ::read(fds[0], buffer, sizeof buffer);
                if (n <= 0)
                    break; // the child has gone by itself: a failure, told below
                text.append(buffer, static_cast<std::size_t>(n));
            }
        }
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
            text.append(buffer, static_cast<std::size_t>(n));
        ::close(fds[0]);

        const auto told = parse(text);
        INFO("run " << run << ": the child said:\n" << text);
        REQUIRE(told.failure.empty());
        REQUIRE(WIFSIGNALED(status));
        REQUIRE(WTERMSIG(status) == SIGKILL);
        ++m_figures.runs;
        ++m_figures.kills;
        m_figures.killedInSave += told.lastSaving.empty() ? 0 : 1;
        m_figures.killedInExport += told.exporting ? 1 : 0;
        m_figures.confirmed += told.confirmed.size();
        m_figures.exportsConfirmed += told.exported.size();
        m_confirmed.insert(told.confirmed.begin(), told.confirmed.end());
        m_exported.insert(m_exported.end(), told.exported.begin(), told.exported.end());
        m_inFlight = told.lastSaving;
    }

    void check(std::uint64_t run) {
        INFO(m_name << ", run " << run);
        REQUIRE_FALSE(std::filesystem::exists(m_kiosk.dataDir / "quarantine")); // a kill damages nothing
        if (!std::filesystem::exists(m_kiosk.databaseFile())) {
            REQUIRE(m_confirmed.empty()); // killed before the first save made the database
            return;
        }
        const auto found = (*m_readBack)(m_kiosk.databaseFile());
        for (const auto& [reference, words] : m_confirmed) {
            INFO("confirmed " << reference << ": " << words);
            const auto row = found.find(reference);
            REQUIRE(row != found.end());
            REQUIRE(row->second.story == words);
        }
        m_figures.confirmedChecked += m_confirmed.size();
        // Anything else stored is the one save the last kill cut short after its commit.
        for (const auto& [reference, row] : found) {
            if (m_confirmed.count(reference) != 0)
                continue;
            INFO("stored but never confirmed: " << reference << ": " << row.story);
            REQUIRE(row.story == m_inFlight);
            m_confirmed[reference] = row.story; // from now on it must stay
            ++m_figures.storedUnconfirmed;
        }
        if (m_exports)
            checkExports(found);
    }

    // Every bundle file reads back whole and carries its rows' exact sealed bytes; no row is marked
    // exported without its bundle on disk; every export that returned left its bundle and its marks.
    void checkExports(const std::map<std::string, test::StoredSubmission>& found) {
        std::map<std::string, const test::StoredSubmission*> byId;
        for (const auto& [reference, row] : found)
            byId[row.id] = &row;
        std::map<std::string, std::set<std::string>> bundled; // batch -> ids
        std::map<std::string, std::string> batchOfFile;
        for (const auto& entry : std::filesystem::directory_iterator(m_usb)) {
            const auto name = entry.path().filename().string();
            INFO("in the export folder: " << name);
            if (!name.ends_with(".bundle")) {
                REQUIRE(name.find(".bundle.tmp-") != std::string::npos); // an export's unfinished file
                m_figures.leftovers.insert(entry.path().string());
                continue;
            }
            storage::Bundle bundle;
            REQUIRE_NOTHROW(bundle = storage::readBundle(storage::readFile(entry.path())));
            for (const auto& e : bundle.entries) {
                REQUIRE(byId.count(e.id) == 1);
                REQUIRE(byId[e.id]->sealed == e.sealed);
                bundled[bundle.batch].insert(e.id);
            }
            batchOfFile[name] = bundle.batch;
            ++m_figures.bundleReads;
            m_figures.bundles.insert(entry.path().string());
        }
        std::map<std::string, std::size_t> marked; // batch -> rows marked exported in it
        for (const auto& [id, row] : byId) {
            INFO("row " << id << " is " << row->state << " in batch '" << row->batch << "'");
            if (row->state == "waiting") {
                REQUIRE(row->batch.empty());
                continue;
            }
            REQUIRE(row->state == "exported");
            REQUIRE(bundled[row->batch].count(id) == 1);
            ++marked[row->batch];
        }
        storage::SubmissionStore store(m_kiosk.databaseFile(), storage::Access::ReadOnly);
        storage::Statement batches(store.db(), "SELECT id, file_name, count FROM export_batch");
        std::set<std::string> recorded;
        while (batches.step()) {
            INFO("export recorded: " << batches.text(1));
            REQUIRE(batchOfFile.count(batches.text(1)) == 1);
            const auto batch = batches.text(0);
            REQUIRE(batchOfFile[batches.text(1)] == batch);
            REQUIRE(bundled[batch].size() == static_cast<std::size_t>(batches.integer(2)));
            // Every export carries everything unconfirmed, so a later one takes its rows into its own
            // batch; but with no receipt in this test, no row of a recorded export is waiting again.
            for (const auto& id : bundled[batch])
                REQUIRE(byId[id]->state == "exported");
            recorded.insert(batch);
        }
        for (const auto& [batch, count] : marked)
            REQUIRE(recorded.count(batch) == 1); // no row is marked in an export that was not recorded
        for (const auto& [file, batch] : batchOfFile)
            if (recorded.count(batch) == 0)
                m_figures.unmarked.insert((m_usb / file).string()); // killed between writing and marking
        for (const auto& file : m_exported) {
            INFO("an export returned, with " << file);
            REQUIRE(batchOfFile.count(file) == 1);
            REQUIRE(recorded.count(batchOfFile[file]) == 1);
        }
    }

    bool m_exports;
    const char* m_name;
    std::mt19937 m_random;
    core::Identity m_kiosk;
    std::optional<storage::KeyPair> m_keys;
    std::optional<test::ReadBack> m_readBack;
    std::filesystem::path m_usb;
    std::map<std::string, std::string> m_confirmed; // reference -> words, on this kiosk
    std::vector<std::string> m_exported;            // bundle files of exports that returned
    std::string m_inFlight;                         // the save the last kill cut short, if any
    Figures m_figures;
};

std::uint64_t runs() {
    return test::countFromEnvironment("KIOSK_KILL_RUNS", 500);
}

} // namespace

TEST_CASE("killed at any moment of saving, the kiosk keeps every confirmed submission whole", "[kill]") {
    Kills kills(false, "killed mid-save");
    kills.run(runs(), 25, std::chrono::milliseconds(25));
    const auto& figures = kills.report();
    CHECK(figures.kills >= runs());
    CHECK(figures.killedInSave > 0);
}

TEST_CASE("killed at any moment of an export, no bundle is half-written and no row is marked without one",
          "[kill]") {
    Kills kills(true, "killed mid-export");
    kills.run(runs(), 25, std::chrono::milliseconds(25));
    const auto& figures = kills.report();
    CHECK(figures.kills >= runs());
    CHECK(figures.killedInExport > 0);
}
