"""Mutation properties: every corruption the validator claims to catch, it catches.

For each :class:`~newsfacts.validation.ProblemCode` a corruption is registered
in :data:`MUTATIONS`. Applied to a valid dataset (a generated one, or the
built-in one), it must make :func:`newsfacts.validate` report that code and no
other, naming the record at fault; and :func:`newsfacts.load_path` must refuse
the corrupted files listing the very same problems. Records are frozen: each
corruption rebuilds them with ``attrs.evolve`` and makes a new ``Dataset``.
"""

from __future__ import annotations

import datetime
import hashlib
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfacts
from newsfacts import (
    Dataset,
    DatasetError,
    Entity,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Literal,
    Mention,
    Origin,
    Participant,
    PloverType,
    Predicate,
    Rating,
    Resolution,
    Span,
    Statement,
    TimePoint,
    TimeSpec,
    Verdict,
)
from newsfacts.loading import MAX_PROBLEMS_SHOWN, dump_files
from newsfacts.names import fold
from newsfacts.validation import _PRONOUN, ProblemCode
from strategies import datasets

__all__: list[str] = []

Fact = Event | Statement
_R = TypeVar("_R")
_X = TypeVar("_X")


@attrs.frozen
class Corruption:
    """A corrupted dataset and the ids of the records the problem must name."""

    dataset: Dataset
    ids: frozenset[str]


Mutation = Callable[[st.DataObject, Dataset], Corruption]
MUTATIONS: dict[ProblemCode, Mutation] = {}


def mutation(code: ProblemCode) -> Callable[[Mutation], Mutation]:
    def register(function: Mutation) -> Mutation:
        assert code not in MUTATIONS, f"two mutations for {code}"
        MUTATIONS[code] = function
        return function

    return register


# --- helpers ----------------------------------------------------------------


def rebuild(
    ds: Dataset,
    *,
    article: newsfacts.Article | None = None,
    entities: Iterable[Entity] | None = None,
    events: Iterable[Event] | None = None,
    statements: Iterable[Statement] | None = None,
    mentions: Iterable[Mention] | None = None,
    sources: Iterable[newsfacts.Source] | None = None,
) -> Dataset:
    """``ds`` with some of its parts replaced."""
    return Dataset(
        ds.metadata,
        ds.article if article is None else article,
        tuple(ds.entities) if entities is None else entities,
        tuple(ds.events) if events is None else events,
        tuple(ds.statements) if statements is None else statements,
        ds.mentions if mentions is None else mentions,
        tuple(ds.sources) if sources is None else sources,
    )


def replace(records: Iterable[_R], old: _R, new: _R | None) -> list[_R]:
    """``records`` with ``old`` (by identity) replaced by ``new``, or dropped for ``None``."""
    out: list[_R] = []
    for record in records:
        if record is old:
            if new is not None:
                out.append(new)
        else:
            out.append(record)
    return out


def with_registry(ds: Dataset, name: str, records: list[Any]) -> Dataset:
    """``ds`` with the records of the registry called ``name`` replaced."""
    if name == "entities":
        return rebuild(ds, entities=records)
    if name == "events":
        return rebuild(ds, events=records)
    if name == "statements":
        return rebuild(ds, statements=records)
    assert name == "sources"
    return rebuild(ds, sources=records)


def with_fact(ds: Dataset, old: Fact, new: Fact) -> Dataset:
    if isinstance(old, Event):
        assert isinstance(new, Event)
        return rebuild(ds, events=replace(ds.events, old, new))
    assert isinstance(new, Statement)
    return rebuild(ds, statements=replace(ds.statements, old, new))


def with_entity(ds: Dataset, old: Entity, new: Entity) -> Dataset:
    return rebuild(ds, entities=replace(ds.entities, old, new))


def facts(ds: Dataset) -> list[Fact]:
    return [*ds.events, *ds.statements]


def pick(data: st.DataObject, items: Iterable[_X], label: str) -> _X:
    options = list(items)
    assert options, f"nothing to pick for {label}"
    return data.draw(st.sampled_from(options), label=label)


def all_ids(ds: Dataset) -> set[str]:
    return {
        *ds.entities.ids,
        *ds.events.ids,
        *ds.statements.ids,
        *ds.sources.ids,
    }


def fresh_id(ds: Dataset, stem: str) -> str:
    taken = all_ids(ds)
    number = 0
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def fresh_name(ds: Dataset, stem: str = "Unheard Of") -> str:
    taken = {fold(name) for record in (*ds.entities, *ds.events) for name in record.names}
    taken |= {fold(id) for id in all_ids(ds)}
    number = 0
    letters = "abcdefghijklmnopqrstuvwxyz"
    while True:
        name = f"{stem} {letters[number % 26]}{letters[number // 26 % 26]}q"
        if fold(name) not in taken:
            return name
        number += 1


def coin(data: st.DataObject, label: str) -> bool:
    drawn: bool = data.draw(st.booleans(), label=label)
    return drawn


def a_source(ds: Dataset) -> str:
    assert len(ds.sources), "the dataset has no sources"
    return ds.sources.ids[0]


def new_entity(ds: Dataset, kind: EntityKind, **changes: Any) -> Entity:
    """An enrichment entity of ``kind`` that clashes with nothing in ``ds``."""
    entity = Entity(
        id=fresh_id(ds, "added-entity"),
        kind=kind,
        name=fresh_name(ds),
        origin=Origin.ENRICHMENT,
        sources=(a_source(ds),),
    )
    return attrs.evolve(entity, **changes)


def dated(fact: Fact) -> TimeSpec | None:
    return fact.record_time if fact.record_time is not None else fact.time


def lifetime_entities(fact: Fact) -> list[str]:
    """The ids whose lifetime the validator holds ``fact`` to."""
    if isinstance(fact, Event):
        return [p.entity for p in fact.participants]
    if fact.negated:
        return []
    return [fact.subject] + ([fact.object_id] if fact.object_id is not None else [])


def within_lifetimes(ds: Dataset, entity_ids: Iterable[str], time: TimeSpec | None) -> bool:
    if time is None:
        return True
    for entity_id in entity_ids:
        entity = ds.entities.get(entity_id)
        if entity is None:
            continue
        if entity.inception is not None and time.latest < entity.inception.earliest:
            return False
        if entity.dissolved is not None and time.earliest > entity.dissolved.latest:
            return False
    return True


def bound_by_lifetime(ds: Dataset) -> set[str]:
    """Entities some dated fact is held to."""
    return {
        entity_id
        for fact in facts(ds)
        if dated(fact) is not None
        for entity_id in lifetime_entities(fact)
    }


def references(ds: Dataset) -> Iterator[str]:
    """Every id the dataset refers to (not counting a record's own id)."""
    for fact in facts(ds):
        yield from fact.sources
        yield from fact.attribution.claimants
        if fact.verdict is not None:
            yield from fact.verdict.sources
    for event in ds.events:
        yield from (p.entity for p in event.participants)
        yield from (r for r in (event.place, event.record_place, event.part_of) if r is not None)
    for statement in ds.statements:
        yield statement.subject
        if statement.object_id is not None:
            yield statement.object_id
        yield from (q.value_id for q in statement.qualifiers if q.value_id is not None)
    for mention in ds.mentions:
        yield from mention.targets
        if mention.literal is not None:
            yield mention.literal
    for entity in ds.entities:
        yield from entity.sources
    yield from ds.article.sources


def spans(ds: Dataset) -> list[tuple[str, Span, str]]:
    """Every span of the dataset: (where, span, id of its record)."""
    out = [("sentence", s, ds.article.id) for s in ds.article.sentences]
    out += [("evidence", s, f.id) for f in facts(ds) for s in f.evidence]
    out += [("mention", m.span, t) for m in ds.mentions for t in m.targets]
    return out


def replace_span(ds: Dataset, where: str, old: Span, new: Span, owner: str) -> Dataset:
    if where == "sentence":
        sentences = tuple(new if s is old else s for s in ds.article.sentences)
        return rebuild(ds, article=attrs.evolve(ds.article, sentences=sentences))
    if where == "evidence":
        fact = ds.events.get(owner) or ds.statements[owner]
        evidence = tuple(new if s is old else s for s in fact.evidence)
        return with_fact(ds, fact, attrs.evolve(fact, evidence=evidence))
    mentions = [attrs.evolve(m, span=new) if m.span is old else m for m in ds.mentions]
    return rebuild(ds, mentions=mentions)


def with_text(ds: Dataset, text: str, sentences: tuple[Span, ...] | None = None) -> Dataset:
    article = attrs.evolve(
        ds.article,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=ds.article.sentences if sentences is None else sentences,
    )
    return rebuild(ds, article=article)


ONE_DAY = datetime.timedelta(days=1)


def day(date: datetime.date, *, sources: tuple[str, ...] = ()) -> TimeSpec:
    """A day; taken from the record when ``sources`` are given."""
    resolution = Resolution.RECORD if sources else Resolution.EXPLICIT
    return TimeSpec(TimePoint.from_date(date), resolution=resolution, sources=sources)


# --- one corruption per problem code ---------------------------------------


@mutation(ProblemCode.DUPLICATE_ID)
def duplicate_id(data: st.DataObject, ds: Dataset) -> Corruption:
    name = pick(
        data,
        [n for n in ("entities", "events", "statements", "sources") if len(getattr(ds, n))],
        "registry",
    )
    records = list(getattr(ds, name))
    record = pick(data, records, "record")
    records.insert(data.draw(st.integers(0, len(records)), label="at"), record)
    return Corruption(with_registry(ds, name, records), frozenset({record.id}))


@mutation(ProblemCode.UNRESOLVED_REFERENCE)
def drop_referenced(data: st.DataObject, ds: Dataset) -> Corruption:
    referenced = set(references(ds))
    how = data.draw(st.sampled_from(("entity", "source", "unknown")), label="how")
    entities = [e for e in ds.entities if e.id in referenced]
    sources = [s for s in ds.sources if s.id in referenced]
    if how == "entity" and entities:
        entity = pick(data, entities, "entity")
        return Corruption(
            rebuild(ds, entities=replace(ds.entities, entity, None)), frozenset({entity.id})
        )
    if how == "source" and sources:
        source = pick(data, sources, "source")
        return Corruption(
            rebuild(ds, sources=replace(ds.sources, source, None)), frozenset({source.id})
        )
    event = pick(data, ds.events, "event")
    unknown = fresh_id(ds, "no-such-record")
    changed = attrs.evolve(
        event, participants=(*event.participants, Participant(unknown, newsfacts.Role.TOPIC))
    )
    return Corruption(with_fact(ds, event, changed), frozenset({unknown}))


@mutation(ProblemCode.WRONG_REFERENCE_KIND)
def wrong_kind(data: st.DataObject, ds: Dataset) -> Corruption:
    if data.draw(st.booleans(), label="participant") or not len(ds.entities):
        event = pick(data, ds.events, "event")
        wrong = pick(data, [*ds.sources.ids, *ds.statements.ids], "wrong id")
        participant = Participant(wrong, newsfacts.Role.TOPIC)
        changed = attrs.evolve(event, participants=(*event.participants, participant))
        return Corruption(with_fact(ds, event, changed), frozenset({wrong}))
    entity = pick(data, ds.entities, "entity")
    wrong = pick(data, ds.events.ids, "event id")
    changed_entity = attrs.evolve(entity, sources=(*entity.sources, wrong))
    return Corruption(with_entity(ds, entity, changed_entity), frozenset({wrong}))


@mutation(ProblemCode.SPAN_OUTSIDE_TEXT)
def span_past_end(data: st.DataObject, ds: Dataset) -> Corruption:
    text = ds.article.text
    options = [
        (where, span, owner)
        for where, span, owner in spans(ds)
        if where == "evidence"
        or (where == "mention" and owner in ds.entities)
        or (where == "sentence" and span is ds.article.sentences[-1])
    ]
    where, span, owner = pick(data, options, "span")
    beyond = data.draw(st.integers(1, 5), label="beyond")
    longer = Span(span.start, len(text) + beyond, text[span.start :] + "x" * beyond)
    return Corruption(replace_span(ds, where, span, longer, owner), frozenset({owner}))


def time_words(ds: Dataset, where: str, span: Span, owner: str) -> set[int]:
    """Positions in an evidence span's text of its fact's time words (each part once)."""
    fact = (ds.events.get(owner) or ds.statements.get(owner)) if where == "evidence" else None
    expression = fact.time.expression if fact is not None and fact.time is not None else None
    positions: set[int] = set()
    for part in (expression or "").split(" … "):
        at = span.text.find(part) if part else -1
        if at >= 0:
            positions.update(range(at, at + len(part)))
    return positions


@mutation(ProblemCode.SPAN_MISMATCH)
def shift_span(data: st.DataObject, ds: Dataset) -> Corruption:
    text = ds.article.text
    options = [s for s in spans(ds) if len(s[1]) > len(time_words(ds, *s))]
    where, span, owner = pick(data, options, "span")
    shifts = [
        k
        for k in (-2, -1, 1, 2)
        if span.start + k >= 0
        and span.end + k <= len(text)
        and text[span.start + k : span.end + k] != span.text
    ]
    if (
        where == "mention"
        and owner in ds.entities
        and _PRONOUN.search(span.text) is None  # moved off a pronoun: UNRESOLVED_PRONOUN too
        and shifts
        and data.draw(st.booleans())
    ):
        # Move the span, keeping its words: they no longer match the text there.
        k = data.draw(st.sampled_from(shifts), label="shift")
        moved = Span(span.start + k, span.end + k, span.text)
    else:
        # Keep the place, change a character that is none of the fact's time words (else the
        # time words would be missing from the evidence as well).
        guarded = time_words(ds, where, span, owner)
        i = next(i for i in range(len(span.text)) if i not in guarded)
        new = "x" if span.text[i] != "x" else "y"
        moved = Span(span.start, span.end, span.text[:i] + new + span.text[i + 1 :])
    return Corruption(replace_span(ds, where, span, moved, owner), frozenset({owner}))


@mutation(ProblemCode.SENTENCES_OVERLAP)
def repeat_sentence(data: st.DataObject, ds: Dataset) -> Corruption:
    sentences = list(ds.article.sentences)
    index = pick(data, [i for i, s in enumerate(sentences) if len(s)], "sentence")
    sentences.insert(index + 1, sentences[index])
    article = attrs.evolve(ds.article, sentences=tuple(sentences))
    return Corruption(rebuild(ds, article=article), frozenset({ds.article.id}))


@mutation(ProblemCode.TEXT_NOT_COVERED)
def uncover_text(data: st.DataObject, ds: Dataset) -> Corruption:
    sentences = list(ds.article.sentences)
    if data.draw(st.booleans(), label="drop a sentence"):
        del sentences[
            pick(data, [i for i, s in enumerate(sentences) if s.text.strip()], "sentence")
        ]
        return Corruption(
            rebuild(ds, article=attrs.evolve(ds.article, sentences=tuple(sentences))),
            frozenset({ds.article.id}),
        )
    tail = data.draw(
        st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=5).filter(
            lambda words: _PRONOUN.search(words) is None  # else UNRESOLVED_PRONOUN too
        ),
        label="tail",
    )
    return Corruption(with_text(ds, ds.article.text + " " + tail), frozenset({ds.article.id}))


@mutation(ProblemCode.SENTENCE_WITHOUT_FACT)
def sentence_without_fact(data: st.DataObject, ds: Dataset) -> Corruption:
    text = ds.article.text
    words = data.draw(
        st.text(st.characters(categories=["L"]), min_size=1, max_size=20).filter(
            lambda words: _PRONOUN.search(words) is None  # else UNRESOLVED_PRONOUN too
        ),
        label="words",
    )
    start = len(text) + 1
    sentence = Span(start, start + len(words) + 1, words + ".")
    changed = with_text(ds, f"{text} {words}.", (*ds.article.sentences, sentence))
    return Corruption(changed, frozenset({ds.article.id}))


@mutation(ProblemCode.MENTION_OUTSIDE_EVIDENCE)
def mention_outside_evidence(data: st.DataObject, ds: Dataset) -> Corruption:
    event = pick(data, [e for e in ds.events if e.origin is Origin.ARTICLE and e.evidence], "event")
    outside = [s for s in ds.article.sentences if not any(e.covers(s) for e in event.evidence)]
    if outside:
        span = pick(data, outside, "sentence")
    else:
        offsets = [
            i for i in range(len(ds.article.text)) if not any(e.contains(i) for e in event.evidence)
        ]
        offset = pick(data, offsets, "offset")
        span = Span(offset, offset + 1, ds.article.text[offset])
    mentions = (*ds.mentions, Mention(span, event.id))
    return Corruption(rebuild(ds, mentions=mentions), frozenset({event.id}))


PRONOUNS = frozenset({
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
    "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
})  # fmt: skip


@mutation(ProblemCode.ENTITY_NOT_MENTIONED)
def unmentioned_entity(data: st.DataObject, ds: Dataset) -> Corruption:
    # An entity that alone resolves a pronoun keeps its mentions: without one the pronoun
    # would be unresolved too. A mention of several things loses only this one.
    sole_referents = {
        m.targets[0] for m in ds.mentions if len(m.targets) == 1 and m.span.text.lower() in PRONOUNS
    }
    article_entities = [
        e for e in ds.entities if e.origin is Origin.ARTICLE and e.id not in sole_referents
    ]
    if article_entities and coin(data, "drop mentions"):
        entity = pick(data, article_entities, "entity")
        # Words that refer to others as well keep those (a "they" stays resolved).
        mentions = [
            attrs.evolve(m, targets=tuple(t for t in m.targets if t != entity.id))
            if entity.id in m.targets
            else m
            for m in ds.mentions
            if entity.id != m.literal and m.targets != (entity.id,)
        ]
        return Corruption(rebuild(ds, mentions=mentions), frozenset({entity.id}))
    # Not an office, body or agency: those need a tie (UNTIED_BODY) as well.
    kind = data.draw(st.sampled_from([k for k in EntityKind if k not in BELONGING]), label="kind")
    entity = new_entity(ds, kind, origin=Origin.ARTICLE, sources=())
    return Corruption(rebuild(ds, entities=(*ds.entities, entity)), frozenset({entity.id}))


@mutation(ProblemCode.ENRICHMENT_MENTIONED)
def mentioned_enrichment(data: st.DataObject, ds: Dataset) -> Corruption:
    mentioned = {t for m in ds.mentions for t in m.targets} | {m.literal for m in ds.mentions}
    entity = pick(data, [e for e in ds.entities if e.id in mentioned], "entity")
    changed = attrs.evolve(
        entity, origin=Origin.ENRICHMENT, sources=entity.sources or (a_source(ds),)
    )
    return Corruption(with_entity(ds, entity, changed), frozenset({entity.id}))


def is_tie(ds: Dataset, statement: Statement) -> bool:
    """Whether ``statement`` ties an office, body or agency to what it belongs to."""
    subject = ds.entities.get(statement.subject)
    return statement.predicate in TIES and subject is not None and subject.kind in BELONGING


def _kinds_outside(allowed: frozenset[EntityKind]) -> list[EntityKind]:
    # Offices, bodies and agencies only where nothing else will do: a new one
    # would lack its tie (UNTIED_BODY) as well.
    outside = [kind for kind in EntityKind if kind not in allowed]
    return [kind for kind in outside if kind not in BELONGING] or outside


def _free_of_lifetime(ds: Dataset, kinds: list[EntityKind]) -> list[Entity]:
    return [
        e for e in ds.entities if e.kind in kinds and e.inception is None and e.dissolved is None
    ]


@mutation(ProblemCode.DOMAIN)
def break_domain(data: st.DataObject, ds: Dataset) -> Corruption:
    options = [
        s for s in ds.statements if _kinds_outside(s.predicate.info.domain) and not is_tie(ds, s)
    ]
    if not options:
        person = new_entity(ds, EntityKind.PERSON)
        other = new_entity(
            ds, EntityKind.PERSON, id=fresh_id(ds, "other"), name=fresh_name(ds, "Other")
        )
        statement = Statement(
            fresh_id(ds, "added-statement"),
            person.id,
            Predicate.HEAD_OF_STATE,
            other.id,
            origin=Origin.ENRICHMENT,
            sources=(a_source(ds),),
        )
        changed = rebuild(
            ds, entities=(*ds.entities, person, other), statements=(*ds.statements, statement)
        )
        return Corruption(changed, frozenset({statement.id, person.id}))
    statement = pick(data, options, "statement")
    kinds = _kinds_outside(statement.predicate.info.domain)
    candidates = _free_of_lifetime(ds, kinds)
    if candidates and coin(data, "existing subject"):
        subject = pick(data, candidates, "subject")
        entities = tuple(ds.entities)
    else:
        subject = new_entity(ds, pick(data, kinds, "kind"))
        entities = (*ds.entities, subject)
    changed_statement = attrs.evolve(statement, subject=subject.id)
    changed = rebuild(
        ds, entities=entities, statements=replace(ds.statements, statement, changed_statement)
    )
    return Corruption(changed, frozenset({statement.id}))


@mutation(ProblemCode.RANGE)
def break_range(data: st.DataObject, ds: Dataset) -> Corruption:
    options = [s for s in ds.statements if not is_tie(ds, s)]
    if not options:
        # Only ties to break, which UNTIED_BODY would report too: a new statement.
        holder = new_entity(ds, EntityKind.PERSON)
        held = new_entity(
            ds, EntityKind.PERSON, id=fresh_id(ds, "other"), name=fresh_name(ds, "Other")
        )
        added = Statement(
            fresh_id(ds, "added-statement"),
            holder.id,
            Predicate.POSITION_HELD,
            held.id,
            origin=Origin.ENRICHMENT,
            sources=(a_source(ds),),
        )
        corrupted = rebuild(
            ds, entities=(*ds.entities, holder, held), statements=(*ds.statements, added)
        )
        return Corruption(corrupted, frozenset({added.id, held.id}))
    statement = pick(data, options, "statement")
    info = statement.predicate.info
    entities = tuple(ds.entities)
    obj: str | Literal
    if info.literal_object:
        kinds = _kinds_outside(info.range)
        candidates = _free_of_lifetime(ds, kinds)
        if candidates:
            obj = pick(data, candidates, "object").id
        else:
            new = new_entity(ds, pick(data, kinds, "kind"))
            entities = (*entities, new)
            obj = new.id
    else:
        obj = Literal(
            data.draw(st.text(st.characters(categories=["L"]), min_size=1), label="literal")
        )
    changed = attrs.evolve(statement, object=obj)
    return Corruption(
        rebuild(ds, entities=entities, statements=replace(ds.statements, statement, changed)),
        frozenset({statement.id}),
    )


def _compatible(a: TimeSpec | None, b: TimeSpec | None) -> bool:
    return a is None or b is None or a.overlaps(b.earliest, b.latest)


def _mirror_keys(statement: Statement) -> list[tuple[str, str, str]]:
    if statement.object_id is None:
        return []
    keys = []
    if statement.predicate.inverse is not None:
        keys.append((statement.object_id, statement.predicate.inverse.value, statement.subject))
    if statement.predicate.symmetric:
        keys.append((statement.object_id, statement.predicate.value, statement.subject))
    return keys


@mutation(ProblemCode.INVERSE_DISAGREES)
def disagree_with_inverse(data: st.DataObject, ds: Dataset) -> Corruption:
    by_key: dict[tuple[str, str, str], list[Statement]] = {}
    for s in ds.statements:
        if s.object_id is not None:
            by_key.setdefault((s.subject, s.predicate.value, s.object_id), []).append(s)
    pairs = [
        (s, other)
        for s in ds.statements
        for key in _mirror_keys(s)
        for other in by_key.get(key, ())
        if other is not s
        and not s.negated
        and not other.negated
        and set(s.attribution.claimants) == set(other.attribution.claimants)
        and _compatible(dated(s), dated(other))
    ]
    if pairs and coin(data, "flip an existing pair"):
        statement, other = pick(data, pairs, "pair")
        changed = attrs.evolve(statement, negated=True)
        return Corruption(with_fact(ds, statement, changed), frozenset({statement.id, other.id}))
    mirrorable = [s for s in ds.statements if _mirror_keys(s)]
    if mirrorable:
        statement = pick(data, mirrorable, "statement")
        assert statement.object_id is not None
        predicate = statement.predicate.inverse or statement.predicate
        mirror = Statement(
            fresh_id(ds, "mirror"),
            statement.object_id,
            predicate,
            statement.subject,
            negated=not statement.negated,
            attribution=statement.attribution,
            time=statement.time,
            origin=Origin.ENRICHMENT,
            sources=(a_source(ds),),
        )
        return Corruption(
            rebuild(ds, statements=(*ds.statements, mirror)), frozenset({statement.id, mirror.id})
        )
    one = new_entity(ds, EntityKind.STATE)
    two = new_entity(ds, EntityKind.STATE, id=fresh_id(ds, "other"), name=fresh_name(ds, "Other"))
    first = Statement(
        fresh_id(ds, "ally"),
        one.id,
        Predicate.ALLY_OF,
        two.id,
        time=TimeSpec(TimePoint(2000)),
        origin=Origin.ENRICHMENT,
        sources=(a_source(ds),),
    )
    second = attrs.evolve(
        first, id=fresh_id(ds, "ally-back"), subject=two.id, object=one.id, negated=True
    )
    corrupted = rebuild(
        ds, entities=(*ds.entities, one, two), statements=(*ds.statements, first, second)
    )
    return Corruption(corrupted, frozenset({first.id, second.id}))


@mutation(ProblemCode.TIME_ORDER)
def dissolved_before_inception(data: st.DataObject, ds: Dataset) -> Corruption:
    bound = bound_by_lifetime(ds)
    free = [e for e in ds.entities if e.id not in bound]
    year = data.draw(st.integers(1000, 2500), label="year")
    inception = TimeSpec(TimePoint(year + data.draw(st.integers(1, 50), label="gap")))
    dissolved = TimeSpec(TimePoint(year))
    if free and coin(data, "existing entity"):
        entity = pick(data, free, "entity")
        changed = attrs.evolve(entity, inception=inception, dissolved=dissolved)
        return Corruption(with_entity(ds, entity, changed), frozenset({entity.id}))
    added = new_entity(ds, EntityKind.ORGANIZATION, inception=inception, dissolved=dissolved)
    return Corruption(rebuild(ds, entities=(*ds.entities, added)), frozenset({added.id}))


@mutation(ProblemCode.OUTSIDE_LIFETIME)
def before_founding(data: st.DataObject, ds: Dataset) -> Corruption:
    options = [
        (fact, entity_id)
        for fact in facts(ds)
        if (time := dated(fact)) is not None and time.latest < datetime.date(9999, 1, 1)
        for entity_id in lifetime_entities(fact)
        if entity_id in ds.entities
    ]
    if options:
        fact, entity_id = pick(data, options, "fact and entity")
        time = dated(fact)
        assert time is not None
        entity = ds.entities[entity_id]
        later = data.draw(st.integers(1, 400), label="days later")
        # Founded (or born) after the fact: nothing joins before it exists.
        changed = attrs.evolve(entity, inception=day(time.latest + later * ONE_DAY), dissolved=None)
        return Corruption(with_entity(ds, entity, changed), frozenset({fact.id, entity.id}))
    event = pick(data, ds.events, "event")
    added = new_entity(ds, EntityKind.ORGANIZATION, inception=TimeSpec(TimePoint(2001)))
    changed_event = attrs.evolve(
        event,
        time=TimeSpec(TimePoint(2000)),
        record_time=None,
        # Done by publication, whenever that was (else STATUS_BEFORE_PUBLICATION too).
        status=EventStatus.HAPPENED,
        participants=(*event.participants, Participant(added.id, newsfacts.Role.MEMBER)),
    )
    return Corruption(
        rebuild(
            ds, entities=(*ds.entities, added), events=replace(ds.events, event, changed_event)
        ),
        frozenset({event.id, added.id}),
    )


@mutation(ProblemCode.RECORD_TIME_CONTRADICTS)
def record_time_outside(data: st.DataObject, ds: Dataset) -> Corruption:
    options: list[tuple[Fact, TimeSpec]] = []
    for fact in facts(ds):
        if fact.time is None:
            continue
        candidates = []
        if fact.time.latest < datetime.date(9999, 12, 31):
            candidates.append(fact.time.latest + ONE_DAY)
        if fact.time.earliest > datetime.date(1, 1, 1):
            candidates.append(fact.time.earliest - ONE_DAY)
        for when in candidates:
            record = day(when, sources=(a_source(ds),))
            # A scheduled or proposed event dated before publication is a stale status too.
            stale = (
                isinstance(fact, Event)
                and fact.status in (EventStatus.SCHEDULED, EventStatus.PROPOSED)
                and ds.article.published is not None
                and when < ds.article.published.earliest
            )
            if not stale and within_lifetimes(ds, lifetime_entities(fact), record):
                options.append((fact, record))
    if options:
        fact, record = pick(data, options, "fact")
        return Corruption(
            with_fact(ds, fact, attrs.evolve(fact, record_time=record)), frozenset({fact.id})
        )
    statement = Statement(
        fresh_id(ds, "dated"),
        ds.entities.ids[0],
        Predicate.PART_OF,
        ds.entities.ids[0],
        time=TimeSpec(TimePoint(2000)),
        record_time=day(datetime.date(2001, 1, 1), sources=(a_source(ds),)),
        negated=True,
        origin=Origin.ENRICHMENT,
        sources=(a_source(ds),),
    )
    return Corruption(
        rebuild(ds, statements=(*ds.statements, statement)), frozenset({statement.id})
    )


@mutation(ProblemCode.ENRICHMENT_WITHOUT_SOURCE)
def enrichment_without_source(data: st.DataObject, ds: Dataset) -> Corruption:
    enriched: list[Entity | Fact] = [
        r for r in (*ds.entities, *facts(ds)) if r.origin is Origin.ENRICHMENT and r.sources
    ]
    if enriched and coin(data, "drop sources"):
        record = pick(data, enriched, "record")
        if isinstance(record, Entity):
            return Corruption(
                with_entity(ds, record, attrs.evolve(record, sources=())), frozenset({record.id})
            )
        return Corruption(
            with_fact(ds, record, attrs.evolve(record, sources=())), frozenset({record.id})
        )
    # An external id is enrichment too.
    entity = pick(data, ds.entities, "entity")
    qid = "Q" + str(data.draw(st.integers(10**9, 10**10), label="qid"))
    changed = attrs.evolve(entity, wikidata=qid, sources=())
    return Corruption(with_entity(ds, entity, changed), frozenset({entity.id}))


@mutation(ProblemCode.ENRICHMENT_WITH_EVIDENCE)
def enrichment_with_evidence(data: st.DataObject, ds: Dataset) -> Corruption:
    sentence = pick(data, ds.article.sentences, "sentence")
    enriched = [f for f in facts(ds) if f.origin is Origin.ENRICHMENT]
    if enriched and coin(data, "existing enrichment"):
        fact = pick(data, enriched, "fact")
        changed: Fact = attrs.evolve(fact, evidence=(*fact.evidence, sentence))
    else:
        fact = pick(data, [s for s in ds.statements if s.origin is Origin.ARTICLE], "statement")
        changed = attrs.evolve(
            fact, origin=Origin.ENRICHMENT, sources=fact.sources or (a_source(ds),)
        )
    return Corruption(with_fact(ds, fact, changed), frozenset({fact.id}))


@mutation(ProblemCode.ARTICLE_FACT_WITHOUT_EVIDENCE)
def article_fact_without_evidence(data: st.DataObject, ds: Dataset) -> Corruption:
    mentioned = {t for m in ds.mentions for t in m.targets}
    enriched = [f for f in facts(ds) if f.origin is Origin.ENRICHMENT and f.id not in mentioned]
    verdict = Verdict(Rating.SUPPORTED)
    if enriched and coin(data, "existing enrichment"):
        fact = pick(data, enriched, "fact")
        changed: Fact = attrs.evolve(fact, origin=Origin.ARTICLE, verdict=fact.verdict or verdict)
        return Corruption(with_fact(ds, fact, changed), frozenset({fact.id}))
    entity = pick(data, ds.entities.ids, "entity")
    statement = Statement(
        fresh_id(ds, "unsupported"),
        entity,
        Predicate.PART_OF,
        entity,
        # Bounds that no lifetime excludes: part of a state holds over a time.
        time=TimeSpec(TimePoint(1), TimePoint(9999)),
        verdict=verdict,
    )
    return Corruption(
        rebuild(ds, statements=(*ds.statements, statement)), frozenset({statement.id})
    )


@mutation(ProblemCode.MISSING_VERDICT)
def missing_verdict(data: st.DataObject, ds: Dataset) -> Corruption:
    fact = pick(data, [f for f in facts(ds) if f.origin is Origin.ARTICLE], "fact")
    return Corruption(with_fact(ds, fact, attrs.evolve(fact, verdict=None)), frozenset({fact.id}))


@mutation(ProblemCode.VERDICT_WITHOUT_NOTE)
def verdict_without_note(data: st.DataObject, ds: Dataset) -> Corruption:
    fact = pick(data, [f for f in facts(ds) if f.verdict is not None], "fact")
    assert fact.verdict is not None
    rating = data.draw(
        st.sampled_from([r for r in Rating if r not in (Rating.SUPPORTED, Rating.UNCHECKED)]),
        label="rating",
    )
    note = data.draw(st.sampled_from(("", " ", "\u00a0\n")), label="note")
    # With a source: a correcting verdict without one is VERDICT_WITHOUT_SOURCE.
    sources = fact.verdict.sources or (a_source(ds),)
    verdict = attrs.evolve(fact.verdict, rating=rating, note=note, sources=sources)
    return Corruption(
        with_fact(ds, fact, attrs.evolve(fact, verdict=verdict)), frozenset({fact.id})
    )


def _disguise(data: st.DataObject, name: str) -> str:
    # The same name as lookup folds it, typed differently.
    style = data.draw(st.sampled_from(("upper", "lower", "spaced", "same")), label="style")
    if style == "upper":
        return name.upper()
    if style == "lower":
        return name.lower()
    if style == "spaced":
        return "\u00a0" + name.replace(" ", "  ") + " "
    return name


@mutation(ProblemCode.ALIAS_COLLISION)
def alias_collision(data: st.DataObject, ds: Dataset) -> Corruption:
    registries: list[str] = [n for n in ("entities", "events") if len(getattr(ds, n)) >= 2]
    if registries:
        name = pick(data, registries, "registry")
        records: list[Entity | Event] = list(getattr(ds, name))
        owner, taker = data.draw(st.permutations(records), label="records")[:2]
        taken = pick(data, [n for n in owner.names if fold(n)], "name")
        changed = attrs.evolve(taker, aliases=(*taker.aliases, _disguise(data, taken)))
        return Corruption(
            with_registry(ds, name, replace(records, taker, changed)),
            frozenset({owner.id, taker.id}),
        )
    owner_entity = pick(data, ds.entities, "entity")
    added = new_entity(ds, EntityKind.GROUP, aliases=(_disguise(data, owner_entity.name),))
    return Corruption(
        rebuild(ds, entities=(*ds.entities, added)), frozenset({owner_entity.id, added.id})
    )


@mutation(ProblemCode.HASH_MISMATCH)
def hash_mismatch(data: st.DataObject, ds: Dataset) -> Corruption:
    other = data.draw(st.text(min_size=1), label="other text")
    digest = hashlib.sha256((ds.article.text + other).encode("utf-8", "surrogatepass")).hexdigest()
    article = attrs.evolve(ds.article, sha256=digest)
    return Corruption(rebuild(ds, article=article), frozenset({ds.article.id}))


@mutation(ProblemCode.PART_OF_CYCLE)
def part_of_cycle(data: st.DataObject, ds: Dataset) -> Corruption:
    # One event made part of itself, or two made part of each other.
    events = list(ds.events)
    first = pick(data, events, "event")
    second = pick(data, events, "other event")
    changed = replace(events, first, attrs.evolve(first, part_of=second.id))
    if second is not first:
        changed = replace(changed, second, attrs.evolve(second, part_of=first.id))
    return Corruption(rebuild(ds, events=changed), frozenset({first.id, second.id}))


@mutation(ProblemCode.INVALID_IRI)
def invalid_iri(data: st.DataObject, ds: Dataset) -> Corruption:
    bad = "https://example.org/" + data.draw(
        st.sampled_from(["a b", "{x}", '"q"', "<x>", "%zz", "\x07"]), label="bad part"
    )
    if len(ds.sources) and coin(data, "a source"):
        source = pick(data, ds.sources, "source")
        sources = replace(ds.sources, source, attrs.evolve(source, url=bad))
        return Corruption(rebuild(ds, sources=sources), frozenset({source.id}))
    article = attrs.evolve(ds.article, url=bad)
    return Corruption(rebuild(ds, article=article), frozenset({ds.article.id}))


BELONGING = (EntityKind.OFFICE, EntityKind.GOVERNMENT_BODY, EntityKind.AGENCY)
TIES = tuple(p for p in Predicate if p.info.ties)


@mutation(ProblemCode.UNTIED_BODY)
def untied_body(data: st.DataObject, ds: Dataset) -> Corruption:
    bodies = [e for e in ds.entities if e.kind in BELONGING]
    if bodies and coin(data, "cut an existing body loose"):
        body = pick(data, bodies, "body")
        statements = [
            attrs.evolve(s, negated=True)
            if s.subject == body.id and s.predicate in TIES and not s.negated
            else s
            for s in ds.statements
        ]
        return Corruption(rebuild(ds, statements=statements), frozenset({body.id}))
    kind = data.draw(st.sampled_from(BELONGING), label="kind")
    entity = new_entity(ds, kind)
    return Corruption(rebuild(ds, entities=(*ds.entities, entity)), frozenset({entity.id}))


@mutation(ProblemCode.TIME_WORDS_OUTSIDE_EVIDENCE)
def borrowed_time_words(data: st.DataObject, ds: Dataset) -> Corruption:
    fact = pick(data, [f for f in facts(ds) if f.evidence], "fact")
    words = "in the year of the Zqx"
    resolution = data.draw(
        st.sampled_from((Resolution.EXPLICIT, Resolution.PUBLICATION)), label="resolution"
    )
    if fact.time is not None:
        # The same value, now said to come from words that the evidence lacks.
        time = attrs.evolve(fact.time, expression=words, resolution=resolution)
    else:
        # Bounds that no lifetime, record date or publication can contradict.
        time = TimeSpec(TimePoint(1), TimePoint(9999), expression=words, resolution=resolution)
    return Corruption(with_fact(ds, fact, attrs.evolve(fact, time=time)), frozenset({fact.id}))


@mutation(ProblemCode.STATE_WITHOUT_TIME)
def state_without_time(data: st.DataObject, ds: Dataset) -> Corruption:
    city = new_entity(ds, EntityKind.CITY)
    state = new_entity(
        rebuild(ds, entities=(*ds.entities, city)), EntityKind.STATE, name=fresh_name(ds, "Zq")
    )
    predicate = data.draw(
        st.sampled_from((Predicate.CAPITAL_OF, Predicate.PART_OF)), label="predicate"
    )
    statement = Statement(
        id=fresh_id(ds, "added-statement"),
        subject=city.id,
        predicate=predicate,
        object=state.id,
        origin=Origin.ENRICHMENT,
        sources=(a_source(ds),),
    )
    return Corruption(
        rebuild(
            ds,
            entities=(*ds.entities, city, state),
            statements=(*ds.statements, statement),
        ),
        frozenset({statement.id}),
    )


@mutation(ProblemCode.STATUS_BEFORE_PUBLICATION)
def stale_status(data: st.DataObject, ds: Dataset) -> Corruption:
    published = ds.article.published
    article = ds.article
    if published is None or published.earliest.year < 3:
        # A publication late enough to lie after anything dated.
        article = attrs.evolve(article, published=TimeSpec(TimePoint(9999)))
        year = 2000
    else:
        year = data.draw(st.integers(1, published.earliest.year - 1), label="year")
    status = data.draw(st.sampled_from((EventStatus.PROPOSED, EventStatus.SCHEDULED)))
    event = Event(
        id=fresh_id(ds, "added-event"),
        kind=EventKind.MEETING,
        label=fresh_name(ds),
        time=TimeSpec(TimePoint(year)),
        status=status,
        origin=Origin.ENRICHMENT,
        sources=(a_source(ds),),
    )
    return Corruption(
        rebuild(ds, article=article, events=(*ds.events, event)), frozenset({event.id})
    )


@mutation(ProblemCode.VERDICT_WITHOUT_SOURCE)
def correction_without_source(data: st.DataObject, ds: Dataset) -> Corruption:
    fact = pick(data, [f for f in facts(ds) if f.verdict is not None], "fact")
    rating = data.draw(
        st.sampled_from((Rating.FALSE, Rating.MISLEADING, Rating.SIMPLIFIED)), label="rating"
    )
    changed = attrs.evolve(fact, verdict=Verdict(rating, "The record says otherwise."))
    return Corruption(with_fact(ds, fact, changed), frozenset({fact.id}))


@mutation(ProblemCode.UNCHECKED_WITH_SOURCES)
def unchecked_with_sources(data: st.DataObject, ds: Dataset) -> Corruption:
    fact = pick(data, [f for f in facts(ds) if f.verdict is not None], "fact")
    changed = attrs.evolve(fact, verdict=Verdict(Rating.UNCHECKED, sources=(a_source(ds),)))
    return Corruption(with_fact(ds, fact, changed), frozenset({fact.id}))


@mutation(ProblemCode.UNRESOLVED_PRONOUN)
def unresolved_pronoun(data: st.DataObject, ds: Dataset) -> Corruption:
    # A pronoun added at the end of the last sentence, which no mention covers.
    pronoun = data.draw(st.sampled_from(("it", "They", "his", "them")), label="pronoun")
    text = ds.article.text + " " + pronoun
    sentences = list(ds.article.sentences)
    last = sentences[-1]
    sentences[-1] = Span(last.start, len(text), text[last.start :])
    changed = with_text(ds, text, tuple(sentences))
    article = attrs.evolve(changed.article, language="en")
    return Corruption(rebuild(changed, article=article), frozenset({ds.article.id}))


@mutation(ProblemCode.UNKNOWN_CAMEO)
def unknown_cameo(data: st.DataObject, ds: Dataset) -> Corruption:
    event = pick(data, ds.events, "event")
    code = data.draw(st.sampled_from(("00", "21", "0000", "199", "0455")), label="code")
    changed = attrs.evolve(event, cameo=code, plover=None)
    return Corruption(with_fact(ds, event, changed), frozenset({event.id}))


@mutation(ProblemCode.PLOVER_MISFIT)
def plover_misfit(data: st.DataObject, ds: Dataset) -> Corruption:
    event = pick(data, ds.events, "event")
    code, plover = data.draw(
        st.sampled_from(
            (
                ("042", PloverType.ASSAULT),
                ("192", PloverType.ASSAULT),
                ("026", PloverType.REQUEST),
                ("039", PloverType.CONSULT),
            )
        ),
        label="code and type",
    )
    changed = attrs.evolve(event, cameo=code, plover=plover)
    return Corruption(with_fact(ds, event, changed), frozenset({event.id}))


@mutation(ProblemCode.WIKIDATA_MISFIT)
def wikidata_misfit(data: st.DataObject, ds: Dataset) -> Corruption:
    # P530 (diplomatic relation) is between states; a people is none.
    state = new_entity(ds, EntityKind.STATE)
    group = new_entity(
        rebuild(ds, entities=(*ds.entities, state)), EntityKind.GROUP, name=fresh_name(ds, "Zq")
    )
    subject, obj = (state, group) if coin(data, "state first") else (group, state)
    statement = Statement(
        id=fresh_id(ds, "added-statement"),
        subject=subject.id,
        predicate=Predicate.RELATIONS_WITH,
        object=obj.id,
        time=TimeSpec(TimePoint(2000)),
        origin=Origin.ENRICHMENT,
        sources=(a_source(ds),),
    )
    return Corruption(
        rebuild(
            ds,
            entities=(*ds.entities, state, group),
            statements=(*ds.statements, statement),
        ),
        frozenset({statement.id}),
    )


@mutation(ProblemCode.DUPLICATE_MENTION)
def duplicate_mention(data: st.DataObject, ds: Dataset) -> Corruption:
    # A mention again, at any place: an equal span (not the same object), its targets in
    # any order and another note, which are still the same words counted twice.
    mention = pick(data, ds.mentions, "mention")
    targets = data.draw(st.permutations(mention.targets), label="targets")
    note = data.draw(st.sampled_from((mention.note, "again", "")), label="note")
    again = attrs.evolve(mention, span=attrs.evolve(mention.span), targets=targets, note=note)
    mentions = list(ds.mentions)
    mentions.insert(data.draw(st.integers(0, len(mentions)), label="at"), again)
    return Corruption(rebuild(ds, mentions=mentions), frozenset(mention.targets))


# --- the properties ---------------------------------------------------------

# The built-in dataset joins the generated ones where it is valid: the test
# below says whether it is, and these properties need a valid start.
_BUILTIN_IS_VALID = not newsfacts.validate(newsfacts.load())
valid_datasets = (
    st.one_of(datasets(), st.builds(newsfacts.load)) if _BUILTIN_IS_VALID else datasets()
)


def test_every_problem_code_has_a_mutation() -> None:
    """A check with no corruption to show it works is a check nobody has shown to work."""
    missing = [code.name for code in ProblemCode if code not in MUTATIONS]
    assert not missing, f"no mutation registered for {missing}"


def test_the_built_in_dataset_is_valid() -> None:
    assert newsfacts.validate(newsfacts.load()) == ()


@given(datasets())
def test_generated_datasets_are_valid(ds: Dataset) -> None:
    assert newsfacts.validate(ds) == ()


@pytest.mark.parametrize("code", list(ProblemCode), ids=lambda code: code.value)
@given(data=st.data())
def test_mutation_is_reported_with_its_code(code: ProblemCode, data: st.DataObject) -> None:
    ds = data.draw(valid_datasets, label="dataset")
    corruption = MUTATIONS[code](data, ds)
    problems = newsfacts.validate(corruption.dataset)
    assert {p.code for p in problems} == {code}, "\n".join(map(str, problems))
    named = [p for p in problems if corruption.ids & set(p.ids)]
    assert named, f"no problem names {sorted(corruption.ids)}: {problems}"
    for problem in problems:
        assert problem.file
        assert problem.path
        assert problem.path.startswith("$")
        assert str(problem).startswith(f"{problem.file} {problem.path}: [{code.value}] ")


def _load_dumped(ds: Dataset) -> DatasetError:
    with tempfile.TemporaryDirectory() as folder:
        for name, content in dump_files(ds).items():
            (Path(folder) / name).write_bytes(content)
        with pytest.raises(DatasetError) as caught:
            newsfacts.load_path(folder)
        return caught.value


@given(data=st.data(), code=st.sampled_from(list(ProblemCode)))
def test_load_path_refuses_a_corrupted_dataset_listing_every_problem(
    data: st.DataObject, code: ProblemCode
) -> None:
    ds = data.draw(valid_datasets, label="dataset")
    corrupted = MUTATIONS[code](data, ds).dataset
    error = _load_dumped(corrupted)
    assert error.problems == newsfacts.validate(corrupted)
    assert error.file is not None
    # The message lists the first problems; the error holds them all.
    shown = error.problems[:MAX_PROBLEMS_SHOWN]
    assert all(str(problem) in str(error) for problem in shown)


@given(data=st.data())
def test_lifetimes_are_inclusive_at_both_ends(data: st.DataObject) -> None:
    """An event on the very day of a founding or a dissolution is within the lifetime;
    a day before the founding or after the dissolution is not."""
    ds = data.draw(valid_datasets, label="dataset")
    dated_events = [
        e
        for e in ds.events
        if (t := dated(e)) is not None
        and t.earliest > datetime.date(1, 1, 2)
        and t.latest < datetime.date(9999, 12, 30)
    ]
    event = pick(data, dated_events or list(ds.events), "event")
    if not dated_events:
        # Nothing dated within the calendar's margins: date one event, as having
        # happened (a proposed event of 2000 would lie before publication).
        event_with_time = attrs.evolve(
            event,
            time=TimeSpec(TimePoint(2000)),
            record_time=None,
            status=EventStatus.HAPPENED,
        )
        ds = with_fact(ds, event, event_with_time)
        event = event_with_time
    time = dated(event)
    assert time is not None
    case = data.draw(
        st.sampled_from(("founded that day", "dissolved that day", "founded after", "gone before")),
        label="case",
    )
    lifetimes = {
        "founded that day": {"inception": day(time.latest)},
        "dissolved that day": {"dissolved": day(time.earliest)},
        "founded after": {"inception": day(time.latest + ONE_DAY)},
        "gone before": {"dissolved": day(time.earliest - ONE_DAY)},
    }
    participant = new_entity(ds, EntityKind.ORGANIZATION, **lifetimes[case])
    joined = attrs.evolve(
        event,
        participants=(*event.participants, Participant(participant.id, newsfacts.Role.MEMBER)),
    )
    changed = rebuild(
        ds, entities=(*ds.entities, participant), events=replace(ds.events, event, joined)
    )
    problems = newsfacts.validate(changed)
    if case in ("founded after", "gone before"):
        assert {p.code for p in problems} == {ProblemCode.OUTSIDE_LIFETIME}
        assert all(participant.id in p.ids for p in problems)
    else:
        assert problems == ()
