"""Folding names so that the ways people type them meet.

``fold`` is the one normal form that lookups compare: case folded, accents
and other diacritics removed, letters without a decomposition (ø, ł, đ, ı)
spelled in ASCII, apostrophes and full stops dropped ("U.S." and "US",
"Israel's" and "Israels" meet), other punctuation, hyphens, dashes and every
kind of space (no-break included) turned into one space. Unicode's
default-ignorable code points (soft hyphen, zero-width space and joiners,
bidirectional controls, variation selectors, tags) are removed first: they
are invisible, so a name that holds one must still meet the name without it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "trigrams"]

# Letters that NFKD does not split into base + mark.
_LETTERS = {
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "ı": "i", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ħ": "h",
}  # fmt: skip
# Dropped outright so that abbreviations and possessives fold together.
_DROPPED = "'’‘ʼ`´.·"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _DROPPED}
    table.update({ord(k): v for k, v in _LETTERS.items()})
    return table


_TABLE = _build_table()
# Default_Ignorable_Code_Point, from the Unicode Character Database's
# DerivedCoreProperties.txt (Unicode 15.1; the set is stable by policy).
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]+"
)
# In a str pattern, \w is exactly str.isalnum() plus "_": so this matches the
# runs of characters that are not alphanumeric, in one pass in C.
_NOT_ALNUM = re.compile(r"[\W_]+")
# The same fold for ASCII text (most names), as one byte table: every byte that
# is not a letter or digit becomes a space, the dropped ones are deleted. A
# ``str.translate`` with a dict costs a failed look-up per unmapped character,
# which made folding every name most of the first lookup.
_ASCII_SPACES = bytes(c if chr(c).isalnum() else ord(" ") for c in range(256))
_ASCII_DROPPED = "".join(c for c in _DROPPED if c.isascii()).encode("ascii")


def fold(text: str) -> str:
    """The normal form of a name for comparison.

    >>> fold("  Mahmoud\\u00a0ABBÁS ")
    'mahmoud abbas'
    >>> fold("U.S.") == fold("US")
    True
    >>> fold("Six–Day war")
    'six day war'
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    if text.isascii():
        # Runs of spaces become one, ends trimmed: as the substitution below.
        return b" ".join(
            text.encode("ascii").lower().translate(_ASCII_SPACES, _ASCII_DROPPED).split()
        ).decode("ascii")
    # Lone surrogates cannot be normalised meaningfully: drop them first.
    if not text.isascii():
        text = text.encode("utf-8", "ignore").decode("utf-8")
        text = _IGNORABLE.sub("", text)
        text = unicodedata.normalize("NFKD", text.translate(_TABLE))
        text = "".join(c for c in text if not unicodedata.combining(c))
    # Every run of characters that are not alphanumeric becomes one space, trimmed.
    return _NOT_ALNUM.sub(" ", text.casefold().translate(_TABLE)).strip(" ")


def trigrams(folded: str) -> frozenset[str]:
    """Character trigrams of a folded name, padded at both ends (for fuzzy search)."""
    padded = f"  {folded} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))
