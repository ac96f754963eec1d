"""Every code example in README.md and docs/*.md runs, as written.

Python examples are doctests inside fenced ``python`` blocks. Each file runs
as one doctest (later blocks use names from earlier ones), with the lines
outside the blocks blanked, so a failure reports the line of the Markdown
file. A ``python`` block without a ``>>>`` prompt would never be run: that is
an error too. Shell examples (``sh`` blocks) that call ``newsfacts`` are run
through :func:`newsfacts.cli.main` in a temporary folder and must succeed.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import newsfacts
from newsfacts.cli import build_parser, main

__all__: list[str] = []

ROOT = Path(__file__).resolve().parent.parent
DOC_FILES = tuple(
    path for path in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))) if path.is_file()
)
# An opening fence: three or more backticks or tildes, then the info string.
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)[^`]*$")
PYTHON = frozenset({"python", "py", "pycon", "python3"})
SHELL = frozenset({"sh", "bash", "shell", "console"})


@attrs.frozen
class Block:
    """A fenced code block: its language, first line (1-based) and lines."""

    info: str
    line: int
    lines: tuple[str, ...]


def blocks(text: str) -> Iterator[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        # A closing fence: the same character, at least as long, nothing after it.
        closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        end = index + 1
        while end < len(lines) and closing.match(lines[end]) is None:
            end += 1
        yield Block(opening["info"].lower(), index + 2, tuple(lines[index + 1 : end]))
        index = end + 1


def doctest_source(text: str) -> str:
    """``text`` with every line outside its Python blocks blanked, line numbers kept."""
    kept = [""] * len(text.splitlines())
    for block in blocks(text):
        if block.info in PYTHON:
            for offset, line in enumerate(block.lines):
                kept[block.line - 1 + offset] = line
    return "\n".join(kept) + "\n"


def _ids(paths: tuple[Path, ...]) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in paths]


def _require_docs() -> None:
    if not DOC_FILES:
        pytest.skip("README.md and docs/ are not beside the tests (an installed-wheel run)")


def test_the_docs_are_found() -> None:
    _require_docs()
    assert ROOT / "README.md" in DOC_FILES
    assert any(path.parent.name == "docs" for path in DOC_FILES)


@pytest.mark.parametrize("path", DOC_FILES, ids=_ids(DOC_FILES))
def test_python_examples_run(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    name = str(path.relative_to(ROOT))
    test = doctest.DocTestParser().get_doctest(doctest_source(text), {}, name, str(path), 0)
    if not test.examples:
        assert not any(b.info in PYTHON for b in blocks(text))
        return
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = io.StringIO()
    result = runner.run(test, out=report.write)
    assert result.failed == 0, report.getvalue()
    assert result.attempted == len(test.examples)


@pytest.mark.parametrize("path", DOC_FILES, ids=_ids(DOC_FILES))
def test_every_python_block_is_a_doctest(path: Path) -> None:
    untested = [
        block.line
        for block in blocks(path.read_text(encoding="utf-8"))
        if block.info in PYTHON and not any(line.startswith(">>> ") for line in block.lines)
    ]
    assert not untested, f"{path.name}: Python blocks without >>> at lines {untested}"


def _commands() -> list[tuple[str, int, str]]:
    found = []
    for path in DOC_FILES:
        for block in blocks(path.read_text(encoding="utf-8")):
            if block.info not in SHELL:
                continue
            for offset, line in enumerate(block.lines):
                command = line.strip().removeprefix("$ ")
                # "pip install . && newsfacts summary": the part after the install.
                command = command.rsplit("&&", 1)[-1].strip()
                if command.startswith("newsfacts "):
                    found.append((path.name, block.line + offset, command))
    return found


COMMANDS = _commands()


@pytest.mark.parametrize(
    ("name", "line", "command"), COMMANDS, ids=[f"{name}:{line}" for name, line, _ in COMMANDS]
)
def test_shell_examples_run(
    name: str, line: int, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = shlex.split(command, comments=True)[1:]
    known = set(_subcommands())
    if argv and not argv[0].startswith("-") and argv[0] not in known:
        pytest.skip(f"{name}:{line}: the command {argv[0]!r} is not in this version of the CLI")
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit:  # --help and --version exit through argparse
            code = exit.code if isinstance(exit.code, int) else 1
    assert code == 0, f"{name}:{line}: {command!r} exited {code}: {err.getvalue()}"
    assert out.getvalue().strip(), f"{name}:{line}: {command!r} printed nothing"


def _subcommands() -> tuple[str, ...]:
    parser = build_parser()
    for action in parser._actions:  # argparse lists sub-parsers only here
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            return tuple(choices)
    return ()


def test_the_cli_page_covers_every_command() -> None:
    _require_docs()
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in _subcommands() if f"`newsfacts {name}" not in page]
    assert _subcommands()
    assert not missing, f"docs/cli.md does not describe: {', '.join(missing)}"


def test_blocks_are_found_with_their_lines() -> None:
    text = "intro\n```python\n>>> 1 + 1\n2\n```\n\n````sh\nnewsfacts summary\n````\n"
    found = list(blocks(text))
    assert found == [
        Block("python", 3, (">>> 1 + 1", "2")),
        Block("sh", 8, ("newsfacts summary",)),
    ]
    source = doctest_source(text).splitlines()
    assert source[2:4] == [">>> 1 + 1", "2"]
    assert not any(source[:2])
    assert not any(source[4:])


def test_a_wrong_example_fails() -> None:
    source = doctest_source("```python\n>>> 1 + 1\n3\n```\n")
    test = doctest.DocTestParser().get_doctest(source, {}, "wrong", "wrong.md", 0)
    result = doctest.DocTestRunner().run(test, out=lambda _: None)
    assert result == (1, 1)


def _docs_extension() -> ModuleType:
    # The extension lives beside the docs, not in the package: load it by path.
    path = ROOT / "docs" / "_ext" / "newsfacts_docs.py"
    if not path.is_file():
        pytest.skip("docs/_ext is not beside the tests (an installed-wheel run)")
    spec = importlib.util.spec_from_file_location("newsfacts_docs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_facts_page_shows_every_fact_with_its_evidence() -> None:
    extension = _docs_extension()
    ds = newsfacts.load()
    page: str = extension.facts_page(ds)
    for fact in (*ds.events, *ds.statements):
        assert f"(fact-{fact.id})=" in page, fact.id
        for span in fact.evidence:
            quoted = "> " + extension.markdown_escape(span.text, line_start=True)
            assert quoted in page.splitlines(), (fact.id, span)
            assert f"code points {span.start} to {span.end}" in page, (fact.id, span)
        if fact.verdict is not None:
            assert f"**{fact.verdict.rating.value}**" in page


@pytest.mark.parametrize(
    "text",
    ["1967. The war", "- a list?", "+ more", "# heading", "a *b* _c_ [d](e) <f> `g` | h ~ & $ \\"],
)
def test_markdown_escape_leaves_no_markup(text: str) -> None:
    escaped: str = _docs_extension().markdown_escape(text, line_start=True)
    # Every special character is preceded by a backslash, and removing the
    # escapes gives the text back.
    assert re.sub(r"\\(.)", r"\1", escaped) == text
    assert not re.match(r"^(\d+[.)]|[-+#>])", escaped)
    assert re.search(r"(?<!\\)[*_\[\]<>`|~&$]", escaped) is None


def test_the_cli_page_shows_every_command() -> None:
    page: str = _docs_extension().cli_page(build_parser())
    for name in _subcommands():
        assert f"usage: newsfacts {name}" in page


def _extras() -> set[str]:
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if not pyproject.is_file():  # the wheel's test run copies pyproject.toml beside the tests
        pyproject = Path.cwd() / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return set(data["project"]["optional-dependencies"])


def test_every_install_command_works_from_a_checkout() -> None:
    """Each ``pip install`` installs the checkout (``.`` or ``".[extra]"`` with a real
    extra), or says that it is for the published package."""
    import re

    extras = _extras()
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in DOC_FILES]
    from newsfacts.export import MissingExtraError

    texts.append(("MissingExtraError", str(MissingExtraError("x", "rdflib", "rdf"))))
    seen = 0
    for name, text in texts:
        for line in text.splitlines():
            for found in re.finditer(r"pip install ([^\s`&)]+)", line):
                seen += 1
                target = found[1].strip("'\"")
                if target == ".":
                    continue
                extra = re.fullmatch(r"\.\[([a-z,]+)\]", target)
                if extra is not None:
                    assert set(extra[1].split(",")) <= extras, (name, line)
                    continue
                assert "published" in line or "from a checkout" in line, (name, line)
    assert seen
