"""What is scored: the items of each layer, with references resolved to gold keys.

Both sides of a comparison are turned into the same plain items, whatever
they were read from (a dataset folder, JSON Lines, brat standoff). A reference
to an entity becomes a *key*: the id of the gold entity it resolves to, or a
key that matches nothing in gold (``?`` and the system's own reference) when
it resolves to none. Ids of the system's own records are never compared, so
renaming them changes no score.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from newsfacts.dataset import Dataset
from newsfacts.errors import AmbiguousNameError, NotFoundError
from newsfacts.model import Entity, Event, Literal, Mention, Span, Statement
from newsfacts.names import fold
from newsfacts.timespec import TimeSpec
from newsfacts.vocabulary import Modality, Origin

__all__ = [
    "EventItem",
    "MentionItem",
    "Resolver",
    "StatementItem",
    "TimeValue",
    "TimexItem",
    "View",
    "referents",
]

UNRESOLVED = "?"
"""Prefix of a key that resolves to no gold record: it never equals a gold key."""
EVENT_REF = "\x00event:"
"""Prefix of a system event reference, replaced once events are aligned."""


def referents(mention: Mention) -> tuple[str, ...]:
    """The ids a mention refers to: one or more.

    The one place that reads a mention's referents; a mention with several
    targets gives them all.
    """
    return mention.targets


@attrs.frozen
class TimeValue:
    """A normalised time value as compared: its EDTF string and its bounds (days)."""

    edtf: str
    earliest: datetime.date
    latest: datetime.date

    @classmethod
    def of(cls, time: TimeSpec) -> TimeValue:
        return cls(time.edtf, time.earliest, time.latest)

    def __str__(self) -> str:
        return self.edtf


@attrs.frozen
class MentionItem:
    span: Span | None
    referents: frozenset[str]
    metonymy: bool
    literal: str | None
    type: str
    """The kind of what it refers to (an entity kind, or ``event``): for macro averages."""
    label: str


@attrs.frozen
class TimexItem:
    """A time expression: its words in the article (when found) and its value."""

    span: Span | None
    expression: str
    value: TimeValue
    label: str


@attrs.frozen
class EventItem:
    label: str
    evidence: tuple[Span, ...]
    kind: str
    participants: frozenset[tuple[str, str]]
    place: str | None
    time: TimeValue | None
    timex: TimexItem | None
    status: str
    cameo: str | None
    plover: str | None
    claimants: frozenset[str]
    modality: str
    rating: str | None
    ref: str
    """The record's own id: only to resolve statements that point at it."""


@attrs.frozen
class StatementItem:
    label: str
    evidence: tuple[Span, ...]
    subject: str
    predicate: str
    object: str
    negated: bool
    qualifiers: frozenset[tuple[str, str]]
    time: TimeValue | None
    timex: TimexItem | None
    claimants: frozenset[str]
    modality: str
    rating: str | None


@attrs.frozen
class Unanchored:
    """A quote of a system's output that could not be found in the article."""

    where: str
    quote: str

    def __str__(self) -> str:
        return f"{self.where}: {self.quote!r} not found in the article"


@attrs.frozen
class View:
    """One side of a comparison: the article's hash and the items of every layer."""

    sha256: str
    mentions: tuple[MentionItem, ...]
    events: tuple[EventItem, ...]
    statements: tuple[StatementItem, ...]
    unanchored: tuple[Unanchored, ...] = ()
    anchoring: Mapping[str, int] = attrs.field(factory=dict)
    """How many quotes were anchored by each method (``exact``, ``normalised``, ``approximate``)."""
    event_names: Mapping[str, tuple[tuple[str, ...], str | None]] = attrs.field(factory=dict)
    """Names and QID of each event reference, for events that no alignment pairs."""


def literal_key(value: str) -> str:
    """The key of a literal: its words, folded (case, accents, punctuation, spaces)."""
    return "“" + fold(value) + "”"


class Resolver:
    """Turns references of a system into gold keys.

    A reference resolves, in this order: (1) a system entity with a Wikidata
    QID to the gold entity with that QID; (2) a system entity to the gold
    entity that one of its names names (``Registry.lookup``: case, accents
    and punctuation folded), unless the name is ambiguous; (3) the same id in
    gold; (4) a bare QID or a name to the gold entity it names. Otherwise the
    reference resolves to nothing in gold.
    """

    def __init__(self, gold: Dataset) -> None:
        self.gold = gold
        self._by_qid = {e.wikidata: e.id for e in gold.entities if e.wikidata is not None}
        self._events_by_qid = {e.wikidata: e.id for e in gold.events if e.wikidata is not None}
        self._cache: dict[tuple[str, tuple[str, ...], str | None], str] = {}

    def _lookup(self, name: str) -> str | None:
        try:
            return self.gold.entities.lookup(name).id
        except (NotFoundError, AmbiguousNameError, TypeError, ValueError):
            return None

    def entity(self, ref: str, names: tuple[str, ...] = (), wikidata: str | None = None) -> str:
        """The gold key of ``ref``; ``names`` and ``wikidata`` are the system's own record of it.

        An entity the system declares (``names`` given) is resolved by its QID
        and names before its id.
        """
        cache_key = (ref, names, wikidata)
        found = self._cache.get(cache_key)
        if found is not None:
            return found
        key = self._resolve(ref, names, wikidata)
        self._cache[cache_key] = key
        return key

    def _resolve(self, ref: str, names: tuple[str, ...], wikidata: str | None) -> str:
        gold = self.gold
        if wikidata is not None and wikidata in self._by_qid:
            return self._by_qid[wikidata]
        for name in names:
            found = self._lookup(name)
            if found is not None:
                return found
        if ref in gold.entities or ref in gold.events:
            return ref
        if ref in self._by_qid:
            return self._by_qid[ref]
        if not names:
            found = self._lookup(ref)
            if found is not None:
                return found
        return UNRESOLVED + ref

    def event(self, names: tuple[str, ...], wikidata: str | None) -> str | None:
        """The gold event a system event is, by its QID or one of its names; ``None`` if none."""
        if wikidata is not None and wikidata in self._events_by_qid:
            return self._events_by_qid[wikidata]
        for name in names:
            try:
                return self.gold.events.lookup(name).id
            except (NotFoundError, AmbiguousNameError, TypeError, ValueError):
                continue
        return None

    def declared(self, entity: Entity | None, ref: str) -> str:
        """The gold key of a system dataset's reference ``ref`` to ``entity`` (``None``: undeclared)."""
        if entity is None:
            return self.entity(ref)
        return self.entity(ref, entity.names, entity.wikidata)


def _type_of(gold: Dataset, key: str) -> str:
    entity = gold.entities.get(key)
    if entity is not None:
        return entity.kind.value
    return "event" if key in gold.events else "unknown"


class Sentences:
    """An article's sentences, found by position (they are in text order)."""

    def __init__(self, sentences: Sequence[Span]) -> None:
        self.sentences = tuple(sentences)
        self._starts = [s.start for s in self.sentences]

    def around(self, spans: Iterable[Span]) -> list[Span]:
        """The sentences that overlap any of ``spans``, in order, once each."""
        found: dict[int, Span] = {}
        for span in spans:
            index = max(0, bisect.bisect_right(self._starts, span.start) - 1)
            while index < len(self.sentences) and self.sentences[index].start < max(
                span.end, span.start + 1
            ):
                sentence = self.sentences[index]
                if sentence.end > span.start:
                    found.setdefault(index, sentence)
                index += 1
        return [found[i] for i in sorted(found)]


def locate_timex(
    expression: str,
    value: TimeValue,
    evidence: tuple[Span, ...],
    label: str,
    sentences: Sentences | None = None,
) -> TimexItem:
    """A fact's time expression: its words found in the fact's evidence, else its sentence.

    The first evidence span (in the order given) holding the expression, and
    its first occurrence there; failing that, the first of ``sentences`` that
    overlaps the evidence and holds it. The span is ``None`` when none holds
    it (the words then stand for themselves, compared as written).
    """
    for span in evidence:
        at = span.text.find(expression)
        if at >= 0:
            start = span.start + at
            return TimexItem(
                Span(start, start + len(expression), expression), expression, value, label
            )
    for span in sentences.around(evidence) if sentences is not None else ():
        at = span.text.find(expression)
        if at >= 0:
            start = span.start + at
            return TimexItem(
                Span(start, start + len(expression), expression), expression, value, label
            )
    return TimexItem(None, expression, value, label)


def _timex(
    time: TimeSpec | None, evidence: tuple[Span, ...], label: str, sentences: Sentences
) -> TimexItem | None:
    # No expression, no time expression: a time the words do not give.
    if time is None or not time.expression:
        return None
    return locate_timex(time.expression, TimeValue.of(time), evidence, label, sentences)


def _rating(fact: Event | Statement) -> str | None:
    return fact.verdict.rating.value if fact.verdict is not None else None


def view_of(dataset: Dataset, resolve: Callable[[str], str] | None = None) -> View:
    """The items of a dataset's own (article) facts and its mentions.

    ``resolve`` turns an entity reference into a gold key (the identity for
    gold itself); references to the dataset's own events are kept for
    :func:`resolve_events`.
    """
    event_ids = frozenset(dataset.events.ids)
    sentences = Sentences(dataset.article.sentences)

    def ref(value: str) -> str:
        if value in event_ids:
            return EVENT_REF + value
        return resolve(value) if resolve is not None else value

    def obj(value: str | Literal) -> str:
        return literal_key(value.value) if isinstance(value, Literal) else ref(value)

    def kind_of(keys: Iterable[str]) -> str:
        for key in keys:
            local = key.removeprefix(EVENT_REF)
            entity = dataset.entities.get(local)
            if entity is not None:
                return entity.kind.value
            if local in event_ids:
                return "event"
        return "unknown"

    mentions = tuple(
        MentionItem(
            m.span,
            frozenset(ref(target) for target in referents(m)),
            m.metonymy,
            ref(m.literal) if m.literal is not None else None,
            kind_of(referents(m)),
            f"{m.span.text!r} at {m.span.start}",
        )
        for m in dataset.mentions
    )
    events = tuple(
        EventItem(
            label=e.id,
            evidence=e.evidence,
            kind=e.kind.value,
            participants=frozenset((ref(p.entity), p.role.value) for p in e.participants),
            place=ref(e.place) if e.place is not None else None,
            time=TimeValue.of(e.time) if e.time is not None else None,
            timex=_timex(e.time, e.evidence, e.id, sentences),
            status=e.status.value,
            cameo=e.cameo,
            plover=e.plover.value if e.plover is not None else None,
            claimants=frozenset(ref(c) for c in e.attribution.claimants),
            modality=e.modality.value,
            rating=_rating(e),
            ref=EVENT_REF + e.id,
        )
        for e in dataset.events
        if e.origin is Origin.ARTICLE
    )
    statements = tuple(
        StatementItem(
            label=s.id,
            evidence=s.evidence,
            subject=ref(s.subject),
            predicate=s.predicate.value,
            object=obj(s.object),
            negated=s.negated,
            qualifiers=frozenset((q.kind.value, obj(q.value)) for q in s.qualifiers),
            time=TimeValue.of(s.time) if s.time is not None else None,
            timex=_timex(s.time, s.evidence, s.id, sentences),
            claimants=frozenset(ref(c) for c in s.attribution.claimants),
            modality=s.modality.value,
            rating=_rating(s),
        )
        for s in dataset.statements
        if s.origin is Origin.ARTICLE
    )
    names = {EVENT_REF + e.id: (e.names, e.wikidata) for e in dataset.events}
    return View(dataset.article.sha256, mentions, events, statements, event_names=names)


def gold_view(gold: Dataset) -> View:
    """Gold's own items: its ids are the keys; its event references are its event ids."""
    view = view_of(gold)
    return resolve_events(view, {EVENT_REF + e.id: e.id for e in gold.events}, Resolver(gold))


def resolve_events(view: View, events: Mapping[str, str], resolver: Resolver) -> View:
    """``view`` with its event references replaced by gold event ids.

    ``events`` maps the references of aligned events to their gold ids; any
    other event resolves by its names (:meth:`Resolver.event`), else to
    nothing in gold. Mention types are taken from gold where the key is gold's.
    """
    gold = resolver.gold

    def key(value: str) -> str:
        if not value.startswith(EVENT_REF):
            return value
        found = events.get(value)
        if found is None and value in view.event_names:
            found = resolver.event(*view.event_names[value])
        return found if found is not None else UNRESOLVED + value.removeprefix(EVENT_REF)

    def keys(values: frozenset[str]) -> frozenset[str]:
        return frozenset(key(v) for v in values)

    def mention(m: MentionItem) -> MentionItem:
        resolved = keys(m.referents)
        known = sorted(k for k in resolved if not k.startswith(UNRESOLVED))
        kind = _type_of(gold, known[0]) if known else m.type
        literal = key(m.literal) if m.literal is not None else None
        return attrs.evolve(m, referents=resolved, literal=literal, type=kind)

    def statement(s: StatementItem) -> StatementItem:
        return attrs.evolve(
            s,
            subject=key(s.subject),
            object=key(s.object),
            qualifiers=frozenset((kind, key(value)) for kind, value in s.qualifiers),
        )

    return attrs.evolve(
        view,
        mentions=tuple(mention(m) for m in view.mentions),
        statements=tuple(statement(s) for s in view.statements),
    )


def is_plain_assertion(claimants: frozenset[str], modality: str) -> bool:
    """The article's own voice, asserting: no attribution to score."""
    return not claimants and modality == Modality.ASSERTED.value
