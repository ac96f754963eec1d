"""JSON and JSON Lines exports, and what every export shares: atomic, never overwriting."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given

import newsfacts
from _compare import assert_same_dataset
from _tiny import tiny_dataset
from newsfacts import Dataset, NewsfactsError
from newsfacts.codec import from_json
from newsfacts.dataset import Metadata
from newsfacts.export import (
    FORMATS,
    JSONL_FILE,
    JSONL_TYPES,
    MARKER,
    ExportError,
    OutputExistsError,
    export,
    to_json,
    to_jsonl,
)
from newsfacts.loading import FORMAT, dump_files
from newsfacts.model import Article
from strategies import datasets

_T = TypeVar("_T")

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])


@DATASETS
def test_json_export_loads_back_equal(dataset: Dataset, tmp_path: Path) -> None:
    out = to_json(dataset, tmp_path / "json")
    assert out == tmp_path / "json"
    again = newsfacts.load_path(out)
    assert_same_dataset(again, dataset)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != MARKER} == dump_files(
        dataset
    )
    assert (out / MARKER).is_file()


@DATASETS
def test_jsonl_has_every_record_once_with_its_type(dataset: Dataset, tmp_path: Path) -> None:
    out = to_jsonl(dataset, tmp_path / "jsonl")
    assert sorted(p.name for p in out.iterdir()) == sorted([JSONL_FILE, MARKER])
    raw = (out / JSONL_FILE).read_text(encoding="utf-8")
    assert raw.endswith("\n")
    lines = raw.split("\n")[:-1]
    records: dict[str, list[object]] = {kind: [] for kind in JSONL_TYPES}
    for line in lines:
        value = json.loads(line)
        kind = value.pop("type")
        if kind == "metadata":
            assert value.pop("format") == FORMAT
        records[kind].append(from_json(JSONL_TYPES[kind], value))
    # The header lines come first, so a reader knows what follows.
    assert [json.loads(line)["type"] for line in lines[:2]] == ["metadata", "article"]
    assert records["metadata"] == [dataset.metadata]
    assert records["article"] == [dataset.article]
    rebuilt = Dataset(
        _only(records["metadata"], Metadata),
        _only(records["article"], Article),
        records["entity"],  # type: ignore[arg-type]
        records["event"],  # type: ignore[arg-type]
        records["statement"],  # type: ignore[arg-type]
        records["mention"],  # type: ignore[arg-type]
        records["source"],  # type: ignore[arg-type]
    )
    assert_same_dataset(rebuilt, dataset)


def _only(values: list[object], kind: type[_T]) -> _T:
    (value,) = values
    assert isinstance(value, kind)
    return value


def test_an_existing_folder_is_never_overwritten_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(OutputExistsError) as caught:
        to_json(DS, out)
    assert isinstance(caught.value, FileExistsError)
    assert isinstance(caught.value, NewsfactsError)
    assert "force" in str(caught.value)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    # A folder that no export wrote is never replaced, not even with force.
    with pytest.raises(OutputExistsError, match="not written by an export"):
        to_json(DS, out, force=True)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]

    exported = tmp_path / "exported"
    to_jsonl(DS, exported)
    to_json(DS, exported, force=True)
    assert not (exported / JSONL_FILE).exists()
    assert_same_dataset(newsfacts.load_path(exported), DS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exported", "out"]


def test_force_never_replaces_a_file(tmp_path: Path) -> None:
    out = tmp_path / "a-file"
    out.write_text("precious")
    for force in (False, True):
        with pytest.raises(OutputExistsError):
            to_jsonl(DS, out, force=force)
    assert out.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_missing_parents_are_made_and_nothing_is_left_beside(tmp_path: Path) -> None:
    out = export(DS, "jsonl", tmp_path / "a" / "b" / "out")
    assert out.is_dir()
    assert [p.name for p in out.parent.iterdir()] == ["out"]


def test_the_export_folder_gets_the_usual_permissions(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()  # what the process's umask gives a new folder
    out = export(DS, "json", tmp_path / "out")
    assert out.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_an_error_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsfacts.export._jsonforms as forms

    def failing(dataset: Dataset) -> dict[str, bytes]:
        files = dump_files(dataset)
        # Some files are written before the failure: they must not survive it.
        return {**files, "sub/dir.json": b"{}"}

    monkeypatch.setattr(forms, "dump_files", failing)
    with pytest.raises(FileNotFoundError):
        to_json(DS, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(DS, "xml", tmp_path / "x")
    with pytest.raises(TypeError, match="expected a Dataset"):
        export("dataset", "json", tmp_path / "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"out must be a str or os\.PathLike"):
        export(DS, "json", 7)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="force must be a bool"):
        export(DS, "json", tmp_path / "x", force="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="format must be a str"):
        export(DS, None, tmp_path / "x")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
    assert issubclass(OutputExistsError, ExportError)
    assert set(FORMATS) == {
        "json",
        "jsonl",
        "csv",
        "turtle",
        "jsonld",
        "quickstatements",
        "claimreview",
        "brat",
        "parquet",
        "html",
    }


def test_importing_newsfacts_imports_no_optional_library() -> None:
    code = (
        "import sys, newsfacts, newsfacts.export, newsfacts.cli\n"
        "newsfacts.load()\n"
        "newsfacts.cli.build_parser()\n"
        "loaded = {'rdflib', 'pandas', 'networkx', 'frictionless', 'pyarrow'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@given(datasets())
def test_any_valid_dataset_round_trips_through_both_forms(dataset: Dataset) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert_same_dataset(newsfacts.load_path(to_json(dataset, Path(folder) / "json")), dataset)
        out = to_jsonl(dataset, Path(folder) / "jsonl")
        lines = (out / JSONL_FILE).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2 + sum(
            len(tuple(records))
            for records in (
                dataset.sources,
                dataset.entities,
                dataset.events,
                dataset.statements,
                dataset.mentions,
            )
        )
        for line in lines:
            value = json.loads(line)
            kind = value.pop("type")
            value.pop("format", None)
            assert isinstance(from_json(JSONL_TYPES[kind], value), JSONL_TYPES[kind])


def test_the_current_folder_and_the_root_are_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    (here / "inner").mkdir(parents=True)
    monkeypatch.chdir(here / "inner")
    for out in (".", "..", str(here)):
        with pytest.raises(OutputExistsError, match="holds the current folder"):
            to_json(DS, out, force=True)
    with pytest.raises(ExportError, match="file system root"):
        to_json(DS, Path(tmp_path.anchor), force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["here"]
    assert [p.name for p in here.iterdir()] == ["inner"]
    # A relative folder beside the current one is fine, and comes back as written.
    assert to_json(DS, "../out") == Path("../out")
    # One path is checked, written and returned: the normalised one.
    assert to_json(DS, "../a/b/../../c/d") == Path("../c/d")
    assert (here / "c" / "d" / "dataset.json").is_file()
    assert not (here / "a").exists()
    assert (here / "out" / "dataset.json").is_file()


def test_the_module_examples_run() -> None:
    import doctest

    import newsfacts.export

    results = doctest.testmod(newsfacts.export)
    assert (results.failed, results.attempted > 0) == (0, True)
