"""The registries of a dataset: their kinds and the names their records answer to.

Apart from ``dataset`` so that one registry of the built-in dataset (the
entities, for a lookup) can be made without defining the dataset's classes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .registry import Registry, no_names

if TYPE_CHECKING:
    from .entity import Entity
    from .model import Event, Source

__all__ = ["make_registry"]


def _entity_names(entity: Entity) -> Iterable[str]:
    yield from entity.names
    for code in (entity.wikidata, entity.iso_alpha2, entity.iso_alpha3):
        if code is not None:
            yield code


def _source_names(source: Source) -> tuple[str, ...]:
    return (source.title,)


def _event_names(event: Event) -> Iterable[str]:
    yield from event.names
    if event.wikidata is not None:
        yield event.wikidata


_NAMES_OF: Mapping[str, tuple[str, Callable[[Any], Iterable[str]]]] = {
    "entities": ("entity", _entity_names),
    "events": ("event", _event_names),
    "statements": ("statement", no_names),
    "sources": ("source", _source_names),
}


def make_registry(key: str, records: Iterable[Any]) -> Registry[Any]:
    """The registry a :class:`~newsfacts.Dataset` keeps under ``key`` (``"entities"``, ...), of ``records``.

    A :class:`Registry` already made this way for ``key`` is returned as it is.
    """
    kind, names_of = _NAMES_OF[key]
    if isinstance(records, Registry) and records._kind == kind and records._names_of is names_of:
        return records
    return Registry(kind, records, names_of)
