#!/usr/bin/env python3
"""Scores timeliner on a phrase file (tests/phrases/*.txt): the share of phrases whose expressions,
in text order, resolve to exactly the values expected, overall and per family.

Usage: scripts/phrase-score.py [--timeliner EXE] [--type TYPE] [--verbose] [--json] [--min PERCENT] FILE

--type overrides the file's @type lines (give "news" to score a binary that has no schedule type);
--min exits with status 1 when the overall share is below PERCENT (the test suite's floor)."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import OrderedDict

LINE = re.compile(r"^\[(?P<family>[\w-]+)\]\s+(?P<phrase>.+?)\s+=>\s+(?P<expected>.+)$")


def read_phrases(path):
    """[(reference, type, family, phrase, [values])], in file order."""
    out, ref, doc_type = [], None, "news"
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                key, _, value = line.partition(" ")
                if key == "@ref":
                    ref = value.strip()
                elif key == "@type":
                    doc_type = value.strip()
                else:
                    sys.exit(f"{path}:{number}: unknown directive {key}")
                continue
            m = LINE.match(line)
            if not m or ref is None:
                sys.exit(f"{path}:{number}: expected '[family] phrase => value' after an @ref line")
            values = [v.strip() for v in m["expected"].split(";")]
            out.append((ref, doc_type, m["family"], m["phrase"], values))
    return out


def run(exe, phrases, ref, doc_type):
    """The values found in each phrase (a list per phrase), by one `timeliner extract` call."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for k, phrase in enumerate(phrases):
            f.write(json.dumps({"id": f"p{k}", "text": phrase}) + "\n")
        name = f.name
    try:
        cmd = [exe, "extract", "--input-format", "jsonl", "--dct", ref, "-j", "1"]
        if doc_type != "news":
            cmd += ["--type", doc_type]
        p = subprocess.run(cmd + [name], capture_output=True, text=True)
        if p.returncode not in (0, 3):
            sys.exit(f"phrase-score: {' '.join(cmd)} failed: {p.stderr.strip()}")
    finally:
        os.unlink(name)
    found = [[] for _ in phrases]
    for line in p.stdout.splitlines():
        m = json.loads(line)
        found[int(m["doc"][1:])].append(m["value"])
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--timeliner", default=os.path.join(here, "..", "build", "timeliner"))
    ap.add_argument("--type", dest="doc_type")
    ap.add_argument("--verbose", action="store_true", help="list every phrase not resolved")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--min", type=float, help="fail when the overall share (percent) is below this")
    ap.add_argument("file")
    args = ap.parse_args()

    cases = read_phrases(args.file)
    groups = OrderedDict()
    for i, (ref, doc_type, *_rest) in enumerate(cases):
        groups.setdefault((ref, args.doc_type or doc_type), []).append(i)
    got = [None] * len(cases)
    for (ref, doc_type), idx in groups.items():
        for i, values in zip(idx, run(args.timeliner, [cases[i][3] for i in idx], ref, doc_type)):
            got[i] = values

    families = OrderedDict()
    right = 0
    misses = []
    for (ref, _t, family, phrase, expected), values in zip(cases, got):
        ok = values == expected
        right += ok
        fam = families.setdefault(family, [0, 0])
        fam[0] += ok
        fam[1] += 1
        if not ok:
            misses.append((ref, family, phrase, expected, values))
    share = 100.0 * right / len(cases)
    if args.json:
        print(json.dumps({"phrases": len(cases), "resolved": right, "share": round(share, 1),
                          "families": {f: {"resolved": a, "phrases": n} for f, (a, n) in families.items()}}))
    else:
        if args.verbose:
            for ref, family, phrase, expected, values in misses:
                print(f"MISS [{family}] {phrase!r} @ {ref}: expected {' ; '.join(expected)}, "
                      f"got {' ; '.join(values) if values else 'nothing'}")
        print(f"{args.file}: {right}/{len(cases)} phrases resolved ({share:.1f}%)")
        for f, (a, n) in families.items():
            print(f"  {f:<10} {a:>4}/{n:<4} {100.0 * a / n:5.1f}%")
    if args.min is not None and share < args.min:
        print(f"phrase-score: {share:.1f}% is below the floor of {args.min}%", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
