"""docs/tutorial.md runs as written: every file it shows is written, every command run in order.

A ``toml`` block whose first line is ``# PATH`` is written to PATH (without
that line); in a ``shell-session`` block, each ``$ newsfacts …`` line runs
through :func:`newsfacts.cli.main` and must print exactly the lines shown
after it (standard output, then standard error), succeeding unless what it
shows is an error (``newsfacts: …``); ``$ rm PATH`` removes a file.
"""

from __future__ import annotations

import contextlib
import io
import shlex
import shutil
from pathlib import Path

import pytest

from newsfacts.cli import main
from test_docs import ROOT, blocks

__all__: list[str] = []

PAGE = ROOT / "docs" / "tutorial.md"
ARTICLE = ROOT / "docs" / "tutorial" / "article.txt"


def _run(command: str) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(shlex.split(command)[1:])
    return code, (out.getvalue() + err.getvalue()).splitlines()


def _steps(lines: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line!r}"
            steps[-1][1].append(line)
    return steps


def test_the_tutorial_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (PAGE.is_file() and ARTICLE.is_file()):
        pytest.skip("docs/ is not beside the tests (an installed-wheel run)")
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(ARTICLE, tmp_path / "article.txt")
    ran = []
    for block in blocks(PAGE.read_text(encoding="utf-8")):
        if block.info == "toml":
            label = block.lines[0]
            assert label.startswith("# "), f"line {block.line}: a toml block starts with # PATH"
            target = tmp_path / label[2:]
            target.write_text("\n".join(block.lines[1:]) + "\n", encoding="utf-8")
        elif block.info == "shell-session":
            for command, expected in _steps(block.lines):
                if command.startswith("rm "):
                    (tmp_path / command[3:]).unlink()
                    continue
                code, output = _run(command)
                failing = bool(expected) and expected[0].startswith("newsfacts:")
                assert (code != 0) is failing, f"{command!r} exited {code}: {output}"
                assert output == expected, command
                ran.append(command.split()[1])
    # The page shows the whole way: a new source, a build, a check, an export, a lookup.
    assert {"new", "build", "check", "export", "entity"} <= set(ran)
