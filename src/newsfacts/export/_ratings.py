"""The six verdict ratings on ClaimReview's numeric scale, and as short names.

schema.org's ``Rating`` has a ``ratingValue`` between ``worstRating`` and
``bestRating``; Google's ClaimReview documentation asks for the rating as a
short phrase (``alternateName``) and recommends the numbers beside it. The
scale here runs from 1 (false) to 5 (supported):

============  =============  ===========
rating        ratingValue    alternateName
============  =============  ===========
supported     5              Supported
simplified    4              Simplified
misleading    2              Misleading
false         1              False
opinion       none           Opinion, not checkable
unchecked     none           Not checked
============  =============  ===========

An opinion is not on a scale of truth, and an unchecked fact was not
reviewed: both have no number (never a made-up middle value), and an
unchecked fact gets no ClaimReview at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from newsfacts.vocabulary import Rating

__all__ = ["BEST_RATING", "RATING_SCALE", "WORST_RATING", "RatingValue"]

BEST_RATING = 5
WORST_RATING = 1


@attrs.frozen
class RatingValue:
    """A rating as ClaimReview writes it: a short name and a number on 1..5, or no number."""

    alternate_name: str
    value: int | None


RATING_SCALE: Mapping[Rating, RatingValue] = MappingProxyType(
    {
        Rating.SUPPORTED: RatingValue("Supported", 5),
        Rating.SIMPLIFIED: RatingValue("Simplified", 4),
        Rating.MISLEADING: RatingValue("Misleading", 2),
        Rating.FALSE: RatingValue("False", 1),
        Rating.OPINION: RatingValue("Opinion, not checkable", None),
        Rating.UNCHECKED: RatingValue("Not checked", None),
    }
)
"""Each rating's ClaimReview name and number (``None``: not on the scale of truth)."""
