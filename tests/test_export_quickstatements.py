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

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfacts
from _tiny import tiny_dataset
from newsfacts import (
    Dataset,
    Entity,
    EntityKind,
    Origin,
    Predicate,
    Rating,
    Resolution,
    Source,
    Statement,
    TimePoint,
    TimeSpec,
    Verdict,
)
from newsfacts.export import QUICKSTATEMENTS_FILE, export
from newsfacts.vocabulary import Modality, Precision
from strategies import datasets

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
    check_stated_in(dataset, lines)


def _claim(dataset: Dataset, statement: Statement) -> tuple[str, ...]:
    """The statement's command before its references: item, property, value and qualifiers."""
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
    elif time is not None and time.once:
        # One moment in [earliest, latest]: a point in time at the finest
        # calendar unit holding both days, none where they are years apart.
        first, last = time.earliest, time.latest
        if time.lower is None:
            pass
        elif first == last:
            claim += ("P585", f"+{first.isoformat()}T00:00:00Z/11")
        elif (first.year, first.month) == (last.year, last.month):
            claim += ("P585", f"+{first.year:04d}-{first.month:02d}-00T00:00:00Z/10")
        elif first.year == last.year:
            claim += ("P585", f"+{first.year:04d}-00-00T00:00:00Z/9")
    elif time is not None and time.end is None:
        assert time.start is not None
        claim += ("P585", _time(time.start))
    elif time is not None and time.end is not None:
        if time.start is not None:
            claim += ("P580", _time(time.start))
        claim += ("P582", _time(time.end))
    return claim


def _references(lines: list[str]) -> dict[tuple[str, ...], list[dict[str, str]]]:
    """Each command's claim (as :func:`_claim`) and the reference of each of its lines."""
    written: dict[tuple[str, ...], list[dict[str, str]]] = {}
    for line in lines:
        if COMMENT.fullmatch(line):
            continue
        parsed, qualifiers, sources = _parse(line)
        reference = dict(sources)
        assert len(reference) == len(sources), f"a source property twice in one reference: {line}"
        written.setdefault((*parsed, *(v for q in qualifiers for v in q)), []).append(reference)
    return written


def _cited(dataset: Dataset, statement: Statement) -> list[Source]:
    """The sources a statement cites, itself or in its verdict, but Wikidata's own pages."""
    ids = (*statement.sources, *(statement.verdict.sources if statement.verdict else ()))
    return [
        dataset.sources[id]
        for id in dict.fromkeys(ids)
        if "wikidata.org" not in (dataset.sources[id].url or "")
    ]


def _written_url(source: Source) -> str | None:
    """The source's URL as a V1 string, or ``None``: V1 strings have no escapes."""
    if source.url is None or set('"|\t\r\n') & set(source.url):
        return None
    return f'"{source.url}"'


def check_stated_in(dataset: Dataset, lines: list[str]) -> int:
    """Every source with a Wikidata item is ``S248`` on a line of each statement citing it.

    That line's reference is the source's alone: its item (``S248``) with its
    URL (``S854``) where it has a writable one, and no quote. A source without
    an item never gets ``S248``, nor does the article's reference. Returns the
    number of ``S248`` references checked.
    """
    written = _references(lines)
    cited: dict[tuple[str, ...], list[Source]] = {}
    for statement in dataset.statements:
        if _wikidata_could_take(dataset, statement):
            cited.setdefault(_claim(dataset, statement), []).extend(_cited(dataset, statement))
    assert set(written) <= set(cited)
    checked = 0
    for claim, sources in cited.items():
        references = written.get(claim, [])
        items = {source.wikidata for source in sources if source.wikidata is not None}
        for reference in references:
            if "S248" in reference:
                assert reference["S248"] in items, (claim, reference)
                assert "S1683" not in reference, (claim, reference)
                checked += 1
        for source in sources:
            url = _written_url(source)
            if source.wikidata is not None:
                expected = {"S248": source.wikidata} | ({"S854": url} if url else {})
                assert expected in references, (claim, source.id, references)
            elif url is not None and {o.wikidata for o in sources if o.url == source.url} == {None}:
                assert {"S854": url} in references, (claim, source.id, references)
                for reference in references:
                    assert reference.get("S854") != url or "S248" not in reference, reference
    return checked


@DATASETS
def test_exactly_the_statements_wikidata_could_take(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "quickstatements", tmp_path / "qs")
    check_exactly_what_wikidata_could_take(
        dataset, (out / QUICKSTATEMENTS_FILE).read_text(encoding="utf-8").splitlines()
    )


@given(datasets())
def test_generated_datasets_give_exactly_what_wikidata_could_take(dataset: Dataset) -> None:
    # Every shape of time a statement can have (points, intervals, unknown and
    # open ends, one moment within a range) gets its qualifiers.
    lines = list(newsfacts.export.quickstatements_lines(dataset))
    check_exactly_what_wikidata_could_take(dataset, lines)


def check_exactly_what_wikidata_could_take(dataset: Dataset, lines: list[str]) -> None:
    written = _references(lines)
    expected = {
        _claim(dataset, statement): statement
        for statement in dataset.statements
        if _wikidata_could_take(dataset, statement)
    }
    assert set(written) <= set(expected)
    for claim, statement in expected.items():
        references = written.get(claim, [])
        # A reference needs a URL or an item: the article's URL, or a cited
        # source's URL or Wikidata item, other than Wikidata's own pages.
        has_reference = dataset.article.url is not None or any(
            source.url is not None or source.wikidata is not None
            for source in _cited(dataset, statement)
        )
        if has_reference:
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


_SOURCES_WITH_AND_WITHOUT_ITEMS = (
    Source("report", "A report", url="https://example.invalid/report", wikidata="Q900001"),
    Source("database", "A database", wikidata="Q900002"),
    Source("page", "A page", url="https://example.invalid/page"),
)


def _dataset_citing(
    sources: tuple[Source, ...] = _SOURCES_WITH_AND_WITHOUT_ITEMS,
    cites: tuple[str, ...] = ("report", "page"),
    verdict_cites: tuple[str, ...] = ("database", "example-source", "report"),
) -> Dataset:
    """The tiny dataset and a statement Wikidata could take, Moscow capital of Russia.

    ``sources`` are added to the tiny dataset's own (``example-source``);
    the statement cites ``cites``, its supported verdict ``verdict_cites``.
    """
    tiny = tiny_dataset()
    russia = Entity(
        "russia",
        EntityKind.STATE,
        "Russia",
        wikidata="Q159",
        origin=Origin.ENRICHMENT,
        sources=("example-source",),
    )
    capital = Statement(
        "moscow-capital-of-russia",
        "moscow",
        Predicate.CAPITAL_OF,
        "russia",
        time=TimeSpec(TimePoint(2018, 2, 12), resolution=Resolution.PUBLICATION),
        origin=Origin.ENRICHMENT,
        sources=cites,
        verdict=Verdict(Rating.SUPPORTED, sources=verdict_cites),
    )
    return Dataset(
        tiny.metadata,
        tiny.article,
        (*tiny.entities, russia),
        tiny.events,
        (*tiny.statements, capital),
        tiny.mentions,
        (*tiny.sources, *sources),
    )


def test_stated_in_is_the_sources_own_item_in_its_own_reference() -> None:
    # The verdict repeats a source of the statement's: one reference says it.
    dataset = _dataset_citing()
    assert newsfacts.validate(dataset) == ()
    lines = list(newsfacts.export.quickstatements_lines(dataset))
    claim = "Q649\tP1376\tQ159\tP585\t+2018-02-12T00:00:00Z/11"
    # An enrichment: its sources are its references, never the article.
    assert [line for line in lines if not COMMENT.fullmatch(line)] == [
        f'{claim}\tS248\tQ900001\tS854\t"https://example.invalid/report"',
        f'{claim}\tS854\t"https://example.invalid/page"',
        f"{claim}\tS248\tQ900002",
        f'{claim}\tS854\t"https://example.invalid/source"',
    ]
    assert check_stated_in(dataset, lines) == 2


def test_a_source_on_wikidata_is_no_reference_even_with_an_item() -> None:
    on_wikidata = Source(
        "report", "A report", url="https://www.wikidata.org/wiki/Q900001", wikidata="Q900001"
    )
    dataset = _dataset_citing((on_wikidata, *_SOURCES_WITH_AND_WITHOUT_ITEMS[1:]))
    text = "\n".join(newsfacts.export.quickstatements_lines(dataset))
    assert "Q900001" not in text
    assert "wikidata.org" not in text
    assert "\tS248\tQ900002" in text


_URLS = st.none() | st.sampled_from(
    [
        "https://example.invalid/a",
        "https://example.invalid/b",
        'https://example.invalid/"quoted"',  # no V1 string can hold it
        "https://www.wikidata.org/wiki/Q159",
    ]
)


@st.composite
def _datasets_citing(draw: st.DrawFn) -> Dataset:
    """Sources with and without items and URLs, cited by the statement, its verdict, or both."""
    count = draw(st.integers(1, 4))
    sources = tuple(
        Source(
            f"source-{index}",
            f"Source {index}",
            url=draw(_URLS),
            wikidata=draw(st.none() | st.sampled_from([f"Q{900_000 + index}", "Q900000"])),
        )
        for index in range(count)
    )
    ids = [source.id for source in sources]
    cites = draw(st.lists(st.sampled_from(ids), unique=True, max_size=count))
    verdict_cites = draw(st.lists(st.sampled_from(ids), unique=True, max_size=count))
    return _dataset_citing(sources, tuple(cites), tuple(verdict_cites))


@given(_datasets_citing())
def test_every_cited_item_is_stated_in_and_no_other(dataset: Dataset) -> None:
    lines = list(newsfacts.export.quickstatements_lines(dataset))
    for line in lines:
        if not COMMENT.fullmatch(line):
            _parse(line)
    (statement,) = (s for s in dataset.statements if s.id == "moscow-capital-of-russia")
    cited = _cited(dataset, statement)
    # One reference for each item and written URL, however many sources share them.
    assert check_stated_in(dataset, lines) == len(
        {(s.wikidata, _written_url(s)) for s in cited if s.wikidata is not None}
    )


@given(datasets())
def test_the_article_is_a_reference_only_of_what_it_states(dataset: Dataset) -> None:
    """``S854`` the article's URL and ``S1683`` a quote only on statements with evidence."""
    lines = list(newsfacts.export.quickstatements_lines(dataset))
    written = _references(lines)
    for statement in dataset.statements:
        if not _wikidata_could_take(dataset, statement):
            continue
        for reference in written.get(_claim(dataset, statement), []):
            if not statement.evidence:
                assert "S1683" not in reference, (statement.id, reference)
                if dataset.article.url is not None:
                    article_url = f'"{dataset.article.url}"'
                    cited = {_written_url(s) for s in _cited(dataset, statement)}
                    if article_url not in cited:
                        assert reference.get("S854") != article_url, (statement.id, reference)


ONCE_WITHIN = {
    # One moment within a range: a point in time as precise as the range allows.
    "a day": (TimePoint(2018, 2, 12), TimePoint(2018, 2, 12), "+2018-02-12T00:00:00Z/11"),
    "a month": (TimePoint(2018, 2, 1), TimePoint(2018, 2, 20), "+2018-02-00T00:00:00Z/10"),
    "a month, at its precision": (
        TimePoint(2018, 2),
        TimePoint(2018, 2, 20),
        "+2018-02-00T00:00:00Z/10",
    ),
    "a year": (TimePoint(2018, 1), TimePoint(2018, 12, 31), "+2018-00-00T00:00:00Z/9"),
    "several years": (TimePoint(2016), TimePoint(2018, 2, 12), None),
}


@pytest.mark.parametrize("case", list(ONCE_WITHIN))
def test_one_moment_within_a_range_is_a_point_in_time_never_a_start_and_end(case: str) -> None:
    lower, end, point = ONCE_WITHIN[case]
    dataset = _dataset_citing()
    capital = dataset.statements["moscow-capital-of-russia"]
    once = TimeSpec(lower, end, once=True, resolution=Resolution.PUBLICATION)
    changed = attrs.evolve(capital, time=once)
    dataset = Dataset(
        dataset.metadata,
        dataset.article,
        dataset.entities,
        dataset.events,
        tuple(changed if s is capital else s for s in dataset.statements),
        dataset.mentions,
        dataset.sources,
    )
    assert newsfacts.validate(dataset) == ()
    claims = {
        line.split("\tS")[0]
        for line in newsfacts.export.quickstatements_lines(dataset)
        if not COMMENT.fullmatch(line)
    }
    expected = "Q649\tP1376\tQ159" + ("" if point is None else f"\tP585\t{point}")
    assert claims == {expected}
    check_exactly_what_wikidata_could_take(
        dataset, list(newsfacts.export.quickstatements_lines(dataset))
    )
