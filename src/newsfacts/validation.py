"""Consistency checks over a whole dataset.

:func:`validate` returns every problem it finds as a :class:`Problem`, never
stopping at the first: a dataset is consistent when the tuple is empty. Each
problem names the file and JSON path of the record at fault, so a problem in
a dataset of one's own can be found in its files.

The checks, by :class:`ProblemCode`:

- ids are unique across the whole dataset, and every reference resolves to a
  record of the right kind;
- every span lies inside the article and equals its text; sentences do not
  overlap, cover every non-blank code point, and each states some fact;
- a mention of an event lies within the event's evidence; every entity of
  the article is mentioned, and no enrichment is; no two mentions have the
  same span and the same targets (in any order), which would count the same
  words twice (the same words may be two mentions of different targets, as
  for several readings);
- statements respect their predicate's domain and range, and a relation
  stated both ways (through its inverse, or a symmetric one turned round)
  agrees on whether it holds;
- no event is part of itself through ``part_of``, directly or in a cycle;
- time bounds are ordered, the record's date lies within what the article
  says, and an event or statement falls within the lifetime of the entities
  it involves where that is known;
- an enrichment names its sources and has no evidence; an article fact has
  evidence and a verdict, and a verdict that is not self-explaining has a
  note;
- no name (alias, id, external id) answers for two records of one registry;
- the article's SHA-256 matches its text;
- every URL (the article's, the sources', the dataset's homepage) is an
  absolute IRI (RFC 3987), as the RDF exports need.
- an office, government body or agency is tied to its jurisdiction
  (``applies_to_jurisdiction``), its parent (``part_of``) or whom it
  represents (``represents``): the relations whose ``PredicateInfo.ties`` is set;
- the words of an explicit or publication-resolved time lie in the fact's
  evidence; a statement of a state of affairs (an office, a membership,
  control, a capital, an alliance, a territory part of a state) has a time;
  a proposed or scheduled event does not lie wholly before publication;
- a false, misleading or simplified verdict cites a source; an unchecked one
  has no source bearing on the fact;
- every English third-person pronoun of the article lies in a mention;
- a CAMEO code is in the CAMEO codebook, a PLOVER type fits its CAMEO code
  (see :mod:`newsfacts.cameo`), and a predicate exported as a Wikidata
  property has ends that the property admits.

Every check is a dict look-up or a pass over a sorted index, so validation
grows with the size of the dataset, not with its square: it runs on every
:func:`~newsfacts.load_path`.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import hashlib
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._passes import column, distinct, holds, members, some
from .cameo import CAMEO_CODES, PLOVER_TYPES
from .codec import json_path
from .format import DATASET_FILE, KINDS, Reference, references
from .model import Article, Entity, Event, Mention, Span, Statement, Verdict
from .names import fold
from .timespec import TimeSpec
from .vocabulary import EntityKind, EventStatus, Origin, Predicate, Rating, Resolution

if TYPE_CHECKING:
    from .dataset import Dataset
    from .registry import Registry

__all__ = ["Problem", "ProblemCode", "validate"]


class ProblemCode(enum.Enum):
    """What kind of inconsistency a :class:`Problem` is; the value is a stable slug."""

    DUPLICATE_ID = "duplicate-id"
    UNRESOLVED_REFERENCE = "unresolved-reference"
    WRONG_REFERENCE_KIND = "wrong-reference-kind"
    SPAN_OUTSIDE_TEXT = "span-outside-text"
    SPAN_MISMATCH = "span-mismatch"
    SENTENCES_OVERLAP = "sentences-overlap"
    TEXT_NOT_COVERED = "text-not-covered"
    SENTENCE_WITHOUT_FACT = "sentence-without-fact"
    MENTION_OUTSIDE_EVIDENCE = "mention-outside-evidence"
    ENTITY_NOT_MENTIONED = "entity-not-mentioned"
    ENRICHMENT_MENTIONED = "enrichment-mentioned"
    DOMAIN = "domain"
    RANGE = "range"
    INVERSE_DISAGREES = "inverse-disagrees"
    TIME_ORDER = "time-order"
    OUTSIDE_LIFETIME = "outside-lifetime"
    RECORD_TIME_CONTRADICTS = "record-time-contradicts"
    ENRICHMENT_WITHOUT_SOURCE = "enrichment-without-source"
    ENRICHMENT_WITH_EVIDENCE = "enrichment-with-evidence"
    ARTICLE_FACT_WITHOUT_EVIDENCE = "article-fact-without-evidence"
    MISSING_VERDICT = "missing-verdict"
    VERDICT_WITHOUT_NOTE = "verdict-without-note"
    ALIAS_COLLISION = "alias-collision"
    HASH_MISMATCH = "hash-mismatch"
    PART_OF_CYCLE = "part-of-cycle"
    INVALID_IRI = "invalid-iri"
    UNTIED_BODY = "untied-body"
    """An office, government body or agency with no jurisdiction or parent."""
    TIME_WORDS_OUTSIDE_EVIDENCE = "time-words-outside-evidence"
    """An explicit or publication-resolved time whose words are not in the fact's evidence."""
    STATE_WITHOUT_TIME = "state-without-time"
    """A statement of a state of affairs that holds over an interval, with no time."""
    STATUS_BEFORE_PUBLICATION = "status-before-publication"
    """A proposed or scheduled event whose time lies wholly before publication."""
    VERDICT_WITHOUT_SOURCE = "verdict-without-source"
    """A false, misleading or simplified verdict that cites no source."""
    UNCHECKED_WITH_SOURCES = "unchecked-with-sources"
    """An unchecked verdict that cites sources: they bear on the fact, so rate it."""
    UNRESOLVED_PRONOUN = "unresolved-pronoun"
    """An English third-person pronoun of the article that no mention covers."""
    UNKNOWN_CAMEO = "unknown-cameo"
    """A CAMEO code that is not in the CAMEO codebook."""
    PLOVER_MISFIT = "plover-misfit"
    """A PLOVER type that does not fit the event's CAMEO code."""
    WIKIDATA_MISFIT = "wikidata-misfit"
    """A statement whose ends the Wikidata property of its predicate does not admit."""
    DUPLICATE_MENTION = "duplicate-mention"
    """A mention whose span and targets (in any order) are those of an earlier mention."""


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("ids must be a sequence of str, got a str")
    return tuple(value)


@attrs.frozen
class Problem:
    """One inconsistency: its code, a message, the ids involved, and where it is.

    ``file`` is the name of the dataset file (``"entities.json"``) and
    ``path`` the JSONPath of the value at fault within it
    (``"$[3].aliases[0]"``). ``str(problem)`` is one stable line,
    ``FILE PATH: [CODE] MESSAGE``, meant for people and for ``grep``.
    """

    code: ProblemCode = attrs.field(validator=attrs.validators.instance_of(ProblemCode))
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    ids: tuple[str, ...] = attrs.field(
        default=(),
        converter=_str_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str)),
    )
    file: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    path: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )

    @property
    def location(self) -> str:
        """``"FILE PATH"``, or whichever of the two is known, or ``""``."""
        return " ".join(part for part in (self.file, self.path) if part)

    def as_dict(self) -> dict[str, str | list[str] | None]:
        """A JSON-ready form: ``code`` (the slug), ``message``, ``ids``, ``file``, ``path``."""
        return {
            "code": self.code.value,
            "message": self.message,
            "ids": list(self.ids),
            "file": self.file,
            "path": self.path,
        }

    def __str__(self) -> str:
        where = self.location
        prefix = f"{where}: " if where else ""
        return f"{prefix}[{self.code.value}] {self.message}"


# Where each kind of record lives in the JSON form.
_KINDS = {kind.registry: kind for kind in KINDS}
ENTITIES_FILE = _KINDS["entities"].file
EVENTS_FILE = _KINDS["events"].file
STATEMENTS_FILE = _KINDS["statements"].file
MENTIONS_FILE = _KINDS["mentions"].file
SOURCES_FILE = _KINDS["sources"].file

# Ratings a verdict can carry without a note.
_SELF_EXPLAINING = frozenset({Rating.SUPPORTED, Rating.UNCHECKED})
# Ratings that say the record contradicts the words: they need a source.
_CORRECTING = frozenset({Rating.FALSE, Rating.MISLEADING, Rating.SIMPLIFIED})
# Kinds that belong to something larger, and the predicates that tie them to it.
_BELONGING = frozenset({EntityKind.OFFICE, EntityKind.GOVERNMENT_BODY, EntityKind.AGENCY})
# The relations that tie a body to what it belongs to or acts for (PredicateInfo.ties).
_TIES = frozenset(predicate for predicate in Predicate if predicate.info.ties)
# Times whose value the words give: their words must be in the evidence.
_WORDED = frozenset({Resolution.EXPLICIT, Resolution.PUBLICATION})
_PENDING = frozenset({EventStatus.PROPOSED, EventStatus.SCHEDULED})
# English third-person personal pronouns (the possessive and reflexive forms too).
_PRONOUN = re.compile(
    r"\b(?:he|him|his|himself|she|her|hers|herself|it|its|itself"
    r"|they|them|their|theirs|themselves)\b",
    re.IGNORECASE,
)

# The registries a reference may point into (all with ids), in the order a message names them.
_REGISTRIES = tuple(kind.registry for kind in KINDS if "id" in attrs.fields_dict(kind.cls))

_Segment = str | int
# A mention's span (start, end, words) and targets: in order, or as a set for several.
_MentionKey = tuple[int, int, str, tuple[str, ...] | frozenset[str]]


def _located_names(kind: str, record: Entity | Event) -> Iterator[tuple[str, tuple[_Segment, ...]]]:
    # Every name the registry answers to, with the JSON path of its field.
    yield record.id, ("id",)
    yield from _KINDS[kind].names.located(record)


def _dated(record: Event | Statement) -> TimeSpec | None:
    # The finest time known: the record's where it has one.
    return record.record_time if record.record_time is not None else record.time


def _compatible(a: TimeSpec | None, b: TimeSpec | None) -> bool:
    # Undated facts hold at any time; dated ones only where their bounds meet.
    if a is None or b is None:
        return True
    return a.overlaps(b.earliest, b.latest)


def _clip_ids(ids: list[str], limit: int = 8) -> list[str]:
    # A message stays one readable line however long the cycle is.
    return ids if len(ids) <= limit else [*ids[: limit - 1], "…", ids[-1]]


def _ordinal_bounds(time: TimeSpec | None) -> tuple[int, int]:
    # Undated facts hold at any time: their bounds are the widest there are.
    if time is None:
        return (1, datetime.date.max.toordinal())
    return (time.earliest.toordinal(), time.latest.toordinal())


class _Overlaps:
    """Closed day ranges added one by one; does any added range meet a given one?

    A Fenwick tree over the ranges' earliest days (known in advance, through
    :meth:`add_bound`) keeps the largest latest day, with its range's index,
    of every prefix: a range ``[start, end]`` meets an added one when, among
    those starting on or before ``end``, the latest end reaches ``start``.
    Each insertion and query costs O(log n).
    """

    __slots__ = ("_bounds", "_tree")

    def __init__(self) -> None:
        self._bounds: list[int] = []
        self._tree: list[tuple[int, int]] = []

    def add_bound(self, earliest: int) -> None:
        self._bounds.append(earliest)

    def freeze(self) -> None:
        self._bounds = sorted(set(self._bounds))
        self._tree = [(-1, -1)] * (len(self._bounds) + 1)

    def insert(self, bounds: tuple[int, int], index: int) -> None:
        position = bisect.bisect_left(self._bounds, bounds[0]) + 1
        tree = self._tree
        while position < len(tree):
            if tree[position][0] < bounds[1]:
                tree[position] = (bounds[1], index)
            position += position & -position

    def meets(self, bounds: tuple[int, int]) -> int | None:
        """The index of an added range that meets ``bounds``, else ``None``."""
        position = bisect.bisect_right(self._bounds, bounds[1])
        best = (-1, -1)
        tree = self._tree
        while position > 0:
            if tree[position][0] > best[0]:
                best = tree[position]
            position -= position & -position
        return best[1] if best[0] >= bounds[0] else None


class _Checker:
    def __init__(self, dataset: Dataset) -> None:
        self.ds = dataset
        self.text = dataset.article.text
        self.problems: list[Problem] = []
        # Every registry with ids, by name, as read-only mappings for ``in``.
        self.ids_of = {name: getattr(dataset, name).as_mapping() for name in _REGISTRIES}
        self._evidence: Sequence[Span] | None = None

    def add(
        self,
        code: ProblemCode,
        message: str,
        ids: Iterable[str],
        file: str,
        *segments: _Segment,
    ) -> None:
        self.problems.append(Problem(code, message, tuple(ids), file, json_path(segments)))

    # --- shared pieces -------------------------------------------------------

    def holders(self) -> Iterator[tuple[str, tuple[_Segment, ...], tuple[object, ...], type]]:
        """Every place records live: (file, JSON path prefix, records, their class), in file order."""
        yield DATASET_FILE, ("article",), (self.ds.article,), Article
        for kind in KINDS:
            records: tuple[object, ...] = tuple(getattr(self.ds, kind.registry))
            yield kind.file, (), records, kind.cls

    @staticmethod
    def owner(record: object) -> tuple[str, ...]:
        # The ids a problem of a record names: its own, or a mention's targets.
        if isinstance(record, Mention):
            return record.targets
        record_id: str = getattr(record, "id")  # noqa: B009 - every other holder has an id
        return (record_id,)

    def reference_problem(
        self,
        value: str,
        allowed: tuple[str, ...],
        ids: tuple[str, ...],
        file: str,
        *segments: _Segment,
    ) -> None:
        """``value`` is not the id of a record of the ``allowed`` registries: say what it is."""
        found = [name for name in _REGISTRIES if value in self.ids_of[name]]
        if not found:
            self.add(
                ProblemCode.UNRESOLVED_REFERENCE,
                f"{value!r} is not the id of any record",
                (*ids, value),
                file,
                *segments,
            )
        else:
            self.add(
                ProblemCode.WRONG_REFERENCE_KIND,
                f"{value!r} is one of the {found[0]}, expected one of the {' or '.join(allowed)}",
                (*ids, value),
                file,
                *segments,
            )

    def span_fault(self, span: Span) -> tuple[ProblemCode, str] | None:
        if span.end > len(self.text):
            return (
                ProblemCode.SPAN_OUTSIDE_TEXT,
                f"span {span.start}:{span.end} ends past the text ({len(self.text)} code points)",
            )
        if self.text[span.start : span.end] != span.text:
            return (
                ProblemCode.SPAN_MISMATCH,
                f"span {span.start}:{span.end} says {span.text[:60]!r} but the text there is "
                f"{self.text[span.start : span.end][:60]!r}",
            )
        return None

    def time(
        self, time: TimeSpec | None, ids: tuple[str, ...], file: str, *segments: _Segment
    ) -> None:
        # TimeSpec refuses inverted bounds when built; this guards data made otherwise.
        if (
            time is not None
            and time.start is not None
            and time.end is not None
            and time.start.earliest > time.end.latest
        ):
            self.add(
                ProblemCode.TIME_ORDER,
                f"time {time.edtf} ends before it starts",
                ids,
                file,
                *segments,
            )

    def lifetime(
        self,
        kind: str,
        record: Event | Statement,
        entity_id: str,
        file: str,
        *segments: _Segment,
    ) -> None:
        """A dated fact must fall within the lifetime of an entity it involves, where known."""
        entity = self.ds.entities.get(entity_id)
        time = _dated(record)
        if entity is None or time is None:
            return
        if entity.inception is not None and time.latest < entity.inception.earliest:
            self.add(
                ProblemCode.OUTSIDE_LIFETIME,
                f"{kind} {record.id!r} ({time.edtf}) is before {entity.id!r} existed "
                f"({entity.inception.edtf})",
                (record.id, entity.id),
                file,
                *segments,
            )
        if entity.dissolved is not None and time.earliest > entity.dissolved.latest:
            self.add(
                ProblemCode.OUTSIDE_LIFETIME,
                f"{kind} {record.id!r} ({time.edtf}) is after {entity.id!r} was dissolved "
                f"({entity.dissolved.edtf})",
                (record.id, entity.id),
                file,
                *segments,
            )

    # --- the checks ----------------------------------------------------------

    def unique_ids(self) -> None:
        # One id space: the article's id is taken too (exports key records by id).
        ds = self.ds
        registries = (ds.entities, ds.events, ds.statements, ds.sources)
        # Nearly always every id is new: one set says so for all of them at once.
        records = sum(len(registry) for registry in registries)
        if len({ds.article.id}.union(*(registry.ids for registry in registries))) == records + 1:
            return
        seen: dict[str, str] = {ds.article.id: f"{DATASET_FILE}, the article"}
        ids_by_file = (
            (ENTITIES_FILE, column(ds.entities, "id")),
            (EVENTS_FILE, column(ds.events, "id")),
            (STATEMENTS_FILE, column(ds.statements, "id")),
            (SOURCES_FILE, column(ds.sources, "id")),
        )
        for file, ids in ids_by_file:
            for index, record_id in enumerate(ids):
                if record_id in seen:
                    self.add(
                        ProblemCode.DUPLICATE_ID,
                        f"id {record_id!r} is used again (first in {seen[record_id]})",
                        (record_id,),
                        file,
                        index,
                        "id",
                    )
                else:
                    seen[record_id] = file

    def references(self) -> None:
        """Every id a record holds, where the format declares one, names a record of a kind it may.

        The distinct ids of each reference are checked at once; the records
        are walked again, in file order, only to name those at fault.
        """
        for file, prefix, records, cls in self.holders():
            failing: list[tuple[Reference, set[str]]] = []
            # References that start at one field (time.sources, time.bound_sources) share its column.
            firsts: dict[str, Sequence[Any]] = {}
            for reference in references(cls):
                first = reference.path[0]
                if first not in firsts:
                    values = column(records, first)
                    # Where the path goes on, only the distinct values matter.
                    firsts[first] = distinct(values) if len(reference.path) > 1 else values
                ids = reference.ids_from(firsts[first])
                # A set difference with the registries' keys, in C.
                bad = ids.difference(*(self.ids_of[kind] for kind in reference.kinds))
                if bad:
                    failing.append((reference, bad))
            if not failing:
                continue
            for index, record in enumerate(records):
                at: tuple[_Segment, ...] = prefix if prefix else (index,)
                for reference, bad in failing:
                    for segments, value in reference.located(record):
                        if value in bad:
                            self.reference_problem(
                                value, reference.kinds, self.owner(record), file, *at, *segments
                            )

    def evidence_spans(self) -> Sequence[Span]:
        """The distinct spans (by identity) of every fact's evidence, taken once per check run."""
        if self._evidence is None:
            tuples = (*column(self.ds.events, "evidence"), *column(self.ds.statements, "evidence"))
            self._evidence = distinct(members(distinct(tuples)))
        return self._evidence

    def spans(self) -> None:
        """Every span lies inside the article and holds its words: each distinct span checked once."""
        ds = self.ds
        spans = (*ds.article.sentences, *self.evidence_spans(), *column(ds.mentions, "span"))
        faults = {id(span): fault for span in distinct(spans) if (fault := self.span_fault(span))}
        if not faults:
            return
        places: list[tuple[str, tuple[_Segment, ...], Sequence[object], str]] = [
            (DATASET_FILE, ("article",), (ds.article,), "sentences"),
            (EVENTS_FILE, (), tuple(ds.events), "evidence"),
            (STATEMENTS_FILE, (), tuple(ds.statements), "evidence"),
            (MENTIONS_FILE, (), ds.mentions, "span"),
        ]
        for file, prefix, records, field in places:
            for index, record in enumerate(records):
                at: tuple[_Segment, ...] = prefix if prefix else (index,)
                value = getattr(record, field)
                if field == "span":
                    located: list[tuple[tuple[_Segment, ...], Span]] = [((field,), value)]
                else:
                    located = [((field, number), span) for number, span in enumerate(value)]
                for segments, span in located:
                    fault = faults.get(id(span))
                    if fault is not None:
                        self.add(fault[0], fault[1], self.owner(record), file, *at, *segments)

    def article(self) -> None:
        article = self.ds.article
        ids = (article.id,)
        digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        if digest != article.sha256:
            self.add(
                ProblemCode.HASH_MISMATCH,
                f"the article's sha256 is {article.sha256}, its text hashes to {digest}",
                ids,
                DATASET_FILE,
                "article",
                "sha256",
            )
        self.time(article.published, ids, DATASET_FILE, "article", "published")
        previous_end = 0
        for index, sentence in enumerate(article.sentences):
            if sentence.start < previous_end:
                self.add(
                    ProblemCode.SENTENCES_OVERLAP,
                    f"sentence {index} starts at {sentence.start}, before the previous one ends "
                    f"({previous_end})",
                    ids,
                    DATASET_FILE,
                    "article",
                    "sentences",
                    index,
                )
            gap = self.text[previous_end : sentence.start]
            if gap.strip():
                self.add(
                    ProblemCode.TEXT_NOT_COVERED,
                    f"text {previous_end}:{sentence.start} ({gap.strip()[:40]!r}) is in no sentence",
                    ids,
                    DATASET_FILE,
                    "article",
                    "sentences",
                    index,
                )
            previous_end = max(previous_end, sentence.end)
        tail = self.text[previous_end:]
        if tail.strip():
            self.add(
                ProblemCode.TEXT_NOT_COVERED,
                f"text from {previous_end} ({tail.strip()[:40]!r}) is in no sentence",
                ids,
                DATASET_FILE,
                "article",
                "sentences",
            )
        self.sentences_with_facts()

    def sentences_with_facts(self) -> None:
        # A sentence states a fact when some evidence span overlaps it. With the
        # spans sorted by start and a running maximum of their ends, "does any
        # span that starts before the sentence ends also end after it starts?"
        # is one bisection per sentence.
        spans = sorted({(span.start, span.end) for span in self.evidence_spans()})
        starts = [start for start, _ in spans]
        reach: list[int] = []
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            reach.append(furthest)
        article = self.ds.article
        for index, sentence in enumerate(article.sentences):
            before = bisect.bisect_left(starts, sentence.end)
            if before == 0 or reach[before - 1] <= sentence.start:
                self.add(
                    ProblemCode.SENTENCE_WITHOUT_FACT,
                    f"sentence {index} ({sentence.text[:50]!r}) is the evidence of no event or "
                    "statement",
                    (article.id,),
                    DATASET_FILE,
                    "article",
                    "sentences",
                    index,
                )

    def mentioned(self) -> set[str]:
        targets = set(members(column(self.ds.mentions, "targets")))
        return targets | {m.literal for m in self.ds.mentions if m.literal is not None}

    def entities(self, mentioned: set[str]) -> None:
        entities = self.ds.entities
        tied: set[str] = set()
        if any(entity.kind in _BELONGING for entity in entities):
            # The subjects of statements that tie them (looked for only when some body needs one).
            statements = self.ds.statements
            predicates = column(statements, "predicate")
            ties = {id(predicate) for predicate in _TIES}
            tied = {
                s.subject
                for s, predicate in zip(statements, predicates, strict=True)
                if id(predicate) in ties and not s.negated and s.object_id is not None
            }
        for index, entity in enumerate(entities):
            ids = (entity.id,)
            if entity.kind in _BELONGING and entity.id not in tied:
                self.add(
                    ProblemCode.UNTIED_BODY,
                    f"{entity.kind.value} {entity.id!r} is tied to no jurisdiction "
                    "(applies_to_jurisdiction), parent (part_of) or party it represents "
                    "(represents)",
                    ids,
                    ENTITIES_FILE,
                    index,
                    "kind",
                )
            self.time(entity.inception, ids, ENTITIES_FILE, index, "inception")
            self.time(entity.dissolved, ids, ENTITIES_FILE, index, "dissolved")
            if (
                entity.inception is not None
                and entity.dissolved is not None
                and entity.inception.earliest > entity.dissolved.latest
            ):
                self.add(
                    ProblemCode.TIME_ORDER,
                    f"{entity.id!r} is dissolved ({entity.dissolved.edtf}) before its inception "
                    f"({entity.inception.edtf})",
                    ids,
                    ENTITIES_FILE,
                    index,
                    "dissolved",
                )
            has_external = (
                entity.wikidata is not None
                or entity.iso_alpha2 is not None
                or entity.iso_alpha3 is not None
            )
            if (entity.origin is Origin.ENRICHMENT or has_external) and not entity.sources:
                self.add(
                    ProblemCode.ENRICHMENT_WITHOUT_SOURCE,
                    f"entity {entity.id!r} carries enrichment but names no source",
                    ids,
                    ENTITIES_FILE,
                    index,
                    "sources",
                )
            if entity.origin is Origin.ENRICHMENT and entity.id in mentioned:
                self.add(
                    ProblemCode.ENRICHMENT_MENTIONED,
                    f"entity {entity.id!r} is an enrichment but the article mentions it",
                    ids,
                    ENTITIES_FILE,
                    index,
                    "origin",
                )
            if entity.origin is Origin.ARTICLE and entity.id not in mentioned:
                self.add(
                    ProblemCode.ENTITY_NOT_MENTIONED,
                    f"entity {entity.id!r} is the article's but has no mention",
                    ids,
                    ENTITIES_FILE,
                    index,
                )

    def facts(self, records: Sequence[Event | Statement], file: str, kind: str) -> None:
        """Provenance, verdict and time of each event or statement.

        Each check first asks its column in C (is any fact an enrichment, has
        any article fact no evidence, is any verdict at fault, is any fact
        dated?) and walks the records one by one only where the answer is
        yes. A verdict, shared by many records once loaded, is judged once.
        """
        origins = column(records, "origin")
        verdicts = column(records, "verdict")
        if holds(origins, Origin.ENRICHMENT):
            for index, record in enumerate(records):
                if record.origin is Origin.ENRICHMENT:
                    self.enrichment(record, file, index, kind)
        if column(records, "evidence").count(()) or holds(verdicts, None):
            for index, record in enumerate(records):
                if record.origin is not Origin.ENRICHMENT:
                    self.article_fact(record, file, index, kind)
        judged = {id(verdict): tuple(_verdict_faults(verdict)) for verdict in distinct(verdicts)}
        if any(judged.values()):
            for index, (record, verdict) in enumerate(zip(records, verdicts, strict=True)):
                for code, message, segments in judged.get(id(verdict), ()):
                    self.add(
                        code,
                        f"{kind} {record.id!r} {message}",
                        (record.id,),
                        file,
                        index,
                        *segments,
                    )
        if some(column(records, "time")) or some(column(records, "record_time")):
            for index, record in enumerate(records):
                if record.time is not None or record.record_time is not None:
                    self.dated(record, file, index, kind)

    def enrichment(self, record: Event | Statement, file: str, index: int, kind: str) -> None:
        if not record.sources:
            self.add(
                ProblemCode.ENRICHMENT_WITHOUT_SOURCE,
                f"{kind} {record.id!r} is an enrichment but names no source",
                (record.id,),
                file,
                index,
                "sources",
            )
        if record.evidence:
            self.add(
                ProblemCode.ENRICHMENT_WITH_EVIDENCE,
                f"{kind} {record.id!r} is an enrichment but has evidence in the article",
                (record.id,),
                file,
                index,
                "evidence",
            )

    def article_fact(self, record: Event | Statement, file: str, index: int, kind: str) -> None:
        if not record.evidence:
            self.add(
                ProblemCode.ARTICLE_FACT_WITHOUT_EVIDENCE,
                f"{kind} {record.id!r} is the article's but has no evidence",
                (record.id,),
                file,
                index,
                "evidence",
            )
        if record.verdict is None:
            self.add(
                ProblemCode.MISSING_VERDICT,
                f"{kind} {record.id!r} is the article's but has no verdict",
                (record.id,),
                file,
                index,
            )

    def dated(self, record: Event | Statement, file: str, index: int, kind: str) -> None:
        ids = (record.id,)
        self.time_words(record, file, index, kind)
        self.time(record.time, ids, file, index, "time")
        self.time(record.record_time, ids, file, index, "record_time")
        if (
            record.time is not None
            and record.record_time is not None
            and not record.time.contains(record.record_time)
        ):
            self.add(
                ProblemCode.RECORD_TIME_CONTRADICTS,
                f"{kind} {record.id!r}: the record's {record.record_time.edtf} lies outside "
                f"the article's {record.time.edtf}",
                ids,
                file,
                index,
                "record_time",
            )

    def time_words(self, record: Event | Statement, file: str, index: int, kind: str) -> None:
        # A time the words give must be given by the words that state the fact;
        # a time borrowed from another clause is context, not explicit.
        time = record.time
        if (
            time is None
            or time.resolution not in _WORDED
            or record.origin is not Origin.ARTICLE
            or not record.evidence
        ):
            return
        words = (time.expression or "").casefold()
        if not words or any(words in span.text.casefold() for span in record.evidence):
            return
        self.add(
            ProblemCode.TIME_WORDS_OUTSIDE_EVIDENCE,
            f"{kind} {record.id!r} takes its time ({time.resolution.value}) from the words "
            f"{time.expression!r}, which its evidence does not hold",
            (record.id,),
            file,
            index,
            "time",
            "expression",
        )

    def aliases(self) -> None:
        # Within one registry, a folded name held by two records makes lookup
        # ambiguous: report every holder after the first, at the field at fault.
        # The registries' own lookup index says which names those are.
        for name, file in (("entities", ENTITIES_FILE), ("events", EVENTS_FILE)):
            registry: Registry[Entity] | Registry[Event] = getattr(self.ds, name)
            clashes = registry.ambiguous()
            if not clashes:
                continue
            index_of = {id(record): index for index, record in enumerate(registry)}
            for key, holders in clashes.items():
                first = holders[0].id
                for record in holders[1:]:
                    if record.id == first:
                        continue  # a repeated id, which unique_ids reports
                    written, segments = next(
                        (written, segments)
                        for written, segments in _located_names(name, record)
                        if fold(written) == key
                    )
                    # The two records of the collision: naming every holder in each
                    # problem would grow with the square of the holders.
                    self.add(
                        ProblemCode.ALIAS_COLLISION,
                        f"{segments[0]} {written!r} of {record.id!r} also names {first!r}",
                        (first, record.id),
                        file,
                        index_of[id(record)],
                        *segments,
                    )

    def events(self, mentioned: set[str]) -> None:
        events = self.ds.events
        self.facts(tuple(events), EVENTS_FILE, "event")
        for index, event in enumerate(events):
            ids = (event.id,)
            for number, participant in enumerate(event.participants):
                self.lifetime(
                    "event",
                    event,
                    participant.entity,
                    EVENTS_FILE,
                    index,
                    "participants",
                    number,
                    "entity",
                )
            self.event_status(event, index)
            self.event_codes(event, index)
            if event.origin is Origin.ENRICHMENT and event.id in mentioned:
                self.add(
                    ProblemCode.ENRICHMENT_MENTIONED,
                    f"event {event.id!r} is an enrichment but the article mentions it",
                    ids,
                    EVENTS_FILE,
                    index,
                    "origin",
                )

    def iris(self) -> None:
        # The RDF exports make these into IRIs: each must be one (RFC 3987).
        from ._iri import is_iri

        def check(url: str | None, ids: tuple[str, ...], file: str, *segments: _Segment) -> None:
            if url is not None and not is_iri(url):
                self.add(
                    ProblemCode.INVALID_IRI,
                    f"{url[:80]!r} is not an absolute IRI (RFC 3987)",
                    ids,
                    file,
                    *segments,
                )

        article = self.ds.article
        check(self.ds.metadata.homepage, (self.ds.id,), DATASET_FILE, "metadata", "homepage")
        check(article.url, (article.id,), DATASET_FILE, "article", "url")
        for index, source in enumerate(self.ds.sources):
            check(source.url, (source.id,), SOURCES_FILE, index, "url")

    def part_of_cycles(self) -> None:
        # Each event is part of at most one other: following ``part_of`` from
        # every event, marking what was walked, finds each cycle once, in
        # time linear in the events. A cycle is reported at its first event.
        events = self.ds.events
        state: dict[str, int] = {}  # 1: on the current walk, 2: done
        index_of = {event.id: index for index, event in enumerate(events)}
        for event in events:
            walk: list[str] = []
            current: str | None = event.id
            while current is not None and current not in state:
                state[current] = 1
                walk.append(current)
                parent = events.get(current)
                current = parent.part_of if parent is not None else None
            if current is not None and state[current] == 1:
                cycle = walk[walk.index(current) :]
                first = min(cycle, key=index_of.__getitem__)
                self.add(
                    ProblemCode.PART_OF_CYCLE,
                    f"event {first!r} is part of itself through part_of: "
                    + " → ".join(_clip_ids([*cycle, current])),
                    cycle,
                    EVENTS_FILE,
                    index_of[first],
                    "part_of",
                )
            for walked in walk:
                state[walked] = 2

    def event_status(self, event: Event, index: int) -> None:
        published = self.ds.article.published
        time = _dated(event)
        if (
            event.status in _PENDING
            and time is not None
            and published is not None
            and time.latest < published.earliest
        ):
            self.add(
                ProblemCode.STATUS_BEFORE_PUBLICATION,
                f"event {event.id!r} is {event.status.value} but its time ({time.edtf}) lies "
                f"wholly before publication ({published.edtf})",
                (event.id,),
                EVENTS_FILE,
                index,
                "status",
            )

    def event_codes(self, event: Event, index: int) -> None:
        if event.cameo is None:
            return
        fits = PLOVER_TYPES.get(event.cameo)
        if fits is None:
            self.add(
                ProblemCode.UNKNOWN_CAMEO,
                f"event {event.id!r} has CAMEO code {event.cameo!r}, which the CAMEO codebook "
                "does not have",
                (event.id,),
                EVENTS_FILE,
                index,
                "cameo",
            )
        elif event.plover is not None and event.plover not in fits:
            allowed = ", ".join(sorted(kind.value for kind in fits)) or "none (PLOVER drops it)"
            self.add(
                ProblemCode.PLOVER_MISFIT,
                f"event {event.id!r} has PLOVER type {event.plover.value} but CAMEO "
                f"{event.cameo} ({CAMEO_CODES[event.cameo]}) maps to {allowed}",
                (event.id,),
                EVENTS_FILE,
                index,
                "plover",
            )

    def statements(self) -> None:
        statements = tuple(self.ds.statements)
        self.facts(statements, STATEMENTS_FILE, "statement")
        predicates = column(statements, "predicate")
        self.predicate_fit(statements, predicates)
        self.statement_lifetimes(statements)
        self.inverses(statements, predicates)

    def predicate_fit(self, statements: Sequence[Statement], predicates: list[Predicate]) -> None:
        """Subjects and objects of the kinds each predicate allows, as its Wikidata property does.

        Whether a statement fits depends only on its predicate, the kinds of
        its ends (an entity's kind, an event, a literal) and whether it has a
        time: the statements are grouped by those (in C: ids and maps over
        columns), one statement of each group is judged, and only the
        statements of groups at fault are looked at one by one.
        """
        # What an end is, as fit_faults judges it: the kind of the entity the
        # registry resolves the id to (the first of a repeated id), an event,
        # both (an id in both registries), or nothing known (a literal, or an
        # id that the reference check reports). Each is one object per distinct
        # end, so that its id() groups the statements.
        events = self.ids_of["events"]
        end_of: dict[object, object] = {
            entity_id: entity.kind for entity_id, entity in self.ids_of["entities"].items()
        }
        in_both = {event_id: end_of[event_id] for event_id in events.keys() & end_of.keys()}
        end_of.update(dict.fromkeys(events, Event))
        pairs: dict[object, object] = {}
        for event_id, kind in in_both.items():
            end_of[event_id] = pairs.setdefault(kind, (kind, Event))
        subjects = column(statements, "subject")
        objects = column(statements, "object")
        times = column(statements, "time")
        record_times = column(statements, "record_time")

        def keys() -> Iterator[tuple[object, ...]]:
            # Ids and flags only (hashed in C); made twice, never all held at once.
            return zip(
                map(id, predicates),
                map(id, map(end_of.get, subjects)),
                map(id, map(end_of.get, objects)),
                map(id, map(type, objects)),
                map(operator.is_, times, itertools.repeat(None)),
                map(operator.is_, record_times, itertools.repeat(None)),
                strict=True,
            )

        sample = dict(zip(keys(), statements, strict=True))
        bad = {key for key, statement in sample.items() if any(self.fit_faults(statement))}
        if not bad:
            return
        for index, (key, statement) in enumerate(zip(keys(), statements, strict=True)):
            if key in bad:
                for fault in self.fit_faults(statement):
                    fault(index)

    def fit_faults(self, statement: Statement) -> Iterator[Callable[[int], None]]:
        """What is wrong with the ends of ``statement`` for its predicate: each a report to make."""
        info = statement.predicate.info
        ids = (statement.id,)
        file = STATEMENTS_FILE
        entities = self.ds.entities
        subject = entities.get(statement.subject)
        target = entities.get(statement.object_id) if statement.object_id is not None else None
        yield from self.end_faults(
            statement,
            "subject",
            statement.subject,
            info.event_subject,
            info.domain,
            ProblemCode.DOMAIN,
        )
        object_id = statement.object_id
        if object_id is None:
            if not info.literal_object:
                yield lambda index: self.add(
                    ProblemCode.RANGE,
                    f"{statement.predicate.value} cannot have a literal as object",
                    ids,
                    file,
                    index,
                    "object",
                )
        else:
            yield from self.end_faults(
                statement, "object", object_id, info.event_object, info.range, ProblemCode.RANGE
            )
        # Only where the ends fit the predicate itself: DOMAIN and RANGE report the rest.
        in_domain = subject is not None and subject.kind in info.domain
        if statement.subject in self.ids_of["events"]:
            in_domain = info.event_subject
        in_range = target is not None and target.kind in info.range
        if not (in_domain and in_range and target is not None):
            return
        if (
            target.kind in info.time_bound
            and statement.time is None
            and statement.record_time is None
        ):
            yield lambda index: self.add(
                ProblemCode.STATE_WITHOUT_TIME,
                f"{statement.id!r} ({statement.predicate.value}) holds over an interval but has "
                "no time: give at least 'as of publication', or the record's start",
                ids,
                file,
                index,
                "time",
            )
        if subject is not None and not info.fits_wikidata(subject.kind, target.kind):
            yield lambda index: self.add(
                ProblemCode.WIKIDATA_MISFIT,
                f"{statement.id!r} exports {statement.predicate.value} as Wikidata "
                f"{info.wikidata}, which does not admit a {subject.kind.value} and a "
                f"{target.kind.value}",
                ids,
                file,
                index,
                "predicate",
            )

    def end_faults(
        self,
        statement: Statement,
        end: str,
        value: str,
        event_allowed: bool,
        kinds: frozenset[EntityKind],
        code: ProblemCode,
    ) -> Iterator[Callable[[int], None]]:
        """An end (``"subject"`` or ``"object"``) that is an event where the predicate takes
        none, or an entity of a kind it does not take (``code``: DOMAIN or RANGE)."""
        ids = (statement.id,)
        if value in self.ids_of["events"] and not event_allowed:
            yield lambda index: self.reference_problem(
                value, ("entities",), ids, STATEMENTS_FILE, index, end
            )
        entity = self.ds.entities.get(value)
        if entity is not None and entity.kind not in kinds:
            yield lambda index: self.add(
                code,
                f"{statement.predicate.value} cannot have a {entity.kind.value} "
                f"({entity.id!r}) as {end}",
                (*ids, entity.id),
                STATEMENTS_FILE,
                index,
                end,
            )

    def statement_lifetimes(self, statements: Sequence[Statement]) -> None:
        # Only dated statements about entities whose lifetime is known can fall outside it.
        if not any(e.inception is not None or e.dissolved is not None for e in self.ds.entities):
            return
        for index, statement in enumerate(statements):
            if statement.negated or (statement.time is None and statement.record_time is None):
                # That something did not hold before it existed is no contradiction.
                continue
            self.lifetime(
                "statement", statement, statement.subject, STATEMENTS_FILE, index, "subject"
            )
            if statement.object_id is not None:
                self.lifetime(
                    "statement", statement, statement.object_id, STATEMENTS_FILE, index, "object"
                )

    def pronouns(self) -> None:
        # English only: the pronouns are English words.
        article = self.ds.article
        if not article.language.casefold().startswith("en"):
            return
        for match in _PRONOUN.finditer(self.text):
            start, end = match.span()
            if any(m.span.start <= start and end <= m.span.end for m in self.ds.mentions_at(start)):
                continue
            self.add(
                ProblemCode.UNRESOLVED_PRONOUN,
                f"{match.group()!r} at {start}:{end} refers to something, but no mention covers it",
                (article.id,),
                DATASET_FILE,
                "article",
                "text",
            )

    def inverses(self, statements: Sequence[Statement], predicates: list[Predicate]) -> None:
        # A relation stated both ways (through its inverse, or a symmetric one
        # turned round) must agree on whether it holds, when both are in the
        # same voice and their times meet. Each statement that disagrees with
        # an earlier one is reported once, at itself, naming one such earlier
        # statement: a problem per pair would grow with the square of the
        # statements (n statements alternating directions make n²/4 pairs).
        # Statements are grouped by relation, voice and polarity; within a
        # group, "has an earlier member a time that meets mine?" is one query
        # of a prefix-maximum tree over the members' earliest bounds.
        # Most statements have no mirror at all: only those whose mirror is
        # stated (a closed set, as a mirror's mirror is the statement's own
        # relation) are grouped.
        keyed: list[tuple[int, Statement, tuple[str, str, str], list[tuple[str, str, str]]]] = []
        mirrored = {id(p) for p in Predicate if p.inverse is not None or p.symmetric}
        candidates = [i for i, p in enumerate(map(id, predicates)) if p in mirrored]
        for index in candidates:
            statement = statements[index]
            target = statement.object_id
            if target is None:
                continue
            predicate = statement.predicate
            inverse = predicate.inverse
            symmetric = predicate.symmetric
            if inverse is None and not symmetric:
                continue
            value = predicate.value
            mirrors = []
            if inverse is not None:
                mirrors.append((target, inverse.value, statement.subject))
            if symmetric:
                mirrors.append((target, value, statement.subject))
            keyed.append((index, statement, (statement.subject, value, target), mirrors))
        stated = {key for _, _, key, _ in keyed}
        groups: dict[tuple[str, str, str, frozenset[str], bool], _Overlaps] = {}
        entries: list[tuple[int, Statement, tuple[int, int], _Overlaps, list[_Overlaps]]] = []
        for index, statement, key, mirrors in keyed:
            present = [mirror for mirror in dict.fromkeys(mirrors) if mirror in stated]
            if not present:
                continue
            claimants = frozenset(statement.attribution.claimants)
            bounds = _ordinal_bounds(_dated(statement))
            group = groups.setdefault((*key, claimants, statement.negated), _Overlaps())
            group.add_bound(bounds[0])
            opposite = [
                groups.setdefault((*mirror, claimants, not statement.negated), _Overlaps())
                for mirror in present
            ]
            entries.append((index, statement, bounds, group, opposite))
        for overlaps in groups.values():
            overlaps.freeze()
        for index, statement, bounds, group, opposite in entries:
            for overlaps in opposite:
                earlier = overlaps.meets(bounds)
                if earlier is not None:
                    other = statements[earlier]
                    self.add(
                        ProblemCode.INVERSE_DISAGREES,
                        f"{other.id!r} and {statement.id!r} state the same relation both ways "
                        "but disagree on whether it holds",
                        (other.id, statement.id),
                        STATEMENTS_FILE,
                        index,
                        "negated",
                    )
                    break
            group.insert(bounds, index)

    def mentions(self) -> None:
        events = self.ids_of["events"]
        for index, mention in enumerate(self.ds.mentions):
            for target in mention.targets:
                event = events.get(target)
                if (
                    event is not None
                    and event.evidence
                    and not any(s.covers(mention.span) for s in event.evidence)
                ):
                    self.add(
                        ProblemCode.MENTION_OUTSIDE_EVIDENCE,
                        f"mention {mention.span.text[:60]!r} of event {event.id!r} lies outside "
                        "the event's evidence",
                        mention.targets,
                        MENTIONS_FILE,
                        index,
                        "span",
                    )

    def duplicate_mentions(self) -> None:
        """No two mentions share their span and their targets (in any order).

        The same words referring to the same things twice would be counted
        twice (by ``about()``, the exports, scoring). Each repeat is reported
        at itself, naming the first mention with its span and targets. The
        same span with other targets is another reading of the words, and
        allowed.

        A set of (start, end, words, targets) keys, made in C, says whether
        any repeats; the targets of the few mentions of several things are
        put in order-free sets apart (a frozenset for every mention would cost
        several times the rest). Only when some key repeats are the mentions
        walked, with one dict of the keys seen.
        """
        mentions = self.ds.mentions
        spans = column(mentions, "span")
        starts, ends, texts = (column(spans, field) for field in ("start", "end", "text"))
        targets = column(mentions, "targets")
        several = frozenset(
            itertools.compress(
                itertools.count(), map(operator.lt, itertools.repeat(1), map(len, targets))
            )
        )

        def unordered(index: int) -> _MentionKey:
            return (starts[index], ends[index], texts[index], frozenset(targets[index]))

        if len(set(zip(starts, ends, texts, targets, strict=True))) == len(mentions) and len(
            set(map(unordered, several))
        ) == len(several):
            return
        first: dict[_MentionKey, int] = {}
        for index, key in enumerate(zip(starts, ends, texts, targets, strict=True)):
            earlier = first.setdefault(unordered(index) if index in several else key, index)
            if earlier == index:
                continue
            mention = mentions[index]
            span = mention.span
            self.add(
                ProblemCode.DUPLICATE_MENTION,
                f"mention {index} ({span.text[:60]!r} at {span.start}:{span.end}, of "
                f"{', '.join(map(repr, mention.targets))}) repeats mention {earlier}: the same "
                "span and targets, counted twice; keep one",
                mention.targets,
                MENTIONS_FILE,
                index,
            )

    def run(self) -> tuple[Problem, ...]:
        mentioned = self.mentioned()
        self.unique_ids()
        self.references()
        self.spans()
        self.article()
        self.entities(mentioned)
        self.aliases()
        self.events(mentioned)
        self.part_of_cycles()
        self.statements()
        self.mentions()
        self.duplicate_mentions()
        self.iris()
        self.pronouns()
        return tuple(self.problems)


def _verdict_faults(verdict: Verdict) -> Iterator[tuple[ProblemCode, str, tuple[_Segment, ...]]]:
    """What is wrong with a verdict: (code, the message after the fact's kind and id, JSON path)."""
    rating = verdict.rating
    if rating not in _SELF_EXPLAINING and not verdict.note.strip():
        yield (
            ProblemCode.VERDICT_WITHOUT_NOTE,
            f"is rated {rating.value} without a note",
            ("verdict", "note"),
        )
    if rating in _CORRECTING and not verdict.sources:
        yield (
            ProblemCode.VERDICT_WITHOUT_SOURCE,
            f"is rated {rating.value} but cites no source",
            ("verdict", "sources"),
        )
    # Unchecked means that no source bears on the fact: a verdict that cites
    # one has been checked, and rates the fact.
    if rating is Rating.UNCHECKED and verdict.sources:
        yield (
            ProblemCode.UNCHECKED_WITH_SOURCES,
            f"is rated unchecked but its verdict cites "
            f"{', '.join(dict.fromkeys(verdict.sources))}: rate it",
            ("verdict", "rating"),
        )


def validate(dataset: Dataset) -> tuple[Problem, ...]:
    """Every consistency problem of ``dataset``; empty when it is consistent.

    Problems come check by check, each check in the order of its file.

    Raises :class:`TypeError` when ``dataset`` is not a
    :class:`~newsfacts.Dataset`.
    """
    # The dataset module imports this one (Dataset.validate): it is not imported back.
    if not all(hasattr(dataset, name) for name in ("metadata", "article", *_KINDS)):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    return _Checker(dataset).run()
