"""Converters shared by the record classes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

_T = TypeVar("_T")


def to_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """Freeze a sequence into a tuple; a lone string is refused, not split into letters."""
    if isinstance(value, str | bytes):
        raise TypeError(f"expected a sequence, got {type(value).__name__}")
    return tuple(value)
