"""Round trip through the authored source: any valid dataset, written as source and built again, is equal.

:func:`newsfacts.source.write` writes quotes, mention rules, defaults and
dates where the canonical JSON has offsets and objects; whatever it writes,
:func:`newsfacts.source.read` must build back to the same dataset, with the
same canonical bytes.
"""

from __future__ import annotations

import tempfile

from hypothesis import given

import newsfacts
from _compare import assert_same_dataset
from newsfacts import Dataset
from newsfacts.loading import dump_files
from newsfacts.source import read, write
from strategies import datasets

__all__: list[str] = []


def _through_source(ds: Dataset) -> Dataset:
    with tempfile.TemporaryDirectory() as folder:
        write(ds, folder, force=True)
        return read(folder)


def test_the_built_in_dataset_round_trips_through_its_source() -> None:
    ds = newsfacts.load()
    again = _through_source(ds)
    assert_same_dataset(again, ds)
    assert dump_files(again) == dump_files(ds)


@given(datasets())
def test_generated_datasets_round_trip_through_source(ds: Dataset) -> None:
    again = _through_source(ds)
    assert_same_dataset(again, ds)
    assert dump_files(again) == dump_files(ds)
