"""The field validators of the record classes, shared by ``model`` and ``entity``.

Each validator raises ``TypeError`` or ``ValueError`` with its own message,
which names the field and quotes at most 80 code points of the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Ids are lowercase kebab-case slugs: ``mahmoud-abbas``."""
_QID = re.compile(r"Q[1-9][0-9]*")


def _clip(text: str, limit: int = 80) -> str:
    # Messages quote what they were given, but never a huge value whole.
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Validators that only check a value's type (``"value"``) or the type of a
# tuple's members (``"members"``), with the types they accept. The JSON decoder
# builds values of the declared types, so when loading it may skip these and
# run only the checks that look at the values (see ``codec``).
_TYPE_CHECKS: dict[object, tuple[str, tuple[type, ...]]] = {}

# Validators whose outcome depends on the value alone: given a value of the
# field's declared type, each passes if and only if every str in the value
# (the value itself, or each member of a tuple; ``None`` and records hold
# none) fully matches the pattern. The columnar decoder checks the distinct
# strings of a whole column against the pattern at once, and runs the
# validator record by record only when some string fails (see ``_columns``).
_PATTERN_CHECKS: dict[object, re.Pattern[str]] = {}


def _instance_of(
    kind: type | tuple[type, ...],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    # attrs' instance_of puts the value's repr in its message, however huge.
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = " or ".join(k.__name__ for k in kinds)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            raise TypeError(f"{attribute.name} must be {names}, got {type(value).__name__}")

    _TYPE_CHECKS[check] = ("value", kinds)
    return check


def _matches(
    pattern: re.Pattern[str], what: str
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")
        if pattern.fullmatch(value) is None:
            raise ValueError(f"{attribute.name} must be {what}, got {_clip(value)!r}")

    _PATTERN_CHECKS[check] = pattern
    return check


def _optional(
    check: Callable[[Any, attrs.Attribute[Any], Any], None],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def optional(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    pattern = _PATTERN_CHECKS.get(check)
    if pattern is not None:
        _PATTERN_CHECKS[optional] = pattern
    return optional


def _tuple_of(kind: type | tuple[type, ...]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    # A tuple (never a list, which could be changed behind the record's back)
    # whose members all have the given type. One function, not attrs'
    # deep_iterable of two validators: it runs for every field of every
    # record loaded, millions of times for a large dataset.
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = " or ".join(k.__name__ for k in kinds)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise TypeError(f"{attribute.name} must be tuple, got {type(value).__name__}")
        for member in value:
            if not isinstance(member, kind):
                raise TypeError(f"{attribute.name} must be {names}, got {type(member).__name__}")

    _TYPE_CHECKS[check] = ("members", kinds)
    return check


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


_id = _matches(ID_PATTERN, "a lowercase kebab-case id")
_str = _instance_of(str)
_opt_str = attrs.validators.optional(_str)
_opt_id = _optional(_id)
_opt_qid = _optional(_matches(_QID, "a Wikidata QID"))
"""A Wikidata item's id (``Q`` and a number without leading zeros: ``Q127998``), or ``None``."""

_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _iso_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 8601 calendar date at the precision known: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    import datetime

    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str, got {type(value).__name__}")
    found = _ISO_DATE.fullmatch(value)
    try:
        if found is None:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in found.groups())
        datetime.date(year, month, day)  # a real month and day: not 2018-02-30
    except ValueError:
        raise ValueError(
            f"{attribute.name} must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), "
            f"got {_clip(value)!r}"
        ) from None


_opt_iso_date = _optional(_iso_date)


def _ids(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # A tuple of ids: as deep_iterable(_id, _instance_of(tuple)), in one call.
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name} must be tuple, got {type(value).__name__}")
    for member in value:
        _id(instance, attribute, member)


_PATTERN_CHECKS[_ids] = ID_PATTERN


def _enum(kind: type) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    return _instance_of(kind)
