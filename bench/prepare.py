#!/usr/bin/env python3
"""Builds the benchmark inputs from a TimeML corpus (read in place, never copied into the repo).

Writes into OUT_DIR:
  tbaq.jsonl       one line per article: {"id", "published", "text"} (the <TEXT> content, tags dropped)
  corpus.jsonl     tbaq.jsonl repeated (ids made unique) to at least --min-mb megabytes of text
  synth-1.txt      the articles' texts run together into one document of about 1 MB
  synth-50.txt     the same text repeated 50 times: one document of about 50 MB
Usage: prepare.py TBAQ_DIR OUT_DIR [--min-mb 20]
"""
import argparse
import html
import json
import pathlib
import re

DCT = re.compile(r'<DCT>.*?value="([^"]+)"', re.S)
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")


def read_article(path):
    raw = path.read_text(encoding="utf-8")
    body = TEXT.search(raw)
    if not body:
        return None
    dct = DCT.search(raw)
    text = html.unescape(TAG.sub("", body.group(1))).strip()
    return {"id": path.stem, "published": dct.group(1) if dct else None, "text": text}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tbaq")
    ap.add_argument("out")
    ap.add_argument("--min-mb", type=float, default=20)
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    articles = [a for p in sorted(pathlib.Path(args.tbaq).rglob("*.tml")) if (a := read_article(p))]
    if not articles:
        raise SystemExit(f"prepare.py: no TimeML articles under {args.tbaq}")
    with open(out / "tbaq.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    one_copy = sum(len(a["text"]) for a in articles)
    copies = max(1, int(-(-args.min_mb * 1e6 // one_copy)))
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as f:
        for c in range(copies):
            for a in articles:
                f.write(json.dumps(dict(a, id=f"{a['id']}#{c}"), ensure_ascii=False) + "\n")
    # One long document: whole articles, separated by blank lines, up to about 1 MB.
    block, size = [], 0
    while size < 1_000_000:
        for a in articles:
            block.append(a["text"])
            size += len(a["text"]) + 2
            if size >= 1_000_000:
                break
    one = "\n\n".join(block) + "\n\n"
    (out / "synth-1.txt").write_text(one, encoding="utf-8")
    (out / "synth-50.txt").write_text(one * 50, encoding="utf-8")
    print(json.dumps({"articles": len(articles), "chars_one_copy": one_copy, "copies": copies,
                      "chars_corpus": one_copy * copies, "chars_synth_1": len(one),
                      "chars_synth_50": len(one) * 50}))


if __name__ == "__main__":
    main()
