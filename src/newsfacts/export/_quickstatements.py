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
  one moment within a range (``[2018-02-01..2018-02-20]``) is a ``P585``
  at the finest precision both bounds share (``2018-02``, ``/10``), and has
  no time where they share no year;
- for a statement of the article's (one with evidence), ``S854`` the
  article's URL and ``S1683`` the evidence quote as monolingual text
  (``en:"…"``), on the first line; an enrichment never cites the article;
  then one more line per
  cited source with a Wikidata item or a URL: ``S248`` (stated in) the
  source's own item (:attr:`Source.wikidata <newsfacts.model.Source.wikidata>`)
  and ``S854`` its URL, each where the source has one. In V1 the sources
  (``S…``) of one line make one reference, and a line that repeats a
  statement adds a further reference to it, so a source's item and URL
  stay together and apart from the article's. A source that is a page of
  Wikidata itself is left out: Wikidata cannot source its own statements.

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
    if time.once:
        # One moment within a range is no start and end: it is a point in time
        # as precise as the range allows (Wikidata's precision says how much
        # is known), or no time at all where the range spans several years.
        within = _common(time.lower, time.end)
        return [] if within is None else ["P585", _time(within)]
    if time.end is None:
        assert time.start is not None
        return ["P585", _time(time.start)]
    parts = [] if time.start is None else ["P580", _time(time.start)]
    return [*parts, "P582", _time(time.end)]


def _common(lower: TimePoint | None, upper: TimePoint | None) -> TimePoint | None:
    """The finest point holding both bounds (the day, month or year they share), if any."""
    if lower is None or upper is None or lower.year != upper.year:
        return None
    if lower.month is None or lower.month != upper.month:
        return TimePoint(lower.year)
    if lower.day is None or lower.day != upper.day:
        return TimePoint(lower.year, lower.month)
    return lower


def _string(text: str) -> str | None:
    # A V1 string has no escapes: refuse what would end or split it.
    if not text or _UNWRITABLE.intersection(text):
        return None
    return f'"{text}"'


def _qid(dataset: Dataset, id: str) -> str | None:
    record = dataset.entities.get(id) or dataset.events.get(id)
    return None if record is None else record.wikidata


def _on_wikidata(url: str | None) -> bool:
    # Wikidata is never a reference for a Wikidata statement.
    try:
        return url is not None and urlsplit(url).hostname in _WIKIDATA_HOSTS
    except ValueError:  # a malformed authority ("http://[x"): no host at all
        return False


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
    # The article is a reference only for what it states: an enrichment has no
    # evidence, and its own sources are its references.
    if statement.evidence:
        if article.url is not None and _string(article.url) is not None:
            first += ["S854", f'"{article.url}"']
        quote = _string(" … ".join(span.text for span in statement.evidence))
        if quote is not None and _string(article.language) is not None:
            first += ["S1683", f"{article.language}:{quote}"]
    references = [first] if first else []
    assert statement.verdict is not None
    cited = dict.fromkeys((*statement.sources, *statement.verdict.sources))
    for source_id in cited:
        source = dataset.sources.get(source_id)
        if source is None or _on_wikidata(source.url):
            continue
        reference = [] if source.wikidata is None else ["S248", source.wikidata]
        url = None if source.url is None else _string(source.url)
        if url is not None:
            reference += ["S854", url]
        # Two sources may name one item and no URL: one reference says it.
        if reference and reference not in references:
            references.append(reference)
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
