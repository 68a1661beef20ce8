#pragma once

#include <core/identity.hpp>
#include <core/staff_actions.hpp>
#include <core/sync_worker.hpp>
#include <flow/effect.hpp>
#include <flow/event.hpp>
#include <storage/store.hpp>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::speech {
class Voice;
}

namespace kiosk::core {

/// Whether "Read it to me" is heard (the kiosk) or answered at once as finished (tests, the tour).
enum class Speech { Aloud, Silent };

/// Does the work the flow asks for, and owns the kiosk's store while it does. Runs on a thread of
/// its own so that a slow disk never freezes the screen. Each effect comes back as the events
/// flow/effect.hpp names (a save as flow::Saved or flow::SaveFailed), and wake() is called so that
/// the frame loop, asleep in glfwWaitEvents, picks them up. The kiosk and the headless test driver
/// both use it. Before anything else it checks that it can store at all, and reports
/// flow::StorageChecked; then, if kiosk.json names a sync folder, it starts the sync worker.
/// Reading aloud never waits in the worker's queue (a save must not wait behind speech): Speak and
/// StopSpeaking go straight to the voice, which answers flow::SpeechEnded through the same results.
class EffectRunner {
public:
    EffectRunner(Identity identity, std::function<void()> wake, Speech speech = Speech::Silent);
    EffectRunner(const EffectRunner&) = delete;
    EffectRunner& operator=(const EffectRunner&) = delete;
    ~EffectRunner();

    /// Hands over the effects a step returned.
    void run(flow::Effects&& effects);
    /// Events finished since the last call.
    [[nodiscard]] std::vector<flow::Event> takeResults();
    /// Blocks until every effect handed in so far has finished (for the tour and tests).
    void drain();
    /// Finishes the effects already handed in, then stops the worker and the sync worker.
    void stop();

private:
    using Events = std::vector<flow::Event>;

    void work();
    void speakNow(flow::Effect& effect);
    void speechEnded();
    [[nodiscard]] Events checkStorage();
    // One for each effect: a new effect does not compile until it has one. Speak and StopSpeaking
    // never reach the worker (speakNow), but are here so that the visit over effects stays whole.
    [[nodiscard]] Events perform(flow::SaveSubmission& save);
    [[nodiscard]] Events perform(flow::Speak& speak);
    [[nodiscard]] Events perform(flow::StopSpeaking& stop);
    [[nodiscard]] Events perform(flow::ReadPinState& read);
    [[nodiscard]] Events perform(flow::CheckPin& check);
    [[nodiscard]] Events perform(flow::ChangePin& change);
    [[nodiscard]] Events perform(flow::ReadDashboard& read);
    [[nodiscard]] Events perform(flow::ListDrives& list);
    [[nodiscard]] Events perform(flow::ExportTo& to);
    [[nodiscard]] Events perform(flow::ImportReceiptFrom& from);
    [[nodiscard]] Events perform(flow::SyncNow& sync);
    [[nodiscard]] Events perform(flow::SeeQuarantine& see);
    [[nodiscard]] Events perform(flow::RecordStaffLeft& left);

    Identity m_identity;
    std::function<void()> m_wake;
    // Used only by the worker thread:
    std::unique_ptr<storage::SubmissionStore> m_store;
    CannotStoreWhy m_cannotStore;       // the last found, for the dashboard and the why-page
    std::unique_ptr<SyncWorker> m_sync; // started after the start check; stopped after the worker
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<flow::Effect> m_queue;
    std::vector<flow::Event> m_results;
    bool m_busy = true; // the start check runs first: drain() waits for it too
    bool m_stopping = false;
    std::unique_ptr<speech::Voice> m_voice; // none where speech is Silent
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace kiosk::core
