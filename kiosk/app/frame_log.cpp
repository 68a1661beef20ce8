#include <app/frame_log.hpp>

#include <flow/journey.hpp>

namespace kiosk::app {
namespace {

double msSince(clockid_t clock, const timespec& since) {
    timespec now{};
    clock_gettime(clock, &now);
    return static_cast<double>(now.tv_sec - since.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec - since.tv_nsec) / 1e6;
}

} // namespace

FrameLog::FrameLog(const char* file) {
    if (file != nullptr && *file != '\0')
        m_file = std::fopen(file, "a");
}

FrameLog::~FrameLog() {
    if (m_file != nullptr)
        std::fclose(m_file);
}

void FrameLog::start() {
    if (m_file == nullptr)
        return;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &m_cpu);
    clock_gettime(CLOCK_MONOTONIC, &m_wall);
}

void FrameLog::drawn() {
    if (m_file != nullptr)
        m_drawnCpu = msSince(CLOCK_PROCESS_CPUTIME_ID, m_cpu);
}

void FrameLog::shown(const flow::State& state, long pixelsDrawn) {
    if (m_file == nullptr)
        return;
    const double cpu = msSince(CLOCK_PROCESS_CPUTIME_ID, m_cpu);
    const double wall = msSince(CLOCK_MONOTONIC, m_wall);
    const char* overlay = "";
    switch (state.overlay) {
    case flow::Overlay::None: break;
    case flow::Overlay::StillThere: overlay = "+still_there"; break;
    case flow::Overlay::ConfirmStartAgain: overlay = "+start_again"; break;
    case flow::Overlay::NotSafe: overlay = "+not_safe"; break;
    }
    const auto screen = flow::screenName(state.screen);
    std::fprintf(m_file, "frame %.*s%s%s %.3f %.3f %.3f %ld\n", static_cast<int>(screen.size()), screen.data(),
                 state.focus ? "+keyboard" : "", overlay, cpu, wall, m_drawnCpu, pixelsDrawn);
    std::fflush(m_file);
}

} // namespace kiosk::app
