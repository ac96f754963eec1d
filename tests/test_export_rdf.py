"""RDF export: parsed back by rdflib and questioned with SPARQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import rdflib
from hypothesis import given, settings
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

import newsfacts
from _compare import held_references
from _tiny import tiny_dataset
from newsfacts import Dataset, EventKind, Rating, Role
from newsfacts.export import (
    BEST_RATING,
    JSONLD_FILE,
    RATING_SCALE,
    TURTLE_FILE,
    WORST_RATING,
    MissingExtraError,
    to_jsonld,
    to_rdf,
    to_turtle,
)
from newsfacts.export._rdf import ATTENDING_ROLES, NEWSFACTS_VOCABULARY, WD, WDT
from newsfacts.format import references
from strategies import datasets

# rdflib's own JSON-LD parser builds a ConjunctiveGraph, which rdflib itself deprecates.
pytestmark = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning:rdflib"
)

OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])

PREFIXES = f"""
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX wd: <{WD}>
PREFIX wdt: <{WDT}>
PREFIX nfv: <{NEWSFACTS_VOCABULARY}>
"""


def _base(dataset: Dataset) -> str:
    return f"urn:newsfacts:{dataset.id}:"


def _id(dataset: Dataset, node: object) -> str:
    text = str(node)
    assert text.startswith(_base(dataset)), text
    return text[len(_base(dataset)) :]


def _parsed(dataset: Dataset, tmp_path: Path) -> tuple[rdflib.Graph, rdflib.Graph]:
    turtle = rdflib.Graph().parse(to_turtle(dataset, tmp_path / "ttl") / TURTLE_FILE)
    jsonld = rdflib.Graph().parse(to_jsonld(dataset, tmp_path / "jsonld") / JSONLD_FILE)
    return turtle, jsonld


@DATASETS
def test_turtle_and_jsonld_hold_the_same_graph(dataset: Dataset, tmp_path: Path) -> None:
    turtle, jsonld = _parsed(dataset, tmp_path)
    assert len(turtle) > 0
    assert isomorphic(turtle, jsonld)
    assert isomorphic(turtle, to_rdf(dataset))


@DATASETS
def test_who_met_abbas_in_moscow_and_when(dataset: Dataset, tmp_path: Path) -> None:
    graph, _ = _parsed(dataset, tmp_path)
    rows = graph.query(
        PREFIXES
        + """
        SELECT ?who ?when WHERE {
          ?abbas owl:sameAs wd:Q127998 .
          ?moscow owl:sameAs wd:Q649 .
          ?meeting a schema:Event ;
                   nfv:kind "meeting" ;
                   schema:location ?moscow ;
                   schema:attendee ?abbas, ?who ;
                   schema:startDate ?when .
          ?who a schema:Person .
          FILTER (?who != ?abbas)
        }
        """
    )
    found = {(_id(dataset, row[0]), str(row[1])) for row in rows}  # type: ignore[index]
    # The same question asked of the records.
    abbas = dataset.entities.lookup("Q127998")
    moscow = dataset.entities.lookup("Q649")
    expected = set()
    for event in dataset.events.filter(kind=EventKind.MEETING, place=moscow.id):
        present = {p.entity for p in event.participants if p.role in ATTENDING_ROLES}
        present |= set(event.participants_in(Role.AGENT) + event.participants_in(Role.RECIPIENT))
        if abbas.id in present and event.time is not None and event.time.start is not None:
            for who in present - {abbas.id}:
                if dataset.entities[who].kind.value == "person":
                    expected.add((who, event.time.start.edtf))
    assert found == expected
    assert ("vladimir-putin", "2018-02-12") in found


@DATASETS
def test_which_facts_are_rated_false(dataset: Dataset, tmp_path: Path) -> None:
    graph, _ = _parsed(dataset, tmp_path)
    rows = graph.query(
        PREFIXES
        + """
        SELECT ?fact ?note WHERE {
          ?review a schema:ClaimReview ;
                  schema:itemReviewed ?fact ;
                  schema:reviewRating/schema:alternateName "false" .
          OPTIONAL { ?review schema:reviewBody ?note }
        }
        """
    )
    found = {(_id(dataset, row[0]), str(row[1])) for row in rows}  # type: ignore[index]
    expected = {
        (fact.id, fact.verdict.note)
        for fact in (*dataset.events, *dataset.statements)
        if fact.verdict is not None and fact.verdict.rating is Rating.FALSE
    }
    assert found == expected
    assert expected
    statements = graph.query(
        PREFIXES
        + """
        SELECT ?s WHERE {
          ?s a rdf:Statement .
          [] schema:itemReviewed ?s ; schema:reviewRating/schema:alternateName "false" .
        }
        """
    )
    assert {_id(dataset, row[0]) for row in statements} == {  # type: ignore[index]
        s.id for s in dataset.statements.filter(verdict=Rating.FALSE)
    }


def test_every_verdict_is_a_claim_review(tmp_path: Path) -> None:
    graph, _ = _parsed(DS, tmp_path)
    rows = graph.query(
        PREFIXES
        + """
        SELECT ?fact ?rating WHERE {
          [] a schema:ClaimReview ; schema:itemReviewed ?fact ;
             schema:reviewRating [ a schema:Rating ; schema:alternateName ?rating ] .
        }
        """
    )
    found = {(_id(DS, row[0]), str(row[1])) for row in rows}  # type: ignore[index]
    assert found == {
        (fact.id, fact.verdict.rating.value)
        for fact in (*DS.events, *DS.statements)
        if fact.verdict is not None
    }


def test_entities_carry_their_wikidata_items(tmp_path: Path) -> None:
    graph, _ = _parsed(DS, tmp_path)
    rows = graph.query(PREFIXES + "SELECT ?e ?q WHERE { ?e owl:sameAs ?q ; schema:name [] }")
    same = {(_id(DS, row[0]), str(row[1])) for row in rows}  # type: ignore[index]
    assert same == {
        (record.id, WD + record.wikidata)
        for record in (*DS.entities, *DS.events)
        if record.wikidata is not None
    }


@settings(max_examples=10)
@given(datasets())
def test_sources_are_the_same_as_their_own_wikidata_items(dataset: Dataset) -> None:
    graph = to_rdf(dataset)
    rows = graph.query(PREFIXES + "SELECT ?s ?q WHERE { ?s a schema:CreativeWork ; owl:sameAs ?q }")
    same = {(_id(dataset, row[0]), str(row[1])) for row in rows}  # type: ignore[index]
    assert same == {
        (source.id, WD + source.wikidata)
        for source in dataset.sources
        if source.wikidata is not None
    }


def test_statements_use_their_predicates_wikidata_property(tmp_path: Path) -> None:
    graph, _ = _parsed(DS, tmp_path)
    rows = graph.query(
        PREFIXES + "SELECT ?s ?p ?o WHERE { ?s a rdf:Statement ; rdf:predicate ?p ; rdf:object ?o }"
    )
    found = {_id(DS, row[0]): (str(row[1]), row[2]) for row in rows}  # type: ignore[index]
    assert set(found) == set(DS.statements.ids)
    for statement in DS.statements:
        predicate, obj = found[statement.id]
        wikidata = statement.predicate.wikidata
        if wikidata is not None:
            assert predicate == WDT + wikidata
        else:
            assert predicate.startswith(NEWSFACTS_VOCABULARY)
        if statement.object_id is not None:
            assert _id(DS, obj) == statement.object_id
        else:
            assert str(obj) == str(statement.object)


@DATASETS
def test_evidence_is_web_annotation_with_both_selectors(dataset: Dataset, tmp_path: Path) -> None:
    graph, _ = _parsed(dataset, tmp_path)
    # rdflib joins in the order written: the selectors first keeps the query quick.
    targets = """
        ?t oa:hasSelector ?selector ; oa:hasSource ?source .
        ?a oa:hasTarget ?t ; oa:hasBody ?fact ; oa:motivatedBy oa:describing .
    """
    positions = graph.query(
        PREFIXES
        + "SELECT ?t ?fact ?source ?start ?end WHERE {"
        + "?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . "
        + targets
        + "}"
    )
    quotes = graph.query(
        PREFIXES
        + "SELECT ?t ?exact ?prefix ?suffix WHERE {"
        + "?selector a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; "
        + "oa:suffix ?suffix . "
        + targets
        + "}"
    )
    quote_of = {row[0]: tuple(str(x) for x in row[1:]) for row in quotes}  # type: ignore[index]
    text = dataset.article.text
    found = set()
    for row in positions:
        target, fact, source, start, end = row  # type: ignore[misc]
        assert (target, RDF.type, OA.SpecificResource) in graph
        start_, end_ = int(start), int(end)
        exact, prefix, suffix = quote_of[target]
        assert text[start_:end_] == exact
        assert text[:start_].endswith(prefix)
        assert text[end_:].startswith(suffix)
        assert _id(dataset, source) == dataset.article.id
        found.add((_id(dataset, fact), start_, end_))
    assert len(quote_of) == len(positions)
    annotations = set(graph.subjects(OA.motivatedBy, OA.describing))
    assert annotations == set(graph.subjects(RDF.type, OA.Annotation)) - set(
        graph.subjects(OA.motivatedBy, OA.identifying)
    )
    assert found == {
        (fact.id, span.start, span.end)
        for fact in (*dataset.events, *dataset.statements)
        for span in fact.evidence
    }


def test_event_dates_keep_the_precision_of_the_words(tmp_path: Path) -> None:
    graph = to_rdf(DS)
    datatypes = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
    for event in DS.events:
        node = rdflib.URIRef(_base(DS) + event.id)
        dates = list(graph.objects(node, rdflib.URIRef("https://schema.org/startDate")))
        if event.time is None or event.time.start is None or event.time.once:
            # No start, or a start that only bounds one moment ("later"): no start date.
            assert dates == []
            continue
        (date,) = dates
        assert isinstance(date, rdflib.Literal)
        assert str(date) == event.time.start.edtf
        assert date.datatype == datatypes[event.time.start.precision.value]


def test_a_base_of_ones_own() -> None:
    graph = to_rdf(DS, base="https://example.org/facts/")
    node = rdflib.URIRef("https://example.org/facts/mahmoud-abbas")
    assert (node, rdflib.OWL.sameAs, rdflib.URIRef(WD + "Q127998")) in graph
    with pytest.raises(TypeError, match="base must be a str"):
        to_rdf(DS, base=7)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Dataset"):
        to_rdf("x")  # type: ignore[arg-type]


def test_without_rdflib_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "rdflib", None)
    with pytest.raises(MissingExtraError, match=r"newsfacts\[rdf\]") as caught:
        to_rdf(DS)
    assert isinstance(caught.value, ImportError)
    assert caught.value.extra == "rdf"
    for write in (to_turtle, to_jsonld):
        with pytest.raises(MissingExtraError):
            write(DS, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_ratings_carry_the_claimreview_scale(tmp_path: Path) -> None:
    graph, _ = _parsed(DS, tmp_path)
    rows = graph.query(
        PREFIXES
        + """
        SELECT ?fact ?value ?best ?worst WHERE {
          [] schema:itemReviewed ?fact ;
             schema:reviewRating [ schema:ratingValue ?value ;
                                   schema:bestRating ?best ; schema:worstRating ?worst ] .
        }
        """
    )
    found = {
        (_id(DS, row[0]), _py(row[1]), _py(row[2]), _py(row[3]))  # type: ignore[index,misc]
        for row in rows
    }
    assert found == {
        (fact.id, RATING_SCALE[fact.verdict.rating].value, BEST_RATING, WORST_RATING)
        for fact in (*DS.events, *DS.statements)
        if fact.verdict is not None and RATING_SCALE[fact.verdict.rating].value is not None
    }


@DATASETS
def test_jsonld_reads_as_json_with_named_keys_in_a_stable_order(
    dataset: Dataset, tmp_path: Path
) -> None:
    first = (to_jsonld(dataset, tmp_path / "a") / JSONLD_FILE).read_bytes()
    second = (to_jsonld(dataset, tmp_path / "b") / JSONLD_FILE).read_bytes()
    assert first == second
    document = json.loads(first)
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
    keys = {key for node in document["@graph"] for key in node}
    # Plain keys, except where two vocabularies share a local name.
    assert {"name", "startDate", "hasSelector", "alternateName"} <= keys
    shared = _shared_local_names(to_rdf(dataset))
    for key in keys - {"@id", "@type"}:
        if ":" in key:
            assert key.split(":", 1)[1] in shared, key
    for node in document["@graph"]:
        assert list(node) == sorted(node)


def _py(node: object) -> object:
    assert isinstance(node, rdflib.Literal)
    return node.toPython()


def _shared_local_names(graph: rdflib.Graph) -> set[str]:
    names: dict[str, set[str]] = {}
    for predicate in set(graph.predicates()):
        iri = str(predicate)
        names.setdefault(iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1], set()).add(iri)
    return {name for name, iris in names.items() if len(iris) > 1}


@settings(max_examples=10, deadline=None)
@given(datasets())
def test_every_reference_the_format_declares_is_a_link_of_its_record(dataset: Dataset) -> None:
    """Each id a record holds where :func:`newsfacts.format.references` says is the object of a
    triple of the record's node, or of a node of its own (``<id>.review``, ``<id>.participant-0``)."""
    graph = to_rdf(dataset)
    base = _base(dataset)
    linked: dict[str, set[str]] = {}
    for subject, _, linked_to in graph:
        if isinstance(linked_to, rdflib.URIRef) and str(subject).startswith(base):
            owner = _id(dataset, subject).split(".", 1)[0]
            linked.setdefault(owner, set()).add(str(linked_to))
    for record_id, field, value in held_references(dataset):
        assert base + value in linked.get(record_id, set()), (record_id, field)
    for number, mention in enumerate(dataset.mentions):
        node = rdflib.URIRef(f"{base}{dataset.article.id}.mention-{number}")
        for reference in references(newsfacts.Mention):
            for _, value in reference.located(mention):
                target = rdflib.URIRef(base + value)
                assert any(graph.triples((node, None, target))), (number, reference.field)
