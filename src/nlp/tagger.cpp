#include "nlp/tagger.hpp"

namespace timeliner::nlp {
namespace {

bool finite_xpos(Xpos x) { return x == Xpos::VBD || x == Xpos::VBZ || x == Xpos::VBP || x == Xpos::MD; }

}  // namespace

TagInfo::TagInfo(const std::vector<std::pair<Upos, Xpos>>& tags) {
  finite_.assign(tags.size() + 1, false);
  for (std::size_t t = 0; t < tags.size(); ++t) finite_[t + 1] = finite_xpos(tags[t].second);
}

void TagContext::start(const std::vector<Lex>& lex) {
  finite_after.assign(lex.size(), false);
  for (std::size_t k = lex.size(); k-- > 1;)
    finite_after[k - 1] =
        finite_after[k] || (lex[k].entry.major > 0 && finite_xpos(static_cast<Xpos>(lex[k].entry.major - 1)));
  finite_before = false;
}

std::size_t tagger_features(const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                            const TagContext& context, std::size_t i, std::uint64_t* out) {
  const std::size_t n = lex.size();
  auto at = [&](std::ptrdiff_t k) -> const Lex& {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < 0) return lex_start();
    if (j >= static_cast<std::ptrdiff_t>(n)) return lex_end();
    return lex[static_cast<std::size_t>(j)];
  };
  auto tag = [&](std::ptrdiff_t k) -> std::uint64_t {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 ? 0xFFFF : tags[static_cast<std::size_t>(j)];
  };
  const Lex& w0 = at(0);
  const Lex& p1 = at(-1);
  const Lex& p2 = at(-2);
  const Lex& n1 = at(1);
  const Lex& n2 = at(2);
  const std::uint64_t t1 = tag(-1), t2 = tag(-2);
  FeatureKeys f(out);
  f.put(1, 0);
  f.put(2, w0.norm);
  f.put(3, w0.form);
  f.put(4, p1.norm);
  f.put(5, n1.norm);
  f.put(6, p2.norm);
  f.put(7, n2.norm);
  for (std::uint64_t j = 0; j < 4; ++j) f.put(8 + j, w0.prefix[j]);
  for (std::uint64_t j = 0; j < 5; ++j) f.put(12 + j, w0.suffix[j]);
  f.put(17, w0.shape);
  f.put(18, w0.flags | (i == 0 ? 0x100 : 0));
  f.put(19, t1);
  f.put(20, t2);
  f.put(21, t1, t2);
  f.put(22, t1, w0.norm);
  f.put(23, p1.norm, w0.norm);
  f.put(24, w0.norm, n1.norm);
  f.put(25, p1.suffix[2]);
  f.put(26, n1.suffix[2]);
  f.put(27, p1.shape);
  f.put(28, n1.shape);
  f.put(29, w0.entry.ambiguity);
  f.put(30, n1.entry.ambiguity);
  f.put(31, n2.entry.ambiguity);
  f.put(32, t1, w0.entry.ambiguity);
  f.put(33, w0.entry.ambiguity, n1.entry.ambiguity);
  f.put(34, t1, w0.suffix[2]);
  for (std::uint64_t j = 0; j < 3; ++j) f.put(35 + j, w0.entry.cluster[j]);
  f.put(38, p1.entry.cluster[1]);
  f.put(39, p1.entry.cluster[2]);
  f.put(40, n1.entry.cluster[1]);
  f.put(41, n1.entry.cluster[2]);
  f.put(42, n2.entry.cluster[2]);
  f.put(43, p2.entry.cluster[2]);
  f.put(44, t1, w0.entry.cluster[2]);
  f.put(45, w0.entry.cluster[2], n1.entry.cluster[2]);
  f.put(46, n1.norm, n2.norm);
  f.put(47, p1.norm, n1.norm);
  f.put(48, w0.suffix[2], w0.flags);
  f.put(49, t1, n1.norm);
  f.put(50, t1, w0.shape);
  f.put(51, n1.entry.cluster[0]);
  f.put(52, p1.entry.cluster[0]);
  f.put(53, w0.entry.cluster[1], t1);
  f.put(54, w0.norm, n1.entry.ambiguity);
  f.put(55, t2, w0.norm);
  f.put(56, combine(p1.norm, w0.norm), n1.norm);
  f.put(57, p1.form);
  f.put(58, n1.form);
  f.put(59, w0.suffix[1], n1.suffix[1]);
  f.put(60, w0.prefix[2], w0.suffix[2]);
  f.put(61, w0.entry.capital, w0.flags & (kCapital | kAllCaps));
  f.put(62, w0.entry.capital, i == 0 ? 1 : 0);
  f.put(63, w0.entry.frequency, w0.flags & kCapital);
  f.put(64, n1.entry.capital, n1.flags & kCapital);
  f.put(65, p1.entry.capital, t1);
  const std::uint64_t verbs = (context.finite_before ? 1 : 0) + (context.finite_after[i] ? 2 : 0);
  f.put(66, verbs, w0.suffix[1]);
  f.put(67, verbs, t1);
  f.put(68, verbs, w0.norm);
  f.put(69, verbs, w0.entry.ambiguity);
  return f.size();
}

}  // namespace timeliner::nlp
