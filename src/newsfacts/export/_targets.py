"""What a mention refers to, as the annotation formats write it: one annotation per target."""

from __future__ import annotations

from newsfacts.model import Mention

__all__ = ["mention_targets"]


def mention_targets(mention: Mention) -> tuple[str, ...]:
    """The ids a mention refers to, in order; each gets an annotation of its own.

    The one place the annotation exports (brat, HTML) read a mention's
    targets, so that a mention of several things ("they": Israel and the
    United States) is written once per target.
    """
    return mention.targets
