"""Wikidata QuickStatements (V1 commands): the statements Wikidata could take.

A statement is written when Wikidata could hold it as it stands: its subject
and object both have a Wikidata QID, its predicate has a Wikidata property,
it is the article's own plain assertion (not negated, not a reported claim,
not a plan or a proposal) and its verdict is ``supported``. False,
misleading, simplified, opinion and unchecked statements never are.

Each command is one line of tab-separated parts (the V1 syntax of
Wikidata's Help:QuickStatements): ``Q… TAB P… TAB Q…``, then qualifiers and
a reference:

- the time as ``P585`` (point in time) or ``P580``/``P582`` (start/end time),
  ``+YYYY-MM-DDT00:00:00Z/p`` at the precision given: ``/9`` year, ``/10``
  month, ``/11`` day (unknown parts are ``00``); an unknown or open end
  (``1991/``, ``1967/..``) writes no ``P582``, only the start where known;
- ``S854`` the article's URL and ``S1683`` the evidence quote as
  monolingual text (``en:"…"``), on the first line; then one more line per
  cited source with a URL (``S854``), which QuickStatements adds as a
  further reference to the same statement (never a page of Wikidata
  itself, which cannot source its own statements). ``S248`` (stated in) needs a
  source's Wikidata item, which sources do not record, so it is not written.

V1 strings cannot hold a straight double quote, a ``|`` (a separator in
V2), a tab or a line break: a quote with one of those is left out of the
reference rather than altered, and a statement left with no reference at all
is not written. The file starts with comment lines (``/* … */``) saying it
is for review before upload: nothing here should be uploaded unread.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from newsfacts.dataset import Dataset
from newsfacts.model import Statement
from newsfacts.timespec import TimePoint, TimeSpec
from newsfacts.vocabulary import Modality, Precision, Rating

__all__ = ["QUICKSTATEMENTS_FILE", "quickstatements_lines", "write_quickstatements"]

QUICKSTATEMENTS_FILE = "quickstatements.txt"

_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}
_UNWRITABLE = frozenset('"|\t\r\n')
_WIKIDATA_HOSTS = frozenset({"www.wikidata.org", "wikidata.org", "m.wikidata.org"})


def _time(point: TimePoint) -> str:
    # Wikidata writes an unknown month or day as 00 at a coarser precision.
    return (
        f"+{point.year:04d}-{point.month or 0:02d}-{point.day or 0:02d}T00:00:00Z"
        f"/{_PRECISION[point.precision]}"
    )


def _qualifiers(time: TimeSpec | None) -> list[str]:
    if time is None:
        return []
    if time.ends_unknown:
        # An unknown or open end is no end time: only the start is written.
        return [] if time.start is None else ["P580", _time(time.start)]
    if time.end is None:
        assert time.start is not None
        return ["P585", _time(time.start)]
    parts = [] if time.start is None else ["P580", _time(time.start)]
    return [*parts, "P582", _time(time.end)]


def _string(text: str) -> str | None:
    # A V1 string has no escapes: refuse what would end or split it.
    if not text or _UNWRITABLE.intersection(text):
        return None
    return f'"{text}"'


def _qid(dataset: Dataset, id: str) -> str | None:
    record = dataset.entities.get(id) or dataset.events.get(id)
    return None if record is None else record.wikidata


def _eligible(statement: Statement) -> bool:
    verdict = statement.verdict
    return (
        statement.predicate.wikidata is not None
        and verdict is not None
        and verdict.rating is Rating.SUPPORTED
        and not statement.negated
        and not statement.attribution.is_reported
        and statement.modality is Modality.ASSERTED
        and statement.object_id is not None
    )


def _references(dataset: Dataset, statement: Statement) -> list[list[str]]:
    article = dataset.article
    first: list[str] = []
    if article.url is not None and _string(article.url) is not None:
        first += ["S854", f'"{article.url}"']
    quote = _string(" … ".join(span.text for span in statement.evidence))
    if statement.evidence and quote is not None and _string(article.language) is not None:
        first += ["S1683", f"{article.language}:{quote}"]
    references = [first] if first else []
    assert statement.verdict is not None
    cited = dict.fromkeys((*statement.sources, *statement.verdict.sources))
    for source_id in cited:
        source = dataset.sources.get(source_id)
        if source is None or source.url is None:
            continue
        url = _string(source.url)
        # Wikidata is never a reference for a Wikidata statement.
        if url is not None and urlsplit(source.url).hostname not in _WIKIDATA_HOSTS:
            references.append(["S854", url])
    return references


def quickstatements_lines(dataset: Dataset) -> Iterator[str]:
    """The lines of the QuickStatements file: the header comments, then one line per reference."""
    yield f"/* QuickStatements V1 commands from the newsfacts dataset {dataset.id} */"
    yield "/* FOR REVIEW BEFORE UPLOAD: check every statement and reference against its sources first */"
    for statement in dataset.statements:
        if not _eligible(statement):
            continue
        assert statement.object_id is not None
        assert statement.predicate.wikidata is not None
        subject = _qid(dataset, statement.subject)
        obj = _qid(dataset, statement.object_id)
        if subject is None or obj is None:
            continue
        claim = [subject, statement.predicate.wikidata, obj, *_qualifiers(statement.time)]
        for reference in _references(dataset, statement):
            yield "\t".join((*claim, *reference))


def write_quickstatements(dataset: Dataset, folder: Path) -> None:
    """``quickstatements.txt``: the statements Wikidata could take, for review before upload."""
    with (folder / QUICKSTATEMENTS_FILE).open("w", encoding="utf-8", newline="\n") as stream:
        for line in quickstatements_lines(dataset):
            stream.write(line + "\n")
