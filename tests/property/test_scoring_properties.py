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

import datetime
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    load,
)
from newsfacts.scoring import ScoreError, Scores, score, system_schema
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


# --- arbitrary system output: a ScoreError or scores, never another exception ----

_GOLD = load()
_TEXT = _GOLD.article.text
_SCHEMA_KEYS = sorted(
    {
        key
        for definition in system_schema()["$defs"].values()
        for key in definition.get("properties", {})
    }
    | {"start", "end", "quote", "prefix", "suffix", "edtf", "earliest", "latest", "literal"}
)
# Lone and paired surrogates, digits of other scripts, line and paragraph separators.
_ODD = "\ud800\udfff\U0001f600\u0660\u0665\u0662\u2028\u2029\x00\n\ufeff"
_CHARS = st.one_of(st.characters(), st.sampled_from(_ODD))
_ODD_TEXT = st.text(_CHARS, max_size=12)
_ARABIC_INDIC = str.maketrans(
    "0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
)
_NUMBERS = st.one_of(
    st.integers(),
    st.floats(),  # NaN and infinities too: json.dumps writes them, json.loads reads them
    st.sampled_from([2.0, 0.0, -0.0, 1e400, -1, 10**40]),
)
_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), _NUMBERS, _ODD_TEXT),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(_SCHEMA_KEYS), _ODD_TEXT), children, max_size=4),
    ),
    max_leaves=8,
)

# Lines that pass the schema (their dates may still be impossible or reversed).
_REFS = st.sampled_from(
    sorted({n for e in list(_GOLD.entities)[:8] for n in (e.id, e.name, e.wikidata) if n})
)
_QUOTES = st.tuples(st.integers(0, len(_TEXT) - 1), st.integers(1, 20)).map(
    lambda at: _TEXT[at[0] : at[0] + at[1]]
)
_ANCHORS = st.one_of(
    st.lists(st.integers(0, len(_TEXT)), min_size=2, max_size=2)
    .map(sorted)
    .map(lambda ends: {"start": ends[0], "end": ends[1]}),
    st.fixed_dictionaries({"quote": _QUOTES}, optional={"prefix": _QUOTES, "suffix": _QUOTES}),
)
_POINTS = st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)
_EDTF = st.one_of(
    _POINTS,
    st.tuples(st.one_of(_POINTS, st.just("")), st.one_of(_POINTS, st.sampled_from(["", ".."])))
    .map("/".join)
    .filter(lambda edtf: len(edtf) >= 4),
)
_DATES = st.dates().map(datetime.date.isoformat)
_TIMES = st.fixed_dictionaries(
    {"edtf": _EDTF},
    optional={"expression": _QUOTES, "span": _ANCHORS, "earliest": _DATES, "latest": _DATES},
)
_OBJECTS = st.one_of(_REFS, st.fixed_dictionaries({"literal": _QUOTES}))
_COMMON = {
    "id": _REFS,
    "evidence": st.lists(_ANCHORS, max_size=2),
    "time": _TIMES,
    "claimants": st.lists(_REFS, max_size=2),
    "modality": st.sampled_from(["asserted", "planned"]),
    "verdict": st.sampled_from(["supported", "false"]),
}
_RECORDS = st.one_of(
    st.fixed_dictionaries(
        {
            "type": st.just("mention"),
            "span": _ANCHORS,
            "targets": st.lists(_REFS, min_size=1, max_size=3),
        },
        optional={"metonymy": st.booleans(), "literal": _REFS},
    ),
    st.fixed_dictionaries(
        {"type": st.just("entity"), "id": _REFS, "name": _QUOTES},
        optional={"aliases": st.lists(_QUOTES, max_size=2), "wikidata": st.just("Q649")},
    ),
    st.fixed_dictionaries(
        {"type": st.just("event"), "kind": st.sampled_from(["meeting", "visit", "war"])},
        optional={
            "participants": st.lists(
                st.fixed_dictionaries(
                    {"entity": _REFS, "role": st.sampled_from(["agent", "host", "attendee"])}
                ),
                max_size=2,
            ),
            "place": _REFS,
            **_COMMON,
        },
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("statement"),
            "subject": _REFS,
            "predicate": st.sampled_from(["member_of", "capital_of"]),
            "object": _OBJECTS,
            "qualifiers": st.lists(
                st.fixed_dictionaries({"kind": st.just("role"), "value": _OBJECTS}), max_size=1
            ),
        },
        optional={"negated": st.booleans(), **_COMMON},
    ),
)


def _odd(value: Any) -> st.SearchStrategy[Any]:
    """What a careless system might write in ``value``'s place: mostly of its own JSON type."""
    if isinstance(value, bool):
        return st.one_of(st.sampled_from([0, 1, None]), _JSON)
    if isinstance(value, int):
        return st.one_of(st.sampled_from([float(value), True, -1, 10**40, 1e400]), _NUMBERS)
    if isinstance(value, str):
        return st.one_of(
            st.sampled_from(
                [
                    value + "\ud800",
                    "\udfff" + value,
                    value.translate(_ARABIC_INDIC),
                    value + "\n",
                    f" {value}",
                    "",
                    "2018/2017",
                ]
            ),
            _ODD_TEXT,
        )
    return _JSON


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in the JSON value ``value``, itself first."""
    found = [prefix]
    children = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in children:
        found.extend(_paths(child, (*prefix, key)))
    return found


def _at(value: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def _replaced(value: Any, path: tuple[str | int, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    return [_replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]


_ARTICLE_LINE = json.dumps({"type": "article", "sha256": _GOLD.article.sha256})


def _score_or_refuse(path: Path, match: str) -> None:
    """Score ``path`` against the built-in dataset: scores that can be written, or a ScoreError."""
    refused: ScoreError | None = None
    try:
        scores = score(_GOLD.id, path, match=match)
    except ScoreError as error:
        refused = error
    if refused is not None:
        assert refused.file == str(path)
        str(refused).encode("utf-8")  # the command prints it
        return
    # What ``newsfacts score --json`` and ``--details`` write is UTF-8 text.
    json.dumps(scores.as_dict(details=True), ensure_ascii=False, allow_nan=False).encode("utf-8")
    scores.table().encode("utf-8")
    scores.details().encode("utf-8")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.booleans(),
    st.lists(_RECORDS, max_size=4),
    st.lists(st.text(_CHARS, max_size=30), max_size=1),
    st.sampled_from(MATCHES),
    st.data(),
)
def test_arbitrary_json_lines_are_scored_or_refused_with_a_score_error(
    first: bool, records: list[Any], raw: list[str], match: str, data: st.DataObject
) -> None:
    """Lines of the schema with a value or two changed, and lines of any text."""
    lines: list[Any] = list(records)
    for _ in range(data.draw(st.integers(0, 2)) if lines else 0):
        line = data.draw(st.integers(0, len(lines) - 1))
        where = data.draw(st.sampled_from(_paths(lines[line])))
        lines[line] = _replaced(lines[line], where, data.draw(_odd(_at(lines[line], where))))
    # ensure_ascii: a surrogate is written as an escape, as a system's JSON library would.
    text = [json.dumps(line) for line in lines]
    for other in raw:
        text.insert(data.draw(st.integers(0, len(text))), other.encode("utf-8", "replace").decode())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "system.jsonl"
        path.write_bytes("\n".join([_ARTICLE_LINE, *text] if first else text).encode() + b"\n")
        _score_or_refuse(path, match)


_BRAT_IDS = st.sampled_from(["T1", "T2", "T3", "E1", "E2", "T9", "E9", ""])
_BRAT_OFFSETS = st.one_of(
    st.integers(0, len(_TEXT) + 2).map(str),
    st.integers(0, len(_TEXT)).map(lambda n: str(n).translate(_ARABIC_INDIC)),
    # Past int()'s 4300 digits too.
    st.sampled_from([5, 20, 4300, 4301, 5000]).map(lambda n: "9" * n),
    st.sampled_from(["007", "-1", "1.0", ""]),
)
_BRAT_TOKENS = st.one_of(
    _BRAT_IDS,
    _BRAT_OFFSETS,
    st.sampled_from(["Person", "Meeting", "Meeting:T1", "Attendee:T2", "Place:E1", "Reference"]),
    st.sampled_from(["Wikidata:Q649", "newsfacts:x", "Metonymy", "Negation", "0;3"]),
    st.text(st.characters(codec="utf-8"), max_size=5),  # a .ann file is UTF-8: no surrogates
)


def _text_bound(parts: tuple[str, str, list[tuple[str, str]]]) -> str:
    """A ``T`` line: its id, type and fragments (``0 5;9 14``)."""
    ident, kind, fragments = parts
    return f"{ident}\t{kind} {';'.join(f'{a} {b}' for a, b in fragments)}\tx"


_BRAT_LINES = st.one_of(
    st.tuples(
        st.sampled_from(["T1", "T2", "T3"]),
        st.sampled_from(["Person", "Meeting", "Visit"]),
        st.lists(st.tuples(_BRAT_OFFSETS, _BRAT_OFFSETS), min_size=1, max_size=2),
    ).map(_text_bound),
    st.tuples(st.sampled_from(["Wikidata:Q649", "newsfacts:x", "x"]), _BRAT_IDS).map(
        lambda t: f"N1\tReference {t[1]} {t[0]}\tx"
    ),
    st.tuples(st.sampled_from(["Metonymy", "Negation"]), _BRAT_IDS).map(
        lambda t: f"A1\t{t[0]} {t[1]}"
    ),
    st.tuples(
        st.sampled_from(["E1", "E2"]),
        st.sampled_from(["Meeting", "Visit", "Picnic"]),
        _BRAT_IDS,
        st.lists(
            st.tuples(st.sampled_from(["Attendee", "Agent2", "Place", "Boss"]), _BRAT_IDS).map(
                ":".join
            ),
            max_size=2,
        ),
    ).map(lambda t: f"{t[0]}\t{t[1]}:{t[2]} {' '.join(t[3])}".rstrip()),
    st.tuples(
        st.sampled_from(["T1", "E1", "N1", "A1", "R1", "#1", "*", "X"]),
        st.lists(_BRAT_TOKENS, max_size=5).map(" ".join),
        st.sampled_from(["", "\tPales", "\t"]),
    ).map(lambda t: f"{t[0]}\t{t[1]}{t[2]}"),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BRAT_LINES, max_size=6), st.sampled_from(MATCHES))
def test_arbitrary_brat_lines_are_scored_or_refused_with_a_score_error(
    lines: list[str], match: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "system.ann"
        path.write_text("\n".join(lines) + "\n", "utf-8")
        path.with_suffix(".txt").write_bytes(_TEXT.encode("utf-8"))
        _score_or_refuse(path, match)
