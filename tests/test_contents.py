"""The whole built-in dataset, record by record.

Like tzdata's contents test, nothing here samples or counts: every span,
every reference, every name and every fact of the shipped dataset is checked.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import newsfacts
from newsfacts import (
    AmbiguousNameError,
    Dataset,
    Entity,
    Event,
    EventStatus,
    Modality,
    Origin,
    Rating,
    Resolution,
    Span,
    Statement,
    TimeSpec,
)
from newsfacts.export import datapackage
from newsfacts.names import fold
from newsfacts.validation import ProblemCode

# The identifiers verified against the public record (the project's reference
# list). The dataset may use these and no others.
VERIFIED_QIDS = {
    "Q127998": "Mahmoud Abbas",
    "Q7747": "Vladimir Putin",
    "Q22686": "Donald Trump",
    "Q43723": "Benjamin Netanyahu",
    "Q159": "Russia",
    "Q30": "United States",
    "Q801": "Israel",
    "Q219060": "State of Palestine",
    "Q42620": "Palestinian National Authority",
    "Q1218": "Jerusalem",
    "Q649": "Moscow",
    "Q1065": "United Nations",
    "Q37470": "United Nations Security Council",
    "Q846656": "UNRWA",
    "Q458": "European Union",
    "Q7159": "African Union",
    "Q7172": "Arab League",
    "Q3624": "Addis Ababa",
    "Q115": "Ethiopia",
    "Q148": "China",
    "Q810": "Jordan",
    "Q79": "Egypt",
    "Q858": "Syria",
    "Q15180": "Soviet Union",
    "Q36755": "Sinai Peninsula",
    "Q39760": "Gaza Strip",
    "Q83210": "Golan Heights",
    "Q36678": "West Bank",
    "Q33935": "Tel Aviv",
    "Q2807": "Madrid",
    "Q49077": "Six-Day War",
    "Q5167679": "Dissolution of the Soviet Union",
    "Q151622": "Israeli–Palestinian conflict",
    "Q26683": "Palestine Liberation Organization",
    "Q45266620": "US recognition of Jerusalem as capital of Israel",
    "Q15": "Africa",
    "Q7204": "Middle East",
}
VERIFIED_ISO = {
    "russia": ("RU", "RUS"),
    "united-states": ("US", "USA"),
    "israel": ("IL", "ISR"),
    "state-of-palestine": ("PS", "PSE"),
    "jordan": ("JO", "JOR"),
    "egypt": ("EG", "EGY"),
    "syria": ("SY", "SYR"),
    "ethiopia": ("ET", "ETH"),
    "china": ("CN", "CHN"),
    "spain": ("ES", "ESP"),
}
VERIFIED_PROPERTIES = {
    "P35", "P6", "P39", "P463", "P36", "P1376", "P17", "P131", "P276", "P585", "P580",
    "P582", "P571", "P710", "P1344", "P361", "P248", "P1683", "P530", "P793", "P607",
}  # fmt: skip
# CAMEO codes the dataset may use, with their codebook labels (CAMEO 0.7b5)
# and the PLOVER event type of each in the CAMEO-to-PLOVER crosswalk (PLOVER
# drops statements, CAMEO 01, and appeals, CAMEO 02: they have no PLOVER type).
CAMEO = {
    "010": ("make statement", None),
    "020": ("make an appeal or request", None),
    "022": ("appeal for diplomatic cooperation", None),
    "026": ("appeal to others to meet or negotiate", None),
    "036": ("express intent to meet or negotiate", "AGREE"),
    "039": ("express intent to mediate", "AGREE"),
    "040": ("consult", "CONSULT"),
    "042": ("make a visit", "CONSULT"),
    "043": ("host a visit", "CONSULT"),
    "045": ("engage in mediation", "CONSULT"),
    "046": ("engage in negotiation", "CONSULT"),
    "054": ("grant diplomatic recognition", "SUPPORT"),
    "111": ("criticize or denounce", "ACCUSE"),
    "108": ("demand meeting, negotiation", "REQUEST"),
    "120": ("reject", "REJECT"),
    "125": ("reject proposal to meet, discuss or negotiate", "REJECT"),
    "126": ("reject mediation", "REJECT"),
    "1311": ("threaten to reduce or stop aid", "THREATEN"),
    "190": ("use conventional military force", "ASSAULT"),
    "192": ("occupy territory", "COERCE"),
    "0874": ("retreat or surrender militarily", "RETREAT"),
}
# Words of demanding and of appealing (CAMEO 10 and 02).
DEMAND_WORDS = re.compile(r"\b(insist|demand)", re.I)
APPEAL_WORDS = re.compile(r"\b(call(?:s|ed|ing)? on|urg|suggest|appeal)", re.I)
# Sources the reference list takes identifiers from, never a date.
IDENTIFIER_SOURCES = {"wikidata", "iso-3166"}
# The dates the reference list gives its sources (the pages' own); a source it gives no
# date has none.
REFERENCE_SOURCE_DATES = {
    "tass-989689": "2018-02-12",
    "reuters-putin-trump-phone": "2018-02-12",
    "afp-putin-hosts-abbas": "2018-02-12",
    "ina-241841": "2018-02-12",
    "proclamation-9683": "2017-12-06",
    "unga-2017-12-21": "2017-12-21",
    "parstoday-2018-02-09": "2018-02-09",
    "pnn-2018-01-29": "2018-01-29",
    "latimes-1988-11-19": "1988-11-19",
    "jta-2017-04-06": "2017-04-06",
    "christiantoday-2017-04-07": "2017-04-07",
    "loc-jordan-arab-legion": "1989",
    "reagan-library-1982-04-25": "1982-04-25",
    "un-quartet-2002-04-10": "2002-04-10",
    "reuters-2016-09-06-no-meeting": "2016-09-06",
    "jpost-2016-09-06-postponed": "2016-09-06",
    "alarabiya-2016-09-05": "2016-09-05",
}
# Words that qualify what a fact states; where the evidence has one, the fact keeps it.
QUALIFIER_WORDS = ("primary", "one-on-one", "permanent", "direct", "unilaterally", "officially",
                   "unified", "sole")  # fmt: skip
# Spellings of American English; the article, and the dataset's own prose, are British.
AMERICAN = re.compile(r"\b(recogniz|organiz|favor|center\b|defense|criticiz|apologiz)", re.I)
# Verbs of saying: what a claimant does. Discussing or meeting claims nothing.
CLAIM_VERBS = {"say", "argue", "suggest", "call for", "express concerns", "claim", "insist"}
PUBLISHED = datetime.date(2018, 2, 12)

DS = newsfacts.load()
FACTS: tuple[Event | Statement, ...] = (*DS.events, *DS.statements)
ARTICLE_FACTS = tuple(f for f in FACTS if f.origin is Origin.ARTICLE)


def _spans() -> list[tuple[str, Span]]:
    spans = [(f"sentence {i}", s) for i, s in enumerate(DS.article.sentences)]
    spans += [(f"mention of {', '.join(m.targets)}", m.span) for m in DS.mentions]
    spans += [(f"evidence of {f.id}", s) for f in FACTS for s in f.evidence]
    return spans


def test_the_dataset_is_consistent() -> None:
    assert DS.validate() == ()


def test_article_text_is_the_shipped_bytes_and_hash() -> None:
    assert DS.article.sha256 == hashlib.sha256(DS.article.text.encode("utf-8")).hexdigest()
    assert "\u00a0" in DS.article.text  # the no-break spaces survived
    assert not DS.article.text.endswith("\n")
    assert DS.article.title is None  # the text has no title; none is invented


@pytest.mark.parametrize(("where", "span"), _spans(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_span_is_the_text_at_its_offsets(where: str, span: Span) -> None:
    assert DS.article.text[span.start : span.end] == span.text, where


def test_sentences_cover_the_text_in_order() -> None:
    text = DS.article.text
    covered = [False] * len(text)
    previous = 0
    for sentence in DS.article.sentences:
        assert sentence.start >= previous
        previous = sentence.end
        for i in range(sentence.start, sentence.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


@pytest.mark.parametrize("sentence", DS.article.sentences, ids=lambda s: s.text[:30])
def test_every_sentence_is_evidence_of_a_fact(sentence: Span) -> None:
    assert any(sentence.covers(span) for fact in FACTS for span in fact.evidence)


def test_ids_are_unique_across_the_dataset() -> None:
    ids = [r.id for r in (*DS.entities, *DS.events, *DS.statements, *DS.sources)]
    assert len(ids) == len(set(ids))


def test_every_reference_resolves() -> None:
    known = set(DS.entities.ids) | set(DS.events.ids)
    sources = set(DS.sources.ids)
    for event in DS.events:
        refs = [p.entity for p in event.participants] + [
            r for r in (event.place, event.record_place, event.part_of) if r
        ]
        assert set(refs) <= known, event.id
    for statement in DS.statements:
        refs = [statement.subject, *(q.value_id for q in statement.qualifiers if q.value_id)]
        if statement.object_id is not None:
            refs.append(statement.object_id)
        assert set(refs) <= known, statement.id
    for fact in FACTS:
        assert set(fact.attribution.claimants) <= set(DS.entities.ids), fact.id
        cited = set(fact.sources)
        if fact.verdict is not None:
            cited |= set(fact.verdict.sources)
        for time in (fact.time, fact.record_time):
            if time is not None:
                cited |= set(time.sources)
        assert cited <= sources, fact.id
    for mention in DS.mentions:
        assert set(mention.targets) <= known


@pytest.mark.parametrize("entity", DS.entities, ids=lambda e: e.id)
def test_every_name_looks_up_its_own_entity(entity: Entity) -> None:
    for name in (entity.id, *entity.names):
        try:
            assert DS.entities.lookup(name) == entity, name
        except AmbiguousNameError as error:  # pragma: no cover - the validator forbids it
            pytest.fail(f"{name!r} is ambiguous: {error.candidates}")
        assert DS.entities.lookup(name.upper().replace(" ", "\u00a0")) == entity


@pytest.mark.parametrize("entity", DS.entities, ids=lambda e: e.id)
def test_article_entities_are_mentioned_and_enrichments_are_not(entity: Entity) -> None:
    targets = {t for m in DS.mentions for t in m.targets} | {
        m.literal for m in DS.mentions if m.literal
    }
    if entity.origin is Origin.ARTICLE:
        assert entity.id in targets
    else:
        assert entity.id not in targets
        assert entity.sources


def test_identifiers_come_from_the_verified_list_only() -> None:
    for record in (*DS.entities, *DS.events):
        if record.wikidata is not None:
            assert record.wikidata in VERIFIED_QIDS, record.id
            assert fold(VERIFIED_QIDS[record.wikidata]) in {fold(n) for n in record.names}, (
                record.id
            )
    for entity in DS.entities:
        codes = (entity.iso_alpha2, entity.iso_alpha3)
        if codes != (None, None):
            assert VERIFIED_ISO[entity.id] == codes
        if entity.wikidata or entity.iso_alpha2:
            assert entity.sources, entity.id
    for predicate in newsfacts.Predicate:
        assert predicate.wikidata is None or predicate.wikidata in VERIFIED_PROPERTIES
    # The reference list verifies no source's own item: every source has none.
    assert [s.id for s in DS.sources if s.wikidata is not None] == []


def test_exports_state_only_verified_properties(tmp_path: Path) -> None:
    """An unverified property stays empty wherever a statement is exported: the CSV
    ``wikidata_property`` column, and each QuickStatements claim and its qualifiers."""
    out = newsfacts.export.to_csv(DS, tmp_path / "csv")
    with (out / "statements.csv").open(encoding="utf-8", newline="") as stream:
        columns = {row["id"]: row["wikidata_property"] for row in csv.DictReader(stream)}
    assert set(columns) == set(DS.statements.ids)
    assert set(columns.values()) - {""} <= VERIFIED_PROPERTIES
    for line in newsfacts.export.quickstatements_lines(DS):
        if line.startswith("/*"):
            continue
        parts = line.split("\t")
        qualifiers = [key for key in parts[3::2] if key.startswith("P")]
        assert {parts[1], *qualifiers} <= VERIFIED_PROPERTIES, line


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_time_expressions_are_the_words_of_the_evidence(fact: Event | Statement) -> None:
    for time in (fact.time, fact.record_time):
        if time is None or time.expression is None:
            continue
        sentences = [DS.article.sentence_at(span.start) for span in fact.evidence]
        words = [re.escape(part) for part in time.expression.split(" … ")]
        pattern = re.compile(r".*".join(w.replace(r"\ ", r"[ \u00a0]") for w in words), re.DOTALL)
        assert any(s is not None and pattern.search(s.text) for s in sentences), time.expression
        # The words that give the time are the fact's own: they lie in its evidence.
        assert any(pattern.search(span.text) for span in fact.evidence), time.expression


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_provenance_of_every_fact(fact: Event | Statement) -> None:
    if fact.origin is Origin.ENRICHMENT:
        assert fact.sources, "an enrichment names its source"
        assert fact.evidence == (), "an enrichment has no evidence in the article"
    else:
        assert fact.evidence, "an article fact points at its words"
        assert fact.verdict is not None, "every article fact has a verdict"
        if fact.verdict.rating not in (Rating.SUPPORTED, Rating.UNCHECKED):
            assert fact.verdict.note.strip(), (
                "a verdict other than supported/unchecked explains itself"
            )
    if fact.record_time is not None:
        assert fact.record_time.resolution is Resolution.RECORD
        assert fact.record_time.sources
        assert fact.time is None or fact.time.contains(fact.record_time), (
            "the record's date lies within the article's own bounds"
        )


@pytest.mark.parametrize("event", DS.events, ids=lambda e: e.id)
def test_event_codes(event: Event) -> None:
    if event.cameo is not None:
        assert event.cameo in CAMEO
        plover = CAMEO[event.cameo][1]
        assert (event.plover.value if event.plover else None) == plover, event.cameo
    else:
        assert event.plover is None, "a PLOVER type is read from its CAMEO code"
    for participant in event.participants:
        assert participant.entity in DS.entities


def test_reported_claims_keep_their_claimants() -> None:
    reported = [f for f in FACTS if f.attribution.is_reported]
    assert reported
    for fact in reported:
        assert fact.origin is Origin.ARTICLE
        assert fact.attribution.verb
    # The PA's argument is the PA's, not the article's.
    brokerage = DS.statements["trump-administration-not-honest-broker"]
    assert brokerage.attribution.claimants == ("palestinian-authority",)
    assert brokerage.negated


def test_the_articles_errors_are_kept_and_flagged() -> None:
    """The departures from the record stay in the data, each with its verdict."""
    expected = {
        "withdrawal-from-west-bank": Rating.FALSE,
        "soviet-arms-to-jordan": Rating.FALSE,
        "gaza-part-of-egypt": Rating.FALSE,
        "east-jerusalem-part-of-jordan": Rating.SIMPLIFIED,
        "capture-of-east-jerusalem-1967": Rating.SIMPLIFIED,
        "russia-recognizes-palestine": Rating.SIMPLIFIED,
        "reception-of-the-2016-offer": Rating.MISLEADING,
        "trump-threat-to-cut-pa-funding": Rating.SIMPLIFIED,
        "recognition-circumvents-international-law": Rating.OPINION,
        "russia-tepid-relations-with-palestinians": Rating.OPINION,
        "russia-vital-ally-of-palestinians": Rating.OPINION,
    }
    for fact_id, rating in expected.items():
        fact = DS.events.get(fact_id) or DS.statements[fact_id]
        assert fact.verdict is not None
        assert fact.verdict.rating is rating, fact_id
    tel_aviv = [m for m in DS.mentions if m.span.text == "Tel Aviv"]
    assert [(m.target, m.metonymy, m.literal) for m in tel_aviv] == [("israel", True, "tel-aviv")]


def test_article_only_holds_only_the_articles_facts() -> None:
    only = DS.article_only()
    assert isinstance(only, Dataset)
    # What a body belongs to may be the record's alone (the article never says what the
    # Palestinian Authority governs): without the record, such a body is untied, and only that.
    tied_by_the_record = {
        s.subject
        for s in DS.statements
        if s.predicate in TIES and s.origin is Origin.ENRICHMENT and s.sources
    }
    for problem in only.validate():
        assert problem.code is ProblemCode.UNTIED_BODY, problem
        assert set(problem.ids) <= tied_by_the_record, problem
    for fact in (*only.events, *only.statements):
        assert fact.origin is Origin.ARTICLE
        assert fact.evidence
        assert fact.record_time is None
    for event in only.events:
        assert event.record_place is None
    assert all(e.origin is Origin.ARTICLE for e in only.entities)
    assert {f.id for f in (*only.events, *only.statements)} == {f.id for f in ARTICLE_FACTS}


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_verdicts_agree_with_their_sources(fact: Event | Statement) -> None:
    """A departure from the record cites the record; ``unchecked`` means no source bears on it."""
    if fact.verdict is None:
        return
    if fact.verdict.rating in (Rating.FALSE, Rating.MISLEADING, Rating.SIMPLIFIED):
        assert fact.verdict.sources, "a false, misleading or simplified verdict cites its sources"
        assert fact.verdict.note.strip()
    if fact.verdict.rating is Rating.UNCHECKED:
        assert not fact.verdict.sources, "a fact with sources that bear on it is rated"


@pytest.mark.parametrize("source", DS.sources, ids=lambda s: s.id)
def test_no_source_url_is_a_home_page(source: newsfacts.Source) -> None:
    """A source without a known page has no URL rather than its site's home page."""
    if source.url is None:
        return
    parts = urlsplit(source.url)
    assert parts.scheme in ("http", "https")
    assert parts.netloc
    path = [part for part in parts.path.split("/") if part]
    assert path, source.url  # not the site's root
    assert not (len(path) == 1 and len(path[0]) == 2), source.url  # nor a language's root


@pytest.mark.parametrize("event", DS.events, ids=lambda e: e.id)
def test_status_is_as_of_publication(event: Event) -> None:
    """Nothing still proposed or scheduled lies wholly before the article."""
    if event.status in (EventStatus.PROPOSED, EventStatus.SCHEDULED) and event.time is not None:
        assert event.time.latest >= PUBLISHED
    if event.status is EventStatus.ONGOING and event.time is not None:
        assert event.time.latest >= PUBLISHED


@pytest.mark.parametrize("fact", ARTICLE_FACTS, ids=lambda f: f.id)
def test_qualifiers_of_the_words_are_kept(fact: Event | Statement) -> None:
    """ "No longer the *primary* mediator" keeps "primary": negation and qualifiers keep their scope."""
    words = " ".join(span.text for span in fact.evidence).lower()
    if isinstance(fact, Event):
        kept = fact.label.lower()
    else:
        kept = " ".join(
            [fact.predicate.info.label]
            + [q.value.value for q in fact.qualifiers if isinstance(q.value, newsfacts.Literal)]
            + ([fact.object.value] if isinstance(fact.object, newsfacts.Literal) else [])
        ).lower()
    for word in QUALIFIER_WORDS:
        if re.search(rf"\b{word}\b", words):
            assert word in kept, word


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_claimants_claim(fact: Event | Statement) -> None:
    """Claimants are for what someone said, argued, suggested or called for."""
    if fact.attribution.claimants:
        assert fact.attribution.verb in CLAIM_VERBS


def test_the_prose_is_british_and_labels_are_sentences() -> None:
    prose = [(e.id, e.description) for e in DS.entities]
    prose += [(f.id, f.verdict.note) for f in FACTS if f.verdict is not None]
    for event in DS.events:
        prose.append((event.id, event.label))
        # A label says what happens; it is not one of the event's names.
        assert event.label[0].isupper(), event.id
        assert event.label not in event.aliases, event.id
        assert len(event.label.split()) >= 3, event.id
    for statement in DS.statements:
        prose.append((statement.id, statement.label))
        assert statement.label[:1].isupper(), statement.id
    for record_id, text in prose:
        assert not AMERICAN.search(text), (record_id, text)


@pytest.mark.parametrize("fact", [f for f in FACTS if f.time is not None], ids=lambda f: f.id)
def test_precision_says_what_the_words_give(fact: Event | Statement) -> None:
    """No "day" for an interval whose start is unknown; an explicit time has its words."""
    time = fact.time
    assert time is not None
    if time.start is None:
        assert time.precision is None
    if time.resolution is Resolution.EXPLICIT:
        assert time.expression is not None


@pytest.mark.parametrize("record", [False, True])
def test_no_unknown_start_precedes_the_1967_war(record: bool) -> None:
    """An unknown start is not an open one: such a fact follows the war it must follow."""
    timeline = DS.timeline(record=record)
    war = timeline.index(DS.events["six-day-war"])
    for position, event in enumerate(timeline):
        # The time the timeline orders by: the record's where asked and known.
        time = event.record_time if record and event.record_time is not None else event.time
        assert time is not None
        if time.start is None and not time.open_start:
            assert position > war, event.id


@pytest.mark.parametrize("record", [False, True])
def test_the_timeline_never_lists_a_fact_before_one_that_wholly_precedes_it(record: bool) -> None:
    timeline = DS.timeline(record=record)

    def bounds(event: Event) -> tuple[datetime.date, datetime.date]:
        time = event.record_time if record and event.record_time is not None else event.time
        assert time is not None
        return time.earliest, time.latest

    for position, event in enumerate(timeline):
        for later in timeline[position + 1 :]:
            assert not bounds(later)[1] < bounds(event)[0], (event.id, later.id)


@pytest.mark.parametrize("fact", [f for f in FACTS if f.time is not None], ids=lambda f: f.id)
def test_lower_bounds_from_the_record_name_their_sources(fact: Event | Statement) -> None:
    time = fact.time
    assert time is not None
    if time.start is None and time.not_before is not None:
        # A bound the words do not give comes from the record, with its source.
        assert time.bound_sources
        assert set(time.bound_sources) <= set(DS.sources.ids)


PRONOUNS = re.compile(
    r"\b(he|him|his|she|her|hers|it|its|itself|they|them|their|theirs|themselves)\b", re.I
)


def test_every_pronoun_is_a_mention() -> None:
    """A third-person pronoun refers to something: a mention says what (several things at once
    where the words mean several)."""
    text = DS.article.text
    for match in PRONOUNS.finditer(text):
        covering = [m for m in DS.mentions if m.span.start <= match.start() < m.span.end]
        assert covering, f"{match.group()!r} at {match.start()} has no mention"


def _holds(statement: Statement) -> bool:
    return not statement.negated and (
        statement.verdict is None or statement.verdict.rating is not Rating.FALSE
    )


TIES = tuple(p for p in newsfacts.Predicate if p.info.ties)
BODIES = (
    newsfacts.EntityKind.OFFICE,
    newsfacts.EntityKind.GOVERNMENT_BODY,
    newsfacts.EntityKind.AGENCY,
)


@pytest.mark.parametrize("entity", [e for e in DS.entities if e.kind in BODIES], ids=lambda e: e.id)
def test_every_office_body_and_agency_is_tied_to_what_it_belongs_to(entity: Entity) -> None:
    ties = [
        s for s in DS.statements if s.subject == entity.id and s.predicate in TIES and _holds(s)
    ]
    assert ties, f"{entity.id} has no jurisdiction or parent"


@pytest.mark.parametrize(
    "held",
    [s for s in DS.statements if s.predicate is newsfacts.Predicate.POSITION_HELD],
    ids=lambda s: s.id,
)
def test_about_a_body_reaches_each_office_holder(held: Statement) -> None:
    """``about(body)`` reaches the people who act for it, and what they do and claim."""
    office = held.object_id
    assert office is not None
    jurisdictions = [
        s.object_id
        for s in DS.statements
        if s.subject == office and s.predicate in TIES and _holds(s) and s.object_id
    ]
    assert jurisdictions
    for jurisdiction in jurisdictions:
        about = DS.about(jurisdiction)
        assert held.subject in about.reached, jurisdiction
        assert held in about.statements
        acts = [e for e in DS.events if any(p.entity == held.subject for p in e.participants)]
        assert all(event in about.events for event in acts), jurisdiction
        claims = [f for f in FACTS if held.subject in f.attribution.claimants]
        assert all(claim in about for claim in claims), jurisdiction


# The statements through which about() reaches what acts for a body or state.
REACHING = (
    *TIES,
    newsfacts.Predicate.POSITION_HELD,
    newsfacts.Predicate.HEAD_OF_STATE,
    newsfacts.Predicate.HEAD_OF_GOVERNMENT,
)


def _parties(fact: Event | Statement) -> list[tuple[str, str]]:
    """What a fact is about, by role: participants, or subject, object and the entities of
    its qualifiers; and who claims it."""
    if isinstance(fact, Event):
        parties = [(p.role.value, p.entity) for p in fact.participants]
    else:
        parties = [("subject", fact.subject)]
        if fact.object_id is not None:
            parties.append(("object", fact.object_id))
        parties += [(q.kind.value, q.value_id) for q in fact.qualifiers if q.value_id]
    return parties + [("claimant", c) for c in fact.attribution.claimants]


def _without(fact: Event | Statement) -> Dataset:
    """The dataset without ``fact`` where ``fact`` is a tie ``about()`` follows: a fact
    cannot name its own object through itself ("Palestinian envoy" is no name of Palestine)."""
    if not (isinstance(fact, Statement) and fact.predicate in REACHING):
        return DS
    return Dataset(
        DS.metadata,
        DS.article,
        tuple(DS.entities),
        tuple(DS.events),
        tuple(s for s in DS.statements if s.id != fact.id),
        DS.mentions,
        tuple(DS.sources),
    )


@pytest.mark.parametrize("fact", ARTICLE_FACTS, ids=lambda f: f.id)
def test_evidence_holds_the_words_that_name_every_party(fact: Event | Statement) -> None:
    """Where a fact's sentences name one of its parties (a participant, the subject, the
    object, an entity qualifier, a claimant), the evidence holds those words: "Mahmoud
    Abbas is in Moscow", not "is in Moscow" alone; "The PA has argued that …". A party
    is named by a mention of it or of what acts for it ("Trump's threats to cut funding"
    names the United States' funding), as ``about()`` reaches it without the fact itself.
    A place may come from context and is not a party."""
    ds = _without(fact)
    sentences = [DS.article.sentence_at(span.start) for span in fact.evidence]
    for role, party in _parties(fact):
        names = {party}
        if party in ds.entities:
            names |= set(ds.about(party).reached)
        named = [
            m
            for m in DS.mentions
            if names & set(m.targets) and any(s is not None and s.covers(m.span) for s in sentences)
        ]
        if named:
            assert any(span.covers(m.span) for m in named for span in fact.evidence), (
                role,
                party,
            )


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_a_hypothetical_has_no_time_the_words_do_not_give(fact: Event | Statement) -> None:
    """What would be so ("a mechanism in which the United States would no longer serve")
    holds at no time of its own: it is not dated by the discussion that weighs it."""
    if fact.modality is Modality.HYPOTHETICAL and fact.time is not None:
        assert fact.time.expression is not None, fact.time


def _times() -> list[tuple[str, TimeSpec]]:
    times = [("article", DS.article.published)] if DS.article.published else []
    for entity in DS.entities:
        times += [(entity.id, t) for t in (entity.inception, entity.dissolved) if t is not None]
    for fact in FACTS:
        times += [(fact.id, t) for t in (fact.time, fact.record_time) if t is not None]
    return times


@pytest.mark.parametrize(("where", "time"), _times(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_interval_ends_at_publication_for_want_of_an_end(where: str, time: TimeSpec) -> None:
    """An end is when something ended. What was still so when the article appeared has an
    open end (``1967/..``); what ended before it, at a time not given, an unknown end with
    the article as its upper bound (``1991/``, ``not_after``). Neither ends on the day of
    publication, which only the range of one moment (``[1967..2018-02-12]``) may reach."""
    if time.end is not None and not time.once:
        assert not (time.end.earliest == PUBLISHED == time.end.latest), where


@pytest.mark.parametrize("event", DS.events, ids=lambda e: e.id)
def test_what_goes_on_at_publication_has_no_end(event: Event) -> None:
    """An ongoing event is ongoing on the day of the article: its time is that day, or an
    interval with an open end, never one that ends."""
    if event.status is EventStatus.ONGOING and event.time is not None:
        time = event.time
        assert time.open_end or (time.end is None and not time.ends_unknown), time


@pytest.mark.parametrize(("where", "time"), _times(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_date_rests_on_a_source_of_identifiers(where: str, time: TimeSpec) -> None:
    """The reference list takes identifiers from Wikidata and ISO 3166, never dates: a date
    or bound of the record cites a source that the reference list gives for it."""
    assert not (set(time.sources) | set(time.bound_sources)) & IDENTIFIER_SOURCES, where


@pytest.mark.parametrize("source", DS.sources, ids=lambda s: s.id)
def test_a_source_is_dated_only_as_the_reference_list_dates_it(source: newsfacts.Source) -> None:
    if source.published is not None:
        assert REFERENCE_SOURCE_DATES.get(source.id) == source.published


@pytest.mark.parametrize("event", [e for e in DS.events if e.cameo], ids=lambda e: e.id)
def test_a_demand_is_no_appeal(event: Event) -> None:
    """CAMEO 10 (DEMAND) is the forceful form of 02 (APPEAL): words that insist or demand
    are coded as a demand, words that call on, urge or suggest as an appeal."""
    assert event.cameo is not None
    words = " ".join(span.text for span in event.evidence).lower()
    demands = DEMAND_WORDS.search(words) is not None
    appeals = APPEAL_WORDS.search(words) is not None
    if event.cameo.startswith("02"):
        assert not demands, words
    if demands and not appeals:
        assert event.cameo.startswith("10"), words
    if appeals and not demands and event.cameo.startswith("10"):
        pytest.fail(f"an appeal coded as a demand: {words}")


def _pyproject() -> tuple[Path, dict[str, Any]]:
    # The wheel's test run copies pyproject.toml beside the tests, without the licence files.
    root = Path(__file__).resolve().parent.parent
    if not (root / "pyproject.toml").is_file():
        root = Path.cwd()
    if not (root / "pyproject.toml").is_file():
        pytest.skip("pyproject.toml is not beside the tests")
    return root, tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_package_licence_names_every_part_it_ships() -> None:
    """PEP 639: the licence expression covers all the distribution holds, and each part's text ships."""
    root, pyproject = _pyproject()
    project = pyproject["project"]
    parts = project["license"].split(" AND ")
    # The code's licence, the facts' (the dataset's metadata names it first),
    # and the article text's, as the CSV export's Data Package names it.
    (article,) = (r for r in datapackage(DS)["resources"] if r["name"] == "article")
    assert parts == ["MIT", DS.metadata.license.split()[0], article["licenses"][0]["name"]]
    files = {
        path.relative_to(root).as_posix()
        for pattern in project["license-files"]
        for path in root.glob(pattern)
    }
    if not (root / "LICENSE").is_file():
        pytest.skip("the licence files are not beside pyproject.toml (an installed-wheel run)")
    assert files == {"LICENSE", *(f"LICENSES/{part}.txt" for part in parts[1:])}
    texts = {name: (root / name).read_text(encoding="utf-8") for name in files}
    assert texts["LICENSE"].startswith("MIT License")
    assert (
        "Creative Commons Attribution 4.0 International Public License"
        in (texts["LICENSES/CC-BY-4.0.txt"])
    )
    # The article text's own notice names its publisher and every copy shipped.
    notice = texts[f"LICENSES/{parts[2]}.txt"]
    assert DS.article.publisher in notice
    assert f"src/newsfacts/data/{DS.id}/article.txt" in notice
    assert f"sources/{DS.id}/article.txt" in notice
