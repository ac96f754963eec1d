"""``newsfacts build``, ``new`` and ``source``: the canonical folder from a source, and back."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

import newsfacts
from _fifo import raised_in_time
from newsfacts.building import differences, write_folder
from newsfacts.cli import EXIT_DATA, EXIT_NOT_FOUND, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main
from newsfacts.export import OutputExistsError
from newsfacts.loading import dump_files

__all__: list[str] = []


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    code, _, err = _run("source", "--out", str(tmp_path / "source"))
    assert code == EXIT_OK, err
    return tmp_path / "source"


def test_build_writes_the_canonical_folder_the_same_each_time(source: Path, tmp_path: Path) -> None:
    for name in ("one", "two"):
        code, out, _ = _run("build", str(source), "--out", str(tmp_path / name))
        assert code == EXIT_OK
        assert "consistent, no problems" in out
    expected = dump_files(newsfacts.load())
    for name in ("one", "two"):
        assert {p.name: p.read_bytes() for p in (tmp_path / name).iterdir()} == expected
    assert newsfacts.build(source) is not newsfacts.load()


def test_build_check_finds_any_difference(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "built"
    newsfacts.build(source, folder)
    assert _run("build", str(source), "--check", str(folder))[0] == EXIT_OK
    entities = folder / "entities.json"
    entities.write_bytes(entities.read_bytes().replace(b"Mahmoud", b"Mahmud", 1))
    (folder / "mentions.json").unlink()
    code, out, _ = _run("build", str(source), "--check", str(folder))
    assert code == EXIT_NOT_FOUND
    assert f"{entities}: differs from what the source builds" in out
    assert f"{folder / 'mentions.json'}: missing" in out


def test_build_of_a_bad_source_lists_its_problems(source: Path, tmp_path: Path) -> None:
    events = source / "events.toml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("The meeting comes", "The meting comes", 1),
        encoding="utf-8",
    )
    code, out, err = _run("build", str(source), "--out", str(tmp_path / "built"))
    assert code == EXIT_DATA
    assert not out
    assert not (tmp_path / "built").exists()
    assert "events.toml: event 'meeting-abbas-putin-2018', evidence[2]: quote" in err
    assert "the closest passage is 'The meeting comes amid ongoing tensions'" in err


def test_new_starts_a_source(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    text = "Ana met Bo in Oslo.\u00a0Bo left.\n"
    article.write_bytes(text.encode("utf-8"))
    out = tmp_path / "mine"
    assert _run("new", str(article), "--id", "ana-bo", "--out", str(out))[0] == EXIT_OK
    assert (out / "article.txt").read_bytes() == article.read_bytes()
    facts = (out / "facts.toml").read_text(encoding="utf-8")
    assert "#   1. Ana met Bo in Oslo.\n#   2. Bo left.\n" in facts
    assert 'id = "ana-bo"' in (out / "dataset.toml").read_text(encoding="utf-8")
    # Unfilled, it does not build: the publisher is required.
    code, _, err = _run("build", str(out))
    assert code == EXIT_DATA
    assert "dataset.toml: article" in err
    assert "publisher must not be empty" in err
    assert _run("new", str(article), "--id", "ana-bo", "--out", str(out))[0] == EXIT_OUTPUT
    assert _run("new", str(article), "--id", "Not A Slug", "--out", str(tmp_path / "x"))[0] == (
        EXIT_USAGE
    )


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x7f"])
def test_new_of_an_article_with_control_characters_builds(tmp_path: Path, control: str) -> None:
    article = tmp_path / "nul.txt"
    article.write_bytes(f"a{control}b. C d.\n".encode())
    out = tmp_path / "nul-a"
    assert _run("new", str(article), "--id", "nul-a", "--out", str(out))[0] == EXIT_OK
    facts = (out / "facts.toml").read_text(encoding="utf-8")
    assert f"#   1. a\\u{ord(control):04X}b.\n#   2. C d.\n" in facts
    dataset = out / "dataset.toml"
    dataset.write_text(
        dataset.read_text(encoding="utf-8").replace('publisher = ""', 'publisher = "Nul"', 1),
        encoding="utf-8",
    )
    code, _, err = _run("build", str(out), "--out", str(tmp_path / "built"))
    # Both files read; what is left is the facts the sentences still lack.
    assert "cannot read" not in err
    assert code == EXIT_DATA
    assert "dataset.toml: article" not in err


def test_source_refuses_a_folder_in_use_unless_forced(source: Path) -> None:
    assert _run("source", "--out", str(source))[0] == EXIT_OUTPUT
    assert _run("source", "--out", str(source), "--force")[0] == EXIT_OK


def test_build_writes_beside_the_source_never_into_it(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run("build", str(source))[0] == EXIT_OK
    assert (tmp_path / "abbas-putin-moscow-2018-data" / "dataset.json").is_file()
    code, _, err = _run("build", str(source), "--out", str(source))
    assert code == EXIT_OUTPUT
    assert "is the source folder" in err
    assert not (source / "dataset.json").exists()


def test_build_of_a_missing_source_says_so(tmp_path: Path) -> None:
    code, _, err = _run("build", str(tmp_path / "nowhere"))
    assert code == EXIT_DATA
    assert "nowhere: no such file or folder" in err


@pytest.mark.parametrize(
    ("out", "force", "message"),
    [
        (None, "yes", "force must be a bool, got str"),
        ("built", 1, "force must be a bool, got int"),
        (3, False, "out must be a str or os.PathLike, got int"),
    ],
)
def test_build_checks_its_arguments_before_reading(
    tmp_path: Path, out: object, force: object, message: str
) -> None:
    # The source does not exist: the arguments are checked first.
    with pytest.raises(TypeError, match=message):
        newsfacts.build(tmp_path / "nowhere", out, force=force)  # type: ignore[arg-type]


def test_a_build_is_not_replaced_when_a_dataset_name_is_a_folder(
    source: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "built"
    newsfacts.build(source, folder)
    (folder / "entities.json").unlink()
    (folder / "entities.json").mkdir()
    (folder / "entities.json" / "mine.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"not regular files \(entities\.json\)"):
        newsfacts.build(source, folder, force=True)
    assert (folder / "entities.json" / "mine.txt").read_text(encoding="utf-8") == "kept"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_check_reports_a_fifo_or_folder_instead_of_waiting_on_it(tmp_path: Path) -> None:
    dataset = newsfacts.load()
    folder = write_folder(dataset, tmp_path / "built")
    (folder / "entities.json").unlink()
    os.mkfifo(folder / "entities.json")
    (folder / "events.json").unlink()
    (folder / "events.json").mkdir()
    found: list[tuple[str, ...]] = []
    fifo = folder / "entities.json"
    assert raised_in_time(lambda: found.append(differences(dataset, folder)), fifo) == []
    assert found == [
        (
            f"{folder / 'entities.json'}: cannot read: not a regular file (a FIFO, device or socket)",
            f"{folder / 'events.json'}: cannot read: a folder, not a file",
        )
    ]
