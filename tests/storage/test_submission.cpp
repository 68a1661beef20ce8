#include <storage/error.hpp>
#include <storage/submission.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kiosk::storage;

namespace {

Submission sample() {
    Submission s;
    s.id = "6f1c2d4e-0000-4000-8000-000000000001";
    s.reference = "K7M-4QX";
    s.createdAt = "2026-11-22T10:31:02Z";
    s.kiosk = "Canolfan \"Teulu\"";
    s.language = "cy";
    s.kind = "complaint";
    s.who = "on_behalf";
    s.helperName = "";
    s.adultName = "Siân \"Sue\" Ŵyn";
    s.adultRole = "Eiriolwr";
    s.youngPersonAgreed = true;
    s.wantsAdvocate = true;
    s.topics = {"not_listened", "court_decision"};
    s.feeling = 2;
    s.story = "Llinell 1\nLlinell 2\t\"dyfynnu\" \\ Ŵ ẁ ỳ \x01 end";
    s.putRight = {"explanation"};
    s.name = "Cerys";
    s.contact = "phone";
    s.phone = "07700 900123";
    s.meeting = "video";
    s.sharing = "talk_first";
    s.acknowledgeBy = "2026-11-24";
    s.priority = true;
    s.demo = true;
    return s;
}

} // namespace

TEST_CASE("a submission survives serialising and reading back, whatever the child typed") {
    const auto s = sample();
    const auto back = submissionFromJson(toJson(s));
    CHECK(back.id == s.id);
    CHECK(back.reference == s.reference);
    CHECK(back.createdAt == s.createdAt);
    CHECK(back.kiosk == s.kiosk);
    CHECK(back.language == s.language);
    CHECK(back.kind == s.kind);
    CHECK(back.who == s.who);
    CHECK(back.helperName == s.helperName);
    CHECK(back.adultName == s.adultName);
    CHECK(back.adultRole == s.adultRole);
    CHECK(back.youngPersonAgreed == s.youngPersonAgreed);
    CHECK(back.wantsAdvocate == s.wantsAdvocate);
    CHECK(back.topics == s.topics);
    CHECK(back.feeling == s.feeling);
    CHECK(back.story == s.story);
    CHECK(back.storySkipped == s.storySkipped);
    CHECK(back.putRight == s.putRight);
    CHECK(back.name == s.name);
    CHECK(back.contact == s.contact);
    CHECK(back.phone == s.phone);
    CHECK(back.email == s.email);
    CHECK(back.meeting == s.meeting);
    CHECK(back.sharing == s.sharing);
    CHECK(back.acknowledgeBy == s.acknowledgeBy);
    CHECK(back.priority == s.priority);
    CHECK(back.demo == s.demo);
}

TEST_CASE("the serialised form is ordinary JSON an independent reader understands") {
    const auto j = nlohmann::json::parse(toJson(sample()));
    CHECK(j["format"] == "cafcass-cymru-kiosk.submission");
    CHECK(j["version"] == 1);
    CHECK(j["story"] == sample().story);
    CHECK(j["priority"] == true);
}

TEST_CASE("wipe zeroes every byte of everything typed and keeps the choices") {
    auto s = sample();
    s.helperName = "Nain";
    s.email = "cerys@example.com";
    std::vector<std::pair<const char*, std::size_t>> buffers;
    for (std::string* typed : {&s.story, &s.helperName, &s.adultName, &s.adultRole, &s.name, &s.phone, &s.email})
        buffers.emplace_back(typed->data(), typed->size());
    wipe(s);
    for (const auto& [data, size] : buffers)
        for (std::size_t i = 0; i < size; ++i)
            CHECK(data[i] == '\0');
    CHECK(s.story.empty());
    CHECK(s.email.empty());
    CHECK(s.kind == "complaint");
    CHECK(s.topics.size() == 2);
}

TEST_CASE("unknown values, missing fields and newer versions are refused") {
    auto j = nlohmann::json::parse(toJson(sample()));
    j["kind"] = "threat";
    CHECK_THROWS_AS(submissionFromJson(j.dump()), Error);
    j = nlohmann::json::parse(toJson(sample()));
    j.erase("story");
    CHECK_THROWS_AS(submissionFromJson(j.dump()), Error);
    j = nlohmann::json::parse(toJson(sample()));
    j["version"] = 2;
    CHECK_THROWS_AS(submissionFromJson(j.dump()), Error);
    j = nlohmann::json::parse(toJson(sample()));
    j["topics"] = {"not_listened", "made_up"};
    CHECK_THROWS_AS(submissionFromJson(j.dump()), Error);
    j = nlohmann::json::parse(toJson(sample()));
    j["feeling"] = 6;
    CHECK_THROWS_AS(submissionFromJson(j.dump()), Error);
    j = nlohmann::json::parse(toJson(sample()));
    j["priority"] = "yes";
    CHECK_THROWS_AS(submissionFromJson(j.dump()), Error);
    CHECK_THROWS_AS(submissionFromJson("{\"format\":"), Error);
}
