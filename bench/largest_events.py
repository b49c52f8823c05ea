#!/usr/bin/env python3
"""The largest merged events of a plain build, per development timeline and over all of them.

For each entity of the tls-entities corpus: `timeliner build` of all its articles (no summary
options); the events with the most mentions, with their distinct documents, the gap between their
mentions' dates (days from the earliest mention's last day to the latest mention's first day; 0 or
less: all share a day) and the start of their text. A merge
that went wrong shows here first: hundreds of mentions, a span of years, a text of page furniture.

Usage: largest_events.py TIMELINER CORPUS_DIR [--top N] [--only A,B]
"""
import argparse
import datetime
import json
import pathlib
import subprocess
import sys


def day(iso):
    try:
        return datetime.date.fromisoformat(iso)
    except ValueError:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("timeliner")
    ap.add_argument("corpus", type=pathlib.Path)
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    entities = sorted(p.name for p in args.corpus.iterdir() if (p / "articles.jsonl").exists())
    if args.only:
        entities = [e for e in entities if e in args.only.split(",")]
    overall = []
    total_events = 0
    for entity in entities:
        out = subprocess.run([args.timeliner, "build", "-j", "1", "--input-format", "jsonl",
                              str(args.corpus / entity / "articles.jsonl")],
                             check=True, capture_output=True, text=True).stdout
        events = json.loads(out)["events"]
        total_events += len(events)
        for e in events:
            if e.get("kind", "event") != "event":
                continue
            dates = [m.get("date", e["date"]) for m in e["mentions"]]
            firsts = [day(d["earliest"]) for d in dates]
            lasts = [day(d["latest"]) for d in dates]
            gap = (max(firsts) - min(lasts)).days if None not in firsts + lasts else 0
            docs = len({m["doc"] for m in e["mentions"]})
            overall.append((len(e["mentions"]), docs, gap, entity,
                            " ".join(e.get("text", "").split())[:90]))
    overall.sort(reverse=True)
    print(f"{len(entities)} corpora, {total_events} events; the {args.top} largest merged events:")
    print(f"{'mentions':>8s} {'docs':>5s} {'gap d':>6s}  entity / text")
    for m, d, s, entity, text in overall[:args.top]:
        print(f"{m:8d} {d:5d} {s:6d}  {entity}: {text}")
    sizes = sorted((o[0] for o in overall), reverse=True)
    print(f"events of 20+ mentions: {sum(1 for s in sizes if s >= 20)}; events whose mentions' dates share no day:"
          f" {sum(1 for o in overall if o[2] > 0)} (widest gap {max((o[2] for o in overall), default=0)} days)")


if __name__ == "__main__":
    sys.exit(main())
