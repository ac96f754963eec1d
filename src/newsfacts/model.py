"""The records of the data model: frozen, slotted attrs classes.

Every record compares and hashes by value, pickles and copies, and cannot be
changed after construction (``attrs.evolve`` makes a changed copy). Collections
inside records are tuples. Construction checks what a record can check on its
own (a span's bounds, an id's shape); what needs the whole dataset (does this
id resolve? does this span match the text?) is the validator's job.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, TypeVar

import attrs

from ._checks import to_tuple
from ._validators import (
    _PATTERN_CHECKS,
    ID_PATTERN,
    _clip,
    _enum,
    _id,
    _ids,
    _instance_of,
    _matches,
    _nonempty,
    _opt_id,
    _opt_iso_date,
    _opt_qid,
    _opt_str,
    _optional,
    _str,
    _tuple_of,
)
from .entity import Entity
from .format import refers
from .timespec import TimeSpec
from .vocabulary import (
    EventKind,
    EventStatus,
    Modality,
    Origin,
    PloverType,
    Predicate,
    QualifierKind,
    Rating,
    Role,
)

__all__ = [
    "Article",
    "Attribution",
    "Entity",
    "Event",
    "Fact",
    "LiteralValue",
    "Mention",
    "Participant",
    "Qualifier",
    "Source",
    "Span",
    "Statement",
    "TextPositionSelector",
    "TextQuoteSelector",
    "Verdict",
]

# ``ID_PATTERN`` and the other validators are defined in ``_validators``, shared with ``entity``.
_CAMEO = re.compile(r"[0-9]{2,4}")
_SHA256 = re.compile(r"[0-9a-f]{64}")

_T = TypeVar("_T")


# --- text positions ---------------------------------------------------------


@attrs.frozen
class TextPositionSelector:
    """W3C Web Annotation ``TextPositionSelector``: code-point offsets, half-open."""

    start: int
    end: int
    type: ClassVar[str] = "TextPositionSelector"

    def as_dict(self) -> dict[str, str | int]:
        return {"type": self.type, "start": self.start, "end": self.end}


@attrs.frozen
class TextQuoteSelector:
    """W3C Web Annotation ``TextQuoteSelector``: the exact words with some context."""

    exact: str
    prefix: str
    suffix: str
    type: ClassVar[str] = "TextQuoteSelector"

    def as_dict(self) -> dict[str, str]:
        return {
            "type": self.type,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


def _check_span(instance: Span, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"text must be a str, got {type(value).__name__}")
    if instance.end < instance.start:
        raise ValueError(f"span end {instance.end} is before its start {instance.start}")
    if len(value) != instance.end - instance.start:
        raise ValueError(
            f"span text has {len(value)} code points but [{instance.start}, {instance.end}) "
            f"covers {instance.end - instance.start}"
        )


def _offset(instance: Any, attribute: attrs.Attribute[int], value: object) -> None:
    # Own messages, not attrs': those repeat the value, however huge.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(order=True)
class Span:
    """Words of the article: ``article.text[start:end] == text``.

    Offsets are Unicode code points (Python ``str`` indexes), half-open.
    Spans order by position.
    """

    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)
    text: str = attrs.field(validator=_check_span, order=False)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        """Whether the code point at ``offset`` lies in the span."""
        if not isinstance(offset, int):
            raise TypeError(f"offset must be an int, got {type(offset).__name__}")
        return self.start <= offset < self.end

    def covers(self, other: Span) -> bool:
        """Whether ``other`` lies wholly within this span."""
        if not isinstance(other, Span):
            raise TypeError(f"expected a Span, got {type(other).__name__}")
        return self.start <= other.start and other.end <= self.end

    def position_selector(self) -> TextPositionSelector:
        return TextPositionSelector(self.start, self.end)

    def quote_selector(self, source_text: str, context: int = 32) -> TextQuoteSelector:
        """The quote with up to ``context`` code points either side, from ``source_text``."""
        if not isinstance(source_text, str):
            raise TypeError(f"source_text must be a str, got {type(source_text).__name__}")
        if not isinstance(context, int) or isinstance(context, bool):
            raise TypeError(f"context must be an int, got {type(context).__name__}")
        if context < 0:
            raise ValueError(f"context must be >= 0, got {context}")
        if source_text[self.start : self.end] != self.text:
            raise ValueError(f"span {self.start}:{self.end} does not match the given text")
        return TextQuoteSelector(
            exact=self.text,
            prefix=source_text[max(0, self.start - context) : self.start],
            suffix=source_text[self.end : self.end + context],
        )


# --- small values -----------------------------------------------------------


@attrs.frozen
class LiteralValue:
    """A literal object of a statement (words, not an entity)."""

    value: str = attrs.field(validator=_nonempty)

    def __str__(self) -> str:
        return self.value


# The class's first name, kept so that existing code runs; outside ``__all__``,
# so that ``from newsfacts import *`` no longer shadows ``typing.Literal``.
Literal = LiteralValue


def _id_or_literal(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, Literal):
        return
    if not isinstance(value, str):
        raise TypeError(
            f"{attribute.name} must be an id (str) or a Literal, got {type(value).__name__}"
        )
    if ID_PATTERN.fullmatch(value) is None:
        raise ValueError(
            f"{attribute.name} must be a lowercase kebab-case id or a Literal, got {_clip(value)!r}"
        )


# A literal passes; a str passes when it is an id.
_PATTERN_CHECKS[_id_or_literal] = ID_PATTERN


@attrs.frozen
class Qualifier:
    """Adds to a statement: ``recognizes Jerusalem`` *as capital of* ``israel``.

    ``value`` is the id of an entity or event, or a :class:`LiteralValue` (a
    manner: "tepid").
    """

    kind: QualifierKind = attrs.field(validator=_enum(QualifierKind))
    value: str | Literal = attrs.field(
        validator=_id_or_literal, metadata=refers("entities", "events", involves=True)
    )

    @property
    def value_id(self) -> str | None:
        return self.value if isinstance(self.value, str) else None


@attrs.frozen
class Participant:
    """An entity taking part in an event, in a role."""

    entity: str = attrs.field(validator=_id, metadata=refers("entities", involves=True))
    role: Role = attrs.field(validator=_enum(Role))


@attrs.frozen
class Attribution:
    """Who asserts a fact.

    No ``claimants`` is the article's own voice. Otherwise the fact is the
    claimants', which the article reports (``verb`` says how: "argue",
    "suggest"); a reported claim is never the article's plain fact.
    """

    claimants: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=_ids,
        metadata=refers("entities", involves=True),
    )
    verb: str = attrs.field(default="", validator=_str)

    @property
    def is_reported(self) -> bool:
        return bool(self.claimants)


ARTICLE_VOICE = Attribution()


@attrs.frozen
class Verdict:
    """How a fact stands against the public record, with a note and sources.

    The ratings are also reachable here: ``Verdict.FALSE is Rating.FALSE``, so
    ``statements.filter(verdict=Verdict.FALSE)`` reads as it should.
    """

    rating: Rating = attrs.field(validator=_enum(Rating))
    note: str = attrs.field(default="", validator=_str)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_ids, metadata=refers("sources")
    )

    SUPPORTED: ClassVar[Rating] = Rating.SUPPORTED
    SIMPLIFIED: ClassVar[Rating] = Rating.SIMPLIFIED
    MISLEADING: ClassVar[Rating] = Rating.MISLEADING
    FALSE: ClassVar[Rating] = Rating.FALSE
    OPINION: ClassVar[Rating] = Rating.OPINION
    UNCHECKED: ClassVar[Rating] = Rating.UNCHECKED


@attrs.frozen
class Source:
    """A public source that an enrichment or a verdict cites.

    ``title`` is the source's own title where it is known; a title in square
    brackets is a description, never a made-up headline. ``wikidata`` is the
    source's own Wikidata item, set only where verified, as an entity's is.

    Raises :class:`TypeError` for a field of the wrong type and
    :class:`ValueError` for an ``id`` that is not a kebab-case id, an empty
    ``title``, a ``published`` that is not an ISO 8601 date (``2018-02-30``,
    ``yesterday``) or a ``wikidata`` that is not a QID.
    """

    id: str = attrs.field(validator=_id)
    title: str = attrs.field(validator=_nonempty)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    publisher: str | None = attrs.field(default=None, validator=_opt_str)
    published: str | None = attrs.field(default=None, validator=_opt_iso_date)
    """Publication date as ISO 8601 text at the precision known: ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` (a real month and day)."""
    wikidata: str | None = attrs.field(default=None, validator=_opt_qid)
    """The QID of the source's own Wikidata item (``Q…``): the document or database itself,
    which a Wikidata reference names with P248 (*stated in*), never its publisher's item.
    ``None`` where no item is verified. The QuickStatements export writes it as ``S248``."""


# --- the records ------------------------------------------------------------


def _to_targets(value: Any) -> tuple[Any, ...]:
    # One id is the common case: ``Mention(span, "russia")``.
    if isinstance(value, str):
        return (value,)
    return to_tuple(value)


def _targets(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    _ids(instance, attribute, value)
    if not value:
        raise ValueError("targets must name at least one id")
    if len(set(value)) != len(value):
        raise ValueError(f"targets must not repeat an id, got {value!r}")


@attrs.frozen
class Mention:
    """Words of the article that refer to one entity or event, or to several at once.

    ``targets`` holds the ids of what the words refer to, in the words' order:
    ``Mention(span, "russia")`` refers to one thing (a lone id becomes a
    1-tuple), ``Mention(span, ("israel", "united-states"))`` to both, as
    "they" does for two parties named before. In JSON the key is ``"targets"``
    (an array of ids); the loader also reads the older ``"target"`` (one id).

    ``metonymy`` is true when the words name something else than what they
    refer to ("Washington" for the United States, "Tel Aviv" for Israel's
    government); ``literal`` is then what they name, and ``note`` says more.

    Raises :class:`TypeError` for a target that is not a str and
    :class:`ValueError` for no target, a repeated one, or one that is not an id.
    """

    span: Span = attrs.field(validator=_instance_of(Span))
    targets: tuple[str, ...] = attrs.field(
        converter=_to_targets, validator=_targets, metadata=refers("entities", "events")
    )
    metonymy: bool = attrs.field(default=False, validator=_instance_of(bool))
    literal: str | None = attrs.field(default=None, validator=_opt_id, metadata=refers("entities"))
    """For a metonymy, the id of what the words literally name (``tel-aviv``), where the dataset has it."""
    note: str = attrs.field(default="", validator=_str)

    @property
    def target(self) -> str:
        """The first of ``targets`` (the only one for most mentions)."""
        return self.targets[0]

    @staticmethod
    def _upgrade_json(value: dict[str, Any]) -> dict[str, Any]:
        # The older JSON form had one id under "target".
        if "target" not in value or "targets" in value:
            return value
        upgraded = {key: item for key, item in value.items() if key != "target"}
        old = value["target"]
        upgraded["targets"] = [old] if isinstance(old, str) else old
        return upgraded


_spans = _tuple_of(Span)
_opt_time = attrs.validators.optional(_instance_of(TimeSpec))
_opt_verdict = attrs.validators.optional(_instance_of(Verdict))


@attrs.frozen
class Event:
    """Something that happened, is planned or goes on, with who took part, where and when.

    ``time`` is what the article says; ``record_time`` the public record's
    finer date, an enrichment with its sources. ``evidence`` holds the words
    that state the event; an enrichment has none and names ``sources``.
    """

    id: str = attrs.field(validator=_id)
    kind: EventKind = attrs.field(validator=_enum(EventKind))
    label: str = attrs.field(validator=_nonempty)
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_tuple_of(Participant)
    )
    place: str | None = attrs.field(
        default=None, validator=_opt_id, metadata=refers("entities", involves=True)
    )
    time: TimeSpec | None = attrs.field(default=None, validator=_opt_time)
    status: EventStatus = attrs.field(default=EventStatus.HAPPENED, validator=_enum(EventStatus))
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=to_tuple, validator=_spans)
    attribution: Attribution = attrs.field(
        default=ARTICLE_VOICE, validator=_instance_of(Attribution)
    )
    modality: Modality = attrs.field(default=Modality.ASSERTED, validator=_enum(Modality))
    verdict: Verdict | None = attrs.field(default=None, validator=_opt_verdict)
    cameo: str | None = attrs.field(
        default=None, validator=_optional(_matches(_CAMEO, "a CAMEO code"))
    )
    plover: PloverType | None = attrs.field(
        default=None, validator=attrs.validators.optional(_enum(PloverType))
    )
    wikidata: str | None = attrs.field(default=None, validator=_opt_qid)
    part_of: str | None = attrs.field(
        default=None, validator=_opt_id, metadata=refers("events", involves=True)
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_tuple_of(str))
    origin: Origin = attrs.field(default=Origin.ARTICLE, validator=_enum(Origin))
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_ids, metadata=refers("sources")
    )
    record_time: TimeSpec | None = attrs.field(default=None, validator=_opt_time)
    record_place: str | None = attrs.field(
        default=None, validator=_opt_id, metadata=refers("entities", involves=True)
    )

    @property
    def name(self) -> str:
        return self.label

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def participants_in(self, role: Role) -> tuple[str, ...]:
        """Ids of the participants in ``role``."""
        return tuple(p.entity for p in self.participants if p.role is role)

    def __str__(self) -> str:
        when = f" [{self.time.edtf}]" if self.time is not None else ""
        return f"{self.label}{when} ({self.id})"


@attrs.frozen
class Statement:
    """A typed relation: subject, predicate, object, with qualifiers and provenance.

    ``object`` is an entity or event id, or a :class:`LiteralValue`. ``negated``
    states that the relation does *not* hold ("no longer qualified").
    """

    id: str = attrs.field(validator=_id)
    subject: str = attrs.field(validator=_id, metadata=refers("entities", "events", involves=True))
    predicate: Predicate = attrs.field(validator=_enum(Predicate))
    object: str | Literal = attrs.field(
        validator=_id_or_literal, metadata=refers("entities", "events", involves=True)
    )
    qualifiers: tuple[Qualifier, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_tuple_of(Qualifier)
    )
    time: TimeSpec | None = attrs.field(default=None, validator=_opt_time)
    negated: bool = attrs.field(default=False, validator=_instance_of(bool))
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=to_tuple, validator=_spans)
    attribution: Attribution = attrs.field(
        default=ARTICLE_VOICE, validator=_instance_of(Attribution)
    )
    modality: Modality = attrs.field(default=Modality.ASSERTED, validator=_enum(Modality))
    verdict: Verdict | None = attrs.field(default=None, validator=_opt_verdict)
    origin: Origin = attrs.field(default=Origin.ARTICLE, validator=_enum(Origin))
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_ids, metadata=refers("sources")
    )
    record_time: TimeSpec | None = attrs.field(default=None, validator=_opt_time)
    label: str = attrs.field(default="", validator=_str)
    """The statement as an English sentence a person would write ("Israel has kept the Golan
    Heights under its authority since 1967"), or ``""``, when displays compose one from
    subject, predicate and object."""

    @property
    def object_id(self) -> str | None:
        """The object's id, or ``None`` when the object is a literal."""
        return self.object if isinstance(self.object, str) else None

    def __str__(self) -> str:
        neg = "not " if self.negated else ""
        return f"{self.subject} {neg}{self.predicate.info.label} {self.object} ({self.id})"


Fact = Event | Statement
"""Either kind of fact: what ``evidence`` and verdict queries accept."""


@attrs.frozen
class Article:
    """The source text and what is known of its publication.

    ``sentences`` are spans that together cover every non-blank code point of
    ``text``. ``title`` is the publisher's; ``None`` when it is not known.
    """

    id: str = attrs.field(validator=_id)
    text: str = attrs.field(validator=_str, repr=False)
    sha256: str = attrs.field(validator=_matches(_SHA256, "a lowercase hex SHA-256 digest"))
    sentences: tuple[Span, ...] = attrs.field(converter=to_tuple, validator=_spans)
    publisher: str = attrs.field(validator=_nonempty)
    published: TimeSpec | None = attrs.field(default=None, validator=_opt_time)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    language: str = attrs.field(default="en", validator=_nonempty)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_ids, metadata=refers("sources")
    )

    def __len__(self) -> int:
        return len(self.text)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding the code point at ``offset``, or ``None``."""
        if not isinstance(offset, int):
            raise TypeError(f"offset must be an int, got {type(offset).__name__}")
        for sentence in self.sentences:
            if sentence.contains(offset):
                return sentence
        return None

    def quote(self, span: Span, context: int = 32) -> TextQuoteSelector:
        if not isinstance(span, Span):
            raise TypeError(f"expected a Span, got {type(span).__name__}")
        return span.quote_selector(self.text, context)
