#!/usr/bin/env python3
"""Event-time anchoring of a timeliner binary on TimeML with TLINKs (TBAQ), for before/after figures.

For every gold TLINK between an EVENT and a DATE or TIME TIMEX3 of the same sentence (the creation
time left out), the mention timeliner's `build` makes for that timex (the one whose temporal phrase
overlaps it) is looked at:
  - headline: the gold event's word is a word of the mention's headline (the approximate measure,
    which any version of timeliner can be scored by);
  - predicate: the mention's predicate span (predicate_start, predicate_end), or one of its
    shared_predicates, overlaps the gold event (only for versions that record it; `timeliner eval`
    prints this one).
Sentences are cut here at . ! ? before a capital or a quote, and at blank lines, the same way for
every binary compared, so that the figures of two binaries are comparable (`timeliner eval` uses
the library's own sentence splitter).

Usage: bench/anchoring.py TIMELINER [TBAQ_DIR] [--json] [--misses]

--misses prints, for each link whose date we found but whose event word is not in our headline, the
gold event, our predicate and headline, and the sentence (for studying the misses on the terminal;
never to be committed: the text is the corpus's).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from html import unescape

TAG = re.compile(r"<[^>]+>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path):
    raw = open(path, encoding="utf-8", errors="replace").read()
    a = raw.index("<TEXT>") + 6
    b = raw.index("</TEXT>")
    content = raw[a:b]
    text, timexes, events, stack = [], {}, {}, []
    pos = 0
    i = 0
    while i < len(content):
        if content[i] == "<":
            e = content.index(">", i)
            tag = content[i : e + 1]
            if tag.startswith("<TIMEX3") or tag.startswith("<EVENT"):
                attrs = dict(ATTR.findall(tag))
                if tag.endswith("/>"):
                    pass
                else:
                    stack.append((tag[1:].split()[0], attrs, pos))
            elif tag.startswith("</TIMEX3") or tag.startswith("</EVENT"):
                kind, attrs, begin = stack.pop()
                if kind == "TIMEX3":
                    timexes[attrs.get("tid")] = (begin, pos, attrs.get("type"))
                else:
                    events[attrs.get("eid")] = (begin, pos)
            i = e + 1
            continue
        if content[i] == "&":
            semi = content.find(";", i)
            if 0 < semi - i <= 10:
                piece = unescape(content[i : semi + 1])
                text.append(piece)
                pos += len(piece)
                i = semi + 1
                continue
        text.append(content[i])
        pos += 1
        i += 1
    text = "".join(text)
    instance = {}
    for m in re.finditer(r"<MAKEINSTANCE[^>]*>", raw):
        attrs = dict(ATTR.findall(m.group(0)))
        instance[attrs.get("eiid")] = attrs.get("eventID")
    links = []
    for m in re.finditer(r"<TLINK[^>]*>", raw):
        attrs = dict(ATTR.findall(m.group(0)))
        if "eventInstanceID" in attrs and "relatedToTime" in attrs:
            links.append((instance.get(attrs["eventInstanceID"]), attrs["relatedToTime"]))
        elif "timeID" in attrs and "relatedToEventInstance" in attrs:
            links.append((instance.get(attrs["relatedToEventInstance"]), attrs["timeID"]))
    return text, timexes, events, links


def sentence_of(text):
    """The sentence number of each character."""
    out, n = [], 0
    for i, c in enumerate(text):
        out.append(n)
        if c in ".!?" and i + 2 < len(text) and text[i + 1] in " \n" and (text[i + 2].isupper() or text[i + 2] in "\"'`"):
            n += 1
        elif c == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            n += 1
    out.append(n)
    return out


def words(s):
    return set(re.findall(r"[a-z0-9']+", s.lower()))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    as_json = "--json" in sys.argv
    misses = "--misses" in sys.argv
    binary = args[0]
    folder = args[1] if len(args) > 1 else "../shared/corpora/tbaq"
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".tml"))
    links_total = found = by_headline = by_predicate = with_predicate = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            text, timexes, events, links = read_tml(path)
            sent = sentence_of(text)
            out = os.path.join(tmp, "t.json")
            subprocess.run([binary, "build", path, "-o", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            timeline = json.load(open(out, encoding="utf-8"))
            # A mention's own headline is written only where it differs from its event's.
            mentions = [
                dict(m, headline=m.get("headline", e["headline"]))
                for e in timeline["events"]
                if e.get("kind", "event") == "event"
                for m in e["mentions"]
            ]
            for eid, tid in links:
                if tid == "t0" or tid not in timexes or eid not in events:
                    continue
                tb, te, ttype = timexes[tid]
                if ttype not in ("DATE", "TIME"):
                    continue
                eb, ee = events[eid]
                if sent[tb] != sent[eb]:
                    continue
                links_total += 1
                ours = [m for m in mentions if m["timex_start"] < te and tb < m["timex_end"] and m["timex_end"] > m["timex_start"]]
                if not ours:
                    continue
                found += 1
                m = ours[0]
                if words(text[eb:ee]) & words(m["headline"]) == words(text[eb:ee]):
                    by_headline += 1
                elif misses:
                    s = sent[tb]
                    sb = sent.index(s)
                    se = len(sent) - 1 - sent[::-1].index(s)
                    ours_p = text[m["predicate_start"] : m["predicate_end"]] if "predicate_start" in m else "-"
                    others = [text[events[e][0] : events[e][1]] for e, t in links if t == tid and e in events and e != eid]
                    print(f"MISS\t{text[eb:ee]}\t{text[tb:te]}\tours={ours_p}\tothers={','.join(others)}\t{m['headline']}")
                    print("\t" + " ".join(text[sb : se + 1].split()))
                if "predicate_start" in m:
                    with_predicate += 1
                    spans = [(m["predicate_start"], m["predicate_end"])]
                    spans += [(p["start"], p["end"]) for p in m.get("shared_predicates", [])]
                    if any(b < ee and eb < e for b, e in spans):
                        by_predicate += 1
    result = {
        "binary": binary,
        "links": links_total,
        "found": found,
        "headline": round(100.0 * by_headline / found, 2) if found else 0,
        "predicate": round(100.0 * by_predicate / found, 2) if with_predicate else None,
    }
    if as_json:
        print(json.dumps(result))
    else:
        print(f"{binary}: {links_total} gold event-date links in a sentence, {found} of their dates found")
        print(f"  gold event's word in our headline: {result['headline']}%")
        if result["predicate"] is not None:
            print(f"  gold event is our predicate:       {result['predicate']}%")


if __name__ == "__main__":
    main()
