"""Loading: the built-in dataset once, datasets of one's own whole or not at all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import newsfacts
from _compare import assert_same_dataset
from newsfacts import DatasetError, UnknownDatasetError
from newsfacts.codec import from_json, to_json
from newsfacts.loading import dump_files

DS = newsfacts.load()


def test_load_is_cached_and_shortcuts_serve_the_default() -> None:
    assert newsfacts.load() is DS
    assert newsfacts.load(newsfacts.DEFAULT_DATASET) is DS
    assert newsfacts.entities is DS.entities
    assert newsfacts.article is DS.article
    assert newsfacts.events is DS.events
    assert newsfacts.statements is DS.statements
    assert newsfacts.mentions is DS.mentions
    assert newsfacts.sources is DS.sources
    assert DS.id in newsfacts.BUILTIN_DATASETS
    with pytest.raises(AttributeError):
        _ = newsfacts.no_such_thing


def test_unknown_dataset_ids() -> None:
    with pytest.raises(UnknownDatasetError) as caught:
        newsfacts.load("no-such-dataset")
    assert isinstance(caught.value, KeyError)
    assert newsfacts.DEFAULT_DATASET in str(caught.value)
    with pytest.raises(TypeError):
        newsfacts.load(7)  # type: ignore[arg-type]


def test_a_registry_alone_takes_a_registry_key_and_a_known_id() -> None:
    with pytest.raises(ValueError, match="not a registry"):
        newsfacts.loading.builtin_registry("article")
    with pytest.raises(UnknownDatasetError):
        newsfacts.loading.builtin_registry("entities", "no-such-dataset")
    assert newsfacts.loading.builtin_registry("events") is DS.events


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_dump_and_load_path_round_trip(tmp_path: Path) -> None:
    folder = _write(tmp_path / "copy", dump_files(DS))
    again = newsfacts.load_path(folder)
    assert_same_dataset(again, DS)
    assert dump_files(again) == dump_files(DS)


def test_every_record_round_trips_through_json() -> None:
    for record in (*DS.entities, *DS.events, *DS.statements, *DS.mentions, *DS.sources, DS.article):
        data = json.loads(json.dumps(to_json(record)))
        assert from_json(type(record), data) == record


def _corrupt(tmp_path: Path, name: str, change: str | bytes) -> Path:
    folder = tmp_path / "bad"
    shutil.rmtree(folder, ignore_errors=True)
    files = dump_files(DS)
    files[name] = change if isinstance(change, bytes) else change.encode("utf-8")
    return _write(folder, files)


def test_bad_data_names_file_and_json_path(tmp_path: Path) -> None:
    entities = json.loads(dump_files(DS)["entities.json"])
    entities[2]["aliases"][0] = 7
    folder = _corrupt(tmp_path, "entities.json", json.dumps(entities))
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder)
    assert caught.value.file is not None
    assert caught.value.file.endswith("entities.json")
    assert caught.value.path == "$[2].aliases[0]"
    assert "expected a string, got an integer" in str(caught.value)

    events = json.loads(dump_files(DS)["events.json"])
    events[0]["colour"] = "red"
    folder = _corrupt(tmp_path, "events.json", json.dumps(events))
    with pytest.raises(DatasetError, match="unknown key 'colour'") as caught:
        newsfacts.load_path(folder)
    assert caught.value.path == "$[0].colour"


def test_inconsistent_data_is_refused_with_every_problem(tmp_path: Path) -> None:
    statements = json.loads(dump_files(DS)["statements.json"])
    statements[0]["subject"] = "nobody-at-all"
    statements[1]["object"] = "nothing-either"
    folder = _corrupt(tmp_path, "statements.json", json.dumps(statements))
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder)
    problems = caught.value.problems
    assert len(problems) >= 2
    assert "nobody-at-all" in str(caught.value)
    assert "nothing-either" in str(caught.value)
    loose = newsfacts.load_path(folder, validate=False)
    assert loose.statements[statements[0]["id"]].subject == "nobody-at-all"
    assert newsfacts.load() is DS


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a dataset folder"):
        newsfacts.load_path(tmp_path / "missing")
    with pytest.raises(TypeError):
        newsfacts.load_path(3)  # type: ignore[arg-type]


def test_an_integer_too_long_to_convert_is_a_dataset_error(tmp_path: Path) -> None:
    folder = _corrupt(tmp_path, "events.json", "[" + "1" * 5000 + "]")
    with pytest.raises(DatasetError, match="not valid JSON") as caught:
        newsfacts.load_path(folder)
    assert caught.value.file is not None
    assert caught.value.file.endswith("events.json")
    assert caught.value.path == "$"


def test_equal_values_are_shared_and_types_still_checked(tmp_path: Path) -> None:
    # Equal spans and verdicts in a file become one object each (a verdict
    # citing sources holds a JSON array, and is not shared); a value that only
    # compares equal (``true`` for ``1``) is still refused.
    folder = _write(tmp_path / "copy", dump_files(DS))
    loaded = newsfacts.load_path(folder, validate=False)
    evidence = [span for record in (*loaded.events, *loaded.statements) for span in record.evidence]
    verdicts = [s.verdict for s in loaded.statements if s.verdict and not s.verdict.sources]
    assert len(evidence) > len(set(evidence))
    assert len(verdicts) > len(set(verdicts))
    for values in (evidence, verdicts):
        by_value: dict[object, object] = {}
        for value in values:
            assert by_value.setdefault(value, value) is value
    statements = json.loads((folder / "statements.json").read_text("utf-8"))
    with_evidence = [s for s in statements if s.get("evidence")]
    first, second = with_evidence[0], with_evidence[1]
    second["evidence"] = [dict(first["evidence"][0])]
    start = first["evidence"][0]["start"]
    assert start in (0, 1)
    second["evidence"][0]["start"] = bool(start)
    (folder / "statements.json").write_text(json.dumps(statements), "utf-8")
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder, validate=False)
    assert caught.value.path is not None
    assert caught.value.path.endswith(".evidence[0].start")


def test_equal_evidence_is_one_tuple_and_the_table_is_dropped(tmp_path: Path) -> None:
    # Statements stated by the same words share their evidence tuple, and the
    # table of shared values lives only while a load runs.
    folder = _write(tmp_path / "copy", dump_files(DS))
    loaded = newsfacts.load_path(folder, validate=False)
    facts = [fact for fact in (*loaded.events, *loaded.statements) if fact.evidence]
    by_value: dict[object, object] = {}
    for fact in facts:
        assert by_value.setdefault(fact.evidence, fact.evidence) is fact.evidence
    assert len(by_value) < len(facts)
    assert newsfacts.codec._repeats is None
