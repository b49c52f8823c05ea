"""timeliner: temporal expressions in news articles, resolved to TIMEX3 values, and event timelines.

The library of the ``timeliner`` command, called in-process: :func:`extract` finds and resolves every
temporal expression of a text, :func:`build` turns articles into one ordered, merged timeline. Both
return plain dicts with exactly the fields of the command line's JSON (see docs/formats.md), and
release the GIL while they work, so threads can run them side by side.

>>> import timeliner
>>> [(m["text"], m["value"]) for m in timeliner.extract("Prices rose yesterday.", dct="2025-04-18")]
[('yesterday', '2025-04-17')]
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import warnings as _warnings
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Optional, TypedDict, Union

from . import _core

__all__ = ["extract", "build", "Mention", "TimelinerWarning", "DateLike", "__version__"]

__version__: str = _core.version

#: A date as a string (``"2025-04-18"``, ``"2025-04-18T02:30"``, ``"2025-04-18T02:30+08:00"``) or a
#: :class:`datetime.date` / :class:`datetime.datetime` (a naive datetime is a local clock time).
DateLike = Union[str, _dt.date]


class TimelinerWarning(UserWarning):
    """What the command line prints as ``timeliner: warning: ...``: an article skipped, a date not read."""


class _MentionBase(TypedDict):
    doc: str
    text: str
    start: int
    end: int
    type: str
    value: str
    mod: Optional[str]
    granularity: str
    earliest: Optional[str]
    latest: Optional[str]
    anchor: str
    rule: str


class Mention(_MentionBase, total=False):
    """One temporal expression, as a line of ``timeliner extract``.

    ``text[start:end]`` of the text given to :func:`extract` is ``text``; ``value`` is the TIMEX3
    value, ``earliest`` and ``latest`` the inclusive days it spans (``None`` for durations and
    sets), ``freq`` is present for sets with a frequency.
    """

    freq: str


def _date(value: Optional[DateLike], name: str) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"{name} must be a str, datetime.date or datetime.datetime, not {type(value).__name__}")


def _json_value(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return _date(value, "published")
    raise TypeError(f"an article's fields must be JSON values or dates, not {type(value).__name__}")


def _warn(messages: list[str]) -> None:
    for message in messages:
        _warnings.warn(message, TimelinerWarning, stacklevel=3)


def extract(
    text: str,
    dct: Optional[DateLike] = None,
    type: Literal["news", "narrative", "schedule"] = "news",
    day_first: bool = False,
    doc: str = "text",
) -> list[Mention]:
    """Every temporal expression of ``text``, resolved, in text order.

    Args:
        text: the article (a first line that looks like a title is read as one; a byline or
            dateline at the top gives the publication date when ``dct`` is not given).
        dct: the publication date that deictic expressions ("yesterday", "last week") hang on.
            Without it, and without a byline, only explicit dates are resolved (with a warning).
        type: ``"news"`` (deictic expressions from the publication date), ``"narrative"``
            (from the date narrated before) or ``"schedule"`` (text about what is to come: the next
            date or time from ``dct``; see docs/schedule.md).
        day_first: read ``4/5/2025`` as 4 May rather than April 5.
        doc: the document id written in each mention's ``doc``.

    Returns:
        One dict per expression with the fields of ``timeliner extract``'s JSON lines.

    Raises:
        ValueError: an invalid ``dct`` or ``type``, with the command line's message.
    """
    out, warnings = _core.extract_json(text, _date(dct, "dct"), type, day_first, doc)
    _warn(warnings)
    mentions: list[Mention] = _json.loads(out)
    return mentions


def build(
    articles: Iterable[Mapping[str, Any]],
    dct: Optional[DateLike] = None,
    dct_fallback: Optional[DateLike] = None,
    type: Literal["news", "narrative", "schedule"] = "news",
    day_first: bool = False,
    merge_threshold: float = 0.5,
    date_from: Optional[DateLike] = None,
    date_to: Optional[DateLike] = None,
) -> dict[str, Any]:
    """One timeline from ``articles``: events dated, merged across articles and ordered.

    Args:
        articles: dicts as the lines of JSON lines input: ``text`` (or ``html``, a whole page,
            whose publication date is read from its metadata), and optionally ``id``, ``title``,
            ``published`` (a date string or a :class:`datetime.date`) and ``url``. An article with
            neither ``text`` nor ``html`` is skipped with a :class:`TimelinerWarning`.
        dct: the publication date of every article, overriding theirs.
        dct_fallback: the publication date of the articles where none is found.
        type: ``"news"``, ``"narrative"`` or ``"schedule"``, as for :func:`extract`.
        day_first: read ``4/5/2025`` as 4 May.
        merge_threshold: how alike two headlines must be to merge (cosine of their content-word
            stems, 0..1; above 1 merges nothing).
        date_from, date_to: keep the events whose interval overlaps these days (``YYYY-MM-DD``).

    Returns:
        The timeline as ``timeliner build`` writes it (``schema``, ``generator``, ``documents``,
        ``events``; schema/timeline.schema.json), as a dict.

    Raises:
        ValueError: an invalid option, or no article with a publication date, with the command
            line's message. Articles without a date are skipped with a warning when others have one.
        TypeError: an article that is not a mapping.
    """
    lines = []
    for number, article in enumerate(articles, 1):
        if not isinstance(article, Mapping):
            raise TypeError(f"article {number}: expected a dict, not {article.__class__.__name__}")
        lines.append(_json.dumps(dict(article), ensure_ascii=False, default=_json_value))
    out, warnings = _core.build_json(
        lines,
        _date(dct, "dct"),
        _date(dct_fallback, "dct_fallback"),
        type,
        day_first,
        merge_threshold,
        _date(date_from, "date_from"),
        _date(date_to, "date_to"),
    )
    _warn(warnings)
    timeline: dict[str, Any] = _json.loads(out)
    return timeline
