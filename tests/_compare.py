"""Comparing two datasets record by record (a Dataset has no value equality of its own)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from newsfacts import Article, Dataset, Entity, Event, Statement
from newsfacts.format import references

__all__ = ["assert_same_dataset", "held_references"]


def assert_same_dataset(left: Dataset, right: Dataset) -> None:
    """Every part of ``left`` equals the same part of ``right``, in order."""
    assert left.metadata == right.metadata
    assert left.article == right.article
    assert tuple(left.entities) == tuple(right.entities)
    assert tuple(left.events) == tuple(right.events)
    assert tuple(left.statements) == tuple(right.statements)
    assert left.mentions == right.mentions
    assert tuple(left.sources) == tuple(right.sources)


def held_references(dataset: Dataset) -> Iterator[tuple[str, str, str]]:
    """(record id, reference's field, id held) for every id the article, an entity, an event
    or a statement holds where :func:`newsfacts.format.references` declares one."""
    holders: list[tuple[type, Sequence[Any]]] = [
        (Article, (dataset.article,)),
        (Entity, tuple(dataset.entities)),
        (Event, tuple(dataset.events)),
        (Statement, tuple(dataset.statements)),
    ]
    for cls, records in holders:
        for reference in references(cls):
            for record in records:
                for _, value in reference.located(record):
                    yield record.id, reference.field, value
