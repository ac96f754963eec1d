"""Records: construction checks, value semantics, immutability, selectors."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

import newsfacts
from newsfacts import (
    Attribution,
    Entity,
    EntityKind,
    Literal,
    Mention,
    Qualifier,
    QualifierKind,
    Rating,
    Source,
    Span,
    Statement,
    Verdict,
)
from newsfacts.codec import from_json, to_json
from newsfacts.vocabulary import Predicate

DS = newsfacts.load()


def test_span_checks_its_bounds_and_text() -> None:
    assert Span(3, 8, "hello").text == "hello"
    with pytest.raises(ValueError, match="before its start"):
        Span(8, 3, "")
    with pytest.raises(ValueError, match="code points"):
        Span(0, 4, "abc")
    with pytest.raises(ValueError, match=">= 0"):
        Span(-1, 2, "abc")
    with pytest.raises(TypeError):
        Span(0, 1, 5)  # type: ignore[arg-type]


def test_spans_order_by_position_and_select_web_annotation_style() -> None:
    text = "Putin and Abbas will\u00a0discuss"
    span = Span(10, 15, "Abbas")
    assert Span(0, 5, "Putin") < span
    assert span.position_selector().as_dict() == {
        "type": "TextPositionSelector",
        "start": 10,
        "end": 15,
    }
    quote = span.quote_selector(text, context=4)
    assert (quote.prefix, quote.exact, quote.suffix) == ("and ", "Abbas", " wil")
    with pytest.raises(ValueError, match="does not match"):
        Span(0, 5, "Abbas").quote_selector(text)


def test_ids_are_kebab_case_slugs() -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        Entity("Mahmoud Abbas", EntityKind.PERSON, "Mahmoud Abbas")
    with pytest.raises(ValueError, match="QID"):
        Entity("x", EntityKind.PERSON, "X", wikidata="127998")
    with pytest.raises(ValueError, match="empty"):
        Entity("x", EntityKind.PERSON, "  ")


@pytest.mark.parametrize("qid", ["127998", "Q0", "Q012", "q159", "Q159 ", "P248", ""])
def test_a_sources_item_is_a_qid_or_none(qid: str) -> None:
    assert Source("tass", "TASS").wikidata is None
    assert Source("tass", "TASS", wikidata="Q159").wikidata == "Q159"
    with pytest.raises(ValueError, match="wikidata must be a Wikidata QID"):
        Source("tass", "TASS", wikidata=qid)
    with pytest.raises(TypeError, match="wikidata must be a str"):
        Source("tass", "TASS", wikidata=159)  # type: ignore[arg-type]


def test_a_lone_string_is_not_taken_for_a_sequence() -> None:
    with pytest.raises(TypeError, match="sequence"):
        Entity("x", EntityKind.PERSON, "X", aliases="Abbas")
    entity = Entity("x", EntityKind.PERSON, "X", aliases=["A", "B"])  # lists are frozen
    assert entity.aliases == ("A", "B")


def _tuple_fields(record: object) -> list[str]:
    """The fields of ``record`` that hold a tuple of two or more values."""
    return [
        field.name
        for field in attrs.fields(type(record))  # type: ignore[arg-type]
        if isinstance(getattr(record, field.name), tuple) and len(getattr(record, field.name)) > 1
    ]


_WITH_TUPLES = [
    record
    for record in (*DS.entities, *DS.events, *DS.statements, *DS.mentions, DS.article)
    if _tuple_fields(record)
]


@pytest.mark.parametrize(
    "record", _WITH_TUPLES, ids=lambda r: getattr(r, "id", None) or getattr(r, "target", "")
)
def test_a_set_or_a_mapping_is_not_taken_for_a_sequence(record: object) -> None:
    """A record's tuples keep an order (the words', the article's): a set has none to give."""
    for name in _tuple_fields(record):
        value = getattr(record, name)
        for unordered in (frozenset(value), dict.fromkeys(value)):
            with pytest.raises(TypeError, match="expected a sequence"):
                attrs.evolve(record, **{name: unordered})  # type: ignore[misc]
        assert attrs.evolve(record, **{name: list(value)}) == record  # type: ignore[misc]


@pytest.mark.parametrize(
    "published", ["yesterday", "2018-02-30", "2018-13", "12 February 2018", "2018-2-12", " 2018"]
)
def test_a_sources_date_is_an_iso_8601_date(published: str) -> None:
    for given in ("1989", "2017-12", "2018-02-12"):
        assert Source("tass", "TASS", published=given).published == given
    with pytest.raises(ValueError, match="published must be an ISO 8601 date"):
        Source("tass", "TASS", published=published)


def test_statement_objects_and_qualifiers_are_ids_or_literals() -> None:
    statement = Statement(
        "s",
        "a",
        Predicate.QUALIFIED_AS,
        Literal("honest broker"),
        qualifiers=(Qualifier(QualifierKind.MANNER, Literal("tepid")),),
    )
    assert statement.object_id is None
    assert statement.qualifiers[0].value_id is None
    with pytest.raises(ValueError, match="kebab-case"):
        Statement("s", "a", Predicate.ALLY_OF, "Not An Id")


def test_attribution_and_verdict_shortcuts() -> None:
    assert not Attribution().is_reported
    assert Attribution(("palestinian-authority",), "argue").is_reported
    assert Verdict.FALSE is Rating.FALSE
    assert Verdict(Rating.SUPPORTED).note == ""


@pytest.mark.parametrize(
    "record",
    [*DS.entities, *DS.events, *DS.statements, *DS.mentions, *DS.sources, DS.article],
    ids=lambda r: getattr(r, "id", None) or getattr(r, "target", ""),
)
def test_records_are_frozen_values(record: object) -> None:
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.deepcopy(record) == record
    assert hash(copy.copy(record)) == hash(record)
    field = attrs.fields(type(record))[0]  # type: ignore[arg-type]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field.name, None)
    assert not hasattr(record, "__dict__")  # slotted


def test_mentions_name_what_they_literally_say() -> None:
    mention = Mention(
        Span(0, 10, "Washington"), "united-states", metonymy=True, literal="washington-dc"
    )
    assert mention.literal == "washington-dc"


def test_a_mention_refers_to_one_id_or_to_several_in_the_words_order() -> None:
    span = Span(0, 4, "They")
    one = Mention(span, "russia")
    assert one.targets == ("russia",)
    assert one.target == "russia"
    both = Mention(span, ["israel", "united-states"])
    assert both.targets == ("israel", "united-states")
    assert both.target == "israel"
    for bad, error in (((), ValueError), (("israel", "israel"), ValueError), ((1,), TypeError)):
        with pytest.raises(error):
            Mention(span, bad)


def test_a_mention_reads_its_older_json_form_with_one_target() -> None:
    span = {"start": 0, "end": 4, "text": "They"}
    old = from_json(Mention, {"span": span, "target": "russia"})
    new = from_json(Mention, {"span": span, "targets": ["russia"]})
    assert old == new == Mention(Span(0, 4, "They"), "russia")
    assert to_json(new)["targets"] == ["russia"]
    assert "target" not in to_json(new)
