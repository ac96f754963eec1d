"""The JSON form of the records, both ways, with exact error paths.

Decoders are built once per record class from its attrs fields and cached, so
decoding a record costs a dict walk and the class's own validation. An error
raised deep inside a record travels up as :class:`InvalidData`, each level
adding its key or index, so the caller learns the full JSON path
(``$[12].evidence[0].end``) without the happy path paying for it.

Unknown keys are errors (a misspelt key must not be silently ignored); keys
of fields with defaults may be left out, and :func:`to_json` leaves out
values equal to their default, so the files stay small.
"""

from __future__ import annotations

import builtins
import enum
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

__all__ = ["InvalidData", "from_json", "json_path", "list_from_json", "record_decoder", "to_json"]

_T = TypeVar("_T")
_Decoder = Callable[[Any], Any]
_Encoder = Callable[[Any], Any]

_JSON_TYPE_NAMES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


class InvalidData(ValueError):  # noqa: N818 - internal signal, turned into DatasetError
    """A value that does not fit its record; ``segments`` is its path from the top."""

    def __init__(self, message: str, segments: Sequence[str | int] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.segments: tuple[str | int, ...] = tuple(segments)

    def within(self, segment: str | int) -> InvalidData:
        self.segments = (segment, *self.segments)
        return self

    @property
    def path(self) -> str:
        return json_path(self.segments)


def json_path(segments: Sequence[str | int]) -> str:
    """A JSONPath for ``segments``: ``$[3].evidence[0]``, ``$['odd key']``."""
    out = ["$"]
    for segment in segments:
        if isinstance(segment, int):
            out.append(f"[{segment}]")
        elif segment.isidentifier():
            out.append(f".{segment}")
        else:
            out.append(f"[{segment!r}]")
    return "".join(out)


# --- decoding ---------------------------------------------------------------

_DECODERS: dict[Any, _Decoder] = {}


def _expect(kind: type, what: str) -> _Decoder:
    def decode(value: Any) -> Any:
        # bool is an int in Python, never in the data.
        if type(value) is not kind:
            raise InvalidData(f"expected {what}, got {_json_type(value)}")
        return value

    return decode


def _enum_decoder(kind: type[enum.Enum]) -> _Decoder:
    members = {member.value: member for member in kind}
    allowed = ", ".join(repr(v) for v in members)

    def decode(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise InvalidData(f"expected one of {allowed}, got {value!r}") from None

    return decode


def _optional_decoder(inner: _Decoder) -> _Decoder:
    def decode(value: Any) -> Any:
        return None if value is None else inner(value)

    return decode


def _tuple_decoder(inner: _Decoder) -> _Decoder:
    def decode(value: Any) -> Any:
        if type(value) is not list:
            raise InvalidData(f"expected an array, got {_json_type(value)}")
        out = []
        for index, item in enumerate(value):
            try:
                out.append(inner(item))
            except InvalidData as error:
                raise error.within(index) from None
        return tuple(out)

    return decode


def _union_decoder(options: dict[type, _Decoder], what: str) -> _Decoder:
    # A union of a string and records: the JSON type picks the branch.
    def decode(value: Any) -> Any:
        branch = options.get(type(value))
        if branch is None:
            raise InvalidData(f"expected {what}, got {_json_type(value)}")
        return branch(value)

    return decode


def _decoder_for(tp: Any) -> _Decoder:
    if tp in _DECODERS:
        return _DECODERS[tp]
    decoder: _Decoder
    origin = typing.get_origin(tp)
    if tp is str:
        decoder = _expect(str, "a string")
    elif tp is int:
        decoder = _expect(int, "an integer")
    elif tp is bool:
        decoder = _expect(bool, "a boolean")
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        decoder = _enum_decoder(tp)
    elif attrs.has(tp):
        decoder = _record_decoder(tp)
    elif origin is tuple:
        item, _ellipsis = typing.get_args(tp)
        decoder = _tuple_decoder(_decoder_for(item))
    elif origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            decoder = _optional_decoder(_decoder_for(args[0]))
        else:
            options: dict[type, _Decoder] = {}
            for arg in args:
                options[str if arg is str else dict] = _decoder_for(arg)
            inner = _union_decoder(options, "a string or an object")
            decoder = _optional_decoder(inner) if type(None) in typing.get_args(tp) else inner
    else:  # pragma: no cover - a new field type needs a decoder here
        raise TypeError(f"no JSON decoder for {tp!r}")
    _DECODERS[tp] = decoder
    return decoder


def _record_decoder(cls: type[_T]) -> Callable[[Any], _T]:
    hints = _field_types(cls)
    fields = [
        (f.name, hints[f.name], f.default is attrs.NOTHING)
        for f in attrs.fields(cls)  # type: ignore[arg-type]
        if f.init
    ]
    known = frozenset(name for name, _, _ in fields)
    required = [name for name, _, needed in fields if needed]
    required_set = frozenset(required)
    what = cls.__name__
    # Field decoders are resolved on the first record decoded, as record types
    # refer to each other. A string, integer or boolean field is checked inline
    # (``kind``) rather than through a decoder call: this loop runs for every
    # record of a dataset, millions of times for a large one.
    resolved: list[tuple[tuple[str, type | None, str, _Decoder], ...]] = []

    def resolve() -> tuple[tuple[str, type | None, str, _Decoder], ...]:
        steps = []
        for name, tp, _ in fields:
            kind = _EXACT_KINDS.get(tp)
            steps.append(
                (name, kind, _JSON_TYPE_NAMES[kind] if kind is not None else "", _decoder_for(tp))
            )
        # One assignment: a thread decoding at the same time sees all steps or none.
        resolved[:] = [tuple(steps)]
        return resolved[0]

    def decode(value: Any) -> _T:
        if type(value) is not dict:
            raise InvalidData(f"expected an object ({what}), got {_json_type(value)}")
        # dict views compare with sets without building one.
        if not value.keys() <= known:
            extra = sorted(set(value) - known)
            raise InvalidData(f"unknown key {extra[0]!r} in {what}", (extra[0],))
        if not required_set <= value.keys():
            for name in required:
                if name not in value:
                    raise InvalidData(f"missing key {name!r} in {what}")
        plan = resolved[0] if resolved else resolve()
        kwargs = {}
        for name, kind, kind_name, field_decoder in plan:
            item = value.get(name, _ABSENT)
            if item is _ABSENT:
                continue
            if kind is not None:
                if type(item) is not kind:
                    raise InvalidData(f"expected {kind_name}, got {_json_type(item)}", (name,))
                kwargs[name] = item
                continue
            try:
                kwargs[name] = field_decoder(item)
            except InvalidData as error:
                raise error.within(name) from None
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as error:
            raise InvalidData(f"invalid {what}: {error}") from None

    return decode


_ABSENT = object()
# Field types whose JSON value must be exactly this Python type (bool is never an int).
_EXACT_KINDS: dict[Any, type] = {str: str, int: int, bool: bool}


def _field_types(cls: type) -> dict[str, Any]:
    """The type of each attrs field of ``cls``, as ``typing.get_type_hints`` gives it.

    The annotations are strings (``from __future__ import annotations``);
    ``get_type_hints`` compiles each with ``eval``, which dominated the first
    load. The few forms the records use (names, ``X | Y``, ``tuple[X, ...]``)
    are read here directly; anything else falls back to ``get_type_hints``.
    """
    namespace = vars(sys.modules[cls.__module__])
    try:
        return {f.name: _annotation(f.type, namespace) for f in attrs.fields(cls)}
    except _Unreadable:
        return typing.get_type_hints(cls)


class _Unreadable(Exception):  # noqa: N818 - internal signal: use get_type_hints
    pass


def _annotation(text: Any, namespace: Mapping[str, Any]) -> Any:
    if not isinstance(text, str):
        return text
    parts = _split(text, "|")
    if len(parts) > 1:
        union: Any = None
        for part in parts:
            tp = _annotation(part, namespace)
            union = tp if union is None else union | tp
        return union
    text = text.strip()
    if text == "None":
        return type(None)
    if text.endswith("]") and "[" in text:
        head, _, inner = text[:-1].partition("[")
        args = tuple(
            ... if arg.strip() == "..." else _annotation(arg, namespace)
            for arg in _split(inner, ",")
        )
        return _annotation(head, namespace)[args if len(args) > 1 else args[0]]
    if not text.isidentifier():
        raise _Unreadable(text)
    found = namespace.get(text, _ABSENT)
    if found is _ABSENT:
        found = getattr(builtins, text, _ABSENT)
    if found is _ABSENT:
        raise _Unreadable(text)
    return found


def _split(text: str, separator: str) -> list[str]:
    # Split at ``separator`` outside brackets.
    parts: list[str] = []
    depth = 0
    begin = 0
    for position, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[begin:position])
            begin = position + 1
    parts.append(text[begin:])
    return parts


def from_json(cls: type[_T], value: Any) -> _T:
    """Build a ``cls`` record from its JSON form; raises :class:`InvalidData`."""
    decoder: Callable[[Any], _T] = _decoder_for(cls)
    return decoder(value)


def record_decoder(cls: type[_T]) -> Callable[[Any], _T]:
    """The function that builds one ``cls`` record from its JSON form (raises :class:`InvalidData`)."""
    decoder: Callable[[Any], _T] = _decoder_for(cls)
    return decoder


def list_from_json(cls: type[_T], value: Any) -> tuple[_T, ...]:
    """Build a tuple of ``cls`` records from a JSON array."""
    result: tuple[_T, ...] = _decoder_for(tuple[cls, ...])(value)  # type: ignore[valid-type]
    return result


# --- encoding ---------------------------------------------------------------

_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _encode_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_encode_value(item) for item in value]
    if attrs.has(type(value)):
        return to_json(value)
    return value


def to_json(record: Any) -> dict[str, Any]:
    """The JSON form of a record: plain dicts, lists, strings and numbers.

    Fields equal to their default are left out.
    """
    encoder = _ENCODERS.get(type(record))
    if encoder is None:
        encoder = _ENCODERS[type(record)] = _record_encoder(type(record))
    return encoder(record)


def _record_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    fields = [(f.name, f.default) for f in attrs.fields(cls) if f.init]

    def encode(record: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, default in fields:
            value = getattr(record, name)
            if default is not attrs.NOTHING and value == default:
                continue
            out[name] = _encode_value(value)
        return out

    return encode
