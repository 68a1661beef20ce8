#include "saver.hpp"

#include "../../storage/error.hpp"
#include "../../storage/ids.hpp"
#include "../../storage/keys.hpp"
#include "../../storage/store.hpp"
#include "../../storage/submission.hpp"

#include <sodium.h>

#include <cstdio>
#include <memory>
#include <utility>

namespace kiosk::app {
namespace {

const char* kindName(flow::Kind kind) {
    switch (kind) {
    case flow::Kind::Complaint:
        return "complaint";
    case flow::Kind::Compliment:
        return "compliment";
    case flow::Kind::Feedback:
        return "feedback";
    }
    return "feedback";
}

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
        flow::secureWipe(job.story);
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
    storage::Submission s;
    try {
        s.id = storage::newUuid();
        s.reference = storage::newReference();
        s.createdAt = storage::isoUtc(std::chrono::system_clock::now());
        s.kiosk = m_identity.name;
        s.language = job.language == flow::Language::Welsh ? "cy" : "en";
        s.kind = kindName(job.kind);
        s.story = std::move(job.story);
        s.storySkipped = s.story.empty();
        s.priority = job.priority;
        s.demo = m_identity.demo;
        std::string plain = storage::toJson(s);
        storage::SealedRow row{s.id, s.createdAt, "waiting", "", s.priority, storage::seal(plain, m_identity.key)};
        flow::secureWipe(plain);
        flow::secureWipe(s.story);
        if (!m_store)
            m_store = openStore(m_identity);
        m_store->add(row);
        return flow::Saved{s.reference};
    } catch (const std::exception& e) {
        // Storage errors name the operation and SQLite's or libsodium's words, never a value.
        std::fprintf(stderr, "kiosk: a submission could not be stored: %s\n", e.what());
    }
    flow::secureWipe(s.story);
    m_store.reset(); // open afresh next time: the file may have been damaged or replaced
    return flow::SaveFailed{};
}

} // namespace kiosk::app
