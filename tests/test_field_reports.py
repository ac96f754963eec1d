"""Inputs from the field that once loaded, hung, crashed or missed, each with its right result.

Each test recreates one reported input and checks the behaviour for its
whole kind: loading refuses what no export or terminal can carry, validation
finds what breaks an export, lookups meet names as people type them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsfacts
from _fifo import raised_in_time
from _tiny import tiny_dataset
from newsfacts import (
    AmbiguousNameError,
    DatasetError,
    EntityKind,
    Event,
    EventKind,
    LiteralValue,
    Metadata,
    NotFoundError,
    Predicate,
    Registry,
    Statement,
)
from newsfacts._iri import is_iri
from newsfacts.loading import MAX_PROBLEMS_SHOWN, dump_files
from newsfacts.validation import Problem, ProblemCode

DS = newsfacts.load()
FILES = dump_files(DS)


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def _changed(name: str, change: Any) -> dict[str, bytes]:
    value = json.loads(FILES[name])
    change(value)
    return {**FILES, name: json.dumps(value, ensure_ascii=False).encode("utf-8")}


# --- files that are not regular files, text that is not Unicode ---------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_place_of_a_file_is_refused_not_read_for_ever(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", {k: v for k, v in FILES.items() if k != "entities.json"})
    os.mkfifo(folder / "entities.json")
    outcome = raised_in_time(lambda: newsfacts.load_path(folder), folder / "entities.json")
    assert len(outcome) == 1
    assert isinstance(outcome[0], DatasetError)
    assert "not a regular file" in str(outcome[0])
    assert outcome[0].file is not None
    assert outcome[0].file.endswith("entities.json")


def test_a_device_is_refused(tmp_path: Path) -> None:
    if not Path(os.devnull).exists():
        pytest.skip("no null device")
    folder = _write(tmp_path / "data", {k: v for k, v in FILES.items() if k != "sources.json"})
    (folder / "sources.json").symlink_to(os.devnull)
    with pytest.raises(DatasetError, match="not a regular file"):
        newsfacts.load_path(folder)


def test_a_symlink_out_of_the_folder_is_followed_to_a_regular_file(tmp_path: Path) -> None:
    # Documented: a link is followed wherever it leads; what it reaches must be a regular file.
    elsewhere = tmp_path / "shared-article.txt"
    elsewhere.write_bytes(FILES["article.txt"])
    folder = _write(tmp_path / "data", {k: v for k, v in FILES.items() if k != "article.txt"})
    (folder / "article.txt").symlink_to(elsewhere)
    assert newsfacts.load_path(folder).article.text == DS.article.text


@pytest.mark.parametrize(
    ("name", "change", "path"),
    [
        ("entities.json", lambda v: v[0].__setitem__("description", "x\ud800"), "$[0].description"),
        ("events.json", lambda v: v[2].__setitem__("label", "\udfff"), "$[2].label"),
        (
            "dataset.json",
            lambda v: v["metadata"].__setitem__("title", "a\ud83d"),
            "$.metadata.title",
        ),
        ("sources.json", lambda v: v[1].__setitem__("x\udc00", 1), "$[1]"),
    ],
)
def test_text_that_is_not_unicode_is_refused_at_its_path(
    tmp_path: Path, name: str, change: Any, path: str
) -> None:
    value = json.loads(FILES[name])
    change(value)
    # ensure_ascii writes the lone surrogate as a \u escape, as a JSON file holds it.
    files = {**FILES, name: json.dumps(value).encode("ascii")}
    with pytest.raises(DatasetError, match="lone surrogate") as caught:
        newsfacts.load_path(_write(tmp_path / "data", files), validate=False)
    assert caught.value.path == path
    assert caught.value.file is not None
    assert caught.value.file.endswith(name)


def test_escaped_surrogate_pairs_are_text_and_load(tmp_path: Path) -> None:
    files = _changed("entities.json", lambda v: v[0].__setitem__("description", "a 😀 b"))
    files["entities.json"] = json.dumps(json.loads(files["entities.json"])).encode("ascii")
    assert b"\\ud83d\\ude00" in files["entities.json"]
    ds = newsfacts.load_path(_write(tmp_path / "data", files), validate=False)
    assert ds.entities[DS.entities.ids[0]].description == "a 😀 b"


# --- what validation must find -------------------------------------------------


def _problems(ds: newsfacts.Dataset, code: ProblemCode) -> list[Problem]:
    return [p for p in ds.validate() if p.code is code]


def _with(ds: newsfacts.Dataset, **changes: Any) -> newsfacts.Dataset:
    parts: dict[str, Any] = {
        "metadata": ds.metadata,
        "article": ds.article,
        "entities": tuple(ds.entities),
        "events": tuple(ds.events),
        "statements": tuple(ds.statements),
        "mentions": ds.mentions,
        "sources": tuple(ds.sources),
    }
    parts.update(changes)
    return newsfacts.Dataset(**parts)


def test_urls_that_are_not_iris_are_problems() -> None:
    bad = "https://example.org/catalog?id={5B09}"
    first, *rest = DS.sources
    sources = (attrs.evolve(first, url=bad), *rest)
    ds = _with(DS, sources=sources)
    found = _problems(ds, ProblemCode.INVALID_IRI)
    assert [(p.file, p.path) for p in found] == [("sources.json", "$[0].url")]
    article = _with(DS, article=attrs.evolve(DS.article, url="neweurope.eu/no scheme"))
    assert [p.path for p in _problems(article, ProblemCode.INVALID_IRI)] == ["$.article.url"]
    # Every URL of the built-in dataset is one, by either checker.
    urls = [s.url for s in DS.sources if s.url] + [DS.article.url, DS.metadata.homepage]
    assert all(is_iri(u) for u in urls if u is not None)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("https://example.org/catalog?id={5B09}", False),
        ("https://example.org/a b", False),
        ('https://example.org/"q"', False),
        ("https://example.org/<x>", False),
        ("https://example.org/\x07", False),
        ("https://example.org/%zz", False),
        ("https://example.org:80x/", False),
        ("example.org/no-scheme", False),
        ("https://example.org/caf\u00e9?q=\u00e9#\u00e9", True),
        ("http://[::1]:8080/path", True),
        ("mailto:someone@example.org", True),
        ("urn:isbn:0451450523", True),
    ],
)
def test_iri_check_agrees_with_rfc_3987(text: str, valid: bool) -> None:
    assert is_iri(text) is valid
    if "[" not in text:  # rfc3987-syntax 1.1 refuses every IPv6 literal
        assert _grammar(text) is valid


def _grammar(text: str) -> bool:
    from rfc3987_syntax import is_valid_syntax_iri  # type: ignore[import-untyped,import-not-found,unused-ignore]

    return bool(is_valid_syntax_iri(text))


_URL_PARTS = st.sampled_from(
    [
        "https://",
        "http://",
        "urn:",
        "ex.org",
        "/",
        "?",
        "#",
        "a",
        "é",
        " ",
        "{",
        "}",
        "%",
        "%41",
        ":",
        "80",
        "@",
        "[",
        "]",
        "|",
        "\\",
        "^",
        "`",
        '"',
        "<",
        ">",
        "~",
        "+",
        "&",
        "=",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_URL_PARTS, max_size=8).map("".join))
@example("https://##")  # a fragment holds no second "#"
@example("https://@@")  # a host holds no "@"
def test_the_iri_check_never_accepts_what_the_grammar_refuses(text: str) -> None:
    """RFC 3987 section 2.2's grammar (rfc3987-syntax) is the oracle."""
    if is_iri(text) and "[" not in text:
        assert _grammar(text), text


def test_the_article_id_shares_the_records_id_space() -> None:
    entity = next(iter(DS.entities))
    ds = _with(DS, article=attrs.evolve(DS.article, id=entity.id))
    found = _problems(ds, ProblemCode.DUPLICATE_ID)
    assert [(p.file, p.path, p.ids) for p in found] == [("entities.json", "$[0].id", (entity.id,))]


def test_part_of_cycles_are_problems() -> None:
    events = list(DS.events)
    a, b, c = events[0], events[1], events[2]
    itself = _with(DS, events=(attrs.evolve(a, part_of=a.id), *events[1:]))
    found = _problems(itself, ProblemCode.PART_OF_CYCLE)
    assert [(p.path, p.ids) for p in found] == [("$[0].part_of", (a.id,))]
    ring = [
        attrs.evolve(a, part_of=b.id),
        attrs.evolve(b, part_of=c.id),
        attrs.evolve(c, part_of=a.id),
        *events[3:],
    ]
    found = _problems(_with(DS, events=tuple(ring)), ProblemCode.PART_OF_CYCLE)
    assert len(found) == 1
    assert set(found[0].ids) == {a.id, b.id, c.id}
    assert found[0].path == "$[0].part_of"
    assert not _problems(DS, ProblemCode.PART_OF_CYCLE)


def test_metadata_fields_are_checked_like_records() -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        Metadata("my data", "A title")
    with pytest.raises(ValueError, match="blank"):
        Metadata("my-data", "A title", license=" ")
    with pytest.raises(ValueError, match="empty"):
        Metadata("my-data", " ")
    with pytest.raises(TypeError):
        Metadata("my-data", "A title", homepage=3)  # type: ignore[arg-type]
    assert Metadata("my-data", "A title", license="").license == ""


def test_metadata_id_with_a_space_does_not_load(tmp_path: Path) -> None:
    files = _changed("dataset.json", lambda v: v["metadata"].__setitem__("id", "my data"))
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(_write(tmp_path / "data", files))
    # As for records: the record at fault, and the field in the message.
    assert caught.value.path == "$.metadata"
    assert "id must be" in str(caught.value)


def _symmetric(count: int) -> tuple[Statement, ...]:
    # Alternating directions and polarity: every pair of opposite ones disagrees.
    out = []
    for number in range(count):
        forward = number % 2 == 0
        out.append(
            Statement(
                f"ally-{number}",
                "israel" if forward else "united-states",
                Predicate.ALLY_OF,
                "united-states" if forward else "israel",
                negated=not forward,
                # An alliance holds over a time: give one, so only the inverses disagree.
                time=newsfacts.TimeSpec(newsfacts.TimePoint(2000)),
                origin=newsfacts.Origin.ENRICHMENT,
                sources=(next(iter(DS.sources)).id,),
            )
        )
    return tuple(out)


def test_symmetric_disagreements_are_reported_once_per_statement() -> None:
    statements = _symmetric(400)
    found = _problems(
        _with(DS, statements=(*DS.statements, *statements)), ProblemCode.INVERSE_DISAGREES
    )
    # Every statement after the first disagrees with an earlier one: one problem each.
    assert [p.ids[1] for p in found] == [s.id for s in statements[1:]]
    assert all(p.ids[0] != p.ids[1] for p in found)


def test_a_dataset_error_message_is_capped_and_the_problems_are_whole(tmp_path: Path) -> None:
    ds = _with(DS, statements=(*DS.statements, *_symmetric(300)))
    folder = _write(tmp_path / "data", dump_files(ds))
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder)
    problems = caught.value.problems
    assert problems == ds.validate()
    assert len(problems) > MAX_PROBLEMS_SHOWN
    message = str(caught.value)
    assert f"and {len(problems) - MAX_PROBLEMS_SHOWN:,} more" in message
    assert message.count("[inverse-disagrees]") == MAX_PROBLEMS_SHOWN


# --- names as people type them -------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff", "\u180e"])
def test_invisible_characters_do_not_split_a_name(invisible: str) -> None:
    for entity in DS.entities:
        name = entity.name
        middle = len(name) // 2
        assert DS.entities.lookup(name[:middle] + invisible + name[middle:]) is entity


def test_dataset_wide_lookup_finds_entities_and_events() -> None:
    for entity in DS.entities:
        assert DS.lookup(entity.id) is entity
    for event in DS.events:
        assert DS.lookup(event.id) is event
    war = DS.events.lookup("Six-Day War")
    assert DS.lookup("six day war") is war
    assert newsfacts.lookup("Six-Day War") is war
    with pytest.raises(NotFoundError):
        DS.lookup("atlantis")
    with pytest.raises(TypeError):
        DS.lookup(3)  # type: ignore[arg-type]


def test_get_by_fields_like_pycountry() -> None:
    for entity in DS.entities:
        if entity.wikidata is not None:
            assert DS.entities.get(wikidata=entity.wikidata) is entity
    assert DS.entities.get(wikidata="Q0") is None
    assert DS.entities.get(wikidata="Q0", default=None) is None
    people = DS.entities.filter(kind=EntityKind.PERSON)
    if len(people) > 1:
        with pytest.raises(AmbiguousNameError):
            DS.entities.get(kind="person")
    with pytest.raises(TypeError, match="no field"):
        DS.entities.get(colour="red")
    with pytest.raises(TypeError):
        DS.entities.get()


def test_filter_takes_an_enums_value() -> None:
    assert DS.entities.filter(kind="person") == DS.entities.filter(kind=EntityKind.PERSON)
    assert DS.events.filter(kind="meeting") == DS.events.filter(kind=EventKind.MEETING)


def test_about_takes_a_name() -> None:
    abbas = DS.entities.lookup("Abbas")
    assert DS.about("Abbas") == DS.about(abbas)


def test_export_is_an_attribute_after_import() -> None:
    import importlib

    assert importlib.import_module("newsfacts.export") is newsfacts.export
    assert "export" in dir(newsfacts)


def test_the_literal_class_no_longer_shadows_typing_literal() -> None:
    namespace: dict[str, Any] = {}
    exec("from typing import Literal\nfrom newsfacts import *", namespace)
    import typing

    assert namespace["Literal"] is typing.Literal
    assert namespace["LiteralValue"] is LiteralValue
    assert newsfacts.Literal is LiteralValue


def test_lookups_cache_only_plain_str_keys() -> None:
    class Sneaky(str):
        __slots__ = ()

        def __hash__(self) -> int:
            return hash("mahmoud-abbas")

        def __eq__(self, other: object) -> bool:
            return True

    registry: Registry[Any] = Registry("entity", tuple(DS.entities), lambda e: e.names)
    found = registry.lookup(Sneaky("Putin"))
    assert found.id == "vladimir-putin"
    assert all(type(key) is str for key in registry._folded)
    assert registry.lookup("ABBAS").id == "mahmoud-abbas"


def test_registry_refuses_records_without_a_str_id() -> None:
    with pytest.raises(TypeError, match="str id"):
        Registry("entity", [1])  # type: ignore[type-var]
    with pytest.raises(TypeError):
        Registry("entity", "abc")  # type: ignore[type-var]
    with pytest.raises(TypeError):
        Registry(3, [])  # type: ignore[arg-type]


def test_the_tiny_dataset_stays_valid() -> None:
    # The fixtures the exports use pass every new rule too.
    assert tiny_dataset().validate() == ()


def test_an_event_and_entity_named_alike_are_ambiguous_dataset_wide() -> None:
    entity = next(iter(DS.entities))
    event = next(iter(DS.events))
    clash = attrs.evolve(event, aliases=(*event.aliases, entity.name))
    ds = _with(DS, events=(clash, *list(DS.events)[1:]))
    with pytest.raises(AmbiguousNameError):
        ds.lookup(entity.name)
    assert isinstance(ds.lookup(event.id), Event)


def test_predicate_inverses_are_involutions() -> None:
    # The disagreement check groups only statements whose mirror is stated,
    # which is a closed set only if a mirror's mirror is the relation itself.
    for predicate in Predicate:
        if predicate.inverse is not None:
            assert predicate.inverse.inverse is predicate, predicate
