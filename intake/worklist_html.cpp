#include <intake/worklist_html.hpp>

#include <intake/locale.hpp>

#include <markup/escape.hpp>
#include <storage/calendar.hpp>
#include <storage/files.hpp>
#include <storage/rules.hpp>

#include <vocabulary/choices.hpp>

#include <sodium.h>

#include <cassert>

namespace kiosk::intake {
namespace {

using namespace i18n::literals;
using i18n::Catalogue;
using storage::Submission;
namespace vocab = vocabulary;

std::string say(const Catalogue& lang, i18n::Key key) { return escapeHtml(lang.text(key)); }

std::string notGiven(const Catalogue& lang) {
    return "<span class=\"quiet\">" + say(lang, "intake.not_given"_key) + "</span>";
}

std::string notAsked(const Catalogue& lang) {
    return "<span class=\"quiet\">" + say(lang, "intake.not_asked"_key) + "</span>";
}

std::string typed(const Catalogue& lang, const std::string& text) {
    return text.empty() ? notGiven(lang) : escapeHtml(text);
}

template <class Enum> std::string chosen(const Catalogue& lang, const std::optional<Enum>& value) {
    return value ? say(lang, vocab::nameOf(*value).key) : notGiven(lang);
}

template <class Enum, std::size_t N> std::string chosenList(const Catalogue& lang, const std::bitset<N>& set) {
    std::string items;
    for (const auto& row : vocab::all<Enum>())
        if (set.test(static_cast<std::size_t>(row.value)))
            items += "<li>" + say(lang, row.key) + "</li>";
    return items.empty() ? notGiven(lang) : "<ul>" + items + "</ul>";
}

std::string yesNo(const Catalogue& lang, bool yes) {
    return say(lang, yes ? "intake.answer.yes"_key : "intake.answer.no"_key);
}

// The team's own words for what the child chose at the first doors (the child's buttons read
// "Something went wrong"; the team reads "Complaint"). Each enum value has its row, checked below.
template <class Enum> struct TeamWord {
    Enum value;
    i18n::Key key;
};
constexpr TeamWord<vocab::Kind> kKindWords[] = {
    {vocab::Kind::Complaint, "intake.kind.complaint"_key},
    {vocab::Kind::Compliment, "intake.kind.compliment"_key},
    {vocab::Kind::Feedback, "intake.kind.feedback"_key},
};
constexpr TeamWord<vocab::Who> kWhoWords[] = {
    {vocab::Who::Me, "intake.who.me"_key},
    {vocab::Who::MeWithHelp, "intake.who.me_with_help"_key},
    {vocab::Who::OnBehalf, "intake.who.on_behalf"_key},
};
constexpr TeamWord<vocab::Language> kLanguageWords[] = {
    {vocab::Language::Welsh, "intake.language.cy"_key},
    {vocab::Language::English, "intake.language.en"_key},
};

template <class Enum, std::size_t N> constexpr bool coversAll(const TeamWord<Enum> (&words)[N]) {
    for (const auto& row : vocab::all<Enum>()) {
        bool found = false;
        for (const auto& word : words)
            found = found || word.value == row.value;
        if (!found)
            return false;
    }
    return true;
}
static_assert(coversAll(kKindWords) && coversAll(kWhoWords) && coversAll(kLanguageWords),
              "every value of a choice needs the team's word for it");

template <class Enum, std::size_t N> i18n::Key teamWord(const TeamWord<Enum> (&words)[N], Enum value) {
    for (const auto& word : words)
        if (word.value == value)
            return word.key;
    assert(false && "a value with no team word");
    return words[0].key;
}

template <class Enum, std::size_t N>
std::string teamChoice(const Catalogue& lang, const TeamWord<Enum> (&words)[N], const std::optional<Enum>& value) {
    return value ? say(lang, teamWord(words, *value)) : notGiven(lang);
}

// Where a field goes in a submission's block.
enum class Place { Heading, Flags, Details, Story, Footer };

// Each submission field once: its label, where it goes, whether it is a question (so that one
// not asked on the child's path reads "not asked"), and how its value reads.
struct FieldView {
    std::string_view field;
    i18n::Key label;
    Place place;
    bool question;
    std::string (*value)(const Submission&, const Catalogue&);
};

constexpr FieldView kViews[] = {
    {"reference", "intake.field.reference"_key, Place::Heading, false,
     [](const Submission& s, const Catalogue&) { return escapeHtml(s.reference); }},
    {"kind", "intake.field.kind"_key, Place::Heading, false,
     [](const Submission& s, const Catalogue& l) { return teamChoice(l, kKindWords, s.choices.kind); }},
    {"priority", i18n::Key{}, Place::Flags, false, nullptr}, // flagged with the words "I don't feel safe"
    {"demo", i18n::Key{}, Place::Flags, false, nullptr},
    {"created_at", "intake.field.created_at"_key, Place::Details, false,
     [](const Submission& s, const Catalogue& l) {
         const auto t = parseIsoUtc(s.createdAt);
         return t ? escapeHtml(formatLocalTime(l, *t)) : escapeHtml(s.createdAt);
     }},
    {"acknowledge_by", "intake.field.acknowledge_by"_key, Place::Details, false,
     [](const Submission& s, const Catalogue& l) {
         const auto d = storage::parseIsoDate(s.acknowledgeBy);
         return d ? escapeHtml(formatDate(l, *d)) : say(l, "intake.no_date_promised"_key);
     }},
    {"language", "intake.field.language"_key, Place::Details, false,
     [](const Submission& s, const Catalogue& l) {
         return teamChoice(l, kLanguageWords, std::optional<vocab::Language>(s.language));
     }},
    {"who", "intake.field.who"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return teamChoice(l, kWhoWords, s.choices.who); }},
    {"adult_name", "intake.field.adult_name"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return typed(l, s.text(vocab::Field::AdultName)); }},
    {"adult_role", "intake.field.adult_role"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return typed(l, s.text(vocab::Field::AdultRole)); }},
    {"young_person_agreed", "intake.field.young_person_agreed"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return yesNo(l, s.choices.youngPersonAgreed); }},
    {"helper_name", "intake.field.helper_name"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return typed(l, s.text(vocab::Field::HelperName)); }},
    {"name", "intake.field.name"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return typed(l, s.text(vocab::Field::Name)); }},
    {"contact", "intake.field.contact"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return chosen(l, s.choices.contact); }},
    {"phone", "intake.field.phone"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return typed(l, s.text(vocab::Field::Phone)); }},
    {"email", "intake.field.email"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return typed(l, s.text(vocab::Field::Email)); }},
    {"meeting", "intake.field.meeting"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return chosen(l, s.choices.meeting); }},
    {"sharing", "intake.field.sharing"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return chosen(l, s.choices.sharing); }},
    {"wants_advocate", "intake.field.wants_advocate"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return yesNo(l, s.choices.wantsAdvocate); }},
    {"topics", "intake.field.topics"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return chosenList<vocab::Topic>(l, s.choices.topics); }},
    {"put_right", "intake.field.put_right"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) { return chosenList<vocab::PutRight>(l, s.choices.putRight); }},
    {"feeling", "intake.field.feeling"_key, Place::Details, true,
     [](const Submission& s, const Catalogue& l) {
         const auto f = s.choices.feeling;
         return f && *f >= vocab::kFeelingMin && *f <= vocab::kFeelingMax ? say(l, vocab::feelingKey(*f))
                                                                          : notGiven(l);
     }},
    {"story", "intake.field.story"_key, Place::Story, true,
     [](const Submission& s, const Catalogue& l) {
         const auto& story = s.text(vocab::Field::Story);
         if (s.choices.storySkipped || story.empty())
             return "<p class=\"quiet\">" + say(l, "intake.story_skipped"_key) + "</p>";
         return "<p class=\"words\">" + escapeHtml(story) + "</p>";
     }},
    {"story_skipped", "intake.field.story"_key, Place::Story, true, nullptr}, // shown with the story
    {"kiosk", "intake.field.kiosk"_key, Place::Footer, false,
     [](const Submission& s, const Catalogue&) { return escapeHtml(s.kiosk); }},
    {"id", "intake.field.id"_key, Place::Footer, false,
     [](const Submission& s, const Catalogue&) { return escapeHtml(s.id); }},
};

bool wasAsked(const FieldView& view, const Submission& s) { return !view.question || storage::isAsked(view.field, s); }

std::string valueOf(const FieldView& view, const Submission& s, const Catalogue& lang) {
    return wasAsked(view, s) ? view.value(s, lang) : notAsked(lang);
}

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
       line-height: 1.3; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 180mm; padding: 6mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.made { margin: 0 0 3mm; }
.counts { display: flex; flex-wrap: wrap; gap: 2mm 6mm; margin: 0 0 3mm; padding: 0; list-style: none; }
.order { margin: 0 0 6mm; color: #333; }
.problems { border: 2px solid #a00; padding: 2mm 4mm; margin: 0 0 6mm; }
article { border: 1px solid #777; border-radius: 2mm; padding: 2.5mm 4mm; margin: 0 0 4mm;
          break-inside: avoid; page-break-inside: avoid; }
article.overdue { border: 2px solid #a00; border-left-width: 3mm; }
article.acknowledged { color: #333; border-style: dashed; }
h2 { font-size: 14pt; margin: 0 0 1mm; }
h2 .reference { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; letter-spacing: 0.05em;
                margin-right: 3mm; }
.flags { margin: 0 0 2mm; padding: 0; list-style: none; }
.flags li { display: inline-block; border: 1.5px solid #111; border-radius: 1mm; padding: 0 2mm;
            margin: 0 2mm 1mm 0; font-weight: bold; font-size: 10pt; }
.flags .overdue { border-color: #a00; color: #a00; }
.flags .priority { border-color: #a00; }
.flags .same-id { border-color: #a00; color: #a00; }
dl { display: grid; grid-template-columns: 58mm 1fr; gap: 0.6mm 4mm; margin: 2mm 0; }
dt { font-weight: bold; }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 5mm; }
.quiet { color: #555; font-style: italic; }
dt.not-asked, dd.not-asked { font-size: 8.5pt; font-weight: normal; color: #555; }
.story h3 { font-size: 11pt; margin: 3mm 0 1mm; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 11.5pt; margin: 0;
         border-left: 1mm solid #999; padding-left: 3mm; }
footer { margin-top: 2mm; font-size: 8.5pt; color: #444; }
footer .id { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
)css";

std::string flagsOf(const WorklistItem& item, const Catalogue& lang) {
    std::string flags;
    const auto add = [&](const char* cls, const std::string& text) {
        flags += std::string("<li class=\"") + cls + "\">" + text + "</li>";
    };
    if (item.overdue)
        add("overdue", escapeHtml(i18n::format(lang.text("intake.flag.overdue"_key),
                                               {{"date", formatDate(lang, item.deadline)}})));
    if (item.submission.priority)
        add("priority", escapeHtml(i18n::format(lang.text("intake.flag.priority"_key),
                                                {{"not_safe", lang.text("chrome.not_safe"_key)}})));
    if (item.isNew)
        add("new", say(lang, "intake.flag.new"_key));
    if (item.acknowledgedAt) {
        const auto at = parseIsoUtc(*item.acknowledgedAt);
        add("acknowledged", escapeHtml(i18n::format(lang.text("intake.flag.acknowledged"_key),
                                                    {{"date", at ? formatLocalTime(lang, *at) : *item.acknowledgedAt}})));
    }
    if (item.submission.demo)
        add("demo", say(lang, "demo.banner"_key));
    if (!item.sameIdFrom.empty()) {
        std::string others;
        for (const auto& kiosk : item.sameIdFrom)
            others += (others.empty() ? "" : ", ") + kiosk;
        add("same-id", escapeHtml(i18n::format(lang.text("intake.flag.same_id"_key), {{"kiosks", others}})));
    }
    return flags.empty() ? "" : "<ul class=\"flags\">" + flags + "</ul>\n";
}

std::string blockOf(const WorklistItem& item, const Catalogue& lang) {
    const auto& s = item.submission;
    std::string classes = "submission";
    classes += item.overdue ? " overdue" : "";
    classes += s.priority ? " priority" : "";
    classes += item.isNew ? " new" : "";
    classes += item.acknowledgedAt ? " acknowledged" : "";
    std::string heading;
    std::string details;
    std::string story;
    std::string footer;
    for (const auto& view : kViews) {
        if (view.value == nullptr)
            continue; // shown as a flag, or with another field
        const auto value = valueOf(view, s, lang);
        switch (view.place) {
        case Place::Heading:
            heading += "<span class=\"" + std::string(view.field) + "\">" + value + "</span> ";
            break;
        case Place::Details:
            // Questions not asked on this path stay on the page, smaller, so that the answers stand out.
            details += (wasAsked(view, s) ? "<dt>" : "<dt class=\"not-asked\">") + say(lang, view.label) + "</dt>" +
                       (wasAsked(view, s) ? "<dd>" : "<dd class=\"not-asked\">") + value + "</dd>\n";
            if (view.field == "created_at")
                details += "<dt>" + say(lang, "intake.field.deadline"_key) + "</dt><dd><strong>" +
                           escapeHtml(formatDate(lang, item.deadline)) + "</strong></dd>\n";
            break;
        case Place::Story:
            story += "<h3>" + say(lang, view.label) + "</h3>\n" + value + "\n";
            break;
        case Place::Footer:
            footer += say(lang, view.label) + ": <span class=\"" + std::string(view.field) + "\">" + value + "</span> ";
            break;
        case Place::Flags:
            break;
        }
    }
    return "<article class=\"" + classes + "\">\n<h2>" + heading + "</h2>\n" + flagsOf(item, lang) + "<dl>\n" +
           details + "</dl>\n<div class=\"story\">\n" + story + "</div>\n<footer>" + footer + "</footer>\n</article>\n";
}

std::string countsOf(const Worklist& worklist, const Catalogue& lang) {
    int overdue = 0;
    int fresh = 0;
    int acknowledged = 0;
    for (const auto& item : worklist.items) {
        overdue += item.overdue ? 1 : 0;
        fresh += item.isNew ? 1 : 0;
        acknowledged += item.acknowledgedAt ? 1 : 0;
    }
    std::string out = "<ul class=\"counts\">";
    const auto add = [&](i18n::Key key, std::size_t n) {
        out += "<li>" + say(lang, key) + ": <strong>" + std::to_string(n) + "</strong></li>";
    };
    add("intake.count.all"_key, worklist.items.size());
    add("intake.count.overdue"_key, static_cast<std::size_t>(overdue));
    add("intake.count.new"_key, static_cast<std::size_t>(fresh));
    add("intake.count.acknowledged"_key, static_cast<std::size_t>(acknowledged));
    return out + "</ul>\n";
}

} // namespace

std::string escapeHtml(std::string_view raw) {
    return markup::escape(visibleText(raw));
}

std::vector<std::string_view> fieldsShown() {
    std::vector<std::string_view> fields;
    for (const auto& view : kViews)
        fields.push_back(view.field);
    return fields;
}

std::string toHtml(const Worklist& worklist, const Catalogue& lang) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(lang.code()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                       say(lang, "intake.worklist.title"_key) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    html += "<h1>" + say(lang, "intake.worklist.title"_key) + "</h1>\n";
    html += "<p class=\"made\">" +
            escapeHtml(i18n::format(lang.text("intake.worklist.made"_key), {{"date", formatLocalTime(lang, worklist.madeAt)}})) +
            "</p>\n";
    html += countsOf(worklist, lang);
    html += "<p class=\"order\">" + say(lang, "intake.worklist.order"_key) + "</p>\n";
    if (!worklist.problems.empty())
        html += "<p class=\"problems\">" + say(lang, "intake.worklist.problems"_key) + "</p>\n";
    if (worklist.items.empty())
        html += "<p>" + say(lang, "intake.worklist.empty"_key) + "</p>\n";
    for (const auto& item : worklist.items)
        html += blockOf(item, lang);
    return html + "</body>\n</html>\n";
}

void writeWorklists(const Home& home, const Worklist& worklist, const Catalogue& lang) {
    // A byte order mark so that spreadsheet programs read the Welsh letters as UTF-8.
    auto csv = "\xEF\xBB\xBF" + toCsv(worklist, lang);
    auto html = toHtml(worklist, lang);
    storage::writeFileAtomically(home.worklistCsv(), csv, 0600);
    storage::writeFileAtomically(home.worklistHtml(), html, 0600);
    sodium_memzero(csv.data(), csv.size());
    sodium_memzero(html.data(), html.size());
}

} // namespace kiosk::intake
