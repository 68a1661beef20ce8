#include <i18n/catalogue.hpp>

#include <algorithm>
#include <utility>

namespace kiosk::i18n {
namespace {

// Reads a "..." string starting at s[pos] (which is the opening quote), undoing C escapes.
std::string unquote(std::string_view s, const std::string& where) {
    const auto first = s.find('"');
    const auto last = s.rfind('"');
    if (first == std::string_view::npos || last == first)
        throw LoadError(where + ": expected a quoted string");
    std::string out;
    for (std::size_t i = first + 1; i < last; ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < last) {
            switch (s[++i]) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case '"': c = '"'; break;
            case '\\': c = '\\'; break;
            default: throw LoadError(where + ": unknown escape \\" + std::string(1, s[i]));
            }
        }
        out += c;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string headerField(const std::string& header, std::string_view name) {
    std::size_t start = 0;
    while (start < header.size()) {
        auto end = header.find('\n', start);
        if (end == std::string::npos)
            end = header.size();
        std::string_view line(header.data() + start, end - start);
        if (line.size() > name.size() && line.substr(0, name.size()) == name && line[name.size()] == ':')
            return std::string(trim(line.substr(name.size() + 1)));
        start = end + 1;
    }
    return {};
}

// The flags of a "#," line: "#, same-for-adult, c-format" -> {"same-for-adult", "c-format"}.
void readFlags(std::string_view list, std::vector<std::string>& flags) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view flag = trim(list.substr(0, comma));
        if (!flag.empty())
            flags.emplace_back(flag);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
}

} // namespace

std::string adultKey(std::string_view key) { return std::string(key).append(kAdultSuffix); }

std::vector<PoEntry> parsePo(std::string_view text, const std::string& fileName) {
    std::vector<PoEntry> entries;
    PoEntry current;
    std::string* target = nullptr; // the string a continuation line appends to
    std::vector<std::string> flags; // read before the entry they belong to
    bool open = false;
    int lineNo = 0;
    const auto finish = [&] {
        if (open)
            entries.push_back(std::move(current));
        current = PoEntry{};
        target = nullptr;
        open = false;
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++lineNo;
        const std::string where = fileName + ":" + std::to_string(lineNo);
        if (line.empty()) {
            finish();
            continue;
        }
        if (line.front() == '#') {
            if (line.size() > 1 && line[1] == ',')
                readFlags(line.substr(2), flags);
            continue;
        }
        if (line.front() == '"') {
            if (target == nullptr)
                throw LoadError(where + ": a continued string with nothing to continue");
            *target += unquote(line, where);
            continue;
        }
        const auto space = line.find(' ');
        const std::string_view word = line.substr(0, space);
        const std::string value = unquote(line.substr(space == std::string_view::npos ? line.size() : space), where);
        if (word == "msgctxt") {
            finish();
            open = true;
            current.line = lineNo;
            current.flags = std::exchange(flags, {});
            current.context = value;
            target = &current.context;
        } else if (word == "msgid") {
            if (!current.source.empty() || (open && !current.translations.empty()))
                finish();
            if (!open) {
                current.line = lineNo;
                current.flags = std::exchange(flags, {});
            }
            open = true;
            current.source = value;
            target = &current.source;
        } else if (word == "msgid_plural") {
            current.sourcePlural = value;
            target = &current.sourcePlural;
        } else if (word == "msgstr" || word.substr(0, 7) == "msgstr[") {
            current.translations.push_back(value);
            target = &current.translations.back();
        } else {
            throw LoadError(where + ": unexpected \"" + std::string(word) + "\"");
        }
    }
    finish();
    return entries;
}

Catalogue Catalogue::load(const std::filesystem::path& poFile) {
    std::FILE* f = std::fopen(poFile.c_str(), "rb");
    if (f == nullptr)
        throw LoadError("cannot open " + poFile.string());
    std::string text;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
        text.append(buf, n);
    std::fclose(f);
    return fromEntries(poFile.stem().string(), parsePo(text, poFile.string()));
}

Catalogue Catalogue::fromEntries(std::string code, const std::vector<PoEntry>& entries) {
    Catalogue c;
    c.m_code = std::move(code);
    for (const auto& e : entries) {
        if (e.context.empty() && e.source.empty()) {
            c.m_pluralForms = headerField(e.translations.empty() ? std::string() : e.translations.front(), "Plural-Forms");
            continue;
        }
        c.m_texts[e.context] = e.translations;
        if (std::find(e.flags.begin(), e.flags.end(), kSameForAdult) != e.flags.end())
            c.m_sameForAdult.insert(e.context);
    }
    return c;
}

const std::vector<std::string>* Catalogue::forms(Key key, Reader reader) const {
    const auto usable = [&](std::string_view name) -> const std::vector<std::string>* {
        const auto it = m_texts.find(name);
        return it == m_texts.end() || it->second.empty() || it->second.front().empty() ? nullptr : &it->second;
    };
    if (reader == Reader::Adult)
        if (const auto* adult = usable(adultKey(key.name)))
            return adult;
    return usable(key.name);
}

std::string_view Catalogue::text(Key key, Reader reader) const {
    const auto* found = forms(key, reader);
    return found != nullptr ? std::string_view(found->front()) : key.name;
}

std::string_view Catalogue::plural(Key key, long n, Reader reader) const {
    const auto* found = forms(key, reader);
    const std::size_t index = pluralIndex(m_code, n);
    if (found == nullptr || index >= found->size())
        return text(key, reader);
    return (*found)[index];
}

std::size_t pluralIndex(std::string_view languageCode, long n) {
    if (languageCode == "cy") {
        switch (n) {
        case 0: return 0;
        case 1: return 1;
        case 2: return 2;
        case 3: return 3;
        case 6: return 4;
        default: return 5;
        }
    }
    return n == 1 ? 0 : 1;
}

std::string_view expectedPluralForms(std::string_view languageCode) {
    if (languageCode == "cy")
        return "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;";
    return "nplurals=2; plural=(n != 1);";
}

std::string format(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out(pattern);
    for (const auto& [name, value] : values) {
        const std::string token = "{" + std::string(name) + "}";
        for (auto at = out.find(token); at != std::string::npos; at = out.find(token, at + value.size()))
            out.replace(at, token.size(), value);
    }
    return out;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string_view::npos)
            break;
        out.emplace_back(text.substr(open + 1, close - open - 1));
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace kiosk::i18n
