"""Exports never lose a user's files: one winner, one path, force only over an export.

Each test recreates a reported way of losing files (concurrent exports, a
path with ``..``, ``--force`` pointed at a dataset, a process killed between
the two renames of a replace) and checks that nothing is lost.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import newsfacts
from newsfacts.cli import EXIT_OK, EXIT_OUTPUT, main
from newsfacts.export import MARKER, ExportError, OutputExistsError, export, to_json, to_jsonl
from newsfacts.export._atomic import _staging_prefix

DS = newsfacts.load()


def _export_once(out: str, queue: multiprocessing.Queue[str]) -> None:
    try:
        to_jsonl(newsfacts.load(), out)
    except OutputExistsError:
        queue.put("exists")
    else:
        queue.put("won")


def test_concurrent_exports_have_exactly_one_winner(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[str] = context.Queue()
    workers = [context.Process(target=_export_once, args=(out, queue)) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    results = sorted(queue.get(timeout=10) for _ in workers)
    assert results.count("won") == 1
    assert results.count("exists") == len(workers) - 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (Path(out) / MARKER).is_file()


def test_a_folder_made_while_an_export_runs_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"

    def build_then_race(folder: Path) -> None:
        (folder / "data.txt").write_text("export")
        out.mkdir()
        (out / "theirs.txt").write_text("precious")

    from newsfacts.export._atomic import write_folder

    with pytest.raises(OutputExistsError, match="while this export ran"):
        write_folder(out, build_then_race)
    assert [p.name for p in out.iterdir()] == ["theirs.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_path_checked_written_and_reported_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "jsonl", "--out", "a/b/../../c/d"]) == EXIT_OK
    out, _ = capsys.readouterr()
    assert f"to {Path('c/d')}:" in out
    assert (tmp_path / "c" / "d" / "dataset.jsonl").is_file()
    assert not (tmp_path / "a").exists()


def test_force_never_replaces_the_input_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = to_json(DS, tmp_path / "data")  # an export, and an input
    before = sorted(p.name for p in folder.iterdir())
    for out in (folder, folder / "inner", tmp_path):
        code = main(
            ["export", "--path", str(folder), "--format", "jsonl", "--out", str(out), "--force"]
        )
        assert code == EXIT_OUTPUT
        assert "overlaps the input dataset" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == before


def test_force_never_replaces_a_folder_of_ones_own(tmp_path: Path) -> None:
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    for name, data in newsfacts.loading.dump_files(DS).items():
        (dataset / name).write_bytes(data)
    with pytest.raises(OutputExistsError, match="not written by an export"):
        export(DS, "csv", dataset, force=True)
    assert newsfacts.load_path(dataset).id == DS.id


def _kill_between_renames(out: str) -> None:
    import newsfacts.export._atomic as atomic

    real = Path.rename

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        moved = real(self, target)
        if self.name == "out" and Path(target).name == "previous":
            os._exit(9)  # killed between the two renames
        return moved

    def build(folder: Path) -> None:
        (folder / "new.txt").write_text("new")

    Path.rename = rename  # type: ignore[method-assign,assignment]
    atomic.write_folder(out, build, force=True)


def test_a_crash_between_the_renames_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    to_jsonl(DS, out)
    code = (
        "import sys; sys.path[:0] = sys.argv[2:]\n"
        "from test_export_safety import _kill_between_renames\n"
        "_kill_between_renames(sys.argv[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(out), str(Path(__file__).parent), *sys.path],
        capture_output=True,
    )
    assert done.returncode == 9, done.stderr
    assert not out.exists()
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(_staging_prefix(out))]
    assert len(leftovers) == 1
    # The next export beside it completes the replace, and leaves no staging folder.
    to_jsonl(DS, tmp_path / "other")
    assert (out / "new.txt").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out"]


def test_an_interrupted_export_leaves_no_staging_folder(tmp_path: Path) -> None:
    def interrupted(folder: Path) -> None:
        (folder / "half.txt").write_text("half")
        raise KeyboardInterrupt

    from newsfacts.export._atomic import write_folder

    with pytest.raises(KeyboardInterrupt):
        write_folder(tmp_path / "out", interrupted)
    assert list(tmp_path.iterdir()) == []


def test_a_url_that_is_no_iri_is_an_export_error_not_a_traceback(tmp_path: Path) -> None:
    pytest.importorskip("rdflib")
    first, *rest = DS.sources
    bad = attrs.evolve(first, url="https://example.org/catalog?id={5B09}")
    ds = newsfacts.Dataset(
        DS.metadata, DS.article, DS.entities, DS.events, DS.statements, DS.mentions, (bad, *rest)
    )
    for format in ("turtle", "jsonld"):
        with pytest.raises(ExportError, match="not an absolute IRI"):
            export(ds, format, tmp_path / format)
    assert list(tmp_path.iterdir()) == []


def test_a_blank_licence_cannot_reach_the_csv_export() -> None:
    with pytest.raises(ValueError, match="blank"):
        attrs.evolve(DS.metadata, license=" ")


@pytest.mark.parametrize("format", ["json", "jsonl", "csv"])
def test_text_that_is_not_unicode_is_an_export_error(tmp_path: Path, format: str) -> None:
    # Loading refuses it; records made in code can still hold it.
    entity = next(iter(DS.entities))
    ds = newsfacts.Dataset(
        DS.metadata,
        DS.article,
        [attrs.evolve(entity, description="x\ud800"), *list(DS.entities)[1:]],
        DS.events,
        DS.statements,
        DS.mentions,
        DS.sources,
    )
    with pytest.raises(ExportError, match="not Unicode"):
        export(ds, format, tmp_path / format)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["x" * 300, "a-file/inside"])
def test_a_path_that_cannot_be_a_folder_is_an_export_error(tmp_path: Path, name: str) -> None:
    """A name too long for the file system, or under a file: ExportError, nothing written."""
    from newsfacts.export import ExportError, export

    (tmp_path / "a-file").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"^cannot write"):
        export(newsfacts.load(), "csv", tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "mine\n"
