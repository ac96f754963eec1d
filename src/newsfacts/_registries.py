"""The registries of a dataset, made from the format's record kinds.

Apart from ``dataset`` so that one registry of the built-in dataset (the
entities, for a lookup) can be made without defining the dataset's classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .format import BY_REGISTRY
from .registry import Registry

__all__ = ["make_registry"]


def make_registry(key: str, records: Iterable[Any]) -> Registry[Any]:
    """The registry a :class:`~newsfacts.Dataset` keeps under ``key`` (``"entities"``, ...), of ``records``.

    The kind's word and the names its records answer to come from
    :data:`newsfacts.format.KINDS`. A :class:`Registry` already made this way
    for ``key`` is returned as it is.
    """
    kind = BY_REGISTRY[key]
    if (
        isinstance(records, Registry)
        and records._kind == kind.name
        and records._names_of is kind.names
    ):
        return records
    return Registry(kind.name, records, kind.names)
