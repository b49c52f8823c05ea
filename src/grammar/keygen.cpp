// Build-time generator: writes the C++ file that defines, for the bundled grammar,
// timeliner::grammar::kEnglishGrammar, the grammar as its parse leaves it (compiled.hpp),
// timeliner::grammar::kEnglishIndex, the index of the start keys (prefix.hpp) of every rule, laid
// out as StartIndex::finish() lays it out, and, in a build with Hyperscan,
// timeliner::grammar::kEnglishScan, the serialized scan database of its rules (scan_db.hpp; empty
// otherwise). They are then only read at start-up: neither the parse, nor the start-key analysis,
// nor Hyperscan's compiler runs there.
// Usage: timeliner_keygen OUTPUT.cpp
#include "grammar/compiled.hpp"
#if TIMELINER_WITH_HYPERSCAN
#include "grammar/scan_build.hpp"
#endif

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace timeliner::grammar {
extern const char* const kEnglishSource;
}

namespace {

// `values` as a C++ array named `name` of element type `type` (one dummy element when empty).
template <typename T>
void write_array(std::ostream& out, const char* type, const char* name, std::span<const T> values) {
  out << "const " << type << " " << name << "[] = {";
  if (values.empty()) out << "0";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i % 12 == 0) out << "\n    ";
    out << static_cast<unsigned long long>(values[i]) << (sizeof(T) == 8 ? "ull" : "") << ",";
  }
  out << "};\n";
}

#if TIMELINER_WITH_HYPERSCAN
// `bytes` as a C++ string literal (three-digit octal escapes: no escape runs into the next), the
// fastest form for the compiler to read.
void write_bytes(std::ostream& out, const char* name, std::string_view bytes) {
  out << "alignas(64) const char " << name << "[] =";
  if (bytes.empty()) out << " \"\"";
  static constexpr char kOctal[] = "01234567";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i % 48 == 0) out << (i ? "\"\n    \"" : "\n    \"");
    const auto b = static_cast<unsigned char>(bytes[i]);
    out << '\\' << kOctal[b >> 6] << kOctal[(b >> 3) & 7] << kOctal[b & 7];
  }
  if (!bytes.empty()) out << "\"";
  out << ";\n";
}
#endif

// `text` as a C++ string literal, every byte that is not plain printable ASCII (and '"', '\\', '?')
// as a three-digit octal escape.
void write_literal(std::ostream& out, std::string_view text) {
  static constexpr char kOctal[] = "01234567";
  out << '"';
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F && c != '"' && c != '\\' && c != '?')
      out << c;
    else
      out << '\\' << kOctal[b >> 6] << kOctal[(b >> 3) & 7] << kOctal[b & 7];
  }
  out << '"';
}

// The strings of the laid-out grammar, one after the other in one string (each string once), as
// PrecomputedGrammar::Text pieces of it: tables of these need no relocation.
class TextPool {
 public:
  // `piece` as "{offset, length}".
  std::string add(std::string_view piece) {
    auto [it, added] = offsets_.try_emplace(std::string(piece), static_cast<std::uint32_t>(text_.size()));
    if (added) text_ += piece;
    return "{" + std::to_string(it->second) + ", " + std::to_string(piece.size()) + "}";
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::map<std::string, std::uint32_t, std::less<>> offsets_;
};

// The grammar as its parse left it (PrecomputedGrammar, compiled.hpp).
void write_parse(std::ostream& out, const timeliner::grammar::Compiled& grammar) {
  using namespace timeliner::grammar;
  TextPool pool;
  std::ostringstream vocabularies, words, slots, rule_lines, definitions;
  std::map<const Vocab*, int> vocab_index;
  std::size_t word_count = 0, slot_count = 0, definition_count = 0;
  for (const auto& [name, vocab] : grammar.vocabularies()) {
    vocab_index.emplace(&vocab, static_cast<int>(vocab_index.size()));
    std::vector<std::pair<std::string, std::string>> entries(vocab.values.begin(), vocab.values.end());
    std::sort(entries.begin(), entries.end());
    vocabularies << "    {" << pool.add(vocab.name) << ", " << pool.add(vocab.field) << ", "
                 << (vocab.cased ? "true" : "false") << ", {" << word_count << ", " << entries.size() * 2 << "}},\n";
    for (const auto& [word, value] : entries) words << "    " << pool.add(word) << ", " << pool.add(value) << ",\n";
    word_count += entries.size() * 2;
  }
  for (const Rule& rule : grammar.rules()) {
    rule_lines << "    {" << pool.add(rule.source_line) << ", " << pool.add(rule.pattern) << ", {" << slot_count << ", "
               << rule.captures.size() << "}},\n";
    for (const Capture& c : rule.captures)
      slots << "    {" << pool.add(c.field) << ", static_cast<SlotParser>(" << static_cast<int>(c.parser) << "), "
            << (c.vocab ? vocab_index.at(c.vocab) : -1) << "},\n";
    slot_count += rule.captures.size();
  }
  // The definitions code tests text with (Compiled::definition()), those without slots.
  for (std::string_view name : grammar.definition_names()) {
    const std::string pattern = grammar.definition(name);
    if (pattern.empty()) continue;
    definitions << "    {" << pool.add(name) << ", " << pool.add(pattern) << "},\n";
    ++definition_count;
  }
  // A table of each kind, with one element more (an empty one): none is empty.
  out << "namespace {\nusing Parse = PrecomputedGrammar;\n"
      << "constexpr Parse::Vocabulary kVocabularies[] = {\n"
      << vocabularies.str() << "    {}};\n"
      << "constexpr Parse::Text kWords[] = {\n"
      << words.str() << "    {}};\n"
      << "constexpr Parse::RuleLines kRuleLines[] = {\n"
      << rule_lines.str() << "    {}};\n"
      << "constexpr Parse::Slot kCaptures[] = {\n"
      << slots.str() << "    {}};\n"
      << "constexpr Parse::Definition kDefinitions[] = {\n"
      << definitions.str() << "    {}};\n"
      << "constexpr char kText[] =";
  const std::string& text = pool.text();
  constexpr std::size_t kLine = 100;
  for (std::size_t i = 0; i < text.size(); i += kLine) {
    out << "\n    ";
    write_literal(out, std::string_view(text).substr(i, kLine));
  }
  if (text.empty()) out << " \"\"";
  out << ";\n}  // namespace\n"
      << "const PrecomputedGrammar kEnglishGrammar{" << source_hash(kEnglishSource) << "ull, "
      << grammar.longest_number_phrase() << ", {kText, " << text.size() << "}, {kVocabularies, "
      << grammar.vocabularies().size() << "}, {kWords, " << word_count << "}, {kRuleLines, " << grammar.rules().size()
      << "}, {kCaptures, " << slot_count << "}, {kDefinitions, " << definition_count << "}};\n";
}

// The index of start keys.
void write_index(std::ostream& out, const timeliner::grammar::Compiled& grammar) {
  using namespace timeliner::grammar;
  out << "namespace {\n";
  const StartIndexData d = grammar.key_index().starts.data();
  // The long start keys: an analysis of some seconds, made here only (a grammar compiled at run
  // time is tried without them).
  std::vector<std::string_view> patterns;
  for (const Rule& r : grammar.rules()) patterns.push_back(r.pattern);
  LongKeys long_keys;
  long_keys.build(start_keys(patterns, kLongKeyLength, true));
  const LongKeysData l = long_keys.data();
  write_array(out, "std::uint16_t", "kEmpty", d.empty);
  write_array(out, "std::uint16_t", "kRules", d.rules);
  write_array(out, "std::uint32_t", "kOne", d.one);
  write_array(out, "std::uint64_t", "kSlots", d.slots);
  write_array(out, "std::uint8_t", "kFirst", d.first);
  write_array(out, "std::uint32_t", "kLongMasks", l.masks);
  write_array(out, "std::uint32_t", "kLongTable", l.table);
  // The words each rule requires, as one string (its words are lower-case ASCII letters, digits,
  // spaces, periods and hyphens: nothing to escape).
  out << "const char* const kRequired = \"";
  for (char c : grammar.required_text()) {
    if (c == '\n')
      out << "\\n\"\n    \"";
    else
      out << c;
  }
  out << "\";\n";
  out << "}  // namespace\n"
      << "const PrecomputedIndex kEnglishIndex{" << source_hash(kEnglishSource) << "ull, " << kKeyLength << ", "
      << grammar.rules().size() << ", {{kEmpty, " << d.empty.size() << "}, {kRules, " << d.rules.size() << "}, {kOne, "
      << d.one.size() << "}, {kSlots, " << d.slots.size() << "}, {kFirst, " << d.first.size() << "}, " << d.shift
      << "}, kRequired, {{kLongMasks, " << l.masks.size() << "}, {kLongTable, " << l.table.size() << "}, " << l.shift
      << "}, " << kLongKeyLength << "};\n";
}

// The scan database, empty in a build without Hyperscan.
void write_scan(std::ostream& out, const timeliner::grammar::Compiled& grammar) {
  using namespace timeliner::grammar;
#if TIMELINER_WITH_HYPERSCAN
  std::vector<std::string_view> patterns;
  for (const Rule& r : grammar.rules()) patterns.push_back(r.pattern);
  const BuiltScan built = build_scan(patterns);
  out << "namespace {\n";
  write_bytes(out, "kDatabase", built.database);
  write_array(out, "std::uint16_t", "kEverywhere", std::span<const std::uint16_t>(built.everywhere));
  write_bytes(out, "kWithoutDigits", built.without_digits);
  out << "}  // namespace\n"
      << "const PrecomputedScan kEnglishScan{" << source_hash(kEnglishSource) << "ull, " << grammar.rules().size()
      << ", {reinterpret_cast<const unsigned char*>(kDatabase), " << built.database.size() << "}, {kEverywhere, "
      << built.everywhere.size() << "}, {reinterpret_cast<const unsigned char*>(kWithoutDigits), "
      << built.without_digits.size() << "}};\n";
#else
  (void)grammar;
  out << "const PrecomputedScan kEnglishScan{};\n";
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace timeliner::grammar;
  if (argc != 2) {
    std::cerr << "usage: timeliner_keygen OUTPUT.cpp\n";
    return 2;
  }
  try {
    const Compiled grammar(kEnglishSource, /*lazy=*/true);
    std::ostringstream out;
    out << "// Generated by timeliner_keygen (src/grammar/keygen.cpp) from src/grammar/en/*.tg. Do not edit.\n"
        << "#include \"grammar/compiled.hpp\"\n\n#include <string_view>\n\n"
        << "namespace timeliner::grammar {\n"
        << "extern const PrecomputedGrammar kEnglishGrammar;\n"
        << "extern const PrecomputedIndex kEnglishIndex;\nextern const PrecomputedScan kEnglishScan;\n";
    write_parse(out, grammar);
    write_index(out, grammar);
    write_scan(out, grammar);
    out << "}  // namespace timeliner::grammar\n";
    const std::string content = out.str();
    {
      std::ifstream old(argv[1], std::ios::binary);
      std::ostringstream was;
      was << old.rdbuf();
      if (old && was.str() == content) return 0;  // unchanged: nothing that depends on it rebuilds
    }
    std::ofstream file(argv[1], std::ios::binary | std::ios::trunc);
    file << content;
    file.flush();
    if (!file) {
      std::cerr << "timeliner_keygen: cannot write " << argv[1] << "\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "timeliner_keygen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
