// What the texts say: the facts from the guides in ../shared/seeds, said in both languages, and the
// Welsh slips a careful read found, kept out.
#include <i18n/catalogue.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace kiosk::i18n;

namespace {

const std::filesystem::path kRoot = KIOSK_SOURCE_DIR;

// Key -> every form of its text, in one language.
std::map<std::string, std::vector<std::string>> textsOf(const std::string& code) {
    std::ifstream in(kRoot / "locales" / (code + ".po"));
    std::stringstream s;
    s << in.rdbuf();
    std::map<std::string, std::vector<std::string>> texts;
    for (const auto& e : parsePo(s.str(), code + ".po"))
        if (!e.context.empty())
            texts[e.context] = e.translations;
    return texts;
}

// Phone and text numbers (three digits or more, with the spaces they are written with), e-mail and
// web addresses, in the order they come.
std::vector<std::string> factsIn(const std::string& text) {
    static const std::regex fact(R"re([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|https?://[^\s)]+|\d+(?: \d+)*)re");
    std::vector<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), fact), end; it != end; ++it) {
        const std::string f = it->str();
        const auto digits = std::count_if(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (f.find_first_not_of("0123456789 ") != std::string::npos || digits >= 3)
            found.push_back(f);
    }
    return found;
}

// PRODUCT.md, "Facts the kiosk must get right", each from the guides.
const std::set<std::string> kKnownFacts = {
    "999",                                    // emergency (000, 004)
    "0800 49 60 650",                         // Complaints Team, Cafcass Cymru (001)
    "MyVoiceCafcassCymru@gov.wales",          // (001)
    "0808 801 1000",                          // Children's Commissioner for Wales (001, 004)
    "post@childcomwales.org.uk",              // (001, 004)
    "www.childcomwales.org.uk",               // (004)
    "0808 80 23456",                          // Meic (001, 004)
    "84001",                                  // Meic by text (001, 004)
    "www.meiccymru.org",                      // (004)
    "0300 790 0203",                          // Public Services Ombudsman for Wales (001, 003, 004)
    "www.ombudsman.wales",                    // (004)
    "ask@ombudsman.wales",                    // (003)
    "ask@ombudsman-wales.org.uk",             // (001, 004)
};

bool says(const std::vector<std::string>& forms, const std::string& phrase) {
    return std::any_of(forms.begin(), forms.end(), [&](const auto& t) { return t.find(phrase) != std::string::npos; });
}

struct Said {
    const char* key;
    const char* en;
    const char* cy;
    const char* why;
};
const Said kSaid[] = {
    {"thanks.next.answer", "or a timeframe agreed with you", "neu erbyn amser rydyn ni'n ei gytuno gyda ti",
     "children's guide (004): within 15 working days of meeting you, or a timeframe agreed with you"},
    {"thanks.next.answer", "within 15 working days", "o fewn 15 diwrnod gwaith", "children's guide (004)"},
    {"thanks.next.officer", "Within 3 working days", "O fewn 3 diwrnod gwaith", "children's guide (004)"},
    {"thanks.next.acknowledge", "one working day (Monday to Friday, not bank holidays)",
     "un diwrnod gwaith (dydd Llun i ddydd Gwener, ond nid gwyliau banc)",
     "children's guide (004); what a working day is, where the child first meets one"},
    {"who.on_behalf.note", "We will provide you with a form", "Byddwn ni'n rhoi ffurflen i chi",
     "complaints guide (001): 'We will provide you with a form to do this', not 'may'"},
    {"thanks.ombudsman", "separate from Cafcass Cymru", "ar wahân i Cafcass Cymru", "children's guide (004)"},
    {"thanks.ombudsman", "free", "am ddim", "Ombudsman's factsheet (003): his service is free"},
    {"thanks.ombudsman", "You, or someone you trust, can contact", "Gelli di, neu rywun rwyt ti'n ymddiried ynddo, gysylltu",
     "children's guide (004): or ask someone you trust to do it for you"},
    {"put_right.worker", "will not necessarily mean you get a different worker",
     "ddim o reidrwydd yn golygu y cei di weithiwr gwahanol",
     "complaints guide (001): will not necessarily lead to a change of Cafcass Cymru Officer"},
    {"story.hint", "Only the Cafcass Cymru Complaints Team can read", "Dim ond Tîm Cwynion Cafcass Cymru all ddarllen",
     "PRODUCT.md: sealed so that only the complaints team can read it"},
    {"thanks.next.no_contact", "will still read your complaint and look into it",
     "yn dal i ddarllen dy gŵyn ac yn edrych arni", "a complaint without contact is still looked into"},
    {"topics.when", "up to 6 months after", "hyd at 6 mis ar ôl", "children's guide (004)"},
    {"court.help.solicitor", "(a lawyer)", "(rhywun sy'n dy helpu gyda'r gyfraith)",
     "the Welsh explains the word as the English does"},
    {"meeting.hint", "(called an Investigating Officer)", "(Swyddog Ymchwilio yw'r enw ar y person hwn)",
     "the Welsh says 'called' as the English does"},
};

// The same facts in the adult's own wording (a journey made for a young person): their wording may
// leave a fact out as easily as the young person's.
constexpr const char* kTheirs = "as in the young person's text";
const Said kSaidToTheAdult[] = {
    {"thanks.next.answer@adult", "or a timeframe agreed with you", "neu erbyn amser rydyn ni'n ei gytuno gyda chi",
     kTheirs},
    {"thanks.next.answer@adult", "within 15 working days", "o fewn 15 diwrnod gwaith", kTheirs},
    {"thanks.next.officer@adult", "Within 3 working days", "O fewn 3 diwrnod gwaith", kTheirs},
    {"thanks.next.acknowledge@adult", "one working day (Monday to Friday, not bank holidays)",
     "un diwrnod gwaith (dydd Llun i ddydd Gwener, ond nid gwyliau banc)", kTheirs},
    {"thanks.ombudsman@adult", "separate from Cafcass Cymru", "ar wahân i Cafcass Cymru", kTheirs},
    {"thanks.ombudsman@adult", "free", "am ddim", kTheirs},
    {"thanks.ombudsman@adult", "or someone they trust such as you, can contact",
     "neu rywun mae'n ymddiried ynddo fel chi, gysylltu", kTheirs},
    {"put_right.worker@adult", "will not necessarily mean the young person gets a different worker",
     "ddim o reidrwydd yn golygu y caiff y person ifanc weithiwr gwahanol", kTheirs},
    {"story.hint@adult", "Only the Cafcass Cymru Complaints Team can read",
     "Dim ond Tîm Cwynion Cafcass Cymru all ddarllen", kTheirs},
    {"thanks.next.no_contact@adult", "will still read the complaint and look into it",
     "yn dal i ddarllen y gŵyn ac yn edrych arni", kTheirs},
    {"topics.when@adult", "up to 6 months after", "hyd at 6 mis ar ôl", kTheirs},
    {"court.help.solicitor@adult", "(a lawyer)", "(rhywun sy'n ei helpu gyda'r gyfraith)", kTheirs},
    {"meeting.hint@adult", "(called an Investigating Officer)", "(Swyddog Ymchwilio yw'r enw ar y person hwn)",
     kTheirs},
};

} // namespace

TEST_CASE("every phone number, e-mail and web address in the texts is one the guides give") {
    std::size_t seen = 0;
    for (const std::string code : {"cy", "en"}) {
        for (const auto& [key, forms] : textsOf(code)) {
            for (const auto& text : forms) {
                for (const auto& f : factsIn(text)) {
                    INFO(code << ": " << key << ": " << f);
                    CHECK(kKnownFacts.count(f) == 1);
                    ++seen;
                }
            }
        }
    }
    CHECK(seen > 20); // the Thank you, help and safety texts give them
}

TEST_CASE("each text gives the same numbers and addresses in Welsh as in English") {
    const auto cy = textsOf("cy");
    for (const auto& [key, enForms] : textsOf("en")) {
        std::multiset<std::string> en;
        for (const auto& t : enForms)
            for (auto& f : factsIn(t))
                en.insert(f);
        std::multiset<std::string> welsh;
        for (const auto& t : cy.at(key))
            for (auto& f : factsIn(t))
                welsh.insert(f);
        INFO(key);
        // Plural forms each say it once: Welsh has six forms to English's two.
        CHECK(std::set<std::string>(welsh.begin(), welsh.end()) == std::set<std::string>(en.begin(), en.end()));
        if (cy.at(key).size() == 1 && enForms.size() == 1)
            CHECK(welsh == en);
    }
}

TEST_CASE("what the guides say in their own words stays said, in both languages") {
    const auto en = textsOf("en");
    const auto cy = textsOf("cy");
    for (const auto& s : kSaid) {
        INFO(s.key << ": " << s.why);
        REQUIRE(en.count(s.key) == 1);
        CHECK(says(en.at(s.key), s.en));
        CHECK(says(cy.at(s.key), s.cy));
    }
}

TEST_CASE("an adult telling us for a young person is told what the guides say, as the young person is") {
    const auto en = textsOf("en");
    const auto cy = textsOf("cy");
    std::set<std::string> held;
    for (const auto& s : kSaidToTheAdult) {
        INFO(s.key);
        REQUIRE(en.count(s.key) == 1);
        CHECK(says(en.at(s.key), s.en));
        CHECK(says(cy.at(s.key), s.cy));
        held.insert(s.key);
    }
    // A fact held for a young person's text is held for its adult wording too, wherever it has one.
    for (const auto& s : kSaid) {
        const std::string adult = std::string(s.key) + "@adult";
        INFO(adult << " has no line in kSaidToTheAdult: " << s.why);
        CHECK((en.count(adult) == 0 || held.count(adult) == 1));
    }
}

TEST_CASE("slips a careful read found do not come back") {
    struct Slip {
        const char* code;
        const char* phrase;
        const char* why;
    };
    const Slip slips[] = {
        {"cy", "Ydych chi dal", "the child is 'ti': 'Wyt ti'n dal yma?'"},
        {"cy", "mewn {seconds}", "a time ahead is 'ymhen'"},
        {"cy", "neu ofyn i", "an imperative to the child: 'neu ofynna'"},
        {"cy", "neu gofynna", "'neu' mutates: 'neu ofynna'"},
        {"cy", "gael ei ystyried eto", "a calque: ask the court to look again at its decision"},
        {"cy", "gelli di neu dy gyfreithiwr", "the verb agrees with 'ti' alone"},
        {"cy", "gohebiaeth", "formal: 'Gelli di ysgrifennu aton ni yn Gymraeg'"},
        {"cy", "Rydym yn croesawu", "formal, and 'chi' where the child is 'ti'"},
        {"cy", "benderfynodd llys", "the court: 'y llys'"},
        {"cy", "Hepgor", "software jargon"},
        {"cy", "Gwirio dy atebion", "a title that asks is imperative: 'Gwiria'"},
        {"cy", "od cyfeirnod", "doubled ('cod' or 'god'): a 'cyfeirnod' is a reference code"},
        {"cy", "bylchwr", "jargon: the space key says 'bwlch'"},
        {"cy", "yp a 1:30", "'a' becomes 'ac' before a vowel: 'ac 1:30' (ac un)"},
        {"cy", "fwyaf tebyg i ti", "reads as looks, not feelings"},
        {"cy", "â beth mae'n ei ddweud", "unclear what 'it' is: 'â beth wnaethon ni ei ysgrifennu'"},
        {"cy", "wedi'i gytuno gyda", "a calque: 'erbyn amser rydyn ni'n ei gytuno gyda ti'"},
        {"en", "most like you", "reads as looks, not feelings"},
        {"en", "We may send you a form", "the complaints guide says 'We will provide you with a form'"},
        {"en", "correspondence", "a word a child does not use"},
    };
    std::map<std::string, std::map<std::string, std::vector<std::string>>> texts{{"cy", textsOf("cy")},
                                                                                 {"en", textsOf("en")}};
    for (const auto& slip : slips) {
        for (const auto& [key, forms] : texts.at(slip.code)) {
            INFO(slip.code << ": " << key << " says '" << slip.phrase << "': " << slip.why);
            CHECK_FALSE(says(forms, slip.phrase));
        }
    }
}

TEST_CASE("the middle face shares no word with the faces beside it, so it is not read as 'very'") {
    for (const std::string code : {"cy", "en"}) {
        const auto texts = textsOf(code);
        const auto wordsOf = [](std::string s) {
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
            std::istringstream in(s);
            return std::set<std::string>(std::istream_iterator<std::string>(in), {});
        };
        const auto middle = wordsOf(texts.at("feeling.3").front());
        for (const char* other : {"feeling.1", "feeling.2", "feeling.4", "feeling.5"}) {
            INFO(code << ": " << other);
            for (const auto& w : wordsOf(texts.at(other).front()))
                CHECK(middle.count(w) == 0);
        }
    }
}
