"""QuickStatements: every line parsed by the V1 grammar, every property from the predicate table.

The grammar is Wikidata's Help:QuickStatements (the V1 commands): a command
is tab-separated ``item TAB property TAB value``, then pairs of a qualifier
(``P…``) or a source (``S…``) and its value; a value is an item
(``Q…``), a string in double quotes, monolingual text (``en:"…"``) or a time
(``+YYYY-MM-DDT00:00:00Z/p``, ``p`` 9 for a year, 10 a month, 11 a day);
``/* … */`` is a comment.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset, Predicate, Rating, Statement
from newsfacts.export import QUICKSTATEMENTS_FILE, export
from newsfacts.timespec import TimePoint
from newsfacts.vocabulary import Modality, Precision

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])

ITEM = r"Q[1-9][0-9]*"
STRING = r'"[^"\t|]*"'
MONOLINGUAL = r'[a-z]{2,3}(?:-[a-zA-Z0-9]+)*:"[^"\t|]+"'
TIME = r"[+-][0-9]{4,}-[0-9]{2}-[0-9]{2}T00:00:00Z/(?:9|10|11)"
VALUE = re.compile(f"{ITEM}|{STRING}|{MONOLINGUAL}|{TIME}")
COMMENT = re.compile(r"/\*.*\*/")
QUALIFIERS = {"P580", "P582", "P585"}
"""start time, end time, point in time"""
SOURCES = {"S854", "S1683", "S248"}
"""reference URL, quotation, stated in"""
PREDICATE_PROPERTIES = {p.wikidata for p in Predicate if p.wikidata is not None}
_PRECISION = {Precision.YEAR: "9", Precision.MONTH: "10", Precision.DAY: "11"}


def _parse(line: str) -> tuple[tuple[str, str, str], list[tuple[str, str]], list[tuple[str, str]]]:
    parts = line.split("\t")
    assert len(parts) >= 3
    assert len(parts) % 2 == 1, line
    item, prop, value = parts[:3]
    assert re.fullmatch(ITEM, item), item
    assert re.fullmatch(r"P[1-9][0-9]*", prop), prop
    assert VALUE.fullmatch(value), value
    qualifiers, sources = [], []
    for key, val in zip(parts[3::2], parts[4::2], strict=True):
        assert VALUE.fullmatch(val), val
        if key.startswith("S"):
            sources.append((key, val))
        else:
            assert not sources, f"a qualifier after a source: {line}"
            qualifiers.append((key, val))
    return (item, prop, value), qualifiers, sources


def _qid(dataset: Dataset, id: str) -> str | None:
    record = dataset.entities.get(id) or dataset.events.get(id)
    return None if record is None else record.wikidata


def _wikidata_could_take(dataset: Dataset, statement: Statement) -> bool:
    return (
        statement.verdict is not None
        and statement.verdict.rating is Rating.SUPPORTED
        and statement.predicate.wikidata is not None
        and statement.object_id is not None
        and not statement.negated
        and not statement.attribution.is_reported
        and statement.modality is Modality.ASSERTED
        and _qid(dataset, statement.subject) is not None
        and _qid(dataset, statement.object_id) is not None
    )


def _time(point: TimePoint) -> str:
    return f"+{point.year:04d}-{point.month or 0:02d}-{point.day or 0:02d}T00:00:00Z/{_PRECISION[point.precision]}"


@DATASETS
def test_every_line_parses_and_uses_known_properties(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "quickstatements", tmp_path / "qs")
    lines = (out / QUICKSTATEMENTS_FILE).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if COMMENT.fullmatch(line)]
    assert comments == lines[: len(comments)]
    assert any("review before upload" in line.lower() for line in comments)
    for line in lines[len(comments) :]:
        (_, prop, _), qualifiers, sources = _parse(line)
        assert prop in PREDICATE_PROPERTIES
        assert {key for key, _ in qualifiers} <= QUALIFIERS
        assert sources, f"a line without a reference: {line}"
        assert {key for key, _ in sources} <= SOURCES


@DATASETS
def test_exactly_the_statements_wikidata_could_take(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "quickstatements", tmp_path / "qs")
    lines = [
        line
        for line in (out / QUICKSTATEMENTS_FILE).read_text(encoding="utf-8").splitlines()
        if not COMMENT.fullmatch(line)
    ]
    written: dict[tuple[str, ...], list[list[tuple[str, str]]]] = {}
    for line in lines:
        parsed, qualifiers, sources = _parse(line)
        written.setdefault((*parsed, *(v for q in qualifiers for v in q)), []).append(sources)
    expected: dict[tuple[str, ...], Statement] = {}
    for statement in dataset.statements:
        if not _wikidata_could_take(dataset, statement):
            continue
        assert statement.object_id is not None
        assert statement.predicate.wikidata is not None
        claim: tuple[str, ...] = (
            str(_qid(dataset, statement.subject)),
            statement.predicate.wikidata,
            str(_qid(dataset, statement.object_id)),
        )
        time = statement.time
        if time is not None and time.ends_unknown:
            # An unknown or open end is no end time: the start only, where known.
            if time.start is not None:
                claim += ("P580", _time(time.start))
        elif time is not None and time.end is None:
            assert time.start is not None
            claim += ("P585", _time(time.start))
        elif time is not None and time.end is not None:
            if time.start is not None:
                claim += ("P580", _time(time.start))
            claim += ("P582", _time(time.end))
        expected[claim] = statement
    assert set(written) <= set(expected)
    for claim, statement in expected.items():
        references = [dict(sources) for sources in written.get(claim, [])]
        # A reference needs a URL: the article's, or a cited source's other than Wikidata's own.
        has_url = dataset.article.url is not None or any(
            "wikidata.org" not in (dataset.sources[s].url or "wikidata.org")
            for s in (*statement.sources, *(statement.verdict.sources if statement.verdict else ()))
        )
        if has_url:
            assert references, f"{statement.id} is missing"
        for reference in references:
            assert "wikidata.org" not in reference.get("S854", "")
            if "S1683" in reference:
                quote = " … ".join(span.text for span in statement.evidence)
                assert reference["S1683"] == f'{dataset.article.language}:"{quote}"'


def test_a_known_statement_is_there_and_no_false_one() -> None:
    lines = "\n".join(newsfacts.export.quickstatements_lines(DS))
    # Addis Ababa (Q3624) capital of (P1376) Ethiopia (Q115), quoted from the article.
    assert re.search(
        r'^Q3624\tP1376\tQ115(?:\tP58[025]\t\S+)*\tS854\t"[^"]+"\tS1683\ten:"Ethiopia’s capital Addis Ababa"$',
        lines,
        re.M,
    )
    for statement in DS.statements:
        rating = statement.verdict.rating if statement.verdict else None
        if rating is not Rating.SUPPORTED and statement.object_id is not None:
            subject, obj = _qid(DS, statement.subject), _qid(DS, statement.object_id)
            prop = statement.predicate.wikidata
            if subject and obj and prop:
                assert f"{subject}\t{prop}\t{obj}\t" not in lines
