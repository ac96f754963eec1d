"""Parquet: one file per table of the CSV export, typed for Arrow engines (extra ``parquet``).

Each table of :func:`newsfacts.export.tables` becomes ``<table>.parquet``,
with Arrow types from its Table Schema types: ``string`` → ``string``,
``integer`` → ``int64``, ``boolean`` → ``bool``, ``date`` → ``date32`` (a
calendar date, never text), ``array`` → ``list<string>`` (a real list, never
a JSON string). Empty cells are nulls; a required column is non-nullable.
DuckDB, polars, pandas, Spark and any Arrow engine read the files, and read
many datasets' files at once with a glob (see the exports page).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfacts.dataset import Dataset

from ._errors import MissingExtraError
from ._tables import Table, tables

if TYPE_CHECKING:
    import pyarrow

__all__ = ["parquet_tables", "write_parquet"]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise MissingExtraError("The Parquet export", "pyarrow", "parquet") from None
    return pyarrow


def _arrow(table: Table) -> pyarrow.Table:
    pa = _pyarrow()
    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "array": pa.list_(pa.string()),
    }
    fields = [
        pa.field(field.name, types[field.type], nullable=not field.required)
        for field in table.fields
    ]
    columns = [
        pa.array(
            [row[index] for row in table.rows],
            type=types[field.type],
        )
        for index, field in enumerate(table.fields)
    ]
    schema = pa.schema(fields, metadata={"description": table.description})
    return pa.Table.from_arrays(columns, schema=schema)


def parquet_tables(dataset: Dataset) -> dict[str, pyarrow.Table]:
    """The tables of ``dataset`` as :class:`pyarrow.Table` objects, by name (needs ``pyarrow``)."""
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    _pyarrow()
    return {table.name: _arrow(table) for table in tables(dataset)}


def write_parquet(dataset: Dataset, folder: Path) -> None:
    """``<table>.parquet`` for every table of ``dataset`` (needs ``pyarrow``)."""
    _pyarrow()
    import pyarrow.parquet as pq

    for name, table in parquet_tables(dataset).items():
        pq.write_table(table, folder / f"{name}.parquet")
