"""ClaimReview: expanded offline with PyLD, then shape-checked with pySHACL.

No network: PyLD's document loader answers the one context the file names,
``https://schema.org``, with a context written from schema.org's documented
terms (its vocabulary ``http://schema.org/``; ``url`` and ``sameAs`` are
IRIs; ``datePublished`` a ``Date``), and fails for anything else. The
shapes say what Google's ClaimReview documentation requires and recommends.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import rdflib
from pyld import jsonld
from pyshacl import validate

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset, Event, Rating, Statement
from newsfacts.export import (
    BEST_RATING,
    CLAIMREVIEW_FILE,
    RATING_SCALE,
    WORST_RATING,
    check_review_url,
    claimreviews,
    export,
    to_claimreview,
)

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])
SCHEMA = "http://schema.org/"

SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        "url": {"@id": "schema:url", "@type": "@id"},
        "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
        "datePublished": {"@id": "schema:datePublished", "@type": "schema:Date"},
    }
}


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the test asked for a document it does not have: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <http://schema.org/> .
@prefix ex: <urn:shapes:> .

ex:ClaimReview a sh:NodeShape ; sh:targetClass schema:ClaimReview ;
  sh:property [ sh:path schema:claimReviewed ; sh:minCount 1 ; sh:maxCount 1 ;
                sh:datatype xsd:string ; sh:minLength 1 ] ;
  sh:property [ sh:path schema:reviewRating ; sh:minCount 1 ; sh:maxCount 1 ;
                sh:class schema:Rating ; sh:node ex:Rating ] ;
  sh:property [ sh:path schema:itemReviewed ; sh:minCount 1 ; sh:maxCount 1 ;
                sh:class schema:Claim ; sh:node ex:Claim ] ;
  sh:property [ sh:path schema:author ; sh:minCount 1 ; sh:node ex:Party ] .

ex:Rating a sh:NodeShape ;
  sh:property [ sh:path schema:alternateName ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
  sh:property [ sh:path schema:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
  sh:property [ sh:path schema:ratingValue ; sh:maxCount 1 ; sh:datatype xsd:integer ;
                sh:minInclusive 1 ; sh:maxInclusive 5 ] ;
  sh:property [ sh:path schema:bestRating ; sh:maxCount 1 ; sh:in ( 5 ) ] ;
  sh:property [ sh:path schema:worstRating ; sh:maxCount 1 ; sh:in ( 1 ) ] .

ex:Claim a sh:NodeShape ;
  sh:property [ sh:path schema:author ; sh:minCount 1 ; sh:node ex:Party ] ;
  sh:property [ sh:path schema:appearance ; sh:minCount 1 ] ;
  sh:property [ sh:path schema:firstAppearance ; sh:maxCount 1 ] .

ex:Party a sh:NodeShape ;
  sh:or ( [ sh:class schema:Person ] [ sh:class schema:Organization ] ) ;
  sh:property [ sh:path schema:name ; sh:minCount 1 ; sh:datatype xsd:string ] .
"""

PUBLISHED_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <http://schema.org/> .
<urn:shapes:Published> a sh:NodeShape ; sh:targetClass schema:ClaimReview ;
  sh:property [ sh:path schema:url ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ] ;
  sh:property [ sh:path schema:datePublished ; sh:minCount 1 ; sh:maxCount 1 ] .
"""


def _graph(data: Any) -> rdflib.Graph:
    expanded = jsonld.expand(data, {"documentLoader": _loader})
    nquads = jsonld.to_rdf(expanded, {"format": "application/n-quads"})
    # No named graphs: the N-Quads lines are N-Triples.
    return rdflib.Graph().parse(data=nquads, format="nt")


def _conforms(graph: rdflib.Graph, shapes: str) -> tuple[bool, str]:
    # Parsed graphs, not text: pySHACL parses text into an rdflib Dataset
    # through an API that rdflib deprecates (a warning, an error here).
    shapes_graph = rdflib.Graph().parse(data=shapes, format="turtle")
    conforms, _, report = validate(graph, shacl_graph=shapes_graph)
    return bool(conforms), str(report)


def _rated(dataset: Dataset) -> list[Event | Statement]:
    facts: list[Event | Statement] = [*dataset.events, *dataset.statements]
    return [f for f in facts if f.verdict is not None and f.verdict.rating is not Rating.UNCHECKED]


@DATASETS
def test_expands_offline_and_meets_the_shapes(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "claimreview", tmp_path / "cr")
    data = json.loads((out / CLAIMREVIEW_FILE).read_text(encoding="utf-8"))
    graph = _graph(data)
    conforms, report = _conforms(graph, SHAPES)
    assert conforms, report
    reviews = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(SCHEMA + "ClaimReview")))
    assert len(reviews) == len(_rated(dataset))


@DATASETS
def test_each_rated_fact_comes_back_with_its_rating(dataset: Dataset) -> None:
    expanded = jsonld.expand(claimreviews(dataset), {"documentLoader": _loader})
    s = SCHEMA

    def one(node: dict[str, Any], key: str) -> Any:
        (value,) = node[s + key]
        return value.get("@value", value)

    by_id = {one(node, "identifier"): node for node in expanded}
    assert list(by_id) == [fact.id for fact in _rated(dataset)]
    for fact in _rated(dataset):
        assert fact.verdict is not None
        node = by_id[fact.id]
        words = " … ".join(span.text for span in fact.evidence)
        assert one(node, "claimReviewed") == (
            words or (fact.label if isinstance(fact, Event) else str(fact))
        )
        rating = one(node, "reviewRating")
        scale = RATING_SCALE[fact.verdict.rating]
        assert one(rating, "alternateName") == scale.alternate_name
        if scale.value is None:
            assert s + "ratingValue" not in rating
        else:
            assert (
                one(rating, "ratingValue"),
                one(rating, "bestRating"),
                one(rating, "worstRating"),
            ) == (
                scale.value,
                BEST_RATING,
                WORST_RATING,
            )
        claim = one(node, "itemReviewed")
        authors = [one(author, "name") for author in claim[s + "author"]]
        claimants = fact.attribution.claimants
        assert (s + "firstAppearance" in claim) == (not claimants)
        assert authors == (
            [dataset.entities[c].name for c in claimants]
            if claimants
            else [dataset.article.publisher]
        )


def test_the_scale_orders_the_ratings_of_truth() -> None:
    values = [
        RATING_SCALE[r].value
        for r in (Rating.FALSE, Rating.MISLEADING, Rating.SIMPLIFIED, Rating.SUPPORTED)
    ]
    numbers = [value for value in values if value is not None]
    assert numbers == values
    assert numbers == sorted(numbers)
    assert all(WORST_RATING <= value <= BEST_RATING for value in numbers)
    assert {RATING_SCALE[Rating.OPINION].value, RATING_SCALE[Rating.UNCHECKED].value} == {None}


def test_with_a_page_and_a_date_every_review_has_url_and_date() -> None:
    data = claimreviews(
        DS, review_url="https://example.org/reviews", date_published=datetime.date(2026, 1, 2)
    )
    graph = _graph(data)
    conforms, report = _conforms(graph, PUBLISHED_SHAPES)
    assert conforms, report
    assert {review["url"] for review in data} == {
        f"https://example.org/reviews#{fact.id}" for fact in _rated(DS)
    }


def test_the_shapes_catch_a_review_without_its_claim() -> None:
    data = claimreviews(DS)
    broken = [{k: v for k, v in data[0].items() if k != "claimReviewed"}, *data[1:]]
    conforms, _ = _conforms(_graph(broken), SHAPES)
    assert not conforms
    conforms, _ = _conforms(_graph(data), PUBLISHED_SHAPES)
    assert not conforms


def test_bad_arguments_raise_type_error() -> None:
    with pytest.raises(TypeError, match="date_published"):
        claimreviews(DS, date_published="2026-01-02")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="review_url"):
        claimreviews(DS, review_url=1)  # type: ignore[arg-type]


def test_bad_review_urls_raise_value_error() -> None:
    for url in ("not a url", "example.org/reviews", "", "https://example.org/a b"):
        with pytest.raises(ValueError, match="review_url must be an absolute URL"):
            claimreviews(DS, review_url=url)
    with pytest.raises(ValueError, match="review_url must have no #fragment"):
        claimreviews(DS, review_url="https://example.org/reviews#top")
    assert check_review_url("https://example.org/reviews?page=2") == (
        "https://example.org/reviews?page=2"
    )
    with pytest.raises(ValueError, match=r"^--review-url must"):
        check_review_url("reviews", "--review-url")


def test_the_page_and_date_go_into_the_exported_file(tmp_path: Path) -> None:
    page, day = "https://example.org/fact-checks/abbas-putin", datetime.date(2018, 2, 14)
    out = to_claimreview(DS, tmp_path / "cr", review_url=page, date_published=day)
    data = json.loads((out / CLAIMREVIEW_FILE).read_text(encoding="utf-8"))
    assert data == claimreviews(DS, review_url=page, date_published=day)
    assert [review["identifier"] for review in data] == [fact.id for fact in _rated(DS)]
    for review in data:
        assert review["url"] == f"{page}#{review['identifier']}"
        assert review["datePublished"] == "2018-02-14"
    conforms, report = _conforms(_graph(data), PUBLISHED_SHAPES)
    assert conforms, report


@DATASETS
def test_without_a_page_and_date_the_file_is_the_exports(dataset: Dataset, tmp_path: Path) -> None:
    plain = export(dataset, "claimreview", tmp_path / "export") / CLAIMREVIEW_FILE
    same = to_claimreview(dataset, tmp_path / "to") / CLAIMREVIEW_FILE
    assert plain.read_bytes() == same.read_bytes()
    data = json.loads(plain.read_text(encoding="utf-8"))
    assert data == claimreviews(dataset)
    assert not any("url" in review or "datePublished" in review for review in data)


def test_a_bad_page_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="review_url"):
        to_claimreview(DS, tmp_path / "cr", review_url="https://example.org/#x")
    with pytest.raises(TypeError, match="date_published"):
        to_claimreview(DS, tmp_path / "cr", date_published="2018-02-14")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
