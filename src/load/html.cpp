// HTML pages: the article's title and body text, and its publication date from the page's metadata.
#include <timeliner/load.hpp>
#include <timeliner/text.hpp>

#include "libxml.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

namespace timeliner {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Windows-1252 (which browsers also use for pages labelled ISO-8859-1) to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes) {
  static constexpr std::array<std::uint16_t, 32> high = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b == 0)
      append_utf8(out, 0xFFFD);
    else if (b >= 0x80 && b < 0xA0)
      append_utf8(out, high[b - 0x80]);
    else
      append_utf8(out, b);
  }
  return out;
}

// The charset a page declares: a BOM, else <meta charset> or http-equiv content in its first 4 KB.
std::string declared_charset(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  const std::string head = lower(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t p = pos;
    while (p < head.size() && (head[p] == ' ' || head[p] == '\t')) ++p;
    if (p >= head.size() || head[p] != '=') continue;
    ++p;
    while (p < head.size() && (head[p] == ' ' || head[p] == '"' || head[p] == '\'')) ++p;
    std::size_t e = p;
    while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_' ||
                               head[e] == ':' || head[e] == '.'))
      ++e;
    if (e > p) return head.substr(p, e - p);
  }
  return {};
}

bool is_windows1252_label(const std::string& cs) {
  return cs == "windows-1252" || cs == "cp1252" || cs == "iso-8859-1" || cs == "iso8859-1" || cs == "latin1" ||
         cs == "latin-1" || cs == "l1" || cs == "iso_8859-1" || cs == "us-ascii" || cs == "ascii" || cs == "x-cp1252";
}

std::string_view name_of(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

const xmlAttr* find_attr(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (a->name && lower(reinterpret_cast<const char*>(a->name)) == name) return a;
  return nullptr;
}

bool has_attr(const xmlNode* n, std::string_view name) { return find_attr(n, name) != nullptr; }

std::string attr(const xmlNode* n, std::string_view name) {
  const xmlAttr* a = find_attr(n, name);
  if (!a) return {};
  const xml::Functions& lib = xml::functions();
  xmlChar* v = lib.node_list_string(n->doc, a->children, 1);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  lib.free(v);
  return s;
}

std::string collapse(std::string_view s);

// The text inside an element, whitespace collapsed.
std::string text_of(const xmlNode* n) {
  const xml::Functions& lib = xml::functions();
  xmlChar* v = lib.node_content(n);
  std::string raw = v ? reinterpret_cast<const char*>(v) : "";
  lib.free(v);
  return collapse(raw);
}

// Visits the tree under `root` without recursion. `enter(node)` returns whether to descend;
// `leave(node)` is called for every entered node once its subtree is done.
template <class Enter, class Leave>
void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  if (!root) return;
  xmlNode* n = root;
  for (;;) {
    if (enter(n) && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      leave(n);
      if (n == root) return;
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

// Class and id words that mark advertising, sharing, related links, comments and the like:
// distinctive words anywhere in a class name, short ones only as a whole part ("ad-slot", "top_ad").
bool boilerplate_word(const std::string& w) {
  for (std::string_view k :
       {"advert", "sponsor", "newsletter", "outbrain", "taboola", "cookie", "paywall", "breadcrumb", "related",
        "adsbygoogle", "masthead", "site-header", "site-footer", "navbar", "most-read", "most-popular"})
    if (w.find(k) != std::string::npos) return true;
  static constexpr std::array<std::string_view, 18> parts = {
      "ad",     "ads",     "adslot",   "promo", "promos",  "promoted",  "share",    "sharing",     "shares",
      "social", "comment", "comments", "menu",  "sidebar", "subscribe", "trending", "recommended", "popular"};
  std::size_t b = 0;
  while (b <= w.size()) {
    std::size_t e = w.find_first_of("-_", b);
    if (e == std::string::npos) e = w.size();
    if (std::find(parts.begin(), parts.end(), std::string_view(w).substr(b, e - b)) != parts.end()) return true;
    b = e + 1;
  }
  return false;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

bool any_word(const xmlNode* n, bool (*pred)(const std::string&)) {
  for (const char* a : {"class", "id"})
    for (const auto& w : words_of(attr(n, a)))
      if (pred(w)) return true;
  return false;
}

// An element whose content is not part of the article: scripts, navigation, footers, ads...
bool is_dropped(const xmlNode* n, bool by_class = true) {
  const std::string_view name = name_of(n);
  static constexpr std::array<std::string_view, 20> tags = {
      "script", "style",  "noscript", "nav",    "footer", "aside",  "form",     "iframe", "svg",  "button",
      "select", "option", "template", "object", "embed",  "canvas", "textarea", "dialog", "menu", "head"};
  if (std::find(tags.begin(), tags.end(), name) != tags.end()) return true;
  const std::string role = lower(attr(n, "role"));
  if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" || role == "menu" ||
      role == "search")
    return true;
  if (has_attr(n, "hidden") || lower(attr(n, "aria-hidden")) == "true") return true;
  std::string style = lower(attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  if (name == "header") {
    // A site header: menus rather than the article's headline and byline.
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_element(c) && (name_of(c) == "nav" || name_of(c) == "ul" || name_of(c) == "menu")) return true;
  }
  return by_class && any_word(n, boilerplate_word);
}

bool byline_word(const std::string& w) {
  for (std::string_view k :
       {"byline", "dateline", "meta", "date", "publish", "posted", "timestamp", "credit", "author", "header", "info"})
    if (w.find(k) != std::string::npos) return true;
  return false;
}

bool updated_word(const std::string& w) {
  for (std::string_view k : {"updat", "modif", "revis", "edited"})
    if (w.find(k) != std::string::npos) return true;
  return false;
}

bool has_token(const std::string& list, std::string_view token) {
  for (const auto& w : words_of(list))
    if (w == token) return true;
  return false;
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 36> blocks = {
      "address",    "article", "aside",  "blockquote", "dd",   "div", "dl",      "dt",      "fieldset",
      "figcaption", "figure",  "footer", "form",       "h1",   "h2",  "h3",      "h4",      "h5",
      "h6",         "header",  "hr",     "li",         "main", "nav", "ol",      "p",       "pre",
      "section",    "table",   "tr",     "td",         "th",   "ul",  "details", "summary", "body"};
  return std::find(blocks.begin(), blocks.end(), name) != blocks.end();
}

// Article text: block elements become paragraphs separated by blank lines, <br> a line break.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        space_ = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // no-break space
        space_ = true;
        ++i;
        continue;
      }
      if (!out_.empty()) {
        if (pending_ == 2)
          out_ += "\n\n";
        else if (pending_ == 1)
          out_ += '\n';
        else if (space_)
          out_ += ' ';
      }
      pending_ = 0;
      space_ = false;
      out_ += c;
    }
  }
  void line_break() { pending_ = std::max(pending_, 1); }
  void paragraph_break() { pending_ = 2; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int pending_ = 0;
  bool space_ = false;
};

enum Flags : std::uint8_t { kDropped = 1, kHeader = 2, kByline = 4, kUpdated = 8 };

constexpr std::array<std::string_view, 16> kArticleTypes = {"NewsArticle",
                                                            "Article",
                                                            "ReportageNews",
                                                            "BlogPosting",
                                                            "LiveBlogPosting",
                                                            "AnalysisNewsArticle",
                                                            "OpinionNewsArticle",
                                                            "BackgroundNewsArticle",
                                                            "ReviewNewsArticle",
                                                            "AskPublicNewsArticle",
                                                            "TechArticle",
                                                            "ScholarlyArticle",
                                                            "SatiricalArticle",
                                                            "SocialMediaPosting",
                                                            "Report",
                                                            "ReportageNewsArticle"};

bool article_type(const nlohmann::json& t) {
  auto one = [](const nlohmann::json& v) {
    if (!v.is_string()) return false;
    std::string s = v.get<std::string>();
    if (const auto p = s.find_last_of("/:"); p != std::string::npos) s = s.substr(p + 1);
    return std::find(kArticleTypes.begin(), kArticleTypes.end(), s) != kArticleTypes.end();
  };
  if (t.is_array()) return std::any_of(t.begin(), t.end(), one);
  return one(t);
}

// datePublished of the first article object in a JSON-LD block (top level, arrays, @graph, nested).
std::optional<Instant> json_ld_published(std::string_view script) {
  std::string_view s = trim(script);
  if (s.starts_with("<!--")) s.remove_prefix(4);
  if (s.ends_with("-->")) s.remove_suffix(3);
  if (s.starts_with("<![CDATA[")) s.remove_prefix(9);
  if (s.ends_with("]]>")) s.remove_suffix(3);
  const auto j = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (j.is_discarded()) return std::nullopt;
  std::vector<const nlohmann::json*> stack{&j};
  while (!stack.empty()) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_object()) {
      if (auto t = v->find("@type"); t != v->end() && article_type(*t)) {
        if (auto d = v->find("datePublished"); d != v->end()) {
          const nlohmann::json* dv = &*d;
          if (dv->is_array() && !dv->empty()) dv = &dv->front();
          if (dv->is_string())
            if (auto i = parse_date_string(dv->get<std::string>())) return i;
        }
      }
    }
    if (v->is_object() || v->is_array()) {
      std::vector<const nlohmann::json*> children;
      for (const auto& c : *v)
        if (c.is_object() || c.is_array()) children.push_back(&c);
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    }
  }
  return std::nullopt;
}

struct PageScan {
  std::vector<std::pair<std::string, std::string>> metas;  // lowercased name/property -> content
  std::vector<std::string> json_ld;
  std::string title_tag, h1, canonical;
  std::optional<std::string> itemprop_published;
  std::vector<const xmlNode*> times;  // <time datetime> in a header or byline, in order
  xmlNode* article_body = nullptr;
  xmlNode* article = nullptr;
  xmlNode* main = nullptr;
  xmlNode* body = nullptr;

  const std::string* meta(std::string_view key) const {
    for (const auto& [k, v] : metas)
      if (k == key && !trim(v).empty()) return &v;
    return nullptr;
  }
};

std::string script_text(const xmlNode* n) {
  std::string s;
  for (const xmlNode* c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      s += reinterpret_cast<const char*>(c->content);
  return s;
}

PageScan scan_page(xmlNode* root) {
  PageScan scan;
  std::vector<std::uint8_t> flags{0};
  walk(
      root,
      [&](xmlNode* n) {
        if (!is_element(n)) return false;
        const std::string_view name = name_of(n);
        std::uint8_t f = flags.back();
        if (name == "script") {
          if (lower(attr(n, "type")).find("ld+json") != std::string::npos) scan.json_ld.push_back(script_text(n));
          flags.push_back(f | kDropped);
          return false;
        }
        if (name == "title" && scan.title_tag.empty()) scan.title_tag = text_of(n);
        if (name == "meta") {
          std::string key = lower(attr(n, "property"));
          if (key.empty()) key = lower(attr(n, "name"));
          if (key.empty()) key = lower(attr(n, "http-equiv"));
          if (!key.empty()) scan.metas.emplace_back(key, attr(n, "content"));
        }
        if (name == "link" && has_token(lower(attr(n, "rel")), "canonical") && scan.canonical.empty())
          scan.canonical = attr(n, "href");
        if (name != "head" && name != "body" && name != "html" && is_dropped(n)) f |= kDropped;
        if (name == "header" || any_word(n, [](const std::string& w) { return w.find("header") != std::string::npos; }))
          f |= kHeader;
        if (any_word(n, byline_word)) f |= kByline;
        if (any_word(n, updated_word)) f |= kUpdated;
        const std::string itemprop = attr(n, "itemprop");
        if (has_token(lower(itemprop), "datemodified")) f |= kUpdated;
        if (!(f & kDropped)) {
          if (name == "body" && !scan.body) scan.body = n;
          if (name == "article" && !scan.article) scan.article = n;
          if ((name == "main" || lower(attr(n, "role")) == "main") && !scan.main) scan.main = n;
          if (has_token(lower(itemprop), "articlebody") && !scan.article_body) scan.article_body = n;
          if (name == "h1" && scan.h1.empty()) scan.h1 = text_of(n);
          if (has_token(lower(itemprop), "datepublished") && !scan.itemprop_published) {
            std::string v = attr(n, "content");
            if (v.empty()) v = attr(n, "datetime");
            if (v.empty()) v = text_of(n);
            scan.itemprop_published = v;
          }
          if (name == "time" && !(f & kUpdated) && (f & (kHeader | kByline) || has_attr(n, "pubdate")) &&
              has_attr(n, "datetime") && scan.times.size() < 50)
            scan.times.push_back(n);
        }
        flags.push_back(f);
        return true;
      },
      [&](xmlNode* n) {
        if (is_element(n)) flags.pop_back();
      });
  return scan;
}

bool inside(const xmlNode* n, const xmlNode* ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

bool byline_block_word(const std::string& w) {
  for (std::string_view k : {"byline", "dateline", "timestamp", "pubdate", "publish"})
    if (w.find(k) != std::string::npos) return true;
  return false;
}

// The article's text, and apart from it the text of its bylines (author, date: not news).
struct ArticleText {
  std::string body;
  std::string bylines;
};

ArticleText article_text(xmlNode* root, bool by_class) {
  TextBuilder out;
  ArticleText result;
  walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (n->content) out.text(reinterpret_cast<const char*>(n->content));
          return false;
        }
        if (!is_element(n)) return false;
        if (n != root && is_dropped(n, by_class)) return false;
        const std::string_view name = name_of(n);
        if (n != root && name != "h1" && any_word(n, byline_block_word)) {
          result.bylines += text_of(n);
          result.bylines += '\n';
          return false;
        }
        if (name == "br") out.line_break();
        if (is_block(name)) out.paragraph_break();
        return true;
      },
      [&](xmlNode* n) {
        if (is_element(n) && is_block(name_of(n))) out.paragraph_break();
      });
  result.body = out.take();
  return result;
}

std::optional<FoundDate> page_published(const PageScan& scan, std::string_view text, std::string_view url) {
  auto found = [](const Instant& i, std::string from) { return std::optional<FoundDate>(FoundDate{i, from}); };
  for (const auto& script : scan.json_ld)
    if (auto i = json_ld_published(script)) return found(*i, "json-ld");
  if (const auto* v = scan.meta("article:published_time"))
    if (auto i = parse_date_string(*v)) return found(*i, "meta:article:published_time");
  if (scan.itemprop_published)
    if (auto i = parse_date_string(*scan.itemprop_published)) return found(*i, "itemprop");
  const xmlNode* scope = scan.main ? scan.main : scan.article;
  for (const xmlNode* t : scan.times) {
    if (scope && !inside(t, scan.main) && !inside(t, scan.article)) continue;
    if (auto i = parse_date_string(attr(t, "datetime"))) return found(*i, "time");
  }
  for (std::string_view key :
       {"pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date", "dc.date",
        "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date",
        "og:published_time", "article.published", "datepublished", "original-publish-date"})
    if (const auto* v = scan.meta(key))
      if (auto i = parse_date_string(*v)) return found(*i, "meta:" + std::string(key));
  for (const std::string* u : {&scan.canonical, scan.meta("og:url")})
    if (u)
      if (auto i = date_from_url(*u)) return found(*i, "url");
  if (!url.empty())
    if (auto i = date_from_url(url)) return found(*i, "url");
  auto byline = date_from_byline(text);
  if (byline) byline->begin = byline->end = 0;  // bytes of `text`, not of the article's text
  return byline;
}

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

HtmlArticle read_html(std::string_view bytes, std::string_view source, std::string_view url) {
  const xml::Functions& lib = xml::functions();
  HtmlArticle article;
  const std::string charset = declared_charset(bytes);
  std::string utf8;
  const char* encoding = "UTF-8";
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | XML_PARSE_HUGE;
  if (is_windows1252_label(charset)) {
    utf8 = windows1252_to_utf8(bytes);
    options |= HTML_PARSE_IGNORE_ENC;
  } else if (charset.empty() || charset == "utf-8" || charset == "utf8") {
    std::size_t bad = std::string_view::npos;
    utf8 = sanitize_utf8(bytes, &bad);
    if (bad != std::string_view::npos)
      article.warnings.push_back(std::string(source) + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                 ", replaced with U+FFFD");
    options |= HTML_PARSE_IGNORE_ENC;
  } else {
    utf8 = std::string(bytes);  // another charset: libxml2 converts it
    encoding = nullptr;
  }
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) throw LoadError(std::string(source) + ": too large");
  const std::string base(url);
  htmlDocPtr doc = lib.read_memory(utf8.data(), static_cast<int>(utf8.size()), base.empty() ? nullptr : base.c_str(),
                                   encoding, options);
  if (!doc && !encoding) {
    article.warnings.push_back(std::string(source) + ": unknown charset '" + charset + "', read as UTF-8");
    utf8 = sanitize_utf8(bytes);
    doc =
        lib.read_memory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options | HTML_PARSE_IGNORE_ENC);
  }
  if (!doc) throw LoadError(std::string(source) + ": not an HTML document");
  struct Free {
    const xml::Functions& f;
    htmlDocPtr d;
    ~Free() { f.free_doc(d); }
  } guard{lib, doc};
  xmlNode* root = lib.root_element(doc);
  if (!root) return article;
  const PageScan scan = scan_page(root);
  xmlNode* content = scan.article_body ? scan.article_body
                     : scan.article    ? scan.article
                     : scan.main       ? scan.main
                     : scan.body       ? scan.body
                                       : root;
  // Keep the article's header (headline, byline) when the body is a part of it.
  if (content == scan.article_body && scan.article && inside(content, scan.article)) content = scan.article;
  ArticleText text = article_text(content, true);
  // A wrapper with a class like "has-sidebar" must not hide the whole article.
  if (text.body.empty()) text = article_text(content, false);
  article.text = sanitize_utf8(text.body);
  if (const auto* og = scan.meta("og:title"); og && !trim(*og).empty())
    article.title = collapse(*og);
  else if (!scan.h1.empty())
    article.title = scan.h1;
  else
    article.title = collapse(scan.title_tag);
  article.title = sanitize_utf8(article.title);
  article.published = page_published(scan, sanitize_utf8(text.bylines) + article.text, url);
  return article;
}

}  // namespace timeliner
