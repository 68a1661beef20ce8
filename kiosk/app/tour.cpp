#include <app/run.hpp>

#include <i18n/resources.hpp>

#include <flow/step.hpp>
#include <screens/screens.hpp>
#include <app/tour_stops.hpp>
#include <app/textures.hpp>
#include <app/window.hpp>

#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <cstdio>
#include <fstream>

namespace kiosk::app {
namespace {

// What "Read it to me" would say on this stop, one part a line with its voice, so that a person
// can read the scripts beside the pictures.
bool writeScript(const std::filesystem::path& file, const flow::Script& script) {
    std::ofstream out(file);
    for (const flow::Spoken& part : script)
        out << '[' << vocabulary::nameOf(part.language).stored << "] " << part.text << '\n';
    return static_cast<bool>(out.flush());
}

} // namespace

int runTour(const Options& options) {
    const auto resources = i18n::resourceDir();
    const Texts texts = loadTexts(resources);
    Window window(false, options.width, options.height, "Cafcass Cymru tour");
    ui::Ctx ctx;
    ctx.demo = false;
    setUpUi(ctx, texts, resources, window.size().x, window.size().y);
    loadFeelingPictures(ctx, resources);
    std::filesystem::create_directories(options.target);
    int index = 0;
    for (const auto& stop : tourStops()) {
        ++index;
        for (const auto language : {flow::Language::Welsh, flow::Language::English}) {
            flow::State state;
            state.language = language;
            ctx.scrolledPage = {}; // each stop is a fresh visit: its page starts at the top
            ctx.scrolledToBox = {};
            stop.reach(state);
            Window::Capture capture;
            // Several frames: layouts that measure themselves settle on the second.
            for (int frame = 0; frame < 3; ++frame) {
                glfwPollEvents();
                if (stop.readOn && frame == 1)
                    ctx.scrollDownAsked = true; // as "More below" tapped on the first frame does

                window.beginFrame();
                (void)screens::drawFrame(state, ctx);
                window.endFrame(ctx.theme.background, frame == 2 ? &capture : nullptr);
            }
            char name[160];
            std::snprintf(name, sizeof name, "%02d-%s-%s-%dx%d.png", index, stop.name,
                          std::string(vocabulary::nameOf(language).stored).c_str(), capture.width, capture.height);
            const auto file = options.target / name;
            if (stbi_write_png(file.c_str(), capture.width, capture.height, 4, capture.rgba.data(), capture.width * 4) ==
                0) {
                std::fprintf(stderr, "kiosk: could not write %s\n", file.c_str());
                return 1;
            }
            std::printf("%s\n", file.c_str());
            if (!writeScript(std::filesystem::path(file).replace_extension(".say.txt"), screens::spokenScript(ctx))) {
                std::fprintf(stderr, "kiosk: could not write what %s would say\n", file.c_str());
                return 1;
            }
        }
    }
    freeFeelingPictures(ctx);
    return 0;
}

} // namespace kiosk::app
