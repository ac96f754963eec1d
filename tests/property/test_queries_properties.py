"""Query properties: the indexed queries agree with brute force.

``events_between(a, b)`` must return exactly the dated events whose time
bounds overlap the closed range ``[a, b]`` (the article's time, or the
record's with ``record=True``), in timeline order; ``timeline()`` must be
ordered by ``TimeSpec.order_key``, then id, and never list an event before
one that wholly precedes it; ``mentions_at`` and
``facts_at`` must return exactly what covers an offset; ``about`` exactly
the facts that refer to a record.
"""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

import newsfacts
from newsfacts import Dataset, EntityKind, Event, Predicate, Rating, Statement, TimeSpec
from strategies import datasets

__all__: list[str] = []

_DATES = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
_NEAR = st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2040, 12, 31))
_datasets = st.one_of(datasets(), st.builds(newsfacts.load))


def _time(event: Event, record: bool) -> TimeSpec | None:
    if record and event.record_time is not None:
        return event.record_time
    return event.time


def _key(event: Event, record: bool) -> tuple[datetime.date, datetime.date, str]:
    time = _time(event, record)
    assert time is not None
    anchor, latest = time.order_key
    assert time.earliest <= anchor <= latest
    return (anchor, latest, event.id)


@given(_datasets, st.one_of(_NEAR, _DATES), st.one_of(_NEAR, _DATES), st.booleans())
def test_events_between_is_exactly_the_overlapping_events(
    ds: Dataset, a: datetime.date, b: datetime.date, record: bool
) -> None:
    start, end = min(a, b), max(a, b)
    found = ds.events_between(start, end, record=record)
    expected = [
        event
        for event in ds.events
        if (time := _time(event, record)) is not None
        and time.earliest <= end
        and start <= time.latest
    ]
    assert sorted(found, key=lambda e: e.id) == sorted(expected, key=lambda e: e.id)
    assert len(set(map(id, found))) == len(found)
    assert [_key(e, record) for e in found] == sorted(_key(e, record) for e in found)


@given(_datasets, st.booleans())
def test_timeline_is_ordered_and_complete(ds: Dataset, record: bool) -> None:
    timeline = ds.timeline(record=record)
    keys = [_key(event, record) for event in timeline]
    assert keys == sorted(keys)
    # Brute force: no event comes after one that it wholly precedes.
    for later, event in enumerate(timeline):
        time = _time(event, record)
        assert time is not None
        for before in timeline[:later]:
            earlier = _time(before, record)
            assert earlier is not None
            assert not time.latest < earlier.earliest, (event.id, before.id)
    dated = {event.id for event in ds.events if _time(event, record) is not None}
    assert {event.id for event in timeline} == dated
    assert len(timeline) == len(dated)


@given(ds=_datasets, data=st.data())
def test_offsets_find_exactly_what_covers_them(ds: Dataset, data: st.DataObject) -> None:
    size = len(ds.article.text)
    offset = data.draw(st.integers(-3, size + 3), label="offset")
    mentions = [m for m in ds.mentions if m.span.contains(offset)]
    assert list(ds.mentions_at(offset)) == mentions
    covering = {
        fact.id
        for fact in (*ds.events, *ds.statements)
        if any(span.contains(offset) for span in fact.evidence)
    }
    assert {fact.id for fact in ds.facts_at(offset)} == covering


@given(ds=_datasets, data=st.data())
def test_about_finds_every_fact_that_refers_to_a_record(ds: Dataset, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from([*ds.entities.ids, *ds.events.ids]), label="target")
    about = ds.about(target, reach=False)
    assert about.target == target
    assert about.reached == ()
    assert all(target in m.targets for m in about.mentions)
    assert {m for m in ds.mentions if target in m.targets} == set(about.mentions)
    refers = {
        s.id
        for s in ds.statements
        if target
        in (
            s.subject,
            s.object_id,
            *(q.value_id for q in s.qualifiers),
            *s.attribution.claimants,
        )
    }
    assert {s.id for s in about.statements} == refers


def _refers(fact: Event | Statement, ids: set[str]) -> bool:
    if isinstance(fact, Event):
        refs = {p.entity for p in fact.participants} | {fact.place, fact.record_place}
        refs |= {fact.part_of}
    else:
        refs = {fact.subject, fact.object_id, *(q.value_id for q in fact.qualifiers)}
    return bool((refs | set(fact.attribution.claimants)) & ids)


def _acting_for(ds: Dataset, target: str) -> set[str]:
    # Brute force, as Dataset.about documents it: a fixed point over the statements.
    acting_kinds = {
        EntityKind.OFFICE,
        EntityKind.GOVERNMENT_BODY,
        EntityKind.AGENCY,
        EntityKind.ORGANIZATION,
        EntityKind.MILITARY,
    }
    holds = [
        s
        for s in ds.statements
        if s.object_id is not None
        and not s.negated
        and not (s.verdict is not None and s.verdict.rating is Rating.FALSE)
    ]
    reached: set[str] = set()
    while True:
        bodies = {target} | {r for r in reached if ds.entities[r].kind is not EntityKind.PERSON}
        found = set(reached)
        for s in holds:
            if (
                s.predicate.info.ties
                and s.object_id in bodies
                and s.subject in ds.entities
                and ds.entities[s.subject].kind in acting_kinds
            ) or (s.predicate is Predicate.POSITION_HELD and s.object_id in bodies):
                found.add(s.subject)
            elif (
                s.predicate in (Predicate.HEAD_OF_STATE, Predicate.HEAD_OF_GOVERNMENT)
                and s.subject in bodies
                and s.object_id is not None
            ):
                found.add(s.object_id)
        found.discard(target)
        if found == reached:
            return reached
        reached = found


@given(ds=_datasets, data=st.data())
def test_about_reaches_what_acts_for_a_body(ds: Dataset, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from(ds.entities.ids), label="target")
    about = ds.about(target)
    reached = _acting_for(ds, target)
    assert set(about.reached) == reached
    assert len(about.reached) == len(reached)
    ids = reached | {target}
    assert [e.id for e in about.events] == [e.id for e in ds.events if _refers(e, ids)]
    assert [s.id for s in about.statements] == [s.id for s in ds.statements if _refers(s, ids)]
    assert about.mentions == ds.about(target, reach=False).mentions
