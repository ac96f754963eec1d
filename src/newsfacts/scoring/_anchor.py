"""Anchoring quoted words to the article: where a system's evidence lies.

A system that gives no offsets quotes the words instead. A quote is found in
three steps, the first that succeeds wins:

1. ``exact``: the words as given (with a W3C ``TextQuoteSelector``'s
   ``prefix`` and ``suffix``, the occurrence they surround);
2. ``normalised``: both texts with runs of whitespace (no-break spaces
   included) made one space and curly or angled quote marks made straight;
3. ``approximate``: the best-matching stretch of the normalised text, when
   its similarity is at least :data:`THRESHOLD` (rapidfuzz's
   ``partial_ratio``: 100 minus the share of characters to insert or delete,
   in percent) and the quote has at least :data:`MIN_APPROXIMATE` code points.

A quote that none of these finds is *unanchored*: it is reported, and the
record it belongs to is scored without those words.
"""

from __future__ import annotations

import attrs

from newsfacts.model import Span

__all__ = ["MIN_APPROXIMATE", "THRESHOLD", "Anchorer"]

THRESHOLD = 90.0
"""Least rapidfuzz ``partial_ratio`` (0 to 100) at which a quote is anchored approximately."""
MIN_APPROXIMATE = 8
"""Shorter quotes are anchored exactly or not at all: a few letters match anywhere."""

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


def _normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its code points the offset it came from."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = False
    for offset, char in enumerate(text.translate(_QUOTE_MARKS)):
        if char.isspace():
            if previous_space:
                continue
            previous_space = True
            char = " "
        else:
            previous_space = False
        out.append(char)
        origin.append(offset)
    return "".join(out), origin


@attrs.frozen
class Anchored:
    span: Span
    method: str


class Anchorer:
    """Finds quotes in one article text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._normalised: tuple[str, list[int]] | None = None

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def find(
        self, quote: str, prefix: str = "", suffix: str = "", occurrence: int = 0
    ) -> Anchored | None:
        """Where ``quote`` is: the ``occurrence``-th (0-based) place, else the first."""
        if not quote:
            return None
        text = self.text
        places: list[int] = []
        at = text.find(quote)
        while at >= 0:
            if text[:at].endswith(prefix) and text[at + len(quote) :].startswith(suffix):
                places.append(at)
            at = text.find(quote, at + 1)
        if places:
            start = places[occurrence] if occurrence < len(places) else places[0]
            return Anchored(self._span(start, start + len(quote)), "exact")
        if self._normalised is None:
            self._normalised = _normalise(text)
        normal_text, origin = self._normalised
        normal_quote = _normalise(quote.strip())[0]
        if not normal_quote.strip():
            return None
        at = normal_text.find(normal_quote)
        if at >= 0:
            starts = []
            while at >= 0:
                starts.append(at)
                at = normal_text.find(normal_quote, at + 1)
            at = starts[occurrence] if occurrence < len(starts) else starts[0]
            end = at + len(normal_quote)
            return Anchored(self._span(origin[at], origin[end - 1] + 1), "normalised")
        if len(normal_quote) < MIN_APPROXIMATE:
            return None
        try:
            from rapidfuzz import fuzz
        except ImportError:
            from . import missing_extra

            raise missing_extra("anchoring quotes approximately") from None

        found = fuzz.partial_ratio_alignment(normal_quote, normal_text, score_cutoff=THRESHOLD)
        if found is None or found.dest_end <= found.dest_start:
            return None
        start, end = origin[found.dest_start], origin[found.dest_end - 1] + 1
        return Anchored(self._span(start, end), "approximate")
