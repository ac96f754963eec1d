"""The dataset as related tables: one row per record, lists split into their own tables.

The CSV export and the pandas adapter both read these tables, so the two
agree column for column. Every table has a primary key; every reference to
another record is a foreign key. A reference that may point at an entity or
an event (a statement's subject or object, a mention's target, a qualifier's
value) is split into an ``_entity`` and an ``_event`` column, exactly one of
them set, so that each can be checked against its own table. Which columns
are foreign keys, and every citation of a source, follow from the references
the format declares (:func:`newsfacts.format.references`).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from newsfacts.dataset import Dataset
from newsfacts.format import BY_REGISTRY, EACH, Reference, references
from newsfacts.model import Article, Entity, Event, Literal, Mention, Statement
from newsfacts.timespec import TimeSpec

__all__ = ["Cell", "Field", "ForeignKey", "Table", "tables"]

Cell = str | int | bool | datetime.date | tuple[str, ...] | None
"""A table cell: text, an integer, a boolean, a date, a list of strings, or empty."""

FIELD_TYPES = frozenset({"string", "integer", "boolean", "date", "array"})


@attrs.frozen
class Field:
    """A column: its name, its Table Schema type, what it holds, and whether it must be set."""

    name: str
    type: str = attrs.field(validator=attrs.validators.in_(FIELD_TYPES))
    description: str
    required: bool = False


@attrs.frozen
class ForeignKey:
    """Columns of a table that hold keys of another (or the same) table."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@attrs.frozen
class Table:
    """A named table: columns, primary key, foreign keys and rows (tuples in column order)."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)


def _s(name: str, description: str, *, required: bool = False) -> Field:
    return Field(name, "string", description, required)


def _fk(column: str, table: str, key: str = "id") -> ForeignKey:
    return ForeignKey((column,), table, (key,))


def ref_columns(name: str, kinds: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The columns that hold a reference named ``name``, each with the table it keys into.

    One column for a reference to one kind (``place`` → ``entities``); one per
    kind otherwise, named after the kind's record (``subject_entity``,
    ``subject_event``), exactly one of them set in a row.
    """
    if len(kinds) == 1:
        return ((name, kinds[0]),)
    return tuple((f"{name}_{BY_REGISTRY[kind].name}", kind) for kind in kinds)


def _cited(reference: Reference) -> bool:
    return reference.kinds == ("sources",)


def _keys(cls: type, within: tuple[str, ...] = (), **names: str) -> tuple[ForeignKey, ...]:
    """The foreign keys of a table whose rows are ``cls`` records, or the members at ``within``.

    Every reference one field below ``within`` (a field of its own, or each
    member of a tuple field) is a column of the table, named after the field
    (``names`` renames one: ``targets="target"``) and split by kind; sources
    are cited in the ``citations`` table, and deeper references in a table of
    their own.
    """
    keys: list[ForeignKey] = []
    for reference in references(cls):
        rest = reference.path[len(within) :]
        if reference.path[: len(within)] != within or _cited(reference):
            continue
        if rest[-1:] == (EACH,):
            rest = rest[:-1]
        if len(rest) != 1:
            continue
        name = names.get(rest[0], rest[0])
        keys.extend(_fk(column, table) for column, table in ref_columns(name, reference.kinds))
    return tuple(keys)


def _time_fields(prefix: str, what: str) -> tuple[Field, ...]:
    return (
        _s(f"{prefix}_edtf", f"{what} as EDTF (ISO 8601-2)"),
        _s(f"{prefix}_expression", f"{what}: the words as written"),
        Field(f"{prefix}_earliest", "date", f"{what}: the first day it can mean"),
        Field(f"{prefix}_latest", "date", f"{what}: the last day it can mean"),
        _s(f"{prefix}_resolution", f"{what}: how the words were resolved to a value"),
    )


def _bounds(time: TimeSpec) -> tuple[Cell, Cell]:
    """The first and last day ``time`` can mean, each empty where no bound is known."""
    return (
        time.earliest if time.lower is not None else None,
        # An open end, or an unknown one without a bound, has no last day: empty, not 9999.
        time.latest if time.upper is not None else None,
    )


def _time(time: TimeSpec | None) -> tuple[Cell, ...]:
    if time is None:
        return (None, None, None, None, None)
    return (time.edtf, time.expression, *_bounds(time), time.resolution.value)


_RECORD_TIME_FIELDS = (
    _s("record_time_edtf", "when, from the public record, as EDTF"),
    Field(
        "record_time_earliest", "date", "when, from the public record: the first day it can mean"
    ),
    Field("record_time_latest", "date", "when, from the public record: the last day it can mean"),
)


def _record_time(time: TimeSpec | None) -> tuple[Cell, ...]:
    if time is None:
        return (None, None, None)
    return (time.edtf, *_bounds(time))


def _ref(ref: str | Literal | None, dataset: Dataset) -> tuple[str | None, str | None]:
    """(entity id, event id) for a reference that may name either."""
    if not isinstance(ref, str):
        return (None, None)
    if ref in dataset.events:
        return (None, ref)
    return (ref, None)


_ATTRIBUTION_FIELDS = (
    Field("claimants", "array", "ids of who asserts the fact; empty: the article itself"),
    _s("attribution_verb", "how the article reports the claim (argue, suggest)"),
    _s("modality", "asserted, planned, proposed, hypothetical or characterisation"),
    _s("verdict", "how the fact stands against the public record"),
    _s("verdict_note", "why the verdict is what it is"),
    _s("origin", "article (the article's words) or enrichment (the public record)"),
)


def _fact_tail(fact: Event | Statement) -> tuple[Cell, ...]:
    verdict = fact.verdict
    return (
        fact.attribution.claimants,
        fact.attribution.verb or None,
        fact.modality.value,
        verdict.rating.value if verdict is not None else None,
        (verdict.note or None) if verdict is not None else None,
        fact.origin.value,
    )


def _article(dataset: Dataset) -> Table:
    article = dataset.article
    return Table(
        "article",
        "The article: what is known of its publication, and its text",
        (
            _s("id", "the article's id", required=True),
            _s("title", "the publisher's title, when known"),
            _s("publisher", "who published the article", required=True),
            _s("url", "where the article was published"),
            _s("language", "BCP 47 language tag"),
            _s("published", "publication date as EDTF"),
            _s("sha256", "SHA-256 of the UTF-8 text", required=True),
            _s("text", "the article's text, which every span indexes in code points"),
        ),
        ("id",),
        (),
        (
            (
                article.id,
                article.title,
                article.publisher,
                article.url,
                article.language,
                article.published.edtf if article.published is not None else None,
                article.sha256,
                article.text,
            ),
        ),
    )


def _entities(dataset: Dataset) -> Table:
    def row(entity: Entity) -> tuple[Cell, ...]:
        return (
            entity.id,
            entity.kind.value,
            entity.name,
            entity.aliases,
            entity.description or None,
            entity.wikidata,
            entity.iso_alpha2,
            entity.iso_alpha3,
            entity.inception.edtf if entity.inception is not None else None,
            entity.dissolved.edtf if entity.dissolved is not None else None,
            entity.origin.value,
        )

    return Table(
        "entities",
        "People, states, organizations, places and groups",
        (
            _s("id", "the entity's id", required=True),
            _s("kind", "what sort of thing the entity is", required=True),
            _s("name", "its usual name", required=True),
            Field("aliases", "array", "other names it answers to"),
            _s("description", "a short description"),
            _s("wikidata", "Wikidata QID, where verified"),
            _s("iso_alpha2", "ISO 3166-1 alpha-2 code"),
            _s("iso_alpha3", "ISO 3166-1 alpha-3 code"),
            _s("inception", "when it came into being, as EDTF"),
            _s("dissolved", "when it ceased to exist, as EDTF"),
            _s("origin", "article or enrichment", required=True),
        ),
        ("id",),
        (),
        tuple(row(entity) for entity in dataset.entities),
    )


def _events(dataset: Dataset) -> Table:
    def row(event: Event) -> tuple[Cell, ...]:
        return (
            event.id,
            event.kind.value,
            event.label,
            event.status.value,
            event.place,
            *_time(event.time),
            *_record_time(event.record_time),
            event.record_place,
            event.part_of,
            event.cameo,
            event.plover.value if event.plover is not None else None,
            event.wikidata,
            *_fact_tail(event),
        )

    return Table(
        "events",
        "What happened, is planned or goes on; participants are in their own table",
        (
            _s("id", "the event's id", required=True),
            _s("kind", "what sort of event", required=True),
            _s("label", "a short description", required=True),
            _s("status", "happened, scheduled, ongoing, proposed or did_not_happen"),
            _s("place", "id of the entity where it took place, as the article says"),
            *_time_fields("time", "when, as the article says"),
            *_RECORD_TIME_FIELDS,
            _s("record_place", "where, from the public record"),
            _s("part_of", "id of the larger event this one is part of"),
            _s("cameo", "CAMEO event code"),
            _s("plover", "PLOVER event type"),
            _s("wikidata", "Wikidata QID of the event, where verified"),
            *_ATTRIBUTION_FIELDS,
        ),
        ("id",),
        _keys(Event),
        tuple(row(event) for event in dataset.events),
    )


def _participants(dataset: Dataset) -> Table:
    rows = tuple(
        dict.fromkeys(
            (event.id, participant.entity, participant.role.value)
            for event in dataset.events
            for participant in event.participants
        )
    )
    return Table(
        "participants",
        "Who took part in each event, in which role",
        (
            _s("event", "the event's id", required=True),
            _s("entity", "the participant's id", required=True),
            _s("role", "the part the entity plays", required=True),
        ),
        ("event", "entity", "role"),
        (_fk("event", "events"), *_keys(Event, ("participants", EACH))),
        rows,
    )


def _statements(dataset: Dataset) -> Table:
    def row(statement: Statement) -> tuple[Cell, ...]:
        literal = statement.object.value if isinstance(statement.object, Literal) else None
        return (
            statement.id,
            *_ref(statement.subject, dataset),
            statement.predicate.value,
            statement.predicate.wikidata,
            *_ref(statement.object, dataset),
            literal,
            statement.negated,
            *_time(statement.time),
            *_record_time(statement.record_time),
            *_fact_tail(statement),
        )

    return Table(
        "statements",
        "Typed relations: subject, predicate, object; qualifiers are in their own table",
        (
            _s("id", "the statement's id", required=True),
            _s("subject_entity", "the subject, when it is an entity"),
            _s("subject_event", "the subject, when it is an event"),
            _s("predicate", "the relation", required=True),
            _s("wikidata_property", "the relation's Wikidata property, where one fits"),
            _s("object_entity", "the object, when it is an entity"),
            _s("object_event", "the object, when it is an event"),
            _s("object_literal", "the object, when it is words"),
            Field("negated", "boolean", "true when the relation is stated not to hold", True),
            *_time_fields("time", "when it holds, as the article says"),
            *_RECORD_TIME_FIELDS,
            *_ATTRIBUTION_FIELDS,
        ),
        ("id",),
        _keys(Statement),
        tuple(row(statement) for statement in dataset.statements),
    )


def _qualifiers(dataset: Dataset) -> Table:
    rows = []
    for statement in dataset.statements:
        for number, qualifier in enumerate(statement.qualifiers):
            literal = qualifier.value.value if isinstance(qualifier.value, Literal) else None
            rows.append(
                (
                    statement.id,
                    number,
                    qualifier.kind.value,
                    *_ref(qualifier.value, dataset),
                    literal,
                )
            )
    return Table(
        "qualifiers",
        "What qualifies a statement (as capital of, place, manner)",
        (
            _s("statement", "the statement's id", required=True),
            Field("position", "integer", "order among the statement's qualifiers", True),
            _s("kind", "what the qualifier adds", required=True),
            _s("value_entity", "the value, when it is an entity"),
            _s("value_event", "the value, when it is an event"),
            _s("value_literal", "the value, when it is words"),
        ),
        ("statement", "position"),
        (_fk("statement", "statements"), *_keys(Statement, ("qualifiers", EACH))),
        tuple(rows),
    )


def _evidence(dataset: Dataset) -> Table:
    rows: list[tuple[Cell, ...]] = []
    facts: Sequence[Event | Statement] = (*dataset.events, *dataset.statements)
    for fact in facts:
        event, statement = (fact.id, None) if isinstance(fact, Event) else (None, fact.id)
        for number, span in enumerate(fact.evidence):
            rows.append((fact.id, number, event, statement, span.start, span.end, span.text))
    return Table(
        "evidence",
        "The words of the article that state each fact (offsets in code points, half-open)",
        (
            _s("fact", "the event's or statement's id", required=True),
            Field("position", "integer", "order among the fact's evidence", True),
            _s("event", "the event, when the fact is an event"),
            _s("statement", "the statement, when the fact is a statement"),
            Field("start", "integer", "first code point", True),
            Field("end", "integer", "one past the last code point", True),
            _s("text", "the words, article.text[start:end]", required=True),
        ),
        ("fact", "position"),
        (_fk("event", "events"), _fk("statement", "statements")),
        tuple(rows),
    )


def _mentions(dataset: Dataset) -> Table:
    # One row per target: words that refer to several things have a row for each.
    rows = tuple(
        (
            number,
            position,
            mention.span.start,
            mention.span.end,
            mention.span.text,
            *_ref(target, dataset),
            mention.metonymy,
            mention.literal,
            mention.note or None,
        )
        for number, mention in enumerate(dataset.mentions)
        for position, target in enumerate(mention.targets)
    )
    return Table(
        "mentions",
        "Words of the article that refer to an entity or an event",
        (
            Field("number", "integer", "the mention's place in text order", True),
            Field(
                "target_position",
                "integer",
                "the target's place among the mention's targets, in the words' order",
                True,
            ),
            Field("start", "integer", "first code point", True),
            Field("end", "integer", "one past the last code point", True),
            _s("text", "the words", required=True),
            _s("target_entity", "what the words refer to, when it is an entity"),
            _s("target_event", "what the words refer to, when it is an event"),
            Field("metonymy", "boolean", "the words name something else than they mean", True),
            _s("literal", "for a metonymy, what the words literally name"),
            _s("note", "a note on the mention"),
        ),
        ("number", "target_position"),
        _keys(Mention, targets="target"),
        rows,
    )


def _sources(dataset: Dataset) -> Table:
    return Table(
        "sources",
        "Public sources that enrichments and verdicts cite",
        (
            _s("id", "the source's id", required=True),
            _s("title", "its own title; in square brackets, a description", required=True),
            _s("url", "where it is"),
            _s("publisher", "who published it"),
            _s("published", "when, as ISO 8601 text"),
            _s("wikidata", "Wikidata QID of the source itself, where verified"),
        ),
        ("id",),
        (),
        tuple(
            (s.id, s.title, s.url, s.publisher, s.published, s.wikidata) for s in dataset.sources
        ),
    )


def _citations(dataset: Dataset) -> Table:
    # Every reference to sources the format declares, of the article and of each record.
    holders: list[tuple[type, str, Sequence[Article | Entity | Event | Statement]]] = [
        (Article, "article", (dataset.article,)),
        (Entity, "entity", tuple(dataset.entities)),
        (Event, "event", tuple(dataset.events)),
        (Statement, "statement", tuple(dataset.statements)),
    ]
    rows: dict[tuple[Cell, ...], None] = {}
    for cls, kind, records in holders:
        cited = [r for r in references(cls) if _cited(r)]
        for record in records:
            for reference in cited:
                field = ".".join(step for step in reference.path if step != EACH)
                for _, source in reference.located(record):
                    rows[(record.id, kind, field, source)] = None
    return Table(
        "citations",
        "Which source backs which part of a record",
        (
            _s("record", "the citing record's id", required=True),
            _s("record_type", "article, entity, event or statement", required=True),
            _s(
                "field",
                "the field that cites it, as a dotted path: sources, verdict.sources, "
                "time.sources, time.bound_sources, record_time.sources …",
                required=True,
            ),
            _s("source", "the source's id", required=True),
        ),
        ("record", "field", "source"),
        (_fk("source", "sources"),),
        tuple(rows),
    )


def tables(dataset: Dataset) -> tuple[Table, ...]:
    """Every table of ``dataset``, referenced tables before those that refer to them."""
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    return (
        _article(dataset),
        _sources(dataset),
        _entities(dataset),
        _events(dataset),
        _participants(dataset),
        _statements(dataset),
        _qualifiers(dataset),
        _evidence(dataset),
        _mentions(dataset),
        _citations(dataset),
    )
