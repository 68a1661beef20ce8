#pragma once

#include <storage/store.hpp>
#include <flow/effect.hpp>
#include <flow/event.hpp>
#include <app/identity.hpp>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::app {

/// Seals and stores submissions on a worker thread so that a slow disk never freezes the screen.
/// Each job comes back as a flow::Saved or flow::SaveFailed event, and wake() is called so that the
/// frame loop, asleep in glfwWaitEvents, picks it up.
class Saver {
public:
    Saver(Identity identity, std::function<void()> wake);
    Saver(const Saver&) = delete;
    Saver& operator=(const Saver&) = delete;
    ~Saver();

    void save(flow::SaveSubmission job);
    /// Saved and SaveFailed events finished since the last call.
    [[nodiscard]] std::vector<flow::Event> takeResults();
    /// Finishes the jobs already handed in, then stops the worker.
    void stop();
    /// Blocks until every job handed in so far has finished (for the tour and tests).
    void drain();

private:
    void run();
    [[nodiscard]] flow::Event store(flow::SaveSubmission& job);

    Identity m_identity;
    std::function<void()> m_wake;
    std::unique_ptr<storage::SubmissionStore> m_store; // used only by the worker thread
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<flow::SaveSubmission> m_jobs;
    std::vector<flow::Event> m_results;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace kiosk::app
