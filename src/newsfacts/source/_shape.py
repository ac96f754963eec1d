"""What the source form shares between reading and writing.

The source form of a record is derived from its attrs fields: the same
field names as the JSON form, values equal to their default left out, with
three differences that make it fit for writing by hand. A span is the
article's words (a quote selector, see :mod:`newsfacts.quotes`); a
:class:`~newsfacts.TimePoint` is text (``"2018-02-12"``, ``"1967"``,
``"late 2018-01"``); a field whose type allows ``None`` is left out to mean
``None``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from newsfacts.format import ARTICLE_FILE, KINDS
from newsfacts.format import field_types as format_field_types
from newsfacts.model import Span
from newsfacts.quotes import occurrences
from newsfacts.timespec import TimePoint
from newsfacts.vocabulary import MonthPart

__all__ = [
    "ARTICLE_TEXT",
    "RECORD_TABLES",
    "field_types",
    "format_point",
    "parse_point",
    "rule_spans",
]

ARTICLE_TEXT = ARTICLE_FILE
"""The article's text beside the source files, UTF-8, read byte for byte."""

RECORD_TABLES: Mapping[str, tuple[str, type]] = {
    kind.name: (kind.registry, kind.cls) for kind in KINDS
}
"""Each array of tables of a source (``[[entity]]``): the dataset's registry and the record type."""

RULE_KEYS = ("every", "except_within")
"""The keys of a mention written as a rule, in place of ``span``."""


def field_types(cls: type) -> Mapping[str, Any]:
    """The types of the attrs fields of ``cls`` that its constructor takes."""
    types_ = format_field_types(cls)
    return {f.name: types_[f.name] for f in attrs.fields(cls) if f.init}


_PARTS = "|".join(part.value for part in MonthPart)
_POINT = re.compile(
    rf"(?:(?P<part>{_PARTS}) )?(?P<year>\d{{4}})(?:-(?P<month>\d{{2}})(?:-(?P<day>\d{{2}}))?)?"
)


def format_point(point: TimePoint) -> str:
    """``"2018-02-12"``, ``"2017-12"``, ``"1967"``, ``"late 2018-01"``: as ``str(point)``."""
    return str(point)


def parse_point(text: str) -> dict[str, Any]:
    """The JSON form of a :class:`~newsfacts.TimePoint` written as :func:`format_point` writes it.

    Raises :class:`ValueError` for text of another shape.
    """
    match = _POINT.fullmatch(text)
    if match is None:
        raise ValueError(
            f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, optionally after "
            f'{", ".join(repr(p.value) for p in MonthPart)} ("late 2018-01"), got {text!r}'
        )
    out: dict[str, Any] = {"year": int(match["year"])}
    if match["month"] is not None:
        out["month"] = int(match["month"])
    if match["day"] is not None:
        out["day"] = int(match["day"])
    if match["part"] is not None:
        out["part"] = match["part"]
    return out


def rule_spans(text: str, every: str, except_within: tuple[str, ...] = ()) -> tuple[Span, ...]:
    """The spans a mention rule names: whole-word occurrences of ``every`` outside ``except_within``.

    ``except_within`` holds longer quotes ("Mahmoud Abbas" for "Abbas"): an
    occurrence inside a whole-word occurrence of one of them is left out.
    Raises :class:`ValueError` for an empty quote.
    """
    excluded = sorted(
        (span.start, span.end)
        for longer in except_within
        for span in occurrences(text, longer, words=True)
    )
    kept = []
    for span in occurrences(text, every, words=True):
        if not any(start <= span.start and span.end <= end for start, end in excluded):
            kept.append(span)
    return tuple(kept)
