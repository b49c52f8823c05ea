"""The Python module against the command line: same fields, same values, same messages.

Run by CTest (test "python") with PYTHONPATH=build/python, TIMELINER_EXE (the command) and
TIMELINER_SOURCE_DIR set; or by hand: PYTHONPATH=build/python python3 -m pytest python/tests
"""

import datetime as dt
import doctest
import json
import os
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

import timeliner
from timeliner import _core

SOURCE = Path(os.environ.get("TIMELINER_SOURCE_DIR", Path(__file__).resolve().parents[2]))
EXE = os.environ.get("TIMELINER_EXE", str(SOURCE / "build" / "timeliner"))
HARBOUR = (SOURCE / "examples" / "harbour-bridge.txt").read_text(encoding="utf-8")
MILLBROOK = SOURCE / "examples" / "millbrook"


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, text=True)


def cli_error(*args: str, stdin: str = "") -> str:
    r = cli(*args, stdin=stdin)
    assert r.returncode != 0
    prefix = "timeliner: error: "
    assert r.stderr.startswith(prefix), r.stderr
    return r.stderr[len(prefix) :].strip().removesuffix(" (see timeliner --help)")


def millbrook_articles() -> list[dict]:
    articles = []
    for line in (MILLBROOK / "published.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, day = line.split()
            text = (MILLBROOK / name).read_text(encoding="utf-8")
            articles.append({"id": Path(name).stem, "text": text, "published": day})
    return articles


# --- extract -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, options",
    [
        ("The deal was signed last week. Prices rose yesterday.", ["--dct", "2025-04-18"]),
        (HARBOUR, ["--dct", "2025-04-18"]),
        (HARBOUR, ["--dct", "2025-04-18T09:30+02:00", "--type", "narrative"]),
        ("The vote is on 4/5/2025, twice a year, for 18 months.", ["--dct", "2025-01-10", "--day-first"]),
        ("Shares fell 6 percent on March 3, 2024, the biggest drop since 2019.", []),
    ],
)
def test_extract_gives_the_command_lines_json_lines(text, options):
    expected = [json.loads(line) for line in cli("extract", *options, stdin=text).stdout.splitlines()]
    assert expected, "the command found nothing: the comparison would prove nothing"
    kwargs = {"doc": "stdin", "day_first": "--day-first" in options}
    if "--dct" in options:
        kwargs["dct"] = options[options.index("--dct") + 1]
    if "--type" in options:
        kwargs["type"] = options[options.index("--type") + 1]
    if "--dct" in options:
        with warnings.catch_warnings():
            warnings.simplefilter("error", timeliner.TimelinerWarning)
            mentions = timeliner.extract(text, **kwargs)
    else:
        with pytest.warns(timeliner.TimelinerWarning, match="no publication date found"):
            mentions = timeliner.extract(text, **kwargs)
    assert mentions == expected
    assert list(mentions[0]) == list(expected[0])  # the same fields in the same order
    for m in mentions:  # offsets are code points: Python's own string indices
        assert text[m["start"] : m["end"]] == m["text"]


def test_extract_takes_dates_and_datetimes():
    text = "Prices rose yesterday, at 9 a.m."
    assert timeliner.extract(text, dct=dt.date(2025, 4, 18)) == timeliner.extract(text, dct="2025-04-18")
    assert timeliner.extract(text, dct=dt.datetime(2025, 4, 18, 2, 30)) == timeliner.extract(
        text, dct="2025-04-18T02:30"
    )
    with pytest.raises(TypeError, match="dct must be a str"):
        timeliner.extract(text, dct=20250418)


def test_extract_errors_are_value_errors_with_the_command_lines_message():
    for options, kwargs in [
        (["--dct", "2025-13-45"], {"dct": "2025-13-45"}),
        (["--dct", "yesterday"], {"dct": "yesterday"}),
        (["--type", "essay"], {"type": "essay"}),
    ]:
        with pytest.raises(ValueError) as e:
            timeliner.extract("Prices rose yesterday.", **kwargs)
        assert str(e.value) == cli_error("extract", *options, stdin="Prices rose yesterday.")


# --- build ---------------------------------------------------------------------------------------


def jsonl(articles: list[dict]) -> str:
    return "".join(json.dumps(a) + "\n" for a in articles)


def cli_build(articles: list[dict], *options: str) -> dict:
    r = cli("build", "--input-format", "jsonl", *options, "-", stdin=jsonl(articles))
    assert r.returncode == 0, r.stderr
    # Lines of standard input are "-:N" (sources, default ids), the module's articles "articles:N".
    return json.loads(r.stdout.replace('"-:', '"articles:'))


def test_build_gives_the_command_lines_timeline():
    articles = millbrook_articles()
    page = (SOURCE / "tests" / "fixtures" / "pages" / "jsonld-newsarticle.html").read_text(encoding="utf-8")
    articles.append({"id": "page", "html": page, "url": "https://example.org/news/story"})
    articles.append({"id": "no-id-twice", "text": "The vote is on Tuesday.", "published": "2025-04-18T10:00+02:00"})
    articles.append({"id": "no-id-twice", "text": "Talks began on 4/5/2025.", "published": "2025-05-01"})
    assert timeliner.build(articles) == cli_build(articles)
    assert timeliner.build(articles, type="narrative", day_first=True, merge_threshold=0.3) == cli_build(
        articles, "--type", "narrative", "--day-first", "--merge-threshold", "0.3"
    )
    window = timeliner.build(articles, date_from="2025-09-01", date_to=dt.date(2025, 9, 30))
    assert window == cli_build(articles, "--from", "2025-09-01", "--to", "2025-09-30")
    assert 0 < len(window["events"]) < len(timeliner.build(articles)["events"])


def test_build_of_the_millbrook_articles_equals_the_merged_timeline_of_examples():
    # timelines/millbrook.json merges five separate builds (scripts/examples.sh); one build of the
    # five gives the same events.
    merged = json.loads((SOURCE / "timelines" / "millbrook.json").read_text(encoding="utf-8"))
    built = timeliner.build(millbrook_articles())
    assert built["events"] == merged["events"]
    assert [d["id"] for d in built["documents"]] == [d["id"] for d in merged["documents"]]


def test_build_takes_any_iterable_and_date_objects():
    articles = millbrook_articles()
    with_dates = ({**a, "published": dt.date.fromisoformat(a["published"])} for a in articles)
    assert timeliner.build(with_dates) == timeliner.build(articles)


def test_build_warns_for_what_the_command_line_warns_and_skips():
    articles = [
        {"id": "a", "text": "The council voted on March 3, 2025.", "published": "2025-04-18"},
        {"id": "b", "title": "no text"},
        {"id": "c", "text": "It rained yesterday."},
    ]
    with pytest.warns(timeliner.TimelinerWarning) as caught:
        timeline = timeliner.build(articles)
    messages = [str(w.message) for w in caught]
    assert messages == [
        'skipped articles:2: no "text" or "html" string',
        "skipped articles:3: no publication date found (give one with --dct or --dct-fallback)",
    ]
    assert [d["id"] for d in timeline["documents"]] == ["a"]
    r = cli("build", "--input-format", "jsonl", "-", stdin=jsonl(articles))
    assert r.returncode == 3
    assert [line.removeprefix("timeliner: warning: ").replace("-:", "articles:") for line in r.stderr.splitlines()[:2]] == messages


def test_build_errors_are_value_errors_with_the_command_lines_message():
    undated = [{"text": "It rained yesterday."}]
    with pytest.raises(ValueError) as e:
        timeliner.build(undated)
    assert str(e.value) == cli_error("build", "--input-format", "jsonl", "-", stdin=jsonl(undated)).replace(
        "-:1", "articles:1"
    )
    dated = [{"text": "It rained on March 3, 2025.", "published": "2025-04-18"}]
    for kwargs, options in [
        ({"dct": "2025-02-30"}, ["--dct", "2025-02-30"]),
        ({"dct_fallback": "soon"}, ["--dct-fallback", "soon"]),
        ({"type": "essay"}, ["--type", "essay"]),
        ({"date_from": "2025-03"}, ["--from", "2025-03"]),
        ({"date_from": "2025-04-01", "date_to": "2025-03-01"}, ["--from", "2025-04-01", "--to", "2025-03-01"]),
        ({"merge_threshold": 3}, ["--merge-threshold", "3"]),
    ]:
        with pytest.raises(ValueError) as e:
            timeliner.build(dated, **kwargs)
        assert str(e.value) == cli_error("build", "--input-format", "jsonl", *options, "-", stdin=jsonl(dated))
    with pytest.raises(ValueError, match="no articles"):
        timeliner.build([])
    with pytest.raises(TypeError, match="article 2: expected a dict, not str"):
        timeliner.build([dated[0], "It rained."])


# --- the GIL -------------------------------------------------------------------------------------


def runs_without_the_gil(call) -> bool:
    """Whether the main thread keeps running while `call` runs in another thread."""
    stamps, span = [], []

    def worker():
        span.append(time.perf_counter())
        call()
        span.append(time.perf_counter())

    t = threading.Thread(target=worker)
    t.start()
    while t.is_alive():
        stamps.append(time.perf_counter())
        time.sleep(0.001)  # needs the GIL back to go on
    t.join()
    start, end = span
    assert end - start > 0.05, "too little work to tell"
    middle = (start + (end - start) / 4, end - (end - start) / 4)
    return any(middle[0] < s < middle[1] for s in stamps)


def test_extract_and_build_release_the_gil():
    long_text = "\n\n".join([HARBOUR] * 2000)  # 1.6 MB: a tenth of a second or more
    lines = [json.dumps({"id": f"a{i}", "text": HARBOUR, "published": "2025-04-18"}) for i in range(300)]
    timeliner.extract("warm up on May 5, 2025.", dct="2025-05-01")
    assert runs_without_the_gil(lambda: _core.extract_json(long_text, "2025-04-18", "news", False, "t"))
    assert runs_without_the_gil(lambda: _core.build_json(lines, None, None, "news", False, 0.5, None, None))


# --- the package ---------------------------------------------------------------------------------


def test_docstrings_and_type_hints():
    assert doctest.testmod(timeliner).failed == 0
    # The examples of README.md and docs/python.md are run as they are written.
    for page in ("README.md", "docs/python.md"):
        result = doctest.testfile(str(SOURCE / page), module_relative=False)
        assert result.attempted >= 3 and result.failed == 0, page
    for f in (timeliner.extract, timeliner.build):
        assert "Returns:" in f.__doc__ and "Raises:" in f.__doc__
        assert f.__annotations__["return"]
    package = Path(timeliner.__file__).parent
    assert (package / "py.typed").exists() and (package / "_core.pyi").exists()
    assert timeliner.__version__ == cli("--version").stdout.split()[-1]


def test_the_pandas_example_counts_events_per_month():
    pd = pytest.importorskip("pandas")
    script = SOURCE / "python" / "examples" / "events_per_month.py"
    r = subprocess.run([sys.executable, str(script), str(MILLBROOK)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    merged = json.loads((SOURCE / "timelines" / "millbrook.json").read_text(encoding="utf-8"))
    months = pd.Series([e["date"]["earliest"][:7] for e in merged["events"] if e["kind"] == "event"])
    expected = months.value_counts().sort_index()
    printed = {line.split()[0]: int(line.split()[1]) for line in r.stdout.splitlines()[2:]}
    assert printed == expected.to_dict()
    assert sum(printed.values()) == 18  # the 18 events of docs/events.md
