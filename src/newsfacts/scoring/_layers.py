"""The layers: which items each compares, when two may align, and what a match credits.

Layers, in report order (each item is counted once per layer):

``mentions``
    the span alone (strict: same offsets; relaxed: overlapping);
``mentions.linking``
    the span and what it refers to (the set of its referents);
``mentions.literal`` / ``mentions.metonymic``
    the two readings apart, as the HIPE scorer keeps literal and metonymic
    senses apart: the literal reading of a mention is what its words name
    (its referents, or for a metonymy its ``literal``); the metonymic layer
    holds the metonymic mentions only, linked to what they refer to;
``times`` / ``times.value``
    time expressions, span and normalised value apart, as TempEval-3 scores
    them: the value (the EDTF string and its earliest and latest days) is
    credited on an aligned span, so relaxed matching credits a right value on
    a slightly different span;
``events`` and ``events.kind``, ``.cameo``, ``.plover``, ``.arguments``,
``.participants``, ``.place``, ``.time``, ``.status``
    an event is found when its evidence aligns (ACE's identification); each
    attribute is then a slot, credited when both sides fill it alike;
    arguments are (entity, role) pairs counted one by one, ACE-style, and
    ``participants`` the entities whatever their role;
``statements`` and ``.subject``, ``.predicate``, ``.object``, ``.negation``,
``.qualifiers``, ``.time``
    a statement is right when its subject, predicate, object and negation all
    are, on an aligned statement; the slots are also scored one by one;
``attribution``
    facts the article reports as someone's claim, or puts with another
    modality than a plain assertion: credited when claimants and modality
    agree;
``verdicts.rating`` / ``verdicts``
    the rating of aligned facts; ``verdicts`` credits a right rating only
    with matching evidence, as the FEVER score credits a label only with a
    full gold evidence set (strict: every gold evidence span among the
    system's; relaxed: every gold span overlapped by one of the system's).

Events and statements align by their evidence: strict matching asks for one
evidence span in common, relaxed for overlapping ones. A system fact without
evidence may align with a gold fact with the same core (events: kind and
entities; statements: subject, predicate and object).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

import attrs

from newsfacts.model import Span

from ._align import SpanIndex, align, overlapping, same_span
from ._items import (
    EventItem,
    MentionItem,
    Resolver,
    StatementItem,
    TimexItem,
    View,
    is_plain_assertion,
    resolve_events,
)
from ._results import Finding, LayerScore, TypeScore

__all__ = ["MATCHES", "compare"]

MATCHES = ("strict", "relaxed")

_T = TypeVar("_T")
_Pairs = list[tuple[int, int]]


_FIELDS: dict[type, tuple[str, ...]] = {}


def _canonical(item: Any) -> tuple[tuple[tuple[int, int], ...], str]:
    """A sort key from an item's content (its spans first): never its ids, never input order."""
    kind = type(item)
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(f.name for f in attrs.fields(kind) if f.name not in ("label", "ref"))
        _FIELDS[kind] = names
    spans: tuple[tuple[int, int], ...] = ()
    parts: list[object] = []
    for name in names:
        value = getattr(item, name)
        if isinstance(value, Span):
            value = (value.start, value.end)
            spans += (value,)
        elif isinstance(value, tuple) and value and isinstance(value[0], Span):
            value = tuple((s.start, s.end) for s in value)
            spans += value
        elif isinstance(value, frozenset):
            value = tuple(sorted(map(repr, value)))
        elif isinstance(value, TimexItem):
            value = _canonical(value)
        parts.append(value)
    return spans, repr(parts)


def _ordered(items: Iterable[_T]) -> list[_T]:
    return sorted(items, key=_canonical)


def _span_of(item: Any) -> tuple[int, int]:
    span = item.span
    return (span.start, span.end) if span is not None else (-1, -1)


def _permille(a: Span, b: Span) -> int:
    # Overlap of two spans as a share of their union, in thousandths.
    union = max(a.end, b.end) - min(a.start, b.start)
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return 1000 * inter // union if union else 1000


def _best_overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return max((_permille(x, y) for x in a for y in b), default=0)


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> int:
    union = len(a | b)
    return 1000 * len(a & b) // union if union else 1000


def _by_type(tp: Iterable[str], fp: Iterable[str], fn: Iterable[str]) -> tuple[TypeScore, ...]:
    """The counts per type, from the types of the true positives, false positives and misses."""
    tps, fps, fns = Counter(tp), Counter(fp), Counter(fn)
    return tuple(
        TypeScore(t, tps[t], fps[t], fns[t]) for t in sorted(tps.keys() | fps.keys() | fns.keys())
    )


class _Layers:
    """Collects layer scores in order."""

    def __init__(self) -> None:
        self.scores: dict[str, LayerScore] = {}

    def slot(
        self,
        name: str,
        gold: Sequence[_T],
        system: Sequence[_T],
        pairs: _Pairs,
        value: Callable[[_T], Hashable | None],
        describe: Callable[[_T], str],
        evidence: Callable[[_T], tuple[Span, ...]],
        type_of: Callable[[_T], str] | None = None,
        inexact: Callable[[_T, _T], bool] | None = None,
        credit: Callable[[_T, _T], bool] | None = None,
    ) -> None:
        """A layer whose items are the items with a value (not ``None``).

        A true positive is an aligned pair whose values are equal (and that
        ``credit`` accepts); the other gold items are misses, the other
        system items false positives.
        """
        credited_gold: set[int] = set()
        credited_system: set[int] = set()
        n_inexact = 0
        for i, j in pairs:
            g, s = gold[i], system[j]
            gv, sv = value(g), value(s)
            if gv is None or sv is None or gv != sv:
                continue
            if credit is not None and not credit(g, s):
                continue
            credited_gold.add(i)
            credited_system.add(j)
            if inexact is not None and inexact(g, s):
                n_inexact += 1
        missed = [g for i, g in enumerate(gold) if i not in credited_gold and value(g) is not None]
        spurious = [
            s for j, s in enumerate(system) if j not in credited_system and value(s) is not None
        ]
        by_type = (
            ()
            if type_of is None
            else _by_type(
                (type_of(gold[i]) for i in credited_gold),
                (type_of(s) for s in spurious),
                (type_of(g) for g in missed),
            )
        )
        self.scores[name] = LayerScore(
            name,
            len(credited_gold),
            len(spurious),
            len(missed),
            n_inexact,
            by_type,
            tuple(Finding(name, "missed", describe(g), evidence(g)) for g in missed),
            tuple(Finding(name, "spurious", describe(s), evidence(s)) for s in spurious),
        )

    def arguments(
        self,
        name: str,
        gold: Sequence[_T],
        system: Sequence[_T],
        pairs: _Pairs,
        members: Callable[[_T], frozenset[tuple[str, str]]],
        describe: Callable[[_T, tuple[str, str]], str],
        evidence: Callable[[_T], tuple[Span, ...]],
        type_of: Callable[[tuple[str, str]], str] | None = None,
    ) -> None:
        """A layer whose items are the members of items (arguments, qualifiers), pair by pair."""
        matched_gold: dict[int, frozenset[tuple[str, str]]] = {}
        matched_system: dict[int, frozenset[tuple[str, str]]] = {}
        for i, j in pairs:
            common = members(gold[i]) & members(system[j])
            matched_gold[i] = matched_system[j] = common
        tp_items = [
            (gold[i], m) for i, common in sorted(matched_gold.items()) for m in sorted(common)
        ]
        missed = [
            (g, m)
            for i, g in enumerate(gold)
            for m in sorted(members(g) - matched_gold.get(i, frozenset()))
        ]
        spurious = [
            (s, m)
            for j, s in enumerate(system)
            for m in sorted(members(s) - matched_system.get(j, frozenset()))
        ]
        by_type = (
            ()
            if type_of is None
            else _by_type(
                (type_of(m) for _, m in tp_items),
                (type_of(m) for _, m in spurious),
                (type_of(m) for _, m in missed),
            )
        )
        self.scores[name] = LayerScore(
            name,
            len(tp_items),
            len(spurious),
            len(missed),
            0,
            by_type,
            tuple(Finding(name, "missed", describe(g, m), evidence(g)) for g, m in missed),
            tuple(Finding(name, "spurious", describe(s, m), evidence(s)) for s, m in spurious),
        )


def _span_stages(
    gold: Sequence[Any], relaxed: bool, spans: Callable[[Any], Iterable[Span]]
) -> list[Callable[[int, Any], list[int]]]:
    """Candidates by span: equal ones, then (relaxed) overlapping ones."""
    index = SpanIndex((span, i) for i, item in enumerate(gold) for span in spans(item))

    def exact(j: int, item: Any) -> list[int]:
        return [i for span in spans(item) for i in index.exact(span)]

    def overlap(j: int, item: Any) -> list[int]:
        return [i for span in spans(item) for i in index.overlapping(span)]

    return [exact, overlap] if relaxed else [exact]


def _spans(item: MentionItem | TimexItem) -> tuple[Span, ...]:
    return (item.span,) if item.span is not None else ()


def _evidence(item: EventItem | StatementItem) -> tuple[Span, ...]:
    return item.evidence


def _referents_text(keys: Iterable[str]) -> str:
    return ", ".join(sorted(keys)) or "nothing"


def _mentions(
    out: _Layers, gold: Sequence[MentionItem], system: Sequence[MentionItem], relaxed: bool
) -> None:
    def similarity(g: MentionItem, s: MentionItem) -> int:
        agree = 4 * (g.referents == s.referents) + 2 * (g.metonymy == s.metonymy)
        agree += g.literal == s.literal
        assert g.span is not None
        assert s.span is not None
        return 1000 * agree + _permille(g.span, s.span)

    pairs = align(gold, system, _span_stages(gold, relaxed, _spans), similarity)

    def inexact(g: MentionItem, s: MentionItem) -> bool:
        return g.span is not None and s.span is not None and not same_span(g.span, s.span)

    def describe(m: MentionItem) -> str:
        reading = " (metonymy)" if m.metonymy else ""
        return f"{m.label} → {_referents_text(m.referents)}{reading}"

    def literal_reading(m: MentionItem) -> frozenset[str] | None:
        if not m.metonymy:
            return m.referents
        return frozenset({m.literal}) if m.literal is not None else None

    def type_of(m: MentionItem) -> str:
        return m.type

    out.slot("mentions", gold, system, pairs, lambda m: True, describe, _spans, type_of, inexact)
    out.slot(
        "mentions.linking", gold, system, pairs, lambda m: m.referents, describe, _spans, type_of
    )
    out.slot("mentions.literal", gold, system, pairs, literal_reading, describe, _spans, type_of)
    out.slot(
        "mentions.metonymic",
        gold,
        system,
        pairs,
        lambda m: m.referents if m.metonymy else None,
        describe,
        _spans,
        type_of,
    )


def _timexes(items: Iterable[EventItem | StatementItem]) -> list[TimexItem]:
    # One time expression however many facts share it ("on Monday").
    seen: dict[tuple[object, ...], TimexItem] = {}
    for item in items:
        timex = item.timex
        if timex is None:
            continue
        where: object = _span_of(timex) if timex.span is not None else timex.expression
        seen.setdefault((where, timex.value), timex)
    return _ordered(seen.values())


def _times(
    out: _Layers, gold: Sequence[TimexItem], system: Sequence[TimexItem], relaxed: bool
) -> None:
    by_words: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        if g.span is None:
            by_words.setdefault(" ".join(g.expression.split()), []).append(i)

    def words(j: int, item: TimexItem) -> list[int]:
        # Expressions found in no evidence are compared as written.
        return by_words.get(" ".join(item.expression.split()), []) if item.span is None else []

    def similarity(g: TimexItem, s: TimexItem) -> int:
        overlap = _permille(g.span, s.span) if g.span is not None and s.span is not None else 1000
        return 1000 * (g.value == s.value) + overlap

    pairs = align(gold, system, [words, *_span_stages(gold, relaxed, _spans)], similarity)

    def inexact(g: TimexItem, s: TimexItem) -> bool:
        return g.span is not None and s.span is not None and not same_span(g.span, s.span)

    def describe(t: TimexItem) -> str:
        return f"{t.expression!r} = {t.value} ({t.label})"

    out.slot("times", gold, system, pairs, lambda t: True, describe, _spans, None, inexact)
    out.slot("times.value", gold, system, pairs, lambda t: t.value, describe, _spans)


def _fact_pairs(
    gold: Sequence[_T],
    system: Sequence[_T],
    relaxed: bool,
    core: Callable[[_T], Hashable],
    similarity: Callable[[_T, _T], int],
) -> _Pairs:
    by_core: dict[Hashable, list[int]] = {}
    for i, g in enumerate(gold):
        by_core.setdefault(core(g), []).append(i)

    def by_content(j: int, item: Any) -> list[int]:
        # A system fact with no evidence is aligned by what it states.
        return by_core.get(core(item), []) if not item.evidence else []

    return align(gold, system, [by_content, *_span_stages(gold, relaxed, _evidence)], similarity)


def _event_core(e: EventItem) -> Hashable:
    return (e.kind, frozenset(entity for entity, _ in e.participants))


def _statement_core(s: StatementItem) -> Hashable:
    return (s.subject, s.predicate, s.object)


def _events(
    out: _Layers, gold: Sequence[EventItem], system: Sequence[EventItem], pairs: _Pairs
) -> None:
    def describe(e: EventItem) -> str:
        return f"{e.label} ({e.kind})"

    def kind(e: EventItem) -> str:
        return e.kind

    out.slot("events", gold, system, pairs, lambda e: True, describe, _evidence, kind)
    out.slot("events.kind", gold, system, pairs, kind, describe, _evidence, kind)
    out.slot("events.cameo", gold, system, pairs, lambda e: e.cameo, describe, _evidence)
    out.slot("events.plover", gold, system, pairs, lambda e: e.plover, describe, _evidence)

    def argument(e: EventItem, member: tuple[str, str]) -> str:
        return f"{e.label}: {member[0]} as {member[1]}"

    out.arguments(
        "events.arguments",
        gold,
        system,
        pairs,
        lambda e: e.participants,
        argument,
        _evidence,
        lambda member: member[1],
    )
    out.arguments(
        "events.participants",
        gold,
        system,
        pairs,
        lambda e: frozenset((entity, "") for entity, _ in e.participants),
        lambda e, m: f"{e.label}: {m[0]}",
        _evidence,
    )
    out.slot("events.place", gold, system, pairs, lambda e: e.place, describe, _evidence)
    out.slot("events.time", gold, system, pairs, lambda e: e.time, describe, _evidence)
    out.slot("events.status", gold, system, pairs, lambda e: e.status, describe, _evidence)


def _statements(
    out: _Layers, gold: Sequence[StatementItem], system: Sequence[StatementItem], pairs: _Pairs
) -> None:
    def describe(s: StatementItem) -> str:
        negated = "not " if s.negated else ""
        return f"{s.label}: {s.subject} {negated}{s.predicate} {s.object}"

    def predicate(s: StatementItem) -> str:
        return s.predicate

    def relation(s: StatementItem) -> Hashable:
        return (s.subject, s.predicate, s.object, s.negated)

    out.slot("statements", gold, system, pairs, relation, describe, _evidence, predicate)
    out.slot("statements.subject", gold, system, pairs, lambda s: s.subject, describe, _evidence)
    out.slot("statements.predicate", gold, system, pairs, predicate, describe, _evidence, predicate)
    out.slot("statements.object", gold, system, pairs, lambda s: s.object, describe, _evidence)
    out.slot("statements.negation", gold, system, pairs, lambda s: s.negated, describe, _evidence)
    out.arguments(
        "statements.qualifiers",
        gold,
        system,
        pairs,
        lambda s: s.qualifiers,
        lambda s, m: f"{s.label}: {m[0]} {m[1]}",
        _evidence,
        lambda member: member[0],
    )
    out.slot("statements.time", gold, system, pairs, lambda s: s.time, describe, _evidence)


def _facts_together(
    gold_events: Sequence[EventItem],
    gold_statements: Sequence[StatementItem],
    system_events: Sequence[EventItem],
    system_statements: Sequence[StatementItem],
    event_pairs: _Pairs,
    statement_pairs: _Pairs,
) -> tuple[list[EventItem | StatementItem], list[EventItem | StatementItem], _Pairs]:
    gold: list[EventItem | StatementItem] = [*gold_events, *gold_statements]
    system: list[EventItem | StatementItem] = [*system_events, *system_statements]
    pairs = event_pairs + [
        (i + len(gold_events), j + len(system_events)) for i, j in statement_pairs
    ]
    return gold, system, pairs


def compare(resolver: Resolver, gold: View, system: View, match: str) -> dict[str, LayerScore]:
    """Every layer's score of ``system`` against ``gold`` (both views of the same article)."""
    relaxed = match == "relaxed"
    out = _Layers()

    gold_events = _ordered(gold.events)
    system_events = _ordered(system.events)

    def event_similarity(g: EventItem, s: EventItem) -> int:
        agree = 4 * (g.kind == s.kind) + (g.status == s.status) + (g.place == s.place)
        agree += (g.time == s.time) + (g.cameo == s.cameo) + (g.plover == s.plover)
        agree += (g.claimants, g.modality) == (s.claimants, s.modality)
        agree += g.rating == s.rating
        entities = frozenset(e for e, _ in g.participants), frozenset(e for e, _ in s.participants)
        return (
            1000 * agree
            + 4 * _jaccard(g.participants, s.participants)
            + 4 * _jaccard(*entities)
            + _best_overlap(g.evidence, s.evidence)
        )

    event_pairs = _fact_pairs(gold_events, system_events, relaxed, _event_core, event_similarity)
    # Statements and mentions that point at a system event now point at its gold match.
    event_map = {system_events[j].ref: gold_events[i].label for i, j in event_pairs}
    system = resolve_events(system, event_map, resolver)

    _mentions(out, _ordered(gold.mentions), _ordered(system.mentions), relaxed)

    gold_statements = _ordered(gold.statements)
    system_statements = _ordered(system.statements)

    def statement_similarity(g: StatementItem, s: StatementItem) -> int:
        agree = 3 * (g.subject == s.subject) + 3 * (g.predicate == s.predicate)
        agree += 3 * (g.object == s.object) + 2 * (g.negated == s.negated)
        agree += (g.time == s.time) + ((g.claimants, g.modality) == (s.claimants, s.modality))
        agree += g.rating == s.rating
        return (
            1000 * agree
            + 2 * _jaccard(g.qualifiers, s.qualifiers)
            + _best_overlap(g.evidence, s.evidence)
        )

    statement_pairs = _fact_pairs(
        gold_statements, system_statements, relaxed, _statement_core, statement_similarity
    )

    _times(
        out,
        _timexes([*gold_events, *gold_statements]),
        _timexes([*system_events, *system_statements]),
        relaxed,
    )
    _events(out, gold_events, system_events, event_pairs)
    _statements(out, gold_statements, system_statements, statement_pairs)

    facts_gold, facts_system, fact_pairs = _facts_together(
        gold_events, gold_statements, system_events, system_statements, event_pairs, statement_pairs
    )

    def describe(f: EventItem | StatementItem) -> str:
        return f.label

    def attribution(f: EventItem | StatementItem) -> Hashable | None:
        if is_plain_assertion(f.claimants, f.modality):
            return None
        return (f.claimants, f.modality)

    out.slot("attribution", facts_gold, facts_system, fact_pairs, attribution, describe, _evidence)

    def rating(f: EventItem | StatementItem) -> str | None:
        return f.rating

    def rating_type(f: EventItem | StatementItem) -> str:
        return f.rating or "none"

    def with_evidence(g: EventItem | StatementItem, s: EventItem | StatementItem) -> bool:
        if relaxed:
            return all(any(overlapping(a, b) for b in s.evidence) for a in g.evidence)
        return all(any(same_span(a, b) for b in s.evidence) for a in g.evidence)

    # The rating alone, then the rating credited only with its evidence.
    for name, credit in (("verdicts.rating", None), ("verdicts", with_evidence)):
        out.slot(
            name,
            facts_gold,
            facts_system,
            fact_pairs,
            rating,
            describe,
            _evidence,
            rating_type,
            credit=credit,
        )
    return out.scores
