"""Bad input: every public function raises only its documented errors.

Each public function and method is fed arbitrary values: wrong types, empty
and blank strings, huge strings, control characters, lone surrogates,
unknown ids. It may return, or raise what its documentation names: a
:class:`TypeError` whose message says what was expected, a
:class:`ValueError`, or a :class:`~newsfacts.NewsfactsError` subclass. Never
a bare ``KeyError``, ``AttributeError``, ``IndexError``, ``OverflowError``,
``RecursionError`` or ``UnicodeError`` from deep inside.
"""

from __future__ import annotations

import datetime
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfacts
from newsfacts import (
    AmbiguousNameError,
    Attribution,
    DatasetError,
    Entity,
    EntityKind,
    Literal,
    Mention,
    NotFoundError,
    Predicate,
    Registry,
    Span,
    Statement,
    TimePoint,
    TimeSpec,
    UnknownDatasetError,
    UnknownIdError,
    Verdict,
)
from newsfacts.codec import from_json, to_json
from newsfacts.loading import dump_files
from newsfacts.names import fold

__all__: list[str] = []

DS = newsfacts.load()
_IDS = sorted({*DS.entities.ids, *DS.events.ids, *DS.statements.ids, *DS.sources.ids})


@attrs.frozen
class Huge:
    """A huge string, made inside the test: hypothesis never has to print it."""

    unit: str
    times: int

    def make(self) -> str:
        return self.unit * self.times


_HUGE = st.sampled_from(
    [Huge("x", 1_000_000), Huge("abbas ", 200_000), Huge("\u00a0", 100_000), Huge("é", 300_000)]
)
_CONTROL = st.text(alphabet=st.characters(categories=["Cc", "Cf"]), min_size=1, max_size=20)
_SURROGATES = st.text(
    alphabet=st.characters(categories=["Cs", "L"]), min_size=1, max_size=20
).filter(lambda s: any(0xD800 <= ord(c) <= 0xDFFF for c in s))
_UNKNOWN_IDS = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,3}", fullmatch=True).filter(
    lambda s: s not in _IDS
)
_STRINGS = st.one_of(
    st.sampled_from(["", " ", "\u00a0", "\n\t", "-", "...", "\x00"]),
    st.text(max_size=40),
    _CONTROL,
    _SURROGATES,
    _UNKNOWN_IDS,
    st.sampled_from(_IDS),
    _HUGE,
)


class _Weird:
    """An object that claims an ``id`` but is no record."""

    id = "mahmoud-abbas"

    def __repr__(self) -> str:
        return "<weird>"


ANYTHING = st.one_of(
    _STRINGS,
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.text(max_size=3)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sets(st.integers(), max_size=2),
    st.dates(),
    st.datetimes(),
    st.just(object()),
    st.just(_Weird()),
    st.sampled_from([*DS.entities][:3] + [*DS.events][:3]),
)

_LOOKUP_ERRORS = (TypeError, NotFoundError, AmbiguousNameError)


_Call = tuple[str, Callable[[], object], tuple[type, ...]]


def _registry_calls(name: str, registry: Registry[Any], value: Any, other: Any) -> list[_Call]:
    return [
        (f"{name}.get", lambda: registry.get(value), (TypeError,)),
        (f"{name}.get/default", lambda: registry.get(value, other), (TypeError,)),
        (f"{name}[]", lambda: registry[value], (TypeError, UnknownIdError)),
        (f"{name}.lookup", lambda: registry.lookup(value), _LOOKUP_ERRORS),
        (f"{name}.search", lambda: registry.search(value), (TypeError,)),
        (f"{name}.search/limit", lambda: registry.search("abbas", value), (TypeError, ValueError)),
        (f"{name}.contains", lambda: value in registry, ()),
        (f"{name}.filter/where", lambda: registry.filter(value), (TypeError,)),
        (f"{name}.filter/id", lambda: registry.filter(id=value), (TypeError,)),
        (
            f"{name}.filter/field",
            lambda: registry.filter(**{str(value)[:50]: other}),
            (TypeError,),
        ),
    ]


def _calls(value: Any, other: Any) -> list[_Call]:
    """(name, call, documented errors) for every public entry point given ``value``."""
    calls: list[_Call] = []
    for name in ("entities", "events", "statements", "sources"):
        calls += _registry_calls(name, getattr(DS, name), value, other)
    calls += [
        (
            "about",
            lambda: DS.about(value),
            (TypeError, UnknownIdError, NotFoundError, AmbiguousNameError),
        ),
        ("events_between", lambda: DS.events_between(value, other), (TypeError, ValueError)),
        (
            "events_between/start",
            lambda: DS.events_between(value, datetime.date(2018, 1, 1)),
            (TypeError, ValueError),
        ),
        ("timeline", lambda: DS.timeline(record=value), ()),
        ("mentions_at", lambda: DS.mentions_at(value), (TypeError,)),
        ("facts_at", lambda: DS.facts_at(value), (TypeError,)),
        ("evidence", lambda: DS.evidence(value), (TypeError, UnknownIdError)),
        ("load", lambda: newsfacts.load(value), (TypeError, UnknownDatasetError)),
        ("load_path", lambda: newsfacts.load_path(value), (TypeError, DatasetError)),
        (
            "load_path/max_file_size",
            lambda: newsfacts.load_path("no-such-folder", max_file_size=value),
            (TypeError, ValueError, DatasetError),
        ),
        ("fold", lambda: fold(value), (TypeError,)),
        ("dump_files", lambda: dump_files(value), (TypeError,)),
        ("from_json", lambda: from_json(Entity, value), (ValueError,)),
        ("to_json", lambda: to_json(value), (TypeError, ValueError)),
        ("sentence_at", lambda: DS.article.sentence_at(value), (TypeError,)),
        ("quote", lambda: DS.article.quote(value), (TypeError, ValueError)),
        (
            "quote/context",
            lambda: DS.article.quote(Span(0, 1, "P"), value),
            (TypeError, ValueError),
        ),
        ("Span.contains", lambda: Span(0, 1, "P").contains(value), (TypeError,)),
        ("Span.covers", lambda: Span(0, 1, "P").covers(value), (TypeError,)),
        ("Entity/id", lambda: Entity(value, EntityKind.PERSON, "A"), (TypeError, ValueError)),
        ("Entity/kind", lambda: Entity("a", value, "A"), (TypeError, ValueError)),
        ("Entity/name", lambda: Entity("a", EntityKind.PERSON, value), (TypeError, ValueError)),
        (
            "Entity/aliases",
            lambda: Entity("a", EntityKind.PERSON, "A", value),
            (TypeError, ValueError),
        ),
        ("Literal", lambda: Literal(value), (TypeError, ValueError)),
        ("Verdict", lambda: Verdict(value), (TypeError, ValueError)),
        ("Attribution", lambda: Attribution(value), (TypeError, ValueError)),
        ("Mention/span", lambda: Mention(value, "a"), (TypeError, ValueError)),
        ("Mention/target", lambda: Mention(Span(0, 1, "P"), value), (TypeError, ValueError)),
        (
            "Statement/object",
            lambda: Statement("s", "a", Predicate.PART_OF, value),
            (TypeError, ValueError),
        ),
        ("Statement/predicate", lambda: Statement("s", "a", value, "b"), (TypeError, ValueError)),
        ("TimePoint.from_date", lambda: TimePoint.from_date(value), (TypeError, ValueError)),
        ("TimeSpec.contains", lambda: TimeSpec(TimePoint(2018)).contains(value), (TypeError,)),
        (
            "TimeSpec.overlaps",
            lambda: TimeSpec(TimePoint(2018)).overlaps(value, other),
            (TypeError,),
        ),
        ("validate", lambda: newsfacts.validate(value), (TypeError,)),
        ("Span", lambda: Span(value, other, "x"), (TypeError, ValueError)),
        ("Span/text", lambda: Span(0, 1, value), (TypeError, ValueError)),
        ("TimePoint", lambda: TimePoint(value), (TypeError, ValueError)),
        ("TimePoint/month", lambda: TimePoint(2018, value), (TypeError, ValueError)),
        ("TimePoint/day", lambda: TimePoint(2018, 2, value), (TypeError, ValueError)),
        ("TimePoint/part", lambda: TimePoint(2018, 2, None, value), (TypeError, ValueError)),
        ("TimeSpec", lambda: TimeSpec(value), (TypeError, ValueError)),
        ("TimeSpec/end", lambda: TimeSpec(TimePoint(2018), value), (TypeError, ValueError)),
        (
            "TimeSpec/expression",
            lambda: TimeSpec(TimePoint(2018), None, value),
            (TypeError, ValueError),
        ),
        (
            "TimeSpec/resolution",
            lambda: TimeSpec(TimePoint(2018), None, None, value),
            (TypeError, ValueError),
        ),
        (
            "TimeSpec/sources",
            lambda: TimeSpec(TimePoint(2018), sources=value),
            (TypeError, ValueError),
        ),
    ]
    return calls


_NAMES = [name for name, _, _ in _calls(None, None)]


def _check(name: str, value: Any, other: Any) -> None:
    value = value.make() if isinstance(value, Huge) else value
    other = other.make() if isinstance(other, Huge) else other
    call, allowed = next((c, a) for n, c, a in _calls(value, other) if n == name)
    raised: Exception | None = None
    try:
        call()
    except Exception as error:  # judged below against what is documented
        raised = error
    if raised is None:
        return
    assert allowed, f"{name}({value!r:.80}) must not raise, raised {raised!r:.200}"
    assert isinstance(raised, allowed), (
        f"{name}({value!r:.80}) raised {type(raised).__name__}: {raised!s:.200}; "
        f"documented: {', '.join(a.__name__ for a in allowed)}"
    )
    message = str(raised)
    assert message.strip(), f"{name}: {type(raised).__name__} without a message"
    assert len(message) < 2_000, f"{name}: a message of {len(message)} characters"
    if type(raised) is TypeError:
        expects = ("must", "expected", "got", "no field")
        assert any(word in message for word in expects), (
            f"{name}: TypeError message does not say what was expected: {message}"
        )


@pytest.mark.parametrize("name", _NAMES)
@given(value=ANYTHING, other=ANYTHING)
def test_only_documented_errors(name: str, value: Any, other: Any) -> None:
    _check(name, value, other)


def test_wrong_types_are_refused_with_type_error() -> None:
    """Plain wrong types never pass silently where an id or a name is expected."""
    for value in (None, 5, 1.5, b"abbas", ("abbas",), ["abbas"], object()):
        with pytest.raises(TypeError, match=r"must be|expected"):
            DS.entities.get(value)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match=r"must be|expected"):
            DS.entities[value]  # type: ignore[index]
        with pytest.raises(TypeError, match=r"must be|expected"):
            DS.entities.lookup(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"must be|expected"):
            fold(value)  # type: ignore[arg-type]
    for bad in ("2018", 2018.0, None):
        with pytest.raises(TypeError, match=r"must be|expected"):
            TimePoint(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"must be|expected"):
        TimeSpec("2018")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"must be|expected"):
        newsfacts.load_path("x", max_file_size="big")  # type: ignore[arg-type]


def test_unknown_ids_suggest_close_ones() -> None:
    with pytest.raises(UnknownIdError) as caught:
        DS.entities["mahmoud-abas"]
    assert "mahmoud-abbas" in caught.value.suggestions
    assert isinstance(caught.value, KeyError)


def test_huge_and_odd_strings_stay_cheap_and_clear() -> None:
    huge = "abbas " * 200_000
    with pytest.raises(NotFoundError) as caught:
        DS.entities.lookup(huge)
    assert len(str(caught.value)) < 200
    assert DS.entities.search(huge) == DS.entities.search(huge[:200])
    assert DS.entities.lookup("\ud800mahmoud abbas\udfff").id == "mahmoud-abbas"
    assert fold(huge) == " ".join(["abbas"] * 200_000)


# --- corrupt files ------------------------------------------------------------

FILES = dump_files(DS)
SNAPSHOT = dict(FILES)


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _json(name: str) -> Any:
    return json.loads(FILES[name])


def _with_duplicate_key(name: str, index: int, key: str) -> bytes:
    # json.dumps cannot write a key twice: splice one into the index-th object.
    objects = [json.dumps(item, ensure_ascii=False) for item in _json(name)]
    objects[index] = objects[index][:-1] + f', "{key}": "again"}}'
    return ("[" + ",\n".join(objects) + "]").encode("utf-8")


def _changed(name: str, change: Callable[[Any], None]) -> bytes:
    value = _json(name)
    change(value)
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        for key in path[:-1]:
            document = document[key]
        document[path[-1]] = value

    return change


def _delete(path: tuple[str | int, ...]) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        for key in path[:-1]:
            document = document[key]
        del document[path[-1]]

    return change


CORRUPTIONS: dict[str, tuple[str, Callable[[], bytes], str]] = {
    # what: (file, corrupted content, the JSON path the error must name)
    "truncated": ("entities.json", lambda: FILES["entities.json"][:-40], "$"),
    "empty": ("events.json", lambda: b"", "$"),
    "wrong top-level type": ("mentions.json", lambda: b'{"mentions": []}', "$"),
    "wrong field type": (
        "entities.json",
        lambda: _changed("entities.json", _set((2, "name"), 5)),
        "$[2].name",
    ),
    "wrong nested type": (
        "events.json",
        lambda: _changed("events.json", _set((1, "evidence", 0, "start"), "ten")),
        "$[1].evidence[0].start",
    ),
    "bool for an int": (
        "mentions.json",
        lambda: _changed("mentions.json", _set((3, "span", "end"), True)),
        "$[3].span.end",
    ),
    "missing key": (
        "statements.json",
        lambda: _changed("statements.json", _delete((4, "predicate"))),
        "$[4]",
    ),
    "extra key": (
        "sources.json",
        lambda: _changed("sources.json", _set((0, "colour"), "red")),
        "$[0].colour",
    ),
    "unknown enum value": (
        "entities.json",
        lambda: _changed("entities.json", _set((0, "kind"), "planet")),
        "$[0].kind",
    ),
    "bad id": (
        "entities.json",
        lambda: _changed("entities.json", _set((1, "id"), "Not An Id")),
        "$[1]",
    ),
    "deep nesting": ("events.json", lambda: b"[" * 200_000 + b"]" * 200_000, "$"),
    "moderate nesting": ("events.json", lambda: b"[" * 500 + b"]" * 500, "$[0]"),
    "non-UTF-8 byte": ("statements.json", lambda: b"[\xff]", "$"),
    "lone surrogate escape": (
        "sources.json",
        lambda: b'[{"id": "\\ud800", "title": "x"}]',
        "$[0].id",
    ),
    "duplicate key": (
        "entities.json",
        lambda: _with_duplicate_key("entities.json", 3, "name"),
        "$[3].name",
    ),
    "duplicate key in header": (
        "dataset.json",
        lambda: FILES["dataset.json"].replace(b'"format":', b'"format": 1, "format":', 1),
        "$.format",
    ),
    "wrong format tag": (
        "dataset.json",
        lambda: _changed("dataset.json", _set(("format",), "other/9")),
        "$.format",
    ),
    "article text in header": (
        "dataset.json",
        lambda: _changed("dataset.json", _set(("article", "text"), "words")),
        "$.article.text",
    ),
    "NaN": ("mentions.json", lambda: b"[NaN]", "$[0]"),
}


def _assert_default_untouched(before: newsfacts.Dataset) -> None:
    after = newsfacts.load()
    assert after is before
    assert dump_files(after) == SNAPSHOT


@pytest.mark.parametrize("what", sorted(CORRUPTIONS))
def test_corrupt_files_name_file_and_json_path(tmp_path: Path, what: str) -> None:
    before = newsfacts.load()
    name, corrupt, path = CORRUPTIONS[what]
    folder = _write(tmp_path / "data", {**FILES, name: corrupt()})
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder)
    error = caught.value
    assert error.file is not None
    assert error.file.endswith(name)
    assert error.path == path, str(error)
    assert str(error).startswith(f"{error.file} at {error.path}: ")
    assert len(str(error)) < 2_000
    _assert_default_untouched(before)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    before = newsfacts.load()
    folder = _write(tmp_path / "data", FILES)
    limit = min(len(data) for data in FILES.values()) - 1
    with pytest.raises(DatasetError, match="too large") as caught:
        newsfacts.load_path(folder, max_file_size=limit)
    assert caught.value.file is not None
    assert caught.value.path == "$"
    with pytest.raises(ValueError, match="negative"):
        newsfacts.load_path(folder, max_file_size=-1)
    _assert_default_untouched(before)


def test_missing_files_and_folders(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", {k: v for k, v in FILES.items() if k != "events.json"})
    with pytest.raises(DatasetError, match="cannot read") as caught:
        newsfacts.load_path(folder)
    assert caught.value.file is not None
    assert caught.value.file.endswith("events.json")
    with pytest.raises(DatasetError, match="not a dataset folder"):
        newsfacts.load_path(tmp_path / "nowhere")
    with pytest.raises(DatasetError):
        newsfacts.load_path("x" * 5_000)


def test_article_text_that_is_not_utf8(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", {**FILES, "article.txt": b"\xc3(" + FILES["article.txt"]})
    with pytest.raises(DatasetError, match="UTF-8") as caught:
        newsfacts.load_path(folder)
    assert caught.value.file is not None
    assert caught.value.file.endswith("article.txt")


@given(
    name=st.sampled_from(sorted(FILES)),
    data=st.data(),
)
def test_any_damaged_byte_is_a_dataset_error(name: str, data: st.DataObject) -> None:
    """Flip, drop or insert bytes anywhere: loading gives a dataset or a DatasetError."""
    content = bytearray(FILES[name])
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        where = data.draw(st.integers(0, max(len(content) - 1, 0)), label="where")
        how = data.draw(st.sampled_from(("flip", "drop", "insert")), label="how")
        byte = data.draw(st.integers(0, 255), label="byte")
        if how == "flip" and content:
            content[where] = byte
        elif how == "drop" and content:
            del content[where]
        else:
            content.insert(where, byte)
    before = newsfacts.load()
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), {**FILES, name: bytes(content)})
        failure: DatasetError | None = None
        try:
            loaded = newsfacts.load_path(folder)
        except DatasetError as error:
            failure = error
    if failure is None:
        assert newsfacts.validate(loaded) == ()
    else:
        assert failure.file is not None
        if name.endswith(".json") and not failure.problems:
            assert failure.path is not None
            assert failure.path.startswith("$")
    _assert_default_untouched(before)
