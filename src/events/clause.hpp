// Events on the parse: the predicate that governs a temporal phrase, and its clause as a headline.
#pragma once

#include <timeliner/nlp.hpp>
#include <timeliner/text.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner::events {

// A sentence, its words and their dependency tree (nlp::Model::english()).
struct Parse {
  std::string_view text;  // the sentence: word spans are relative to it
  std::vector<nlp::Word> words;
  std::vector<std::vector<int>> deps;  // the dependents of each word, in order

  // Parses the words of the sentence after its preamble() (a label, bullet, dateline or opening
  // attribution): spans stay relative to the whole sentence.
  static Parse of(std::string_view sentence);
  std::string_view word(int i) const;
  // The word that heads the words overlapping bytes `span` (the first whose head lies outside
  // them), -1 when no word overlaps it.
  int head_of(Span span) const;
  // Whether word `w` lies in the subtree of word `root`.
  bool dominates(int root, int w) const;
};

// A noun phrase a pronoun may stand for: the subject of a clause.
struct Referent {
  std::string text;     // "The probe", "Luca Mendes"
  bool name = false;    // headed by a proper noun with no determiner: "he", "she", "it"
  bool plural = false;  // "they"
  bool thing = false;   // a common noun with a determiner, or a name: "it"
};

// The word (a verb, or an eventive noun: "the election", "his visit") whose event the temporal
// phrase headed by word `t` dates; -1 when the phrase governs the sentence itself.
int predicate_of(const Parse& p, int t);

// What a headline leaves out: the bytes of temporal phrases, datelines and relations of the
// sentence (sentence-relative), whose words and the subtrees they head go.
struct Cuts {
  std::vector<Span> spans;
  // The predicates of the sentence's other events (words): a headline leaves out their clauses,
  // but what a saying said ("said on Wednesday that divers had inspected the crack on Tuesday").
  std::vector<int> predicates;
  bool covers(const nlp::Word& w) const;
};

// The noun or adjective that the temporal phrase headed by word `t` modifies within its phrase
// ("the Oct. 23 killing", "Sunday's debate", "an address on Friday", "third-quarter results",
// "notes due March 1"): the date tells its time, whether or not the noun is the predicate of the
// date's event. -1 when the phrase hangs on a clause or a proper noun.
int modified_by_date(const Parse& p, int t);

// What a duration or set headed by word `t` measures: the nouns after its "of" ("ten years of
// growth", "six months of talks and protests": "growth"; "talks", "protests"), none otherwise.
std::vector<int> measured_by(const Parse& p, int t);
// The verb of saying before a date that opens what was said, when the parser hung the date (headed
// by `t`) on the verb of what was said (`v`): "The ministry said today it had sent an envoy" (the
// date of "said"); -1 otherwise. A date after "that" is what was said's own.
int saying_before(const Parse& p, int t, int v);

// From `v`, the predicate_of a date, past a participle between a period and a date (`cuts`): "had a
// loss for the quarter ended Sept. 30" gives "had", not "ended".
int dated_predicate(const Parse& p, int v, const Cuts& cuts);

// The other predicates whose time the date of predicate `v` also tells: the verb phrases
// coordinated with it ("The minister resigned and was replaced on Monday"), clauses of the same
// moment ("was shot on Friday as he stood in his kitchen", "headed to East Africa on Tuesday,
// seeking to demonstrate support"; "killed when two helicopters crashed last February"), an event
// noun it happened at ("paid tribute on Tuesday on a whirlwind visit") and the object of a light
// verb ("held talks on Monday"); none that has a date of its own (`cuts.predicates`). The headline
// of `v` tells the clauses among them while it fits.
std::vector<int> shared_predicates(const Parse& p, int v, const Cuts& cuts);

// The headline of the event of predicate `v`: its clause (subject, auxiliaries and negation,
// particles, objects and the complements that make it readable), without the cut words, without
// attributions ("officials said", "according to..."), adverbial and coordinated clauses (but those
// that share its date: shared_predicates), labels and punctuation, at most twelve words. A subject
// pronoun is replaced by `before` (the subject of the sentence before) or by the subject of its own
// sentence's main clause, when it fits.
// `before` is asked only when a pronoun needs it.
using ReferentBefore = std::function<std::optional<Referent>()>;
std::string headline_of(const Parse& p, int v, const Cuts& cuts, const ReferentBefore& before);

// The words of the sentence outside the cuts, as a phrase (for a sentence with no predicate).
std::string phrase_of(const Parse& p, const Cuts& cuts);

// The subject of the sentence's main clause, when it is a noun phrase (not a pronoun).
std::optional<Referent> main_subject(const Parse& p);

// The words overlapping bytes `span` of the sentence, as a phrase ("His first visit").
std::string span_text(const Parse& p, Span span);

// Whether predicate `v` is told in the present perfect ("has grown for 30 years").
bool perfect(const Parse& p, int v);

// Whether the phrase headed by `t` ("from March") is a date changed from, by its predicate or the
// verb above it ("moved the vote from March to June", "pushed back the launch from March").
bool changes_date(const Parse& p, int t);

// Whether the phrase headed by `t` is compared with, not dated: "their biggest drop since
// January", "the first time since 2019".
bool compares(const Parse& p, int t);

// Bytes at the start of a sentence that are no part of what it tells: a label ("Why it matters:",
// "Context:"), a bullet, a dateline without a date ("PORT ELLIS -", "BRIGHTON (Metro News) -"), an
// attribution ("According to the Daily Courier,").
Span preamble(std::string_view sentence);

}  // namespace timeliner::events
