"""Where ``newsfacts build`` and ``source`` write: never over a user's files, never half a folder."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

import newsfacts
from newsfacts.building import write_folder
from newsfacts.cli import EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main
from newsfacts.export import OutputExistsError
from newsfacts.loading import dump_files

__all__: list[str] = []

DS = newsfacts.load()


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _contents(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def source(tmp_path: Path) -> Path:
    code, _, err = _run("source", "--out", str(tmp_path / "source"))
    assert code == EXIT_OK, err
    return tmp_path / "source"


def test_an_existing_folder_is_replaced_only_when_forced(source: Path, tmp_path: Path) -> None:
    built = tmp_path / "built"
    assert _run("build", str(source), "--out", str(built))[0] == EXIT_OK
    (built / "entities.json").write_bytes(b"edited")
    code, _, err = _run("build", str(source), "--out", str(built))
    assert code == EXIT_OUTPUT
    assert "--force" in err
    assert "force=True" not in err
    assert (built / "entities.json").read_bytes() == b"edited"
    assert _run("build", str(source), "--out", str(built), "--force")[0] == EXIT_OK
    # Replaced whole: exactly the dataset's files, no marker, nothing left beside it.
    assert _contents(built) == dump_files(DS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "source"]


def test_a_forced_build_replaces_a_dataset_folder_with_its_columnar_files(
    source: Path, tmp_path: Path
) -> None:
    from newsfacts.columnar import write_columns

    built = tmp_path / "built"
    newsfacts.build(source, built)
    write_columns(built)
    newsfacts.build(source, built, force=True)
    assert _contents(built) == dump_files(DS)


@pytest.mark.parametrize(
    "foreign",
    [
        "notes.txt",  # a file of one's own beside the dataset's
        "dataset.toml",  # a source folder
        "sub/entities.json",  # a folder inside
    ],
)
def test_a_folder_holding_anything_else_is_never_replaced(
    source: Path, tmp_path: Path, foreign: str
) -> None:
    target = tmp_path / "target"
    newsfacts.build(source, target)
    (target / foreign).parent.mkdir(parents=True, exist_ok=True)
    (target / foreign).write_text("mine\n", encoding="utf-8")
    before = _contents(target)
    code, _, err = _run("build", str(source), "--out", str(target), "--force")
    assert code == EXIT_OUTPUT
    assert "is never replaced" in err
    assert _contents(target) == before
    with pytest.raises(OutputExistsError):
        write_folder(DS, target, force=True)
    assert _contents(target) == before


def test_another_source_folder_is_never_written_into(source: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "article.txt").write_text("Another article.\n", encoding="utf-8")
    (other / "dataset.toml").write_text('id = "another"\n', encoding="utf-8")
    before = _contents(other)
    for force in ((), ("--force",)):
        code, _, _ = _run("build", str(source), "--out", str(other), *force)
        assert code == EXIT_OUTPUT
        assert _contents(other) == before


def test_neither_the_current_folder_nor_its_parent_is_written_into(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for out in (".", ".."):
        before = _contents(tmp_path)
        code, _, _ = _run("build", str(source), "--out", out, "--force")
        assert code == EXIT_OUTPUT
        assert _contents(tmp_path) == before


def test_a_file_in_the_way_is_never_replaced(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("mine\n", encoding="utf-8")
    for force in ((), ("--force",)):
        assert _run("build", str(source), "--out", str(target), *force)[0] == EXIT_OUTPUT
        assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_failed_write_leaves_the_old_folder_and_no_staging(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tmp_path / "built"
    newsfacts.build(source, built)
    (built / "entities.json").write_bytes(b"an older build")
    before = _contents(built)
    written: list[str] = []
    real = Path.write_bytes

    def failing(self: Path, data: bytes) -> int:
        written.append(self.name)
        if len(written) == 3:
            raise OSError(28, "No space left on device", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(OSError, match="No space left"):
        write_folder(DS, built, force=True)
    monkeypatch.undo()
    assert len(written) == 3
    assert _contents(built) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "source"]


def test_force_does_not_go_with_check(source: Path, tmp_path: Path) -> None:
    built = tmp_path / "built"
    newsfacts.build(source, built)
    code, _, err = _run("build", str(source), "--check", str(built), "--force")
    assert code == EXIT_USAGE
    assert "--force" in err


def test_source_never_replaces_a_file_and_says_why(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("mine\n", encoding="utf-8")
    for force in ((), ("--force",)):
        code, _, err = _run("source", "--out", str(target), *force)
        assert code == EXIT_OUTPUT
        assert target.read_text(encoding="utf-8") == "mine\n"
    assert err == f"newsfacts: {target} exists and is not a folder; it is never replaced\n"
