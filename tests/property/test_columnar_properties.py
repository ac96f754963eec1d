"""The columnar form loads to the dataset its record files hold.

The issue that allowed it: "A faster on-disk form (for example columnar JSON
or Parquet for large datasets) is allowed if it is generated from the
canonical format and both load to equal datasets (a property test says
so)." For any valid dataset written in the canonical form, the columnar
files written from it load to an equal dataset (every registry, the article
and the metadata), each decodes to its record file's records in the file's
order, and writing them again gives the same bytes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given

import newsfacts
from _compare import assert_same_dataset
from newsfacts import Dataset, _columns, loading
from newsfacts.columnar import dump_columns, write_columns
from newsfacts.format import KINDS
from newsfacts.loading import dump_files
from strategies import datasets

__all__: list[str] = []


@given(datasets())
def test_columnar_and_record_files_load_to_equal_datasets(ds: Dataset) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file, data in dump_files(ds).items():
            (folder / file).write_bytes(data)
        canonical = newsfacts.load_path(folder)
        written = write_columns(folder)
        assert [path.name for path in written] == [kind.columns_file for kind in KINDS]
        columnar = newsfacts.load_path(folder)
        assert_same_dataset(columnar, canonical)
        assert_same_dataset(columnar, ds)
        for kind in KINDS:
            records, _ = loading._read_hashed(loading._Folder(name), "", kind.registry, 1 << 30)
            value = json.loads((folder / kind.columns_file).read_bytes())
            assert _columns.decode(kind.cls, value) == records
        assert dump_columns(folder) == {path.name: path.read_bytes() for path in written}
