"""A tiny, valid dataset whose text fields look like spreadsheet formulas.

The exports are tested on the built-in dataset and on this one: it is small
enough to read whole, and its names, notes and text start with ``=``, ``+``,
``-`` and ``@`` so that the CSV export's guard against formulas is exercised.
"""

from __future__ import annotations

import hashlib

from newsfacts import (
    Article,
    Attribution,
    Dataset,
    Entity,
    EntityKind,
    Event,
    EventKind,
    Mention,
    Metadata,
    Participant,
    Predicate,
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

__all__ = ["FORMULA_TEXTS", "TEXT", "tiny_dataset"]

TEXT = "=Putin met Abbas in Moscow on Monday.\n@Abbas said Gaza is part of Egypt."
"""The article: two sentences, each starting with a formula character."""

FORMULA_TEXTS = (
    '=HYPERLINK("http://example.invalid","x")',
    "+1 city on the Moskva",
    "-the Palestinian Authority's president",
    "@SUM(1+1)",
    "\tTabbed",
    "\rReturned",
)
"""Text fields of the tiny dataset that a spreadsheet would take as formulas."""


def _span(words: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return Span(start, start + len(words), words)


def tiny_dataset() -> Dataset:
    """A consistent dataset (``validate`` finds no problem) of a two-sentence article."""
    first, second = TEXT.split("\n")
    monday = TimeSpec(
        TimePoint(2018, 2, 12), expression="on Monday", resolution=Resolution.PUBLICATION
    )
    article = Article(
        id="tiny-article",
        text=TEXT,
        sha256=hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        sentences=(Span(0, len(first), first), Span(len(first) + 1, len(TEXT), second)),
        publisher="Example Press",
        published=TimeSpec(TimePoint(2018, 2, 12)),
        url="https://example.invalid/tiny",
    )
    entities = (
        Entity(
            "vladimir-putin",
            EntityKind.PERSON,
            "Vladimir Putin",
            aliases=("Putin", FORMULA_TEXTS[3]),
            wikidata="Q7747",
            sources=("example-source",),
        ),
        Entity(
            "mahmoud-abbas",
            EntityKind.PERSON,
            "Mahmoud Abbas",
            aliases=("Abbas",),
            description=FORMULA_TEXTS[2],
            wikidata="Q127998",
            sources=("example-source",),
        ),
        Entity(
            "moscow",
            EntityKind.CITY,
            "Moscow",
            aliases=(FORMULA_TEXTS[0],),
            description=FORMULA_TEXTS[1],
            wikidata="Q649",
            sources=("example-source",),
        ),
        Entity("gaza-strip", EntityKind.TERRITORY, "Gaza Strip", aliases=("Gaza",)),
        Entity(
            "egypt",
            EntityKind.STATE,
            "Egypt",
            description=FORMULA_TEXTS[4],
            iso_alpha2="EG",
            iso_alpha3="EGY",
            sources=("example-source",),
        ),
    )
    meeting = Event(
        "meeting-putin-abbas",
        EventKind.MEETING,
        FORMULA_TEXTS[5],
        participants=(
            Participant("vladimir-putin", Role.HOST),
            Participant("mahmoud-abbas", Role.ATTENDEE),
        ),
        place="moscow",
        time=monday,
        evidence=(_span("Putin met Abbas in Moscow on Monday"),),
        verdict=Verdict(Rating.SUPPORTED, sources=("example-source",)),
        cameo="043",
    )
    claim = Statement(
        "gaza-part-of-egypt",
        "gaza-strip",
        Predicate.PART_OF,
        "egypt",
        # As of publication: part of a state is a state of affairs, held over a time.
        time=TimeSpec(TimePoint(2018, 2, 12), resolution=Resolution.PUBLICATION),
        evidence=(_span("Gaza is part of Egypt"),),
        attribution=Attribution(("mahmoud-abbas",), "say"),
        verdict=Verdict(
            Rating.FALSE, "=Egypt administered Gaza and never annexed it.", ("example-source",)
        ),
    )
    mentions = (
        Mention(_span("Putin"), "vladimir-putin"),
        Mention(_span("Abbas"), "mahmoud-abbas"),
        Mention(_span("Moscow"), "moscow"),
        Mention(_span("Abbas", 1), "mahmoud-abbas"),
        Mention(_span("Gaza"), "gaza-strip"),
        Mention(_span("Egypt"), "egypt"),
    )
    sources = (
        Source(
            "example-source",
            "=An example source",
            url="https://example.invalid/source",
            publisher="Example",
        ),
    )
    return Dataset(
        Metadata("tiny", "A tiny dataset", license="MIT", version="0.0.1"),
        article,
        entities,
        (meeting,),
        (claim,),
        mentions,
        sources,
    )
