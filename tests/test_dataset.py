"""Queries across a dataset: about, timeline, events_between, provenance both ways."""

from __future__ import annotations

import datetime

import pytest

import newsfacts
from newsfacts import Event, EventKind, NotFoundError, Predicate, Statement, UnknownIdError

DS = newsfacts.load()
D = datetime.date


def test_about_an_entity_finds_every_fact_that_involves_it() -> None:
    about = DS.about("quartet")
    assert about == DS.about(DS.entities["quartet"])
    expected_events = {
        e.id for e in DS.events if any(p.entity == "quartet" for p in e.participants)
    }
    assert {e.id for e in about.events} == expected_events
    expected = {
        s.id
        for s in DS.statements
        if "quartet" in (s.subject, s.object_id, *(q.value_id for q in s.qualifiers))
    }
    assert {s.id for s in about.statements} == expected
    assert all(m.target == "quartet" for m in about.mentions)
    assert len(about) == len(about.events) + len(about.statements)
    assert list(about) == [*about.events, *about.statements]


def test_about_counts_claimants_and_events() -> None:
    pa = DS.about("palestinian-authority")
    assert "trump-administration-not-honest-broker" in {s.id for s in pa.statements}
    recognition = DS.about("us-recognition-of-jerusalem-2017")
    assert "recognition-circumvents-international-law" in {s.id for s in recognition.statements}
    with pytest.raises(NotFoundError):
        DS.about("atlantis")
    # A name does as well as an id.
    assert DS.about("Abbas") == DS.about("mahmoud-abbas")
    assert DS.about("six day war") == DS.about(DS.events.lookup("six day war"))
    with pytest.raises(TypeError):
        DS.about(3)  # type: ignore[arg-type]


def test_timeline_is_ordered_and_holds_every_dated_event() -> None:
    for record in (False, True):
        timeline = DS.timeline(record=record)
        dated = {
            e.id
            for e in DS.events
            if (e.record_time if record and e.record_time is not None else e.time) is not None
        }
        assert {e.id for e in timeline} == dated

        def key(e: Event, record: bool = record) -> tuple[D, D, str]:
            time = e.record_time if record and e.record_time is not None else e.time
            assert time is not None
            return (*time.order_key, e.id)

        assert [key(e) for e in timeline] == sorted(key(e) for e in timeline)


def test_no_event_of_unknown_start_comes_before_the_1967_war() -> None:
    # The war is the earliest event the article dates; an event whose start the
    # words leave unknown sorts at the end they give, after it.
    for record in (False, True):
        timeline = DS.timeline(record=record)
        war = next(i for i, e in enumerate(timeline) if e.kind is EventKind.WAR)
        for event in timeline[:war]:
            assert event.time is not None
            assert event.time.lower is not None, event.id


@pytest.mark.parametrize("record", [False, True])
@pytest.mark.parametrize(
    ("start", "end"),
    [(D(1967, 6, 7), D(1967, 6, 7)), (D(2018, 1, 1), D(2018, 12, 31)), (D(1, 1, 1), D(9999, 1, 1))],
)
def test_events_between_is_overlap(start: D, end: D, record: bool) -> None:
    found = DS.events_between(start, end, record=record)
    expected = []
    for event in DS.events:
        time = event.record_time if record and event.record_time is not None else event.time
        if time is not None and time.earliest <= end and start <= time.latest:
            expected.append(event.id)
    assert sorted(e.id for e in found) == sorted(expected)


def test_the_record_narrows_the_article() -> None:
    day = D(1967, 6, 7)
    by_record = {e.id for e in DS.events_between(day, day, record=True)}
    by_article = {e.id for e in DS.events_between(day, day)}
    assert "capture-of-east-jerusalem-1967" in by_record
    assert "capture-of-east-jerusalem-1967" in by_article
    # The article says only "1967": 1 January 1967 is within its words, not the record's.
    new_year = D(1967, 1, 1)
    assert "six-day-war" in {e.id for e in DS.events_between(new_year, new_year)}
    assert "six-day-war" not in {e.id for e in DS.events_between(new_year, new_year, record=True)}


def test_events_between_rejects_bad_ranges() -> None:
    with pytest.raises(ValueError, match="before start"):
        DS.events_between(D(2018, 1, 2), D(2018, 1, 1))
    with pytest.raises(TypeError, match=r"datetime\.date"):
        DS.events_between("2018-01-01", D(2018, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"datetime\.date"):
        DS.events_between(datetime.datetime(2018, 1, 1), D(2018, 1, 2))


def test_mentions_at_every_offset() -> None:
    for offset in range(-2, len(DS.article.text) + 2):
        expected = {m for m in DS.mentions if m.span.start <= offset < m.span.end}
        assert set(DS.mentions_at(offset)) == expected, offset
    with pytest.raises(TypeError):
        DS.mentions_at(True)


def test_facts_at_and_evidence_agree() -> None:
    text = DS.article.text
    for offset in range(len(text)):
        facts = DS.facts_at(offset)
        for fact in facts:
            assert any(s.contains(offset) for s in DS.evidence(fact))
    withdrawal = text.index("withdrew")
    assert "withdrawal-from-west-bank" in {f.id for f in DS.facts_at(withdrawal)}


def test_evidence_by_record_or_id() -> None:
    fact: Statement = DS.statements["gaza-part-of-egypt"]
    assert DS.evidence(fact) == DS.evidence("gaza-part-of-egypt") == fact.evidence
    assert DS.evidence("moscow-capital-of-russia") == ()
    with pytest.raises(UnknownIdError):
        DS.evidence("nothing-here")
    with pytest.raises(TypeError):
        DS.evidence(DS.entities["russia"])  # type: ignore[arg-type]


def test_a_dataset_cannot_be_changed() -> None:
    with pytest.raises(AttributeError, match="read-only"):
        DS.entities = DS.events  # type: ignore[assignment]
    with pytest.raises(AttributeError, match="read-only"):
        del DS.article
    assert newsfacts.load() is DS


def test_about_a_jurisdiction_reaches_each_holder_of_its_offices() -> None:
    holds = [s for s in DS.statements if not s.negated and s.object_id is not None]
    ties = [s for s in holds if s.predicate is Predicate.APPLIES_TO_JURISDICTION]
    for held in (s for s in holds if s.predicate is Predicate.POSITION_HELD):
        for tie in (t for t in ties if t.subject == held.object_id):
            assert tie.object_id is not None
            about = DS.about(tie.object_id)
            assert held.subject in about.reached, (tie.object_id, held.subject)
            assert held in about.statements
