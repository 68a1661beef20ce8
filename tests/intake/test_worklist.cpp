#include "fixture.hpp"

#include <intake/locale.hpp>
#include <intake/open_bundles.hpp>
#include <intake/worklist.hpp>
#include <intake/worklist_html.hpp>

#include <storage/calendar.hpp>
#include <storage/files.hpp>
#include <storage/rules.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::intake;
using namespace kiosk::vocabulary;
using kiosk::test::FakeKiosk;

namespace {

const FakeKiosk kKiosk{"Canolfan Abertawe"};

WorklistItem itemOf(storage::Submission s, storage::Date deadline = {2026, 11, 24}) {
    WorklistItem item;
    item.submission = std::move(s);
    item.deadline = deadline;
    return item;
}

Worklist listOf(std::vector<WorklistItem> items) {
    Worklist w;
    w.items = std::move(items);
    w.madeAt = *parseIsoUtc("2026-11-24T09:00:00Z");
    return w;
}

// What the page shows for a label in a submission's details.
std::string shown(const std::string& html, const i18n::Catalogue& lang, i18n::Key label) {
    const auto at = html.find(">" + escapeHtml(lang.text(label)) + "</dt><dd");
    if (at == std::string::npos)
        return "(label not on the page)";
    const auto from = html.find('>', html.find("<dd", at)) + 1;
    return html.substr(from, html.find("</dd>", from) - from);
}

// The cells of the CSV's second line (the first submission), by the heading's names.
std::map<std::string, std::string> firstRow(const std::string& csv) {
    const auto cells = [](const std::string& line) {
        std::vector<std::string> out;
        std::string cell;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.push_back(cell);
                cell.clear();
            } else {
                cell += c;
            }
        }
        out.push_back(cell);
        return out;
    };
    const auto firstEnd = csv.find("\r\n");
    const auto secondEnd = csv.find("\r\n", firstEnd + 2);
    const auto names = cells(csv.substr(0, firstEnd));
    const auto values = cells(csv.substr(firstEnd + 2, secondEnd - firstEnd - 2));
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < names.size() && i < values.size(); ++i)
        row[names[i]] = values[i];
    return row;
}

} // namespace

using namespace i18n::literals;

TEST_CASE("a question not asked on the child's path reads 'not asked', never 'no'", "[worklist]") {
    const auto cy = loadCatalogue("cy");
    const auto en = loadCatalogue("en");

    // A complaint the young person made themselves: nobody was asked whether they agreed.
    auto themselves = test::complaint("un", kKiosk);
    REQUIRE_FALSE(storage::isAsked("young_person_agreed", themselves));
    REQUIRE(storage::isAsked("wants_advocate", themselves));
    const auto list = listOf({itemOf(themselves)});
    for (const auto* lang : {&cy, &en}) {
        const auto html = toHtml(list, *lang);
        INFO(lang->code());
        CHECK(shown(html, *lang, "intake.field.young_person_agreed"_key).find(escapeHtml(lang->text("intake.not_asked"_key))) !=
              std::string::npos);
        // Asked, and answered no: that is a no.
        CHECK(shown(html, *lang, "intake.field.wants_advocate"_key) == escapeHtml(lang->text("intake.answer.no"_key)));
    }
    const auto row = firstRow(toCsv(list, en));
    CHECK(row.at("young_person_agreed") == "not asked");
    CHECK(row.at("wants_advocate") == "no");
    CHECK(row.at("helper_name") == "not asked");

    // A compliment is never asked about an advocate.
    const auto thanks = listOf({itemOf(test::compliment("diolch", kKiosk))});
    CHECK(firstRow(toCsv(thanks, en)).at("wants_advocate") == "not asked");
    CHECK(shown(toHtml(thanks, en), en, "intake.field.wants_advocate"_key).find("not asked") != std::string::npos);

    // An adult telling us for a young person was asked, and said yes.
    auto forThem = test::complaint("dau", kKiosk);
    forThem.choices.who = Who::OnBehalf;
    forThem.text(Field::AdultName) = "Sam";
    forThem.text(Field::AdultRole) = "Eiriolwr";
    forThem.choices.youngPersonAgreed = true;
    const auto agreed = listOf({itemOf(forThem)});
    CHECK(firstRow(toCsv(agreed, en)).at("young_person_agreed") == "yes");
    CHECK(shown(toHtml(agreed, cy), cy, "intake.field.young_person_agreed"_key) == "Ydy");
}

TEST_CASE("a feeling shows its words, not a number", "[worklist]") {
    const auto cy = loadCatalogue("cy");
    const auto en = loadCatalogue("en");
    auto s = test::complaint("un", kKiosk);
    s.choices.feeling = 2;
    const auto list = listOf({itemOf(s)});
    CHECK(shown(toHtml(list, cy), cy, "intake.field.feeling"_key) == "Trist");
    CHECK(shown(toHtml(list, en), en, "intake.field.feeling"_key) == "Sad");
    CHECK(firstRow(toCsv(list, en)).at("feeling") == "Sad");
    s.choices.feeling = 5;
    CHECK(shown(toHtml(listOf({itemOf(s)}), cy), cy, "intake.field.feeling"_key) == "Hapus iawn");
    s.choices.feeling.reset();
    const auto none = listOf({itemOf(s)});
    CHECK(shown(toHtml(none, en), en, "intake.field.feeling"_key).find("not given") != std::string::npos);
    CHECK(firstRow(toCsv(none, en)).at("feeling").empty());
}

TEST_CASE("every value a child typed is escaped in the HTML page", "[worklist][html]") {
    const auto en = loadCatalogue("en");
    auto s = test::complaint("<script>alert(\"hi\")</script> & 'quotes' <b>bold</b>", kKiosk);
    s.choices.who = Who::OnBehalf;
    s.text(Field::AdultName) = "Tom <Tom@example.org>";
    s.text(Field::AdultRole) = "\"advocate\" & friend";
    s.choices.youngPersonAgreed = true;
    s.kiosk = "Canolfan <Test>";
    const auto html = toHtml(listOf({itemOf(s)}), en);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<b>bold") == std::string::npos);
    CHECK(html.find("<Tom@") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &lt;b&gt;bold&lt;/b&gt;") !=
          std::string::npos);
    CHECK(html.find("Tom &lt;Tom@example.org&gt;") != std::string::npos);
    CHECK(html.find("&quot;advocate&quot; &amp; friend") != std::string::npos);
    CHECK(html.find("Canolfan &lt;Test&gt;") != std::string::npos);
    CHECK(escapeHtml("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("control characters and bidi controls a child's text holds are shown as U+FFFD in both worklists",
          "[worklist][html][csv]") {
    const auto en = loadCatalogue("en");
    // Each would pass unseen, or reorder what the team reads (U+202E turns the rest of a line round).
    const std::vector<std::string> hidden = {
        std::string(1, '\0'), "\x01", "\x1b", "\x7f", "\xC2\x85" /* U+0085 */, "\xC2\x9B" /* U+009B */,
        "\xE2\x80\xAA" /* U+202A */, "\xE2\x80\xAE" /* U+202E */, "\xE2\x81\xA6" /* U+2066 */, "\xE2\x81\xA9" /* U+2069 */};
    std::string story = "start";
    for (const auto& c : hidden)
        story += "|" + c;
    story += "|tab\there\nnew line\r\nend";
    auto s = test::complaint(story, kKiosk);
    s.text(Field::Name) = std::string("Sam\xE2\x80\xAE") + "ma";
    const auto list = listOf({itemOf(s)});
    const std::string fffd = "\xEF\xBF\xBD";
    std::string shownStory = "start";
    for (std::size_t i = 0; i < hidden.size(); ++i)
        shownStory += "|" + fffd;
    shownStory += "|tab\there\nnew line\r\nend";
    for (const auto& page : {toCsv(list, en), toHtml(list, en)}) {
        for (const auto& c : hidden)
            CHECK(page.find(c) == std::string::npos);
        CHECK(page.find(shownStory) != std::string::npos); // tab and line breaks stay as they were
    }
    CHECK(visibleText("Welsh: \xC5\xB5 \xC5\xB7 \xC3\xA2 \xE2\x80\x99 \xE2\x80\x94") ==
          "Welsh: \xC5\xB5 \xC5\xB7 \xC3\xA2 \xE2\x80\x99 \xE2\x80\x94"); // letters and punctuation untouched
}

TEST_CASE("the page is printable on A4 and loads nothing from outside", "[worklist][html]") {
    const auto cy = loadCatalogue("cy");
    const auto html = toHtml(listOf({itemOf(test::complaint("un", kKiosk))}), cy);
    CHECK(html.find("<html lang=\"cy\">") != std::string::npos);
    CHECK(html.find("@page { size: A4;") != std::string::npos);
    CHECK(html.find("break-inside: avoid") != std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    for (const char* outside : {"http:", "https:", "src=", "@import", "url(", "<link"})
        CHECK(html.find(outside) == std::string::npos);
    CHECK(html.find(escapeHtml(cy.text("intake.worklist.title"_key))) != std::string::npos);
}

TEST_CASE("every submission field is on the page exactly once", "[worklist][html]") {
    auto shownFields = fieldsShown();
    std::vector<std::string_view> fields;
    for (const auto& f : storage::submissionFields())
        fields.push_back(f.name);
    std::sort(shownFields.begin(), shownFields.end());
    std::sort(fields.begin(), fields.end());
    CHECK(shownFields == fields);
}

TEST_CASE("the deadline over a bank holiday weekend is the next working day after it", "[worklist][deadline]") {
    const storage::WorkingDays days;
    // Friday 28 August 2026: the summer bank holiday is Monday 31 August.
    CHECK(deadlineOf("2026-08-28T12:00:00Z", days) == storage::Date{2026, 9, 1});
    // Saturday 29 August counts as received on Tuesday 1 September: due Wednesday 2 September.
    CHECK(deadlineOf("2026-08-29T12:00:00Z", days) == storage::Date{2026, 9, 2});
    // Christmas 2026 falls on a Friday: Boxing Day's substitute is Monday 28 December.
    CHECK(deadlineOf("2026-12-24T12:00:00Z", days) == storage::Date{2026, 12, 29});

    // Through the whole path, with a closure day from intake.json.
    test::IntakeHome t;
    FakeKiosk kiosk{"Canolfan Abertawe"};
    t.enrol(kiosk);
    const auto s = test::complaint("un", kiosk, "2026-08-28T12:00:00Z");
    REQUIRE(openBundleFile(*t.session,
                           test::writeBundle(t.folder("usb"), test::bundleOf(kiosk, t.team.sealing, {test::entryOf(s, t.team.sealing)}), kiosk),
                           {"2026-08-28T16:00:00Z", 1, false})
                .result == BundleOutcome::Result::Accepted);
    const auto cy = loadCatalogue("cy");
    {
        const auto list = buildWorklist(*t.session, *parseIsoUtc("2026-08-28T16:00:00Z"));
        REQUIRE(list.items.size() == 1);
        CHECK(list.items[0].deadline == storage::Date{2026, 9, 1});
        CHECK_FALSE(list.items[0].overdue);
        CHECK(shown(toHtml(list, cy), cy, "intake.field.deadline"_key) == "<strong>dydd Mawrth 1 Medi 2026</strong>");
    }
    std::ofstream(t.home.settingsFile()) << R"({"closures": ["2026-09-01"], "language": "en"})";
    t.session->settings = t.home.settings();
    const auto list = buildWorklist(*t.session, *parseIsoUtc("2026-09-03T09:00:00Z"));
    REQUIRE(list.items.size() == 1);
    CHECK(list.items[0].deadline == storage::Date{2026, 9, 2});
    CHECK(list.items[0].overdue);
    const auto en = loadCatalogue("en");
    CHECK(toHtml(list, en).find("OVERDUE: due to be acknowledged by the end of Wednesday 2 September 2026") !=
          std::string::npos);
    CHECK(firstRow(toCsv(list, en)).at("deadline") == "2026-09-02");
    CHECK(firstRow(toCsv(list, en)).at("status") == "overdue");
}

TEST_CASE("intake.json with a misspelt setting or a bad date is reported, naming the file", "[worklist]") {
    test::TempDir dir;
    const Home home(dir / "home");
    home.create();
    std::ofstream(home.settingsFile()) << R"({"closure": ["2026-09-01"]})";
    CHECK_THROWS_WITH(home.settings(), Catch::Contains("intake.json") && Catch::Contains("closure"));
    std::ofstream(home.settingsFile(), std::ios::trunc) << R"({"closures": ["2026-02-30"]})";
    CHECK_THROWS_WITH(home.settings(), Catch::Contains("2026-02-30"));
    std::ofstream(home.settingsFile(), std::ios::trunc) << R"({"language": "fr"})";
    CHECK_THROWS_WITH(home.settings(), Catch::Contains("language"));
}

TEST_CASE("the worklist's order: overdue, then priority, then oldest; acknowledged last", "[worklist]") {
    auto oldest = itemOf(test::complaint("oldest", kKiosk, "2026-11-20T09:00:00Z"));
    auto priority = itemOf(test::complaint("priority", kKiosk, "2026-11-23T09:00:00Z"));
    priority.submission.priority = true;
    auto overdue = itemOf(test::complaint("overdue", kKiosk, "2026-11-21T09:00:00Z"));
    overdue.overdue = true;
    auto done = itemOf(test::complaint("done", kKiosk, "2026-11-19T09:00:00Z"));
    done.acknowledgedAt = "2026-11-20T10:00:00Z";
    auto newer = itemOf(test::complaint("newer", kKiosk, "2026-11-22T09:00:00Z"));
    std::vector<WorklistItem> items;
    for (auto* i : {&done, &newer, &priority, &oldest, &overdue})
        items.push_back(std::move(*i));
    sortWorklist(items);
    std::vector<std::string> order;
    for (const auto& i : items)
        order.push_back(i.submission.text(Field::Story));
    CHECK(order == std::vector<std::string>{"overdue", "priority", "oldest", "newer", "done"});

    const auto en = loadCatalogue("en");
    const auto html = toHtml(listOf(std::move(items)), en);
    CHECK(html.find("Acknowledged: ") != std::string::npos);
    CHECK(html.find("class=\"submission acknowledged\"") > html.find("class=\"submission overdue\""));
}

TEST_CASE("a new submission is marked as new on the page and in the CSV", "[worklist]") {
    auto fresh = itemOf(test::complaint("un", kKiosk));
    fresh.isNew = true;
    const auto cy = loadCatalogue("cy");
    const auto list = listOf({std::move(fresh)});
    CHECK(toHtml(list, cy).find("<li class=\"new\">Newydd ers y tro diwethaf</li>") != std::string::npos);
    CHECK(firstRow(toCsv(list, cy)).at("new") == "yes");
}

TEST_CASE("the CSV keeps FORMAT.md's columns, then intake's own, and defuses formulas", "[worklist]") {
    auto s = test::complaint("=HYPERLINK(\"x\") said \"hi\"", kKiosk);
    const auto en = loadCatalogue("en");
    const auto csv = toCsv(listOf({itemOf(s)}), en);
    CHECK(csv.rfind("\"reference\",\"priority\",\"kind\",\"language\",\"created_at\",\"acknowledge_by\",\"who\","
                    "\"adult_name\",\"adult_role\",\"young_person_agreed\",\"helper_name\",\"wants_advocate\",\"topics\","
                    "\"feeling\",\"story\",\"story_skipped\",\"put_right\",\"name\",\"contact\",\"phone\",\"email\","
                    "\"meeting\",\"sharing\",\"kiosk\",\"demo\",\"id\",\"deadline\",\"status\",\"new\",\"acknowledged_at\"\r\n",
                    0) == 0);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\") said \"\"hi\"\"\"") != std::string::npos);
}

TEST_CASE("every intake key used in the code has a text in Welsh and English, and none is unused", "[worklist][i18n]") {
    std::set<std::string> used;
    const std::regex literal(R"re("(intake\.[^"\n]+)"_key)re");
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "intake")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const auto s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it)
            used.insert((*it)[1]);
    }
    REQUIRE(used.size() > 40);
    for (const std::string code : {"cy", "en"}) {
        const auto lang = loadCatalogue(code);
        std::set<std::string> inCatalogue;
        for (const auto& [key, texts] : lang.all())
            if (key.rfind("intake.", 0) == 0)
                inCatalogue.insert(key);
        INFO(code);
        CHECK(inCatalogue == used);
        for (const auto& key : used)
            CHECK_FALSE(lang.text(i18n::Key{key}).empty());
    }
}

TEST_CASE("a young person who does not want to meet the Investigating Officer is shown so, in words and by name",
          "[worklist]") {
    const auto cy = loadCatalogue("cy");
    const auto en = loadCatalogue("en");
    auto s = test::complaint("un", kKiosk);
    s.choices.contact = Contact::Phone; // the meeting is asked only where we can get back to them
    s.text(Field::Phone) = "07700 900123";
    s.choices.meeting = Meeting::NotToMeet;
    const auto list = listOf({itemOf(s)});
    CHECK(shown(toHtml(list, en), en, "intake.field.meeting"_key) == escapeHtml("I don't want to meet them"));
    CHECK(shown(toHtml(list, cy), cy, "intake.field.meeting"_key) == "Dw i ddim eisiau cwrdd â nhw");
    CHECK(firstRow(toCsv(list, en)).at("meeting") == "not_to_meet");
}
