"""Passes over many records that run in C: a field's values, and the distinct ones among them.

Loading shares equal values without an id (one ``Span`` for the ten
statements whose evidence is one sentence, one ``Verdict`` for every
"unchecked" fact), so what is distinct *by identity* among a million
records is often a few thousand objects. Checks and indexes that depend on
such a value look at each distinct one once, instead of once per record,
and only walk the records again to name the ones at fault.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["column", "distinct", "holds", "members", "some"]


def column(records: Iterable[Any], name: str) -> list[Any]:
    """The value of field ``name`` of each record, in order (a dotted name reaches inside)."""
    return list(map(operator.attrgetter(name), records))


def distinct(values: Iterable[Any]) -> Sequence[Any]:
    """The distinct objects among ``values``, by identity, in order of first appearance; no ``None``."""
    items = list(values)
    by_identity = dict(zip(map(id, items), items, strict=True))
    by_identity.pop(id(None), None)
    return tuple(by_identity.values())


def members(tuples: Iterable[Iterable[Any]]) -> Iterable[Any]:
    """The members of each of ``tuples``, one after another."""
    return itertools.chain.from_iterable(tuples)


def holds(values: Iterable[Any], value: object) -> bool:
    """Whether ``value`` itself (by identity, never ``==``) is among ``values``, in C.

    ``list.count(None)`` would call a record's ``__eq__`` for every value that
    is not ``None``: a Python call a record.
    """
    return any(map(operator.is_, values, itertools.repeat(value)))


def some(values: Iterable[Any]) -> bool:
    """Whether any of ``values`` is not ``None`` (by identity), in C; stops at the first."""
    return any(map(operator.is_not, values, itertools.repeat(None)))
