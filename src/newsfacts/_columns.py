"""The columnar form of a record file: one JSON array per field, shared values pooled.

A record file (``statements.json``, an array of objects) may have beside it a
columnar form (``statements.columns.json``, see
:attr:`~newsfacts.format.RecordKind.columns_file`), derived from it by
:func:`encode`; :func:`decode` reads it back into the same records. It is one
JSON object::

    {"format": "newsfacts-columns/1",
     "sha256": "<digest of the exact bytes of statements.json>",
     "count": 3,
     "columns": {"id": ["st-0", "st-1", "st-2"],
                 "subject": ["ent-0", "ent-0", "ent-1"],
                 "predicate": ["funds", "opposes", "funds"],
                 "object": ["ent-1", "ent-2", "ent-2"],
                 "evidence": [0, 0, 1],
                 "verdict": [0, 0, 0]},
     "pools": {"Span": {"count": 2, "columns": {"start": [0, 17], ...}},
               "Verdict": {"count": 1, "columns": {"rating": ["unchecked"]}},
               "tuple[Span, ...]": {"count": 2, "lengths": [1, 1], "items": [0, 1]}}}

``columns`` holds one array of ``count`` values per field of the record
class, named after the field and derived from its attrs fields and their
types (nothing here lists them), as the field's type says:

- ``str``, ``int``, ``bool``: the values, ``null`` for ``None``;
- an enum: its members' values;
- a record class (a span, a verdict, a time, an attribution, a participant,
  a qualifier, a literal) or a tuple: an index into the pool of distinct
  values of that type, named after it (``"Span"``, ``"tuple[Span, ...]"``);
- ``str | LiteralValue``: the string, or an index into the pool.

A pool of records is a table as the file itself is (``count`` and
``columns``); a pool of tuples holds each tuple's length and, one after
another, their items, as a column of the member type. A column whose every
value is the field's default is left out. Pools are in the order of their
names, their values in the order first met, walking the records in order and
their fields in field order; so the same records give the same bytes.

Decoding is a few passes over each column at C level (the type of every
value, one look-up per value in a pool or an enum's members, one compiled
maker per record class mapped over the columns), and a value shared by many
records (a sentence that is the evidence of ten statements, the "unchecked"
verdict) is built once and shared, as records are immutable. Every check a
record's class makes still runs: type checks are made once per column, a
check of a string against a pattern (an id, a code) once per distinct
string of a column, and every other check record by record. Any fault
raises :class:`~newsfacts.codec.InvalidData` with the JSON path of the value
at fault (``$.columns.subject[12]``, ``$.pools.Span.columns.end[3]``).
"""

from __future__ import annotations

import enum
import itertools
import json
import re
import types
import typing
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._checks import to_tuple
from ._validators import _PATTERN_CHECKS, _TYPE_CHECKS, _clip
from .codec import InvalidData, _implied, _json_type, field_types, slot_setters
from .format import COLUMNS_FORMAT

__all__ = ["decode", "encode", "recorded_digest"]

_NONE = type(None)
_ABSENT = object()
_DIGEST = re.compile(r"[0-9a-f]{64}")
_KEYS = ("format", "sha256", "count", "columns", "pools")
_Segments = tuple[str | int, ...]


@attrs.frozen
class _Shape:
    """How a column holds the values of one type.

    ``kind`` is ``"atom"`` (the values themselves: ``target`` is ``str``,
    ``int`` or ``bool``, ``types`` the Python types a value may have),
    ``"enum"`` (the values of ``target``'s members), ``"pool"`` (indexes into
    the pool of ``target``) or ``"either"`` (a string, or an index into the
    pool of ``target``); ``optional`` allows ``null`` for ``None``.
    """

    kind: str
    target: Any = None
    optional: bool = False
    types: tuple[type, ...] = ()


@attrs.frozen
class _Field:
    """One init field of a record class: its name, its column's shape, its attrs attribute."""

    name: str
    shape: _Shape
    attribute: Any


def _shape(tp: Any) -> _Shape:
    optional = False
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        optional = _NONE in args
        rest = [arg for arg in args if arg is not _NONE]
        if len(rest) == 2 and str in rest:
            other = rest[0] if rest[1] is str else rest[1]
            if attrs.has(other):
                return _Shape("either", other, optional)
        if len(rest) != 1:
            raise TypeError(f"no columnar form for {tp!r}")
        tp = rest[0]
    if tp in (str, int, bool):
        return _Shape("atom", tp, optional, (tp, _NONE) if optional else (tp,))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _Shape("enum", tp, optional)
    if attrs.has(tp) or _member(tp) is not None:
        return _Shape("pool", tp, optional)
    raise TypeError(f"no columnar form for {tp!r}")


def _member(tp: Any) -> Any:
    """The member type of ``tuple[X, ...]``, else ``None``."""
    if typing.get_origin(tp) is not tuple:
        return None
    args = typing.get_args(tp)
    if len(args) != 2 or args[1] is not Ellipsis:
        raise TypeError(f"no columnar form for {tp!r}")
    return args[0]


def _type_name(tp: Any) -> str:
    member = _member(tp)
    if member is not None:
        return f"tuple[{_type_name(member)}, ...]"
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return " | ".join(_type_name(arg) for arg in typing.get_args(tp))
    return "None" if tp is _NONE else str(tp.__name__)


_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _fields(cls: type) -> tuple[_Field, ...]:
    """The init fields of ``cls`` in field order, with their shapes (cached per class)."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = field_types(cls)
        found = tuple(
            _Field(attribute.name, _shape(hints[attribute.name]), attribute)
            for attribute in attrs.fields(cls)
            if attribute.init
        )
        _FIELDS[cls] = found
    return found


def _height(tp: Any) -> int:
    """How deep pools of ``tp`` refer to other pools: more than any pool it refers to."""
    member = _member(tp)
    shapes = [_shape(member)] if member is not None else [f.shape for f in _fields(tp)]
    return 1 + max((_height(s.target) for s in shapes if s.kind in ("pool", "either")), default=0)


# --- encoding ---------------------------------------------------------------


def encode(cls: type, records: Sequence[Any], sha256: str) -> bytes:
    """The columnar file of ``records`` (all of class ``cls``), made from a record file whose
    bytes have the SHA-256 ``sha256``."""
    writer = _Writer()
    table = writer.table(cls, records)
    value = {
        "format": COLUMNS_FORMAT,
        "sha256": sha256,
        "count": table["count"],
        "columns": table["columns"],
        "pools": writer.pools(),
    }
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class _Writer:
    """The pools of one file as they fill: each type's distinct values, by first use."""

    def __init__(self) -> None:
        self._pools: dict[str, tuple[Any, dict[Any, int]]] = {}

    def table(self, cls: type, records: Sequence[Any]) -> dict[str, Any]:
        columns: dict[str, Any] = {}
        for field in _fields(cls):
            values = [getattr(record, field.name) for record in records]
            default = field.attribute.default
            # ``count`` compares as ``==`` does, as the JSON form leaves defaults out.
            if default is not attrs.NOTHING and values.count(default) == len(values):
                continue
            columns[field.name] = self.column(field.shape, values)
        return {"count": len(records), "columns": columns}

    def column(self, shape: _Shape, values: list[Any]) -> list[Any]:
        if shape.kind == "atom":
            return values
        if shape.kind == "enum":
            return [None if value is None else value.value for value in values]
        index = self._index(shape.target)
        if shape.kind == "pool":
            return [None if value is None else index(value) for value in values]
        return [value if value is None or type(value) is str else index(value) for value in values]

    def _index(self, tp: Any) -> Callable[[Any], int]:
        """The index of a value in the pool of ``tp``; a pool exists once it holds a value."""
        name = _type_name(tp)
        entries: dict[Any, int] = {}

        def index(value: Any) -> int:
            nonlocal entries
            if not entries:
                known = self._pools.setdefault(name, (tp, entries))
                if known[0] != tp:  # pragma: no cover - two field types of one name
                    raise TypeError(f"two types are named {name!r}: {tp!r} and {known[0]!r}")
                entries = known[1]
            found = entries.get(value)
            if found is None:
                found = entries[value] = len(entries)
            return found

        return index

    def pools(self) -> dict[str, Any]:
        done: dict[str, Any] = {}
        # A pool is written once every pool that refers to it is: those are
        # higher, so highest first, until no pool is left.
        while len(done) < len(self._pools):
            name = max(
                (name for name in self._pools if name not in done),
                key=lambda name: (_height(self._pools[name][0]), name),
            )
            tp, entries = self._pools[name]
            values = list(entries)
            member = _member(tp)
            if member is None:
                done[name] = self.table(tp, values)
            else:
                items = [item for value in values for item in value]
                done[name] = {
                    "count": len(values),
                    "lengths": [len(value) for value in values],
                    "items": self.column(_shape(member), items),
                }
        return dict(sorted(done.items()))


# --- decoding ---------------------------------------------------------------


def recorded_digest(value: Any) -> str:
    """The SHA-256 of the record file that the columnar file ``value`` (parsed JSON) was made from.

    Checks the format tag first. Raises :class:`InvalidData`.
    """
    if type(value) is not dict:
        raise InvalidData(f"expected an object (a columnar file), got {_json_type(value)}")
    tag = value.get("format", _ABSENT)
    if tag is _ABSENT:
        raise InvalidData("missing key 'format'")
    if tag != COLUMNS_FORMAT:
        raise InvalidData(f"format must be {COLUMNS_FORMAT!r}, got {_clip(repr(tag))}", ("format",))
    digest = value.get("sha256", _ABSENT)
    if digest is _ABSENT:
        raise InvalidData("missing key 'sha256'")
    if type(digest) is not str or _DIGEST.fullmatch(digest) is None:
        raise InvalidData(
            "expected the SHA-256 of the record file, 64 lowercase hexadecimal digits, "
            f"got {_clip(repr(digest))}",
            ("sha256",),
        )
    return digest


def decode(cls: type, value: Any) -> tuple[Any, ...]:
    """The records of class ``cls`` in the columnar file ``value`` (parsed JSON), in order.

    Raises :class:`InvalidData` for any fault, with its JSON path.
    """
    recorded_digest(value)
    _keys(value, _KEYS, ())
    pools = value["pools"]
    if type(pools) is not dict:
        raise InvalidData(f"expected an object, got {_json_type(pools)}", ("pools",))
    reader = _Reader(pools)
    records = _table(cls, value["count"], value["columns"], reader, ())
    for name in pools:
        if not reader.used(name):
            raise InvalidData(f"pool {name!r} is not used by any column", ("pools", name))
    return records


def _keys(value: Any, keys: Sequence[str], where: _Segments) -> None:
    if type(value) is not dict:
        raise InvalidData(f"expected an object, got {_json_type(value)}", where)
    for key in value:
        if key not in keys:
            raise InvalidData(f"unknown key {_clip(key)!r}", (*where, key))
    for key in keys:
        if key not in value:
            raise InvalidData(f"missing key {key!r}", where)


def _count(value: Any, where: _Segments) -> int:
    if type(value) is not int or value < 0:
        raise InvalidData(
            f"expected a count (an integer, not negative), got {_clip(repr(value))}",
            (*where, "count"),
        )
    return value


def _array(value: Any, length: int, where: _Segments, what: str = "the count") -> list[Any]:
    if type(value) is not list:
        raise InvalidData(f"expected an array, got {_json_type(value)}", where)
    if len(value) != length:
        raise InvalidData(f"expected {length} values ({what}), got {len(value)}", where)
    return value


def _first(values: Iterable[Any], fits: Callable[[Any], bool]) -> tuple[int, Any]:
    """The first value that does not fit, and its index (there is one: the caller saw it)."""
    for index, value in enumerate(values):
        try:
            if fits(value):
                continue
        except TypeError:  # an array or an object where a key was looked up
            pass
        return index, value
    raise AssertionError("no value at fault")  # pragma: no cover - the caller found one


_WHAT = {str: "a string", int: "an integer", bool: "a boolean"}


def _types(column: list[Any], allowed: Collection[type], what: str, where: _Segments) -> set[type]:
    """The JSON types in ``column``; raises `InvalidData` at the first value of another."""
    kinds = set(map(type, column))
    if not kinds <= set(allowed):
        index, value = _first(column, lambda value: type(value) in allowed)
        raise InvalidData(f"expected {what}, got {_json_type(value)}", (*where, index))
    return kinds


def _atoms(column: list[Any], shape: _Shape, where: _Segments) -> list[Any]:
    what = _WHAT[shape.target] + (" or null" if shape.optional else "")
    _types(column, shape.types, what, where)
    return column


_MEMBERS: dict[tuple[type, bool], dict[Any, Any]] = {}


def _members(kind: type[enum.Enum], optional: bool) -> dict[Any, Any]:
    """An enum's members by value (and ``None`` for ``None`` when ``optional``), cached."""
    found = _MEMBERS.get((kind, optional))
    if found is None:
        found = {member.value: member for member in kind}
        if optional:
            found[None] = None
        _MEMBERS[(kind, optional)] = found
    return found


def _enums(column: list[Any], shape: _Shape, where: _Segments) -> list[Any]:
    members = _members(shape.target, shape.optional)
    try:
        return list(map(members.__getitem__, column))
    except (KeyError, TypeError):
        index, value = _first(column, members.__contains__)
        allowed = ", ".join(repr(member.value) for member in shape.target)
        raise InvalidData(
            f"expected one of {allowed}, got {_clip(repr(value))}", (*where, index)
        ) from None


def _indexes(
    column: list[Any], tp: Any, reader: _Reader, optional: bool, where: _Segments
) -> list[Any]:
    """The values of the pool of ``tp`` that ``column`` points at (``None`` for ``null``)."""
    name = _type_name(tp)
    allowed = {int, _NONE} if optional else {int}
    kinds = _types(column, allowed, f"an index into the pool {name!r} (an integer)", where)
    if int not in kinds:  # no value, or nulls only: no pool is needed
        return column
    pool = reader.values(tp)
    # By key, not by position: a negative index is out of range too.
    lookup: dict[Any, Any] = dict(enumerate(pool))
    if optional:
        lookup[None] = None
    try:
        return list(map(lookup.__getitem__, column))
    except KeyError:
        index, value = _first(column, lookup.__contains__)
        raise InvalidData(
            f"index {value} is out of range: the pool {name!r} has {len(pool)} values",
            (*where, index),
        ) from None


class _Reader:
    """The pools of one file, each decoded when a column first points into it."""

    def __init__(self, pools: Mapping[str, Any]) -> None:
        self._json = pools
        self._values: dict[str, tuple[Any, ...]] = {}
        self._items: dict[str, list[Any]] = {}

    def used(self, name: str) -> bool:
        return name in self._values

    def values(self, tp: Any) -> tuple[Any, ...]:
        name = _type_name(tp)
        found = self._values.get(name)
        if found is not None:
            return found
        table = self._json.get(name, _ABSENT)
        if table is _ABSENT:
            raise InvalidData(f"missing pool {name!r}", ("pools",))
        where: _Segments = ("pools", name)
        member = _member(tp)
        if member is None:
            _keys(table, ("count", "columns"), where)
            found = _table(tp, table["count"], table["columns"], self, where)
        else:
            found = self._tuples(name, member, table)
        self._values[name] = found
        return found

    def items(self, tp: Any) -> list[Any]:
        """The items of the tuples of the pool of the tuple type ``tp``, as read (none when
        no column has pointed into it)."""
        return self._items.get(_type_name(tp), [])

    def _tuples(self, name: str, member: Any, table: Any) -> tuple[Any, ...]:
        where: _Segments = ("pools", name)
        _keys(table, ("count", "lengths", "items"), where)
        count = _count(table["count"], where)
        lengths = _atoms(
            _array(table["lengths"], count, (*where, "lengths")),
            _Shape("atom", int, False, (int,)),
            (*where, "lengths"),
        )
        if lengths and min(lengths) < 0:
            index, value = _first(lengths, lambda length: length >= 0)
            raise InvalidData(
                f"a length must not be negative, got {value}", (*where, "lengths", index)
            )
        total = sum(lengths)
        items_json = _array(table["items"], total, (*where, "items"), "the sum of the lengths")
        items = tuple(_column(_shape(member), items_json, self, (*where, "items")))
        self._items[name] = items_json
        starts = itertools.accumulate(lengths, initial=0)
        stops = itertools.accumulate(lengths)
        # Slices of a tuple are tuples: one C-level pass.
        return tuple(map(items.__getitem__, map(slice, starts, stops)))


def _column(shape: _Shape, column: list[Any], reader: _Reader, where: _Segments) -> list[Any]:
    """The values of ``column`` as the field's type has them."""
    if shape.kind == "atom":
        return _atoms(column, shape, where)
    if shape.kind == "enum":
        return _enums(column, shape, where)
    if shape.kind == "pool":
        return _indexes(column, shape.target, reader, shape.optional, where)
    name = _type_name(shape.target)
    # "either": strings as they are, indexes into the pool (literals are rare).
    allowed = {str, int, _NONE} if shape.optional else {str, int}
    kinds = _types(column, allowed, f"a string or an index into the pool {name!r}", where)
    if int not in kinds:
        return column
    pool = reader.values(shape.target)
    out = list(column)
    for index, value in enumerate(column):
        if type(value) is int:
            if not 0 <= value < len(pool):
                raise InvalidData(
                    f"index {value} is out of range: the pool {name!r} has {len(pool)} values",
                    (*where, index),
                )
            out[index] = pool[value]
    return out


def _strings(shape: _Shape, column: list[Any], reader: _Reader) -> list[str] | None:
    """The strings of a column as read, for a check by pattern; ``None`` if unknown."""
    if shape.kind == "pool":
        return reader.items(shape.target) if _member(shape.target) is str else None
    if shape.kind not in ("atom", "either"):
        return None
    if not shape.optional and shape.kind == "atom":
        return column
    if shape.kind == "either" and int in set(map(type, column)):
        return [value for value in column if type(value) is str]
    # Strings and nulls: the non-empty strings, and the empty one if it is there.
    strings = list(filter(None, column))
    if "" in column:
        strings.append("")
    return strings


def _default_strings(default: Any) -> list[str] | None:
    if default is None:
        return []
    if type(default) is str:
        return [default]
    if type(default) is tuple and all(type(item) is str for item in default):
        return list(default)
    return None


# A pattern written with these characters alone matches no line break: it has
# no escape, no negated class, no dot, and no range that starts below "(".
_SINGLE_LINE = re.compile(r"[A-Za-z0-9\[\](){}?:*+|,\-]*")
_JOINED: dict[re.Pattern[str], re.Pattern[str]] = {}


def _all_match(pattern: re.Pattern[str], strings: list[str]) -> bool:
    """Whether every one of ``strings`` fully matches ``pattern``, checked at C level.

    A pattern that can match no line break is checked once over the strings
    joined by line breaks (none of which may hold one), as the pattern
    repeated: each repetition ends at a line break, so it spans exactly one
    string. Any other pattern is matched string by string.
    """
    if not strings:
        return True
    if _SINGLE_LINE.fullmatch(pattern.pattern) is None:
        return all(map(pattern.fullmatch, strings))
    joined = "\n".join(strings)
    if joined.count("\n") != len(strings) - 1:
        return False  # some string holds a line break: the record's own check refuses it
    whole = _JOINED.get(pattern)
    if whole is None:
        source = pattern.pattern
        whole = _JOINED[pattern] = re.compile(f"(?:(?:{source})\n)*+(?:{source})", pattern.flags)
    return whole.fullmatch(joined) is not None


def _table(
    cls: type, count_value: Any, columns: Any, reader: _Reader, where: _Segments
) -> tuple[Any, ...]:
    """The ``count`` records of class ``cls`` whose fields are in ``columns``."""
    count = _count(count_value, where)
    if type(columns) is not dict:
        raise InvalidData(f"expected an object, got {_json_type(columns)}", (*where, "columns"))
    fields = _fields(cls)
    names = {field.name for field in fields}
    for name in columns:
        if name not in names:
            raise InvalidData(
                f"unknown column {_clip(name)!r} of {cls.__name__}", (*where, "columns", name)
            )
    present: list[_Field] = []
    values: list[list[Any]] = []
    proven: set[str] = set()
    for field in fields:
        column = columns.get(field.name, _ABSENT)
        default = field.attribute.default
        validator = field.attribute.validator
        pattern = _PATTERN_CHECKS.get(validator)
        if column is _ABSENT:
            if default is attrs.NOTHING:
                raise InvalidData(
                    f"missing column {field.name!r} of {cls.__name__}", (*where, "columns")
                )
            strings = _default_strings(default) if pattern is not None else None
        else:
            at: _Segments = (*where, "columns", field.name)
            decoded = _column(field.shape, _array(column, count, at), reader, at)
            present.append(field)
            values.append(decoded)
            strings = _strings(field.shape, column, reader) if pattern is not None else None
        # A check by pattern passes for every record when every string passes it.
        if pattern is not None and strings is not None and _all_match(pattern, strings):
            proven.add(field.name)
    if not present and count > 1:
        # Every record would be the same (all defaults): a pool holds distinct
        # values, and a count this file does not pay for in columns would make
        # the cost of reading it unbounded by its size.
        raise InvalidData(
            f"a table without columns holds at most one {cls.__name__}, got a count of {count}",
            (*where, "count"),
        )
    checked = not attrs.validators.get_disabled()
    make = _maker(cls, tuple(field.name for field in present), frozenset(proven), checked)
    try:
        return _build(make, values, count)
    except (TypeError, ValueError) as error:
        raise _fault(cls, present, values, count, where, error) from None


def _build(
    make: Callable[..., Any], values: Sequence[Sequence[Any]], count: int
) -> tuple[Any, ...]:
    """The ``count`` records that ``make`` makes of the decoded columns: one C-level pass."""
    if not values:
        return tuple(make() for _ in range(count))
    return tuple(map(make, *values))


# --- making records -----------------------------------------------------------

_MAKERS: dict[tuple[type, tuple[str, ...], frozenset[str], bool], Callable[..., Any]] = {}
# attrs' converters that take the instance or the field (attrs 24.1 and later).
_CONVERTER: Any = getattr(attrs, "Converter", ())


def _maker(
    cls: type, present: tuple[str, ...], proven: frozenset[str], checked: bool
) -> Callable[..., Any]:
    """A function of the ``present`` fields' values (in field order) that makes one record.

    Compiled once per class and set of columns (a race compiles it twice, and
    either is kept). It sets every field's slot, as attrs' ``__init__`` does,
    then runs every validator, in field order, except those that cannot fail:
    those that check only the type the column already has, and those by
    pattern that every string of the column (``proven``) has passed; none
    when not ``checked`` (attrs' validators are disabled).
    """
    key = (cls, present, proven, checked)
    found = _MAKERS.get(key)
    if found is None:
        found = _MAKERS[key] = _compile(cls, frozenset(present), proven, checked)
    return found


def _compile(
    cls: type, present: frozenset[str], proven: frozenset[str], checked: bool
) -> Callable[..., Any]:
    attributes = [a for a in attrs.fields(cls) if a.init]
    given = [a.name for a in attributes if a.name in present]
    arguments = ", ".join(f"{name}_" for name in given)
    namespace: dict[str, Any] = {"cls": cls, "new": cls.__new__}
    setters = slot_setters(cls)
    plain = (
        setters is not None
        and len(attributes) == len(attrs.fields(cls))
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and not any(isinstance(a.default, attrs.Factory) for a in attributes)  # type: ignore[arg-type]
        and not any(isinstance(a.converter, _CONVERTER) for a in attributes)
    )
    if not plain:
        # Something this does not know: attrs' own __init__, given every column by name.
        keywords = ", ".join(f"{a.alias}={a.name}_" for a in attributes if a.name in present)
        lines = [f"def make({arguments}):", f"    return cls({keywords})"]
    else:
        assert setters is not None
        hints = field_types(cls)
        lines = [f"def make({arguments}):", "    record = new(cls)"]
        checks: list[str] = []
        for number, attribute in enumerate(attributes):
            name = attribute.name
            value = f"{name}_"
            if name not in present:
                namespace[f"default_{number}"] = attribute.default
                value = f"default_{number}"
            tp = hints[name]
            # ``to_tuple`` gives a tuple as it is; any other converter runs, as in attrs.
            converted = attribute.converter is not None and not (
                attribute.converter is to_tuple and _member(tp) is not None
            )
            if converted:
                namespace[f"convert_{number}"] = attribute.converter
                lines.append(f"    {name}_ = convert_{number}({value})")
                value = f"{name}_"
            namespace[f"set_{number}"] = setters[name]
            lines.append(f"    set_{number}(record, {value})")
            validator = attribute.validator
            if validator is None or not checked:
                continue
            default = attribute.default
            if not converted and (name in proven or _implied(validator, tp, default, _TYPE_CHECKS)):
                continue
            namespace[f"check_{number}"] = validator
            namespace[f"field_{number}"] = attribute
            checks.append(f"    check_{number}(record, field_{number}, {value})")
        lines.extend(checks)
        lines.append("    return record")
    code = compile("\n".join(lines), f"<newsfacts columnar maker of {cls.__name__}>", "exec")
    exec(code, namespace)
    function: Callable[..., Any] = namespace["make"]
    return function


def _fault(
    cls: type,
    present: Sequence[_Field],
    values: Sequence[Sequence[Any]],
    count: int,
    where: _Segments,
    error: Exception,
) -> InvalidData:
    """The first record that ``cls`` refuses, at the column of the field at fault.

    Each record is made by attrs' own ``__init__``, which refuses what the
    maker refused, with the same message; the field is the first whose
    converter or validator raises, in attrs' order.
    """
    names = [field.name for field in present]
    aliases = [field.attribute.alias for field in present]
    for index in range(count):
        given = {name: column[index] for name, column in zip(names, values, strict=True)}
        try:
            cls(**dict(zip(aliases, given.values(), strict=True)))
        except (TypeError, ValueError) as refused:
            field = _culprit(cls, given)
            if field in given:
                segments: _Segments = (*where, "columns", field, index)
                message = f"invalid {cls.__name__}: {refused}"
            else:
                segments = (*where, "columns")
                message = f"invalid {cls.__name__} (number {index}): {refused}"
            return InvalidData(message, segments)
    return InvalidData(f"invalid {cls.__name__}: {error}", (*where, "columns"))


def _culprit(cls: type, given: Mapping[str, Any]) -> str | None:
    """The field whose converter or validator refuses ``given``, as attrs runs them."""
    new: Any = cls.__new__
    record = new(cls)
    attributes = attrs.fields(cls)
    for attribute in attributes:
        value = given.get(attribute.name, attribute.default)
        if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
            value = value.factory()
        if attribute.converter is not None:
            try:
                value = attribute.converter(value)
            except (TypeError, ValueError):
                return str(attribute.name)
        object.__setattr__(record, attribute.name, value)
    for attribute in attributes:
        if attribute.validator is not None:
            try:
                attribute.validator(record, attribute, getattr(record, attribute.name))
            except (TypeError, ValueError):
                return str(attribute.name)
    return None
