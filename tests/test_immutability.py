"""Immutability: no result can be changed to alter what the next caller gets.

Records are frozen and slotted, their collections tuples; registries and
datasets refuse assignment; mappings are read-only proxies; every query
returns a tuple or a frozen record. Records pickle, copy and deep-copy to
equal records with equal hashes, and a dataset pickles whole.
"""

from __future__ import annotations

import copy
import datetime
import pickle
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given

import newsfacts
from newsfacts import Dataset, Registry
from newsfacts.loading import dump_files
from strategies import datasets

__all__: list[str] = []

DS = newsfacts.load()
_MUTABLE = (list, dict, set, bytearray)


def records(ds: Dataset) -> Iterator[Any]:
    """Every record and every value inside one, depth first."""
    stack: list[Any] = [
        ds.metadata,
        ds.article,
        *ds.entities,
        *ds.events,
        *ds.statements,
        *ds.mentions,
        *ds.sources,
    ]
    while stack:
        item = stack.pop()
        yield item
        if attrs.has(type(item)):
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
        elif isinstance(item, tuple):
            stack.extend(item)


def _check_frozen(ds: Dataset) -> None:
    for item in records(ds):
        assert not isinstance(item, _MUTABLE), f"a mutable {type(item).__name__} in a record"
        if not attrs.has(type(item)):
            continue
        assert not hasattr(item, "__dict__"), f"{type(item).__name__} is not slotted"
        for field in attrs.fields(type(item)):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(item, field.name, None)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(item, field.name)


def _check_copies(ds: Dataset) -> None:
    for record in records(ds):
        if not attrs.has(type(record)):
            continue
        for again in (
            pickle.loads(pickle.dumps(record)),
            copy.copy(record),
            copy.deepcopy(record),
        ):
            assert again == record
            assert hash(again) == hash(record)
            assert type(again) is type(record)


def test_every_built_in_record_is_frozen_slotted_and_holds_tuples() -> None:
    _check_frozen(DS)


def test_every_built_in_record_pickles_and_copies_equal() -> None:
    _check_copies(DS)


@given(datasets())
def test_every_generated_record_is_frozen_and_copies_equal(ds: Dataset) -> None:
    _check_frozen(ds)
    _check_copies(ds)


def test_datasets_and_registries_refuse_assignment() -> None:
    for name in ("entities", "events", "statements", "sources", "mentions", "article", "metadata"):
        with pytest.raises(AttributeError):
            setattr(DS, name, None)
        with pytest.raises(AttributeError):
            delattr(DS, name)
    with pytest.raises(AttributeError):
        DS.extra = 1
    registries: tuple[Registry[Any], ...] = (DS.entities, DS.events, DS.statements, DS.sources)
    for registry in registries:
        with pytest.raises(AttributeError):
            registry.ids = ()  # type: ignore[misc]
        with pytest.raises(AttributeError):
            registry.extra = 1  # type: ignore[attr-defined]
        with pytest.raises(TypeError):
            registry.as_mapping()["x"] = None  # type: ignore[index]
        assert isinstance(registry.ids, tuple)
    with pytest.raises(AttributeError):
        newsfacts.load().entities = None  # type: ignore[assignment]


def test_every_query_returns_immutable_results() -> None:
    abbas = DS.entities["mahmoud-abbas"]
    first = DS.events.ids[0]
    results: list[Any] = [
        DS.entities.filter(kind=newsfacts.EntityKind.PERSON),
        DS.entities.search("abbas"),
        DS.timeline(),
        DS.timeline(record=True),
        DS.events_between(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
        DS.mentions_at(50),
        DS.facts_at(50),
        DS.evidence(first),
        DS.mentions,
        DS.article.sentences,
        DS.about(abbas),
        newsfacts.validate(DS),
    ]
    for result in results:
        for item in [result, *(result if isinstance(result, tuple) else ())]:
            assert not isinstance(item, _MUTABLE)
            if attrs.has(type(item)):
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(item, attrs.fields(type(item))[0].name, None)
    about = DS.about(abbas)
    assert isinstance(about.events, tuple)
    assert isinstance(about.statements, tuple)
    assert isinstance(about.mentions, tuple)


def test_tampering_with_a_result_does_not_reach_the_next_caller() -> None:
    before = dump_files(DS)
    timeline = list(DS.timeline())
    timeline.clear()
    found = list(DS.entities.filter())
    found.reverse()
    aliases = list(DS.entities["mahmoud-abbas"].aliases)
    aliases.append("Someone Else")
    changed = attrs.evolve(DS.entities["mahmoud-abbas"], name="Someone Else")
    assert changed.name == "Someone Else"
    assert DS.entities["mahmoud-abbas"].name != "Someone Else"
    with pytest.raises(newsfacts.NotFoundError):
        DS.entities.lookup("Someone Else")
    assert newsfacts.load() is DS
    assert dump_files(newsfacts.load()) == before


def test_a_dataset_copies_as_itself_and_pickles_whole() -> None:
    assert copy.copy(DS) is DS
    assert copy.deepcopy(DS) is DS
    assert copy.deepcopy(DS.entities) is DS.entities
    again = pickle.loads(pickle.dumps(DS))
    assert again is not DS
    assert dump_files(again) == dump_files(DS)
    assert again.entities.lookup("abbas") == DS.entities.lookup("abbas")
