# Type hints of the extension module timeliner._core (python/module.cpp). Use timeliner.extract and
# timeliner.build rather than these.

version: str

def extract_json(text: str, dct: str | None, type: str, day_first: bool, doc: str) -> tuple[str, list[str]]:
    """The temporal expressions of `text` as a JSON array of extract's objects, and the warnings met."""

def build_json(
    articles: list[str],
    dct: str | None,
    dct_fallback: str | None,
    type: str,
    day_first: bool,
    merge_threshold: float,
    date_from: str | None,
    date_to: str | None,
) -> tuple[str, list[str]]:
    """The timeline of `articles` (each a line of JSON lines input) as the timeline JSON, and the warnings met."""
