"""The scorer: newsfacts.score and ``newsfacts score``, on the built-in dataset and the shipped example."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import importlib_resources
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts import Article, Dataset, Entity, EntityKind, Mention, Metadata, Span
from newsfacts.cli import EXIT_DATA, EXIT_OK, main
from newsfacts.scoring import EXAMPLE_SYSTEM, ScoreError, score
from newsfacts.scoring import system_schema as schema
from newsfacts.scoring._jsonl import SCHEMA_FILE
from newsfacts.vocabulary import (
    EventKind,
    EventStatus,
    Modality,
    PloverType,
    Predicate,
    QualifierKind,
    Rating,
    Role,
)

__all__: list[str] = []

DS = newsfacts.load()
GOLD = DS.id
EXAMPLE = EXAMPLE_SYSTEM
ARTICLE_EVENTS = [e for e in DS.events if e.origin.value == "article"]
ARTICLE_STATEMENTS = [s for s in DS.statements if s.origin.value == "article"]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _write(tmp_path: Path, records: list[dict[str, Any]], name: str = "system.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


# --- the built-in dataset against itself ------------------------------------------


@pytest.mark.parametrize("match", ["strict", "relaxed"])
def test_the_builtin_dataset_scores_perfectly_against_itself(match: str) -> None:
    scores = newsfacts.score(GOLD, GOLD, match=match)
    assert scores.match == match
    for layer in scores:
        assert (layer.fp, layer.fn, layer.f1) == (0, 0, 1.0), layer.name
    # Every mention and every fact of the article is an item.
    assert scores["mentions"].tp == len(DS.mentions)
    assert scores["events"].tp == len(ARTICLE_EVENTS)
    assert scores["statements"].tp == len(ARTICLE_STATEMENTS)
    assert scores["events.arguments"].tp == sum(len(e.participants) for e in ARTICLE_EVENTS)
    assert scores["mentions.metonymic"].tp == sum(m.metonymy for m in DS.mentions)
    facts: list[newsfacts.Event | newsfacts.Statement] = [*ARTICLE_EVENTS, *ARTICLE_STATEMENTS]
    assert scores["verdicts"].tp == sum(f.verdict is not None for f in facts)


def test_a_dataset_object_or_a_folder_scores_as_its_id(tmp_path: Path) -> None:
    from newsfacts.loading import dump_files

    folder = tmp_path / "copy"
    folder.mkdir()
    for name, data in dump_files(DS).items():
        (folder / name).write_bytes(data)
    by_id = score(GOLD, GOLD).as_dict()
    assert score(DS, folder).as_dict() == by_id
    assert score(str(folder), DS).as_dict() == by_id


# --- the shipped example ---------------------------------------------------------


def test_the_example_is_scored_against_every_gold_item() -> None:
    scores = score(GOLD, EXAMPLE)
    # Whatever the system finds, every gold item is either found or missed.
    assert scores["mentions"].tp + scores["mentions"].fn == len(DS.mentions)
    assert scores["events"].tp + scores["events"].fn == len(ARTICLE_EVENTS)
    assert scores["statements"].tp + scores["statements"].fn == len(ARTICLE_STATEMENTS)
    records = _lines(EXAMPLE)
    assert scores["mentions"].tp + scores["mentions"].fp == sum(
        r["type"] == "mention" for r in records
    )
    assert scores["events"].tp + scores["events"].fp == sum(r["type"] == "event" for r in records)


def test_unanchored_quotes_are_reported_with_their_line() -> None:
    text = DS.article.text
    expected = []
    for number, line in enumerate(EXAMPLE.read_text("utf-8").splitlines(), start=1):
        record = json.loads(line)
        for anchor in (record.get("span"), *record.get("evidence", ())):
            if anchor and "quote" in anchor and anchor["quote"] not in text:
                expected.append((number, anchor["quote"]))
    scores = score(GOLD, EXAMPLE)
    reported = [(u.where, u.quote) for u in scores.unanchored]
    not_found = [q for q in reported if q[1] not in text.replace("\u2019", "'")]
    assert not_found, "the example has a quote that is nowhere in the article"
    for where, quote in not_found:
        assert any(f"line {n}," in where and q == quote for n, q in expected), (where, quote)
    # Such a mention is still scored: as a false positive, never dropped.
    assert scores["mentions"].fp >= len(
        [q for q in not_found if "$.span" in dict(reported).get(q[0], q[0])]
    )


def test_quotes_are_anchored_exactly_then_normalised_then_approximately() -> None:
    scores = score(GOLD, EXAMPLE)
    assert set(scores.anchoring) == {"exact", "normalised", "approximate"}
    total = sum(
        1
        for r in _lines(EXAMPLE)
        for a in (r.get("span"), *r.get("evidence", ()))
        if a and "quote" in a
    )
    assert sum(scores.anchoring.values()) + len(scores.unanchored) == total


def test_the_literal_reading_of_a_metonymy_is_scored_apart() -> None:
    # The example links "Moscow offered" to the city: the literal reading is
    # right, the metonymic one (Russia) is missed.
    scores = score(GOLD, EXAMPLE)
    metonymy = next(m for m in DS.mentions if m.metonymy and m.span.text == "Moscow")
    where = f"at {metonymy.span.start}"
    assert any(where in f.description for f in scores["mentions.metonymic"].missed)
    assert not any(where in f.description for f in scores["mentions.literal"].missed)
    assert any(where in f.description for f in scores["mentions.linking"].missed)


@pytest.mark.parametrize("system", [EXAMPLE, GOLD])
def test_relaxed_is_never_below_strict_on_the_example(system: object) -> None:
    strict, relaxed = score(GOLD, system, match="strict"), score(GOLD, system, match="relaxed")  # type: ignore[arg-type]
    for layer in strict:
        name = layer.name
        assert relaxed[name].f1 >= layer.f1, name


# --- layer by layer ---------------------------------------------------------------


def _event_line(event: newsfacts.Event, **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": "event",
        "kind": event.kind.value,
        "evidence": [{"start": s.start, "end": s.end} for s in event.evidence],
        "participants": [{"entity": p.entity, "role": p.role.value} for p in event.participants],
    }
    record.update(changes)
    return record


def test_a_right_time_value_on_a_nearby_span_is_credited_in_relaxed_mode(tmp_path: Path) -> None:
    event = next(
        e
        for e in ARTICLE_EVENTS
        if e.time is not None
        and e.time.expression
        and any(e.time.expression in s.text for s in e.evidence)
    )
    assert event.time is not None
    assert event.time.expression is not None
    span = next(s for s in event.evidence if event.time.expression in s.text)
    start = span.start + span.text.index(event.time.expression)
    time = {
        "edtf": event.time.edtf,
        "earliest": event.time.earliest.isoformat(),
        "latest": event.time.latest.isoformat(),
        "expression": event.time.expression,
        # One code point more than the gold words.
        "span": {"start": start, "end": start + len(event.time.expression) + 1},
    }
    path = _write(tmp_path, [_event_line(event, time=time)])
    strict, relaxed = score(GOLD, path), score(GOLD, path, match="relaxed")
    assert (strict["times.value"].tp, relaxed["times.value"].tp) == (0, 1)
    assert relaxed["times"].inexact == 1
    assert relaxed["events.time"].tp == strict["events.time"].tp == 1


def test_a_verdict_counts_only_with_its_whole_evidence() -> None:
    fact = next(f for f in ARTICLE_EVENTS if f.verdict is not None and len(f.evidence) > 1)
    cut = attrs.evolve(fact, evidence=fact.evidence[:1])
    system = Dataset(
        DS.metadata,
        DS.article,
        tuple(DS.entities),
        tuple(cut if e.id == fact.id else e for e in DS.events),
        tuple(DS.statements),
        DS.mentions,
        tuple(DS.sources),
    )
    scores = score(DS, system)
    assert scores["verdicts.rating"].fn == 0
    assert (scores["verdicts"].fn, scores["verdicts"].fp) == (1, 1)
    assert [f.description for f in scores["verdicts"].missed] == [fact.id]


def test_a_reported_claim_flattened_into_a_fact_is_an_attribution_miss() -> None:
    reported = next(s for s in ARTICLE_STATEMENTS if s.attribution.claimants)
    flat = attrs.evolve(reported, attribution=newsfacts.Attribution(), modality=Modality.ASSERTED)
    system = Dataset(
        DS.metadata,
        DS.article,
        tuple(DS.entities),
        tuple(DS.events),
        tuple(flat if s.id == reported.id else s for s in DS.statements),
        DS.mentions,
        tuple(DS.sources),
    )
    scores = score(DS, system)
    assert (scores["attribution"].fn, scores["attribution"].fp) == (1, 0)
    assert scores["statements"].fn == 0


def test_references_resolve_by_qid_and_by_name(tmp_path: Path) -> None:
    entity = next(e for e in DS.entities if e.wikidata is not None)
    mention = next(m for m in DS.mentions if m.target == entity.id)
    span = {"start": mention.span.start, "end": mention.span.end}
    for target in (entity.wikidata, entity.name.upper(), entity.id):
        assert target is not None
        path = _write(tmp_path, [{"type": "mention", "span": span, "targets": [target]}])
        assert score(GOLD, path)["mentions.linking"].tp == 1, target


def test_a_system_without_evidence_is_aligned_by_what_it_states(tmp_path: Path) -> None:
    statement = next(s for s in ARTICLE_STATEMENTS if isinstance(s.object, str) and not s.negated)
    line = {
        "type": "statement",
        "subject": statement.subject,
        "predicate": statement.predicate.value,
        "object": statement.object,
    }
    assert score(GOLD, _write(tmp_path, [line]))["statements"].tp == 1


def test_details_list_misses_and_spurious_items_with_evidence() -> None:
    scores = score(GOLD, EXAMPLE)
    events = scores["events"]
    assert len(events.missed) == events.fn
    assert len(events.spurious) == events.fp
    assert all(f.evidence for f in (*events.missed, *events.spurious))
    text = scores.details()
    for finding in events.spurious:
        assert str(finding) in text
    data = scores.as_dict(details=True)
    assert len(data["layers"]["events"]["missed"]) == events.fn


# --- agreement with nervaluate ----------------------------------------------------


@st.composite
def _span_pairs(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Gold and predicted spans in slots of 12 code points, at most one of each per slot."""
    slots = draw(st.integers(1, 12))
    gold: list[tuple[int, int]] = []
    predicted: list[tuple[int, int]] = []
    for slot in range(slots):
        base = slot * 13
        for spans in (gold, predicted):
            if draw(st.booleans()):
                start = draw(st.integers(0, 10))
                end = draw(st.integers(start + 1, 12))
                spans.append((base + start, base + end))
    return gold, predicted


def _mentions_only(text: str, spans: list[tuple[int, int]]) -> Dataset:
    article = Article(
        id="slots",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        sentences=(Span(0, len(text), text),),
        publisher="Test",
    )
    entity = Entity(id="thing", kind=EntityKind.ORGANIZATION, name="Thing")
    return Dataset(
        Metadata("slots", "Slots"),
        article,
        (entity,),
        mentions=[Mention(Span(s, e, text[s:e]), "thing") for s, e in spans],
    )


@settings(max_examples=60, deadline=None)
@given(_span_pairs())
def test_mention_spans_score_as_nervaluate_does(
    pairs: tuple[list[tuple[int, int]], list[tuple[int, int]]],
) -> None:
    from nervaluate import Evaluator  # type: ignore[import-untyped]

    gold_spans, predicted_spans = pairs
    if not gold_spans or not predicted_spans:
        return  # nervaluate gives 0 where an empty denominator gives 1.0 here
    text = ("x" * 12 + " ") * 12
    gold, system = _mentions_only(text, gold_spans), _mentions_only(text, predicted_spans)
    # nervaluate's ends are inclusive.
    true = [[{"label": "M", "start": s, "end": e - 1} for s, e in gold_spans]]
    pred = [[{"label": "M", "start": s, "end": e - 1} for s, e in predicted_spans]]
    theirs = Evaluator(true, pred, tags=["M"]).evaluate()["overall"]
    strict = score(gold, system, match="strict")["mentions"]
    relaxed = score(gold, system, match="relaxed")["mentions"]
    assert strict.precision == pytest.approx(theirs["strict"].precision)
    assert strict.recall == pytest.approx(theirs["strict"].recall)
    assert strict.f1 == pytest.approx(theirs["strict"].f1)
    assert relaxed.partial_precision == pytest.approx(theirs["partial"].precision)
    assert relaxed.partial_recall == pytest.approx(theirs["partial"].recall)
    assert relaxed.partial_f1 == pytest.approx(theirs["partial"].f1)
    assert relaxed.precision == pytest.approx(theirs["ent_type"].precision)
    assert relaxed.recall == pytest.approx(theirs["ent_type"].recall)


# --- input and errors -------------------------------------------------------------


def test_the_schema_names_every_term_of_the_vocabulary() -> None:
    defs = schema()["$defs"]
    assert defs["event"]["properties"]["kind"]["enum"] == [k.value for k in EventKind]
    assert defs["event"]["properties"]["status"]["enum"] == [s.value for s in EventStatus]
    assert defs["event"]["properties"]["plover"]["enum"] == [p.value for p in PloverType]
    role = defs["event"]["properties"]["participants"]["items"]["properties"]["role"]
    assert role["enum"] == [r.value for r in Role]
    assert defs["statement"]["properties"]["predicate"]["enum"] == [p.value for p in Predicate]
    qualifier = defs["statement"]["properties"]["qualifiers"]["items"]["properties"]["kind"]
    assert qualifier["enum"] == [q.value for q in QualifierKind]
    for kind in ("event", "statement"):
        assert defs[kind]["properties"]["modality"]["enum"] == [m.value for m in Modality]
        assert defs[kind]["properties"]["verdict"]["enum"] == [r.value for r in Rating]


def test_the_example_is_valid_against_the_schema() -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    for record in _lines(EXAMPLE):
        validator.validate(record)
    assert importlib_resources.files("newsfacts.scoring").joinpath(SCHEMA_FILE).is_file()


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"type": "event", "kind": "meetin"}, "$.kind"),
        ({"type": "mention", "span": {"quote": "Abbas"}, "targets": "abbas"}, "$.targets"),
        (
            {"type": "event", "kind": "meeting", "participants": [{"entity": "x", "role": "boss"}]},
            "$.participants[0].role",
        ),
        ({"type": "statement", "subject": "x", "predicate": "member_of"}, "$"),
        ({"type": "fact"}, "$.type"),
        ({"type": "mention", "span": {"start": 0, "end": 99999}, "targets": ["x"]}, "$.span"),
    ],
)
def test_a_line_breaking_the_schema_is_named_by_line_and_field(
    tmp_path: Path, record: dict[str, Any], field: str
) -> None:
    good = {"type": "mention", "span": {"quote": "Abbas"}, "targets": ["mahmoud-abbas"]}
    path = _write(tmp_path, [good, good, record])
    with pytest.raises(ScoreError) as caught:
        score(GOLD, path)
    assert caught.value.path == f"line 3, {field}"
    assert str(path) in str(caught.value)


ARTICLE_LINE = {"type": "article", "sha256": DS.article.sha256}


def _refused(path: Path, where: str) -> ScoreError:
    """The ScoreError scoring ``path`` raises, checked to name the file and ``where``."""
    with pytest.raises(ScoreError) as caught:
        score(GOLD, path)
    assert caught.value.path == where
    assert str(path) in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"type": "mention", "span": {"start": 2.0, "end": 5}, "targets": ["x"]}, "$.span.start"),
        ({"type": "mention", "span": {"start": 2, "end": 5.0}, "targets": ["x"]}, "$.span.end"),
        ({"type": "mention", "span": {"start": True, "end": 5}, "targets": ["x"]}, "$.span.start"),
        (
            {"type": "event", "kind": "meeting", "evidence": [{"start": 0, "end": 1e1}]},
            "$.evidence[0].end",
        ),
        (
            {
                "type": "event",
                "kind": "meeting",
                "time": {"edtf": "2018", "span": {"start": 0.0, "end": 4}},
            },
            "$.time.span.start",
        ),
    ],
)
def test_an_integer_field_takes_only_a_json_integer(
    tmp_path: Path, record: dict[str, Any], field: str
) -> None:
    # JSON Schema counts 2.0 as an integer; the scorer's offsets index the text.
    path = _write(tmp_path, [ARTICLE_LINE, record])
    error = _refused(path, f"line 2, {field}")
    assert "is not of type 'integer'" in str(error)


def test_every_integer_of_the_schema_is_checked_as_a_json_integer() -> None:
    from newsfacts.scoring._jsonl import _validators

    def integers(node: object) -> int:
        if isinstance(node, dict):
            return (node.get("type") == "integer") + sum(integers(v) for v in node.values())
        if isinstance(node, list):
            return sum(integers(v) for v in node)
        return 0

    assert integers(schema()) > 0
    validator = _validators()["mention"]
    for value in (2.0, True, 1e20):
        assert not validator.is_type(value, "integer")
    assert validator.is_type(2, "integer")
    assert validator.is_type(10**30, "integer")


def test_the_schema_patterns_take_ascii_digits_only() -> None:
    # jsonschema matches with Python's re, where \d is any Unicode digit.
    text = json.dumps(schema())
    assert "\\d" not in text


@pytest.mark.parametrize(
    ("time", "field"),
    [
        ({"edtf": "\u0662\u0660\u0661\u0668-\u0660\u0662-\u0661\u0662"}, "$.time.edtf"),
        ({"edtf": "2018", "earliest": "\u0662\u0660\u0661\u0668-01-01"}, "$.time.earliest"),
        ({"edtf": "2018", "latest": "2018-\u0660\u0662-28"}, "$.time.latest"),
    ],
)
def test_a_date_takes_ascii_digits_only(tmp_path: Path, time: dict[str, str], field: str) -> None:
    record = {"type": "event", "kind": "meeting", "time": time}
    _refused(_write(tmp_path, [ARTICLE_LINE, record]), f"line 2, {field}")


@pytest.mark.parametrize(
    ("time", "field", "message"),
    [
        ({"edtf": "2018/2017"}, "$.time.edtf", "ends before it starts"),
        ({"edtf": "2018-05-03/2018-05-02"}, "$.time.edtf", "ends before it starts"),
        (
            {"edtf": "2018", "earliest": "2018-05-01", "latest": "2018-04-30"},
            "$.time.earliest",
            "earliest 2018-05-01 is after latest 2018-04-30",
        ),
        ({"edtf": "2018", "earliest": "2019-01-01"}, "$.time.earliest", "is after latest"),
        ({"edtf": "2018-05", "latest": "2018-04-30"}, "$.time.latest", "is after latest"),
        ({"edtf": "2018-02-30"}, "$.time.edtf", "not a date"),
        ({"edtf": "2018", "latest": "2018-02-30"}, "$.time.latest", "not a date"),
        ({"edtf": "/0000"}, "$.time.edtf", "not a date"),
        ({"edtf": "0000-12"}, "$.time.edtf", "not a date"),
        ({"edtf": "2018-13/2019"}, "$.time.edtf", "not a date"),
    ],
)
def test_a_reversed_or_impossible_interval_is_refused_at_its_field(
    tmp_path: Path, time: dict[str, str], field: str, message: str
) -> None:
    for kind in ("event", "statement"):
        record: dict[str, Any] = (
            {"type": "event", "kind": "meeting", "time": time}
            if kind == "event"
            else {
                "type": "statement",
                "subject": "x",
                "predicate": "member_of",
                "object": "y",
                "time": time,
            }
        )
        error = _refused(_write(tmp_path, [ARTICLE_LINE, record]), f"line 2, {field}")
        assert message in str(error)


def test_an_interval_open_at_one_end_or_of_one_day_is_read(tmp_path: Path) -> None:
    times = [{"edtf": "2018/.."}, {"edtf": "/2018"}, {"edtf": "2018-05-03/2018-05-03"}]
    records = [{"type": "event", "kind": "meeting", "time": t} for t in times]
    score(GOLD, _write(tmp_path, [ARTICLE_LINE, *records]))


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"type":"mention","span":{"quote":"\\ud800"},"targets":["x"]}', "$.span.quote"),
        ('{"type":"mention","span":{"quote":"Abbas"},"targets":["x","a\\udfff"]}', "$.targets[1]"),
        ('{"type":"entity","id":"x","name":"\\udc00\\ud800"}', "$.name"),
        ('{"type":"event","kind":"meeting","\\ud83d":1}', "$"),
    ],
)
def test_a_lone_surrogate_is_refused_at_its_json_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, field: str
) -> None:
    path = tmp_path / "system.jsonl"
    path.write_text(json.dumps(ARTICLE_LINE) + "\n" + line + "\n", "utf-8")
    error = _refused(path, f"line 2, {field}")
    assert "not Unicode text: a lone surrogate U+D" in str(error)
    for flag in ("--json", "--details"):
        assert main(["score", GOLD, str(path), flag]) == EXIT_DATA
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err


def test_a_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "system.jsonl"
    line = '{"type":"entity","id":"x","name":"smile \\ud83d\\ude00"}'
    path.write_text(json.dumps(ARTICLE_LINE) + "\n" + line + "\n", "utf-8")
    score(GOLD, path)


def test_the_command_refuses_a_float_offset_with_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "system.jsonl"
    path.write_text(
        json.dumps(ARTICLE_LINE)
        + '\n{"type":"mention","span":{"start":2.0,"end":5},"targets":["x"]}\n',
        "utf-8",
    )
    assert main(["score", GOLD, str(path)]) == EXIT_DATA
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: ")
    assert "line 2, $.span.start" in err


def test_a_line_that_is_not_json_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"type": "article", "sha256": "00"}\n{not json\n', "utf-8")
    with pytest.raises(ScoreError, match="line 1"):
        score(GOLD, path)
    path.write_text("\n{not json\n", "utf-8")
    with pytest.raises(ScoreError, match=r"line 2, \$: not valid JSON"):
        score(GOLD, path)


def test_json_lines_are_split_at_newlines_only(tmp_path: Path) -> None:
    # A JSON string may hold U+2028 as it is; it does not end the line. CRLF and a BOM are read.
    mention = next(m for m in DS.mentions if not m.metonymy)
    entity = {"type": "entity", "id": "someone", "name": "Some\u2028One"}
    record = {
        "type": "mention",
        "span": {"start": mention.span.start, "end": mention.span.end},
        "targets": [mention.target],
    }
    lines = [json.dumps(r, ensure_ascii=False) for r in (entity, record)]
    assert "\u2028" in lines[0]
    path = tmp_path / "system.jsonl"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert score(GOLD, path)["mentions.linking"].tp == 1


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScoreError, match="not a dataset folder"):
        score(GOLD, tmp_path)
    with pytest.raises(ScoreError, match="no such dataset"):
        score(GOLD, tmp_path / "missing")
    with pytest.raises(ScoreError, match="gold must be a dataset"):
        score(EXAMPLE, GOLD)


def test_a_system_of_another_article_is_refused(tmp_path: Path) -> None:
    other = attrs.evolve(
        DS.article,
        text=DS.article.text + " ",
        sha256=hashlib.sha256((DS.article.text + " ").encode()).hexdigest(),
    )
    system = Dataset(DS.metadata, other, tuple(DS.entities))
    with pytest.raises(ScoreError, match="another text"):
        score(DS, system)
    path = _write(tmp_path, [{"type": "article", "sha256": other.sha256}])
    with pytest.raises(ScoreError, match="another text") as caught:
        score(DS, path)
    assert caught.value.path == "line 1, $.sha256"
    ann = tmp_path / "other.ann"
    ann.write_text("T1\tPerson 0 5\tx\n", "utf-8")
    ann.with_suffix(".txt").write_text(other.text, "utf-8")
    with pytest.raises(ScoreError, match="another text"):
        score(DS, ann)


def test_wrong_arguments_raise_type_and_value_errors() -> None:
    with pytest.raises(ValueError, match="match must be one of"):
        score(GOLD, GOLD, match="loose")
    with pytest.raises(TypeError, match="system must be"):
        score(GOLD, 3)  # type: ignore[arg-type]


# --- brat standoff ----------------------------------------------------------------


def test_brat_mentions_and_events_are_read(tmp_path: Path) -> None:
    text = DS.article.text
    event = next(e for e in ARTICLE_EVENTS if e.kind is EventKind.VISIT)
    agent = next(p.entity for p in event.participants if p.role is Role.AGENT)
    agent_mention = next(m for m in DS.mentions if m.target == agent)
    metonymy = next(m for m in DS.mentions if m.metonymy)
    qid = DS.entities[metonymy.target].wikidata
    trigger = event.evidence[0]
    lines = [
        f"T1\tPerson {agent_mention.span.start} {agent_mention.span.end}\t{agent_mention.span.text}",
        f"N1\tReference T1 newsfacts:{agent}\t{agent_mention.span.text}",
        f"T2\tState {metonymy.span.start} {metonymy.span.end}\t{metonymy.span.text}",
        f"N2\tReference T2 Wikidata:{qid}\t{metonymy.span.text}",
        "A1\tMetonymy T2",
        f"T3\tVisit {trigger.start} {trigger.start + 5}\t{text[trigger.start : trigger.start + 5]}",
        "E1\tVisit:T3 Agent:T1",
    ]
    ann = tmp_path / "system.ann"
    ann.write_text("\n".join(lines) + "\n", "utf-8")
    ann.with_suffix(".txt").write_bytes(text.encode("utf-8"))
    scores = score(GOLD, ann, match="relaxed")
    assert (scores["mentions"].tp, scores["mentions"].fp) == (2, 0)
    assert scores["mentions.linking"].tp == 2
    assert scores["mentions.metonymic"].tp == 1
    assert (scores["events"].tp, scores["events.kind"].tp) == (1, 1)
    assert scores["events.arguments"].tp == 1


def test_a_bad_brat_line_is_named(tmp_path: Path) -> None:
    ann = tmp_path / "system.ann"
    ann.write_text("T1\tPerson 0 5\tPales\nE1\tPicnic:T1\n", "utf-8")
    ann.with_suffix(".txt").write_bytes(DS.article.text.encode("utf-8"))
    with pytest.raises(ScoreError, match="unknown event kind 'Picnic'") as caught:
        score(GOLD, ann)
    assert caught.value.path == "line 2"


def _ann(tmp_path: Path, lines: list[str]) -> Path:
    ann = tmp_path / "system.ann"
    ann.write_text("\n".join(lines) + "\n", "utf-8")
    ann.with_suffix(".txt").write_bytes(DS.article.text.encode("utf-8"))
    return ann


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["T1\tPerson 0 " + "9" * 5000 + "\tPal"], "offset 9999"),
        (["T1\tPerson " + "9" * 5000 + " 3\tPal"], "is not within the article"),
        (["T1\tPerson 0 3;4 " + "1" * 5000 + "\tPal"], "is not within the article"),
        (["T1\tPerson 0 99999999999999999999\tPal"], "is not within the article"),
        (["T1\tPerson \u0660 \u0665\tPales"], "not a text-bound annotation"),
        (["T1\tPerson 0 \u0665\tPales"], "not a text-bound annotation"),
        (["T1\tPerson 0 2;\u0663 5\tPa les"], "not a text-bound annotation"),
    ],
)
def test_a_brat_offset_is_ascii_digits_within_the_article(
    tmp_path: Path, lines: list[str], message: str
) -> None:
    error = _refused(_ann(tmp_path, ["T9\tPerson 0 5\tPales", *lines]), "line 2")
    assert message in str(error)
    assert len(str(error)) < 300


def test_leading_zeros_in_a_brat_offset_are_read(tmp_path: Path) -> None:
    mention = DS.mentions[0]
    start, end = mention.span.start, mention.span.end
    ann = _ann(tmp_path, [f"T1\tPerson {'0' * 30}{start} {end}\t{mention.span.text}"])
    assert score(GOLD, ann)["mentions"].tp == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("N1\tReference T9 Wikidata:Q1\tx", "normalization target 'T9'"),
        ("N1\tReference E9 Wikidata:Q1\tx", "normalization target 'E9'"),
        ("N1\tReference T1", "not a normalization"),
        ("A1\tMetonymy T9", "attribute target 'T9'"),
        ("A1\tNegation E9", "attribute target 'E9'"),
        ("A1\tMetonymy", "not an attribute"),
        ("E2\tMeeting:T1 Attendee:T9", "argument 'Attendee:T9'"),
        ("E2\tMeeting:T1 Attendee", "argument 'Attendee'"),
        ("E2", "not an event"),
    ],
)
def test_a_brat_line_pointing_at_a_missing_annotation_is_named(
    tmp_path: Path, line: str, message: str
) -> None:
    lines = ["T1\tMeeting 0 5\tPales", "E1\tMeeting:T1", line, "T2\tPerson 6 9\tx"]
    error = _refused(_ann(tmp_path, lines), "line 3")
    assert message in str(error)


def test_brat_normalizations_and_attributes_may_come_first_and_point_at_events(
    tmp_path: Path,
) -> None:
    lines = [
        "N1\tReference T1 Wikidata:Q1\tx",
        "A1\tNegation E1",
        "A2\tMetonymy T2",
        "T1\tMeeting 0 5\tPales",
        "E1\tMeeting:T1",
        "T2\tPerson 6 9\tx",
        "#1\tAnnotatorNotes T7\ta note on no annotation is not read",
        "R1\tOrigin Arg1:T1 Arg2:T2",
    ]
    scores = score(GOLD, _ann(tmp_path, lines))
    assert scores["events"].tp + scores["events"].fp == 1
    assert scores["mentions.metonymic"].fp == 1


# --- the command ------------------------------------------------------------------


def test_the_command_prints_a_table_json_and_details(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", GOLD, str(EXAMPLE)]) == EXIT_OK
    out = capsys.readouterr().out
    scores = score(GOLD, EXAMPLE)
    assert scores.table() in out
    assert main(["score", GOLD, str(EXAMPLE), "--json", "--match", "relaxed"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data == json.loads(json.dumps(score(GOLD, EXAMPLE, match="relaxed").as_dict()))
    assert main(["score", GOLD, str(EXAMPLE), "--details"]) == EXIT_OK
    assert scores.details() in capsys.readouterr().out


@pytest.mark.parametrize("bad", ["folder", "schema", "article"])
def test_the_command_reports_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    if bad == "folder":
        system = str(tmp_path)
    elif bad == "schema":
        system = str(_write(tmp_path, [{"type": "event", "kind": "meetin"}]))
    else:
        system = str(_write(tmp_path, [{"type": "article", "sha256": "0" * 64}]))
    assert main(["score", GOLD, system]) == EXIT_DATA
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("newsfacts: ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_macro_precision_counts_the_types_the_system_gave() -> None:
    from newsfacts.scoring import LayerScore, TypeScore

    layer = LayerScore(
        "x",
        tp=2,
        fp=2,
        fn=1,
        by_type=(TypeScore("a", 2, 0, 0), TypeScore("b", 0, 2, 0), TypeScore("c", 0, 0, 1)),
    )
    assert layer.macro_precision == (1.0 + 0.0) / 2  # "c" was never claimed
    assert layer.macro_recall == (1.0 + 0.0) / 2  # "b" is not in gold
    assert layer.macro_f1 == (1.0 + 0.0 + 0.0) / 3
    assert LayerScore("y", 1, 0, 0).macro_f1 is None


@pytest.mark.parametrize(
    ("missing", "what"),
    [("jsonschema", "reading JSON Lines"), ("rapidfuzz", "anchoring quotes approximately")],
)
def test_a_missing_extra_says_what_to_install(
    missing: str,
    what: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without the ``score`` extra's libraries: an ImportError naming the extra, exit 4."""
    from newsfacts.cli import EXIT_OUTPUT
    from newsfacts.scoring import ScoreExtraError
    from newsfacts.scoring._jsonl import _validators

    _validators.cache_clear()
    monkeypatch.setitem(sys.modules, missing, None)  # ``import`` of it raises ImportError
    try:
        with pytest.raises(ScoreExtraError, match=r"newsfacts\[score\]") as caught:
            score("abbas-putin-moscow-2018", EXAMPLE_SYSTEM)
        assert str(caught.value).startswith(f"{what} needs the optional 'score' extra")
        assert isinstance(caught.value, ImportError)
        assert not isinstance(caught.value, ScoreError)  # the input is fine
        code = main(["score", "abbas-putin-moscow-2018", str(EXAMPLE_SYSTEM), "--json"])
        out, err = capsys.readouterr()
        assert code == EXIT_OUTPUT
        assert json.loads(out)["error"] == {
            "type": "ScoreExtraError",
            "message": str(caught.value),
            "exit_code": EXIT_OUTPUT,
        }
        assert err == f"newsfacts: {caught.value}\n"
    finally:
        monkeypatch.undo()
        _validators.cache_clear()
