#!/usr/bin/env python3
"""The fixed sample of 200 event headlines of ../shared/corpora/tls-entities, labelled by hand.

The sample is chosen deterministically and recorded by article id and the code point offsets of the
event's temporal phrase (timex_start, timex_end), never by text: the corpus is copyrighted news and
stays out of the repository. Articles: the 4 of each of the 26 timelines whose SHA-1 of the id is
smallest (the first 60,000 characters of each); events: of all the dated events that build makes of
those 104 articles, the 200 whose SHA-1 of "id start end" is smallest.

Each label (bench/headline-labels.tsv) says whether a headline is a grammatical clause, with a
subject and a finite verb: yes or no, for the old string-rule headlines and for those on the parse.
A label is stored with the SHA-1 of the headline it judged, so that a headline that changes
(another model, other rules) shows up as unlabelled rather than borrowing the old judgement.

Usage:
  bench/headline_sample.py sample TIMELINER [CORPUS]     print the sample's keys (to make the labels file)
  bench/headline_sample.py show TIMELINER [CORPUS]       print key, SHA-1, label (if any), headline
  bench/headline_sample.py check TIMELINER [CORPUS]      the shares; exit 1 when the labelled share of
                                                         grammatical headlines is not above the old one,
                                                         or too many are unlabelled; 77 without CORPUS
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "headline-labels.tsv")
ARTICLES_PER_TIMELINE = 4
ARTICLE_CHARS = 60000
SAMPLE = 200


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def articles(corpus):
    out = []
    for topic in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, topic, "articles.jsonl")
        if not os.path.isfile(path):
            continue
        docs = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    docs.append(json.loads(line))
        docs.sort(key=lambda d: sha1(d["id"]))
        for d in docs[:ARTICLES_PER_TIMELINE]:
            d["text"] = d["text"][:ARTICLE_CHARS]
            out.append(d)
    return out


def build(timeliner, docs):
    """Each event mention of the build of `docs`: (id, timex_start, timex_end) -> headline."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        out = os.path.join(tmp, "out.json")
        subprocess.run([timeliner, "build", src, "-o", out], check=True, stdout=subprocess.DEVNULL)
        timeline = json.load(open(out, encoding="utf-8"))
    mentions = {}
    for e in timeline["events"]:
        if e.get("kind", "event") != "event":
            continue
        for m in e["mentions"]:
            mentions[(m["doc"], m["timex_start"], m["timex_end"])] = m.get("headline", e["headline"])
    return mentions


def key_text(k):
    return "%s %d %d" % k


def read_labels():
    """The labelled lines (key, version, digest, label), and (key, digest) -> label."""
    lines, lookup = [], {}
    with open(LABELS, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            doc, start, end, version, digest, label = line.rstrip("\n").split("\t")
            key = (doc, int(start), int(end))
            lines.append((key, version, digest, label))
            lookup[(key, digest)] = label
    return lines, lookup


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("sample", "show", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, timeliner = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "..", "..", "shared", "corpora", "tls-entities")
    if not os.path.isdir(corpus):
        print("headline sample skipped: no corpus at " + corpus)
        return 77
    docs = articles(corpus)
    if mode == "sample":
        mentions = build(timeliner, docs)
        for k in sorted(mentions, key=lambda k: sha1(key_text(k)))[:SAMPLE]:
            print("%s\t%d\t%d" % k)
        return 0
    lines, lookup = read_labels()
    keys = list(dict.fromkeys(k for k, _, _, _ in lines))
    mentions = build(timeliner, docs)
    if mode == "show":
        for k in keys:
            h = mentions.get(k)
            d = sha1(h) if h is not None else "-"
            print("%s\t%d\t%d\t%s\t%s\t%s" % (k[0], k[1], k[2], d, lookup.get((k, d), "?"), h))
        return 0
    # check: the old headlines' share (from the labels), the current one's.
    old = [label for _, version, _, label in lines if version == "old"]
    old_share = old.count("yes") / len(old)
    yes = no = unlabelled = missing = 0
    for k in keys:
        h = mentions.get(k)
        if h is None:
            missing += 1
            continue
        label = lookup.get((k, sha1(h)))
        if label is None:
            unlabelled += 1
        elif label == "yes":
            yes += 1
        else:
            no += 1
    labelled = yes + no
    share = yes / labelled if labelled else 0.0
    print("old headlines: %d of %d grammatical clauses (%.1f%%)" % (old.count("yes"), len(old), 100 * old_share))
    print("these headlines: %d of %d labelled grammatical (%.1f%%); %d unlabelled, %d events not found"
          % (yes, labelled, 100 * share, unlabelled, missing))
    ok = share > old_share and unlabelled + missing <= len(keys) // 4
    if not ok:
        print("FAIL: the share is not above the old one, or more than a quarter of the sample is unlabelled"
              " (relabel with 'bench/headline_sample.py show')")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
