"""Comparing two datasets record by record (a Dataset has no value equality of its own)."""

from __future__ import annotations

from newsfacts import Dataset

__all__ = ["assert_same_dataset"]


def assert_same_dataset(left: Dataset, right: Dataset) -> None:
    """Every part of ``left`` equals the same part of ``right``, in order."""
    assert left.metadata == right.metadata
    assert left.article == right.article
    assert tuple(left.entities) == tuple(right.entities)
    assert tuple(left.events) == tuple(right.events)
    assert tuple(left.statements) == tuple(right.statements)
    assert left.mentions == right.mentions
    assert tuple(left.sources) == tuple(right.sources)
