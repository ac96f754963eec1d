"""schema.org ``ClaimReview``: one review per rated fact, as fact-check feeds read them.

Each event or statement with a verdict (other than ``unchecked``: an
unchecked fact was not reviewed) becomes one ``ClaimReview`` with the fields
Google's ClaimReview documentation requires and recommends:

- ``claimReviewed``: the article's words (the fact's evidence, spans joined
  by `` … ``; a fact from the public record alone has its label);
- ``reviewRating``: a ``Rating`` with ``alternateName`` and, on the scale
  of :data:`RATING_SCALE`, ``ratingValue``, ``bestRating`` (5) and
  ``worstRating`` (1); an opinion has the name and no number;
- ``itemReviewed``: a ``Claim`` whose ``author`` is the claimant (a
  reported claim) or the article's publisher (the article's own words), and
  whose ``appearance`` is the article (also its ``firstAppearance`` for the
  article's own words);
- ``author``: who reviewed it (by default an ``Organization`` named after
  the dataset), ``reviewBody`` the verdict's note, ``citation`` the sources'
  pages;
- ``url`` and ``datePublished``: the page that publishes the review and its
  date. Google requires ``url``, but a dataset records neither, so they are
  written only when given (``review_url``: each review gets
  ``<review_url>#<fact id>``); a page that publishes the reviews passes its
  own address (``newsfacts export --format claimreview --review-url URL
  --date-published YYYY-MM-DD`` from the shell).

The file is JSON-LD with ``"@context": "https://schema.org"``: a list of
reviews, as a page embeds them in ``<script type="application/ld+json">``.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from newsfacts._iri import is_iri
from newsfacts._validators import _clip
from newsfacts.dataset import Dataset
from newsfacts.model import Event, Statement
from newsfacts.vocabulary import EntityKind, Precision, Rating

from ._ratings import BEST_RATING, RATING_SCALE, WORST_RATING

__all__ = ["CLAIMREVIEW_FILE", "check_review_url", "claimreviews", "write_claimreview"]

CLAIMREVIEW_FILE = "claimreview.jsonld"


def check_review_url(review_url: str, name: str = "review_url") -> str:
    """``review_url`` when it can be the address of a page of reviews, else an error naming ``name``.

    Each review's ``url`` is ``<review_url>#<fact id>`` (schema.org's ``url``;
    Google's ClaimReview documentation requires it, the page that publishes
    the review), so ``review_url`` must be an absolute IRI (RFC 3987, as
    :func:`newsfacts.validate` checks the dataset's URLs) without a fragment
    of its own. Raises :class:`TypeError` for a ``review_url`` that is not a
    str, :class:`ValueError` for one that is not such an IRI.
    """
    if not isinstance(review_url, str):
        raise TypeError(f"{name} must be a str, got {type(review_url).__name__}")
    shown = _clip(review_url)
    if not is_iri(review_url):
        raise ValueError(
            f"{name} must be an absolute URL (an RFC 3987 IRI, with its scheme), got {shown!r}"
        )
    if "#" in review_url:
        raise ValueError(
            f"{name} must have no #fragment: each review's url adds #<fact id>, got {shown!r}"
        )
    return review_url


def _check_options(
    review_url: str | None, date_published: datetime.date | None, author: str | None
) -> None:
    if review_url is not None:
        check_review_url(review_url)
    if date_published is not None and (
        not isinstance(date_published, datetime.date)
        or isinstance(date_published, datetime.datetime)
    ):
        raise TypeError(
            f"date_published must be a datetime.date or None, got {type(date_published).__name__}"
        )
    if author is not None and not isinstance(author, str):
        raise TypeError(f"author must be a str or None, got {type(author).__name__}")


def _party(dataset: Dataset, id: str) -> dict[str, Any]:
    entity = dataset.entities.get(id)
    if entity is None:
        return {"@type": "Organization", "name": id}
    party: dict[str, Any] = {
        "@type": "Person" if entity.kind is EntityKind.PERSON else "Organization",
        "name": entity.name,
    }
    if entity.wikidata is not None:
        party["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    return party


def _appearance(dataset: Dataset) -> dict[str, Any]:
    article = dataset.article
    appearance: dict[str, Any] = {
        "@type": "NewsArticle",
        "publisher": {"@type": "Organization", "name": article.publisher},
        "inLanguage": article.language,
    }
    if article.url is not None:
        appearance["url"] = article.url
    if article.title is not None:
        appearance["headline"] = article.title
    published = article.published
    if published is not None and published.start is not None:
        appearance["datePublished"] = published.start.edtf
    return appearance


def _claim(dataset: Dataset, fact: Event | Statement) -> dict[str, Any]:
    claimants = fact.attribution.claimants
    claims_reported = bool(claimants)
    authors = (
        [_party(dataset, id) for id in claimants]
        if claimants
        else [{"@type": "Organization", "name": dataset.article.publisher}]
    )
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": authors[0] if len(authors) == 1 else authors,
        "appearance": _appearance(dataset),
    }
    if not claims_reported:
        # The article's own words first appeared in the article; a reported
        # claim appeared somewhere before it, which the dataset does not know.
        claim["firstAppearance"] = claim["appearance"]
    published = dataset.article.published
    if (
        published is not None
        and published.start is not None
        and published.start.precision is Precision.DAY
    ):
        claim["datePublished"] = published.start.edtf
    return claim


def _rating(rating: Rating) -> dict[str, Any]:
    scale = RATING_SCALE[rating]
    value: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": scale.alternate_name,
        "name": scale.alternate_name,
    }
    if scale.value is not None:
        value |= {
            "ratingValue": scale.value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return value


def claimreviews(
    dataset: Dataset,
    *,
    review_url: str | None = None,
    date_published: datetime.date | None = None,
    author: str | None = None,
) -> list[dict[str, Any]]:
    """The ClaimReview objects of ``dataset``'s rated facts, events first, in dataset order.

    Each is a dict, the JSON-LD of a schema.org ``ClaimReview``.
    ``review_url`` is the page that publishes the reviews (each review's
    ``url`` is ``<review_url>#<fact id>``; see :func:`check_review_url`),
    ``date_published`` its date (written as ISO 8601, ``YYYY-MM-DD``), and
    ``author`` the reviewer's name (an ``Organization``; by default the
    dataset). Raises :class:`TypeError` for arguments of the wrong type and
    :class:`ValueError` for a ``review_url`` that is not an absolute IRI
    without a fragment.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    _check_options(review_url, date_published, author)
    reviewer = {"@type": "Organization", "name": author or f"newsfacts dataset {dataset.id}"}
    reviews: list[dict[str, Any]] = []
    facts: tuple[Event | Statement, ...] = (*dataset.events, *dataset.statements)
    for fact in facts:
        verdict = fact.verdict
        if verdict is None or verdict.rating is Rating.UNCHECKED:
            continue
        words = " … ".join(span.text for span in fact.evidence)
        if not words:
            words = fact.label if isinstance(fact, Event) else str(fact)
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": fact.id,
            "claimReviewed": words,
            "reviewRating": _rating(verdict.rating),
            "itemReviewed": _claim(dataset, fact),
            "author": reviewer,
        }
        if verdict.note:
            review["reviewBody"] = verdict.note
        pages = [
            source.url
            for source in (dataset.sources.get(id) for id in verdict.sources)
            if source is not None and source.url is not None
        ]
        if pages:
            review["citation"] = pages
        if review_url is not None:
            review["url"] = f"{review_url}#{fact.id}"
        if date_published is not None:
            review["datePublished"] = date_published.isoformat()
        reviews.append(review)
    return reviews


def write_claimreview(
    dataset: Dataset,
    folder: Path,
    *,
    review_url: str | None = None,
    date_published: datetime.date | None = None,
    author: str | None = None,
) -> None:
    """``claimreview.jsonld``: the ClaimReview objects of ``dataset``, a JSON list.

    The keyword arguments are those of :func:`claimreviews`, with its errors.
    """
    reviews = claimreviews(
        dataset, review_url=review_url, date_published=date_published, author=author
    )
    text = json.dumps(reviews, ensure_ascii=False, indent=1)
    (folder / CLAIMREVIEW_FILE).write_text(text + "\n", encoding="utf-8", newline="\n")
