#pragma once

#include <flow/state.hpp>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::speech {

/// espeak-ng could not start, or has no voice for a language.
class SpeechError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The espeak-ng voice that reads a language: "cy" Welsh, "en-gb" English.
[[nodiscard]] const char* voiceName(flow::Language language);

/// A script as espeak-ng reads it: SSML with each part a paragraph in its own language, so that one
/// reading switches voice where the words do (Welcome: Welsh, then English).
[[nodiscard]] std::string toSsml(const flow::Script& script);

/// Sound as espeak-ng makes it: 16-bit mono samples.
struct Sound {
    int sampleRate = 0;
    std::vector<std::int16_t> samples;
    [[nodiscard]] double seconds() const {
        return sampleRate > 0 ? static_cast<double>(samples.size()) / sampleRate : 0.0;
    }
};

/// Says a script into memory instead of through the audio device, exactly as the kiosk would read
/// it, for tests and the tour; throws SpeechError. Not in a process that has a Voice: espeak-ng
/// has one kind of output per process.
[[nodiscard]] Sound synthesise(const flow::Script& script);

/// The phonemes espeak-ng's voice for a language gives some words (espeak-ng's own notation, as
/// `espeak-ng -x`), for tests: Welsh "Croeso" is kr'OYsO, read as English kr'oUsoU.
[[nodiscard]] std::string phonemes(flow::Language language, const std::string& text);

/// Writes sound as a 16-bit PCM mono WAV file; throws std::runtime_error naming the file.
void writeWav(const std::filesystem::path& file, const Sound& sound);

/// Reads scripts aloud through the tablet's audio with espeak-ng, on a thread of its own, so that
/// neither the screen nor a save ever waits for it. A new script or stop() cuts short what is being
/// read at once. When a reading ends by itself (or cannot be heard: no audio device, said once in
/// the log), ended() is called on the voice's thread, unless a newer request already replaced it.
class Voice {
public:
    explicit Voice(std::function<void()> ended);
    Voice(const Voice&) = delete;
    Voice& operator=(const Voice&) = delete;
    ~Voice();

    void speak(flow::Script script);
    void stop();

private:
    void work();

    std::function<void()> m_ended;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<flow::Script> m_next; // a script waiting to be read
    bool m_stop = false;                // stop what is being read
    bool m_quit = false;
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace kiosk::speech
