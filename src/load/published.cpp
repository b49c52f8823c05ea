// Publication dates as metadata writes them, in URLs, and in bylines and datelines.
#include <timeliner/load.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace timeliner {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// 1..12 for a month name or its abbreviation (at least three letters: "sept", "apr"), else 0.
int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {"january",   "february", "march",    "april",
                                                             "may",       "june",     "july",     "august",
                                                             "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].substr(0, word.size()) == word) return static_cast<int>(i) + 1;
  return 0;
}

// Minutes east of UTC for common zone abbreviations; nothing for unknown or ambiguous ones.
std::optional<int> zone_minutes(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 22> zones = {
      {{"z", 0},      {"utc", 0},    {"gmt", 0},    {"ut", 0},     {"est", -300}, {"edt", -240},
       {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
       {"bst", 60},   {"cet", 60},   {"cest", 120}, {"eet", 120},  {"eest", 180}, {"jst", 540},
       {"kst", 540},  {"hkt", 480},  {"aest", 600}, {"aedt", 660}}};
  for (const auto& z : zones)
    if (z.name == word) return z.minutes;
  return std::nullopt;
}

std::optional<Instant> make_instant(int y, int m, int d, int hh, int mm, std::optional<int> offset) {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  Instant i;
  i.day = date::sys_days(ymd);
  if (hh >= 0) {
    if (hh > 23 || mm < 0 || mm > 59) return std::nullopt;
    i.time_of_day = std::chrono::minutes(hh * 60 + mm);
    if (offset) {
      if (*offset < -14 * 60 || *offset > 14 * 60) return std::nullopt;
      i.utc_offset = std::chrono::minutes(*offset);
    }
  }
  return i;
}

// "+08:00", "+0800", "+08", "-0500" -> minutes.
std::optional<int> numeric_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  std::string digits;
  for (char c : s.substr(1))
    if (is_digit(c)) digits += c;
  if (digits.size() != 2 && digits.size() != 4) return std::nullopt;
  const int h = std::stoi(digits.substr(0, 2));
  const int m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
  if (h > 14 || m > 59) return std::nullopt;
  return (s[0] == '-' ? -1 : 1) * (h * 60 + m);
}

std::optional<Instant> parse_iso_like(std::string_view s) {
  static const RE2 iso(
      R"(\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?.*)");
  static const RE2 compact(R"(\s*(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:\d{2})?(Z|[+-]\d{4})?)?\s*)");
  int y = 0, m = 0, d = 0;
  std::string hh, mm, ss, zone;
  re2::StringPiece in(s.data(), s.size());
  if (!RE2::FullMatch(in, iso, &y, &m, &d, &hh, &mm, &ss, &zone) &&
      !RE2::FullMatch(in, compact, &y, &m, &d, &hh, &mm, &zone))
    return std::nullopt;
  std::optional<int> offset;
  if (zone == "Z" || zone == "z" || zone == "UTC" || zone == "GMT")
    offset = 0;
  else if (!zone.empty())
    offset = numeric_offset(zone);
  return make_instant(y, m, d, hh.empty() ? -1 : std::stoi(hh), mm.empty() ? 0 : std::stoi(mm), offset);
}

// Dates written in words: "Fri, 18 Apr 2025 02:30:00 +0800", "April 18, 2025 6:40 p.m. EST".
std::optional<Instant> parse_words(std::string_view s) {
  int y = 0, m = 0, d = 0, hh = -1, mm = 0;
  bool am = false, pm = false;
  std::optional<int> offset;
  std::size_t i = 0;
  auto skip_spaces = [&](std::size_t p) {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
    return p;
  };
  // Reads "am", "a.m.", "pm", "p.m." at p; returns its end, or p when there is none.
  auto meridiem = [&](std::size_t p, bool& is_pm) {
    std::size_t q = p;
    std::string w;
    while (q < s.size() && (is_alpha(s[q]) || s[q] == '.') && w.size() < 6) {
      if (s[q] != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(s[q])));
      ++q;
    }
    if (w == "am" || w == "pm") {
      is_pm = w == "pm";
      return q;
    }
    return p;
  };
  while (i < s.size()) {
    const char c = s[i];
    if (is_alpha(c)) {
      std::size_t e = i;
      std::string w;
      while (e < s.size() && (is_alpha(s[e]) || s[e] == '.')) {
        if (s[e] != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(s[e])));
        ++e;
      }
      if (const int mo = month_number(w); mo && !m)
        m = mo;
      else if (w == "am" || w == "pm")
        (w == "pm" ? pm : am) = true;
      else if (auto z = zone_minutes(w); z && hh >= 0 && !offset)
        offset = z;
      i = e;
    } else if (is_digit(c)) {
      std::size_t e = i;
      while (e < s.size() && is_digit(s[e])) ++e;
      const std::string num(s.substr(i, e - i));
      if (e + 1 < s.size() && s[e] == ':' && is_digit(s[e + 1]) && num.size() <= 2) {
        // A clock time: hh:mm[:ss[.fff]], maybe followed by am/pm.
        hh = std::stoi(num);
        std::size_t q = e + 1;
        std::size_t qe = q;
        while (qe < s.size() && is_digit(s[qe])) ++qe;
        mm = std::stoi(std::string(s.substr(q, std::min<std::size_t>(qe - q, 2))));
        e = qe;
        if (e + 1 < s.size() && s[e] == ':' && is_digit(s[e + 1])) {
          ++e;
          while (e < s.size() && (is_digit(s[e]) || s[e] == '.' || s[e] == ',')) ++e;
        }
        bool is_pm = false;
        const std::size_t after = meridiem(skip_spaces(e), is_pm);
        if (after != skip_spaces(e)) {
          (is_pm ? pm : am) = true;
          e = after;
        }
      } else if (e < s.size() && (s[e] == '/' || s[e] == '.') && e + 1 < s.size() && is_digit(s[e + 1]) && !m) {
        // Numeric date: 04/18/2025 (month first unless the first number cannot be a month).
        const char sep = s[e];
        std::size_t q = e + 1, qe = q;
        while (qe < s.size() && is_digit(s[qe])) ++qe;
        const std::string second(s.substr(q, qe - q));
        if (qe < s.size() && s[qe] == sep) {
          std::size_t r = qe + 1, re = r;
          while (re < s.size() && is_digit(s[re])) ++re;
          const std::string third(s.substr(r, re - r));
          if (num.size() <= 2 && second.size() <= 2 && third.size() == 4) {
            int a = std::stoi(num), b = std::stoi(second);
            if (a > 12) std::swap(a, b);
            m = a;
            d = b;
            y = std::stoi(third);
            e = re;
          }
        }
      } else if (num.size() <= 2) {
        bool is_pm = false;
        const std::size_t after = meridiem(skip_spaces(e), is_pm);
        if (after != skip_spaces(e) && hh < 0) {  // "6 p.m."
          hh = std::stoi(num);
          mm = 0;
          (is_pm ? pm : am) = true;
          e = after;
        } else if (!d) {
          d = std::stoi(num);
        }
      } else if (num.size() == 4 && !y) {
        y = std::stoi(num);
      }
      i = e;
    } else if ((c == '+' || c == '-') && hh >= 0 && !offset && i + 1 < s.size() && is_digit(s[i + 1])) {
      std::size_t e = i + 1;
      while (e < s.size() && (is_digit(s[e]) || s[e] == ':')) ++e;
      offset = numeric_offset(s.substr(i, e - i));
      i = e;
    } else {
      ++i;
    }
  }
  if (!y || !m || !d) return std::nullopt;
  if (hh >= 0 && (am || pm)) {
    if (hh < 1 || hh > 12) return std::nullopt;
    if (pm && hh < 12) hh += 12;
    if (am && hh == 12) hh = 0;
  }
  return make_instant(y, m, d, hh, mm, offset);
}

}  // namespace

std::optional<Instant> parse_date_string(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty() || s.size() > 200) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), is_digit) && (s.size() == 10 || s.size() == 13)) {
    // Unix time in seconds or milliseconds, as some sites write it.
    long long secs = std::stoll(std::string(s.substr(0, 10)));
    const auto t = date::sys_seconds(std::chrono::seconds(secs));
    const auto day = date::floor<date::days>(t);
    Instant i;
    i.day = day;
    i.time_of_day = std::chrono::duration_cast<std::chrono::minutes>(t - day);
    i.utc_offset = std::chrono::minutes(0);
    return i;
  }
  // The usual shapes, "2025-04-18", "2025-04-18T02:30" and "2025-04-18T02:30:00", read directly:
  // what parse_iso_like() gives them, without RE2 (a date or time that does not exist goes the
  // long way, as before).
  if ((s.size() == 10 || s.size() == 16 || s.size() == 19) && s[4] == '-' && s[7] == '-') {
    bool ok = true;
    auto number = [&](std::size_t at, std::size_t digits) {
      int v = 0;
      for (std::size_t k = at; k < at + digits; ++k) {
        ok = ok && is_digit(s[k]);
        v = v * 10 + (s[k] - '0');
      }
      return v;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    int hh = -1, mm = 0;
    if (s.size() > 10) {
      ok = ok && (s[10] == 'T' || s[10] == ' ') && s[13] == ':' && (s.size() == 16 || s[16] == ':');
      hh = number(11, 2);
      mm = number(14, 2);
      if (s.size() == 19) number(17, 2);
    }
    if (ok)
      if (auto i = make_instant(y, m, d, hh, mm, std::nullopt)) return i;
  }
  if (auto i = parse_iso_like(s)) return i;
  return parse_words(s);
}

std::optional<Instant> date_from_url(std::string_view url) {
  // Only the path: no scheme, host, query or fragment.
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    const auto slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  static const RE2 separated(R"([/_-]((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$))");
  static const RE2 compact(R"([/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/._-]|$))");
  re2::StringPiece in(url.data(), url.size());
  int y = 0, m = 0, d = 0;
  while (RE2::FindAndConsume(&in, separated, &y, &m, &d))
    if (auto i = make_instant(y, m, d, -1, 0, std::nullopt)) return i;
  in = re2::StringPiece(url.data(), url.size());
  while (RE2::FindAndConsume(&in, compact, &y, &m, &d))
    if (auto i = make_instant(y, m, d, -1, 0, std::nullopt)) return i;
  return std::nullopt;
}

std::optional<FoundDate> date_from_byline(std::string_view text) {
  // The top of the text: about 600 characters, whole lines.
  std::size_t limit = std::min<std::size_t>(text.size(), 700);
  if (limit < text.size()) {
    const auto nl = text.find('\n', limit);
    limit = nl == std::string_view::npos ? text.size() : std::min(nl, limit + 200);
  }
  const std::string_view top = text.substr(0, limit);
  // Every date below has a year in digits (RE2's \d is ASCII): a top without a digit has none, and
  // the patterns are not compiled for it (an empty input, a text without numbers at its top).
  if (top.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
  static const std::string month =
      R"((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";
  static const RE2 date_re(
      "(?i)\\b((?:" + month + R"(\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+)" + month +
      R"(,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}))" +
      R"((?:(?:\s*[,|·•–—-]\s*|\s+at\s+|\s+)\d{1,2}(?::\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s*\(?(?:[a-z]{2,5}|[+-]\d{2}:?\d{2})\)?)?)?)\b)");
  static const RE2 city_prefix(R"(\s*[A-Z][A-Z.'’ -]{1,40},(?:\s*[A-Z][A-Za-z.]{1,12},)?\s*)");
  static const RE2 dash_after(R"(\s*(?:\([A-Za-z .]{1,30}\)\s*)?[-–—].*)");
  static const RE2 before_word(R"((?i).*\b(updated|modified|edited|revised)\b[\s:,]*(?:on\s+)?)");
  re2::StringPiece in(top.data(), top.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&in, date_re, &match)) {
    const std::size_t begin = static_cast<std::size_t>(match.data() - top.data());
    const std::size_t end = begin + match.size();
    const std::size_t line_begin = begin == 0 ? 0 : top.rfind('\n', begin - 1) + 1;  // npos + 1 == 0
    std::size_t line_end = top.find('\n', end);
    if (line_end == std::string_view::npos) line_end = top.size();
    const std::string_view before = top.substr(line_begin, begin - line_begin);
    const std::string_view after = top.substr(end, line_end - end);
    std::string_view line = top.substr(line_begin, line_end - line_begin);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (RE2::FullMatch(re2::StringPiece(before.data(), before.size()), before_word)) continue;
    auto when = parse_date_string(match.as_string());
    if (!when) continue;
    const re2::StringPiece before_piece(before.data(), before.size());
    const re2::StringPiece after_piece(after.data(), after.size());
    if ((before.empty() || RE2::FullMatch(before_piece, city_prefix)) && RE2::FullMatch(after_piece, dash_after))
      return FoundDate{*when, "dateline", line_begin, end};
    if (RE2::FullMatch(before_piece, city_prefix) && before.size() > 3)
      return FoundDate{*when, "dateline", line_begin, end};
    if (line.size() > 160) continue;
    const std::string l = lower(line);
    const bool marked = l.rfind("by ", 0) == 0 || l.find("published") != std::string::npos ||
                        l.find("posted") != std::string::npos || l.find('|') != std::string::npos ||
                        line.find("·") != std::string_view::npos || line.find("•") != std::string_view::npos;
    const bool sentence_end = !l.empty() && (l.back() == '.' || l.back() == '!' || l.back() == '?') &&
                              !(l.size() >= 4 && (l.ends_with("a.m.") || l.ends_with("p.m.")));
    if (marked || !sentence_end) return FoundDate{*when, "byline", line_begin, line_begin + line.size()};
  }
  return std::nullopt;
}

}  // namespace timeliner
