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

from ._checks import to_tuple

__all__ = [
    "InvalidData",
    "field_types",
    "from_json",
    "json_path",
    "list_from_json",
    "record_decoder",
    "to_json",
]

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

# Values without an identity (spans, verdicts, attributions, participants)
# repeat across a dataset's records: the evidence of ten statements is often
# one sentence, and most verdicts read "unchecked". While loads decode, each
# distinct one is built once and shared, as records are immutable, and so is
# each distinct tuple of them (an evidence tuple of one shared span). A value
# is keyed by its class, its JSON keys, values and their exact types (so
# ``1``, ``1.0`` and ``true`` never meet); a tuple by the identities of its
# members, which the table keeps alive. The keys hold strings, numbers and
# built-in types only, which the garbage collector stops tracking. The table
# grows with the distinct values of the files being decoded, whose records
# hold them anyway, and is dropped when the last load has decoded its files.
_repeats: dict[tuple[Any, ...], Any] | None = None


def share_repeats(on: bool) -> None:
    """Start (``True``) or stop sharing equal values between the records decoded."""
    global _repeats
    _repeats = {} if on else None


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


def _tuple_decoder(inner: _Decoder, shared: bool = False) -> _Decoder:
    # ``shared``: the members are records without an id, which loading shares.
    def decode(value: Any) -> Any:
        if type(value) is not list:
            raise InvalidData(f"expected an array, got {_json_type(value)}")
        out = []
        for index, item in enumerate(value):
            try:
                out.append(inner(item))
            except InvalidData as error:
                raise error.within(index) from None
        result = tuple(out)
        repeats = _repeats
        if shared and result and repeats is not None:
            return repeats.setdefault((_TUPLE_KEY, *map(id, result)), result)
        return result

    return decode


_TUPLE_KEY = "tuple"  # a record's key starts with an int instead


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
        shared = attrs.has(item) and "id" not in attrs.fields_dict(item)
        decoder = _tuple_decoder(_decoder_for(item), shared)
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
    hints = field_types(cls)
    fields = [
        (f.name, hints[f.name], f.default is attrs.NOTHING)
        for f in attrs.fields(cls)  # type: ignore[arg-type]
        if f.init
    ]
    known = frozenset(name for name, _, _ in fields)
    required = [name for name, _, needed in fields if needed]
    required_set = frozenset(required)
    what = cls.__name__
    shareable = "id" not in known
    # The class in a sharing key: its identity, an int (which the garbage
    # collector does not track); the class lives as long as this decoder.
    class_key = id(cls)
    # A record class may read an older JSON form of itself (``_upgrade_json``).
    upgrade: Callable[[dict[str, Any]], dict[str, Any]] | None = getattr(cls, "_upgrade_json", None)
    # Field decoders are resolved on the first record decoded, as record types
    # refer to each other. A string, integer or boolean field is checked inline
    # (``kind``) rather than through a decoder call: this loop runs for every
    # record of a dataset, millions of times for a large one.
    resolved: list[tuple[tuple[str, type | None, str, _Decoder], ...]] = []
    built: list[Callable[[dict[str, Any]], _T]] = []
    by_name: list[dict[str, tuple[type | None, _Decoder]]] = []

    def resolve() -> tuple[tuple[str, type | None, str, _Decoder], ...]:
        steps = []
        for name, tp, _ in fields:
            kind = _EXACT_KINDS.get(tp)
            steps.append(
                (name, kind, _JSON_TYPE_NAMES[kind] if kind is not None else "", _decoder_for(tp))
            )
        by_name[:] = [{name: (kind, decoder) for name, kind, _, decoder in steps}]
        built[:] = [lambda kwargs: cls(**kwargs)]
        builder = _builder(cls, hints, built)
        if builder is not None:
            built[:] = [builder]
        # One assignment: a thread decoding at the same time sees all steps or none.
        resolved[:] = [tuple(steps)]
        return resolved[0]

    def decode(value: Any) -> _T:
        if type(value) is not dict:
            raise InvalidData(f"expected an object ({what}), got {_json_type(value)}")
        repeats = _repeats
        key: tuple[Any, ...] | None = None
        if repeats is not None and shareable:
            # Keys, then values, then their types: one flat tuple. A value met
            # before was checked then, and made this very record.
            values = value.values()
            key = (class_key, *value, *values, *map(type, values))
            try:
                known_record = repeats.get(key)
            except TypeError:  # an array among the values: not shared
                key = None
            else:
                if known_record is not None:
                    return known_record  # type: ignore[no-any-return]
        # dict views compare with sets without building one.
        if upgrade is not None and not value.keys() <= known:
            value = upgrade(value)
        if not value.keys() <= known:
            extra = sorted(set(value) - known)
            raise InvalidData(f"unknown key {extra[0]!r} in {what}", (extra[0],))
        if not required_set <= value.keys():
            for name in required:
                if name not in value:
                    raise InvalidData(f"missing key {name!r} in {what}")
        plan = resolved[0] if resolved else resolve()
        # The keys present, in the file's order: records leave most defaults out.
        steps = by_name[0]
        kwargs = {}
        try:
            for name, item in value.items():
                kind, field_decoder = steps[name]
                if kind is None:
                    kwargs[name] = field_decoder(item)
                elif type(item) is kind:
                    kwargs[name] = item
                else:
                    raise InvalidData("")
        except InvalidData:
            # Some field is wrong: find the first in field order, as ever.
            kwargs = ordered(plan, value)
        try:
            record = built[0](kwargs)
        except (TypeError, ValueError) as error:
            raise InvalidData(f"invalid {what}: {error}") from None
        if key is not None and repeats is not None:
            repeats[key] = record
        return record

    def ordered(
        plan: tuple[tuple[str, type | None, str, _Decoder], ...], value: dict[str, Any]
    ) -> dict[str, Any]:
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
        return kwargs

    return decode


# After this many records of one class, its maker is compiled (as attrs compiles
# ``__init__``): worth it for a large dataset, a needless cost for a small one.
_COMPILE_AFTER = 2000


def _builder(
    cls: type[_T], types_: Mapping[str, Any], holder: list[Callable[[dict[str, Any]], _T]]
) -> Callable[[dict[str, Any]], _T] | None:
    """A maker of ``cls`` records from decoded fields that skips the redundant checks.

    ``cls(**kwargs)`` runs every field's converter and validator. For decoded
    values, the ones that only check a type (see ``_validators._TYPE_CHECKS``) cannot
    fail: the decoder made a value of the declared type, and tuples already.
    This sets the fields as attrs' ``__init__`` does, then runs every other
    validator (ids, spans, dates: all that looks at values), in field order and
    after all fields are set, as attrs does: the same record, or the same error.
    ``None`` when the class does something this does not know. After
    ``_COMPILE_AFTER`` records the maker replaces itself in ``holder`` with the
    same steps compiled into one function, without the loops.
    """
    from ._validators import _TYPE_CHECKS

    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return None
    fields: list[tuple[str, Any]] = []
    checks: list[tuple[str, Any, Any]] = []
    for attribute in attrs.fields(cls):  # type: ignore[arg-type]
        default = attribute.default
        if not attribute.init or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return None
        tp = types_[attribute.name]
        if attribute.converter is not None and (
            attribute.converter is not to_tuple
            or typing.get_origin(tp) is not tuple
            or (default is not attrs.NOTHING and type(default) is not tuple)
        ):
            return None
        fields.append((attribute.name, default))
        validator = attribute.validator
        if validator is not None and not _implied(validator, tp, default, _TYPE_CHECKS):
            checks.append((attribute.name, validator, attribute))
    new = cls.__new__
    set_field = object.__setattr__
    setters = slot_setters(cls)
    disabled = attrs.validators.get_disabled
    made = 0

    def compiled() -> Callable[[dict[str, Any]], _T]:
        namespace: dict[str, Any] = {
            "new": new,
            "cls": cls,
            "set_field": set_field,
            "disabled": disabled,
            "NOTHING": attrs.NOTHING,
        }
        lines = ["def build(kwargs):", "    record = new(cls)", "    get = kwargs.get"]
        for number, (name, default) in enumerate(fields):
            namespace[f"default_{number}"] = default
            if setters is None:
                lines.append(f"    set_field(record, {name!r}, get({name!r}, default_{number}))")
            else:
                namespace[f"set_{number}"] = setters[name]
                lines.append(f"    set_{number}(record, get({name!r}, default_{number}))")
        if checks:
            lines.append("    if not disabled():")
            for number, (name, validator, attribute) in enumerate(checks):
                namespace[f"check_{number}"] = validator
                namespace[f"field_{number}"] = attribute
                lines.append(f"        check_{number}(record, field_{number}, record.{name})")
        lines.append("    return record")
        exec(compile("\n".join(lines), f"<newsfacts maker of {cls.__name__}>", "exec"), namespace)
        function: Callable[[dict[str, Any]], _T] = namespace["build"]
        return function

    def build(kwargs: dict[str, Any]) -> _T:
        nonlocal made
        made += 1
        if made == _COMPILE_AFTER:
            holder[:] = [compiled()]
        record = new(cls)
        for name, default in fields:
            set_field(record, name, kwargs.get(name, default))
        if not disabled():
            for name, validator, attribute in checks:
                validator(record, attribute, getattr(record, name))
        return record

    return build


def slot_setters(cls: type) -> dict[str, Callable[[Any, Any], None]] | None:
    """Each attrs field's slot setter: its member descriptor's ``__set__``, by field name.

    Setting a field this way is what ``object.__setattr__`` does for a slot,
    without looking the name up on every call. ``None`` when some field has
    no slot of its own (a class without ``slots=True``).
    """
    setters: dict[str, Callable[[Any, Any], None]] = {}
    for attribute in attrs.fields(cls):
        descriptor = next(
            (vars(klass)[attribute.name] for klass in cls.__mro__ if attribute.name in vars(klass)),
            None,
        )
        if not isinstance(descriptor, types.MemberDescriptorType):
            return None
        setters[attribute.name] = descriptor.__set__
    return setters


def _implied(
    validator: Any,
    tp: Any,
    default: Any,
    type_checks: Mapping[object, tuple[str, tuple[type, ...]]],
) -> bool:
    """Whether ``validator`` passes every value the decoder makes for ``tp``, and ``default``."""
    entry = type_checks.get(validator)
    optional = False
    if entry is None:
        inner = getattr(validator, "validator", None)  # attrs.validators.optional(check)
        if type(validator).__name__ != "_OptionalValidator" or inner not in type_checks:
            return False
        entry = type_checks[inner]
        optional = True
    kind, kinds = entry
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(members) != 1 or not optional:
            return False
        tp = members[0]
    if kind == "value":
        if not (isinstance(tp, type) and issubclass(tp, kinds)):
            return False
    else:
        item = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else None
        if not (isinstance(item, type) and issubclass(item, kinds)):
            return False
    if default is attrs.NOTHING or (optional and default is None):
        return True
    if kind == "value":
        return isinstance(default, kinds)
    return type(default) is tuple and all(isinstance(member, kinds) for member in default)


_ABSENT = object()
# Field types whose JSON value must be exactly this Python type (bool is never an int).
_EXACT_KINDS: dict[Any, type] = {str: str, int: int, bool: bool}


def field_types(cls: type) -> dict[str, Any]:
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
