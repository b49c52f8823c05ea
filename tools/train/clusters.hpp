// Word clusters learned from unlabeled text (clusters.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace timeliner::train {

class ClusterCorpus {
 public:
  // Words seen fewer than `min_count` times get no cluster.
  explicit ClusterCorpus(std::size_t min_count);
  void add_sentence(const std::vector<std::string>& forms);
  // Text with one sentence a line, split into words by nlp::tokenize.
  void add_text(std::string_view text);
  std::size_t tokens() const;
  // The class (1-based) of each normalised word at each number of classes of `sizes`, after at
  // most `iterations` passes of the exchange algorithm; sorted by word.
  std::vector<std::pair<std::string, std::vector<std::uint16_t>>> cluster(const std::vector<std::size_t>& sizes,
                                                                          int iterations) const;
  // How often a word is written with a capital inside a sentence, 1 (never) to 5 (always), 0 when
  // it is seen fewer than `min_count` times there; and its frequency, 1 to 7 (log scale).
  std::uint16_t capital_bucket(const std::string& norm) const;
  std::uint16_t frequency_bucket(const std::string& norm) const;

 private:
  std::size_t min_count_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<std::int64_t> counts_;
  std::vector<std::uint32_t> sequence_;  // word ids, 0 (<s>) before each sentence
  std::vector<std::int64_t> inside_, capital_;  // occurrences inside sentences, and capitalised
};

}  // namespace timeliner::train
