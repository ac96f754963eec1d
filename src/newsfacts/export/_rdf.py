"""RDF: the dataset as a graph of schema.org, Wikidata and Web Annotation terms.

- Entities carry ``owl:sameAs`` their Wikidata item, a schema.org type and
  their names.
- Sources are ``schema:CreativeWork`` with ``schema:name``, ``schema:url``,
  ``schema:publisher``, ``schema:datePublished`` and ``owl:sameAs`` their
  own Wikidata item, where they have one.
- Events are ``schema:Event`` with ``schema:startDate`` / ``endDate`` (typed
  at the precision the words give: ``xsd:date``, ``xsd:gYearMonth``,
  ``xsd:gYear``), ``schema:location`` and ``schema:attendee`` (those present:
  host, attendee, audience, mediator; agent and recipient of a meeting, visit,
  discussion or speech); every participant is also ``wdt:P710`` and a
  qualified ``nfv:participation`` with its role.
- Statements are reified (``rdf:Statement``, also ``schema:Claim``) with
  ``rdf:predicate`` the predicate's Wikidata property where one exists,
  else an ``nfv:`` term. No statement is asserted as a plain triple: the
  dataset records what the article says, including its errors.
- Evidence is a W3C Web Annotation (``oa:Annotation``) whose target is the
  article with a ``TextPositionSelector`` and a ``TextQuoteSelector``.
- Verdicts are ``schema:ClaimReview`` with a ``schema:reviewRating`` whose
  ``schema:alternateName`` is the rating (``"false"``), with
  ``schema:ratingValue``, ``bestRating`` and ``worstRating`` on the
  ClaimReview export's scale (:data:`RATING_SCALE`; none for an opinion or
  an unchecked fact), the note as ``schema:reviewBody`` and the verdict's
  sources as ``schema:citation``.
- Every other source a record cites (its own, its times' and their lower
  bounds', as :func:`newsfacts.format.references` lists them) is a
  ``schema:citation`` of the record.

Records get IRIs under ``base`` (by default ``urn:newsfacts:<dataset id>:``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newsfacts.dataset import Dataset
from newsfacts.format import references
from newsfacts.model import Article, Entity, Event, Literal, Mention, Span, Statement
from newsfacts.timespec import TimePoint, TimeSpec
from newsfacts.vocabulary import EntityKind, EventKind, Precision, Role

from ._errors import ExportError, MissingExtraError
from ._ratings import BEST_RATING, RATING_SCALE, WORST_RATING

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "ATTENDING_ROLES",
    "NEWSFACTS_VOCABULARY",
    "OA",
    "SCHEMA",
    "WD",
    "WDT",
    "to_rdf",
    "write_jsonld",
    "write_turtle",
]

SCHEMA = "https://schema.org/"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
OA = "http://www.w3.org/ns/oa#"
NEWSFACTS_VOCABULARY = "https://github.com/newsfacts/newsfacts/vocabulary#"
"""Terms of this package's own for what schema.org and Wikidata have no word for."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

TURTLE_FILE = "dataset.ttl"
JSONLD_FILE = "dataset.jsonld"

ATTENDING_ROLES = frozenset({Role.HOST, Role.ATTENDEE, Role.AUDIENCE, Role.MEDIATOR})
"""Roles whose holders are ``schema:attendee`` of any event."""
_GATHERINGS = frozenset(
    {EventKind.MEETING, EventKind.VISIT, EventKind.DISCUSSION, EventKind.SPEECH}
)
_GATHERING_ROLES = frozenset({Role.AGENT, Role.RECIPIENT})
"""Roles whose holders also attend a gathering (meeting, visit, discussion, speech)."""

_ENTITY_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.STATE: "Country",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.GOVERNMENT_BODY: "GovernmentOrganization",
    EntityKind.AGENCY: "GovernmentOrganization",
    EntityKind.MILITARY: "Organization",
    EntityKind.CITY: "City",
    EntityKind.TERRITORY: "Place",
    EntityKind.REGION: "Place",
    EntityKind.BUILDING: "Place",
}


def _rdflib() -> None:
    try:
        import rdflib  # noqa: F401
    except ImportError:
        raise MissingExtraError("The RDF export", "rdflib", "rdf") from None


def _camel(value: str) -> str:
    head, *rest = value.split("_")
    return head + "".join(word.capitalize() for word in rest)


class _Builder:
    """Adds the triples of one dataset to a graph."""

    def __init__(self, dataset: Dataset, base: str) -> None:
        import rdflib
        from rdflib.namespace import OWL, RDF, RDFS, XSD

        self.rdflib = rdflib
        self.RDF, self.RDFS, self.OWL, self.XSD = RDF, RDFS, OWL, XSD
        self.dataset = dataset
        self.nf = rdflib.Namespace(base)
        self.schema = rdflib.Namespace(SCHEMA)
        self.wd = rdflib.Namespace(WD)
        self.wdt = rdflib.Namespace(WDT)
        self.oa = rdflib.Namespace(OA)
        self.nfv = rdflib.Namespace(NEWSFACTS_VOCABULARY)
        graph = rdflib.Graph(bind_namespaces="core")
        for prefix, namespace in (
            ("nf", self.nf),
            ("nfv", self.nfv),
            ("schema", self.schema),
            ("wd", self.wd),
            ("wdt", self.wdt),
            ("oa", self.oa),
            ("owl", OWL),
        ):
            graph.bind(prefix, namespace, override=True, replace=True)
        self.graph = graph
        self.article = self.nf[dataset.article.id]

    # --- helpers -------------------------------------------------------------

    def iri(self, id: str) -> rdflib.URIRef:
        return self.nf[id]

    def add(
        self, subject: rdflib.term.Node, predicate: rdflib.URIRef, value: rdflib.term.Node
    ) -> None:
        self.graph.add((subject, predicate, value))

    def text(self, subject: rdflib.term.Node, predicate: rdflib.URIRef, value: str | None) -> None:
        if value:
            self.add(subject, predicate, self.rdflib.Literal(value))

    def point(self, point: TimePoint) -> rdflib.Literal:
        # Typed at the precision the words give: a year stays a year.
        datatype = {
            Precision.DAY: self.XSD.date,
            Precision.MONTH: self.XSD.gYearMonth,
            Precision.YEAR: self.XSD.gYear,
        }[point.precision]
        return self.rdflib.Literal(point.edtf, datatype=datatype)

    def time(self, subject: rdflib.URIRef, time: TimeSpec | None, dates: bool) -> None:
        if time is None:
            return
        self.text(subject, self.nfv.edtf, time.edtf)
        self.text(subject, self.nfv.timeExpression, time.expression)
        self.text(subject, self.nfv.timeResolution, time.resolution.value)
        # One moment within a range has no start or end date: its EDTF says it.
        if dates and not time.once:
            if time.start is not None:
                self.add(subject, self.schema.startDate, self.point(time.start))
            if time.end is not None:
                self.add(subject, self.schema.endDate, self.point(time.end))

    def ids(self, subject: rdflib.URIRef, predicate: rdflib.URIRef, ids: Iterable[str]) -> None:
        for id in ids:
            self.add(subject, predicate, self.iri(id))

    def value(self, ref: str | Literal) -> rdflib.term.Node:
        if isinstance(ref, Literal):
            return self.rdflib.Literal(ref.value)
        return self.iri(ref)

    def citations(
        self,
        node: rdflib.URIRef,
        record: Article | Entity | Event | Statement,
        review: rdflib.URIRef | None = None,
    ) -> None:
        """``schema:citation`` of every source the record cites, wherever the format says it
        may (its sources, its times' and bounds' sources), a verdict's on its review."""
        cls: type = type(record)
        for reference in references(cls):
            if reference.kinds != ("sources",):
                continue
            cites = review if review is not None and reference.path[0] == "verdict" else node
            for _, source in reference.located(record):
                self.add(cites, self.schema.citation, self.iri(source))

    # --- records -------------------------------------------------------------

    def metadata(self) -> None:
        dataset = self.dataset
        meta = dataset.metadata
        node = self.nf[""]
        self.add(node, self.RDF.type, self.schema.Dataset)
        self.text(node, self.schema.identifier, meta.id)
        self.text(node, self.schema.name, meta.title)
        self.text(node, self.schema.description, meta.description)
        self.text(node, self.schema.license, meta.license)
        self.text(node, self.schema.version, meta.version)
        self.add(node, self.schema.isBasedOn, self.article)
        article = dataset.article
        self.add(self.article, self.RDF.type, self.schema.NewsArticle)
        self.text(self.article, self.schema.headline, article.title)
        self.text(self.article, self.schema.publisher, article.publisher)
        self.text(self.article, self.schema.inLanguage, article.language)
        if article.url:
            self.add(self.article, self.schema.url, self.rdflib.URIRef(article.url))
        if article.published is not None and article.published.start is not None:
            self.add(self.article, self.schema.datePublished, self.point(article.published.start))
        self.text(self.article, self.schema.text, article.text)
        self.text(self.article, self.nfv.sha256, article.sha256)
        self.citations(self.article, article)

    def source(self, source_id: str) -> None:
        source = self.dataset.sources[source_id]
        node = self.iri(source.id)
        self.add(node, self.RDF.type, self.schema.CreativeWork)
        self.text(node, self.schema.name, source.title)
        if source.url:
            self.add(node, self.schema.url, self.rdflib.URIRef(source.url))
        self.text(node, self.schema.publisher, source.publisher)
        self.text(node, self.schema.datePublished, source.published)
        if source.wikidata is not None:
            self.add(node, self.OWL.sameAs, self.wd[source.wikidata])

    def entity(self, entity: Entity) -> None:
        node = self.iri(entity.id)
        kind = _ENTITY_TYPES.get(entity.kind, "Thing")
        self.add(node, self.RDF.type, self.schema[kind])
        self.text(node, self.nfv.kind, entity.kind.value)
        self.text(node, self.schema.name, entity.name)
        self.text(node, self.RDFS.label, entity.name)
        for alias in entity.aliases:
            self.text(node, self.schema.alternateName, alias)
        self.text(node, self.schema.description, entity.description)
        if entity.wikidata is not None:
            self.add(node, self.OWL.sameAs, self.wd[entity.wikidata])
        for code in (entity.iso_alpha2, entity.iso_alpha3):
            self.text(node, self.schema.identifier, code)
        if entity.inception is not None:
            self.text(node, self.nfv.inception, entity.inception.edtf)
        if entity.dissolved is not None:
            self.text(node, self.nfv.dissolved, entity.dissolved.edtf)
        self.text(node, self.nfv.origin, entity.origin.value)
        self.citations(node, entity)

    def fact(self, fact: Event | Statement, node: rdflib.URIRef) -> None:
        self.text(node, self.nfv.modality, fact.modality.value)
        self.text(node, self.nfv.origin, fact.origin.value)
        self.ids(node, self.nfv.claimant, fact.attribution.claimants)
        self.text(node, self.nfv.attributionVerb, fact.attribution.verb)
        if fact.record_time is not None:
            self.text(node, self.nfv.recordEdtf, fact.record_time.edtf)
        for number, span in enumerate(fact.evidence):
            self.annotation(self.nf[f"{fact.id}.evidence-{number}"], span, node, self.oa.describing)
        verdict = fact.verdict
        review = self.nf[f"{fact.id}.review"]
        self.citations(node, fact, review)
        if verdict is None:
            return
        rating = self.nf[f"{fact.id}.rating"]
        self.add(review, self.RDF.type, self.schema.ClaimReview)
        self.add(review, self.schema.itemReviewed, node)
        self.add(review, self.schema.reviewRating, rating)
        self.text(review, self.schema.reviewBody, verdict.note)
        self.add(rating, self.RDF.type, self.schema.Rating)
        self.text(rating, self.schema.alternateName, verdict.rating.value)
        self.text(rating, self.schema.name, verdict.rating.value)
        # The ClaimReview export's numeric scale; an opinion or an unchecked fact has no number.
        value = RATING_SCALE[verdict.rating].value
        if value is not None:
            self.add(rating, self.schema.ratingValue, self.rdflib.Literal(value))
            self.add(rating, self.schema.bestRating, self.rdflib.Literal(BEST_RATING))
            self.add(rating, self.schema.worstRating, self.rdflib.Literal(WORST_RATING))

    def annotation(
        self, node: rdflib.URIRef, span: Span, body: rdflib.URIRef, motivation: rdflib.URIRef
    ) -> None:
        rdflib = self.rdflib
        # IRIs, not blank nodes: stable across exports, and graphs compare cheaply.
        target = rdflib.URIRef(f"{node}.target")
        position = rdflib.URIRef(f"{node}.position")
        quote = rdflib.URIRef(f"{node}.quote")
        self.add(node, self.RDF.type, self.oa.Annotation)
        self.add(node, self.oa.motivatedBy, motivation)
        self.add(node, self.oa.hasBody, body)
        self.add(node, self.oa.hasTarget, target)
        self.add(target, self.RDF.type, self.oa.SpecificResource)
        self.add(target, self.oa.hasSource, self.article)
        self.add(target, self.oa.hasSelector, position)
        self.add(target, self.oa.hasSelector, quote)
        selector = span.position_selector()
        self.add(position, self.RDF.type, self.oa.TextPositionSelector)
        self.add(position, self.oa.start, rdflib.Literal(selector.start))
        self.add(position, self.oa.end, rdflib.Literal(selector.end))
        exact = span.quote_selector(self.dataset.article.text)
        self.add(quote, self.RDF.type, self.oa.TextQuoteSelector)
        self.add(quote, self.oa.exact, rdflib.Literal(exact.exact))
        self.add(quote, self.oa.prefix, rdflib.Literal(exact.prefix))
        self.add(quote, self.oa.suffix, rdflib.Literal(exact.suffix))

    def event(self, event: Event) -> None:
        node = self.iri(event.id)
        self.add(node, self.RDF.type, self.schema.Event)
        self.text(node, self.schema.name, event.label)
        self.text(node, self.RDFS.label, event.label)
        for alias in event.aliases:
            self.text(node, self.schema.alternateName, alias)
        self.text(node, self.nfv.kind, event.kind.value)
        self.text(node, self.nfv.status, event.status.value)
        self.text(node, self.nfv.cameo, event.cameo)
        if event.plover is not None:
            self.text(node, self.nfv.plover, event.plover.value)
        if event.wikidata is not None:
            self.add(node, self.OWL.sameAs, self.wd[event.wikidata])
        if event.place is not None:
            self.add(node, self.schema.location, self.iri(event.place))
        if event.record_place is not None:
            self.add(node, self.nfv.recordPlace, self.iri(event.record_place))
        if event.part_of is not None:
            self.add(node, self.schema.superEvent, self.iri(event.part_of))
        self.time(node, event.time, dates=True)
        for number, participant in enumerate(event.participants):
            who = self.iri(participant.entity)
            self.add(node, self.wdt.P710, who)
            if participant.role in ATTENDING_ROLES or (
                event.kind in _GATHERINGS and participant.role in _GATHERING_ROLES
            ):
                self.add(node, self.schema.attendee, who)
            part = self.nf[f"{event.id}.participant-{number}"]
            self.add(node, self.nfv.participation, part)
            self.add(part, self.nfv.participant, who)
            self.text(part, self.nfv.role, participant.role.value)
        self.fact(event, node)

    def statement(self, statement: Statement) -> None:
        node = self.iri(statement.id)
        predicate = statement.predicate
        property_ = (
            self.wdt[predicate.wikidata]
            if predicate.wikidata is not None
            else self.nfv[_camel(predicate.value)]
        )
        self.add(node, self.RDF.type, self.RDF.Statement)
        self.add(node, self.RDF.type, self.schema.Claim)
        self.add(node, self.RDF.subject, self.iri(statement.subject))
        self.add(node, self.RDF.predicate, property_)
        self.add(node, self.RDF.object, self.value(statement.object))
        self.text(node, self.nfv.predicate, predicate.value)
        self.text(node, self.schema.name, str(statement))
        if statement.negated:
            self.add(node, self.nfv.negated, self.rdflib.Literal(True))
        self.time(node, statement.time, dates=False)
        for number, qualifier in enumerate(statement.qualifiers):
            part = self.nf[f"{statement.id}.qualifier-{number}"]
            self.add(node, self.nfv.qualifier, part)
            self.text(part, self.nfv.kind, qualifier.kind.value)
            self.add(part, self.RDF.value, self.value(qualifier.value))
        self.fact(statement, node)

    def mention(self, number: int, mention: Mention) -> None:
        node = self.nf[f"{self.dataset.article.id}.mention-{number}"]
        self.annotation(node, mention.span, self.iri(mention.targets[0]), self.oa.identifying)
        # Words that refer to several things at once: one annotation, a body for each.
        for target in mention.targets[1:]:
            self.add(node, self.oa.hasBody, self.iri(target))
        if mention.metonymy:
            self.add(node, self.nfv.metonymy, self.rdflib.Literal(True))
        if mention.literal is not None:
            self.add(node, self.nfv.literal, self.iri(mention.literal))
        self.text(node, self.RDFS.comment, mention.note)

    def build(self) -> rdflib.Graph:
        self.metadata()
        for source in self.dataset.sources:
            self.source(source.id)
        for entity in self.dataset.entities:
            self.entity(entity)
        for event in self.dataset.events:
            self.event(event)
        for statement in self.dataset.statements:
            self.statement(statement)
        for number, mention in enumerate(self.dataset.mentions):
            self.mention(number, mention)
        return self.graph


def to_rdf(dataset: Dataset, *, base: str | None = None) -> rdflib.Graph:
    """``dataset`` as an :class:`rdflib.Graph` (needs the ``rdf`` extra).

    Record ``x`` becomes ``<base>x``; ``base`` defaults to
    ``urn:newsfacts:<dataset id>:``. Raises :class:`ValueError` when ``base``
    or a URL of the dataset is not an absolute IRI (RFC 3987), which
    :func:`newsfacts.validate` reports too.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    if base is not None and not isinstance(base, str):
        raise TypeError(f"base must be a str or None, got {type(base).__name__}")
    from newsfacts._iri import is_iri

    urls = [("base", base), ("the article's url", dataset.article.url)]
    urls += [(f"source {source.id!r}'s url", source.url) for source in dataset.sources]
    for what, url in urls:
        if url is not None and not is_iri(url):
            raise ValueError(f"{what} is not an absolute IRI (RFC 3987): {url[:80]!r}")
    _rdflib()
    return _Builder(dataset, base if base is not None else f"urn:newsfacts:{dataset.id}:").build()


def _graph(dataset: Dataset) -> rdflib.Graph:
    # In an export a URL that cannot be an IRI is a reason not to write, said as such.
    try:
        return to_rdf(dataset)
    except ValueError as error:
        raise ExportError(f"cannot write RDF: {error}") from None


def write_turtle(dataset: Dataset, folder: Path) -> None:
    """``dataset.ttl``: the graph of ``dataset`` as Turtle."""
    _rdflib()
    graph = _graph(dataset)
    (folder / TURTLE_FILE).write_bytes(graph.serialize(format="turtle", encoding="utf-8"))


def _jsonld_context(graph: rdflib.Graph) -> dict[str, str]:
    """The prefixes, and a plain key for each property whose local name no other property shares."""
    context = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
    locals_: dict[str, set[str]] = {}
    for predicate in set(graph.predicates()):
        iri = str(predicate)
        if iri == _RDF_TYPE:
            continue  # written as "@type"
        local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        locals_.setdefault(local, set()).add(iri)
    for local, iris in sorted(locals_.items()):
        if len(iris) == 1 and local and local not in context and not local.startswith("@"):
            context[local] = next(iter(iris))
    return context


def write_jsonld(dataset: Dataset, folder: Path) -> None:
    """``dataset.jsonld``: the graph of ``dataset`` as JSON-LD a person can read as JSON.

    Compacted with a context that gives each property a plain key
    (``"name"``, ``"startDate"``, ``"hasSelector"``; a local name that two
    vocabularies share keeps its prefix, ``"rdf:predicate"``), the nodes in
    ``@graph`` ordered by ``@id`` and each node's keys in alphabetical order,
    so two exports of one dataset are the same bytes.
    """
    _rdflib()
    graph = _graph(dataset)
    data = graph.serialize(format="json-ld", context=_jsonld_context(graph), encoding="utf-8")
    document = json.loads(data)
    nodes = document.get("@graph")
    if isinstance(nodes, list):
        nodes.sort(key=lambda node: str(node.get("@id", "")))
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    (folder / JSONLD_FILE).write_text(text + "\n", encoding="utf-8", newline="\n")
