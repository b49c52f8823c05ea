#include <timeliner/text.hpp>
#include <timeliner/timeml.hpp>

#include <algorithm>
#include <map>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace timeliner {
namespace {

std::string attribute(std::string_view tag, std::string_view name) {
  std::size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool starts = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    std::size_t p = pos + name.size();
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (starts && p < tag.size() && tag[p] == '=') {
      ++p;
      while (p < tag.size() && tag[p] == ' ') ++p;
      if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
        const char q = tag[p];
        const std::size_t e = tag.find(q, p + 1);
        if (e == std::string_view::npos) return {};
        return std::string(tag.substr(p + 1, e - p - 1));
      }
    }
    pos += name.size();
  }
  return {};
}

// Decodes the XML entity at s[i] ('&'); returns its UTF-8 text and sets `len`, or "" when unknown.
std::string entity(std::string_view s, std::size_t i, std::size_t& len) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return {};
  const std::string_view name = s.substr(i + 1, semi - i - 1);
  len = semi - i + 1;
  if (name == "amp") return "&";
  if (name == "lt") return "<";
  if (name == "gt") return ">";
  if (name == "quot") return "\"";
  if (name == "apos") return "'";
  if (!name.empty() && name[0] == '#') {
    unsigned long cp = 0;
    try {
      cp = name.size() > 1 && (name[1] == 'x' || name[1] == 'X') ? std::stoul(std::string(name.substr(2)), nullptr, 16)
                                                                 : std::stoul(std::string(name.substr(1)));
    } catch (const std::exception&) {
      return {};
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return "\xEF\xBF\xBD";
    std::string out;
    append_utf8(out, static_cast<char32_t>(cp));
    return out;
  }
  return {};
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

}  // namespace

TimemlDocument read_timeml(std::string_view raw_in, std::string id, std::string source) {
  TimemlDocument t;
  t.raw = sanitize_utf8(raw_in);
  const std::string_view raw = t.raw;
  const std::string name = source;  // `source` is moved into the document below
  auto fail = [&name](const std::string& why) { throw std::runtime_error(name + ": " + why); };

  const std::size_t open = raw.find("<TEXT>");
  if (open == std::string_view::npos) fail("not TimeML: no <TEXT> element");
  t.text_open = open + 6;
  t.text_close = raw.find("</TEXT>", t.text_open);
  if (t.text_close == std::string_view::npos) fail("<TEXT> is not closed");

  // Creation time: the TIMEX3 inside <DCT>, else one with functionInDocument="CREATION_TIME".
  // Both are looked for outside <TEXT>: a TIMEX3 of the text is not the creation time.
  auto outside_text = [&](std::string_view needle, std::size_t from) {
    std::size_t p = raw.find(needle, from);
    if (p != std::string_view::npos && p >= t.text_open && p < t.text_close) p = raw.find(needle, t.text_close);
    return p;
  };
  std::size_t dct = outside_text("<DCT>", 0);
  std::size_t tag_at = dct != std::string_view::npos ? outside_text("<TIMEX3", dct) : outside_text("CREATION_TIME", 0);
  if (tag_at != std::string_view::npos) {
    const std::size_t b = raw.rfind('<', tag_at);
    const std::size_t e = raw.find('>', tag_at);
    const bool crosses_text = tag_at < t.text_open && e != std::string_view::npos && e >= t.text_open;
    if (b != std::string_view::npos && e != std::string_view::npos && !crosses_text) {
      std::string value = attribute(raw.substr(b, e - b), "value");
      // "19980108", "1998-01-08", "1998-01-08T18:30:00"
      if (value.size() == 8 && value.find('-') == std::string::npos)
        value = value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
      if (value.size() > 16) value = value.substr(0, 16);
      if (auto i = parse_instant(value))
        t.document.published = i;
      else if (auto d = parse_instant(value.substr(0, 10)))
        t.document.published = d;
    }
  }
  t.document.published_from = "timeml";
  t.document.id = std::move(id);
  t.document.source = std::move(source);

  // Walk the TEXT content: drop tags, decode entities, remember TIMEX3 spans.
  const std::string_view content = raw.substr(t.text_open, t.text_close - t.text_open);
  std::string& text = t.document.text;
  struct Open {
    std::size_t begin;
    GoldTimex timex;
  };
  std::vector<Open> stack;
  std::vector<GoldEvent> event_stack;
  for (std::size_t i = 0; i < content.size();) {
    const char c = content[i];
    if (c == '<') {
      const std::size_t e = content.find('>', i);
      if (e == std::string_view::npos) fail("unclosed tag in <TEXT>");
      const std::string_view tag = content.substr(i, e - i + 1);
      if (tag.substr(0, 7) == "<TIMEX3") {
        GoldTimex g;
        g.tid = attribute(tag, "tid");
        g.type = attribute(tag, "type");
        g.value = attribute(tag, "value");
        g.mod = attribute(tag, "mod");
        if (tag.size() >= 2 && tag[tag.size() - 2] == '/') {
          g.begin = g.end = text.size();
          t.timexes.push_back(g);
        } else {
          stack.push_back({text.size(), g});
        }
      } else if (tag.substr(0, 7) == "<EVENT " && tag[tag.size() - 2] != '/') {
        event_stack.push_back(GoldEvent{text.size(), 0, attribute(tag, "eid")});
      } else if (tag.substr(0, 8) == "</EVENT>") {
        if (event_stack.empty()) fail("</EVENT> without <EVENT>");
        GoldEvent g = std::move(event_stack.back());
        event_stack.pop_back();
        g.end = text.size();
        t.events.push_back(std::move(g));
      } else if (tag.substr(0, 9) == "</TIMEX3>") {
        if (stack.empty()) fail("</TIMEX3> without <TIMEX3>");
        Open o = std::move(stack.back());
        stack.pop_back();
        o.timex.begin = o.begin;
        o.timex.end = text.size();
        o.timex.text = text.substr(o.begin);
        t.timexes.push_back(std::move(o.timex));
      }
      i = e + 1;
      continue;
    }
    if (c == '&') {
      std::size_t len = 0;
      std::string decoded = entity(content, i, len);
      if (!decoded.empty()) {
        for (std::size_t k = 0; k < decoded.size(); ++k) t.raw_of.push_back(t.stripped.size());
        text += decoded;
        t.stripped.append(content.substr(i, len));
        i += len;
        continue;
      }
      // A bare '&' (not an entity) is written back escaped: once the tags around it are gone it
      // could otherwise join the text after them into an entity ("&#6<TIMEX3 ...>;").
      t.raw_of.push_back(t.stripped.size());
      text += '&';
      t.stripped += "&amp;";
      ++i;
      continue;
    }
    t.raw_of.push_back(t.stripped.size());
    text += c;
    t.stripped += c;
    ++i;
  }
  t.raw_of.push_back(t.stripped.size());
  if (!stack.empty()) fail("<TIMEX3> is not closed");
  std::sort(t.timexes.begin(), t.timexes.end(),
            [](const GoldTimex& a, const GoldTimex& b) { return a.begin < b.begin; });
  std::sort(t.events.begin(), t.events.end(), [](const GoldEvent& a, const GoldEvent& b) { return a.begin < b.begin; });

  // After <TEXT>: the instances of the events, and the links of an event and a timex.
  std::map<std::string, std::string, std::less<>> event_of;  // eiid -> eid
  auto each_tag = [&](std::string_view element, auto&& f) {
    for (std::size_t p = raw.find(element, t.text_close); p != std::string_view::npos; p = raw.find(element, p + 1)) {
      const std::size_t e = raw.find('>', p);
      if (e == std::string_view::npos) return;
      f(raw.substr(p, e - p + 1));
    }
  };
  each_tag("<MAKEINSTANCE", [&](std::string_view tag) { event_of[attribute(tag, "eiid")] = attribute(tag, "eventID"); });
  each_tag("<TLINK", [&](std::string_view tag) {
    std::string eiid = attribute(tag, "eventInstanceID"), tid = attribute(tag, "relatedToTime");
    if (eiid.empty() || tid.empty()) {
      eiid = attribute(tag, "relatedToEventInstance");
      tid = attribute(tag, "timeID");
    }
    if (eiid.empty() || tid.empty()) return;
    const auto it = event_of.find(eiid);
    if (it != event_of.end()) t.event_time_links.push_back(GoldEventTimeLink{it->second, tid});
  });
  return t;
}

std::string write_timeml(const TimemlDocument& doc, const std::vector<Mention>& mentions) {
  std::string out(doc.raw.substr(0, doc.text_open));
  std::size_t pos = 0;  // in doc.stripped
  int tid = 0;
  for (const Mention& m : mentions) {
    const std::size_t b = doc.raw_of.at(m.begin);
    const std::size_t e = doc.raw_of.at(m.end);
    if (b < pos) continue;  // overlapping mentions cannot both be written
    out.append(doc.stripped, pos, b - pos);
    out += "<TIMEX3 tid=\"t" + std::to_string(++tid) + "\" type=\"" + std::string(to_string(m.value.type)) +
           "\" value=\"" + xml_escape(m.value.timex) + "\"";
    if (m.value.mod != Mod::none) out += " mod=\"" + std::string(to_string(m.value.mod)) + "\"";
    if (!m.value.freq.empty()) out += " freq=\"" + xml_escape(m.value.freq) + "\"";
    out += ">";
    out.append(doc.stripped, b, e - b);
    out += "</TIMEX3>";
    pos = e;
  }
  out.append(doc.stripped, pos, std::string::npos);
  out.append(doc.raw, doc.text_close, std::string::npos);
  return out;
}

std::vector<std::string> find_timeml_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path().string());
  if (ec) throw std::runtime_error(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace timeliner
