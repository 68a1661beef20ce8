#pragma once
// The stretches of the journey that many UI tests walk the same way, tapped through the real
// screens as a child would.

#include "driver.hpp"

#include <catch2/catch.hpp>

#include <string_view>

namespace kiosk::test {

inline const char* welcomeKey(flow::Language language) {
    return language == flow::Language::Welsh ? "welcome.cymraeg" : "welcome.english";
}

/// A child on their own, from Welcome to the screen where they type (kind is "kind.complaint",
/// "kind.compliment" or "kind.feedback"): complaints say what it is about; the rest is left optional.
inline void toStory(UiDriver& ui, flow::Language language, std::string_view kind = "kind.complaint") {
    ui.tap(welcomeKey(language));
    ui.tap(kind);
    ui.tap("who.me");
    ui.tap("nav.next");
    if (kind == "kind.complaint") {
        ui.tap("nav.next"); // help from an advocate
        ui.tap("topic.too_long");
        ui.tap("nav.next");
    }
    ui.tap("nav.next"); // feelings: optional
    REQUIRE(ui.state.screen == flow::Screen::Story);
}

/// From the story to Check: to be answered by this email address, or not contacted at all when it
/// is empty; a complaint may be shared with a parent or carer.
inline void storyToCheck(UiDriver& ui, std::string_view email = {}) {
    const bool complaint = ui.state.answers.kind == flow::Kind::Complaint;
    ui.tap(ui.visible("nav.next") ? "nav.next" : "nav.skip");
    if (complaint)
        ui.tap("nav.next"); // put right: optional
    if (email.empty()) {
        ui.tap("contact.none");
    } else {
        ui.tap("contact.email");
        ui.typeOnScreen(email);
    }
    ui.tap("nav.next");
    if (complaint) {
        if (!email.empty())
            ui.tap("nav.next"); // how to meet: optional
        ui.tap("sharing.yes");
        ui.tap("nav.next");
    }
    REQUIRE(ui.state.screen == flow::Screen::Check);
}

/// Taps Send on Check (scrolled to, as a child must) and waits for the save.
inline void sendFromCheck(UiDriver& ui) {
    ui.tap("check.send");
    ui.settle();
    REQUIRE(ui.state.screen == flow::Screen::ThankYou);
}

} // namespace kiosk::test
