#include "nlp/labeler.hpp"

#include <algorithm>

namespace timeliner::nlp {

std::vector<std::vector<int>> dependents_of(const std::vector<int>& heads) {
  std::vector<std::vector<int>> deps(heads.size());
  for (std::size_t i = 0; i < heads.size(); ++i)
    if (heads[i] >= 0) deps[static_cast<std::size_t>(heads[i])].push_back(static_cast<int>(i));
  return deps;
}

void PartialTree::reset(std::size_t n) {
  heads.assign(n, -1);
  deps.resize(n);
  for (auto& d : deps) d.clear();
  rels.assign(n, 0);
  scored.assign(n, 0);
}

void PartialTree::attach(int h, int d) {
  heads[static_cast<std::size_t>(d)] = h;
  auto& kids = deps[static_cast<std::size_t>(h)];
  kids.insert(std::upper_bound(kids.begin(), kids.end(), d), d);
}

std::size_t labeler_features(const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                             const std::vector<int>& heads, const std::vector<std::vector<int>>& deps,
                             const std::vector<std::uint8_t>& rels, std::size_t d, std::uint64_t* out,
                             LabelerPart part) {
  const int h = heads[d];
  const int n = static_cast<int>(heads.size());
  auto w = [&](int i) -> std::uint64_t { return i < 0 ? 1 : lex[static_cast<std::size_t>(i)].norm; };
  auto p = [&](int i) -> std::uint64_t { return i < 0 ? 0x1001 : tags[static_cast<std::size_t>(i)]; };
  auto c = [&](int i, int g) -> std::uint64_t {
    return i < 0 ? 0x1001 : lex[static_cast<std::size_t>(i)].entry.cluster[g];
  };
  auto rel = [&](int i) -> std::uint64_t {
    return i < 0 ? 0x2001 : i < static_cast<int>(d) ? rels[static_cast<std::size_t>(i)] : 0x2002;
  };
  const int di = static_cast<int>(d);
  const int g = h >= 0 ? heads[static_cast<std::size_t>(h)] : -1;
  const std::uint64_t dir = h < 0 ? 2 : h < di ? 1 : 0;
  const std::uint64_t dist = h < 0 ? 0 : static_cast<std::uint64_t>(std::min(std::abs(h - di), 6));
  const auto& kids = deps[d];
  // Dependents: the nearest on each side, the outermost on each side.
  int l_near = -1, l_far = -1, r_near = -1, r_far = -1;
  for (int k : kids) {
    if (k < di) {
      if (l_far < 0) l_far = k;
      l_near = k;
    } else {
      if (r_near < 0) r_near = k;
      r_far = k;
    }
  }
  // The sibling just before (already labeled), and the number of dependents.
  int sib = -1;
  if (h >= 0) {
    for (int k : deps[static_cast<std::size_t>(h)])
      if (k < di) sib = k;
  } else {
    for (int k = 0; k < di; ++k)
      if (heads[static_cast<std::size_t>(k)] < 0) sib = k;
  }
  const auto nkids = static_cast<std::uint64_t>(std::min<std::size_t>(kids.size(), 4));
  FeatureKeys keys(out, 1000);
  // The features of the word and its head alone, and those of the tree around them.
  const bool head_alone = part != LabelerPart::tree, tree = part != LabelerPart::fixed;
  auto fixed = [&](auto... v) { keys.put_if(head_alone, v...); };
  auto f = [&](auto... v) { keys.put_if(tree, v...); };
  fixed(0);
  fixed(p(di));
  fixed(w(di));
  fixed(p(h), dir);
  fixed(w(h));
  fixed(p(di), p(h), dir);
  fixed(w(di), p(h), dir);
  fixed(p(di), w(h), dir);
  fixed(w(di), w(h), dir);
  fixed(p(di), p(h), dist * 4 + dir);
  fixed(lex[d].suffix[2], p(di));
  fixed(lex[d].shape);
  fixed(c(di, 2), dir);
  fixed(c(di, 1), c(h, 1), dir);
  fixed(c(di, 2), p(h), dir);
  fixed(p(di), c(h, 2), dir);
  // Grandparent.
  f(p(di), p(h), p(g));
  f(p(di), p(h), rel(g));
  f(p(di), rel(h), dir);
  // Dependents of the word.
  f(p(di), p(l_near), p(l_far));
  f(p(di), p(r_near), p(r_far));
  f(p(di), w(l_far), dir);
  f(p(di), w(l_near), dir);
  f(p(di), w(r_near), dir);
  f(p(di), nkids, dir);
  for (std::size_t j = 0; tree && j < kids.size() && j < 6; ++j) {
    const int kid = kids[j];
    keys.put(2001, p(di), p(kid), kid < di ? 1 : 0);
    keys.put(2002, p(di), w(kid), kid < di ? 1 : 0);
  }
  // Siblings: the one before, and its relation.
  f(p(di), rel(sib), p(h));
  f(p(di), p(sib), rel(sib));
  // Neighbours of the word.
  fixed(p(di), p(di > 0 ? di - 1 : -1));
  fixed(p(di), p(di + 1 < n ? di + 1 : -1));
  fixed(p(di), w(di > 0 ? di - 1 : -1), dir);
  // The head's other dependents, on both sides: "was" before a participle makes its subject
  // nsubj:pass, a second object makes the first iobj, "and" makes a conj.
  if (tree && h >= 0) {
    std::size_t seen = 0;
    for (int kk : deps[static_cast<std::size_t>(h)]) {
      if (kk == di || seen++ >= 8) continue;
      const std::uint64_t side = (kk < di ? 1 : 0) + (kk < h ? 2 : 0);
      keys.put(2003, p(di), p(kk), side);
      keys.put(2004, p(di), w(kk), side + 4 * p(h));
    }
  }
  // The word's own function words: "to" (xcomp, advcl), "that" (ccomp), "of" (nmod).
  for (std::size_t j = 0; tree && j < kids.size() && j < 6; ++j) {
    const int kid = kids[j];
    if (kid < di) keys.put(2005, w(kid), p(di), p(h));
  }
  fixed(w(di), p(di), p(h));
  fixed(lex[d].suffix[2], p(h));
  // The head's other dependents: a subject, an object already there.
  std::uint64_t has = 0;
  if (tree && h >= 0)
    for (int kk : deps[static_cast<std::size_t>(h)])
      if (kk < di) has = combine(has, rels[static_cast<std::size_t>(kk)]);
  f(p(di), p(h), has);
  fixed(h < 0 ? 1 : 0, p(di));
  return keys.size();
}

}  // namespace timeliner::nlp
