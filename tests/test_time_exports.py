"""How the exports write an end the words do not give: unknown (``1991/``) or open (``1967/..``).

Neither is an end time. QuickStatements writes no ``P582`` for it (nor a
``P585``: it is no point in time), RDF no ``schema:endDate``, and the CSV
tables leave the last day empty where there is none, as they leave the first
day of an unknown start without a bound; the record time's bounds are the
article time's, shape for shape.
"""

from __future__ import annotations

import csv
from pathlib import Path

import attrs
import pytest

import newsfacts
from newsfacts import Dataset, Resolution, TimePoint, TimeSpec
from newsfacts.export import quickstatements_lines, to_csv

DS = newsfacts.load()
# A supported statement whose ends have Wikidata items: QuickStatements writes it.
CAPITAL = "addis-ababa-capital-of-ethiopia"
ENDS = {
    "open": TimeSpec(TimePoint(2017), open_end=True, resolution=Resolution.CONTEXT),
    "unknown": TimeSpec(
        TimePoint(2017),
        unknown_end=True,
        not_after=TimePoint(2018, 2, 12),
        resolution=Resolution.CONTEXT,
    ),
}


def _with_time(time: TimeSpec) -> Dataset:
    statements = [attrs.evolve(s, time=time) if s.id == CAPITAL else s for s in DS.statements]
    return Dataset(
        DS.metadata,
        DS.article,
        tuple(DS.entities),
        tuple(DS.events),
        tuple(statements),
        DS.mentions,
        tuple(DS.sources),
    )


@pytest.mark.parametrize("shape", sorted(ENDS))
def test_quickstatements_writes_the_start_and_no_end(shape: str) -> None:
    lines = [line for line in quickstatements_lines(_with_time(ENDS[shape])) if "\tP1376\t" in line]
    assert lines
    for line in lines:
        parts = line.split("\t")
        assert parts[3:5] == ["P580", "+2017-00-00T00:00:00Z/9"], line
        assert "P582" not in parts, line
        assert "P585" not in parts, line


@pytest.mark.parametrize("shape", sorted(ENDS))
def test_csv_leaves_no_last_day_where_there_is_none(shape: str, tmp_path: Path) -> None:
    time = ENDS[shape]
    out = to_csv(_with_time(time), tmp_path / "csv")
    with (out / "statements.csv").open(encoding="utf-8", newline="") as stream:
        row = next(r for r in csv.DictReader(stream) if r["id"] == CAPITAL)
    assert row["time_edtf"] == time.edtf
    assert row["time_earliest"] == "2017-01-01"
    assert row["time_latest"] == ("" if time.upper is None else time.latest.isoformat())


@pytest.mark.parametrize("shape", sorted(ENDS))
def test_rdf_gives_no_end_date(shape: str) -> None:
    rdflib = pytest.importorskip("rdflib")
    from newsfacts.export import to_rdf

    graph = to_rdf(_with_time(ENDS[shape]))
    schema = rdflib.Namespace("https://schema.org/")
    node = next(s for s in graph.subjects() if str(s).endswith(f":{CAPITAL}"))
    assert (node, schema.endDate, None) not in graph
    edtf = {str(o) for p, o in graph.predicate_objects(node) if str(p).endswith("edtf")}
    assert edtf == {ENDS[shape].edtf}


SOURCE = "proclamation-9683"
SHAPES: dict[str, tuple[TimeSpec, str, str]] = {
    # Each shape of time, and the first and last day the CSV gives it.
    "point": (TimeSpec(TimePoint(2017, 12)), "2017-12-01", "2017-12-31"),
    "interval": (TimeSpec(TimePoint(2017), TimePoint(2018, 2)), "2017-01-01", "2018-02-28"),
    "unknown start": (TimeSpec(None, TimePoint(2018, 2, 12)), "", "2018-02-12"),
    "unknown start, bounded": (
        TimeSpec(
            None, TimePoint(2018, 2, 12), not_before=TimePoint(2017, 6), bound_sources=(SOURCE,)
        ),
        "2017-06-01",
        "2018-02-12",
    ),
    "open start": (TimeSpec(None, TimePoint(2018, 2, 12), open_start=True), "", "2018-02-12"),
    "once": (
        TimeSpec(TimePoint(2017, 12, 6), TimePoint(2018, 2, 12), once=True),
        "2017-12-06",
        "2018-02-12",
    ),
    "unknown end": (TimeSpec(TimePoint(2017), unknown_end=True), "2017-01-01", ""),
    "unknown end, bounded": (
        TimeSpec(TimePoint(2017), unknown_end=True, not_after=TimePoint(2018, 2, 12)),
        "2017-01-01",
        "2018-02-12",
    ),
    "open end": (TimeSpec(TimePoint(2017), open_end=True), "2017-01-01", ""),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_csv_gives_the_record_time_the_bounds_it_gives_the_time(shape: str, tmp_path: Path) -> None:
    given, earliest, latest = SHAPES[shape]
    time = attrs.evolve(given, resolution=Resolution.CONTEXT)
    record = attrs.evolve(given, resolution=Resolution.RECORD, sources=(SOURCE,))
    statements = [
        attrs.evolve(s, time=time, record_time=record) if s.id == CAPITAL else s
        for s in DS.statements
    ]
    dataset = Dataset(
        DS.metadata,
        DS.article,
        tuple(DS.entities),
        tuple(DS.events),
        tuple(statements),
        DS.mentions,
        tuple(DS.sources),
    )
    out = to_csv(dataset, tmp_path / "csv")
    with (out / "statements.csv").open(encoding="utf-8", newline="") as stream:
        row = next(r for r in csv.DictReader(stream) if r["id"] == CAPITAL)
    assert (row["time_edtf"], row["time_earliest"], row["time_latest"]) == (
        given.edtf,
        earliest,
        latest,
    )
    assert (
        row["record_time_edtf"],
        row["record_time_earliest"],
        row["record_time_latest"],
    ) == (given.edtf, earliest, latest)
