#pragma once

#include "state.hpp"

#include <array>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::flow {

/// A copy of the answers to seal and store; the shell answers with Saved or SaveFailed and wipes
/// the texts once they are sealed.
struct SaveSubmission {
    Choices choices;
    std::array<std::string, kFieldCount> texts;
    Language language = Language::Welsh;
    bool priority = false;

    [[nodiscard]] const std::string& text(Field f) const { return texts[static_cast<std::size_t>(f)]; }
};

using Effect = std::variant<SaveSubmission>;
using Effects = std::vector<Effect>;

} // namespace kiosk::flow
