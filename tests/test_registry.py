"""Registries: get, [], lookup, search and filter on the built-in dataset."""

from __future__ import annotations

from typing import Any

import pytest

import newsfacts
from newsfacts import (
    AmbiguousNameError,
    EntityKind,
    NewsfactsError,
    NotFoundError,
    Origin,
    Predicate,
    Rating,
    Registry,
    UnknownIdError,
    Verdict,
)
from newsfacts.model import Entity

DS = newsfacts.load()


def test_get_and_getitem() -> None:
    abbas = DS.entities["mahmoud-abbas"]
    assert DS.entities.get("mahmoud-abbas") is abbas
    assert DS.entities.get("nobody") is None
    sentinel = object()
    assert DS.entities.get("nobody", sentinel) is sentinel
    with pytest.raises(UnknownIdError) as caught:
        DS.entities["mahmoud-abas"]
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, NewsfactsError)
    assert "mahmoud-abbas" in caught.value.suggestions
    assert str(caught.value).startswith("no entity with id 'mahmoud-abas'")
    with pytest.raises(TypeError, match="must be a str"):
        DS.entities[3]  # type: ignore[index]
    with pytest.raises(TypeError, match="must be a str"):
        DS.entities.get(["x"])  # type: ignore[call-overload]


def test_mapping_protocol() -> None:
    assert "russia" in DS.entities
    assert DS.entities["russia"] in DS.entities
    assert "russia" not in DS.events
    assert len(DS.entities) == len(list(DS.entities)) == len(DS.entities.ids)
    assert set(DS.entities.as_mapping()) == set(DS.entities.ids)
    assert "entity" in repr(DS.entities)


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("abbas", "mahmoud-abbas"),
        ("ABBÁS", "mahmoud-abbas"),
        ("Abu\u00a0Mazen", "mahmoud-abbas"),
        ("putin", "vladimir-putin"),
        ("U.S.", "united-states"),
        ("USA", "united-states"),
        ("Q801", "israel"),
        ("ps", "state-of-palestine"),
        ("Palestine", "state-of-palestine"),
        ("PA", "palestinian-authority"),
        ("Mideast Quartet", "quartet"),
        ("UNSC", "un-security-council"),
        ("USSR", "soviet-union"),
        ("al quds", "jerusalem"),
    ],
)
def test_lookup_knows_common_names(name: str, entity_id: str) -> None:
    assert DS.entities.lookup(name).id == entity_id


def test_lookup_misses_raise_with_suggestions() -> None:
    with pytest.raises(NotFoundError) as caught:
        DS.entities.lookup("Vladimir Putn")
    assert isinstance(caught.value, LookupError)
    assert "Vladimir Putin" in caught.value.suggestions
    with pytest.raises(NotFoundError):
        DS.entities.lookup("")
    with pytest.raises(NotFoundError):
        DS.entities.lookup("x" * 100_000)
    with pytest.raises(TypeError, match="name must be a str"):
        DS.entities.lookup(None)  # type: ignore[arg-type]


def test_ambiguous_names_list_their_candidates() -> None:
    one = Entity("georgia-country", EntityKind.STATE, "Georgia")
    two = Entity("georgia-state", EntityKind.TERRITORY, "Georgia")
    registry = Registry("entity", (one, two), lambda e: e.names)
    with pytest.raises(AmbiguousNameError) as caught:
        registry.lookup("georgia")
    assert caught.value.candidates == ("georgia-country", "georgia-state")
    assert isinstance(caught.value, KeyError)
    assert registry.lookup("georgia-state") is two  # an id is never ambiguous


def test_search_ranks_exact_first_and_never_raises_on_a_string() -> None:
    hits = DS.entities.search("putn")
    assert hits[0].record.id == "vladimir-putin"
    exact = DS.entities.search("Jerusalem")
    assert exact[0].record.id == "jerusalem"
    assert exact[0].score == 1.0
    assert [h.score for h in exact] == sorted((h.score for h in exact), reverse=True)
    assert len({h.record.id for h in exact}) == len(exact)
    assert DS.entities.search("") == ()
    assert DS.entities.search("\ud800\x00" * 10_000) == ()
    assert len(DS.entities.search("a", limit=2)) <= 2
    assert DS.entities.search("israel", limit=0) == ()
    with pytest.raises(ValueError, match="negative"):
        DS.entities.search("israel", limit=-1)
    with pytest.raises(TypeError):
        DS.entities.search(5)  # type: ignore[arg-type]


def test_filter_by_fields_and_verdict() -> None:
    people = DS.entities.filter(kind=EntityKind.PERSON)
    assert people
    assert all(e.kind is EntityKind.PERSON for e in people)
    assert set(people) == {e for e in DS.entities if e.kind is EntityKind.PERSON}
    false = DS.statements.filter(verdict=Verdict.FALSE)
    assert false
    assert {s.id for s in false} == {
        s.id for s in DS.statements if s.verdict is not None and s.verdict.rating is Rating.FALSE
    }
    capitals = DS.statements.filter(predicate=Predicate.CAPITAL_OF, origin=Origin.ARTICLE)
    assert all(s.predicate is Predicate.CAPITAL_OF and s.origin is Origin.ARTICLE for s in capitals)
    assert DS.entities.filter(lambda e: e.wikidata == "Q7747") == (DS.entities["vladimir-putin"],)
    assert isinstance(DS.entities.filter(), tuple)
    with pytest.raises(TypeError, match="no field 'colour'"):
        DS.entities.filter(colour="red")
    # An enum field takes its member's value too, as people type it.
    assert DS.entities.filter(kind="person") == people
    assert DS.statements.filter(verdict="false") == false
    with pytest.raises(ValueError, match="must be one of 'person'"):
        DS.entities.filter(kind="persons")
    with pytest.raises(ValueError, match="must be one of 'supported'"):
        DS.statements.filter(verdict="wrong")
    with pytest.raises(TypeError, match="must be a member of EntityKind, got int"):
        DS.entities.filter(kind=3)
    with pytest.raises(TypeError, match="Rating or a Verdict"):
        DS.statements.filter(verdict=3)
    assert DS.events.filter(plover=None) == tuple(e for e in DS.events if e.plover is None)
    with pytest.raises(TypeError, match="callable"):
        DS.entities.filter(3)  # type: ignore[arg-type]


def test_registries_pickle_as_equal_registries() -> None:
    import pickle

    registries: tuple[Registry[Any], ...] = (DS.entities, DS.events, DS.statements, DS.sources)
    for registry in registries:
        again = pickle.loads(pickle.dumps(registry))
        assert tuple(again) == tuple(registry)
        for record in registry:
            assert again.lookup(record.id) == record
    assert pickle.loads(pickle.dumps(DS.entities)).lookup("Abu Mazen").id == "mahmoud-abbas"
