"""The entity record: kept apart from the other records so that looking up an
entity defines no more classes than it needs (see ``docs/performance.md``).
``newsfacts.model`` re-exports it.
"""

from __future__ import annotations

import re

import attrs

from ._checks import to_tuple
from ._kinds import EntityKind, Origin
from ._validators import (
    _enum,
    _id,
    _ids,
    _instance_of,
    _matches,
    _nonempty,
    _opt_qid,
    _optional,
    _str,
    _tuple_of,
)
from .format import refers
from .timespec import TimeSpec

__all__ = ["Entity"]


@attrs.frozen
class Entity:
    """A person, state, organization, place or group the article refers to.

    External ids (``wikidata``, ISO 3166 codes) are enrichment and are only
    set where verified; ``sources`` names where they come from.
    """

    id: str = attrs.field(validator=_id)
    kind: EntityKind = attrs.field(validator=_enum(EntityKind))
    name: str = attrs.field(validator=_nonempty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_tuple_of(str))
    description: str = attrs.field(default="", validator=_str)
    wikidata: str | None = attrs.field(default=None, validator=_opt_qid)
    iso_alpha2: str | None = attrs.field(
        default=None,
        validator=_optional(_matches(re.compile(r"[A-Z]{2}"), "an ISO 3166-1 alpha-2 code")),
    )
    iso_alpha3: str | None = attrs.field(
        default=None,
        validator=_optional(_matches(re.compile(r"[A-Z]{3}"), "an ISO 3166-1 alpha-3 code")),
    )
    inception: TimeSpec | None = attrs.field(
        default=None, validator=attrs.validators.optional(_instance_of(TimeSpec))
    )
    dissolved: TimeSpec | None = attrs.field(
        default=None, validator=attrs.validators.optional(_instance_of(TimeSpec))
    )
    origin: Origin = attrs.field(default=Origin.ARTICLE, validator=_enum(Origin))
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_ids, metadata=refers("sources")
    )

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then the aliases."""
        return (self.name, *self.aliases)

    def __str__(self) -> str:
        return f"{self.name} ({self.kind.value}, {self.id})"
