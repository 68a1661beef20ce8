// intake: the complaints team's tool. Makes the team's key pair and opens kiosk bundles into a worklist.
#include <storage/error.hpp>
#include <storage/files.hpp>
#include <intake/worklist.hpp>

#include <cstdio>
#include <filesystem>
#include <string_view>
#include <vector>

using namespace kiosk;

namespace {

constexpr const char* kUsage = R"(intake: the Cafcass Cymru complaints team's tool for kiosk submissions

  intake keygen --out DIR
        Makes the team's key pair: DIR/team-public.key (give it to IT for every kiosk) and
        DIR/team-secret.key (keep it on this computer only; it opens every submission).
  intake open BUNDLE... --key team-secret.key [--out worklist.csv]
        Opens kiosk bundles into a worklist (CSV). Without --out the CSV goes to standard output.
)";

int keygen(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto pair = storage::KeyPair::generate();
    storage::saveKeyPair(dir / "team-secret.key", pair);
    storage::savePublicKey(dir / "team-public.key", pair.publicKey);
    std::printf("Made the team's key pair, fingerprint %s:\n  %s  (for the kiosks)\n  %s  (keep it secret)\n",
                storage::fingerprint(pair.publicKey).c_str(), (dir / "team-public.key").c_str(),
                (dir / "team-secret.key").c_str());
    return 0;
}

int open(const std::vector<std::filesystem::path>& bundles, const std::filesystem::path& keyFile,
         const std::filesystem::path& out) {
    const auto keys = storage::loadKeyPair(keyFile);
    std::vector<storage::Submission> all;
    int problems = 0;
    for (const auto& file : bundles) {
        try {
            const auto bundle = storage::bundleFromJson(storage::readFile(file));
            if (bundle.demo)
                std::fprintf(stderr, "Note: %s came from a kiosk in DEMO MODE.\n", file.c_str());
            auto opened = intake::openBundle(bundle, keys);
            for (const auto& p : opened.problems)
                std::fprintf(stderr, "%s: %s\n", file.c_str(), p.c_str());
            problems += static_cast<int>(opened.problems.size());
            intake::addNew(all, std::move(opened.submissions));
        } catch (const storage::Error& e) {
            std::fprintf(stderr, "%s: %s\n", file.c_str(), e.what());
            ++problems;
        }
    }
    const std::string csv = intake::toCsv(all);
    if (out.empty()) {
        std::fwrite(csv.data(), 1, csv.size(), stdout);
    } else {
        // A byte order mark so that spreadsheet programs read the Welsh letters as UTF-8.
        storage::writeFileAtomically(out, "\xEF\xBB\xBF" + csv, 0600);
        std::fprintf(stderr, "Wrote %zu submission(s) to %s\n", all.size(), out.c_str());
    }
    if (problems > 0)
        std::fprintf(stderr, "%d problem(s): see above. Nothing was changed; the bundles are as they were.\n", problems);
    return problems > 0 ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "keygen" && args[1] == "--out")
            return keygen(std::filesystem::path(args[2]));
        if (!args.empty() && args[0] == "open") {
            std::vector<std::filesystem::path> bundles;
            std::filesystem::path key;
            std::filesystem::path out;
            for (std::size_t i = 1; i < args.size(); ++i) {
                const bool takesValue = (args[i] == "--key" || args[i] == "--out") && i + 1 < args.size();
                if (takesValue && args[i] == "--key")
                    key = args[i + 1];
                else if (takesValue)
                    out = args[i + 1];
                else
                    bundles.emplace_back(args[i]);
                i += takesValue ? 1 : 0;
            }
            if (!bundles.empty() && !key.empty())
                return open(bundles, key, out);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "intake: %s\n", e.what());
        return 1;
    }
    std::fputs(kUsage, stderr);
    return 2;
}
