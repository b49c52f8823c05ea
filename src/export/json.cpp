#include "export/event_json.hpp"

#include <timeliner/json.hpp>
#include <timeliner/text.hpp>
#include <timeliner/version.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace timeliner {
namespace {

using ojson = nlohmann::ordered_json;

constexpr auto kReplaceInvalid = nlohmann::json::error_handler_t::replace;

ojson date_json(const TemporalValue& v) {
  ojson d;
  d["value"] = v.timex;
  d["type"] = std::string(to_string(v.type));
  d["granularity"] = std::string(to_string(v.grain));
  d["earliest"] = format_day(v.bounds->earliest);
  d["latest"] = format_day(v.bounds->latest);
  if (v.mod != Mod::none) d["mod"] = std::string(to_string(v.mod));
  d["anchor"] = std::string(to_string(v.anchor));
  return d;
}

const ojson& field(const ojson& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key))
    throw std::runtime_error(std::string("timeline: missing field \"") + key + "\"");
  return obj.at(key);
}

std::string text_field(const ojson& obj, const char* key) {
  const ojson& v = field(obj, key);
  if (!v.is_string()) throw std::runtime_error(std::string("timeline: field \"") + key + "\" is not a string");
  return v.get<std::string>();
}

std::size_t count_field(const ojson& obj, const char* key) {
  const ojson& v = field(obj, key);
  if (!v.is_number_unsigned()) throw std::runtime_error(std::string("timeline: field \"") + key + "\" is not a count");
  return v.get<std::size_t>();
}

date::sys_days day_field(const ojson& obj, const char* key) {
  auto i = parse_instant(text_field(obj, key));
  if (!i || i->time_of_day)
    throw std::runtime_error(std::string("timeline: field \"") + key + "\" is not a YYYY-MM-DD day");
  return i->day;
}

template <typename T>
T enum_field(const ojson& obj, const char* key, std::optional<T> (*parse)(std::string_view)) {
  auto v = parse(text_field(obj, key));
  if (!v) throw std::runtime_error(std::string("timeline: field \"") + key + "\" has an unknown value");
  return *v;
}

double importance_field(const ojson& obj, const std::string& what) {
  const ojson& v = field(obj, "importance");
  if (!v.is_number() || !(v.get<double>() >= 0.0 && v.get<double>() <= 1.0))
    throw std::runtime_error("timeline: importance of " + what + " is not a number from 0 to 1");
  return v.get<double>();
}

std::string format_fingerprint(std::uint64_t f) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, f >>= 4) out[static_cast<std::size_t>(i)] = kHex[f & 0xF];
  return out;
}

std::optional<std::uint64_t> parse_fingerprint(const std::string& s) {
  if (s.size() != 16) return std::nullopt;
  std::uint64_t f = 0;
  for (char c : s) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return std::nullopt;
    f = f << 4 | static_cast<std::uint64_t>(d);
  }
  return f;
}

bool same_date(const TemporalValue& a, const TemporalValue& b) {
  return a.timex == b.timex && a.type == b.type && a.grain == b.grain && a.bounds == b.bounds && a.mod == b.mod &&
         a.anchor == b.anchor;
}

// Words as code points, [{"start", "end"}]: shared predicates.
ojson spans_json(const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  ojson out = ojson::array();
  for (const auto& [start, end] : spans) out.push_back(ojson{{"start", start}, {"end", end}});
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> spans_field(const ojson& list) {
  if (!list.is_array()) throw std::runtime_error("timeline: shared_predicates must be an array");
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& j : list) out.emplace_back(count_field(j, "start"), count_field(j, "end"));
  return out;
}

// The predicate that governs an expression and those it shares (an EventMention's or an
// Annotation's), written only when the parse gave them; read back from timelines written by
// versions that parse (predicate_start and predicate_end both or neither).
template <typename T>
void put_predicates(ojson& j, const T& x) {
  if (x.predicate_start && x.predicate_end) {
    j["predicate_start"] = *x.predicate_start;
    j["predicate_end"] = *x.predicate_end;
  }
  if (!x.shared_predicates.empty()) j["shared_predicates"] = spans_json(x.shared_predicates);
}

template <typename T>
void get_predicates(const ojson& j, T& x) {
  if (j.contains("predicate_start") || j.contains("predicate_end")) {
    x.predicate_start = count_field(j, "predicate_start");
    x.predicate_end = count_field(j, "predicate_end");
  }
  if (j.contains("shared_predicates")) x.shared_predicates = spans_field(j.at("shared_predicates"));
}

ojson annotations_json(const std::vector<Annotation>& list) {
  ojson out = ojson::array();
  for (const auto& a : list) {
    ojson j;
    j["text"] = a.text;
    j["value"] = a.value;
    if (!a.freq.empty()) j["freq"] = a.freq;
    if (!a.doc.empty()) {
      j["doc"] = a.doc;
      j["start"] = a.start;
      j["end"] = a.end;
    }
    put_predicates(j, a);
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<Annotation> annotations_field(const ojson& je, const char* key) {
  std::vector<Annotation> out;
  if (!je.contains(key)) return out;
  const ojson& list = je.at(key);
  if (!list.is_array()) throw std::runtime_error(std::string("timeline: field \"") + key + "\" is not an array");
  for (const auto& j : list) {
    Annotation a;
    a.text = text_field(j, "text");
    a.value = text_field(j, "value");
    if (j.contains("freq")) a.freq = text_field(j, "freq");
    // Written by versions that record where it was read and what governs it.
    if (j.contains("doc")) {
      a.doc = text_field(j, "doc");
      a.start = count_field(j, "start");
      a.end = count_field(j, "end");
    }
    get_predicates(j, a);
    out.push_back(std::move(a));
  }
  return out;
}

TemporalValue date_from_json(const ojson& jdate, const std::string& id) {
  TemporalValue v;
  v.timex = text_field(jdate, "value");
  v.type = enum_field<TimexType>(jdate, "type", parse_timex_type);
  v.grain = enum_field<Grain>(jdate, "granularity", parse_grain);
  v.bounds = Interval{day_field(jdate, "earliest"), day_field(jdate, "latest")};
  if (v.bounds->earliest > v.bounds->latest)
    throw std::runtime_error("timeline: event " + id + " ends before it starts");
  if (jdate.contains("mod")) v.mod = enum_field<Mod>(jdate, "mod", parse_mod);
  v.anchor = enum_field<AnchorKind>(jdate, "anchor", parse_anchor);
  return v;
}

}  // namespace

ojson event_json(const Event& e) {
  ojson je;
  je["id"] = e.id;
  je["kind"] = e.kind == EventKind::published ? "published" : "event";
  je["date"] = date_json(e.date);
  je["importance"] = e.importance;
  je["headline"] = e.headline;
  je["text"] = e.text;
  if (!e.durations.empty()) je["durations"] = annotations_json(e.durations);
  if (!e.sets.empty()) je["sets"] = annotations_json(e.sets);
  if (!e.references.empty()) je["references"] = annotations_json(e.references);
  ojson ms = ojson::array();
  for (const auto& m : e.mentions) {
    ojson jm;
    jm["doc"] = m.doc;
    jm["start"] = m.start;
    jm["end"] = m.end;
    jm["timex"] = m.timex;
    jm["timex_start"] = m.timex_start;
    jm["timex_end"] = m.timex_end;
    put_predicates(jm, m);
    // What this mention said itself, when it differs from the event it was merged into.
    if (m.date.bounds && !same_date(m.date, e.date)) jm["date"] = date_json(m.date);
    if (m.headline != e.headline) jm["headline"] = m.headline;
    if (m.text != e.text) jm["text"] = m.text;
    ms.push_back(std::move(jm));
  }
  je["mentions"] = std::move(ms);
  return je;
}

namespace {

// Writes extract's line into room reserved beforehand (LineWriter::bound): one size check a line
// instead of one a piece.
class LineWriter {
 public:
  explicit LineWriter(char* at) : p_(at) {}
  char* end() const { return p_; }

  // The most bytes a line can take: the field names, numbers and days (well under 400 bytes), and
  // each string byte escaped at worst as \u00xx (6 bytes; an invalid byte's U+FFFD takes 3).
  static std::size_t bound(std::size_t string_bytes) { return 400 + 6 * string_bytes; }

  template <std::size_t N>
  void raw(const char (&literal)[N]) {
    std::memcpy(p_, literal, N - 1);
    p_ += N - 1;
  }
  void raw(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }

  // A string as a JSON string, byte for byte as the JSON library writes it without ensure_ascii and
  // with invalid UTF-8 replaced: '"', '\\' and the control characters below U+0020 escaped (\b \f
  // \n \r \t short, others \u00xx), each invalid sequence (its longest valid beginning, or one
  // byte) as U+FFFD, everything else as it is.
  void string(std::string_view s) {
    *p_++ = '"';
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
      // Eight bytes at a time while none is non-ASCII, below U+0020, '"' or '\\'.
      while (i + 8 <= n) {
        std::uint64_t v;
        std::memcpy(&v, s.data() + i, 8);
        constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
        const std::uint64_t quote = v ^ (kOnes * '"'), slash = v ^ (kOnes * '\\');
        const std::uint64_t care =
            (v | (v - kOnes * 0x20) | ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash)) & kHighs;
        if (care != 0) break;
        std::memcpy(p_, &v, 8);
        p_ += 8;
        i += 8;
      }
      if (i >= n) break;
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const Utf8Sequence q = utf8_sequence_at(s, i);
        if (q.valid)
          raw(s.substr(i, q.length));
        else
          raw("\xEF\xBF\xBD");
        i += q.length;
        continue;
      }
      ++i;
      if (c >= 0x20 && c != '"' && c != '\\') {
        *p_++ = static_cast<char>(c);
        continue;
      }
      *p_++ = '\\';
      switch (c) {
        case '"':
        case '\\':
          *p_++ = static_cast<char>(c);
          break;
        case '\b':
          *p_++ = 'b';
          break;
        case '\f':
          *p_++ = 'f';
          break;
        case '\n':
          *p_++ = 'n';
          break;
        case '\r':
          *p_++ = 'r';
          break;
        case '\t':
          *p_++ = 't';
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          raw("u00");
          *p_++ = kHex[c >> 4];
          *p_++ = kHex[c & 0xF];
        }
      }
    }
    *p_++ = '"';
  }

  void number(std::size_t n) {
    char buf[24];
    std::size_t k = sizeof buf;
    do {
      buf[--k] = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n != 0);
    raw(std::string_view(buf + k, sizeof buf - k));
  }

  void day(date::sys_days d) {
    const date::year_month_day ymd{d};
    const int y = int(ymd.year());
    if (y < 0 || y > 9999) {  // "-0044-03-15", "+10000-01-01": the common form's rare cases
      *p_++ = '"';
      raw(format_day(d));
      *p_++ = '"';
      return;
    }
    const unsigned mo = unsigned(ymd.month()), da = unsigned(ymd.day());
    const char buf[12] = {'"',
                          static_cast<char>('0' + y / 1000),
                          static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10),
                          static_cast<char>('0' + y % 10),
                          '-',
                          static_cast<char>('0' + mo / 10),
                          static_cast<char>('0' + mo % 10),
                          '-',
                          static_cast<char>('0' + da / 10),
                          static_cast<char>('0' + da % 10),
                          '"'};
    raw(std::string_view(buf, sizeof buf));
  }

 private:
  char* p_;
};

}  // namespace

void append_mention_json_line(std::string& out, const std::string& doc_id, const Mention& m) {
  const TemporalValue& v = m.value;
  const std::size_t start = out.size();
  const std::size_t names =
      to_string(v.type).size() + to_string(v.mod).size() + to_string(v.grain).size() + to_string(v.anchor).size();
  out.resize(start +
             LineWriter::bound(doc_id.size() + m.text.size() + v.timex.size() + v.freq.size() + m.rule.size() + names));
  LineWriter w(out.data() + start);
  w.raw("{\"doc\":");
  w.string(doc_id);
  w.raw(",\"text\":");
  w.string(m.text);
  w.raw(",\"start\":");
  w.number(m.cp_begin);
  w.raw(",\"end\":");
  w.number(m.cp_end);
  w.raw(",\"type\":");
  w.string(to_string(v.type));
  w.raw(",\"value\":");
  w.string(v.timex);
  w.raw(",\"mod\":");
  if (v.mod == Mod::none)
    w.raw("null");
  else
    w.string(to_string(v.mod));
  w.raw(",\"granularity\":");
  w.string(to_string(v.grain));
  w.raw(",\"earliest\":");
  if (v.bounds)
    w.day(v.bounds->earliest);
  else
    w.raw("null");
  w.raw(",\"latest\":");
  if (v.bounds)
    w.day(v.bounds->latest);
  else
    w.raw("null");
  w.raw(",\"anchor\":");
  w.string(to_string(v.anchor));
  if (!v.freq.empty()) {
    w.raw(",\"freq\":");
    w.string(v.freq);
  }
  w.raw(",\"rule\":");
  w.string(m.rule);
  w.raw("}");
  out.resize(static_cast<std::size_t>(w.end() - out.data()));
}

std::string mention_to_json_line(const std::string& doc_id, const Mention& m) {
  std::string out;
  append_mention_json_line(out, doc_id, m);
  return out;
}

std::string timeline_to_json(const Timeline& t) {
  ojson root;
  root["schema"] = kTimelineSchema;
  root["generator"] = std::string("timeliner ") + kVersion;
  ojson docs = ojson::array();
  for (const auto& d : t.documents) {
    ojson jd;
    jd["id"] = d.id;
    jd["title"] = d.title;
    jd["source"] = d.source;
    jd["published"] = d.published ? format_instant(*d.published) : "";
    jd["published_from"] = d.published_from;
    if (!d.published) jd.erase("published");
    docs.push_back(std::move(jd));
  }
  root["documents"] = std::move(docs);
  if (!t.key_dates.empty()) {
    ojson keys = ojson::array();
    for (const auto& k : t.key_dates) {
      ojson jk;
      jk["date"] = format_day(k.day);
      jk["importance"] = k.importance;
      ojson sentences = ojson::array();
      for (const auto& s : k.sentences) {
        ojson js;
        js["text"] = s.text;
        js["doc"] = s.doc;
        js["start"] = s.start;
        js["end"] = s.end;
        sentences.push_back(std::move(js));
      }
      jk["sentences"] = std::move(sentences);
      jk["events"] = k.events;
      keys.push_back(std::move(jk));
    }
    root["key_dates"] = std::move(keys);
  }
  if (!t.boilerplate.empty()) {
    ojson prints = ojson::array();
    for (const std::uint64_t f : t.boilerplate) prints.push_back(format_fingerprint(f));
    root["boilerplate"] = std::move(prints);
  }
  root["events"] = ojson::array();
  // The same bytes as dumping the whole tree, built one event at a time: a timeline of a million
  // events never exists as one JSON tree (several times the size of its text) in memory.
  std::string out = root.dump(2, ' ', false, kReplaceInvalid);
  if (t.events.empty()) return out + "\n";
  constexpr std::string_view empty_tail = "[]\n}";
  out.resize(out.size() - empty_tail.size());
  out += "[\n";
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const std::string e = event_json(t.events[i]).dump(2, ' ', false, kReplaceInvalid);
    // Indented two levels deeper; JSON strings hold no raw newline, so lines are the dump's own.
    out += "    ";
    for (char c : e) {
      out += c;
      if (c == '\n') out += "    ";
    }
    out += i + 1 < t.events.size() ? ",\n" : "\n";
  }
  out += "  ]\n}\n";
  return out;
}

namespace {
Timeline read_timeline(const std::string& json_text);
}

Timeline timeline_from_json(const std::string& json_text) {
  try {
    return read_timeline(json_text);
  } catch (const nlohmann::json::exception& e) {
    // A value of the wrong kind or range deep inside: still a malformed timeline, one clear error.
    throw std::runtime_error(std::string("timeline: malformed: ") + e.what());
  }
}

namespace {
Timeline read_timeline(const std::string& json_text) {
  ojson root;
  try {
    root = ojson::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(std::string("timeline: not valid JSON: ") + e.what());
  }
  if (text_field(root, "schema") != kTimelineSchema)
    throw std::runtime_error(std::string("timeline: schema is not ") + kTimelineSchema);
  Timeline t;
  const ojson& docs = field(root, "documents");
  const ojson& events = field(root, "events");
  if (!docs.is_array() || !events.is_array()) throw std::runtime_error("timeline: documents and events must be arrays");
  for (const auto& jd : docs) {
    Document d;
    d.id = text_field(jd, "id");
    d.title = text_field(jd, "title");
    d.source = text_field(jd, "source");
    d.published_from = text_field(jd, "published_from");
    if (jd.contains("published")) {
      d.published = parse_instant(text_field(jd, "published"));
      if (!d.published) throw std::runtime_error("timeline: document " + d.id + " has an invalid published date");
    }
    t.documents.push_back(std::move(d));
  }
  for (const auto& je : events) {
    Event e;
    e.id = text_field(je, "id");
    if (je.contains("kind")) e.kind = text_field(je, "kind") == "published" ? EventKind::published : EventKind::event;
    e.date = date_from_json(field(je, "date"), e.id);
    if (je.contains("importance")) e.importance = importance_field(je, e.id);
    e.headline = text_field(je, "headline");
    e.text = text_field(je, "text");
    e.durations = annotations_field(je, "durations");
    e.sets = annotations_field(je, "sets");
    e.references = annotations_field(je, "references");
    const ojson& ms = field(je, "mentions");
    if (!ms.is_array() || ms.empty()) throw std::runtime_error("timeline: event " + e.id + " has no mentions");
    for (const auto& jm : ms) {
      EventMention m;
      m.doc = text_field(jm, "doc");
      m.start = count_field(jm, "start");
      m.end = count_field(jm, "end");
      m.timex = text_field(jm, "timex");
      m.timex_start = count_field(jm, "timex_start");
      m.timex_end = count_field(jm, "timex_end");
      get_predicates(jm, m);
      m.date = jm.contains("date") ? date_from_json(jm.at("date"), e.id) : e.date;
      m.headline = jm.contains("headline") ? text_field(jm, "headline") : e.headline;
      m.text = jm.contains("text") ? text_field(jm, "text") : e.text;
      e.mentions.push_back(std::move(m));
    }
    t.events.push_back(std::move(e));
  }
  // Additions of later versions: absent from older files.
  if (root.contains("key_dates")) {
    const ojson& keys = root.at("key_dates");
    if (!keys.is_array()) throw std::runtime_error("timeline: key_dates must be an array");
    for (const auto& jk : keys) {
      KeyDate k;
      k.day = day_field(jk, "date");
      if (jk.contains("importance")) k.importance = importance_field(jk, format_day(k.day));
      const ojson& sentences = field(jk, "sentences");
      if (!sentences.is_array()) throw std::runtime_error("timeline: key date sentences must be an array");
      for (const auto& js : sentences) {
        KeySentence ks;
        ks.text = text_field(js, "text");
        ks.doc = text_field(js, "doc");
        ks.start = count_field(js, "start");
        ks.end = count_field(js, "end");
        k.sentences.push_back(std::move(ks));
      }
      if (jk.contains("events")) {
        const ojson& ids = jk.at("events");
        if (!ids.is_array()) throw std::runtime_error("timeline: key date events must be an array");
        for (const auto& id : ids) {
          if (!id.is_string()) throw std::runtime_error("timeline: key date events must be event ids");
          k.events.push_back(id.get<std::string>());
        }
      }
      t.key_dates.push_back(std::move(k));
    }
  }
  if (root.contains("boilerplate")) {
    const ojson& prints = root.at("boilerplate");
    if (!prints.is_array()) throw std::runtime_error("timeline: boilerplate must be an array");
    for (const auto& p : prints) {
      const auto f = p.is_string() ? parse_fingerprint(p.get<std::string>()) : std::nullopt;
      if (!f) throw std::runtime_error("timeline: boilerplate holds something other than 16 hex digits");
      t.boilerplate.push_back(*f);
    }
    std::sort(t.boilerplate.begin(), t.boilerplate.end());
    t.boilerplate.erase(std::unique(t.boilerplate.begin(), t.boilerplate.end()), t.boilerplate.end());
  }
  return t;
}

}  // namespace

}  // namespace timeliner
