"""Finding the article's words, for authoring a dataset.

Facts are written against quotes, not offsets: :class:`Text` finds a quote in
the article and returns a :class:`~newsfacts.Span` with the article's exact
characters. In a quote, a plain space also matches a no-break space and a
straight apostrophe or double quote also matches its curly forms, so the
author need not type invisible characters; the span keeps what the article
has. A quote that is missing, or found more often than expected, is an error
at build time.
"""

from __future__ import annotations

import re

from newsfacts import Span

__all__ = ["Text"]

_EQUIVALENT = {" ": "[ \u00a0]", "'": "['\u2018\u2019]", '"': '["\u201c\u201d]', "-": "[-\u2013]"}


def _pattern(quote: str) -> re.Pattern[str]:
    parts = [_EQUIVALENT.get(char, re.escape(char)) for char in quote]
    return re.compile("".join(parts))


class Text:
    """The article, with quote-to-span look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text

    def all(self, quote: str, *, words: bool = True) -> list[Span]:
        """Every occurrence of ``quote`` (as whole words unless ``words=False``)."""
        pattern = _pattern(quote)
        spans = []
        for match in pattern.finditer(self.text):
            start, end = match.span()
            if words and (
                (start > 0 and self.text[start - 1].isalnum())
                or (end < len(self.text) and self.text[end].isalnum())
            ):
                continue
            spans.append(Span(start, end, self.text[start:end]))
        return spans

    def span(self, quote: str, nth: int = 1, *, after: str | None = None) -> Span:
        """The ``nth`` occurrence of ``quote`` (1-based), optionally the first after ``after``."""
        spans = self.all(quote, words=False)
        if after is not None:
            anchor = self.span(after)
            spans = [s for s in spans if s.start >= anchor.end]
        if len(spans) < nth:
            raise LookupError(
                f"quote {quote!r} occurs {len(spans)} time(s), wanted occurrence {nth}"
            )
        return spans[nth - 1]

    def unique(self, quote: str) -> Span:
        """The one occurrence of ``quote``; an error if it occurs more than once."""
        spans = self.all(quote, words=False)
        if len(spans) != 1:
            raise LookupError(f"quote {quote!r} occurs {len(spans)} times, expected exactly once")
        return spans[0]

    def sentences(self) -> tuple[Span, ...]:
        """Sentences: paragraphs split after a full stop followed by a capital.

        The article has no abbreviations with full stops, so this is exact
        for it; the dataset's tests check that the sentences cover the text.
        """
        spans = []
        for paragraph in re.finditer(r"[^\n]+", self.text):
            start = paragraph.start()
            for piece in re.split(r"(?<=\.)\s+(?=[A-Z])", paragraph.group()):
                begin = self.text.index(piece, start)
                spans.append(Span(begin, begin + len(piece), piece))
                start = begin + len(piece)
        return tuple(spans)

    def sentence_of(self, span: Span) -> Span:
        """The sentence holding ``span``."""
        for sentence in self.sentences():
            if sentence.covers(span):
                return sentence
        raise LookupError(f"{span.text!r} crosses a sentence boundary")
