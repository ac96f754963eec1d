"""Hypothesis strategies that build valid random datasets.

:func:`datasets` draws a whole :class:`~newsfacts.Dataset` that passes every
check of :func:`newsfacts.validate`: an article whose text mixes ASCII with
accented, Cyrillic, Greek and astral characters and no-break spaces; sentences
that cover it; entities whose names and aliases never collide after
:func:`~newsfacts.names.fold`; events and statements that respect each
predicate's domain and range and agree with their inverses; mentions and
evidence that are spans of the text; sources (with a URL or none, a Wikidata
item or none), verdicts and enrichments as the validator's rules ask.

Each fact of the article gets a sentence of its own, which is its evidence
and holds the mentions of what the fact involves, so coverage and provenance
hold by construction rather than by filtering.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
from collections.abc import Sequence
from typing import TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from newsfacts import (
    Article,
    Attribution,
    Dataset,
    Entity,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Literal,
    Mention,
    Metadata,
    Modality,
    MonthPart,
    Origin,
    Participant,
    PloverType,
    Predicate,
    Qualifier,
    QualifierKind,
    Rating,
    Resolution,
    Role,
    Source,
    Span,
    Statement,
    TimePoint,
    TimeSpec,
    Verdict,
)
from newsfacts.cameo import CAMEO_CODES, PLOVER_TYPES
from newsfacts.validation import _PRONOUN

__all__ = [
    "EVENT_YEARS",
    "INCEPTION_YEARS",
    "LETTERS",
    "datasets",
    "dates",
    "time_points",
    "time_specs",
]

_T = TypeVar("_T")

LETTERS = (
    "abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "éèêëüöäñçåøłđæœß"
    "ÉÜÖÑÇÅØ"
    "абвгдежзиклмн"
    "αβγδεζηθ"
)
"""Letters of generated names: each folds to letters, never to a space or nothing."""

_MARKUP = "\"'<>&|\\/*"
"""Characters that end a quoted string, a tag or a comment in some export format."""
_FILLER = LETTERS + "0123456789’“”–,;:()€🙂𝔘" + _MARKUP
_WORD_SEPARATORS = (" ", "\u00a0", "  ", " \u00a0")
_SENTENCE_ENDS = (".", "!", "?", "…", ".”")
_SENTENCE_SEPARATORS = (" ", "\n", "\n\n", "\u00a0", " \t", "  ")

INCEPTION_YEARS = (1700, 1950)
"""Entities begin in these years (when they have an inception) ..."""
DISSOLVED_YEARS = (2030, 2100)
"""... and end in these (when they are dissolved) ..."""
EVENT_YEARS = (1951, 2029)
"""... so that every dated fact, drawn from these years, lies within every lifetime."""

_SLUG = st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True)
_PROSE = st.text(alphabet=_FILLER + " ", min_size=0, max_size=30)


class _Names:
    """Hands out names that fold to distinct keys.

    A name is a random word followed by a suffix unique to it ("Xab"): names
    are letters only, so they never fold equal to an id (which holds a digit),
    a QID or an ISO code (one token each, and names have two).
    """

    def __init__(self) -> None:
        self.count = 0

    def suffix(self) -> str:
        number = self.count
        self.count += 1
        letters = ""
        while True:
            letters = "abcdefghijklmnopqrstuvwxyz"[number % 26] + letters
            number //= 26
            if number == 0:
                return "X" + letters

    def draw(self, draw: st.DrawFn) -> str:
        word = draw(st.text(alphabet=LETTERS, min_size=1, max_size=8))
        return f"{word} {self.suffix()}"


def dates(
    low: datetime.date = datetime.date(EVENT_YEARS[0], 1, 1),
    high: datetime.date = datetime.date(EVENT_YEARS[1], 12, 31),
) -> st.SearchStrategy[datetime.date]:
    """Days between ``low`` and ``high``, inclusive."""
    return st.dates(min_value=low, max_value=high)


@st.composite
def time_points(draw: st.DrawFn, low_year: int, high_year: int) -> TimePoint:
    """A point at year, month or day precision, sometimes a part of a month."""
    year = draw(st.integers(low_year, high_year))
    precision = draw(st.sampled_from(("year", "month", "part", "day")))
    if precision == "year":
        return TimePoint(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return TimePoint(year, month)
    if precision == "part":
        return TimePoint(year, month, part=draw(st.sampled_from(MonthPart)))
    last = calendar.monthrange(year, month)[1]
    return TimePoint(year, month, draw(st.integers(1, last)))


@st.composite
def time_specs(
    draw: st.DrawFn,
    source_ids: Sequence[str],
    low_year: int = EVENT_YEARS[0],
    high_year: int = EVENT_YEARS[1],
) -> TimeSpec:
    """A point, an interval, an interval of unknown start (with or without a lower
    bound), one of open start, one moment within a range, or an interval whose end is
    unknown (with or without an upper bound) or open, within the given years."""
    first = draw(time_points(low_year, high_year))
    shape = draw(
        st.sampled_from(
            ("point", "interval", "unknown", "bounded", "open", "once", "unknown_end", "open_end")
        )
    )
    start: TimePoint | None = first
    end: TimePoint | None = None
    not_before: TimePoint | None = None
    not_after: TimePoint | None = None
    if shape in ("interval", "bounded", "once"):
        second = draw(time_points(low_year, high_year))
        start, end = (first, second) if first.earliest <= second.latest else (second, first)
        if shape == "bounded" or (shape == "once" and draw(st.booleans())):
            start, not_before = None, start
    elif shape in ("unknown", "open"):
        start, end = None, first
    elif shape == "unknown_end":
        # 1991/, with or without its upper bound.
        second = draw(time_points(low_year, high_year))
        low, high = (first, second) if first.earliest <= second.latest else (second, first)
        start, not_after = low, draw(st.none() | st.just(high))
    elif shape == "open_end" and draw(st.booleans()):
        start, not_before = None, draw(st.none() | st.just(first))
    resolution = draw(st.sampled_from(Resolution))
    sources: tuple[str, ...] = ()
    if resolution is Resolution.RECORD or draw(st.booleans()):
        sources = tuple(draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=2)))
    bound_sources: tuple[str, ...] = ()
    if (not_before is not None or not_after is not None or shape == "once") and draw(st.booleans()):
        bound_sources = (draw(st.sampled_from(source_ids)),)
    if shape == "once" and start is None and not_before is None:
        bound_sources = ()
    expression = draw(
        st.none()
        | st.text(alphabet=_FILLER + " ", min_size=1, max_size=20).filter(
            lambda words: words.strip() and _PRONOUN.search(words) is None
        )
    )
    return TimeSpec(
        start,
        end,
        expression,
        resolution,
        sources,
        open_start=shape == "open",
        once=shape == "once",
        not_before=not_before,
        bound_sources=bound_sources,
        unknown_end=shape == "unknown_end",
        open_end=shape == "open_end",
        not_after=not_after,
    )


def _record_time(draw: st.DrawFn, time: TimeSpec, source_ids: Sequence[str]) -> TimeSpec:
    # A day of the record that lies within what the article says.
    low = max(time.earliest, datetime.date(EVENT_YEARS[0], 1, 1))
    high = min(time.latest, datetime.date(EVENT_YEARS[1], 12, 31))
    day = draw(dates(low, max(low, high)))
    sources = tuple(draw(st.lists(st.sampled_from(source_ids), min_size=1, max_size=2)))
    return TimeSpec(TimePoint.from_date(day), resolution=Resolution.RECORD, sources=sources)


def _some(draw: st.DrawFn, items: Sequence[_T], max_size: int, min_size: int = 0) -> tuple[_T, ...]:
    if not items:
        return ()
    return tuple(draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size)))


_CORRECTING = (Rating.FALSE, Rating.MISLEADING, Rating.SIMPLIFIED)


def _verdict(draw: st.DrawFn, source_ids: Sequence[str]) -> Verdict:
    # A correcting verdict cites a source; an unchecked one cites none.
    rating = draw(st.sampled_from(Rating))
    note = draw(_PROSE)
    if rating not in (Rating.SUPPORTED, Rating.UNCHECKED) and not note.strip():
        note = "explained " + note
    if rating is Rating.UNCHECKED:
        return Verdict(rating, note)
    return Verdict(rating, note, _some(draw, source_ids, 2, 1 if rating in _CORRECTING else 0))


def _origin(draw: st.DrawFn) -> Origin:
    return Origin.ENRICHMENT if draw(st.integers(0, 3)) == 0 else Origin.ARTICLE


def _entity(draw: st.DrawFn, index: int, names: _Names, source_ids: Sequence[str]) -> Entity:
    kind = draw(st.sampled_from(EntityKind))
    origin = _origin(draw)
    wikidata = f"Q{1000 + index}" if draw(st.booleans()) else None
    iso2 = iso3 = None
    if kind is EntityKind.STATE and draw(st.booleans()):
        code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        iso2 = code[index // 26 % 26] + code[index % 26]
        iso3 = "Z" + iso2
    needs_source = origin is Origin.ENRICHMENT or wikidata is not None or iso2 is not None
    inception = dissolved = None
    if draw(st.booleans()):
        inception = draw(time_specs(source_ids, *INCEPTION_YEARS))
    if draw(st.booleans()):
        dissolved = draw(time_specs(source_ids, *DISSOLVED_YEARS))
    return Entity(
        id=f"{draw(_SLUG)}-e{index}",
        kind=kind,
        name=names.draw(draw),
        aliases=tuple(names.draw(draw) for _ in range(draw(st.integers(0, 2)))),
        description=draw(_PROSE),
        wikidata=wikidata,
        iso_alpha2=iso2,
        iso_alpha3=iso3,
        inception=inception,
        dissolved=dissolved,
        origin=origin,
        sources=_some(draw, source_ids, 2, min_size=1 if needs_source else 0),
    )


def _attribution(draw: st.DrawFn, entity_ids: Sequence[str]) -> Attribution:
    if draw(st.booleans()):
        return Attribution()
    return Attribution(_some(draw, entity_ids, 2, min_size=1), draw(_PROSE))


def _fact_time(
    draw: st.DrawFn, source_ids: Sequence[str]
) -> tuple[TimeSpec | None, TimeSpec | None]:
    time = draw(st.none() | time_specs(source_ids))
    record_time = None
    if time is not None and draw(st.booleans()):
        record_time = _record_time(draw, time, source_ids)
    return time, record_time


def _event(
    draw: st.DrawFn,
    index: int,
    names: _Names,
    entity_ids: Sequence[str],
    earlier: Sequence[str],
    source_ids: Sequence[str],
    origin: Origin,
) -> Event:
    time, record_time = _fact_time(draw, source_ids)
    participants = tuple(
        Participant(entity, draw(st.sampled_from(Role))) for entity in _some(draw, entity_ids, 3)
    )
    enrichment = origin is Origin.ENRICHMENT
    sources = _some(draw, source_ids, 2, min_size=1 if enrichment else 0)
    # A code of the CAMEO codebook, and a PLOVER type that fits it (any, without a code).
    cameo = draw(st.none() | st.sampled_from(sorted(CAMEO_CODES)))
    fitting = sorted(PLOVER_TYPES[cameo], key=lambda t: t.value) if cameo else list(PloverType)
    plover = draw(st.none() | st.sampled_from(fitting)) if fitting else None
    return Event(
        id=f"{draw(_SLUG)}-v{index}",
        kind=draw(st.sampled_from(EventKind)),
        label=names.draw(draw),
        participants=participants,
        place=draw(st.none() | st.sampled_from(entity_ids)),
        time=time,
        status=draw(st.sampled_from(EventStatus)),
        attribution=_attribution(draw, entity_ids),
        modality=draw(st.sampled_from(Modality)),
        verdict=_verdict(draw, source_ids) if not enrichment or draw(st.booleans()) else None,
        cameo=cameo,
        plover=plover,
        wikidata=f"Q{500_000 + index}" if draw(st.booleans()) else None,
        part_of=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        aliases=tuple(names.draw(draw) for _ in range(draw(st.integers(0, 1)))),
        origin=origin,
        sources=sources,
        record_time=record_time,
        record_place=draw(st.none() | st.sampled_from(entity_ids)) if record_time else None,
    )


def _relation_key(subject: str, predicate: Predicate, obj: str) -> tuple[str, str, str]:
    # One key for a relation however it is stated: through the inverse
    # predicate, or with a symmetric one turned round.
    inverse = predicate.inverse
    if inverse is not None and inverse.value < predicate.value:
        return (obj, inverse.value, subject)
    if predicate.symmetric and obj < subject:
        return (obj, predicate.value, subject)
    return (subject, predicate.value, obj)


def _statement(
    draw: st.DrawFn,
    index: int,
    entities: Sequence[Entity],
    event_ids: Sequence[str],
    source_ids: Sequence[str],
    relations: dict[tuple[str, str, str], bool],
    origin: Origin,
) -> Statement:
    choices: list[tuple[Predicate, list[str], list[str | None]]] = []
    for predicate in Predicate:
        info = predicate.info
        # Ends that the predicate's Wikidata property admits as well.
        subjects = [
            e.id
            for e in entities
            if e.kind in info.domain
            and (info.wikidata_domain is None or e.kind in info.wikidata_domain)
        ]
        if info.event_subject:
            subjects += event_ids
        objects: list[str | None] = [
            e.id
            for e in entities
            if e.kind in info.range
            and (info.wikidata_range is None or e.kind in info.wikidata_range)
        ]
        if info.event_object:
            objects += event_ids
        if info.literal_object:
            objects.append(None)
        if subjects and objects:
            choices.append((predicate, subjects, objects))
    predicate, subjects, objects = draw(st.sampled_from(choices))
    subject = draw(st.sampled_from(subjects))
    object_id = draw(st.sampled_from(objects))
    obj: str | Literal = (
        Literal(draw(st.text(_FILLER, min_size=1, max_size=12)))
        if (object_id is None)
        else object_id
    )
    negated = draw(st.booleans())
    if object_id is not None:
        # Every statement of one relation agrees on whether it holds.
        negated = relations.setdefault(_relation_key(subject, predicate, object_id), negated)
    all_ids = [e.id for e in entities] + list(event_ids)
    qualifiers = tuple(
        Qualifier(
            draw(st.sampled_from(QualifierKind)),
            draw(st.sampled_from(all_ids) | st.builds(Literal, st.text(LETTERS, min_size=1))),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    time, record_time = _fact_time(draw, source_ids)
    target = next((e for e in entities if e.id == object_id), None)
    if time is None and target is not None and target.kind in predicate.info.time_bound:
        # A state of affairs holds over an interval: it has a time.
        time = draw(time_specs(source_ids))
    enrichment = origin is Origin.ENRICHMENT
    sources = _some(draw, source_ids, 2, min_size=1 if enrichment else 0)
    return Statement(
        id=f"{draw(_SLUG)}-s{index}",
        subject=subject,
        predicate=predicate,
        object=obj,
        qualifiers=qualifiers,
        time=time,
        negated=negated,
        attribution=_attribution(draw, [e.id for e in entities]),
        modality=draw(st.sampled_from(Modality)),
        verdict=_verdict(draw, source_ids) if not enrichment or draw(st.booleans()) else None,
        origin=origin,
        sources=sources,
        record_time=record_time,
    )


def _mirror(statement: Statement, index: int, source_ids: Sequence[str]) -> Statement | None:
    # The same relation stated the other way round, as an enrichment.
    if statement.object_id is None:
        return None
    predicate = statement.predicate.inverse
    if predicate is None and statement.predicate.symmetric:
        predicate = statement.predicate
    if predicate is None:
        return None
    return Statement(
        id=f"mirror-s{index}",
        subject=statement.object_id,
        predicate=predicate,
        object=statement.subject,
        negated=statement.negated,
        attribution=statement.attribution,
        time=statement.time,
        origin=Origin.ENRICHMENT,
        sources=(source_ids[0],),
    )


_BELONGING = (EntityKind.OFFICE, EntityKind.GOVERNMENT_BODY, EntityKind.AGENCY)


def _ties(
    draw: st.DrawFn,
    entities: Sequence[Entity],
    event_ids: Sequence[str],
    source_ids: Sequence[str],
    relations: dict[tuple[str, str, str], bool],
) -> list[Statement]:
    """An enrichment tying each office, government body or agency that has no tie
    to its jurisdiction (an entity) or, failing one, to an event it is part of.

    Untimed, and never to a state through ``part_of``: a tie that is no state of
    affairs needs no time, and no lifetime can exclude it.
    """
    tied = {
        (s_subject)
        for (s_subject, predicate, _), negated in relations.items()
        if predicate in ("applies_to_jurisdiction", "part_of") and not negated
    }
    info = Predicate.APPLIES_TO_JURISDICTION.info
    out = []
    for entity in entities:
        if entity.kind not in _BELONGING or entity.id in tied:
            continue
        options = [
            (Predicate.APPLIES_TO_JURISDICTION, e.id)
            for e in entities
            if e.id != entity.id and e.kind in info.range
        ] + [(Predicate.PART_OF, event_id) for event_id in event_ids]
        options = [
            (p, o) for p, o in options if not relations.get(_relation_key(entity.id, p, o), False)
        ]
        # Every tie it could have is denied elsewhere: rare, and no dataset to build.
        assume(options)
        predicate, target = draw(st.sampled_from(options))
        relations[_relation_key(entity.id, predicate, target)] = False
        out.append(
            Statement(
                id=f"tie-{entity.id}",
                subject=entity.id,
                predicate=predicate,
                object=target,
                origin=Origin.ENRICHMENT,
                sources=(source_ids[0],),
            )
        )
    return out


def _time_words(fact: Event | Statement) -> list[_Token]:
    time = fact.time
    if time is None or not time.expression:
        return []
    if time.resolution not in (Resolution.EXPLICIT, Resolution.PUBLICATION):
        return []
    return [_Token(time.expression)]


def _pending_after(event: Event, published: TimeSpec | None) -> Event:
    # Where an event stood at publication: nothing before it is still to come.
    time = event.record_time if event.record_time is not None else event.time
    if (
        published is not None
        and time is not None
        and event.status in (EventStatus.PROPOSED, EventStatus.SCHEDULED)
        and time.latest < published.earliest
    ):
        return attrs.evolve(event, status=EventStatus.HAPPENED)
    return event


@attrs.define
class _Token:
    text: str
    targets: tuple[str, ...] = ()
    literal: str | None = None


@attrs.define
class _Sentence:
    fact: str
    tokens: list[_Token]


def _mention_token(
    draw: st.DrawFn, target: Entity | Event, article_entities: Sequence[str]
) -> _Token:
    literal = None
    if isinstance(target, Entity) and article_entities and draw(st.integers(0, 4)) == 0:
        literal = draw(st.sampled_from(article_entities))
    return _Token(draw(st.sampled_from(target.names)), (target.id,), literal)


def _words(draw: st.DrawFn, max_size: int = 3) -> list[_Token]:
    words = draw(st.lists(_FILLER_WORDS, min_size=0, max_size=max_size))
    return [_Token(word) for word in words]


# Words of no reference: never a pronoun, which would need a mention.
_FILLER_WORDS = st.text(alphabet=_FILLER, min_size=1, max_size=7).filter(
    lambda word: _PRONOUN.search(word) is None
)


@st.composite
def datasets(
    draw: st.DrawFn,
    max_entities: int = 6,
    max_events: int = 4,
    max_statements: int = 6,
) -> Dataset:
    """A random dataset that passes every check of :func:`newsfacts.validate`."""
    names = _Names()
    source_count = draw(st.integers(1, 3))
    sources = [
        Source(
            id=f"{draw(_SLUG)}-r{index}",
            title=names.draw(draw),
            url=draw(st.none() | st.just(f"https://example.org/{index}")),
            publisher=draw(st.none() | _PROSE),
            published=draw(st.none() | st.dates().map(datetime.date.isoformat)),
            # A source with a Wikidata item of its own, or without one.
            wikidata=draw(st.none() | st.just(f"Q{900_000 + index}")),
        )
        for index in range(source_count)
    ]
    source_ids = [s.id for s in sources]

    entities = [
        _entity(draw, index, names, source_ids)
        for index in range(draw(st.integers(1, max_entities)))
    ]
    if all(e.origin is Origin.ENRICHMENT for e in entities):
        entities[0] = attrs.evolve(entities[0], origin=Origin.ARTICLE)
    entity_ids = [e.id for e in entities]
    article_entities = [e.id for e in entities if e.origin is Origin.ARTICLE]

    events: list[Event] = []
    for index in range(draw(st.integers(1, max_events))):
        origin = Origin.ARTICLE if index == 0 else _origin(draw)
        events.append(
            _event(draw, index, names, entity_ids, [e.id for e in events], source_ids, origin)
        )
    event_ids = [e.id for e in events]

    relations: dict[tuple[str, str, str], bool] = {}
    statements: list[Statement] = []
    for index in range(draw(st.integers(1, max_statements))):
        origin = Origin.ARTICLE if index == 0 else _origin(draw)
        statement = _statement(draw, index, entities, event_ids, source_ids, relations, origin)
        statements.append(statement)
        if draw(st.integers(0, 3)) == 0:
            mirror = _mirror(statement, index, source_ids)
            if mirror is not None:
                statements.append(mirror)
    statements += _ties(draw, entities, event_ids, source_ids, relations)

    # One sentence per article fact, holding mentions of what the fact involves.
    by_id: dict[str, Entity] = {e.id: e for e in entities}
    sentences: list[_Sentence] = []
    mentioned: set[str] = set()

    def mention(target: str) -> list[_Token]:
        entity = by_id.get(target)
        if entity is None or entity.origin is Origin.ENRICHMENT or draw(st.integers(0, 3)) == 0:
            return []
        token = _mention_token(draw, entity, article_entities)
        mentioned.add(target)
        return [token]

    for event in events:
        if event.origin is Origin.ENRICHMENT:
            continue
        tokens = _words(draw)
        if draw(st.booleans()):
            tokens.append(_mention_token(draw, event, article_entities))
        for participant in event.participants:
            tokens += mention(participant.entity)
        # Words that refer to several participants at once ("they").
        group = list(
            dict.fromkeys(
                p.entity for p in event.participants if by_id[p.entity].origin is Origin.ARTICLE
            )
        )
        if len(group) > 1 and draw(st.booleans()):
            tokens.append(_Token("they", tuple(group[:2])))
            mentioned.update(group[:2])
        tokens += _words(draw, 2) + _time_words(event)
        sentences.append(_Sentence(event.id, tokens))
    for statement in statements:
        if statement.origin is Origin.ENRICHMENT:
            continue
        tokens = mention(statement.subject) + _words(draw)
        if statement.object_id is not None:
            tokens += mention(statement.object_id)
        tokens = (tokens or _words(draw, 1) or [_Token("so")]) + _time_words(statement)
        sentences.append(_Sentence(statement.id, tokens))
    order = draw(st.permutations(range(len(sentences))))
    sentences = [sentences[i] for i in order]
    for entity_id in article_entities:
        if entity_id not in mentioned:
            sentence = draw(st.sampled_from(sentences))
            position = draw(st.integers(0, len(sentence.tokens)))
            sentence.tokens.insert(
                position, _mention_token(draw, by_id[entity_id], article_entities)
            )
    # A literal of a metonymy counts as a mention of what the words name.

    # Lay the text out, recording every span.
    parts: list[str] = [draw(st.sampled_from(("", " ", "\n", "\u00a0\n")))]
    offset = len(parts[0])
    sentence_spans: list[Span] = []
    evidence: dict[str, list[Span]] = {}
    mentions: list[Mention] = []
    for number, sentence in enumerate(sentences):
        if number:
            separator = draw(st.sampled_from(_SENTENCE_SEPARATORS))
            parts.append(separator)
            offset += len(separator)
        start = offset
        for position, token in enumerate(sentence.tokens):
            if position:
                separator = draw(st.sampled_from(_WORD_SEPARATORS))
                parts.append(separator)
                offset += len(separator)
            if token.targets:
                span = Span(offset, offset + len(token.text), token.text)
                mentions.append(
                    Mention(
                        span,
                        token.targets,
                        metonymy=token.literal is not None,
                        literal=token.literal,
                        note=draw(_PROSE) if token.literal else "",
                    )
                )
            parts.append(token.text)
            offset += len(token.text)
        end_mark = draw(st.sampled_from(_SENTENCE_ENDS))
        parts.append(end_mark)
        offset += len(end_mark)
        text_so_far = "".join(parts)
        span = Span(start, offset, text_so_far[start:offset])
        sentence_spans.append(span)
        evidence.setdefault(sentence.fact, []).append(span)
    parts.append(draw(st.sampled_from(("", " ", "\n"))))
    text = "".join(parts)

    # Some facts are also stated, in part, by another sentence.
    for fact_id in list(evidence):
        if draw(st.integers(0, 3)) == 0:
            other = draw(st.sampled_from(sentence_spans))
            start = draw(st.integers(other.start, other.end - 1))
            end = draw(st.integers(start + 1, other.end))
            extra = Span(start, end, text[start:end])
            if extra not in evidence[fact_id]:
                evidence[fact_id].append(extra)

    events = [
        attrs.evolve(e, evidence=tuple(evidence[e.id])) if e.id in evidence else e for e in events
    ]
    statements = [
        attrs.evolve(s, evidence=tuple(evidence[s.id])) if s.id in evidence else s
        for s in statements
    ]
    published = draw(st.none() | time_specs(source_ids))
    events = [_pending_after(e, published) for e in events]
    article = Article(
        id=f"{draw(_SLUG)}-article",
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=tuple(sentence_spans),
        publisher=names.draw(draw),
        published=published,
        title=draw(st.none() | _PROSE),
        url=draw(st.none() | st.just("https://example.org/article")),
        language=draw(st.sampled_from(("en", "ru", "fr"))),
        sources=_some(draw, source_ids, 1),
    )
    metadata = Metadata(
        id=draw(_SLUG),
        title=names.draw(draw),
        # Empty, or some words: metadata texts are never blank.
        description=draw(_PROSE.filter(lambda text: not text or text.strip())),
        license="MIT",
        version="0.0.0",
    )
    return Dataset(metadata, article, entities, events, statements, mentions, sources)
