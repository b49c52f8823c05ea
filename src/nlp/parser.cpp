#include "nlp/parser.hpp"

#include <algorithm>

namespace timeliner::nlp {

void ParseState::reset(std::size_t n) {
  n_ = n;
  b_ = 0;
  stack_.clear();
  heads_.assign(n + 1, -1);
  lefts_.assign(n + 1, {-1, -1});
  rights_.assign(n + 1, {-1, -1});
  nl_.assign(n + 1, 0);
  nr_.assign(n + 1, 0);
  labels_.assign(n + 1, 0);
  lsets_.assign(n + 1, 0);
  rsets_.assign(n + 1, 0);
}

void ParseState::set_label(int d, std::uint8_t rel) {
  const auto dd = static_cast<std::size_t>(d);
  const int h = heads_[dd];
  if (h < 0) return;
  labels_[dd] = rel;
  (d < h ? lsets_ : rsets_)[static_cast<std::size_t>(h)] |= std::uint64_t{1} << (rel % 64);
}

bool ParseState::legal(Action a) const {
  switch (a) {
    case kShift:
      return b_ < n_;
    case kRight:
      return b_ < n_ && !stack_.empty();
    case kLeft:
      return !stack_.empty() && heads_[static_cast<std::size_t>(stack_.back())] < 0;
    case kReduce:
      return !stack_.empty() && heads_[static_cast<std::size_t>(stack_.back())] >= 0;
  }
  return false;
}

void ParseState::add_arc(int h, int d) {
  heads_[static_cast<std::size_t>(d)] = h;
  const auto hh = static_cast<std::size_t>(h);
  if (d < h) {
    ++nl_[hh];
    auto& l = lefts_[hh];
    if (l[0] < 0 || d < l[0]) {
      l[1] = l[0];
      l[0] = d;
    } else if (l[1] < 0 || d < l[1]) {
      l[1] = d;
    }
  } else {
    ++nr_[hh];
    auto& r = rights_[hh];
    if (r[0] < 0 || d > r[0]) {
      r[1] = r[0];
      r[0] = d;
    } else if (r[1] < 0 || d > r[1]) {
      r[1] = d;
    }
  }
}

void ParseState::apply(Action a) {
  switch (a) {
    case kShift:
      stack_.push_back(static_cast<int>(b_++));
      break;
    case kRight:
      add_arc(stack_.back(), static_cast<int>(b_));
      stack_.push_back(static_cast<int>(b_++));
      break;
    case kLeft:
      add_arc(static_cast<int>(b_), stack_.back());
      stack_.pop_back();
      break;
    case kReduce:
      stack_.pop_back();
      break;
  }
}

std::vector<int> finish_tree(const std::vector<int>& heads, std::size_t n) {
  std::vector<int> out(n, -1);
  int root = -1;
  for (std::size_t i = 0; i < n; ++i)
    if (heads[i] == static_cast<int>(n) && root < 0) root = static_cast<int>(i);
  if (root < 0)
    for (std::size_t i = 0; i < n && root < 0; ++i)
      if (heads[i] < 0) root = static_cast<int>(i);
  for (std::size_t i = 0; i < n; ++i) {
    const int h = heads[i];
    if (static_cast<int>(i) == root)
      out[i] = -1;
    else if (h < 0 || h == static_cast<int>(n))
      out[i] = root;
    else
      out[i] = h;
  }
  return out;
}

namespace {

// What the features read of a position: its word, tag and clusters; fixed values for an absent
// position and for the root.
struct Item {
  std::uint64_t w, p, c0, c1, c2;
};

}  // namespace

std::size_t parser_features(const ParseState& s, const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                            bool labels, std::uint64_t* out, ParserPart part) {
  const int n = static_cast<int>(s.size());
  auto item = [&](int i) -> Item {
    if (i < 0) return Item{1, 0x1001, 0x1001, 0x1001, 0x1001};
    if (i == n) return Item{2, 0x1002, 0x1002, 0x1002, 0x1002};
    const Lex& l = lex[static_cast<std::size_t>(i)];
    return Item{l.norm, tags[static_cast<std::size_t>(i)], l.entry.cluster[0], l.entry.cluster[1], l.entry.cluster[2]};
  };
  const int s0 = s.stack(0), s1 = s.stack(1), n0 = s.buffer(0), n1 = s.buffer(1), n2 = s.buffer(2);
  const int s0h = s.head(s0), s0h2 = s0h >= 0 ? s.head(s0h) : -1;
  const int s0l = s.left(s0), s0r = s.right(s0), s0l2 = s.left(s0, 1), s0r2 = s.right(s0, 1);
  const int n0l = s.left(n0), n0l2 = s.left(n0, 1);
  const Item S0 = item(s0), S1 = item(s1), N0 = item(n0), N1 = item(n1), N2 = item(n2);
  const Item S0h = item(s0h), S0h2 = item(s0h2), S0l = item(s0l), S0r = item(s0r), S0l2 = item(s0l2), S0r2 = item(s0r2),
             N0l = item(n0l), N0l2 = item(n0l2);
  std::uint64_t d = 0;
  if (s0 >= 0 && n0 >= 0) d = static_cast<std::uint64_t>(std::min(n0 - s0, 5)) + (n0 == n ? 10 : 0);
  const auto vl_s0 = static_cast<std::uint64_t>(s.left_count(s0)),
             vr_s0 = static_cast<std::uint64_t>(s.right_count(s0));
  const auto vl_n0 = static_cast<std::uint64_t>(s.left_count(n0));
  FeatureKeys keys(out);
  // The features of the buffer alone (N0, N1, N2 and the word before N0), and the others.
  const bool write_buffer = part != ParserPart::rest, write_rest = part != ParserPart::buffer;
  auto in_buffer = [&](auto... v) { keys.put_if(write_buffer, v...); };
  auto f = [&](auto... v) { keys.put_if(write_rest, v...); };
  // Single words.
  f(S0.w, S0.p);
  f(S0.w);
  f(S0.p);
  in_buffer(N0.w, N0.p);
  in_buffer(N0.w);
  in_buffer(N0.p);
  in_buffer(N1.w, N1.p);
  in_buffer(N1.w);
  in_buffer(N1.p);
  in_buffer(N2.w, N2.p);
  in_buffer(N2.w);
  in_buffer(N2.p);
  // Pairs.
  f(S0.w, S0.p, N0.w, N0.p);
  f(S0.w, S0.p, N0.w);
  f(S0.w, N0.w, N0.p);
  f(S0.w, S0.p, N0.p);
  f(S0.p, N0.w, N0.p);
  f(S0.w, N0.w);
  f(S0.p, N0.p);
  in_buffer(N0.p, N1.p);
  // Three words.
  in_buffer(N0.p, N1.p, N2.p);
  f(S0.p, N0.p, N1.p);
  f(S0h.p, S0.p, N0.p);
  f(S0.p, S0l.p, N0.p);
  f(S0.p, S0r.p, N0.p);
  f(S0.p, N0.p, N0l.p);
  // Distance.
  f(S0.w, d);
  f(S0.p, d);
  f(N0.w, d);
  f(N0.p, d);
  f(S0.w, N0.w, d);
  f(S0.p, N0.p, d);
  // Valency.
  f(S0.w, vr_s0);
  f(S0.p, vr_s0);
  f(S0.w, vl_s0);
  f(S0.p, vl_s0);
  f(N0.w, vl_n0);
  f(N0.p, vl_n0);
  // Unigrams of the tree around.
  f(S0h.w);
  f(S0h.p);
  f(S0l.w);
  f(S0l.p);
  f(S0r.w);
  f(S0r.p);
  f(N0l.w);
  f(N0l.p);
  // Third order.
  f(S0h2.w);
  f(S0h2.p);
  f(S0l2.w);
  f(S0l2.p);
  f(S0r2.w);
  f(S0r2.p);
  f(N0l2.w);
  f(N0l2.p);
  f(S0.p, S0l.p, S0l2.p);
  f(S0.p, S0r.p, S0r2.p);
  f(S0.p, S0h.p, S0h2.p);
  f(N0.p, N0l.p, N0l2.p);
  // The second word of the stack.
  f(S1.w, S1.p);
  f(S1.p);
  f(S1.p, S0.p, N0.p);
  f(S1.p, S0.w);
  // Word clusters (Koo et al. 2008).
  f(S0.c2);
  in_buffer(N0.c2);
  in_buffer(N1.c2);
  f(S0.c1, N0.c1);
  f(S0.c2, N0.p);
  f(S0.p, N0.c2);
  f(S0.c0, N0.c0);
  f(S0.c1, N0.c1, N1.c1);
  f(S0h.c1, S0.c1);
  f(S0.c1, N0.c1, d);
  f(S0.c2, N0.c2);
  f(S0.p, N0.p, N0.c2);
  f(S0.c2, S0.p, N0.p);
  // The words beside the pair (the one after S0, the one before N0), and the commas between them
  // (Honnibal et al. 2013; McDonald et al. 2005): a comma between makes an arc less likely.
  const Item S0n = item(s0 >= 0 && s0 + 1 < n ? s0 + 1 : -1), N0b = item(n0 > 0 ? n0 - 1 : -1);
  std::uint64_t commas = 0;
  if (s0 >= 0 && n0 >= 0) {
    static const std::uint64_t comma = hash_bytes(",");
    for (int k = s0 + 1; k < n0 && k < s0 + 40 && commas < 3; ++k)
      commas += lex[static_cast<std::size_t>(k)].norm == comma;
  }
  f(S0.p, S0n.p, N0.p);
  f(S0.p, N0b.p, N0.p);
  f(S0.p, S0n.p, N0b.p, N0.p);
  in_buffer(N0b.p, N0.p);
  if (part == ParserPart::buffer) return keys.size();
  f(S0.p, N0.p, commas);
  f(S0.w, N0.p, commas);
  f(S0.p, N0.w, commas);
  f(S0.p, d, commas);
  if (!labels) return keys.size();
  // The relations of the arcs made (Zhang & Nivre 2011): of S0 and of the dependents above, and
  // the sets of relations of S0's and N0's dependents.
  const std::uint64_t s0_l = s.label(s0), s0l_l = s.label(s0l), s0r_l = s.label(s0r), n0l_l = s.label(n0l);
  const std::uint64_t s0_ls = s.left_labels(s0), s0_rs = s.right_labels(s0), n0_ls = s.left_labels(n0);
  f(s0_l);
  f(s0l_l);
  f(s0r_l);
  f(n0l_l);
  f(s.label(s0l2));
  f(s.label(s0r2));
  f(s.label(n0l2));
  f(S0.p, s0_l, N0.p);
  f(S0.p, s0l_l, N0.p);
  f(S0.p, s0r_l, N0.p);
  f(S0.p, N0.p, n0l_l);
  f(S0.p, s0l_l, s.label(s0l2));
  f(S0.p, s0r_l, s.label(s0r2));
  f(N0.p, n0l_l, s.label(n0l2));
  f(S0.w, s0_rs);
  f(S0.p, s0_rs);
  f(S0.w, s0_ls);
  f(S0.p, s0_ls);
  f(N0.w, n0_ls);
  f(N0.p, n0_ls);
  f(S0.p, s0_rs, N0.p);
  f(S0.p, s0_ls, N0.p, n0_ls);
  return keys.size();
}

}  // namespace timeliner::nlp
