#include <app/saver.hpp>

#include <storage/error.hpp>
#include <storage/ids.hpp>
#include <storage/keys.hpp>
#include <storage/store.hpp>
#include <storage/submission.hpp>
#include <app/submission_mapping.hpp>

#include <sodium.h>

#include <cstdio>
#include <memory>
#include <utility>

namespace kiosk::app {
namespace {

std::unique_ptr<storage::SubmissionStore> openStore(const Identity& identity) {
    auto opened = storage::openOrQuarantine(identity.databaseFile(), storage::isoUtc(std::chrono::system_clock::now()));
    if (opened.quarantinedTo)
        std::fprintf(stderr, "kiosk: the database was damaged; it was moved whole into %s and a new one started\n",
                     opened.quarantinedTo->c_str());
    return std::move(opened.store);
}

} // namespace

Saver::Saver(Identity identity, std::function<void()> wake)
    : m_identity(std::move(identity)), m_wake(std::move(wake)), m_thread([this] { run(); }) {}

Saver::~Saver() {
    stop();
}

void Saver::stop() {
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void Saver::save(flow::SaveSubmission job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_changed.notify_all();
}

std::vector<flow::Event> Saver::takeResults() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_results, {});
}

void Saver::drain() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void Saver::run() {
    for (;;) {
        flow::SaveSubmission job;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, with nothing left to store
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_busy = true;
        }
        flow::Event result = store(job);
        {
            std::lock_guard lock(m_mutex);
            m_results.push_back(std::move(result));
            m_busy = false;
        }
        m_changed.notify_all();
        m_wake();
    }
}

// The one place saving can fail; it becomes an event and a line for staff, never the child's words.
flow::Event Saver::store(flow::SaveSubmission& job) {
    storage::Submission s = toSubmission(std::move(job));
    std::string plain;
    // Whatever happens below, nothing the child typed outlives this function unwiped.
    const struct Wipe {
        storage::Submission& s;
        std::string& plain;
        ~Wipe() {
            storage::wipe(s);
            flow::secureWipe(plain);
        }
    } wipe{s, plain};
    try {
        const auto now = std::chrono::system_clock::now();
        s.id = storage::newUuid();
        s.reference = storage::newReference();
        s.createdAt = storage::isoUtc(now);
        s.kiosk = m_identity.name;
        s.demo = m_identity.demo;
        std::optional<storage::Date> contactBy;
        if (s.contact != "none") {
            contactBy = storage::WorkingDays(m_identity.closures).acknowledgeBy(storage::localDate(now));
            s.acknowledgeBy = storage::toIso(*contactBy);
        }
        plain = storage::toJson(s);
        const storage::SealedRow row{s.id, s.createdAt, "waiting", "", s.priority, storage::seal(plain, m_identity.key)};
        if (!m_store)
            m_store = openStore(m_identity);
        m_store->add(row);
        return flow::Saved{job.job, s.reference, contactBy ? std::optional(toDay(*contactBy)) : std::nullopt};
    } catch (const storage::Error& e) {
        // Storage errors name the operation and SQLite's or libsodium's words, never a value.
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
        m_store.reset(); // open afresh next time: the file may have been damaged or replaced
        if (storage::isDamage(e)) {
            const auto folder = storage::quarantine(m_identity.databaseFile(), storage::isoUtc(std::chrono::system_clock::now()));
            std::fprintf(stderr, "kiosk: the database is damaged; it was moved whole into %s\n", folder.c_str());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
        m_store.reset();
    }
    return flow::SaveFailed{job.job};
}

} // namespace kiosk::app
