#pragma once

#include "state.hpp"

#include <string>
#include <variant>
#include <vector>

namespace kiosk::flow {

/// A copy of the answers to seal and store; the shell answers with Saved or SaveFailed.
struct SaveSubmission {
    Kind kind;
    Language language;
    std::string story; // empty when skipped
    bool priority = false;
};

using Effect = std::variant<SaveSubmission>;
using Effects = std::vector<Effect>;

} // namespace kiosk::flow
