"""The vocabularies an entity record and its dates need: kind, origin, precision.

Apart from ``vocabulary`` (which re-exports them) so that an entity lookup
defines these five enums and not the predicates, roles and event kinds.
"""

from __future__ import annotations

import enum

__all__ = ["EntityKind", "MonthPart", "Origin", "Precision", "Resolution"]


class EntityKind(enum.Enum):
    """What sort of thing an entity is."""

    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    GOVERNMENT_BODY = "government_body"
    AGENCY = "agency"
    """An agency or organ of a larger body (the UN Security Council, UNRWA)."""
    OFFICE = "office"
    CITY = "city"
    TERRITORY = "territory"
    REGION = "region"
    GROUP = "group"
    MILITARY = "military"
    BUILDING = "building"
    TOPIC = "topic"


class Origin(enum.Enum):
    """Where a record comes from: the article's words, or the public record."""

    ARTICLE = "article"
    ENRICHMENT = "enrichment"


class Precision(enum.Enum):
    """The precision of a point in time, as the words (or the record) give it."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class MonthPart(enum.Enum):
    """A part of a month named by the words ("late January")."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Resolution(enum.Enum):
    """How a time expression was resolved to a value."""

    EXPLICIT = "explicit"
    """The words give the value ("in 1967")."""
    PUBLICATION = "publication"
    """Resolved against the publication date, as TimeML resolves "Monday"."""
    CONTEXT = "context"
    """Bounded by other events of the text ("later", "long")."""
    RECORD = "record"
    """Taken from the public record, with a source."""
