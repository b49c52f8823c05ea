#!/usr/bin/env python3
"""Events per month of a folder of articles, with timeliner and pandas.

    python3 python/examples/events_per_month.py examples/millbrook

Every .txt, .html and .htm file of the folder is an article. Its publication date is found in the
article (a page's metadata, a byline or a dateline), or given in a file published.txt beside it
("file date" lines, as in examples/millbrook). timeliner.build makes one timeline of them; its
events (publications left out) become a DataFrame, one row per event, and the events are counted
by the month they begin in.
"""

import sys
from pathlib import Path

import pandas as pd

import timeliner


def read_folder(folder: Path) -> list[dict]:
    published = {}
    listing = folder / "published.txt"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, day = line.split()
                published[name] = day
    articles = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".html", ".htm") or path.name == "published.txt":
            continue
        field = "text" if path.suffix == ".txt" else "html"
        article = {"id": path.stem, field: path.read_text(encoding="utf-8", errors="replace")}
        if path.name in published:
            article["published"] = published[path.name]
        articles.append(article)
    return articles


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    timeline = timeliner.build(read_folder(Path(sys.argv[1])))
    events = pd.DataFrame(
        [
            {"headline": e["headline"], "earliest": e["date"]["earliest"], "latest": e["date"]["latest"]}
            for e in timeline["events"]
            if e["kind"] == "event"
        ]
    )
    events["earliest"] = pd.to_datetime(events["earliest"])
    per_month = events.groupby(events["earliest"].dt.to_period("M")).size().rename("events")
    print(per_month.to_frame().to_string())


if __name__ == "__main__":
    main()
