"""The dataset format, declared once: its files, its record types and registries, its references and names.

Everything that reads, writes, indexes, checks or exports a dataset takes
these from here: the loader (:mod:`newsfacts.loading`), the source reader and
writer (:mod:`newsfacts.source`), the dataset's indexes
(:mod:`newsfacts.dataset`), the validator's file names and reference checks
(:mod:`newsfacts.validation`), and the exports' foreign keys, citations and
links (:mod:`newsfacts.export`).

Which fields hold ids of which records is declared on the fields
themselves, in their attrs metadata (:func:`refers`); :func:`references`
collects them for a record class, nested values included.

A dataset folder holds ``dataset.json`` (the format tag, the metadata and
the article without its text), ``article.txt`` (the text, byte for byte) and
one JSON array per registry, named after it (``entities.json``). Beside a
record file there may be its columnar form (``entities.columns.json``,
:attr:`RecordKind.columns_file`): derived from it, never the only copy, and
read in its place only while it records the record file's exact bytes (see
:mod:`newsfacts.columnar`).
"""

from __future__ import annotations

import functools
import importlib
import operator
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

__all__ = [
    "ARTICLE_FILE",
    "BY_REGISTRY",
    "COLUMNS_FORMAT",
    "DATASET_FILE",
    "EACH",
    "FORMAT",
    "KINDS",
    "REFERS",
    "Names",
    "RecordKind",
    "Reference",
    "Refers",
    "field_types",
    "involved",
    "referenced_first",
    "references",
    "refers",
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

    def __call__(self, record: Any) -> list[str]:
        # A list, not a walk of located(): the name index calls this for every record.
        names: list[str] = []
        for field in self.fields:
            value = getattr(record, field)
            if isinstance(value, tuple):
                names.extend(value)
            else:
                names.append(value)
        for code in self.codes:
            value = getattr(record, code)
            if value is not None:
                names.append(value)
        return names


class RecordKind(typing.NamedTuple):
    """One kind of record: its type, its registry on a :class:`~newsfacts.Dataset`, its file.

    Immutable named tuples, as :class:`Refers` and :class:`Reference` are:
    the format's classes are defined on the way to the first entity lookup,
    where an attrs class costs five times as much to define.

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
    RecordKind("source", "sources", "model", "Source", Names(("title",), ("wikidata",))),
)
"""Every kind of record, in the order the files are read and written."""

BY_REGISTRY: Mapping[str, RecordKind] = {kind.registry: kind for kind in KINDS}
"""The kinds by registry name (``"entities"``)."""


# --- references --------------------------------------------------------------

REFERS = "newsfacts.refers"
"""The attrs metadata key of a field that holds ids of other records; its value is a :class:`Refers`."""

EACH = "[]"
"""A step of a reference's ``path`` that takes each member of a tuple."""


class Refers(typing.NamedTuple):
    """What the ids of a field may name: a field's declaration, in its attrs metadata.

    ``kinds`` are the registries (``"entities"``, ``"events"``, ``"sources"``)
    whose records the ids may be, in the order a message names them.
    ``involves`` says that a fact involves what the field names (a
    participant, a subject, a claimant), so :meth:`Dataset.about
    <newsfacts.dataset.Dataset.about>` indexes the fact under it; a cited source is
    not involved, nor is what a mention's words refer to (mentions are
    indexed apart). A named tuple (see :class:`RecordKind`).
    """

    kinds: tuple[str, ...]
    involves: bool = False


def refers(*kinds: str, involves: bool = False) -> dict[str, Refers]:
    """The metadata of an attrs field holding ids of records of ``kinds``: ``attrs.field(metadata=...)``.

    The field holds one id, ``None``, a tuple of ids, or (for a statement's
    object and a qualifier's value) an id or a :class:`~newsfacts.LiteralValue`,
    which names no record.
    """
    return {REFERS: Refers(tuple(kinds), involves)}


Segment = str | int
"""A step of a JSON path: a key or an index."""


class Reference(typing.NamedTuple):
    """A place in a record class that holds ids: a field of its own, or of a value inside it.

    ``path`` is the attribute names from the record down to the field, with
    :data:`EACH` where a tuple's members are taken: ``("participants", EACH,
    "entity")`` for each participant's entity, ``("verdict", "sources",
    EACH)`` for each source of the verdict, ``("time", "bound_sources",
    EACH)``. It is also the field's JSON path, the JSON form having the
    fields' names. Made from the records' declarations by :func:`references`.
    """

    path: tuple[str, ...]
    kinds: tuple[str, ...]
    involves: bool = False

    @property
    def field(self) -> str:
        """The dotted name of the path, as messages and tables name it: ``participants[].entity``."""
        return ".".join(self.path).replace("." + EACH, EACH)

    def located(self, record: Any) -> Iterator[tuple[tuple[Segment, ...], str]]:
        """Each id ``record`` holds here, with its JSON path within the record, in field order."""
        yield from _walk(record, self.path, ())

    def ids(self, records: Iterable[Any]) -> set[str]:
        """The distinct ids held here by any of ``records``.

        Taken step by step over the distinct values of each step (by
        identity: equal values are shared objects once loaded), so that a
        million statements sharing one verdict look at its sources once.
        """
        from ._passes import column

        return self.ids_from(column(records, self.path[0]))

    def ids_from(self, values: Sequence[Any]) -> set[str]:
        """:meth:`ids`, given each record's value of the path's first field (a column, or
        the distinct values of one where the path goes on)."""
        # Imported here: an entity lookup reads the format, never a reference.
        from ._passes import column, distinct, members

        level: Iterable[Any] = values
        if len(self.path) > 1:
            level = distinct(values)
            for step in self.path[1:-1]:
                level = distinct(members(level) if step == EACH else column(level, step))
            last = self.path[-1]
            level = members(level) if last == EACH else column(level, last)
        return {value for value in set(level) if type(value) is str}


def _walk(
    value: Any, path: tuple[str, ...], segments: tuple[Segment, ...]
) -> Iterator[tuple[tuple[Segment, ...], str]]:
    if not path:
        if type(value) is str:
            yield segments, value
        return
    step, rest = path[0], path[1:]
    if step == EACH:
        for index, member in enumerate(value):
            yield from _walk(member, rest, (*segments, index))
        return
    inner = getattr(value, step)
    if inner is not None:
        yield from _walk(inner, rest, (*segments, step))


@functools.cache
def references(cls: type) -> tuple[Reference, ...]:
    """Every place in a record of ``cls`` that holds ids, in field order, nested values included.

    Derived from the fields' :data:`REFERS` metadata and their types: a
    field whose type is a record class (or ``None`` or a tuple of it) is
    looked into, so a :class:`~newsfacts.TimeSpec`'s ``sources`` count in
    every field that holds a time.
    """
    return tuple(_references(cls, ()))


def _references(cls: type, path: tuple[str, ...]) -> Iterator[Reference]:
    types = field_types(cls)
    for field in attrs.fields(cls):
        declared: Refers | None = field.metadata.get(REFERS)
        tp = types[field.name]
        inner, many = _record_class(tp)
        here = (*path, field.name, *((EACH,) if many else ()))
        if declared is not None:
            yield Reference(here, declared.kinds, declared.involves)
        elif inner is not None:
            yield from _references(inner, here)


def _record_class(tp: Any) -> tuple[type | None, bool]:
    """The record class a field type holds (``X``, ``X | None``, ``tuple[X, ...]``), and whether many."""
    many = typing.get_origin(tp) is tuple
    if many:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(members) != 1:
            return None, many
        tp = members[0]
    return (tp if isinstance(tp, type) and attrs.has(tp) else None), many


@functools.cache
def field_types(cls: type) -> Mapping[str, Any]:
    """The types of the attrs fields of ``cls``, resolved as ``typing.get_type_hints``
    resolves them (by :func:`newsfacts.codec.field_types`, which reads them faster)."""
    from .codec import field_types as read

    return MappingProxyType(read(cls))


@functools.cache
def involved(cls: type) -> Callable[[Any], tuple[str, ...]]:
    """The ids a record of ``cls`` involves, each once, in field order: what ``about`` indexes it under.

    These are the references declared ``involves``: participants, places, the
    larger event, the subject and object, qualifier values and claimants (not
    sources, which are cited, nor a mention's targets, which are indexed apart).
    """
    # One getter per field of the record; what lies inside a value is walked.
    steps = [
        (operator.attrgetter(reference.path[0]), reference.path[1:])
        for reference in references(cls)
        if reference.involves
    ]

    def ids(record: Any) -> tuple[str, ...]:
        out: list[str] = []
        for get, rest in steps:
            value = get(record)
            if not rest:
                if type(value) is str:
                    out.append(value)
            elif value is not None:
                out.extend(found for _, found in _walk(value, rest, ()))
        return tuple(dict.fromkeys(out)) if len(out) > 1 else tuple(out)

    return ids


def referenced_first() -> tuple[RecordKind, ...]:
    """The record kinds, each after the kinds its references name (a kind naming itself aside).

    Ties keep the order of :data:`KINDS`: sources, entities, events,
    statements, mentions. A stream written in this order (JSON Lines) never
    names a record before it has given it.
    """
    named = {
        kind.registry: {k for r in references(kind.cls) for k in r.kinds} - {kind.registry}
        for kind in KINDS
    }
    ordered: list[RecordKind] = []
    while len(ordered) < len(KINDS):
        done = {kind.registry for kind in ordered}
        ready = next(k for k in KINDS if k not in ordered and named[k.registry] <= done)
        ordered.append(ready)
    return tuple(ordered)
