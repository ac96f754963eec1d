"""System output as JSON Lines: one fact per line, validated against the shipped schema.

The schema is ``system-output.schema.json`` in this package (JSON Schema
2020-12; :func:`schema` returns it). Every line is checked before any is
scored; the first line that breaks it raises :class:`ScoreError` naming the
line number and the field (as a JSON path: ``line 3, $.participants[0].role``).

Some things the schema cannot say are checked too, and refused the same way:
an ``integer`` is a JSON integer (JSON Schema counts ``2.0`` as one; an offset
must not be), a string is Unicode text (no lone surrogate such as
``"\\ud800"``, which no output could write), a date is a real one, and an
interval does not end before it starts (neither the EDTF value nor
``earliest`` and ``latest``).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from newsfacts.codec import json_path
from newsfacts.dataset import Dataset
from newsfacts.model import Span

from ._anchor import Anchorer
from ._items import (
    EVENT_REF,
    EventItem,
    MentionItem,
    Resolver,
    Sentences,
    StatementItem,
    TimeValue,
    TimexItem,
    Unanchored,
    View,
    literal_key,
    locate_timex,
)

__all__ = ["SCHEMA_FILE", "read_jsonl", "schema"]

SCHEMA_FILE = "system-output.schema.json"
_TYPES = ("article", "entity", "mention", "event", "statement")
# ASCII digits only: ``\d`` would also take Arabic-Indic digits (and int() reads them).
_POINT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A JSON escape of a UTF-16 surrogate: paired it is one character, alone it is no text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _error(message: str, file: Path, line: int, field: str = "$") -> Exception:
    from . import ScoreError

    return ScoreError(message, file=str(file), path=f"line {line}, {field}")


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of a line of system output, as shipped in the package."""
    import importlib_resources

    text = importlib_resources.files("newsfacts.scoring").joinpath(SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _is_integer(checker: object, instance: object) -> bool:
    """A JSON integer: not ``2.0`` (JSON Schema counts it as one), not ``true``."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@functools.cache
def _validators() -> dict[str, Any]:
    try:
        from jsonschema import Draft202012Validator, validators
    except ImportError:
        from . import missing_extra

        raise missing_extra("reading JSON Lines") from None

    # Every "integer" of the schema is an offset or a count: a float, even an
    # integral one, would reach the reader and fail there as no ScoreError.
    # (types-jsonschema leaves extend() unannotated.)
    validator = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    )
    whole = schema()
    defs = whole["$defs"]
    return {kind: validator({"$defs": defs, "$ref": f"#/$defs/{kind}"}) for kind in _TYPES}


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_unicode(record: Any, file: Path, line: int) -> None:
    """Refuse a string (a value or a key) holding a lone surrogate, at its JSON path.

    Such a string is no Unicode text: no table, JSON or details could write it.
    """
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(record, ())]
    while stack:
        item, segments = stack.pop()
        children: list[tuple[Any, tuple[str | int, ...]]] = []
        if isinstance(item, str):
            _check_text(item, file, line, segments)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, file, line, segments)
                children.append((child, (*segments, key)))
        elif isinstance(item, list):
            children = [(child, (*segments, index)) for index, child in enumerate(item)]
        stack.extend(reversed(children))


def _check_text(text: str, file: Path, line: int, segments: tuple[str | int, ...]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _error(
            f"not Unicode text: a lone surrogate U+{ord(text[error.start]):04X} at code point "
            f"{error.start}",
            file,
            line,
            json_path(segments),
        ) from None


def _validate(record: Any, file: Path, line: int) -> None:
    if not isinstance(record, dict):
        raise _error(f"expected a JSON object, got {type(record).__name__}", file, line)
    kind = record.get("type")
    if kind not in _TYPES:
        raise _error(
            f"type must be one of {', '.join(_TYPES)}, got {_clip(repr(kind))}",
            file,
            line,
            "$.type",
        )
    validator = _validators()[kind]  # raises ScoreExtraError without jsonschema
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(record))
    if error is not None:
        raise _error(_clip(error.message), file, line, error.json_path)


def _point_bounds(text: str, first: bool) -> datetime.date:
    found = _POINT.fullmatch(text)
    if found is None:  # the schema's pattern lets a final "\n" through ($ matches before it)
        raise ValueError(f"{_clip(repr(text), 40)} is not a year, month or day")
    year = int(found[1])
    month = int(found[2]) if found[2] else (1 if first else 12)
    if found[3]:
        return datetime.date(year, month, int(found[3]))
    # monthrange raises a ValueError for month 13; date() one for year 0 (no OverflowError).
    return datetime.date(year, month, 1 if first else calendar.monthrange(year, month)[1])


def _date(value: dict[str, Any], key: str, file: Path, line: int) -> datetime.date:
    text: str = value[key]
    try:
        if _DATE.fullmatch(text) is None:
            raise ValueError(f"{_clip(repr(text), 40)} is not YYYY-MM-DD")
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise _error(
            f"not a date this scorer reads: {error}", file, line, f"$.time.{key}"
        ) from None


def _time_value(value: dict[str, Any], file: Path, line: int) -> TimeValue:
    edtf: str = value["edtf"]
    try:
        if "/" in edtf:
            start, end = edtf.split("/")
            earliest = _point_bounds(start, True) if start not in ("", "..") else datetime.date.min
            latest = _point_bounds(end, False) if end not in ("", "..") else datetime.date.max
        else:
            earliest, latest = _point_bounds(edtf, True), _point_bounds(edtf, False)
    except ValueError as error:
        raise _error(f"not a date this scorer reads: {error}", file, line, "$.time.edtf") from None
    if earliest > latest:
        raise _error(
            f"the interval {_clip(repr(edtf), 40)} ends before it starts",
            file,
            line,
            "$.time.edtf",
        )
    if "earliest" in value:
        earliest = _date(value, "earliest", file, line)
    if "latest" in value:
        latest = _date(value, "latest", file, line)
    if earliest > latest:
        # Named at the bound the line gives (earliest when it gives both).
        field = "earliest" if "earliest" in value else "latest"
        raise _error(
            f"earliest {earliest.isoformat()} is after latest {latest.isoformat()}",
            file,
            line,
            f"$.time.{field}",
        )
    return TimeValue(edtf, earliest, latest)


class _Reader:
    def __init__(self, file: Path, gold: Dataset, resolver: Resolver) -> None:
        self.file = file
        self.text = gold.article.text
        self.sentences = Sentences(gold.article.sentences)
        self.anchorer = Anchorer(self.text)
        self.resolver = resolver
        self.unanchored: list[Unanchored] = []
        self.methods: Counter[str] = Counter()
        self.declared: dict[str, tuple[tuple[str, ...], str | None]] = {}
        self.event_ids: set[str] = set()
        self.seen_quotes: Counter[tuple[str, str, str]] = Counter()

    def ref(self, value: str) -> str:
        if value in self.event_ids:
            return EVENT_REF + value
        names, wikidata = self.declared.get(value, ((), None))
        return self.resolver.entity(value, names, wikidata)

    def obj(self, value: str | dict[str, str]) -> str:
        return literal_key(value["literal"]) if isinstance(value, dict) else self.ref(value)

    def span(
        self, anchor: dict[str, Any], line: int, field: str, count: bool = False
    ) -> Span | None:
        if "start" in anchor:
            start, end = anchor["start"], anchor["end"]
            if not start <= end <= len(self.text):
                raise _error(
                    f"span [{_clip(str(start), 24)}, {_clip(str(end), 24)}) is not within "
                    f"the article's {len(self.text)} code points",
                    self.file,
                    line,
                    field,
                )
            return Span(start, end, self.text[start:end])
        quote, prefix, suffix = anchor["quote"], anchor.get("prefix", ""), anchor.get("suffix", "")
        # The n-th mention quoting the same words takes their n-th occurrence.
        occurrence = 0
        if count:
            occurrence = self.seen_quotes[(quote, prefix, suffix)]
            self.seen_quotes[(quote, prefix, suffix)] += 1
        found = self.anchorer.find(quote, prefix, suffix, occurrence)
        if found is None:
            self.unanchored.append(Unanchored(f"{self.file.name} line {line}, {field}", quote))
            return None
        self.methods[found.method] += 1
        return found.span

    def evidence(self, record: dict[str, Any], line: int) -> tuple[Span, ...]:
        spans = (
            self.span(anchor, line, f"$.evidence[{k}]")
            for k, anchor in enumerate(record.get("evidence", ()))
        )
        return tuple(span for span in spans if span is not None)

    def timex(
        self, record: dict[str, Any], evidence: tuple[Span, ...], line: int, label: str
    ) -> tuple[TimeValue | None, TimexItem | None]:
        time = record.get("time")
        if time is None:
            return None, None
        value = _time_value(time, self.file, line)
        if "span" in time:
            span = self.span(time["span"], line, "$.time.span")
            words = time.get(
                "expression", span.text if span is not None else time["span"].get("quote", "")
            )
            return value, TimexItem(span, words, value, label) if words else None
        if "expression" in time:
            return value, locate_timex(time["expression"], value, evidence, label, self.sentences)
        return value, None

    def fact_common(self, record: dict[str, Any]) -> dict[str, Any]:
        return {
            "claimants": frozenset(self.ref(c) for c in record.get("claimants", ())),
            "modality": record.get("modality", "asserted"),
            "rating": record.get("verdict"),
        }

    def mention(self, record: dict[str, Any], line: int) -> MentionItem:
        span = self.span(record["span"], line, "$.span", count=True)
        targets = record["targets"]
        literal = record.get("literal")
        return MentionItem(
            span,
            frozenset(self.ref(t) for t in targets),
            record.get("metonymy", False),
            self.ref(literal) if literal is not None else None,
            "unknown",
            f"line {line}" + (f" {span.text!r} at {span.start}" if span is not None else ""),
        )

    def event(self, record: dict[str, Any], line: int) -> EventItem:
        evidence = self.evidence(record, line)
        label = f"line {line}" + (f" ({record['id']})" if "id" in record else "")
        time, timex = self.timex(record, evidence, line, label)
        place = record.get("place")
        return EventItem(
            label=label,
            evidence=evidence,
            kind=record["kind"],
            participants=frozenset(
                (self.ref(p["entity"]), p["role"]) for p in record.get("participants", ())
            ),
            place=self.ref(place) if place is not None else None,
            time=time,
            timex=timex,
            status=record.get("status", "happened"),
            cameo=record.get("cameo"),
            plover=record.get("plover"),
            ref=EVENT_REF + record["id"] if "id" in record else f"\x00line:{line}",
            **self.fact_common(record),
        )

    def statement(self, record: dict[str, Any], line: int) -> StatementItem:
        evidence = self.evidence(record, line)
        label = f"line {line}" + (f" ({record['id']})" if "id" in record else "")
        time, timex = self.timex(record, evidence, line, label)
        return StatementItem(
            label=label,
            evidence=evidence,
            subject=self.ref(record["subject"]),
            predicate=record["predicate"],
            object=self.obj(record["object"]),
            negated=record.get("negated", False),
            qualifiers=frozenset(
                (q["kind"], self.obj(q["value"])) for q in record.get("qualifiers", ())
            ),
            time=time,
            timex=timex,
            **self.fact_common(record),
        )


def read_jsonl(file: Path, gold: Dataset, resolver: Resolver) -> View:
    """The items of a JSON Lines system output, its quotes anchored to ``gold``'s article.

    Raises :class:`ScoreError` for an unreadable file, a line that is not
    JSON or breaks the schema (with its line number and field), or an
    ``article`` line whose SHA-256 is not gold's.
    """
    from . import ScoreError

    try:
        raw = file.read_bytes()
    except OSError as error:
        raise ScoreError(f"cannot read: {error.strerror or error}", file=str(file)) from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScoreError(f"not UTF-8: byte {error.start}", file=str(file)) from None
    records: list[tuple[int, dict[str, Any]]] = []
    # JSON Lines separates records by "\n" alone: str.splitlines would also split
    # at U+2028 and other characters a JSON string may hold as they are.
    for number, text in enumerate(content.split("\n"), start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except (json.JSONDecodeError, RecursionError, ValueError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
            raise _error(f"not valid JSON: {_clip(reason)}", file, number) from None
        if _SURROGATE_ESCAPE.search(text) is not None:
            # Only an escape can make a lone surrogate: the text was UTF-8.
            _check_unicode(record, file, number)
        _validate(record, file, number)
        records.append((number, record))
    reader = _Reader(file, gold, resolver)
    for number, record in records:
        if record["type"] == "article" and record["sha256"] != gold.article.sha256:
            raise _error(
                f"the system's article is another text: its SHA-256 is {record['sha256']}, "
                f"gold's {gold.article.sha256} ({gold.id})",
                file,
                number,
                "$.sha256",
            )
        if record["type"] == "entity":
            reader.declared[record["id"]] = (
                (record["name"], *record.get("aliases", ())),
                record.get("wikidata"),
            )
        if record["type"] == "event" and "id" in record:
            reader.event_ids.add(record["id"])
    mentions, events, statements = [], [], []
    for number, record in records:
        kind = record["type"]
        if kind == "mention":
            mentions.append(reader.mention(record, number))
        elif kind == "event":
            events.append(reader.event(record, number))
        elif kind == "statement":
            statements.append(reader.statement(record, number))
    return View(
        gold.article.sha256,
        tuple(mentions),
        tuple(events),
        tuple(statements),
        tuple(reader.unanchored),
        dict(reader.methods),
    )
