"""CSV tables and the Frictionless Data Package, checked by the ``frictionless`` package."""

from __future__ import annotations

import contextlib
import csv
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import attrs
import frictionless
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from _compare import held_references
from _tiny import FORMULA_TEXTS, tiny_dataset
from newsfacts import Dataset, Source
from newsfacts.export import FORMULA_PREFIXES, PACKAGE_FILE, neutralise, tables, to_csv
from newsfacts.format import references
from strategies import datasets

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])


def _validate(folder: Path) -> frictionless.Report:
    report: frictionless.Report = frictionless.validate(str(folder / PACKAGE_FILE))
    return report


def _errors(report: frictionless.Report) -> list[tuple[str, str]]:
    """(table, error type) of every error in the report."""
    return [(task.name, error.type) for task in report.tasks for error in task.errors] + [
        ("", error.type) for error in report.errors
    ]


def _rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@DATASETS
def test_the_package_is_valid(dataset: Dataset, tmp_path: Path) -> None:
    out = to_csv(dataset, tmp_path / "csv")
    report = _validate(out)
    assert report.valid, _errors(report)
    descriptor = json.loads((out / PACKAGE_FILE).read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["name"] == dataset.id
    assert descriptor["licenses"][0]["name"] == dataset.metadata.license.split()[0]
    assert {s["title"] for s in descriptor["sources"]} >= {s.title for s in dataset.sources}
    names = {resource["name"] for resource in descriptor["resources"]}
    assert names == {table.name for table in tables(dataset)}
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [PACKAGE_FILE, ".newsfacts-export", *(f"{n}.csv" for n in names)]
    )
    for resource in descriptor["resources"]:
        assert resource["schema"]["primaryKey"], resource["name"]
        for key in resource["schema"].get("foreignKeys", ()):
            target = key["reference"].get("resource", resource["name"])
            assert target in names


def test_the_tables_hold_every_record(tmp_path: Path) -> None:
    out = to_csv(DS, tmp_path / "csv")
    assert [row["id"] for row in _rows(out, "entities")] == list(DS.entities.ids)
    assert [row["id"] for row in _rows(out, "events")] == list(DS.events.ids)
    assert [row["id"] for row in _rows(out, "statements")] == list(DS.statements.ids)
    assert [row["id"] for row in _rows(out, "sources")] == list(DS.sources.ids)
    mentions = {
        (int(r["number"]), int(r["target_position"]), r["target_entity"] or r["target_event"])
        for r in _rows(out, "mentions")
    }
    assert mentions == {
        (number, position, target)
        for number, m in enumerate(DS.mentions)
        for position, target in enumerate(m.targets)
    }
    participants = {(r["event"], r["entity"], r["role"]) for r in _rows(out, "participants")}
    assert participants == {
        (e.id, p.entity, p.role.value) for e in DS.events for p in e.participants
    }
    evidence = {
        (r["fact"], int(r["start"]), int(r["end"]), r["text"]) for r in _rows(out, "evidence")
    }
    assert evidence == {
        (fact.id, span.start, span.end, neutralise(span.text))
        for fact in (*DS.events, *DS.statements)
        for span in fact.evidence
    }
    for row in _rows(out, "statements"):
        statement = DS.statements[row["id"]]
        assert row["predicate"] == statement.predicate.value
        assert row["wikidata_property"] == (statement.predicate.wikidata or "")
        subject = row["subject_entity"] or row["subject_event"]
        assert subject == statement.subject
        assert bool(row["subject_entity"]) != bool(row["subject_event"])
        assert row["verdict"] == (statement.verdict.rating.value if statement.verdict else "")


def _break(folder: Path, table: str, column: str, value: str) -> None:
    rows = _rows(folder, table)
    rows[0][column] = value
    with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("table", "column"),
    [("participants", "entity"), ("evidence", "event"), ("citations", "source")],
)
def test_a_broken_foreign_key_is_caught(table: str, column: str, tmp_path: Path) -> None:
    out = to_csv(DS, tmp_path / "csv")
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    _break(broken, table, column, "no-such-record")
    report = _validate(broken)
    assert not report.valid
    errors = _errors(report)
    assert set(errors) == {(table, "foreign-key")}
    assert _validate(out).valid


def test_a_duplicate_primary_key_is_caught(tmp_path: Path) -> None:
    out = to_csv(DS, tmp_path / "csv")
    rows = _rows(out, "entities")
    _break(out, "entities", "id", rows[1]["id"])
    # The old id's references break too; the duplicate itself must be named.
    assert ("entities", "primary-key") in set(_errors(_validate(out)))


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    dataset = tiny_dataset()
    out = to_csv(dataset, tmp_path / "csv")
    cells = []
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.reader(stream):
                cells.extend(row)
    dangerous = [
        cell
        for cell in cells
        for part in re.split("[,;]", cell)
        if part.startswith(FORMULA_PREFIXES) and not cell.startswith("[")
    ]
    assert dangerous == []
    # Every cell is quoted, as OWASP advises, and no file starts with a byte-order mark.
    for path in out.glob("*.csv"):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert raw.startswith(b'"')
    # Every formula-like text is there, defused by a leading apostrophe.
    verdict = dataset.statements["gaza-part-of-egypt"].verdict
    assert verdict is not None
    texts = [
        *(entity.description for entity in dataset.entities if entity.description),
        *(event.label for event in dataset.events),
        *(source.title for source in dataset.sources),
        verdict.note,
        dataset.article.text,
    ]
    for text in texts:
        assert text.startswith(FORMULA_PREFIXES)
        assert neutralise(text) in cells, text
        assert neutralise(text).startswith("'")
    # Aliases are JSON lists: the formula is inside a string, never at the cell's start.
    aliases = {row["id"]: json.loads(row["aliases"] or "[]") for row in _rows(out, "entities")}
    assert aliases["moscow"] == [FORMULA_TEXTS[0]]
    assert FORMULA_TEXTS[3] in aliases["vladimir-putin"]
    assert _validate(out).valid


@given(st.text(alphabet=st.sampled_from("=+-@\t\r\n,;'a b")) | st.text())
def test_neutralise(text: str) -> None:
    safe = neutralise(text)
    # No part a spreadsheet may split off starts a formula.
    assert not any(part.startswith(FORMULA_PREFIXES) for part in re.split("[,;]", safe))
    # Only apostrophes are added, and only where needed.
    assert safe.replace("'", "") == text.replace("'", "")
    unchanged = not any(part.startswith(FORMULA_PREFIXES) for part in re.split("[,;]", text))
    assert (safe == text) == unchanged


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1;=1+2", "'=1+1;'=1+2"),
        ("a,=1", "a,'=1"),
        ("\n=1", "'\n=1"),
        ("-2", "'-2"),
        ("plain; text, here", "plain; text, here"),
    ],
)
def test_neutralise_guards_every_part(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_neutralise_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="expected a str"):
        neutralise(5)  # type: ignore[arg-type]


def test_a_failure_midway_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfacts.export._package as package

    written: list[str] = []
    real = package._write_table

    def write_then_fail(folder: Path, table: Any) -> None:
        if len(written) == 3:
            raise RuntimeError("disk full")
        real(folder, table)
        written.append(table.name)

    out = tmp_path / "csv"
    monkeypatch.setattr(package, "_write_table", write_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        to_csv(DS, out)
    assert len(written) == 3
    assert list(tmp_path.iterdir()) == []

    # A folder being replaced survives a failed export whole.
    out.mkdir()
    (out / "old.csv").write_text("old")
    (out / ".newsfacts-export").write_text("an earlier export")
    written.clear()
    with pytest.raises(RuntimeError, match="disk full"):
        to_csv(DS, out, force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]
    assert sorted(p.name for p in out.iterdir()) == [".newsfacts-export", "old.csv"]


# Frictionless reads every file of the package: a few examples suffice, in any profile.
@settings(max_examples=15)
@given(datasets())
def test_the_package_of_any_valid_dataset_is_valid(dataset: Dataset) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = to_csv(dataset, Path(folder) / "csv")
        report = _validate(out)
        assert report.valid, _errors(report)


@given(datasets())
def test_the_sources_table_holds_every_field_of_every_source(dataset: Dataset) -> None:
    # The CSV, Parquet and pandas exports all read this table.
    (table,) = (table for table in tables(dataset) if table.name == "sources")
    names = [field.name for field in attrs.fields(Source)]
    assert list(table.columns) == names
    assert table.rows == tuple(tuple(getattr(s, name) for name in names) for s in dataset.sources)


@DATASETS
def test_each_resource_tells_its_licence(dataset: Dataset, tmp_path: Path) -> None:
    descriptor = json.loads((to_csv(dataset, tmp_path / "csv") / PACKAGE_FILE).read_text("utf-8"))
    data = descriptor["licenses"]
    for resource in descriptor["resources"]:
        names = [license_["name"] for license_ in resource["licenses"]]
        publisher = [n for n in names if n.startswith("LicenseRef-")]
        if resource["name"] == "article":
            # The article's text is its publisher's, never under the dataset's licence.
            assert names == publisher
            assert dataset.article.publisher in resource["licenses"][0]["title"]
        elif resource["name"] in ("evidence", "mentions"):
            assert resource["licenses"] == [*data, *resource["licenses"][len(data) :]]
            assert publisher
        else:
            assert resource["licenses"] == data


# The keys of the rows that belong to a record, table by table.
_OWNER_COLUMNS = ("id", "event", "statement", "record", "fact")


def _cells_by_record(folder: Path) -> dict[str, set[str]]:
    """Every value of every row, arrays split, gathered under the id of the record the row is of."""
    found: dict[str, set[str]] = {}
    for path in folder.glob("*.csv"):
        for row in _rows(folder, path.stem):
            values: set[str] = set()
            for cell in row.values():
                values.add(cell)
                if cell.startswith("["):  # an array (or an EDTF set, which is no JSON)
                    with contextlib.suppress(json.JSONDecodeError):
                        values.update(map(str, json.loads(cell)))
            for column in _OWNER_COLUMNS:
                if row.get(column):
                    found.setdefault(row[column], set()).update(values)
    return found


@settings(max_examples=10, deadline=None)
@given(datasets())
def test_every_reference_the_format_declares_is_in_the_tables(dataset: Dataset) -> None:
    """Each id a record holds where :func:`newsfacts.format.references` says (sources, times'
    sources, participants, claimants, ends, qualifier values) is a cell of that record's rows."""
    with tempfile.TemporaryDirectory() as temp:
        cells = _cells_by_record(to_csv(dataset, Path(temp) / "csv"))
    for record_id, field, value in held_references(dataset):
        assert value in cells.get(record_id, set()), (record_id, field)


def test_mention_targets_are_in_the_mentions_table(tmp_path: Path) -> None:
    rows = _rows(to_csv(DS, tmp_path / "csv"), "mentions")
    by_number: dict[int, set[str]] = {}
    for row in rows:
        by_number.setdefault(int(row["number"]), set()).update(row.values())
    for number, mention in enumerate(DS.mentions):
        for reference in references(newsfacts.Mention):
            for _, value in reference.located(mention):
                assert value in by_number[number], (number, reference.field)
