#!/usr/bin/env python3
"""Timeline summarization on the tls-entities development set, by the protocol of its README.

For each entity: the articles published between its first and last gold date; `timeliner build`
asked for as many key dates as the gold timeline has (within that range) and 2 sentences a date,
written in the tilse format; `timeliner eval-timeline` against the gold dates and summary. The gold
summary is one text for all its dates (it can't be split by date), so the gold file puts it under its
first date: date F1 and concatenated ROUGE are exact, agreement and alignment ROUGE are not meaningful.

Usage: tls.py TIMELINER CORPUS_DIR WORK_DIR [--query] [--baseline] [--only A,B] [--exclude A,B]
  --query      pass each entity's name (its folder name, '_' as spaces) as --query
  --baseline   rank days by how many events of a plain build (no summary options) have that day
               (ties: more documents, then the earlier day; the reference of the issue), sentences:
               the texts of that day's two largest events
Prints one line per entity (date F1, concatenated ROUGE-1 and ROUGE-2 F1) and their means; writes
the same as tab-separated values to WORK_DIR/results[-query|-baseline].tsv.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys
import time


def prepare(corpus, work, entity):
    gold_dates = sorted({l.strip() for l in (corpus / entity / "gold-dates.txt").read_text().splitlines() if l.strip()})
    lo, hi = gold_dates[0], gold_dates[-1]
    data = work / f"{entity}.jsonl"
    if not data.exists():
        with open(corpus / entity / "articles.jsonl", encoding="utf-8") as src, open(data, "w", encoding="utf-8") as out:
            for line in src:
                if lo <= json.loads(line)["published"] <= hi:
                    out.write(line)
    gold = work / f"{entity}.gold.txt"
    summary = " ".join((corpus / entity / "gold-summary.txt").read_text(encoding="utf-8").split())
    blocks = [f"{d}\n{summary if i == 0 else ''}\n{'-' * 32}\n" for i, d in enumerate(gold_dates)]
    gold.write_text("".join(blocks), encoding="utf-8")
    return data, gold, gold_dates


def baseline(timeliner, data, lo, hi, n, out):
    built = subprocess.run([timeliner, "build", "-j", "1", "--input-format", "jsonl", str(data)],
                           check=True, capture_output=True, text=True).stdout
    t = json.loads(built)
    count = collections.Counter()
    docs = collections.defaultdict(set)
    texts = collections.defaultdict(list)
    for e in t["events"]:
        d = e["date"]
        if e["kind"] != "event" or d["earliest"] != d["latest"] or not lo <= d["earliest"] <= hi:
            continue
        count[d["earliest"]] += 1
        docs[d["earliest"]].update(m["doc"] for m in e["mentions"])
        texts[d["earliest"]].append((-len(e["mentions"]), e["text"]))
    days = sorted(count, key=lambda d: (-count[d], -len(docs[d]), d))[:n]
    with open(out, "w", encoding="utf-8") as f:
        for d in sorted(days):
            f.write(d + "\n" + "".join(" ".join(s.split()) + "\n" for _, s in sorted(texts[d])[:2]) + "-" * 32 + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("timeliner")
    ap.add_argument("corpus", type=pathlib.Path)
    ap.add_argument("work", type=pathlib.Path)
    ap.add_argument("--query", action="store_true")
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--exclude", default="")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    entities = sorted(p.name for p in args.corpus.iterdir() if (p / "gold-dates.txt").exists())
    if args.only:
        entities = [e for e in entities if e in args.only.split(",")]
    if args.exclude:
        entities = [e for e in entities if e not in args.exclude.split(",")]
    tag = "-baseline" if args.baseline else "-query" if args.query else ""
    rows = []
    print(f"{'entity':24s} {'dates':>5s} {'date F1':>8s} {'R-1 F1':>8s} {'R-2 F1':>8s} {'seconds':>8s}")
    for entity in entities:
        data, gold, gold_dates = prepare(args.corpus, args.work, entity)
        pred = args.work / f"{entity}.pred{tag}.txt"
        start = time.perf_counter()
        if args.baseline:
            baseline(args.timeliner, data, gold_dates[0], gold_dates[-1], len(gold_dates), pred)
        else:
            cmd = [args.timeliner, "build", "-j", "1", "--input-format", "jsonl", str(data), "--from", gold_dates[0],
                   "--to", gold_dates[-1], "--dates", str(len(gold_dates)), "--sentences", "2", "--format", "tilse",
                   "-o", str(pred)]
            if args.query:
                cmd += ["--query", entity.replace("_", " ")]
            subprocess.run(cmd, check=True, capture_output=True)
        seconds = time.perf_counter() - start
        scores = json.loads(subprocess.run([args.timeliner, "eval-timeline", "--json", str(gold), str(pred)],
                                           check=True, capture_output=True, text=True).stdout)
        row = (entity, len(gold_dates), scores["dates"]["f1"], scores["concat_rouge1"]["f1"],
               scores["concat_rouge2"]["f1"], seconds)
        rows.append(row)
        print(f"{row[0]:24s} {row[1]:5d} {row[2]:8.4f} {row[3]:8.4f} {row[4]:8.4f} {row[5]:8.2f}", flush=True)
    n = len(rows)
    means = [sum(r[i] for r in rows) / n for i in (2, 3, 4)]
    print(f"{'MEAN of ' + str(n):24s} {'':5s} {means[0]:8.4f} {means[1]:8.4f} {means[2]:8.4f} {sum(r[5] for r in rows):8.2f}")
    with open(args.work / f"results{tag}.tsv", "w") as f:
        f.write("entity\tdates\tdate_f1\trouge1_f1\trouge2_f1\tseconds\n")
        for r in rows:
            f.write("\t".join([r[0], str(r[1])] + [f"{x:.4f}" for x in r[2:]]) + "\n")
        f.write("\t".join(["MEAN", ""] + [f"{x:.4f}" for x in means] + [f"{sum(r[5] for r in rows):.2f}"]) + "\n")


if __name__ == "__main__":
    sys.exit(main())
