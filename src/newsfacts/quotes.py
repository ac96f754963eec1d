"""Finding the article's words: quotes to spans, and the sentence splitter.

A source names evidence by the words of the article, never by offsets, as a
W3C Web Annotation ``TextQuoteSelector`` does (https://www.w3.org/TR/annotation-model/#text-quote-selector):
the exact words, with the words just before (``prefix``) or after
(``suffix``) where the same words occur more than once, or the number of the
occurrence wanted. Offsets are Unicode code points, as everywhere in
newsfacts.

So that an author need not type invisible or typographic characters, a quote
matches the article loosely in four ways, and the span keeps the article's
own characters:

- a plain space matches a space or a no-break space (U+00A0);
- a straight apostrophe ``'`` matches itself, U+2018 or U+2019 (curly single quotes);
- a straight double quote ``"`` matches itself, U+201C or U+201D (curly double quotes);
- a hyphen-minus ``-`` matches ``-`` or an en dash (U+2013).

Every other character matches only itself. Occurrences are counted left to
right and may overlap.
"""

from __future__ import annotations

import difflib
import functools
import re

from .errors import NewsfactsError
from .model import Span

__all__ = [
    "AmbiguousQuoteError",
    "QuoteContextError",
    "QuoteError",
    "QuoteNotFoundError",
    "closest_passage",
    "context",
    "occurrences",
    "plain",
    "resolve",
    "split_sentences",
]

_EQUIVALENT = {
    " ": "[ \u00a0]",
    "'": "['\u2018\u2019]",
    '"': '["\u201c\u201d]',
    "-": "[-\u2013]",
}


class QuoteError(NewsfactsError, LookupError):
    """A quote that does not pick exactly one passage of the text."""


class QuoteNotFoundError(QuoteError):
    """The quote is not in the text; ``closest`` is the most similar passage."""

    def __init__(self, quote: str, closest: str) -> None:
        self.quote = quote
        self.closest = closest
        hint = f"; the closest passage is {closest!r}" if closest else ""
        super().__init__(f"{_clip(quote)!r} is not in the article{hint}")


class AmbiguousQuoteError(QuoteError):
    """The quote occurs more than once; ``occurrences`` holds each, ``contexts`` their words around."""

    def __init__(self, quote: str, found: tuple[Span, ...], contexts: tuple[str, ...]) -> None:
        self.quote = quote
        self.occurrences = found
        self.contexts = contexts
        listing = "; ".join(f"{n}: {c}" for n, c in enumerate(contexts, 1))
        super().__init__(
            f"{_clip(quote)!r} occurs {len(found)} times ({listing}); pick one with "
            "occurrence = N (1-based), or a prefix or suffix of the words around it"
        )


class QuoteContextError(QuoteNotFoundError):
    """The words occur, but none with the ``prefix`` and ``suffix`` given.

    ``occurrences`` holds every occurrence of the words alone and
    ``contexts`` their words around, as for :class:`AmbiguousQuoteError`;
    ``closest`` is the first occurrence's words.
    """

    def __init__(
        self,
        quote: str,
        found: tuple[Span, ...],
        contexts: tuple[str, ...],
        *,
        prefix: str | None = None,
        suffix: str | None = None,
    ) -> None:
        self.quote = quote
        self.closest = plain(found[0].text) if found else ""
        self.occurrences = found
        self.contexts = contexts
        self.prefix = prefix
        self.suffix = suffix
        wanted = " and ".join(
            f"{what} {_clip(words, 40)!r}"
            for what, words in (("preceded by", prefix), ("followed by", suffix))
            if words
        )
        if len(found) == 1:
            times, none, pick = "once", "but not", "pick it with occurrence = 1"
        else:
            times, none = f"{len(found)} times", "but none is"
            pick = "pick one with occurrence = N (1-based)"
        listing = "; ".join(f"{n}: {c}" for n, c in enumerate(contexts, 1))
        QuoteError.__init__(
            self,
            f"{_clip(quote)!r} occurs {times} in the article, {none} {wanted} ({listing}); "
            f"{pick}, or a prefix or suffix of the words around it",
        )


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.lru_cache(maxsize=4096)
def _pattern(quote: str) -> re.Pattern[str]:
    # One character class per character: a match is exactly as long as the quote.
    return re.compile("".join(_EQUIVALENT.get(char, re.escape(char)) for char in quote))


def plain(text: str) -> str:
    """``text`` with its no-break spaces as plain spaces: how a writer spells a quote."""
    return text.replace("\u00a0", " ")


def _whole_words(text: str, start: int, end: int) -> bool:
    return not (
        (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())
    )


def occurrences(
    text: str, quote: str, *, words: bool = False, start: int = 0, limit: int | None = None
) -> tuple[Span, ...]:
    """Every span of ``text`` from ``start`` on that ``quote`` matches, in order.

    With ``words``, only occurrences that are whole words (no letter or digit
    just before or after); with ``limit``, at most that many, the first ones.
    Raises :class:`ValueError` for an empty quote.
    """
    if not quote:
        raise ValueError("a quote must not be empty")
    search = _pattern(quote).search
    found: list[Span] = []
    position = start
    while (limit is None or len(found) < limit) and (match := search(text, position)) is not None:
        begin, end = match.span()
        if not words or _whole_words(text, begin, end):
            found.append(Span(begin, end, text[begin:end]))
        position = begin + 1
    return tuple(found)


def _fits(text: str, span: Span, prefix: str | None, suffix: str | None) -> bool:
    if prefix:
        begin = span.start - len(prefix)
        if begin < 0 or _pattern(prefix).fullmatch(text, begin, span.start) is None:
            return False
    if suffix:
        end = span.end + len(suffix)
        if end > len(text) or _pattern(suffix).fullmatch(text, span.end, end) is None:
            return False
    return True


def resolve(
    text: str,
    exact: str,
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    occurrence: int | None = None,
    start: int = 0,
) -> Span:
    """The one span of ``text`` that the quote selects.

    ``exact`` must occur once (from ``start`` on, after the ``prefix`` and
    before the ``suffix`` when given), unless ``occurrence`` (1-based) picks
    one of several. Raises :class:`QuoteNotFoundError` (with the closest
    passage) when the words are not in the text, :class:`QuoteContextError`
    (a :class:`QuoteNotFoundError`, with every occurrence of the words and
    its context) when they are but the ``prefix`` or ``suffix`` fits none,
    :class:`AmbiguousQuoteError` (with every occurrence and its context), or
    :class:`ValueError` for an empty quote or an occurrence below 1.
    """
    if occurrence is not None and occurrence < 1:
        raise ValueError(f"occurrence must be 1 or more, got {occurrence}")
    every = occurrences(text, exact, start=start)
    found = tuple(span for span in every if _fits(text, span, prefix, suffix))
    if occurrence is not None:
        if occurrence <= len(found):
            return found[occurrence - 1]
        if found:
            raise ValueError(
                f"{_clip(exact)!r} occurs {len(found)} time(s), so there is no occurrence {occurrence}"
            )
    if not found and every:
        contexts = tuple(context(text, span) for span in every)
        raise QuoteContextError(exact, every, contexts, prefix=prefix, suffix=suffix)
    if not found:
        raise QuoteNotFoundError(exact, closest_passage(text, exact))
    if len(found) > 1:
        raise AmbiguousQuoteError(exact, found, tuple(context(text, span) for span in found))
    return found[0]


def context(text: str, span: Span, width: int = 24) -> str:
    """The span marked ``[[like this]]`` with up to ``width`` code points either side."""
    before = text[max(0, span.start - width) : span.start]
    after = text[span.end : span.end + width]
    return plain(f"…{before}[[{span.text}]]{after}…").replace("\n", " ")


_WORD = re.compile(r"\S+")


def closest_passage(text: str, quote: str) -> str:
    """The passage of ``text`` most like ``quote``, as many words long (difflib's ratio)."""
    words = [match.span() for match in _WORD.finditer(text)]
    size = max(1, len(_WORD.findall(quote)))
    if not words:
        return ""
    candidates: dict[str, None] = {}
    for index in range(max(1, len(words) - size + 1)):
        last = words[min(index + size, len(words)) - 1]
        candidates[plain(text[words[index][0] : last[1]])] = None
    best = difflib.get_close_matches(plain(quote), list(candidates), n=1, cutoff=0.0)
    return best[0] if best else ""


_SENTENCE_BREAK = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def split_sentences(text: str) -> tuple[Span, ...]:
    """The sentences of ``text``: each line split after a full stop followed by a capital.

    A line is a run of characters other than ``\\n``; within one, a sentence
    ends at a ``.`` followed by white space and an ASCII capital letter. This
    rule knows no abbreviations ("Dr. Smith" is two sentences): where it does
    not fit, a source lists its sentences itself.
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        begin = line.start()
        for piece in _SENTENCE_BREAK.split(line.group()):
            begin = text.index(piece, begin)
            spans.append(Span(begin, begin + len(piece), piece))
            begin += len(piece)
    return tuple(spans)
