#pragma once

#include <flow/state.hpp>

#include <cstdio>
#include <ctime>

namespace kiosk::app {

/// For the benchmark (packaging/bench.sh): when KIOSK_FRAME_LOG names a file, the kiosk appends a
/// line for each frame it draws: what was on screen and the CPU time the whole process (the
/// renderer's threads included) and the wall clock took from waking to showing it. Lines:
///   frame SCREEN[+keyboard][+overlay] CPU_MS WALL_MS
class FrameLog {
public:
    explicit FrameLog(const char* file);
    FrameLog(const FrameLog&) = delete;
    FrameLog& operator=(const FrameLog&) = delete;
    ~FrameLog();

    /// The frame starts now.
    void start();
    /// The frame, showing this state, is on screen now.
    void shown(const flow::State& state);

private:
    std::FILE* m_file = nullptr;
    timespec m_cpu{};
    timespec m_wall{};
};

} // namespace kiosk::app
