"""Quotes to spans (W3C TextQuoteSelector semantics) and the sentence splitter."""

from __future__ import annotations

import pytest

import newsfacts
from newsfacts.quotes import (
    AmbiguousQuoteError,
    QuoteContextError,
    QuoteNotFoundError,
    closest_passage,
    occurrences,
    plain,
    resolve,
    split_sentences,
)

__all__: list[str] = []

TEXT = "Abbas met Putin.\u00a0Abbas said “no” to Trump’s plan – again. Abbasid"


def test_a_unique_quote_is_its_span() -> None:
    span = resolve(TEXT, "met Putin")
    assert TEXT[span.start : span.end] == span.text == "met Putin"


def test_plain_characters_match_their_typographic_forms() -> None:
    # A plain space, straight quotes, apostrophe and hyphen stand for the article's own.
    span = resolve(TEXT, 'Putin. Abbas said "no" to Trump\'s plan - again')
    assert span.text == "Putin.\u00a0Abbas said “no” to Trump’s plan – again"
    assert TEXT[span.start : span.end] == span.text


def test_other_characters_match_only_themselves() -> None:
    with pytest.raises(QuoteNotFoundError):
        resolve(TEXT, "abbas met")


def test_an_ambiguous_quote_lists_every_occurrence() -> None:
    with pytest.raises(AmbiguousQuoteError) as raised:
        resolve(TEXT, "Abbas")
    error = raised.value
    assert [s.start for s in error.occurrences] == [
        i for i in range(len(TEXT)) if TEXT.startswith("Abbas", i)
    ]
    assert all("[[Abbas]]" in context for context in error.contexts)
    assert "occurrence = N" in str(error)


def test_occurrence_prefix_and_suffix_pick_one() -> None:
    starts = [i for i in range(len(TEXT)) if TEXT.startswith("Abbas", i)]
    assert resolve(TEXT, "Abbas", occurrence=2).start == starts[1]
    assert resolve(TEXT, "Abbas", prefix="Putin. ").start == starts[1]
    assert resolve(TEXT, "Abbas", suffix=" met").start == starts[0]
    with pytest.raises(ValueError, match="no occurrence 4"):
        resolve(TEXT, "Abbas", occurrence=4)
    with pytest.raises(ValueError, match="1 or more"):
        resolve(TEXT, "Abbas", occurrence=0)


def test_whole_words_and_overlaps() -> None:
    assert [s.text for s in occurrences(TEXT, "Abbas", words=True)] == ["Abbas", "Abbas"]
    assert [s.start for s in occurrences("aaa", "aa")] == [0, 1]
    with pytest.raises(ValueError, match="empty"):
        occurrences(TEXT, "")


def test_a_missing_quote_names_the_closest_passage() -> None:
    with pytest.raises(QuoteNotFoundError) as raised:
        resolve(TEXT, "Abbas met Putn")
    assert raised.value.closest == "Abbas met Putin."
    assert closest_passage(TEXT, "Trumps plan") == plain("Trump’s plan")


def test_words_that_occur_without_the_prefix_or_suffix_are_not_missing() -> None:
    text = "Berg backs Hald's plan. Hald’s plan is old."
    with pytest.raises(QuoteContextError) as raised:
        resolve(text, "Hald's plan", prefix="zzz")
    error = raised.value
    assert isinstance(error, QuoteNotFoundError)
    assert [s.start for s in error.occurrences] == [11, 24]
    assert str(error) == (
        "\"Hald's plan\" occurs 2 times in the article, but none is preceded by 'zzz' "
        "(1: …Berg backs [[Hald's plan]]. Hald’s plan is old.…; "
        "2: …Berg backs Hald's plan. [[Hald’s plan]] is old.…); "
        "pick one with occurrence = N (1-based), or a prefix or suffix of the words around it"
    )
    with pytest.raises(QuoteContextError, match="but none is followed by 'zzz' \\(1: "):
        resolve(text, "Hald's plan", suffix="zzz")
    with pytest.raises(
        QuoteContextError, match="but none is preceded by 'backs ' and followed by ' is'"
    ):
        resolve(text, "Hald's plan", prefix="backs ", suffix=" is")
    with pytest.raises(QuoteContextError) as once:
        resolve("Hald's plan", "Hald's plan", prefix="zzz", occurrence=1)
    assert str(once.value) == (
        "\"Hald's plan\" occurs once in the article, but not preceded by 'zzz' "
        "(1: …[[Hald's plan]]…); "
        "pick it with occurrence = 1, or a prefix or suffix of the words around it"
    )
    # Words that are not in the text at all are still a missing quote.
    with pytest.raises(QuoteNotFoundError) as missing:
        resolve(text, "Berg's plan", prefix="zzz")
    assert type(missing.value) is QuoteNotFoundError


def test_sentences_of_the_built_in_article_are_the_shipped_ones() -> None:
    article = newsfacts.load().article
    assert split_sentences(article.text) == article.sentences


def test_sentences_split_lines_and_full_stops() -> None:
    text = "One. Two\nThree. four. Five"
    assert [s.text for s in split_sentences(text)] == ["One.", "Two", "Three. four.", "Five"]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))
