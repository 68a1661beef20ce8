#include <core/effect_runner.hpp>

#include <core/pin.hpp>
#include <core/staff.hpp>
#include <core/staff_actions.hpp>

#include <flow/text_field.hpp>
#include <speech/voice.hpp>
#include <storage/calendar.hpp>
#include <storage/error.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/submission.hpp>

#include <cstdio>
#include <utility>

namespace kiosk::core {
namespace {

// Takes over the typed texts' buffers, so that no copy of the words is made.
storage::Submission toSubmission(flow::SaveSubmission& save) {
    storage::Submission s;
    s.language = save.language;
    s.choices = save.choices;
    for (std::size_t i = 0; i < s.texts.size(); ++i)
        s.texts[i] = save.texts[i].release();
    s.priority = save.priority;
    return s;
}

flow::Day toDay(storage::Date date) {
    return {date.year, date.month, date.day, storage::weekday(date)};
}

storage::OpenedStore
openStore(const Identity& identity,
          storage::SubmissionStore::Check check = storage::SubmissionStore::Check::Quick) {
    auto opened = storage::openOrQuarantine(identity.databaseFile(),
                                            storage::isoUtc(std::chrono::system_clock::now()), check);
    if (opened.quarantinedTo)
        std::fprintf(stderr,
                     "kiosk: the database was damaged; it was moved whole into %s and a new one started\n",
                     opened.quarantinedTo->c_str());
    return opened;
}

CannotStoreWhy movedAside(const std::filesystem::path& folder) {
    return {flow::CannotStore::Quarantined,
            "the database was found damaged while saving and moved whole into " + folder.string() +
                "; staff have not yet seen this. Ask IT to copy the data folder; do not delete it."};
}

// Whether the database fails the full integrity check (a damaged index the quick one misses).
bool failsFullCheck(const Identity& identity) {
    try {
        const storage::SubmissionStore probe(identity.databaseFile(), storage::Access::ReadOnly,
                                             storage::SubmissionStore::Check::Full);
        return false;
    } catch (const storage::Error& e) {
        return storage::isDamage(e);
    }
}

flow::PinStatus pinStatus(const PinState& state, std::chrono::system_clock::time_point now) {
    return {state.set, state.triesBeforeWait(), static_cast<int>(state.waitLeft(now).count())};
}

} // namespace

EffectRunner::EffectRunner(Identity identity, std::function<void()> wake, Speech speech)
    : m_identity(std::move(identity)), m_wake(std::move(wake)),
      m_voice(speech == Speech::Aloud ? std::make_unique<speech::Voice>([this] { speechEnded(); }) : nullptr),
      m_thread([this] { work(); }) {}

EffectRunner::~EffectRunner() {
    stop();
}

void EffectRunner::stop() {
    m_voice.reset(); // silent at once; it answers nothing more
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
    if (m_sync)
        m_sync->stop();
}

void EffectRunner::run(flow::Effects&& effects) {
    if (effects.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        for (auto& effect : effects)
            if (!std::holds_alternative<flow::Speak>(effect) && !std::holds_alternative<flow::StopSpeaking>(effect))
                m_queue.push_back(std::move(effect));
    }
    m_changed.notify_all();
    for (auto& effect : effects)
        if (std::holds_alternative<flow::Speak>(effect) || std::holds_alternative<flow::StopSpeaking>(effect))
            speakNow(effect);
}

// On the caller's thread, in the order asked. A SpeechEnded still waiting answered an earlier
// reading: it is dropped first, so that it cannot turn the button back while this one is heard (the
// voice never answers a reading that a newer request replaced).
void EffectRunner::speakNow(flow::Effect& effect) {
    {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_results, [](const flow::Event& e) { return std::holds_alternative<flow::SpeechEnded>(e); });
    }
    // Only now the voice: one that cannot be heard answers at once, on its own thread, and that
    // answer belongs to this reading (dropping it would leave the button saying "Stop" for ever).
    if (auto* speak = std::get_if<flow::Speak>(&effect)) {
        if (m_voice) {
            m_voice->speak(std::move(speak->script));
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            m_results.emplace_back(flow::SpeechEnded{}); // nothing to hear: the button goes back at once
        }
        m_wake();
    } else if (m_voice) {
        m_voice->stop();
    }
}

void EffectRunner::speechEnded() {
    {
        std::lock_guard lock(m_mutex);
        m_results.emplace_back(flow::SpeechEnded{});
    }
    m_wake();
}

std::vector<flow::Event> EffectRunner::takeResults() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_results, {});
}

void EffectRunner::drain() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

void EffectRunner::work() {
    {
        Events checked = checkStorage();
        std::lock_guard lock(m_mutex);
        for (auto& event : checked)
            m_results.push_back(std::move(event));
        m_busy = false;
    }
    m_changed.notify_all();
    m_wake();
    // After the start check, so that a damaged database has been moved aside first. Not with a
    // team key that cannot be read: an export would name no key for the team to open it with.
    const bool stopping = [this] {
        std::lock_guard lock(m_mutex);
        return m_stopping;
    }();
    if (m_identity.sync && m_identity.keyProblem.empty() && !stopping)
        m_sync = std::make_unique<SyncWorker>(m_identity);
    for (;;) {
        flow::Effect effect;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, with nothing left to do
            effect = std::move(m_queue.front());
            m_queue.pop_front();
            m_busy = true;
        }
        // Every effect is handled by its own overload of perform(): a new one does not compile
        // until it has one.
        Events results = std::visit([this](auto& e) { return perform(e); }, effect);
        {
            std::lock_guard lock(m_mutex);
            for (auto& event : results)
                m_results.push_back(std::move(event));
            m_busy = false;
        }
        m_changed.notify_all();
        m_wake();
    }
}

// Refuse early: the database, the key and the folder are tried before any child begins, so that a
// kiosk that cannot store says so on Welcome instead of after a child has said everything.
EffectRunner::Events EffectRunner::checkStorage() {
    std::optional<std::string> openFailed;
    try {
        // A damaged database is moved aside here, and a new one begun. The full check, which compares
        // each index with its table, runs once, at start, on a database kept small by deleting what
        // the team has confirmed; every later opening runs the quick one.
        m_store = openStore(m_identity, storage::SubmissionStore::Check::Full).store;
        m_store.reset(); // the check below takes the write lock itself
    } catch (const std::exception& e) {
        openFailed = e.what();
    }
    m_cannotStore = whyCannotStore(m_identity);
    // The full check may find damage the quick one below it does not, and moving it aside failed.
    if (openFailed && m_cannotStore.reason == flow::CannotStore::None)
        m_cannotStore = {failsFullCheck(m_identity) ? flow::CannotStore::Damaged
                                                    : flow::CannotStore::Unwritable,
                         *openFailed};
    if (m_cannotStore.reason != flow::CannotStore::None)
        std::fprintf(stderr, "kiosk: submissions cannot be stored, so no child can start: %s\n",
                     m_cannotStore.detail.c_str());
    return {flow::StorageChecked{m_cannotStore.reason}};
}

// The one place saving can fail; it becomes an event and a line for staff, never the child's words.
EffectRunner::Events EffectRunner::perform(flow::SaveSubmission& save) {
    const std::uint64_t job = save.job;
    Events out;
    bool foundDamage = false;
    try {
        storage::Submission s = toSubmission(save);
        std::string plain;
        // Whatever happens below, nothing the child typed outlives this block unwiped.
        const struct Wipe {
            storage::Submission& s;
            std::string& plain;
            ~Wipe() {
                storage::wipe(s);
                flow::secureWipe(plain);
            }
        } wipe{s, plain};
        const auto now = std::chrono::system_clock::now();
        if (!m_store) {
            auto opened = openStore(m_identity);
            m_store = std::move(opened.store);
            if (opened.quarantinedTo) {
                // This child's submission goes into the new database; the next child waits for staff.
                m_cannotStore = movedAside(*opened.quarantinedTo);
                foundDamage = true;
            }
        }
        s.id = storage::newUuid();
        s.reference = m_store->unusedReference();
        s.createdAt = storage::isoUtc(now);
        s.kiosk = m_identity.name;
        s.demo = m_identity.demo;
        std::optional<storage::Date> contactBy;
        if (save.promiseDate) {
            contactBy = storage::WorkingDays(m_identity.closures).acknowledgeBy(storage::localDate(now));
            s.acknowledgeBy = storage::toIso(*contactBy);
        }
        plain = storage::toJson(s);
        m_store->add({s.id, s.createdAt, "waiting", "", s.priority, storage::seal(plain, m_identity.key)},
                     s.reference);
        if (m_sync)
            m_sync->poke(); // a new submission leaves as soon as the export interval allows
        out.emplace_back(
            flow::Saved{job, s.reference, contactBy ? std::optional(toDay(*contactBy)) : std::nullopt});
    } catch (const storage::Error& e) {
        // Storage errors name the operation and SQLite's or libsodium's words, never a value.
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
        m_store.reset(); // open afresh next time: the file may have been damaged or replaced
        if (storage::isDamage(e)) {
            foundDamage = true;
            try {
                const auto folder = storage::quarantine(m_identity.databaseFile(),
                                                        storage::isoUtc(std::chrono::system_clock::now()));
                std::fprintf(stderr, "kiosk: the database is damaged; it was moved whole into %s\n",
                             folder.c_str());
                m_cannotStore = movedAside(folder);
            } catch (const std::exception& q) {
                std::fprintf(stderr, "kiosk: the damaged database could not be moved aside: %s\n", q.what());
                m_cannotStore = {flow::CannotStore::Damaged,
                                 "the database " + m_identity.databaseFile().string() + " is damaged (" +
                                     e.what() + ") and could not be moved aside (" + q.what() + "). Ask IT."};
            }
        }
        out.emplace_back(flow::SaveFailed{job});
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
        m_store.reset();
        out.emplace_back(flow::SaveFailed{job});
    }
    // No child begins again until staff have seen why.
    if (foundDamage)
        out.emplace_back(flow::StorageChecked{m_cannotStore.reason});
    return out;
}

EffectRunner::Events EffectRunner::perform(flow::Speak&) {
    return {}; // never queued: run() hands it to the voice
}

EffectRunner::Events EffectRunner::perform(flow::StopSpeaking&) {
    return {}; // never queued: run() hands it to the voice
}

EffectRunner::Events EffectRunner::perform(flow::ReadPinState&) {
    return {flow::PinRead{pinStatus(readPinState(m_identity.dataDir), std::chrono::system_clock::now())}};
}

EffectRunner::Events EffectRunner::perform(flow::CheckPin& check) {
    const flow::SecretText pin = std::move(check.pin); // wiped when this returns
    const auto now = std::chrono::system_clock::now();
    const auto result = checkPin(m_identity.dataDir, pin.str(), now);
    switch (result.outcome) {
    case PinCheck::Outcome::Right:
        audit(m_identity, Source::Screen, "pin_right", "done");
        break;
    case PinCheck::Outcome::Wrong:
        audit(m_identity, Source::Screen, "pin_wrong", "refused");
        break;
    case PinCheck::Outcome::Waiting:
        audit(m_identity, Source::Screen, "pin_waiting", "refused");
        break;
    case PinCheck::Outcome::NoPin:
        break; // nothing was tried: there is no PIN to try
    }
    return {flow::PinChecked{result.outcome == PinCheck::Outcome::Right, pinStatus(result.state, now)}};
}

EffectRunner::Events EffectRunner::perform(flow::ChangePin& change) {
    const flow::SecretText pin = std::move(change.pin); // wiped when this returns
    return {flow::StaffDone{changePin(m_identity, pin.str(), Source::Screen)}};
}

EffectRunner::Events EffectRunner::perform(flow::ReadDashboard&) {
    return {flow::DashboardRead{readDashboard(m_identity, m_cannotStore.reason, m_cannotStore.detail)}};
}

EffectRunner::Events EffectRunner::perform(flow::ListDrives&) {
    return {flow::DrivesListed{removableDrives()}};
}

EffectRunner::Events EffectRunner::perform(flow::ExportTo& to) {
    return {flow::StaffDone{exportForStaff(m_identity, to.path, to.name, Source::Screen)}};
}

EffectRunner::Events EffectRunner::perform(flow::ImportReceiptFrom& from) {
    return {flow::StaffDone{importReceiptsFrom(m_identity, from.path, from.name, Source::Screen)}};
}

EffectRunner::Events EffectRunner::perform(flow::SyncNow&) {
    flow::StaffMessage m;
    m.kind = flow::StaffMessage::Kind::SyncFailed;
    if (!m_identity.sync) {
        m.detail = "no sync folder is set";
    } else if (!m_sync) {
        m.where = m_identity.sync->folder.string();
        m.detail = m_identity.keyProblem; // the only reason the worker was not started
    } else {
        m.where = m_identity.sync->folder.string();
        // A network share that hangs must not hold staff for ever: the round goes on by itself.
        if (const auto round = m_sync->roundNow(std::chrono::seconds(20))) {
            m = syncMessage(*round);
            m.where = m_identity.sync->folder.string();
        } else {
            m.kind = flow::StaffMessage::Kind::SyncNotAnswering;
        }
    }
    audit(m_identity, Source::Screen, "sync_now",
          m.kind == flow::StaffMessage::Kind::Synced ? "done" : "failed", m.count);
    return {flow::StaffDone{std::move(m)}};
}

EffectRunner::Events EffectRunner::perform(flow::SeeQuarantine&) {
    Events events{flow::StaffDone{seeQuarantine(m_identity, Source::Screen)}};
    m_cannotStore = whyCannotStore(m_identity);
    events.emplace_back(flow::StorageChecked{m_cannotStore.reason});
    return events;
}

EffectRunner::Events EffectRunner::perform(flow::RecordStaffLeft& left) {
    audit(m_identity, Source::Screen, left.byItself ? "left_idle" : "left", "done");
    return {};
}

} // namespace kiosk::core
