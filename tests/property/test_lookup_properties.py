"""Lookup properties: every name of every record finds it, however it is typed.

A registry answers to a record's id, name, aliases and external ids (QID,
ISO 3166 codes), compared after ``names.fold``: so a name typed in another
case, with accents (combining marks) added, with extra or no-break spaces,
must still find its record, over the whole built-in dataset and over
generated ones. ``search`` must rank an exact name first.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

import newsfacts
from newsfacts import Dataset, Entity, Event, Registry
from newsfacts.names import fold
from strategies import datasets

__all__: list[str] = []

_MARKS = ("\u0301", "\u0300", "\u0308", "\u0327", "\u030a", "\u0303")
_SPACES = (" ", "  ", "\u00a0", " \u00a0", "\t", "\u2009")


def lookup_names(record: Entity | Event) -> Iterator[str]:
    """Every name the registry indexes for ``record``."""
    yield record.id
    yield from record.names
    yield from (
        code
        for code in (
            record.wikidata,
            getattr(record, "iso_alpha2", None),
            getattr(record, "iso_alpha3", None),
        )
        if code is not None
    )


def retyped(name: str, rnd: random.Random) -> str:
    """``name`` as someone else might type it: casing, accents and spacing changed."""
    out: list[str] = [rnd.choice(("", *_SPACES))]
    for char in name:
        if char.isspace():
            out.append(rnd.choice(_SPACES))
            continue
        case = rnd.choice(("same", "upper", "lower"))
        changed = char.upper() if case == "upper" else char.lower() if case == "lower" else char
        # A letter whose case change spells something else keeps its case.
        out.append(changed if fold(changed) == fold(char) else char)
        if char.isalpha() and rnd.random() < 0.3:
            out.append(rnd.choice(_MARKS))
    out.append(rnd.choice(("", *_SPACES)))
    return "".join(out)


def _check_every_name(rnd: random.Random, registry: Registry[Entity] | Registry[Event]) -> None:
    # One random retyping of every name per example: the whole dataset each time.
    for record in registry:
        for name in lookup_names(record):
            if not fold(name):
                continue
            typed = retyped(name, rnd)
            assert fold(typed) == fold(name), (name, typed)
            assert registry.lookup(typed) is record, (name, typed)
            assert registry.lookup(name) is record
            assert registry[record.id] is record
            assert registry.get(record.id) is record


# A seed, not st.randoms(): a retyping of every name would exceed what one
# example may draw; the seed still makes each failure reproducible.
_SEEDS = st.integers(0, 2**64)


@given(_SEEDS)
def test_every_built_in_name_finds_its_record(seed: int) -> None:
    ds = newsfacts.load()
    _check_every_name(random.Random(seed), ds.entities)
    _check_every_name(random.Random(seed), ds.events)


@given(datasets(), _SEEDS)
def test_every_generated_name_finds_its_record(ds: Dataset, seed: int) -> None:
    _check_every_name(random.Random(seed), ds.entities)
    _check_every_name(random.Random(seed), ds.events)


def _check_search(registry: Registry[Entity] | Registry[Event]) -> None:
    for record in registry:
        for name in record.names:
            if not fold(name):
                continue
            results = registry.search(name)
            assert results, f"search({name!r}) found nothing"
            assert results[0].record is record, f"search({name!r}) ranked {results[0]} first"
            assert results[0].score == 1.0
            scores = [m.score for m in results]
            assert scores == sorted(scores, reverse=True)
            assert len({m.record.id for m in results}) == len(results)


def test_search_ranks_every_built_in_exact_name_first() -> None:
    ds = newsfacts.load()
    _check_search(ds.entities)
    _check_search(ds.events)


@given(datasets())
def test_search_ranks_every_generated_exact_name_first(ds: Dataset) -> None:
    _check_search(ds.entities)
    _check_search(ds.events)


@given(st.text(max_size=60), st.integers(0, 20))
def test_search_never_raises_on_a_string(query: str, limit: int) -> None:
    ds = newsfacts.load()
    results = ds.entities.search(query, limit)
    assert len(results) <= limit
    assert all(0 < m.score <= 1 for m in results)
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)


@given(st.text(min_size=1, max_size=20).map(lambda s: unicodedata.normalize("NFC", s)))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
