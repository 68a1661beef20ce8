#include <i18n/catalogue.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace kiosk::i18n;
using namespace kiosk::i18n::literals;

namespace {

const std::filesystem::path kRoot = KIOSK_SOURCE_DIR;

std::vector<PoEntry> entriesOf(const std::string& code) {
    std::ifstream in(kRoot / "locales" / (code + ".po"));
    std::stringstream s;
    s << in.rdbuf();
    return parsePo(s.str(), code + ".po");
}

// Every "..."_key literal in the kiosk's sources. A key is on one line; letting the match run on
// past line ends made libstdc++'s recursive matcher overflow the stack under AddressSanitizer.
std::set<std::string> keysUsedInCode() {
    std::set<std::string> keys;
    const std::regex literal(R"re("([^"\n]+)"_key)re");
    // The kiosk's screens, and intake's worklist for the complaints team: both read locales/.
    for (const char* folder : {"kiosk", "intake"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / folder)) {
            if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp")
                continue;
            std::ifstream in(entry.path());
            std::stringstream s;
            s << in.rdbuf();
            const std::string text = s.str();
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
                keys.insert((*it)[1]);
        }
    }
    return keys;
}

} // namespace

TEST_CASE("the PO parser reads contexts, plurals, continued strings and escapes") {
    const auto entries = parsePo(R"po(
# comment
msgid ""
msgstr ""
"Language: cy\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgctxt "a.key"
msgid "Say \"hi\""
msgstr "Dweud "
"\"helo\"\n"

msgctxt "b.key"
msgid "{n} thing"
msgid_plural "{n} things"
msgstr[0] "{n} peth"
msgstr[1] "{n} o bethau"
)po",
                                 "test.po");
    REQUIRE(entries.size() == 3);
    CHECK(entries[1].context == "a.key");
    CHECK(entries[1].source == "Say \"hi\"");
    CHECK(entries[1].translations == std::vector<std::string>{"Dweud \"helo\"\n"});
    CHECK(entries[2].sourcePlural == "{n} things");
    CHECK(entries[2].translations.size() == 2);
    const auto c = Catalogue::fromEntries("en", entries);
    CHECK(c.pluralFormsHeader() == "nplurals=2; plural=(n != 1);");
    CHECK(c.plural(Key{"b.key"}, 1) == "{n} peth");
    CHECK(c.plural(Key{"b.key"}, 4) == "{n} o bethau");
}

TEST_CASE("missing keys each read as their own name, however many are looked up") {
    const auto c = Catalogue::fromEntries("en", {});
    // Screens keep views of several texts while they draw (Check builds a list of them).
    const std::string_view first = c.text("missing.one"_key);
    const std::string_view second = c.text("missing.two"_key);
    const std::string_view plural = c.plural("missing.six"_key, 6);
    CHECK(first == "missing.one");
    CHECK(second == "missing.two");
    CHECK(plural == "missing.six");
}

TEST_CASE("a malformed PO file is refused with its line number") {
    CHECK_THROWS_WITH(parsePo("msgctxt \"x\"\nmsgid \"y\"\nbogus \"z\"\n", "bad.po"), Catch::Contains("bad.po:3"));
    CHECK_THROWS_AS(parsePo("msgid \"unterminated\n", "bad.po"), LoadError);
}

TEST_CASE("Welsh has six plural forms: zero, one, two, few (3), many (6), other") {
    CHECK(pluralIndex("cy", 0) == 0);
    CHECK(pluralIndex("cy", 1) == 1);
    CHECK(pluralIndex("cy", 2) == 2);
    CHECK(pluralIndex("cy", 3) == 3);
    CHECK(pluralIndex("cy", 6) == 4);
    CHECK(pluralIndex("cy", 4) == 5);
    CHECK(pluralIndex("cy", 30) == 5);
    CHECK(pluralIndex("en", 1) == 0);
    CHECK(pluralIndex("en", 0) == 1);
}

TEST_CASE("both catalogues declare the plural rule the code follows") {
    for (const std::string code : {"cy", "en"}) {
        const auto c = Catalogue::load(kRoot / "locales" / (code + ".po"));
        INFO(code);
        CHECK(c.pluralFormsHeader() == expectedPluralForms(code));
    }
}

TEST_CASE("every key used in the code has a text in Welsh and in English") {
    const auto used = keysUsedInCode();
    REQUIRE(used.size() > 30);
    for (const std::string code : {"cy", "en"}) {
        const auto c = Catalogue::load(kRoot / "locales" / (code + ".po"));
        for (const auto& key : used) {
            INFO(code << ": " << key);
            CHECK(c.has(key));
            CHECK_FALSE(c.text(Key{key}).empty());
        }
    }
}

TEST_CASE("the two catalogues hold the same keys, every one translated, with no key unused") {
    const auto cy = entriesOf("cy");
    const auto en = entriesOf("en");
    const auto used = keysUsedInCode();
    std::map<std::string, const PoEntry*> enByKey;
    for (const auto& e : en)
        enByKey[e.context] = &e;
    REQUIRE(cy.size() == en.size());
    for (const auto& e : cy) {
        if (e.context.empty())
            continue; // the header
        INFO(e.context);
        REQUIRE(enByKey.count(e.context) == 1);
        CHECK(enByKey[e.context]->source == e.source);
        // An adult's wording belongs to a key the code uses.
        const std::string_view context = e.context;
        const bool adult = context.ends_with(kAdultSuffix);
        CHECK(used.count(std::string(adult ? context.substr(0, context.size() - kAdultSuffix.size()) : context)) == 1);
        const std::size_t forms = e.sourcePlural.empty() ? 1 : 6;
        CHECK(e.translations.size() == forms);
        for (const auto& t : e.translations)
            CHECK_FALSE(t.empty());
        for (const auto& t : enByKey[e.context]->translations)
            CHECK_FALSE(t.empty());
    }
}

TEST_CASE("placeholders in every translation match the English source") {
    for (const std::string code : {"cy", "en"}) {
        for (const auto& e : entriesOf(code)) {
            if (e.context.empty())
                continue;
            INFO(code << ": " << e.context);
            const auto expected = placeholders(e.source);
            for (const auto& t : e.translations)
                CHECK(placeholders(t) == expected);
        }
    }
}

TEST_CASE("the catalogues pass gettext's own check, as translators' tools will read them") {
    if (std::system("command -v msgfmt >/dev/null 2>&1") != 0)
        FAIL("msgfmt is missing: packaging/install-deps.sh installs gettext");
    for (const std::string code : {"cy", "en"}) {
        const auto cmd = "msgfmt --check -o /dev/null '" + (kRoot / "locales" / (code + ".po")).string() + "'";
        INFO(cmd);
        CHECK(std::system(cmd.c_str()) == 0);
    }
}

TEST_CASE("the PO parser reads flags, and an adult reads a key's adult wording where it has one") {
    const auto entries = parsePo(R"po(
msgctxt "a.key"
msgid "Tell us"
msgstr "Dywed wrthon ni"

#, same-for-adult
msgctxt "b.key"
msgid "Next"
msgstr "Nesaf"

msgctxt "a.key@adult"
msgid "Tell us"
msgstr "Dywedwch wrthon ni"
)po",
                                 "test.po");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].flags.empty());
    CHECK(entries[1].flags == std::vector<std::string>{"same-for-adult"});
    const auto c = Catalogue::fromEntries("cy", entries);
    CHECK(c.text("a.key"_key) == "Dywed wrthon ni");
    CHECK(c.text("a.key"_key, Reader::Adult) == "Dywedwch wrthon ni");
    CHECK(c.text("b.key"_key, Reader::Adult) == "Nesaf");
    CHECK(c.hasAdult("a.key"));
    CHECK_FALSE(c.hasAdult("b.key"));
    CHECK(c.sameForAdult("b.key"));
    CHECK_FALSE(c.sameForAdult("a.key"));
}

namespace {

// The phone numbers, times, counts and addresses in a text, in order: the words holding a digit
// or an '@', and web addresses.
std::vector<std::string> facts(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        const bool digit = word.find_first_of("0123456789") != std::string_view::npos;
        if (digit || word.find('@') != std::string_view::npos || word.find("www.") != std::string_view::npos)
            out.emplace_back(word);
        start = end + 1;
    }
    return out;
}

} // namespace

TEST_CASE("an adult's wording is in both languages or neither, never beside a same-for-adult flag, and keeps "
          "the child text's placeholders, numbers and addresses") {
    std::map<std::string, std::set<std::string>> adultKeys; // language -> keys with an adult wording
    std::map<std::string, std::set<std::string>> sameKeys;  // language -> keys flagged same-for-adult
    for (const std::string code : {"cy", "en"}) {
        const auto entries = entriesOf(code);
        const auto c = Catalogue::fromEntries(code, entries);
        for (const auto& e : entries) {
            const std::string_view context = e.context;
            if (std::find(e.flags.begin(), e.flags.end(), kSameForAdult) != e.flags.end())
                sameKeys[code].insert(e.context);
            if (!context.ends_with(kAdultSuffix))
                continue;
            const std::string key(context.substr(0, context.size() - kAdultSuffix.size()));
            INFO(code << ": " << e.context);
            adultKeys[code].insert(key);
            REQUIRE(c.has(key));
            CHECK_FALSE(c.sameForAdult(key));
            const auto& child = c.all().find(key)->second;
            REQUIRE(e.translations.size() == child.size());
            for (std::size_t i = 0; i < child.size(); ++i) {
                CHECK(placeholders(e.translations[i]) == placeholders(child[i]));
                CHECK(facts(e.translations[i]) == facts(child[i]));
            }
        }
    }
    REQUIRE(adultKeys["cy"].size() > 30);
    CHECK(adultKeys["cy"] == adultKeys["en"]);
    REQUIRE(sameKeys["cy"].size() > 30);
    CHECK(sameKeys["cy"] == sameKeys["en"]);
}

TEST_CASE("format fills named placeholders") {
    CHECK(format("{count} nod ar ôl", {{"count", "12"}}) == "12 nod ar ôl");
    CHECK(format("{a} and {a} or {b}", {{"a", "x"}, {"b", "{a}"}}) == "x and x or {a}");
    CHECK(placeholders("mewn {seconds} eiliad, {name}") == std::vector<std::string>{"name", "seconds"});
}
