"""Properties of the scorer over generated datasets (``tests/strategies.py``).

Precision, recall and F1 as defined for information extraction (van
Rijsbergen 1979; the MUC and ACE scorers): precision = TP / (TP + FP),
recall = TP / (TP + FN). Scoring a dataset against itself is perfect;
dropping k of the n items of a layer leaves recall (n - k) / n and
precision 1; adding k spurious items gives precision n / (n + k); neither
the order of the records nor their ids change a score; and relaxed matching
(overlap) never scores below strict matching (equal offsets).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts import (
    Attribution,
    Dataset,
    Event,
    Literal,
    Mention,
    Modality,
    Rating,
    Span,
    Statement,
    Verdict,
)
from newsfacts.scoring import Scores, score
from strategies import datasets

__all__: list[str] = []

MATCHES = ("strict", "relaxed")
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _with(
    ds: Dataset,
    *,
    events: tuple[Event, ...] | None = None,
    statements: tuple[Statement, ...] | None = None,
    mentions: tuple[Mention, ...] | None = None,
) -> Dataset:
    return Dataset(
        ds.metadata,
        ds.article,
        tuple(ds.entities),
        tuple(ds.events) if events is None else events,
        tuple(ds.statements) if statements is None else statements,
        ds.mentions if mentions is None else mentions,
        tuple(ds.sources),
    )


def _assert_same(a: Scores, b: Scores) -> None:
    for layer in a:
        name = layer.name
        other = b[name]
        assert (layer.tp, layer.fp, layer.fn) == (other.tp, other.fp, other.fn), name


@SETTINGS
@given(datasets())
def test_a_dataset_scores_perfectly_against_itself(ds: Dataset) -> None:
    for match in MATCHES:
        scores = score(ds, ds, match=match)
        for layer in scores:
            assert (layer.fp, layer.fn) == (0, 0), layer.name
            assert layer.precision == layer.recall == layer.f1 == 1.0, layer.name
            for kind in layer.by_type:
                assert kind.f1 == 1.0, (layer.name, kind.type)


def _article(records: tuple[Event | Statement, ...]) -> list[int]:
    return [i for i, record in enumerate(records) if record.origin.value == "article"]


@SETTINGS
@given(datasets(), st.data())
def test_dropping_k_of_n_items_leaves_recall_n_minus_k_over_n(
    ds: Dataset, data: st.DataObject
) -> None:
    layer = data.draw(st.sampled_from(("mentions", "events", "statements")))
    if layer == "mentions":
        kept_positions = list(range(len(ds.mentions)))
    else:
        kept_positions = _article(tuple(getattr(ds, layer)))
    n = len(kept_positions)
    dropped = set(data.draw(st.lists(st.sampled_from(kept_positions), unique=True, max_size=n)))
    k = len(dropped)
    if layer == "mentions":
        system = _with(ds, mentions=tuple(m for i, m in enumerate(ds.mentions) if i not in dropped))
    elif layer == "events":
        system = _with(ds, events=tuple(e for i, e in enumerate(ds.events) if i not in dropped))
    else:
        system = _with(
            ds, statements=tuple(s for i, s in enumerate(ds.statements) if i not in dropped)
        )
    for match in MATCHES:
        result = score(ds, system, match=match)[layer]
        assert (result.tp, result.fp, result.fn) == (n - k, 0, k)
        assert result.recall == ((n - k) / n if n else 1.0)
        assert result.precision == 1.0


def _spurious_mentions(ds: Dataset, data: st.DataObject, k: int) -> tuple[Mention, ...]:
    text = ds.article.text
    entity_ids = [e.id for e in ds.entities]
    out = []
    for _ in range(k):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        out.append(
            Mention(Span(start, end, text[start:end]), data.draw(st.sampled_from(entity_ids)))
        )
    return tuple(out)


def _facts(ds: Dataset) -> list[Event | Statement]:
    return [f for f in (*ds.events, *ds.statements) if f.origin.value == "article"]


def _replacing(ds: Dataset, changed: dict[str, Event | Statement]) -> Dataset:
    events = tuple(new if isinstance(new := changed.get(e.id), Event) else e for e in ds.events)
    statements = tuple(
        new if isinstance(new := changed.get(s.id), Statement) else s for s in ds.statements
    )
    return _with(ds, events=events, statements=statements)


@SETTINGS
@given(datasets(), st.data())
def test_dropping_k_of_n_verdicts_or_attributions(ds: Dataset, data: st.DataObject) -> None:
    layer = data.draw(st.sampled_from(("verdicts", "attribution")))
    if layer == "verdicts":
        items = [f for f in _facts(ds) if f.verdict is not None]
    else:
        items = [
            f for f in _facts(ds) if f.attribution.claimants or f.modality is not Modality.ASSERTED
        ]
    n = len(items)
    dropped = data.draw(st.lists(st.sampled_from(items), unique_by=lambda f: f.id)) if items else []
    k = len(dropped)
    if layer == "verdicts":
        changed = {f.id: attrs.evolve(f, verdict=None) for f in dropped}
    else:
        changed = {
            f.id: attrs.evolve(f, attribution=Attribution(), modality=Modality.ASSERTED)
            for f in dropped
        }
    system = _replacing(ds, changed)
    for match in MATCHES:
        result = score(ds, system, match=match)[layer]
        assert (result.tp, result.fp, result.fn) == (n - k, 0, k)
        assert result.recall == ((n - k) / n if n else 1.0)


@SETTINGS
@given(datasets(), st.data())
def test_adding_k_spurious_verdicts(ds: Dataset, data: st.DataObject) -> None:
    n = sum(f.verdict is not None for f in _facts(ds))
    bare = [f for f in _facts(ds) if f.verdict is None]
    added = data.draw(st.lists(st.sampled_from(bare), unique_by=lambda f: f.id)) if bare else []
    k = len(added)
    changed = {f.id: attrs.evolve(f, verdict=Verdict(Rating.UNCHECKED)) for f in added}
    system = _replacing(ds, changed)
    for match in MATCHES:
        result = score(ds, system, match=match)["verdicts"]
        assert (result.tp, result.fp, result.fn) == (n, k, 0)
        assert result.precision == (n / (n + k) if n + k else 1.0)


@SETTINGS
@given(datasets(), st.data())
def test_adding_k_spurious_items_gives_precision_n_over_n_plus_k(
    ds: Dataset, data: st.DataObject
) -> None:
    layer = data.draw(st.sampled_from(("mentions", "events", "statements")))
    k = data.draw(st.integers(1, 4))
    if layer == "mentions":
        n = len(ds.mentions)
        system = _with(ds, mentions=ds.mentions + _spurious_mentions(ds, data, k))
    elif layer == "events":
        article = [e for e in ds.events if e.origin.value == "article"]
        n = len(article)
        extra = tuple(
            attrs.evolve(data.draw(st.sampled_from(article)), id=f"spurious-event-{i}")
            for i in range(k)
        )
        system = _with(ds, events=(*ds.events, *extra))
    else:
        article_statements = [s for s in ds.statements if s.origin.value == "article"]
        n = len(article_statements)
        extra_statements = tuple(
            attrs.evolve(
                data.draw(st.sampled_from(article_statements)),
                id=f"spurious-statement-{i}",
                object=Literal(f"spurious {i}"),
            )
            for i in range(k)
        )
        system = _with(ds, statements=(*ds.statements, *extra_statements))
    for match in MATCHES:
        result = score(ds, system, match=match)[layer]
        assert (result.tp, result.fp, result.fn) == (n, k, 0)
        assert result.precision == n / (n + k)


def _renamer(ds: Dataset) -> Callable[[str], str]:
    ids = {*ds.entities.ids, *ds.events.ids, *ds.statements.ids}
    return lambda value: f"renamed-{value}" if value in ids else value


def _renamed(ds: Dataset) -> Dataset:
    """``ds`` with every entity, event and statement id changed, references following."""
    new = _renamer(ds)

    def obj(value: str | Literal) -> str | Literal:
        return new(value) if isinstance(value, str) else value

    def attribution(record: Event | Statement) -> Attribution:
        return attrs.evolve(
            record.attribution, claimants=tuple(map(new, record.attribution.claimants))
        )

    entities = tuple(attrs.evolve(e, id=new(e.id)) for e in ds.entities)
    events = tuple(
        attrs.evolve(
            e,
            id=new(e.id),
            participants=tuple(attrs.evolve(p, entity=new(p.entity)) for p in e.participants),
            place=new(e.place) if e.place is not None else None,
            record_place=new(e.record_place) if e.record_place is not None else None,
            part_of=new(e.part_of) if e.part_of is not None else None,
            attribution=attribution(e),
        )
        for e in ds.events
    )
    statements = tuple(
        attrs.evolve(
            s,
            id=new(s.id),
            subject=new(s.subject),
            object=obj(s.object),
            qualifiers=tuple(attrs.evolve(q, value=obj(q.value)) for q in s.qualifiers),
            attribution=attribution(s),
        )
        for s in ds.statements
    )
    mentions = tuple(
        attrs.evolve(
            m,
            targets=tuple(new(t) for t in m.targets),
            literal=new(m.literal) if m.literal is not None else None,
        )
        for m in ds.mentions
    )
    return Dataset(
        ds.metadata, ds.article, entities, events, statements, mentions, tuple(ds.sources)
    )


def _reordered(ds: Dataset, data: st.DataObject) -> Dataset:
    def shuffle(items: tuple[object, ...]) -> tuple[object, ...]:
        order = data.draw(st.permutations(range(len(items))))
        return tuple(items[i] for i in order)

    return Dataset(
        ds.metadata,
        ds.article,
        shuffle(tuple(ds.entities)),  # type: ignore[arg-type]
        shuffle(tuple(ds.events)),  # type: ignore[arg-type]
        shuffle(tuple(ds.statements)),  # type: ignore[arg-type]
        shuffle(ds.mentions),  # type: ignore[arg-type]
        tuple(ds.sources),
    )


def _perturbed(ds: Dataset, data: st.DataObject) -> Dataset:
    """A system's imperfect output: some records dropped, some spans shifted."""
    text = ds.article.text

    def shift(span: Span) -> Span:
        start = max(0, span.start - data.draw(st.integers(0, 2)))
        end = min(len(text), max(start + 1, span.end + data.draw(st.integers(-2, 2))))
        return Span(start, end, text[start:end])

    mentions = tuple(
        attrs.evolve(m, span=shift(m.span)) if data.draw(st.booleans()) else m
        for m in ds.mentions
        if data.draw(st.integers(0, 4))
    )
    events = tuple(
        attrs.evolve(e, evidence=tuple(map(shift, e.evidence))) if data.draw(st.booleans()) else e
        for e in ds.events
        if data.draw(st.integers(0, 4))
    )
    statements = tuple(
        attrs.evolve(s, evidence=tuple(map(shift, s.evidence))) if data.draw(st.booleans()) else s
        for s in ds.statements
        if data.draw(st.integers(0, 4))
    )
    return _with(ds, events=events, statements=statements, mentions=mentions)


@SETTINGS
@given(datasets(), st.data())
def test_scores_do_not_change_when_records_are_reordered_or_renamed(
    ds: Dataset, data: st.DataObject
) -> None:
    system = _perturbed(ds, data)
    for match in MATCHES:
        expected = score(ds, system, match=match)
        _assert_same(expected, score(ds, _reordered(system, data), match=match))
        _assert_same(expected, score(ds, _renamed(system), match=match))


@SETTINGS
@given(datasets(), st.data())
def test_relaxed_is_never_below_strict(ds: Dataset, data: st.DataObject) -> None:
    system = _perturbed(ds, data)
    strict = score(ds, system, match="strict")
    relaxed = score(ds, system, match="relaxed")
    for layer in strict:
        name = layer.name
        other = relaxed[name]
        assert other.tp >= layer.tp, name
        assert other.precision >= layer.precision, name
        assert other.recall >= layer.recall, name
        assert other.f1 >= layer.f1, name
