#include <speech/voice.hpp>

#include <markup/escape.hpp>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::speech {
namespace {

// espeak-ng keeps one state, and one kind of output, per process.
std::mutex g_engine;
std::optional<espeak_ng_OUTPUT_MODE> g_mode;

// By language, as espeak-ng's own command does for "-v cy": the voices are named by language in
// espeak-ng-data's list, not by these codes.
espeak_ng_STATUS selectVoice(flow::Language language) {
    espeak_VOICE wanted{};
    wanted.languages = voiceName(language);
    return espeak_ng_SetVoiceByProperties(&wanted);
}

std::string message(espeak_ng_STATUS status, espeak_ng_ERROR_CONTEXT context = nullptr) {
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    if (context)
        espeak_ng_ClearErrorContext(&context);
    return text;
}

// With g_engine held. Checks that both voices are there, so that a kiosk missing espeak-ng-data
// says so at once rather than reading Welsh with an English voice.
void initialise(espeak_ng_OUTPUT_MODE mode) {
    if (g_mode) {
        if (*g_mode != mode)
            throw SpeechError("espeak-ng is already in use in this process for another kind of output");
        return;
    }
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    if (const auto status = espeak_ng_Initialize(&context); status != ENS_OK)
        throw SpeechError("espeak-ng could not start: " + message(status, context));
    if (const auto status = espeak_ng_InitializeOutput(mode, 0, nullptr); status != ENS_OK)
        throw SpeechError("espeak-ng could not prepare its output: " + message(status));
    for (const auto language : {flow::Language::English, flow::Language::Welsh})
        if (const auto status = selectVoice(language); status != ENS_OK)
            throw SpeechError(std::string("espeak-ng has no voice \"") + voiceName(language) +
                              "\" (is espeak-ng-data installed?): " + message(status));
    // A little slower than espeak-ng's 175 words a minute: some listeners are 7.
    espeak_ng_SetParameter(espeakRATE, 150, 0);
    g_mode = mode;
}

void shutDown() {
    espeak_ng_Terminate();
    g_mode.reset();
}


bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isWordChar(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// A phone number is said a digit at a time, as people read one out, with a pause between its
// groups ("0808 80 23456": "0 8 0 8, 8 0, 2 3 4 5 6"), in either voice; any other number is said as
// a number (15 working days, 2026, 9:00). A phone number is digits in groups with single spaces
// between them that starts with 0, or has 5 digits or more (a text number), or is 999.
std::string phoneNumbersByDigit(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i]) || (i > 0 && isWordChar(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        std::vector<std::string_view> groups;
        std::size_t end = i;
        for (;;) {
            std::size_t j = end;
            while (j < text.size() && isDigit(text[j]))
                ++j;
            groups.push_back(text.substr(end, j - end));
            end = j;
            if (end + 1 < text.size() && text[end] == ' ' && isDigit(text[end + 1]))
                ++end;
            else
                break;
        }
        std::size_t digits = 0;
        for (const auto g : groups)
            digits += g.size();
        const bool joined = end < text.size() && (isWordChar(text[end]) || text[end] == ':');
        const bool phone = !joined && (text[i] == '0' || digits >= 5 || (groups.size() == 1 && groups[0] == "999"));
        if (!phone) {
            out.append(text.substr(i, end - i));
        } else {
            for (std::size_t g = 0; g < groups.size(); ++g) {
                if (g > 0)
                    out += ", ";
                for (std::size_t d = 0; d < groups[g].size(); ++d) {
                    if (d > 0)
                        out += ' ';
                    out += groups[g][d];
                }
            }
        }
        i = end;
    }
    return out;
}

// A time is said as people say it: espeak-ng reads "9:00" as "nine zero zero" and the Welsh "yb"
// and "yp" (y bore, y prynhawn) as letters. So on the hour the minutes go ("9am", "10"), and in
// Welsh the short forms are spelled out ("4:30 y prynhawn").
std::string timesAsSaid(std::string_view text, flow::Language language) {
    static const std::regex time(R"((^|[^0-9A-Za-z])([0-9]{1,2}):([0-9]{2})(yb|yp|am|pm)?(?![0-9A-Za-z]))");
    std::string out;
    auto from = text.begin();
    for (std::match_results<std::string_view::const_iterator> m; std::regex_search(from, text.end(), m, time);
         from = m[0].second) {
        out.append(from, m[0].first);
        out += m[1].str() + m[2].str();
        if (m[3].str() != "00")
            out += ":" + m[3].str();
        const std::string half = m[4].str();
        if (language == flow::Language::Welsh && half == "yb")
            out += " y bore";
        else if (language == flow::Language::Welsh && half == "yp")
            out += " y prynhawn";
        else
            out += half;
    }
    out.append(from, text.end());
    return out;
}

int collect(short* wav, int count, espeak_EVENT* events) {
    auto* sound = events ? static_cast<Sound*>(events->user_data) : nullptr;
    if (sound && wav && count > 0)
        sound->samples.insert(sound->samples.end(), wav, wav + count);
    return 0; // go on
}

espeak_ng_STATUS say(const std::string& ssml, void* userData) {
    return espeak_ng_Synthesize(ssml.c_str(), ssml.size() + 1, 0, POS_CHARACTER, 0, espeakSSML | espeakCHARS_UTF8,
                                nullptr, userData);
}

// Whether there is anything to play through, looked for the way espeak-ng's audio library looks
// (a PulseAudio or PipeWire server, then an ALSA playback device), so that a tablet without sound
// is found once, calmly, and not by ALSA's errors on every tap.
bool audioDeviceFound() {
    if (std::getenv("PULSE_SERVER"))
        return true;
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"))
        if (std::filesystem::exists(std::filesystem::path(runtime) / "pulse" / "native"))
            return true;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/snd", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("pcmC") && name.ends_with("p"))
            return true;
    }
    return false;
}

template <class T> void put(std::ofstream& out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out.put(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xFF)); // little-endian
}

} // namespace

const char* voiceName(flow::Language language) {
    switch (language) {
    case flow::Language::Welsh: return "cy";
    case flow::Language::English: return "en-gb";
    }
    return "cy";
}

std::string toSsml(const flow::Script& script) {
    std::string ssml = "<speak>";
    for (const flow::Spoken& part : script) {
        ssml += "<p xml:lang=\"";
        ssml += voiceName(part.language);
        ssml += "\">";
        ssml += markup::escape(phoneNumbersByDigit(timesAsSaid(part.text, part.language)));
        ssml += "</p>";
    }
    ssml += "</speak>";
    return ssml;
}

Sound synthesise(const flow::Script& script) {
    std::lock_guard engine(g_engine);
    initialise(ENOUTPUT_MODE_SYNCHRONOUS);
    espeak_SetSynthCallback(collect);
    selectVoice(script.empty() ? flow::Language::Welsh : script.front().language);
    Sound sound;
    sound.sampleRate = espeak_ng_GetSampleRate();
    if (const auto status = say(toSsml(script), &sound); status != ENS_OK)
        throw SpeechError("espeak-ng could not say the script: " + message(status));
    return sound;
}

std::string phonemes(flow::Language language, const std::string& text) {
    std::lock_guard engine(g_engine);
    initialise(ENOUTPUT_MODE_SYNCHRONOUS);
    if (const auto status = selectVoice(language); status != ENS_OK)
        throw SpeechError(std::string("espeak-ng has no voice \"") + voiceName(language) + "\": " + message(status));
    std::string out;
    const void* rest = text.c_str();
    while (rest != nullptr) {
        if (const char* clause = espeak_TextToPhonemes(&rest, espeakCHARS_UTF8, 0))
            out += (out.empty() ? "" : " ") + std::string(clause);
    }
    return out;
}

void writeWav(const std::filesystem::path& file, const Sound& sound) {
    std::ofstream out(file, std::ios::binary);
    const auto bytes = static_cast<std::uint32_t>(sound.samples.size() * 2);
    out.write("RIFF", 4);
    put<std::uint32_t>(out, 36 + bytes);
    out.write("WAVEfmt ", 8);
    put<std::uint32_t>(out, 16);
    put<std::uint16_t>(out, 1); // PCM
    put<std::uint16_t>(out, 1); // mono
    put<std::uint32_t>(out, static_cast<std::uint32_t>(sound.sampleRate));
    put<std::uint32_t>(out, static_cast<std::uint32_t>(sound.sampleRate) * 2);
    put<std::uint16_t>(out, 2);
    put<std::uint16_t>(out, 16);
    out.write("data", 4);
    put<std::uint32_t>(out, bytes);
    for (const std::int16_t sample : sound.samples)
        put<std::uint16_t>(out, static_cast<std::uint16_t>(sample));
    if (!out.flush())
        throw std::runtime_error("could not write " + file.string());
}

Voice::Voice(std::function<void()> ended) : m_ended(std::move(ended)), m_thread([this] { work(); }) {}

Voice::~Voice() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void Voice::speak(flow::Script script) {
    {
        std::lock_guard lock(m_mutex);
        m_next = std::move(script);
    }
    m_changed.notify_all();
}

void Voice::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_next.reset();
        m_stop = true;
    }
    m_changed.notify_all();
}

// Every espeak-ng call is made here, so that the screen never waits for the audio device.
void Voice::work() {
    bool started = false;
    bool canSpeak = audioDeviceFound();
    if (!canSpeak) {
        std::fprintf(stderr, "kiosk: \"Read it to me\" will stay silent: no audio device was found (no PulseAudio "
                             "server, no ALSA playback device in /dev/snd)\n");
    } else {
        try {
            std::lock_guard engine(g_engine);
            initialise(ENOUTPUT_MODE_SPEAK_AUDIO);
            started = true;
        } catch (const SpeechError& e) {
            std::fprintf(stderr, "kiosk: \"Read it to me\" will stay silent: %s\n", e.what());
            canSpeak = false;
        }
    }
    bool reading = false;
    // Called with m_mutex held, so that a request made after it is never answered by it.
    const auto ended = [this] {
        if (!m_next && !m_stop && !m_quit)
            m_ended();
    };
    for (;;) {
        std::optional<flow::Script> next;
        bool stop = false;
        {
            std::unique_lock lock(m_mutex);
            const auto asked = [this] { return m_quit || m_next || m_stop; };
            // While reading, look every 50 ms whether it has finished; otherwise sleep until asked.
            if (reading)
                m_changed.wait_for(lock, std::chrono::milliseconds(50), asked);
            else
                m_changed.wait(lock, asked);
            if (m_quit)
                break;
            next = std::exchange(m_next, std::nullopt);
            stop = std::exchange(m_stop, false);
            if (!next && !stop) {
                if (reading && espeak_IsPlaying() == 0) {
                    reading = false;
                    if (espeak_ng_Synchronize() == ENS_AUDIO_ERROR) {
                        std::fprintf(stderr, "kiosk: \"Read it to me\" will stay silent: no audio device could "
                                             "be opened\n");
                        canSpeak = false;
                    }
                    ended();
                }
                continue;
            }
        }
        if (reading) {
            espeak_ng_Cancel();
            reading = false;
        }
        if (!next)
            continue;
        if (canSpeak && say(toSsml(*next), nullptr) == ENS_OK) {
            reading = true;
        } else {
            std::lock_guard lock(m_mutex);
            ended();
        }
    }
    if (started) {
        if (reading)
            espeak_ng_Cancel();
        std::lock_guard engine(g_engine);
        shutDown();
    }
}

} // namespace kiosk::speech
