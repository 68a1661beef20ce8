#include <fuzz/fuzz_target.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

// Feeds files to a fuzz target without libFuzzer, so that any compiler's ordinary test run replays
// the corpus:
//
//   replay --accept SEEDS_DIR... [--survive DIR...]
//
// A seed must be accepted by the parser; an input after --survive (one that once found a defect)
// need only not crash. The file is named before it runs, so that a sanitizer's report or an
// uncaught exception says which one did it.

namespace {

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) // follows links: seeds may be links to the real files
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv) {
    bool mustAccept = true;
    int run = 0;
    int refused = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--accept" || arg == "--survive") {
            mustAccept = arg == "--accept";
            continue;
        }
        // No inputs have found a defect yet in most targets, so a missing --survive folder is empty;
        // a missing seed folder is a mistake.
        if (!std::filesystem::is_directory(arg)) {
            if (!mustAccept)
                continue;
            std::fprintf(stderr, "replay: %s is not a folder of seeds\n", argv[i]);
            return 2;
        }
        for (const auto& file : filesIn(arg)) {
            std::fprintf(stderr, "replay: %s\n", file.c_str());
            const std::string bytes = readAll(file);
            kiosk::fuzz::accepted = false;
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++run;
            if (mustAccept && !kiosk::fuzz::accepted) {
                std::fprintf(stderr,
                             "replay: FAIL: the seed %s is no longer accepted (has the format changed? "
                             "tests/fuzz/make_seeds.cpp remakes the seeds made by the code)\n",
                             file.c_str());
                ++refused;
            }
        }
    }
    if (run == 0) {
        std::fputs("replay: no inputs; usage: replay --accept SEEDS_DIR... [--survive DIR...]\n", stderr);
        return 2;
    }
    std::fprintf(stderr, "replay: %d input(s), %d seed(s) refused\n", run, refused);
    return refused == 0 ? 0 : 1;
}
