#pragma once

#include <flow/state.hpp>

#include <cstdio>
#include <ctime>

namespace kiosk::app {

/// For the benchmark (packaging/bench.sh): when KIOSK_FRAME_LOG names a file, the kiosk appends a
/// line for each frame it draws: what was on screen and the CPU time the whole process (the
/// renderer's threads included) and the wall clock took from waking to showing it, and how much of
/// that CPU time went before rendering (events, ImGui and the screens' drawing code). Lines:
///   frame SCREEN[+keyboard][+overlay] CPU_MS WALL_MS BEFORE_RENDERING_MS
class FrameLog {
public:
    explicit FrameLog(const char* file);
    FrameLog(const FrameLog&) = delete;
    FrameLog& operator=(const FrameLog&) = delete;
    ~FrameLog();

    /// The frame starts now.
    void start();
    /// The frame is drawn; rendering its pixels starts now.
    void drawn();
    /// The frame, showing this state, is on screen now.
    void shown(const flow::State& state, long pixelsDrawn);

private:
    std::FILE* m_file = nullptr;
    timespec m_cpu{};
    double m_drawnCpu = 0;
    timespec m_wall{};
};

} // namespace kiosk::app
