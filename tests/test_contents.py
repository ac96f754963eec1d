"""The whole built-in dataset, record by record.

Like tzdata's contents test, nothing here samples or counts: every span,
every reference, every name and every fact of the shipped dataset is checked.
"""

from __future__ import annotations

import hashlib
import re

import pytest

import newsfacts
from newsfacts import (
    AmbiguousNameError,
    Dataset,
    Entity,
    Event,
    Origin,
    Rating,
    Resolution,
    Span,
    Statement,
)
from newsfacts.names import fold

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
    "Q45266620": "Donald Trump recognises Jerusalem as Israel's capital",
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
    "P1001",
}  # fmt: skip
# CAMEO codes used by the dataset, with their codebook labels.
CAMEO = {
    "010": "make statement",
    "022": "appeal for diplomatic cooperation",
    "026": "appeal to others to meet or negotiate",
    "036": "express intent to meet or negotiate",
    "040": "consult",
    "042": "make a visit",
    "043": "host a visit",
    "045": "mediate",
    "046": "engage in negotiation",
    "054": "grant diplomatic recognition",
    "111": "criticize or denounce",
    "120": "reject",
    "125": "reject proposal to meet, discuss or negotiate",
    "1311": "threaten to reduce or stop aid",
    "190": "use conventional military force",
    "192": "occupy territory",
    "0874": "retreat or surrender militarily",
}

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


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.id)
def test_time_expressions_are_the_words_of_the_evidence(fact: Event | Statement) -> None:
    for time in (fact.time, fact.record_time):
        if time is None or time.expression is None:
            continue
        sentences = [DS.article.sentence_at(span.start) for span in fact.evidence]
        words = [re.escape(part) for part in time.expression.split(" … ")]
        pattern = re.compile(r".*".join(w.replace(r"\ ", r"[ \u00a0]") for w in words), re.DOTALL)
        assert any(s is not None and pattern.search(s.text) for s in sentences), time.expression


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
    assert only.validate() == ()
    for fact in (*only.events, *only.statements):
        assert fact.origin is Origin.ARTICLE
        assert fact.evidence
        assert fact.record_time is None
    for event in only.events:
        assert event.record_place is None
    assert all(e.origin is Origin.ARTICLE for e in only.entities)
    assert {f.id for f in (*only.events, *only.statements)} == {f.id for f in ARTICLE_FACTS}
