// JSON lines: one article a line, {"id", "title", "text" or "html", "published", "url"}.
#include "load/internal.hpp"

#include <timeliner/text.hpp>

#include <nlohmann/json.hpp>

#include <bit>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace timeliner::load_detail {
namespace {

// A value echoed in a warning: control characters (newlines among them) shown as spaces, so the
// warning stays one line.
std::string one_line(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return s;
}

std::string string_field(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

// The fields of a line that the loader reads.
struct LineFields {
  std::optional<std::string> text, html;  // when they are strings
  std::string id, title, published, url;  // "" when missing or neither a string nor a number
};

void put_hex4(std::string_view s, std::size_t at, unsigned& v, bool& ok) {
  v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const char c = s[at + k];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= static_cast<unsigned>(c - 'A' + 10);
    else
      ok = false;
  }
}

// The common shape of a line read without the JSON library: valid UTF-8 (checked by the caller),
// one flat object whose values are all strings, the keys written without escapes and each of those
// read at most once. Any
// other line, well-formed or not, returns false and is read by the library, which then accepts
// or rejects it as it always did. Strings are decoded as the library decodes them.
class FlatLine {
 public:
  explicit FlatLine(std::string_view s) : s_(s) {}

  bool read(LineFields& f) {
    ws();
    if (!eat('{')) return false;
    ws();
    if (eat('}')) return end();
    std::uint32_t seen = 0;
    for (;;) {
      if (!eat('"')) return false;
      const std::size_t k = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && static_cast<unsigned char>(s_[i_]) >= 0x20) ++i_;
      if (i_ >= s_.size() || s_[i_] != '"') return false;
      const std::string_view key = s_.substr(k, i_ - k);
      ++i_;
      ws();
      if (!eat(':')) return false;
      ws();
      std::string value;
      if (!string(value)) return false;
      static constexpr std::string_view kKeys[] = {"text", "html", "id", "title", "published", "url"};
      std::size_t which = 0;
      while (which < std::size(kKeys) && kKeys[which] != key) ++which;
      if (which < std::size(kKeys)) {
        if (seen & (1u << which)) return false;  // a repeated key: the library says which one wins
        seen |= 1u << which;
        switch (which) {
          case 0:
            f.text = std::move(value);
            break;
          case 1:
            f.html = std::move(value);
            break;
          case 2:
            f.id = std::move(value);
            break;
          case 3:
            f.title = std::move(value);
            break;
          case 4:
            f.published = std::move(value);
            break;
          default:
            f.url = std::move(value);
            break;
        }
      }
      ws();
      if (eat('}')) return end();
      if (!eat(',')) return false;
      ws();
    }
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool end() {
    ws();
    return i_ == s_.size();
  }
  // After the opening quote: the string up to its closing quote, decoded.
  bool string(std::string& out) {
    if (!eat('"')) return false;
    std::size_t run = i_;
    for (;;) {
#if defined(__SSE2__)
      // Sixteen bytes at a time, to the first quote, backslash or control character among them.
      {
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
        while (s_.size() - i_ >= 16) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s_.data() + i_));
          const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                               _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
          const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
          if (mask != 0) {
            i_ += static_cast<std::size_t>(std::countr_zero(mask));
            break;
          }
          i_ += 16;
        }
      }
#endif
      // Eight bytes at a time while none is a quote, a backslash or a control character.
      while (s_.size() - i_ >= 8) {
        std::uint64_t v;
        std::memcpy(&v, s_.data() + i_, 8);
        constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
        const std::uint64_t quote = v ^ (kOnes * '"'), backslash = v ^ (kOnes * '\\');
        const std::uint64_t special =
            ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((v - kOnes * 0x20) & ~v);
        if (special & kHigh) break;
        i_ += 8;
      }
      if (i_ >= s_.size()) return false;
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        out.append(s_.data() + run, i_ - run);
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') {
        ++i_;
        continue;
      }
      out.append(s_.data() + run, i_ - run);
      if (i_ + 1 >= s_.size()) return false;
      const char e = s_[i_ + 1];
      i_ += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (s_.size() - i_ < 4) return false;
          bool ok = true;
          unsigned cp = 0;
          put_hex4(s_, i_, cp, ok);
          i_ += 4;
          if (!ok || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: its low one must follow
            if (s_.size() - i_ < 6 || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
            unsigned lo = 0;
            put_hex4(s_, i_ + 2, lo, ok);
            if (!ok || lo < 0xDC00 || lo > 0xDFFF) return false;
            i_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return false;
      }
      run = i_;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// The same fields through the JSON library, or the reason the line is malformed.
std::optional<std::string> library_fields(const std::string& line, LineFields& f) {
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return "not a JSON object";
  if (const auto t = j.find("text"); t != j.end() && t->is_string()) f.text = t->get<std::string>();
  if (const auto h = j.find("html"); h != j.end() && h->is_string()) f.html = h->get<std::string>();
  f.id = string_field(j, "id");
  f.title = string_field(j, "title");
  f.published = string_field(j, "published");
  f.url = string_field(j, "url");
  return std::nullopt;
}

}  // namespace

void read_jsonl(std::string_view bytes, const std::string& path, const LoadOptions& options, FileLoad& out,
                std::size_t first_line, bool fast) {
  const std::string stem = stem_of(path);
  std::size_t line_start = 0;
  if (first_line == 1 && bytes.substr(0, 3) == "\xEF\xBB\xBF") line_start = 3;
  for (std::size_t number = first_line; line_start < bytes.size(); ++number) {
    std::size_t line_end = bytes.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = bytes.size();
    std::string_view raw = bytes.substr(line_start, line_end - line_start);
    const std::size_t offset = line_start;
    line_start = line_end + 1;
    const std::string where = path + ":" + std::to_string(number);
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto malformed = [&](const std::string& why) {
      out.skipped.push_back(Skip{where, SkipReason::malformed, where + ": " + why});
    };
    LineFields f;
    if (!fast || !is_valid_utf8(raw) || !FlatLine(raw).read(f)) {
      f = LineFields{};
      std::size_t bad = std::string_view::npos;
      const std::string line = sanitize_utf8(raw, &bad);
      if (bad != std::string_view::npos)
        out.warnings.push_back(path + ": invalid UTF-8 at byte " + std::to_string(offset + bad) + " (line " +
                               std::to_string(number) + "), replaced with U+FFFD");
      if (auto why = library_fields(line, f)) {
        malformed(*why);
        continue;
      }
    }
    const bool has_text = f.text.has_value();
    const bool has_html = f.html.has_value();
    if (!has_text && !has_html) {
      malformed("no \"text\" or \"html\" string");
      continue;
    }
    std::string id = std::move(f.id);
    if (id.empty()) id = stem + ":" + std::to_string(number);
    const std::string& url = f.url;
    const std::string source = url.empty() ? where : url;
    Document doc;
    std::optional<FoundDate> found;
    const std::string& published = f.published;
    if (!published.empty() && !options.dct) {
      if (auto i = parse_date_string(published))
        found = FoundDate{*i, "jsonl"};
      else
        out.warnings.push_back(where + ": cannot read \"published\": " + one_line(published.substr(0, 60)));
    }
    if (has_html) {
      HtmlArticle a;
      try {
        a = read_html(*f.html, where, url);
      } catch (const LoadError& e) {
        // One bad article skips its own line, not the rest of the file.
        malformed(std::string("\"html\" is not readable: ") + e.what());
        continue;
      }
      for (auto& w : a.warnings) out.warnings.push_back(std::move(w));
      doc.title = std::move(a.title);
      doc.text = std::move(a.text);
      if (!found) found = a.published;
    } else {
      std::string& text = *f.text;
      // As sanitize_utf8 would leave it: the decoded string is valid UTF-8 but for NUL characters
      // (\u0000) and a leading byte order mark, which it replaces and drops.
      if (text.find('\0') != std::string::npos || text.starts_with("\xEF\xBB\xBF"))
        doc.text = sanitize_utf8(text);
      else
        doc.text = std::move(text);
      doc.title = title_from_first_line(doc.text);
      if (!found && !options.dct && !url.empty())
        if (auto i = date_from_url(url)) found = FoundDate{*i, "url"};
      if (!found && !options.dct) found = date_from_byline(doc.text);
    }
    if (!f.title.empty()) doc.title = std::move(f.title);
    doc.id = std::move(id);
    doc.source = source;
    settle_date(doc, found, options);
    out.documents.push_back(std::move(doc));
  }
}

}  // namespace timeliner::load_detail

namespace timeliner {

void load_jsonl_line(std::string_view line, const std::string& path, std::size_t number, const LoadOptions& options,
                     FileLoad& out) {
  load_detail::read_jsonl(line, path, options, out, number);
}

}  // namespace timeliner
