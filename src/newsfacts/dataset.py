"""A loaded dataset: the article, its registries, and the queries across them.

The registries are built in the constructor; the indexes of the queries
across them (``about``, the timelines, the offset indexes) are built together
on the first such query, whole, then published under a lock, so a query is a
dict look-up or a slice of a precomputed tuple, and what a :class:`Dataset`
answers never changes after it is made.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import threading
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

import attrs

from ._checks import to_tuple
from ._registries import make_registry
from ._validators import _id, _nonempty, _opt_str
from .errors import AmbiguousNameError, NotFoundError, UnknownIdError
from .format import involved
from .model import (
    Article,
    Entity,
    Event,
    Fact,
    Mention,
    Source,
    Span,
    Statement,
)
from .registry import Registry
from .vocabulary import EntityKind, Origin, Predicate, Rating

if TYPE_CHECKING:
    from .validation import Problem

__all__ = ["About", "Dataset", "Metadata"]

_V = TypeVar("_V")


def _blank_or_text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    # Empty means "not given"; a value of spaces alone is neither given nor absent.
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")
    if value and not value.strip():
        raise ValueError(f"{attribute.name} must not be blank (leave it empty instead)")


@attrs.frozen
class Metadata:
    """What a dataset is: id, title, description, licence and version.

    Checked as the records' fields are: ``id`` is a lowercase kebab-case slug,
    ``title`` a non-empty str, the other texts str that are empty or not
    blank, ``homepage`` ``None`` or a str (an IRI, which
    :func:`~newsfacts.validate` checks). Raises :class:`TypeError` or
    :class:`ValueError` otherwise.
    """

    id: str = attrs.field(validator=_id)
    title: str = attrs.field(validator=_nonempty)
    description: str = attrs.field(default="", validator=_blank_or_text)
    license: str = attrs.field(default="", validator=_blank_or_text)
    version: str = attrs.field(default="", validator=_blank_or_text)
    homepage: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class About:
    """Everything a dataset holds about one entity or event.

    ``events`` and ``statements`` (each in dataset order) involve the target
    or one of the records in ``reached``: those that act for it (see
    :meth:`Dataset.about`). ``mentions`` are the words that refer to the
    target itself.
    """

    target: str
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    mentions: tuple[Mention, ...]
    reached: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.events) + len(self.statements)

    def __iter__(self) -> Iterator[Fact]:
        yield from self.events
        yield from self.statements


_event_refs = involved(Event)
_statement_refs = involved(Statement)


# Kinds that act for what they belong to: an office for its jurisdiction, an
# agency or administration for its parent or state.
_ACTING_KINDS = frozenset(
    {
        EntityKind.OFFICE,
        EntityKind.GOVERNMENT_BODY,
        EntityKind.AGENCY,
        EntityKind.ORGANIZATION,
        EntityKind.MILITARY,
    }
)
# The relations that tie a body to what it belongs to or acts for (PredicateInfo.ties).
_TIES = frozenset(predicate for predicate in Predicate if predicate.info.ties)
_HOLDERS = frozenset({Predicate.HEAD_OF_STATE, Predicate.HEAD_OF_GOVERNMENT})


def _acts_for(statements: Iterable[Statement], entities: Registry[Entity]) -> dict[str, list[str]]:
    """Who acts for whom: body or office id -> ids of its parts and holders, by statement order.

    Only statements that hold (not negated, not rated false) tie records.
    """
    acting: dict[str, list[str]] = {}
    for statement in statements:
        target = statement.object_id
        if (
            target is None
            or statement.negated
            or (statement.verdict is not None and statement.verdict.rating is Rating.FALSE)
        ):
            continue
        predicate = statement.predicate
        if predicate in _TIES:
            part = entities.get(statement.subject)
            if part is not None and part.kind in _ACTING_KINDS:
                acting.setdefault(target, []).append(statement.subject)
        elif predicate is Predicate.POSITION_HELD:
            acting.setdefault(target, []).append(statement.subject)
        elif predicate in _HOLDERS:
            acting.setdefault(statement.subject, []).append(target)
    return acting


def _sorted_mentions(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """Mentions by span (start, end), then targets: as ``(m.span, m.targets)`` sorts them.

    Comparing Span records costs a Python call each; their (start, end) tuples
    sort the same unless two spans share their bounds but not their text (which
    the validator reports), and then the records are sorted as before.
    """
    items = list(mentions)
    ordered = sorted(items, key=lambda m: (m.span.start, m.span.end, m.targets))
    for a, b in itertools.pairwise(ordered):
        if a.span.start == b.span.start and a.span.end == b.span.end and a.span.text != b.span.text:
            return tuple(sorted(items, key=lambda m: (m.span, m.targets)))
    return tuple(ordered)


def _all_distinct(mentions: tuple[Mention, ...]) -> bool:
    """Whether no two of the sorted ``mentions`` are equal (equal ones share span and targets).

    Only a run of mentions sharing span and targets can hold equal ones; such a
    run is checked by hashing, so that thousands of mentions of one span (their
    notes differing) cost a pass, not a comparison of every pair.
    """
    run: list[Mention] = []
    for mention in (*mentions, None):
        if (
            mention is not None
            and run
            and (run[0].span.start, run[0].span.end, run[0].targets)
            == (mention.span.start, mention.span.end, mention.targets)
        ):
            run.append(mention)
            continue
        if len(run) > 1 and len(set(run)) < len(run):
            return False
        run = [mention] if mention is not None else []
    return True


def _count(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _records(values: Iterable[_V], kind: type[_V], what: str) -> Iterable[_V]:
    """``values`` as a tuple, each a ``kind``; :class:`TypeError` otherwise.

    A registry of ``kind`` (read alone before the whole dataset) is kept as it
    is, so that the dataset shares it.
    """
    if isinstance(values, Registry):
        records: tuple[_V, ...] = tuple(values)
        if set(map(type, records)) <= {kind} or all(isinstance(r, kind) for r in records):
            return values
    records = to_tuple(values)
    if set(map(type, records)) <= {kind}:  # one pass in C: the common case
        return records
    for record in records:
        if type(record) is not kind and not isinstance(record, kind):
            raise TypeError(
                f"{what} must hold {kind.__name__} records, got a {type(record).__name__}"
            )
    return records


def _time_key(
    event: Event, record: bool
) -> tuple[tuple[datetime.date, datetime.date, str], datetime.date] | None:
    # The timeline's order (TimeSpec.order_key, then id), and the earliest bound.
    time = event.record_time if record and event.record_time is not None else event.time
    if time is None:
        return None
    anchor, latest = time.order_key
    return ((anchor, latest, event.id), time.earliest)


class _Indexes:
    """What the queries across registries need, built together on the first such query."""

    __slots__ = ("about", "acting", "by_offset", "facts_by_offset", "timeline_bounds", "timelines")

    def __init__(self, dataset: Dataset) -> None:
        self.about, self.acting = _about_index(dataset)
        self.timelines = {flag: _timeline(dataset.events, flag) for flag in (False, True)}
        # Per timeline: the running minimum of the earliest bounds taken from
        # the end, and the running maximum of the latest ones from the start
        # (both sorted), so that events_between bisects to the events that can
        # overlap instead of walking from the first.
        self.timeline_bounds = {
            flag: (
                list(
                    itertools.accumulate((earliest for _, earliest, _ in reversed(timeline)), min)
                )[::-1],
                list(itertools.accumulate((key[1] for key, _, _ in timeline), max)),
            )
            for flag, timeline in self.timelines.items()
        }
        # Records are distinct objects unless a file repeats one (equal records
        # have equal ids, or are adjacent once mentions are sorted); then
        # identity is equality and the offset index need not compare records.
        events, statements = dataset.events, dataset.statements
        distinct_facts = len(events.ids) == len(events) and len(statements.ids) == len(statements)
        self.by_offset = _offset_index(
            ((m.span, m) for m in dataset.mentions), _all_distinct(dataset.mentions)
        )
        self.facts_by_offset = _offset_index(
            ((span, fact) for fact in (*events, *statements) for span in fact.evidence),
            distinct_facts,
        )


def _about_index(dataset: Dataset) -> tuple[Mapping[str, About], Mapping[str, tuple[str, ...]]]:
    """Each id -> what involves it (the format's ``involves`` references), and who acts for whom."""
    about_events: dict[str, list[Event]] = {}
    about_statements: dict[str, list[Statement]] = {}
    about_mentions: dict[str, list[Mention]] = {}
    event_ids = dataset.events.as_mapping()
    for event in dataset.events:
        for ref in _event_refs(event):
            about_events.setdefault(ref, []).append(event)
    for statement in dataset.statements:
        for ref in _statement_refs(statement):
            about_statements.setdefault(ref, []).append(statement)
        if statement.subject in event_ids:
            about_events.setdefault(statement.subject, [])
    for mention in dataset.mentions:
        for mentioned in mention.targets:
            about_mentions.setdefault(mentioned, []).append(mention)
    keys = about_events.keys() | about_statements.keys() | about_mentions.keys()
    about = {
        key: About(
            key,
            tuple(about_events.get(key, ())),
            tuple(about_statements.get(key, ())),
            tuple(about_mentions.get(key, ())),
        )
        for key in keys
    }
    acting = {
        key: tuple(dict.fromkeys(value))
        for key, value in _acts_for(dataset.statements, dataset.entities).items()
    }
    return MappingProxyType(about), MappingProxyType(acting)


def _offset_index(
    pairs: Iterable[tuple[Span, _V]], distinct: bool = False
) -> tuple[tuple[int, ...], tuple[tuple[_V, ...], ...]]:
    # Elementary segments between all span boundaries; each holds what covers it.
    items = list(pairs)
    bounds = sorted({b for span, _ in items for b in (span.start, span.end)})
    position = {bound: index for index, bound in enumerate(bounds)}
    covering: list[list[_V]] = [[] for _ in bounds]
    for span, value in items:
        for index in range(position[span.start], position[span.end]):
            held = covering[index]
            if distinct:
                # A value's spans come one after another: it can only be the last one added.
                if not held or held[-1] is not value:
                    held.append(value)
            elif value not in held:
                held.append(value)
    return tuple(bounds), tuple(tuple(c) for c in covering)


def _timeline(
    events: Iterable[Event], record: bool
) -> tuple[tuple[tuple[datetime.date, datetime.date, str], datetime.date, Event], ...]:
    keyed = []
    for event in events:
        key = _time_key(event, record)
        if key is not None:
            keyed.append((key[0], key[1], event))
    keyed.sort(key=lambda item: item[0])
    return tuple(keyed)


class Dataset:
    """The facts of one article, with lookups and queries.

    Build one with :func:`newsfacts.load` or :func:`newsfacts.load_path`, or
    from records; a value of the wrong type raises :class:`TypeError`. The
    indexes of the queries across registries (:meth:`about`,
    :meth:`timeline`, :meth:`mentions_at` ...) are built together on the
    first such query, once, thread-safe: a dataset loaded to be validated or
    exported does not pay for them.
    """

    __slots__ = (
        "_index_lock",
        "_indexes",
        "_sealed",
        "article",
        "entities",
        "events",
        "mentions",
        "metadata",
        "sources",
        "statements",
    )

    def __init__(
        self,
        metadata: Metadata,
        article: Article,
        entities: Iterable[Entity] = (),
        events: Iterable[Event] = (),
        statements: Iterable[Statement] = (),
        mentions: Iterable[Mention] = (),
        sources: Iterable[Source] = (),
    ) -> None:
        if not isinstance(metadata, Metadata):
            raise TypeError(f"metadata must be a Metadata, got {type(metadata).__name__}")
        if not isinstance(article, Article):
            raise TypeError(f"article must be an Article, got {type(article).__name__}")
        self.metadata = metadata
        self.article = article
        entities = _records(entities, Entity, "entities")
        events = _records(events, Event, "events")
        statements = _records(statements, Statement, "statements")
        sources = _records(sources, Source, "sources")
        mentions = _records(mentions, Mention, "mentions")
        self.entities: Registry[Entity] = make_registry("entities", entities)
        self.events: Registry[Event] = make_registry("events", events)
        self.statements: Registry[Statement] = make_registry("statements", statements)
        self.sources: Registry[Source] = make_registry("sources", sources)
        self.mentions: tuple[Mention, ...] = _sorted_mentions(mentions)
        self._indexes: _Indexes | None = None
        self._index_lock = threading.Lock()
        # Datasets are shared (``load()`` hands every caller the same one): seal it.
        self._sealed = True

    def _index(self) -> _Indexes:
        """The query indexes, built on first use: whole, then published under the lock."""
        indexes = self._indexes
        if indexes is not None:
            return indexes
        with self._index_lock:
            if self._indexes is None:
                object.__setattr__(self, "_indexes", _Indexes(self))
            assert self._indexes is not None
            return self._indexes

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_sealed", False):
            raise AttributeError(f"a Dataset is read-only; cannot set {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Dataset is read-only; cannot delete {name!r}")

    # Immutable, so a copy is the dataset itself; pickling rebuilds it from its records.
    def __copy__(self) -> Dataset:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Dataset:
        return self

    def __reduce__(self) -> tuple[type[Dataset], tuple[object, ...]]:
        return (
            Dataset,
            (
                self.metadata,
                self.article,
                tuple(self.entities),
                tuple(self.events),
                tuple(self.statements),
                self.mentions,
                tuple(self.sources),
            ),
        )

    def __repr__(self) -> str:
        return (
            f"<Dataset {self.metadata.id!r}: {_count(len(self.entities), 'entity', 'entities')}, "
            f"{_count(len(self.events), 'event')}, {_count(len(self.statements), 'statement')}, "
            f"{_count(len(self.mentions), 'mention')}>"
        )

    @property
    def id(self) -> str:
        return self.metadata.id

    # --- queries -------------------------------------------------------------

    def _resolve(self, target: object) -> str:

        if isinstance(target, Entity | Event | Statement):
            return target.id
        if not isinstance(target, str):
            raise TypeError(
                f"expected an Entity, Event, Statement or id, got {type(target).__name__}"
            )
        if target in self.entities or target in self.events or target in self.statements:
            return target
        return self.lookup(target).id

    def lookup(self, name: str) -> Entity | Event:
        """The one entity or event answering to ``name`` (an id, a name, an alias or an
        external id, compared as :meth:`Registry.lookup <newsfacts.registry.Registry.lookup>` compares).

        The dataset-wide form of ``entities.lookup`` and ``events.lookup``:
        users type "Six-Day War" without knowing it is an event. Raises
        :class:`~newsfacts.errors.NotFoundError` (with close names from both
        registries) or :class:`~newsfacts.errors.AmbiguousNameError` (the
        name answers for several records, in one registry or across the two),
        and :class:`TypeError` for a ``name`` that is not a str.
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, got {type(name).__name__}")
        found: list[Entity | Event] = []
        suggestions: list[str] = []
        registries: tuple[Registry[Entity] | Registry[Event], ...] = (self.entities, self.events)
        for registry in registries:
            try:
                found.append(registry.lookup(name))
            except NotFoundError as error:
                suggestions.extend(error.suggestions)
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousNameError("entity or event", name, (r.id for r in found))
        raise NotFoundError("entity or event", name, dict.fromkeys(suggestions))

    def about(self, target: Entity | Event | str, *, reach: bool = True) -> About:
        """The events and statements that involve an entity or event (by record or
        id), and the target's mentions.

        With ``reach`` (the default) the facts also include those of the records
        that act for the target, followed transitively through statements that
        hold (not negated, not rated false):

        - an office, government body, agency, organization or military tied to
          it by ``applies_to_jurisdiction``, ``part_of`` (P361) or
          ``represents``: the Palestinian Authority's presidency, a state's administration,
          the UN's Security Council;
        - a person who holds a reached office (``position_held``, P39), or who
          is the head of state or of government of a reached state (P35, P6).

        A reached person is not followed further: Abbas's other offices are not
        the Palestinian Authority's. Ties are followed whatever their time. The
        ids reached are in ``About.reached``, nearest first. With
        ``reach=False`` only the facts that name the target itself.

        ``target`` is a record, an id, or a name as :meth:`lookup` takes it
        (``about("Abbas")``). Raises :class:`~newsfacts.errors.NotFoundError`
        or :class:`~newsfacts.errors.AmbiguousNameError` for a name that names
        no record or several, and :class:`TypeError` for any other type.
        """
        key = self._resolve(target)
        indexes = self._index()
        found = indexes.about.get(key)
        # Not ``or``: an About with mentions alone has no facts and is falsy.
        direct = found if found is not None else About(key, (), (), ())
        if not reach or key not in indexes.acting:
            return direct
        reached: dict[str, None] = {}
        queue = [key]
        for current in queue:
            for member in indexes.acting.get(current, ()):
                if member != key and member not in reached:
                    reached[member] = None
                    entity = self.entities.get(member)
                    if entity is None or entity.kind is not EntityKind.PERSON:
                        queue.append(member)
        events: dict[str, Event] = {e.id: e for e in direct.events}
        statements: dict[str, Statement] = {s.id: s for s in direct.statements}
        for member in reached:
            more = indexes.about.get(member)
            if more is not None:
                events.update((e.id, e) for e in more.events)
                statements.update((s.id, s) for s in more.statements)
        return About(
            key,
            tuple(e for e in self.events if e.id in events)
            if len(events) > len(direct.events)
            else direct.events,
            tuple(s for s in self.statements if s.id in statements)
            if len(statements) > len(direct.statements)
            else direct.statements,
            direct.mentions,
            tuple(reached),
        )

    def timeline(self, *, record: bool = False) -> tuple[Event, ...]:
        """Dated events in time order: by ``TimeSpec.order_key`` (the earliest
        bound where a lower bound is known, else the latest; then the latest), then id.

        An event of unknown start sorts at its end, not before everything: no
        event is listed before one that wholly precedes it (whose latest day is
        before its earliest). With ``record=True`` an event's record date is
        used where it has one.
        """
        return tuple(event for _, _, event in self._index().timelines[bool(record)])

    def events_between(
        self, start: datetime.date, end: datetime.date, *, record: bool = False
    ) -> tuple[Event, ...]:
        """Dated events whose time bounds overlap the closed range ``[start, end]``, in time order."""
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                raise TypeError(f"{name} must be a datetime.date, got {type(value).__name__}")
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        indexes = self._index()
        timeline = indexes.timelines[bool(record)]
        earliests, reach = indexes.timeline_bounds[bool(record)]
        # Before ``first`` every event ended before ``start``; from ``stop`` on,
        # every event begins after ``end``.
        first = bisect.bisect_left(reach, start)
        stop = bisect.bisect_right(earliests, end)
        out = []
        for index in range(first, stop):
            (_, latest, _), earliest, event = timeline[index]
            if latest >= start and earliest <= end:
                out.append(event)
        return tuple(out)

    def mentions_at(self, offset: int) -> tuple[Mention, ...]:
        """The mentions whose span holds the code point at ``offset`` (none outside the text)."""
        return self._at(self._index().by_offset, offset)

    def facts_at(self, offset: int) -> tuple[Fact, ...]:
        """The events and statements whose evidence holds the code point at ``offset``."""
        return self._at(self._index().facts_by_offset, offset)

    @staticmethod
    def _at(
        index: tuple[tuple[int, ...], tuple[tuple[_V, ...], ...]], offset: int
    ) -> tuple[_V, ...]:
        if not isinstance(offset, int) or isinstance(offset, bool):
            raise TypeError(f"offset must be an int, got {type(offset).__name__}")
        bounds, covering = index
        position = bisect.bisect_right(bounds, offset) - 1
        if position < 0:
            return ()
        return covering[position]

    def evidence(self, fact: Fact | str) -> tuple[Span, ...]:
        """The words of the article that state a fact (empty for an enrichment)."""
        if isinstance(fact, str):
            found = self.events.get(fact) or self.statements.get(fact)
            if found is None:
                raise UnknownIdError("event or statement", fact)
            fact = found

        if not isinstance(fact, Event | Statement):
            raise TypeError(f"expected an Event, Statement or id, got {type(fact).__name__}")
        return fact.evidence

    def article_only(self) -> Dataset:
        """The article's own facts: no enrichment records and no record dates or places.

        Verdicts stay: they judge the article's facts, they add none.
        """
        events = [
            attrs.evolve(e, record_time=None, record_place=None)
            for e in self.events
            if e.origin is Origin.ARTICLE
        ]
        statements = [
            attrs.evolve(s, record_time=None) for s in self.statements if s.origin is Origin.ARTICLE
        ]
        return Dataset(
            self.metadata,
            self.article,
            (e for e in self.entities if e.origin is Origin.ARTICLE),
            events,
            statements,
            self.mentions,
            self.sources,
        )

    def validate(self) -> tuple[Problem, ...]:
        """Every consistency problem of this dataset; empty when it is consistent."""
        from .validation import validate

        return validate(self)
