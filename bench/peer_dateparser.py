"""Times dateparser's search_dates loop over JSON lines articles, start-up excluded.
Usage: /usr/bin/python3 peer_dateparser.py FILE.jsonl RUNS MAX_DOCS -> {"chars", "docs", "results", "seconds": [...]}"""
import datetime
import json
import sys
import time

from dateparser.search import search_dates

path, runs, max_docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
docs = []
with open(path, encoding="utf-8") as f:
    for line in f:
        if line.strip() and len(docs) < max_docs:
            d = json.loads(line)
            base = datetime.datetime.fromisoformat((d.get("published") or "2000-01-01")[:16])
            docs.append((d["text"], base))
search_dates("warm up on 5 May 2001", languages=["en"])  # loads its language data outside the timing
seconds, results = [], 0
for _ in range(runs):
    results = 0
    t0 = time.perf_counter()
    for text, base in docs:
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
        results += len(found or [])
    seconds.append(time.perf_counter() - t0)
print(json.dumps({"chars": sum(len(t) for t, _ in docs), "docs": len(docs), "results": results, "seconds": seconds}))
