"""Converters shared by the record classes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any


# Typed with Any on purpose: attrs' mypy plugin takes the converter's parameter
# as the __init__ parameter type and cannot bind a TypeVar there; the
# validators check the members at run time.
def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Freeze a sequence into a tuple; a lone string is refused, not split into letters.

    A set and a mapping are refused too: their order is not the caller's, and
    the order of a record's tuple means something (the words' order, the
    article's order).
    """
    if isinstance(value, str | bytes | AbstractSet | Mapping):
        raise TypeError(f"expected a sequence, got {type(value).__name__}")
    try:
        return tuple(value)
    except TypeError:
        raise TypeError(f"expected a sequence, got {type(value).__name__}") from None
