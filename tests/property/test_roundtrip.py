"""Round-trip properties: records -> JSON -> records is the identity.

The JSON form is the dataset's only storage: whatever ``codec.to_json``
writes, ``codec.from_json`` must read back as an equal record, for every
record kind, generated or built in; and a whole dataset written with
``dump_files`` must load back with ``load_path`` unchanged.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given

import newsfacts
from _compare import assert_same_dataset
from newsfacts import Dataset, TimeSpec
from newsfacts.codec import from_json, to_json
from newsfacts.loading import dump_files
from strategies import datasets, time_specs

__all__: list[str] = []


def _records(ds: Dataset) -> list[Any]:
    return [
        ds.metadata,
        ds.article,
        *ds.entities,
        *ds.events,
        *ds.statements,
        *ds.mentions,
        *ds.sources,
    ]


def _through_json(record: Any) -> Any:
    # Through text too: what is written must survive json.dumps/loads unchanged.
    encoded = json.loads(json.dumps(to_json(record), ensure_ascii=False))
    return from_json(type(record), encoded)


def _round_trip_files(ds: Dataset) -> Dataset:
    with tempfile.TemporaryDirectory() as folder:
        for name, content in dump_files(ds).items():
            (Path(folder) / name).write_bytes(content)
        return newsfacts.load_path(folder)


def test_every_built_in_record_round_trips() -> None:
    for record in _records(newsfacts.load()):
        assert _through_json(record) == record


def test_the_built_in_dataset_round_trips_through_files() -> None:
    ds = newsfacts.load()
    again = _round_trip_files(ds)
    assert_same_dataset(again, ds)
    assert dump_files(again) == dump_files(ds)


@given(datasets())
def test_every_generated_record_round_trips(ds: Dataset) -> None:
    for record in _records(ds):
        again = _through_json(record)
        assert again == record
        assert type(again) is type(record)


@given(datasets())
def test_generated_datasets_round_trip_through_files(ds: Dataset) -> None:
    again = _round_trip_files(ds)
    assert_same_dataset(again, ds)
    assert dump_files(again) == dump_files(ds)
    assert newsfacts.validate(again) == ()


@given(time_specs(["src-0", "src-1"], 1, 9999))
def test_time_specs_round_trip(time: TimeSpec) -> None:
    assert _through_json(time) == time
    assert _through_json(time).edtf == time.edtf
