"""pandas DataFrames of the tables, checked with pandas itself."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from hypothesis import given, settings

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset
from newsfacts.export import MissingExtraError, tables, to_dataframes
from strategies import datasets

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])

_DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean", "array": "object"}


@DATASETS
def test_one_frame_per_table_with_its_types(dataset: Dataset) -> None:
    frames = to_dataframes(dataset)
    all_tables = tables(dataset)
    assert list(frames) == [table.name for table in all_tables]
    for table in all_tables:
        frame = frames[table.name]
        assert list(frame.columns) == list(table.columns)
        assert len(frame) == len(table.rows)
        for field in table.fields:
            dtype = str(frame[field.name].dtype)
            if field.type == "date":
                assert dtype == "datetime64[s]"
            else:
                assert dtype == _DTYPES[field.type], (table.name, field.name, dtype)
    with pytest.raises(TypeError):
        frames["x"] = pd.DataFrame()  # type: ignore[index]


@DATASETS
def test_frames_hold_every_record_unaltered(dataset: Dataset) -> None:
    frames = to_dataframes(dataset)
    assert list(frames["entities"]["id"]) == list(dataset.entities.ids)
    assert list(frames["events"]["id"]) == list(dataset.events.ids)
    assert list(frames["statements"]["id"]) == list(dataset.statements.ids)
    names = dict(zip(frames["entities"]["id"], frames["entities"]["name"], strict=True))
    assert names == {entity.id: entity.name for entity in dataset.entities}
    aliases = dict(zip(frames["entities"]["id"], frames["entities"]["aliases"], strict=True))
    assert aliases == {entity.id: entity.aliases for entity in dataset.entities}
    # Text is kept as it is: no spreadsheet guard here.
    evidence = frames["evidence"]
    text = dataset.article.text
    for start, end, words in zip(evidence["start"], evidence["end"], evidence["text"], strict=True):
        assert text[start:end] == words
    for event, earliest in zip(
        frames["events"]["id"], frames["events"]["time_earliest"], strict=True
    ):
        time = dataset.events[event].time
        if time is None or time.lower is None:  # no lower bound: no earliest date
            assert pd.isna(earliest)
        else:
            assert earliest.date() == time.earliest


@settings(max_examples=10)
@given(datasets())
def test_sources_keep_their_wikidata_items(dataset: Dataset) -> None:
    sources = to_dataframes(dataset)["sources"]
    items = [None if pd.isna(item) else item for item in sources["wikidata"]]
    assert items == [source.wikidata for source in dataset.sources]
    assert str(sources["wikidata"].dtype) == "string"


@DATASETS
def test_who_met_abbas_by_joining_frames(dataset: Dataset) -> None:
    frames = to_dataframes(dataset)
    events, participants, entities = frames["events"], frames["participants"], frames["entities"]
    meetings = events[events["kind"] == "meeting"][["id", "place"]]
    joined = meetings.merge(participants, left_on="id", right_on="event")
    with_abbas = set(joined[joined["entity"] == "mahmoud-abbas"]["event"])
    others = joined[joined["event"].isin(with_abbas) & (joined["entity"] != "mahmoud-abbas")]
    people = others.merge(entities, left_on="entity", right_on="id", suffixes=("", "_entity"))
    found = set(people[people["kind"] == "person"]["name"])
    expected = {
        dataset.entities[p.entity].name
        for event in dataset.events.filter(kind=newsfacts.EventKind.MEETING)
        if "mahmoud-abbas" in {p.entity for p in event.participants}
        for p in event.participants
        if p.entity != "mahmoud-abbas" and dataset.entities[p.entity].kind.value == "person"
    }
    assert found == expected
    assert "Vladimir Putin" in found


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"newsfacts\[pandas\]"):
        to_dataframes(DS)
    with pytest.raises(TypeError, match="expected a Dataset"):
        to_dataframes(None)  # type: ignore[arg-type]
