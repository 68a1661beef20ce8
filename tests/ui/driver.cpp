#include "driver.hpp"

#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <storage/keys.hpp>
#include <storage/store.hpp>

#include <algorithm>
#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::test {

UiDriver::UiDriver(float width, float height, const std::filesystem::path& dataDir)
    : m_dataDir(dataDir), m_texts(app::loadTexts(KIOSK_SOURCE_DIR)), m_identity(core::startKiosk(dataDir)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    app::setUpUi(ctx, m_texts, KIOSK_SOURCE_DIR, width, height);
    ctx.demo = m_identity.demo;
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    m_effects = std::make_unique<core::EffectRunner>(m_identity, [] {});
    (void)flow::step(state, flow::Tick{m_now});
    frame();
}

UiDriver::~UiDriver() {
    m_effects.reset();
    ImGui::DestroyContext();
}

void UiDriver::apply(const flow::Event& event) {
    flow::Effects effects = flow::step(state, event);
    for (const auto& effect : effects)
        if (const auto* speak = std::get_if<flow::Speak>(&effect))
            spoken.push_back(speak->script);
    m_effects->run(std::move(effects));
}

void UiDriver::frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = m_mouse;
    io.MouseDown[0] = m_down;
    for (const auto& result : m_effects->takeResults())
        apply(result);
    apply(flow::Tick{m_now});
    ImGui::NewFrame();
    // As the kiosk's own loop (app/run.cpp): a finger down or moving is activity, before what it taps.
    if (screens::touchedThisFrame())
        apply(flow::Touched{});
    if (m_logShown)
        ImGui::LogToClipboard(); // ImGui logs each text it renders, and gives the log to the clipboard at the end
    const auto event = screens::drawFrame(state, ctx);
    if (m_logShown)
        ImGui::LogFinish();
    ImGui::Render();
    if (afterFrame)
        afterFrame(*this);
    if (event)
        apply(*event);
}

bool UiDriver::visible(std::string_view key) const { return ctx.taps.find(key).has_value(); }

namespace {

// Whitespace runs as one space: the screen wraps long texts onto lines of its own.
std::string squeezed(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const bool space = c == ' ' || c == '\n';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

} // namespace

bool shows(const std::string& shown, std::string_view text) {
    return squeezed(shown).find(squeezed(text)) != std::string::npos;
}

std::string UiDriver::shownText() {
    std::string shown;
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = &shown;
    io.SetClipboardTextFn = [](void* to, const char* text) { *static_cast<std::string*>(to) = text; };
    m_logShown = true;
    frame();
    m_logShown = false;
    io.SetClipboardTextFn = nullptr;
    io.ClipboardUserData = nullptr;
    return shown;
}

void UiDriver::drag(ImVec2 from, ImVec2 to) {
    m_mouse = from;
    frame();
    m_down = true;
    frame();
    constexpr int kSteps = 8;
    for (int i = 1; i <= kSteps; ++i) {
        const float t = static_cast<float>(i) / kSteps;
        m_mouse = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        frame();
    }
    m_down = false;
    frame();
    m_mouse = ImVec2(-1, -1);
    frame();
}

void UiDriver::press(ImVec2 at) {
    m_mouse = at;
    frame();
    m_down = true;
    frame();
}

void UiDriver::release() {
    m_down = false;
    frame();
    m_mouse = ImVec2(-1, -1);
    frame();
    frame();
}

void UiDriver::bringIntoView(std::string_view key) {
    const auto inView = [&] {
        const auto t = ctx.taps.find(key);
        return t && !t->clipped;
    };
    // Drag the body up (to see further down) until the key shows, then down, like a child looking.
    for (const float direction : {-1.0f, 1.0f}) {
        for (int i = 0; i < 30 && !inView(); ++i) {
            const auto area = ctx.taps.scrollAreas().find("body");
            if (area == ctx.taps.scrollAreas().end() || !area->second.canScroll)
                return;
            const float x = (area->second.min.x + area->second.max.x) / 2;
            const float mid = (area->second.min.y + area->second.max.y) / 2;
            const float reach = (area->second.max.y - area->second.min.y) * 0.3f;
            drag(ImVec2(x, mid - direction * reach), ImVec2(x, mid + direction * reach));
        }
    }
}

void UiDriver::tap(std::string_view key) {
    bringIntoView(key);
    const auto target = ctx.taps.find(key);
    INFO("tapping " << key);
    REQUIRE(target.has_value());
    m_mouse = target->centre();
    frame();
    m_down = true;
    frame();
    m_down = false;
    frame();
    m_mouse = ImVec2(-1, -1); // the finger lifts away
    // As the kiosk does after any input: a few frames for a new screen to measure itself.
    frame();
    frame();
}

void UiDriver::typeOnScreen(std::string_view utf8) {
    std::size_t i = 0;
    while (i < utf8.size()) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, utf8.data() + i, utf8.data() + utf8.size());
        const std::string ch(utf8.substr(i, static_cast<std::size_t>(n)));
        i += static_cast<std::size_t>(n);
        const auto place = ctx.keyboard.find(ch);
        INFO("typing '" << ch << "'");
        REQUIRE(place.has_value());
        if (!visible(place->key)) {
            const auto toLayer = ctx.keyboard.switchKeyTo(place->layer);
            INFO("switching to the " << place->layer << " layer");
            REQUIRE(toLayer.has_value());
            tap(*toLayer);
        }
        if (place->shift != state.shift)
            tap("key.shift");
        tap(place->key);
    }
}

void UiDriver::typePhysical(std::string_view utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
    frame();
}

void UiDriver::advance(std::chrono::milliseconds by) {
    m_now += by;
    frame();
}

void UiDriver::catchUp() { m_now = std::max(m_now, state.now); }

void UiDriver::settle() {
    m_effects->drain();
    frame();
    frame();
}

std::vector<nlohmann::json> UiDriver::stored() const {
    m_effects->drain(); // the kiosk's own start check, and any save, finish first
    const auto keys = storage::loadTeamKeys(m_dataDir / "demo-secret.key", std::nullopt);
    if (!std::filesystem::exists(m_identity.databaseFile()))
        return {};
    storage::SubmissionStore store(m_identity.databaseFile(), storage::Access::ReadOnly);
    std::vector<nlohmann::json> out;
    for (const auto& row : store.waiting()) {
        const auto json = storage::openSealed(row.sealed, keys.sealing);
        (void)storage::submissionFromJson(json); // a well-formed submission, or the test fails here
        out.push_back(nlohmann::json::parse(json));
    }
    return out;
}

} // namespace kiosk::test
