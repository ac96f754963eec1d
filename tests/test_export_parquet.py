"""Parquet, read by DuckDB and polars: every table, its row count and its column types."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset
from newsfacts.export import MARKER, MissingExtraError, export, parquet_tables, tables

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])

DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "array": "VARCHAR[]",
}
POLARS_TYPES = {
    "string": pl.String(),
    "integer": pl.Int64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
    "array": pl.List(pl.String()),
}


@DATASETS
def test_duckdb_reads_every_table_with_its_types(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "parquet", tmp_path / "parquet")
    expected = tables(dataset)
    assert sorted(p.name for p in out.iterdir() if p.name != MARKER) == sorted(
        f"{t.name}.parquet" for t in expected
    )
    with duckdb.connect() as con:
        for table in expected:
            path = str(out / f"{table.name}.parquet")
            columns = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
            assert [(c[0], c[1]) for c in columns] == [
                (f.name, DUCKDB_TYPES[f.type]) for f in table.fields
            ]
            rows = con.execute("SELECT * FROM read_parquet(?)", [path]).fetchall()
            assert len(rows) == len(table.rows)
            assert [
                tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in rows
            ] == list(table.rows)


@DATASETS
def test_polars_reads_every_table_with_its_types(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "parquet", tmp_path / "parquet")
    for table in tables(dataset):
        frame = pl.read_parquet(out / f"{table.name}.parquet")
        assert frame.height == len(table.rows)
        assert dict(frame.schema) == {f.name: POLARS_TYPES[f.type] for f in table.fields}


def test_a_known_fact_has_dates_and_lists(tmp_path: Path) -> None:
    out = export(DS, "parquet", tmp_path / "parquet")
    with duckdb.connect() as con:
        row = con.execute(
            "SELECT time_earliest, time_latest, time_edtf FROM read_parquet(?) WHERE id = ?",
            [str(out / "events.parquet"), "meeting-abbas-putin-2018"],
        ).fetchone()
        aliases = con.execute(
            "SELECT aliases FROM read_parquet(?) WHERE id = ?",
            [str(out / "entities.parquet"), "mahmoud-abbas"],
        ).fetchone()
    assert row == (datetime.date(2018, 2, 12), datetime.date(2018, 2, 12), "2018-02-12")
    assert aliases is not None
    assert tuple(aliases[0]) == DS.entities["mahmoud-abbas"].aliases


def test_a_corpus_of_datasets_is_one_query(tmp_path: Path) -> None:
    # Many datasets' files, read at once by a glob: one row per dataset's article.
    datasets = [DS, tiny_dataset()]
    for dataset in datasets:
        export(dataset, "parquet", tmp_path / "corpus" / dataset.id)
    with duckdb.connect() as con:
        counts = con.execute(
            "SELECT a.id, count(*) FROM read_parquet(?, filename = true) e "
            "JOIN read_parquet(?, filename = true) a "
            "ON replace(e.filename, 'entities.parquet', '') = replace(a.filename, 'article.parquet', '') "
            "GROUP BY a.id ORDER BY a.id",
            [
                str(tmp_path / "corpus" / "*" / "entities.parquet"),
                str(tmp_path / "corpus" / "*" / "article.parquet"),
            ],
        ).fetchall()
    assert counts == sorted((d.article.id, len(d.entities)) for d in datasets)


def test_without_pyarrow_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"newsfacts\[parquet\]"):
        parquet_tables(DS)
    with pytest.raises(MissingExtraError):
        export(DS, "parquet", tmp_path / "parquet")
    assert not (tmp_path / "parquet").exists()
