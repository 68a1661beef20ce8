#include <core/effect_runner.hpp>

#include <core/staff_actions.hpp>

#include <flow/text_field.hpp>
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

flow::Day toDay(storage::Date date) { return {date.year, date.month, date.day, storage::weekday(date)}; }

std::unique_ptr<storage::SubmissionStore> openStore(const Identity& identity,
                                                    storage::SubmissionStore::Check check = storage::SubmissionStore::Check::Quick) {
    auto opened =
        storage::openOrQuarantine(identity.databaseFile(), storage::isoUtc(std::chrono::system_clock::now()), check);
    if (opened.quarantinedTo)
        std::fprintf(stderr, "kiosk: the database was damaged; it was moved whole into %s and a new one started\n",
                     opened.quarantinedTo->c_str());
    return std::move(opened.store);
}

} // namespace

EffectRunner::EffectRunner(Identity identity, std::function<void()> wake)
    : m_identity(std::move(identity)), m_wake(std::move(wake)), m_thread([this] { work(); }) {}

EffectRunner::~EffectRunner() { stop(); }

void EffectRunner::stop() {
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void EffectRunner::run(flow::Effects&& effects) {
    if (effects.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        for (auto& effect : effects)
            m_queue.push_back(std::move(effect));
    }
    m_changed.notify_all();
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
        flow::Event checked = checkStorage();
        std::lock_guard lock(m_mutex);
        m_results.push_back(std::move(checked));
        m_busy = false;
    }
    m_changed.notify_all();
    m_wake();
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
        flow::Event result = std::visit([this](auto& e) { return perform(e); }, effect);
        {
            std::lock_guard lock(m_mutex);
            m_results.push_back(std::move(result));
            m_busy = false;
        }
        m_changed.notify_all();
        m_wake();
    }
}

// Refuse early: the database, the key and the folder are tried before any child begins, so that a
// kiosk that cannot store says so on Welcome instead of after a child has said everything.
flow::Event EffectRunner::checkStorage() {
    std::optional<std::string> why;
    try {
        // A damaged database is moved aside here, and a new one begun. The full check, which compares
        // each index with its table, runs once, at start, on a database kept small by deleting what
        // the team has confirmed; every later opening runs the quick one.
        m_store = openStore(m_identity, storage::SubmissionStore::Check::Full);
        m_store.reset(); // the check below takes the write lock itself
        why = whyCannotStore(m_identity);
    } catch (const std::exception& e) {
        why = e.what();
    }
    if (why)
        std::fprintf(stderr, "kiosk: submissions cannot be stored, so no child can start: %s\n", why->c_str());
    return flow::StorageChecked{!why};
}

// The one place saving can fail; it becomes an event and a line for staff, never the child's words.
flow::Event EffectRunner::perform(flow::SaveSubmission& save) {
    const std::uint64_t job = save.job;
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
        if (!m_store)
            m_store = openStore(m_identity);
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
        m_store->add({s.id, s.createdAt, "waiting", "", s.priority, storage::seal(plain, m_identity.key)}, s.reference);
        return flow::Saved{job, s.reference, contactBy ? std::optional(toDay(*contactBy)) : std::nullopt};
    } catch (const storage::Error& e) {
        // Storage errors name the operation and SQLite's or libsodium's words, never a value.
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
        m_store.reset(); // open afresh next time: the file may have been damaged or replaced
        if (storage::isDamage(e)) {
            try {
                const auto folder =
                    storage::quarantine(m_identity.databaseFile(), storage::isoUtc(std::chrono::system_clock::now()));
                std::fprintf(stderr, "kiosk: the database is damaged; it was moved whole into %s\n", folder.c_str());
            } catch (const std::exception& q) {
                std::fprintf(stderr, "kiosk: the damaged database could not be moved aside: %s\n", q.what());
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
        m_store.reset();
    }
    return flow::SaveFailed{job};
}

} // namespace kiosk::core
