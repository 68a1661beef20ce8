#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Each fuzz target defines libFuzzer's entry point. Built with clang and KIOSK_FUZZ, libFuzzer calls
// it; in every other build the replay (replay_main.cpp) calls it with the seed files, as a test.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace kiosk::fuzz {

/// Set by a target when the parser accepted its input. The replay checks that every seed still is:
/// after a format change, seeds refused at the first field would leave the fuzzer nowhere deep.
inline bool accepted = false;

/// The passphrase of the team secret key seed (corpus/key_file/team-secret.key, made by
/// make_seeds.cpp): a throwaway that protects a throwaway key.
inline constexpr std::string_view kSeedPassphrase = "seeds only: protects nothing";

/// The input as text, which is what every parser here reads.
[[nodiscard]] inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Stops with a message when something the code promises does not hold; libFuzzer then keeps the
/// input as a crash, like any other.
inline void check(bool holds, const char* what) {
    if (holds)
        return;
    std::fprintf(stderr, "fuzz: does not hold: %s\n", what);
    std::abort();
}

} // namespace kiosk::fuzz
