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

// The grammar as its parse left it (PrecomputedGrammar, compiled.hpp).
void write_parse(std::ostream& out, const timeliner::grammar::Compiled& grammar) {
  using namespace timeliner::grammar;
  out << "namespace {\nusing namespace std::string_view_literals;\n";
  std::map<const Vocab*, int> vocab_index;
  int v = 0;
  for (const auto& [name, vocab] : grammar.vocabularies()) {
    vocab_index[&vocab] = v;
    std::vector<std::pair<std::string, std::string>> entries(vocab.values.begin(), vocab.values.end());
    std::sort(entries.begin(), entries.end());
    out << "constexpr std::string_view kWords" << v << "[] = {";
    for (const auto& [word, value] : entries) {
      out << "\n    ";
      write_literal(out, word);
      out << "sv, ";
      write_literal(out, value);
      out << "sv,";
    }
    if (entries.empty()) out << "\"\"sv";
    out << "};\n";
    ++v;
  }
  out << "constexpr PrecomputedGrammar::Vocabulary kVocabularies[] = {\n";
  v = 0;
  for (const auto& [name, vocab] : grammar.vocabularies()) {
    out << "    {";
    write_literal(out, vocab.name);
    out << "sv, ";
    write_literal(out, vocab.field);
    out << "sv, " << (vocab.cased ? "true" : "false") << ", {kWords" << v << ", " << vocab.values.size() * 2 << "}},\n";
    ++v;
  }
  out << "};\n";
  const auto& rules = grammar.rules();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    out << "constexpr PrecomputedGrammar::Slot kSlots" << r << "[] = {";
    for (const Capture& c : rules[r].captures) {
      out << "{";
      write_literal(out, c.field);
      out << "sv, static_cast<SlotParser>(" << static_cast<int>(c.parser) << "), "
          << (c.vocab ? vocab_index.at(c.vocab) : -1) << "}, ";
    }
    if (rules[r].captures.empty()) out << "{}";
    out << "};\n";
  }
  out << "constexpr PrecomputedGrammar::RuleLines kRuleLines[] = {\n";
  for (std::size_t r = 0; r < rules.size(); ++r) {
    out << "    {";
    write_literal(out, rules[r].source_line);
    out << "sv,\n     ";
    write_literal(out, rules[r].pattern);
    out << "sv, {kSlots" << r << ", " << rules[r].captures.size() << "}},\n";
  }
  out << "};\n";
  // The definitions code tests text with (Compiled::definition()), those without slots.
  out << "constexpr PrecomputedGrammar::Definition kDefinitions[] = {\n";
  std::size_t definitions = 0;
  for (std::string_view name : grammar.definition_names()) {
    const std::string pattern = grammar.definition(name);
    if (pattern.empty()) continue;
    out << "    {";
    write_literal(out, name);
    out << "sv, ";
    write_literal(out, pattern);
    out << "sv},\n";
    ++definitions;
  }
  if (definitions == 0) out << "    {}\n";
  out << "};\n}  // namespace\n"
      << "const PrecomputedGrammar kEnglishGrammar{" << source_hash(kEnglishSource) << "ull, "
      << grammar.longest_number_phrase() << ", kVocabularies, kRuleLines, {kDefinitions, " << definitions << "}};\n";
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
  out << "}  // namespace\n"
      << "const PrecomputedScan kEnglishScan{" << source_hash(kEnglishSource) << "ull, " << grammar.rules().size()
      << ", {reinterpret_cast<const unsigned char*>(kDatabase), " << built.database.size() << "}, {kEverywhere, "
      << built.everywhere.size() << "}};\n";
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
