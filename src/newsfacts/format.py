"""The dataset format, declared once: its files, its record types and registries, its references and names.

Everything that reads, writes, indexes, checks or exports a dataset takes
these from here: the loader (:mod:`newsfacts.loading`), the source reader and
writer (:mod:`newsfacts.source`), the dataset's indexes
(:mod:`newsfacts.dataset`) and the validator's file names
(:mod:`newsfacts.validation`).

A dataset folder holds ``dataset.json`` (the format tag, the metadata and
the article without its text), ``article.txt`` (the text, byte for byte) and
one JSON array per registry, named after it (``entities.json``). Beside a
record file there may be its columnar form (``entities.columns.json``,
:attr:`RecordKind.columns_file`): derived from it, never the only copy, and
read in its place only while it records the record file's exact bytes (see
:mod:`newsfacts.columnar`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from .model import Event, Statement

__all__ = [
    "ARTICLE_FILE",
    "BY_REGISTRY",
    "COLUMNS_FORMAT",
    "DATASET_FILE",
    "FORMAT",
    "KINDS",
    "Names",
    "RecordKind",
    "references",
]

FORMAT = "newsfacts-dataset/1"
"""The format tag written in every ``dataset.json``."""
DATASET_FILE = "dataset.json"
"""The header: ``{"format": FORMAT, "metadata": {...}, "article": {...}}``."""
ARTICLE_FILE = "article.txt"
"""The article's text, UTF-8, byte for byte."""
COLUMNS_FORMAT = "newsfacts-columns/1"
"""The format tag written in every columnar file (:attr:`RecordKind.columns_file`)."""


@attrs.frozen
class Names:
    """The names a record answers to in ``lookup`` and ``search``: a callable for a registry.

    ``fields`` hold names (a string or a tuple of them), the first being the
    display name; ``codes`` hold external ids, each a string or ``None``.
    """

    fields: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    def located(self, record: Any) -> Iterator[tuple[str, tuple[str | int, ...]]]:
        """Each name with the path of its field within the record: ``("aliases", 1)``."""
        for field in self.fields:
            value = getattr(record, field)
            if isinstance(value, tuple):
                for number, item in enumerate(value):
                    yield item, (field, number)
            else:
                yield value, (field,)
        for code in self.codes:
            value = getattr(record, code)
            if value is not None:
                yield value, (code,)

    def __call__(self, record: Any) -> Iterator[str]:
        for value, _ in self.located(record):
            yield value


@attrs.frozen
class RecordKind:
    """One kind of record: its type, its registry on a :class:`~newsfacts.Dataset`, its file.

    ``name`` is the singular (``"entity"``): the registry's own word for a
    record and the source's table (``[[entity]]``); ``names`` what a record
    answers to besides its id. The class is named, not imported, so that
    reading one kind (the entities, for a lookup) defines no other record
    class: ``cls`` imports it from ``newsfacts.<module>`` when first asked.
    """

    name: str
    registry: str
    module: str
    class_name: str
    names: Names = Names()

    @property
    def cls(self) -> type:
        """The record class (``newsfacts.model.Event``)."""
        cls: type = getattr(importlib.import_module(f"newsfacts.{self.module}"), self.class_name)
        return cls

    @property
    def file(self) -> str:
        """The record file of the dataset folder: ``entities.json``."""
        return f"{self.registry}.json"

    @property
    def columns_file(self) -> str:
        """The record file's optional columnar form, derived from it: ``entities.columns.json``."""
        return f"{self.registry}.columns.json"


KINDS: tuple[RecordKind, ...] = (
    # Entity has a module of its own: an entity lookup defines no other record class.
    RecordKind(
        "entity",
        "entities",
        "entity",
        "Entity",
        Names(("name", "aliases"), ("wikidata", "iso_alpha2", "iso_alpha3")),
    ),
    RecordKind("event", "events", "model", "Event", Names(("label", "aliases"), ("wikidata",))),
    RecordKind("statement", "statements", "model", "Statement"),
    RecordKind("mention", "mentions", "model", "Mention"),
    RecordKind("source", "sources", "model", "Source", Names(("title",))),
)
"""Every kind of record, in the order the files are read and written."""

BY_REGISTRY: Mapping[str, RecordKind] = {kind.registry: kind for kind in KINDS}
"""The kinds by registry name (``"entities"``)."""


def references(kind: RecordKind) -> Callable[[Any], Iterator[str]]:
    """The ids a record of ``kind`` refers to among entities and events, in field order.

    These are what :meth:`Dataset.about <newsfacts.Dataset.about>` indexes a
    record under: participants, places, the larger event, the subject and
    object, qualifier values and claimants (not sources, which are cited,
    nor a mention's target, which is indexed apart).
    """
    return _REFERENCES[kind.registry]


def _event_refs(event: Event) -> Iterator[str]:
    for participant in event.participants:
        yield participant.entity
    for ref in (event.place, event.record_place, event.part_of):
        if ref is not None:
            yield ref
    yield from event.attribution.claimants


def _statement_refs(statement: Statement) -> Iterator[str]:
    yield statement.subject
    if statement.object_id is not None:
        yield statement.object_id
    for qualifier in statement.qualifiers:
        if qualifier.value_id is not None:
            yield qualifier.value_id
    yield from statement.attribution.claimants


def _none(record: Any) -> Iterator[str]:
    return iter(())


_REFERENCES: Mapping[str, Callable[[Any], Iterator[str]]] = {
    "entities": _none,
    "events": _event_refs,
    "statements": _statement_refs,
    "mentions": _none,
    "sources": _none,
}
