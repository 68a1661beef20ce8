#include "crash_support.hpp"
#include "power_cut_vfs.hpp"

#include <core/effect_runner.hpp>
#include <storage/error.hpp>
#include <storage/ids.hpp>
#include <storage/submission.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>
#include <optional>

// A power cut at any write or sync of a save: every submission confirmed before the cut (the child
// was thanked) must be there after the reboot, and open. The saves go through PowerCutVfs, which
// keeps unsynced bytes in memory and loses them at the cut.

using namespace kiosk;

namespace {

// How a run saves.
enum class SavePath {
    EffectRunner,  // the kiosk's own save path
    OwnStore,      // the same steps on a store the test opens, left as the store sets it up
    OwnStoreUnsynced // the same, then PRAGMA synchronous = OFF: must lose what it confirmed
};

class Saver {
public:
    virtual ~Saver() = default;
    // The reference once the save is confirmed (the child would be thanked), or nothing.
    virtual std::optional<std::string> save(std::uint64_t job, const std::string& words) = 0;
};

class RunnerSaver final : public Saver {
public:
    explicit RunnerSaver(const core::Identity& kiosk) : m_runner(kiosk, [] {}) {
        m_runner.drain();
        (void)m_runner.takeResults(); // what the start check found: a store it can save to, or a save fails below
    }

    std::optional<std::string> save(std::uint64_t job, const std::string& words) override {
        flow::Effects effects;
        effects.emplace_back(test::complaintSaying(job, words));
        m_runner.run(std::move(effects));
        m_runner.drain();
        const auto results = m_runner.takeResults();
        REQUIRE(results.size() == 1);
        if (const auto* saved = std::get_if<flow::Saved>(&results.front()))
            return saved->reference;
        return std::nullopt;
    }

private:
    core::EffectRunner m_runner;
};

// The steps EffectRunner::perform takes, on a store the test opened, so that the one thing that
// differs between the passing and the failing variant is the synchronous setting.
class StoreSaver final : public Saver {
public:
    StoreSaver(const core::Identity& kiosk, bool unsynced) : m_kiosk(kiosk), m_unsynced(unsynced) {}

    std::optional<std::string> save(std::uint64_t job, const std::string& words) override {
        try {
            if (!m_store) {
                m_store = std::make_unique<storage::SubmissionStore>(m_kiosk.databaseFile());
                // NORMAL is not enough to lose anything any more: every commit is followed by a
                // checkpoint, which syncs (this harness found no loss with it). OFF syncs nothing.
                if (m_unsynced)
                    m_store->db().exec("PRAGMA synchronous = OFF");
            }
            storage::Submission s;
            s.id = storage::newUuid();
            s.reference = m_store->unusedReference();
            s.createdAt = storage::isoUtc(std::chrono::system_clock::now());
            s.kiosk = m_kiosk.name;
            s.demo = m_kiosk.demo;
            s.choices = test::complaintSaying(job, words).choices;
            s.text(vocabulary::Field::Story) = words;
            m_store->add(
                {s.id, s.createdAt, "waiting", "", false, storage::seal(storage::toJson(s), m_kiosk.key)},
                s.reference);
            return s.reference;
        } catch (const storage::Error&) {
            m_store.reset(); // as the runner does: open afresh next time
            return std::nullopt;
        }
    }

private:
    const core::Identity& m_kiosk;
    bool m_unsynced;
    std::unique_ptr<storage::SubmissionStore> m_store;
};

std::unique_ptr<Saver> makeSaver(SavePath path, const core::Identity& kiosk) {
    if (path == SavePath::EffectRunner)
        return std::make_unique<RunnerSaver>(kiosk);
    return std::make_unique<StoreSaver>(kiosk, path == SavePath::OwnStoreUnsynced);
}

// Where a run of saves starts from: a kiosk with no database yet, or a copy of one that already
// holds submissions (taken between two saves, everything written on disk).
struct Start {
    std::string name;
    std::filesystem::path copyFrom;               // empty: no database
    std::map<std::string, std::string> confirmed; // reference -> words, of the submissions it holds
};

struct Figures {
    std::uint64_t cutPoints = 0;
    std::uint64_t trials = 0;
    std::uint64_t cutsDuringSaves = 0; // the rest fell after the last save, with the kiosk idle
    std::uint64_t confirmedChecked = 0;
    std::uint64_t lost = 0;
    std::uint64_t trialsWithLoss = 0;
    std::vector<std::string> examples;
};

const char* describe(test::Unsynced unsynced) {
    return unsynced == test::Unsynced::Lost ? "all unsynced bytes lost" : "some unsynced sectors kept";
}

void placeDatabase(const core::Identity& kiosk, const std::filesystem::path& copyFrom) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        auto file = kiosk.databaseFile();
        file += suffix;
        std::filesystem::remove(file);
        if (!copyFrom.empty() && std::filesystem::exists(copyFrom / file.filename()))
            std::filesystem::copy_file(copyFrom / file.filename(), file);
    }
    std::filesystem::remove_all(kiosk.dataDir / "quarantine");
}

class PowerCuts {
public:
    PowerCuts(SavePath path, const char* name)
        : m_path(path), m_name(name), m_kiosk(core::startKiosk(m_dir / "data")),
          m_keys(storage::loadTeamKeys(m_dir / "data/demo-secret.key", std::nullopt).sealing),
          m_random(test::crashSeed(name)) {}

    // A kiosk that has already taken this many submissions, copied between two saves.
    Start busyKiosk(std::uint64_t saves) {
        placeDatabase(m_kiosk, {});
        Start start{"busy", m_dir / "busy", {}};
        std::filesystem::create_directories(start.copyFrom);
        auto saver = makeSaver(m_path, m_kiosk);
        for (std::uint64_t job = 1; job <= saves; ++job) {
            const auto words = "earlier save " + std::to_string(job);
            const auto reference = saver->save(job, words);
            REQUIRE(reference);
            start.confirmed[*reference] = words;
        }
        m_vfs.flushAll(); // as the system would in time: the copy is what a quiet kiosk has on disk
        for (const char* suffix : {"", "-wal"}) {
            auto file = m_kiosk.databaseFile();
            file += suffix;
            std::filesystem::copy_file(file, start.copyFrom / file.filename());
        }
        m_vfs.cutNow();
        saver.reset();
        m_vfs.reboot(test::Unsynced::Lost, m_random);
        return start;
    }

    // Saves from a start, cutting the power after the nth write or sync (0: after the last save),
    // reboots and checks what survived. Returns how many writes and syncs each save made.
    std::vector<std::uint64_t> trial(const Start& start, std::uint64_t saves, std::uint64_t cutAfter,
                                     test::Unsynced unsynced) {
        placeDatabase(m_kiosk, start.copyFrom);
        auto confirmed = start.confirmed;
        std::vector<std::uint64_t> operations;
        std::string messages;
        if (cutAfter != 0)
            m_vfs.cutAfter(cutAfter);
        {
            test::CapturedStderr quiet(m_dir / "stderr.txt");
            auto saver = makeSaver(m_path, m_kiosk);
            for (std::uint64_t job = 1; job <= saves; ++job) {
                const auto before = m_vfs.operations();
                const auto words = start.name + " save " + std::to_string(job);
                const auto reference = saver->save(job, words);
                if (!reference)
                    break;
                confirmed[*reference] = words;
                operations.push_back(m_vfs.operations() - before);
            }
            m_figures.cutsDuringSaves += m_vfs.isOff() ? 1 : 0;
            m_vfs.cutNow();
            saver.reset(); // closes its connection with the power off: nothing more reaches the disk
            messages = quiet.text();
        }
        m_vfs.reboot(unsynced, m_random);
        INFO(m_name << ", " << start.name << " kiosk, cut after operation " << cutAfter << ", "
                    << describe(unsynced));
        INFO("the kiosk said: " << messages);
        check(confirmed, [&] {
            return (cutAfter == 0 ? "after the last save" : "after operation " + std::to_string(cutAfter)) +
                   " from a " + start.name + " kiosk, " + describe(unsynced);
        });
        // Forget the checking connection's page cache before the files are replaced.
        m_vfs.cutNow();
        m_vfs.reboot(test::Unsynced::Lost, m_random);
        return operations;
    }

    // Every write and sync the saves from a start make is a cut point: tried with both fates of
    // the unsynced bytes, or (to save time) with each in turn.
    void everyCutPoint(const Start& start, std::uint64_t saves, bool bothFates) {
        const auto operations = trial(start, saves, 0, test::Unsynced::Lost);
        const auto total = std::accumulate(operations.begin(), operations.end(), std::uint64_t{0});
        // The first save also makes or opens the database.
        const auto [fewest, most] = std::minmax_element(operations.begin() + 1, operations.end());
        std::cout << m_name << ": " << saves << " saves from a " << start.name << " kiosk make " << total
                  << " writes and syncs, each a cut point (a save after the first makes " << *fewest << " to "
                  << *most << ")" << std::endl;
        for (std::uint64_t n = 1; n <= total; ++n) {
            ++m_figures.cutPoints;
            if (bothFates || n % 2 == 0)
                trial(start, saves, n, test::Unsynced::Lost);
            if (bothFates || n % 2 == 1)
                trial(start, saves, n, test::Unsynced::SomeLost);
        }
    }

    const Figures& report() {
        std::cout << m_name << ": " << m_figures.cutPoints << " cut points, " << m_figures.trials
                  << " power cuts (" << m_figures.cutsDuringSaves << " during a save), "
                  << m_figures.confirmedChecked
                  << " confirmed submissions checked after a reboot, confirmed submissions lost: "
                  << m_figures.lost << " (in " << m_figures.trialsWithLoss << " power cuts)" << std::endl;
        for (const auto& example : m_figures.examples)
            std::cout << "  lost: " << example << std::endl;
        return m_figures;
    }

private:
    // The store is whole and every submission confirmed before the cut is in it, and opens.
    template <class Where> void check(const std::map<std::string, std::string>& confirmed, Where where) {
        REQUIRE_FALSE(std::filesystem::exists(m_kiosk.dataDir / "quarantine")); // a power cut damages nothing
        // A database the cut left damaged has lost what it held (with syncs off, it is the usual end).
        std::map<std::string, test::StoredSubmission> found;
        try {
            found = m_readBack(m_kiosk.databaseFile());
        } catch (const storage::Error& e) {
            if (m_figures.examples.size() < 5)
                m_figures.examples.push_back(std::string("the database was damaged (") + e.what() + ") by a cut " +
                                             where());
        }
        std::uint64_t lost = 0;
        for (const auto& [reference, words] : confirmed) {
            const auto row = found.find(reference);
            if (row != found.end() && row->second.story == words)
                continue;
            // One example from each of the first few power cuts that lost anything.
            if (lost++ == 0 && m_figures.examples.size() < 5)
                m_figures.examples.push_back("\"" + words + "\" (" + reference +
                                             "), confirmed before a cut " + where());
        }
        ++m_figures.trials;
        m_figures.confirmedChecked += confirmed.size();
        m_figures.lost += lost;
        m_figures.trialsWithLoss += lost > 0 ? 1 : 0;
    }

    SavePath m_path;
    const char* m_name;
    test::TempDir m_dir;
    core::Identity m_kiosk;
    storage::KeyPair m_keys;
    test::ReadBack m_readBack{m_keys};
    std::mt19937 m_random;
    test::PowerCutVfs m_vfs;
    Figures m_figures;
};

// A fresh kiosk's saves cover making the database and saves into a young WAL; a busy kiosk's, saves
// into a WAL near SQLite's automatic checkpoint (at 1000 pages, after about 220 saves here) and the
// save that passes it.
Figures everyCutPoint(SavePath path, const char* name, bool bothFates) {
    const auto saves = test::countFromEnvironment("KIOSK_POWER_CUT_SAVES", 40);
    PowerCuts cuts(path, name);
    cuts.everyCutPoint({"fresh", {}, {}}, saves, bothFates);
    cuts.everyCutPoint(cuts.busyKiosk(200), saves, bothFates);
    return cuts.report();
}

} // namespace

TEST_CASE("a power cut at any write or sync of the kiosk's saves loses no confirmed submission",
          "[power-cut]") {
    const auto figures = everyCutPoint(SavePath::EffectRunner, "power cut, effect runner", true);
    CHECK(figures.cutPoints >= 500);
    CHECK(figures.lost == 0);
}

TEST_CASE("a power cut loses nothing confirmed on a store the test opens itself, as the store sets it up",
          "[power-cut]") {
    const auto figures =
        everyCutPoint(SavePath::OwnStore, "power cut, own store, synchronous as set up", false);
    CHECK(figures.lost == 0);
}

// Not run by default: it fails, as it must. CTest runs it and expects the loss it reports
// (tests/CMakeLists.txt), which shows that the power-cut tests can see a lost submission.
TEST_CASE("with synchronous=OFF a power cut loses confirmed submissions", "[.][synchronous-off]") {
    const auto figures =
        everyCutPoint(SavePath::OwnStoreUnsynced, "power cut, own store, synchronous=OFF", false);
    CHECK(figures.lost == 0);
}
