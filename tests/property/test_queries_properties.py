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
from newsfacts import Dataset, Event, TimeSpec
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
    about = ds.about(target)
    assert about.target == target
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
