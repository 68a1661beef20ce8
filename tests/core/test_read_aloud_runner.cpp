#include <core/effect_runner.hpp>
#include <core/identity.hpp>
#include <test_support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace kiosk;

namespace {

// Waits (up to a limit) for the runner to answer a reading.
bool answered(core::EffectRunner& runner) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (std::chrono::steady_clock::now() < until) {
        for (const auto& e : runner.takeResults())
            if (std::holds_alternative<flow::SpeechEnded>(e))
                return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

} // namespace

TEST_CASE("a voice that cannot be heard answers every reading, so the button never stays on Stop", "[speech]") {
    std::error_code ec;
    if (std::filesystem::exists("/dev/snd", ec)) {
        WARN("this machine has sound cards: the voice would really speak, so the race is not tried here");
        return;
    }
    // No sound server either: the voice says so once and ends each reading at once, on its own thread.
    ::unsetenv("PULSE_SERVER");
    ::unsetenv("XDG_RUNTIME_DIR");
    test::TempDir dir;
    core::EffectRunner runner(core::startKiosk(dir.path() / "data"), [] {}, core::Speech::Aloud);
    runner.drain();
    (void)runner.takeResults();
    int heard = 0;
    for (int i = 0; i < 40; ++i) {
        flow::Effects effects;
        effects.emplace_back(flow::Speak{{{flow::Language::Welsh, "Croeso"}}});
        runner.run(std::move(effects));
        heard += answered(runner) ? 1 : 0;
    }
    CHECK(heard == 40);
}
