"""Reading and writing sources: every problem reported with file, record and field."""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsfacts
from _compare import assert_same_dataset
from _fifo import raised_in_time
from newsfacts import Dataset
from newsfacts.loading import dump_files
from newsfacts.quotes import split_sentences
from newsfacts.source import SourceError, read, render, scaffold, write
from newsfacts.source._toml import comment, table

__all__: list[str] = []

ROOT = Path(__file__).resolve().parent.parent
BUILT_IN_SOURCE = ROOT / "sources" / "abbas-putin-moscow-2018"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The built-in dataset written as a source."""
    return write(newsfacts.load(), tmp_path / "source")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(source: Path) -> list[str]:
    with pytest.raises(SourceError) as raised:
        read(source)
    return [str(problem) for problem in raised.value.problems]


def test_a_written_source_reads_back_the_same(source: Path) -> None:
    again = read(source)
    assert_same_dataset(again, newsfacts.load())
    assert render(again) == render(newsfacts.load())


def test_a_missing_quote_names_record_field_and_closest_passage(source: Path) -> None:
    _edit(source / "events.toml", '"The meeting comes amid', '"The meting comes amid')
    [problem] = _problems(source)
    assert problem.startswith("events.toml: event 'meeting-abbas-putin-2018', evidence[2]: ")
    assert "'The meeting comes amid ongoing tensions'" in problem


def test_a_prefix_that_fits_no_occurrence_is_not_a_missing_quote(source: Path) -> None:
    events = source / "events.toml"
    _edit(
        events, '"The meeting comes amid', '{ exact = "The meeting comes", prefix = "zzz" }, "amid'
    )
    [problem] = _problems(source)
    assert problem.startswith(
        "events.toml: event 'meeting-abbas-putin-2018', evidence[2]: quote 'The meeting comes' "
        "occurs once in the article, but not preceded by 'zzz' (1: …"
    ), problem
    assert "[[The meeting comes]]" in problem
    assert "pick it with occurrence = 1, or a prefix or suffix of the words around it" in problem
    assert "not in the article" not in problem


def test_every_problem_is_reported(source: Path) -> None:
    _edit(source / "events.toml", '"The meeting comes amid', '"The meting comes amid')
    _edit(source / "entities.toml", 'name = "Mahmoud Abbas"', 'nme = "Mahmoud Abbas"')
    _edit(source / "statements.toml", 'subject = "', 'subject = "no-such-record"\nx = "')
    _edit(source / "mentions.toml", '\nevery = "', '\nevery = "Nowhere at all')
    problems = _problems(source)
    assert any(
        p.startswith("events.toml: event 'meeting-abbas-putin-2018', evidence[2]") for p in problems
    )
    assert any(
        p.startswith(
            "entities.toml: entity 'mahmoud-abbas', nme: unknown field; did you mean 'name'?"
        )
        for p in problems
    )
    assert any(
        p.startswith("statements.toml: statement ") and ", x: unknown field" in p for p in problems
    )
    assert any(
        p.startswith("mentions.toml: mention #") and "every: 'Nowhere at allPalestinian" in p
        for p in problems
    )
    assert len(problems) == 4, problems


def test_consistency_problems_name_the_source_record(source: Path) -> None:
    _edit(source / "statements.toml", 'subject = "', 'subject = "no-such-record"\nsubject_was = "')
    _edit(source / "statements.toml", "subject_was", "# subject_was")
    problems = _problems(source)
    assert any(
        "subject: [unresolved-reference] 'no-such-record' is not the id of any record" in p
        for p in problems
    ), problems


def test_computed_and_malformed_values_are_problems(source: Path) -> None:
    _edit(source / "dataset.toml", "[article]\n", '[article]\nsha256 = "00"\n')
    _edit(source / "events.toml", 'start = "2018-02-12"', 'start = "12 February 2018"')
    problems = _problems(source)
    assert any(
        p.startswith("dataset.toml: article, sha256: computed from article.txt") for p in problems
    )
    assert any("expected a date as YYYY, YYYY-MM or YYYY-MM-DD" in p for p in problems)


def test_a_toml_syntax_error_names_its_file(source: Path) -> None:
    (source / "zz.toml").write_text("[[entity]\n", encoding="utf-8")
    [problem] = _problems(source)
    assert problem.startswith("zz.toml: cannot read: ")


def test_toml_nested_too_deeply_is_a_problem_of_its_file(source: Path) -> None:
    (source / "zz.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (source / "zy.toml").write_text("x = " + "{ a = " * 5000 + "1" + " }" * 5000, encoding="utf-8")
    assert _problems(source) == [
        "zy.toml: cannot read: nested too deeply (arrays or inline tables inside one another)",
        "zz.toml: cannot read: nested too deeply (arrays or inline tables inside one another)",
    ]


def test_an_integer_too_long_for_python_is_a_problem_of_its_file(source: Path) -> None:
    (source / "zz.toml").write_text("x = " + "1" * 5000 + "\n", encoding="utf-8")
    [problem] = _problems(source)
    assert problem.startswith("zz.toml: cannot read: Exceeds the limit"), problem


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            "[defaults]\nentity = 3\n",
            "zz.toml: defaults.entity: expected a table of entity fields ([defaults.entity]), "
            "got an integer",
        ),
        (
            '[defaults]\nevent = "x"\n',
            "zz.toml: defaults.event: expected a table of event fields ([defaults.event]), "
            "got a string",
        ),
        (
            "[[defaults.mention]]\nnote = 'x'\n",
            "zz.toml: defaults.mention: expected a table of mention fields ([defaults.mention]), "
            "got an array",
        ),
        ("defaults = 3\n", "zz.toml: defaults: expected a table of tables ([defaults.entity])"),
        (
            "[defaults.entty]\n",
            "zz.toml: defaults.entty: unknown record type; did you mean 'entity'?",
        ),
        (
            "[defaults.entity]\nnme = 'x'\n",
            "zz.toml: defaults.entity.nme: unknown field; did you mean 'name'?",
        ),
    ],
    ids=["integer", "string", "array", "defaults-not-a-table", "unknown-kind", "unknown-field"],
)
def test_defaults_of_the_wrong_shape_are_problems(source: Path, toml: str, expected: str) -> None:
    (source / "zz.toml").write_text(toml, encoding="utf-8")
    assert _problems(source) == [expected]


def test_an_unknown_default_is_reported_once_not_for_each_record(source: Path) -> None:
    entities = source / "entities.toml"
    entities.write_text("[defaults.entity]\nnme = 'x'\n" + entities.read_text(encoding="utf-8"))
    assert _problems(source) == [
        "entities.toml: defaults.entity.nme: unknown field; did you mean 'name'?"
    ]
    # The older form of a field (a mention's target) is known in defaults as in a record.
    _edit(entities, "[defaults.entity]\nnme = 'x'\n", "")
    (source / "zz.toml").write_text("[defaults.mention]\ntarget = 'russia'\n", encoding="utf-8")
    assert read(source).id == newsfacts.load().id


def test_a_toml_name_that_is_not_a_file_is_a_problem_of_that_name(source: Path) -> None:
    (source / "a.toml").mkdir()
    (source / "b.toml").symlink_to("c.toml")
    (source / "c.toml").symlink_to("b.toml")
    (source / "d.toml").symlink_to("nowhere.toml")
    assert _problems(source) == [
        "a.toml: cannot read: a folder, not a file",
        "b.toml: cannot read: Too many levels of symbolic links",
        "c.toml: cannot read: Too many levels of symbolic links",
        "d.toml: cannot read: a symbolic link to nothing (no such file)",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize(
    ("name", "one_file", "expected"),
    [
        ("zz.toml", False, "zz.toml: cannot read"),
        ("zz.toml", True, "zz.toml: cannot read"),
        ("article.txt", False, "article.txt: cannot read the article"),
    ],
)
def test_a_fifo_in_a_source_is_refused_not_read_for_ever(
    source: Path, name: str, one_file: bool, expected: str
) -> None:
    fifo = source / name
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    [error] = raised_in_time(lambda: read(fifo if one_file else source), fifo)
    assert isinstance(error, SourceError), error
    assert [str(p) for p in error.problems] == [
        f"{expected}: not a regular file (a FIFO, device or socket)"
    ]


def test_a_source_path_that_cannot_be_looked_at_is_a_source_error(tmp_path: Path) -> None:
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    for path, message in [
        (tmp_path / "loop.toml", "cannot read: Too many levels of symbolic links"),
        (tmp_path / ("n" * 5000), "cannot read: File name too long"),
        (tmp_path / "nowhere", "no such file or folder"),
    ]:
        assert _problems(path) == [f"{path}: {message}"]


def test_write_refuses_a_folder_in_use(source: Path) -> None:
    with pytest.raises(FileExistsError):
        write(newsfacts.load(), source)
    assert write(newsfacts.load(), source, force=True) == source


def test_the_built_in_source_builds_the_shipped_folder() -> None:
    if not BUILT_IN_SOURCE.is_dir():
        pytest.skip("sources/ is not beside the tests (an installed-wheel run)")
    assert dump_files(read(BUILT_IN_SOURCE)) == dump_files(newsfacts.load())


def test_the_built_in_source_is_what_the_writer_writes(tmp_path: Path) -> None:
    if not BUILT_IN_SOURCE.is_dir():
        pytest.skip("sources/ is not beside the tests (an installed-wheel run)")
    written = write(newsfacts.load(), tmp_path / "again")
    for path in BUILT_IN_SOURCE.iterdir():
        assert (written / path.name).read_bytes() == path.read_bytes(), path.name
    assert sorted(p.name for p in written.iterdir()) == sorted(
        p.name for p in BUILT_IN_SOURCE.iterdir()
    )
    shutil.rmtree(written)


def test_values_most_records_share_are_written_once_as_defaults(tmp_path: Path) -> None:
    ds = newsfacts.load()
    first, *rest = ds.entities
    entities = [
        # Without their lifetimes, whose times cite sources of their own.
        attrs.evolve(first, sources=("wikidata", "iso-3166"), inception=None, dissolved=None),
        *(attrs.evolve(e, sources=("wikidata",), inception=None, dissolved=None) for e in rest),
    ]
    shared = Dataset(
        ds.metadata, ds.article, entities, ds.events, ds.statements, ds.mentions, ds.sources
    )
    folder = write(shared, tmp_path / "shared")
    text = (folder / "entities.toml").read_text(encoding="utf-8")
    assert '[defaults.entity]\nsources = ["wikidata"]\n' in text
    # The default, and the one entity that differs; no other entity names its sources.
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("sources = ")] == [
        'sources = ["wikidata"]',
        'sources = ["wikidata", "iso-3166"]',
    ]
    assert_same_dataset(read(folder), shared)


# Any text of Unicode scalar values: an article the scaffold accepts as UTF-8.
ARTICLE = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60)
CONTROL = st.text(
    alphabet=st.characters(codec="utf-8", max_codepoint=0x9F, exclude_categories=["Cs"]),
    max_size=20,
)


@given(st.one_of(ARTICLE, CONTROL))
def test_the_scaffold_writes_valid_toml_for_any_article(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_bytes(text.encode("utf-8"))
        made = scaffold(article, "any-article", Path(folder) / "source")
        assert tomllib.loads((made / "dataset.toml").read_text(encoding="utf-8"))["dataset"] == {
            "id": "any-article",
            "title": "",
            "description": "",
            "license": "",
            "version": "0.1.0",
        }
        facts = (made / "facts.toml").read_text(encoding="utf-8")
        assert tomllib.loads(facts) == {}
        # One comment line a sentence, however the sentences break.
        numbered = [line for line in facts.split("\n") if line.startswith("#   ")]
        assert len(numbered) == len(split_sentences(text))
        assert (made / "article.txt").read_bytes() == text.encode("utf-8")


def test_the_scaffold_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes("a\x00b. C\x1bd\x7f.\r\nE\x85f.\n".encode())
    facts = (scaffold(tmp_path / "nul.txt", "nul-a", tmp_path / "nul-a") / "facts.toml").read_text(
        encoding="utf-8"
    )
    assert "#   1. a\\u0000b.\n#   2. C\\u001Bd\\u007F.\\u000D\n#   3. E\\u0085f.\n" in facts
    assert tomllib.loads(facts) == {}


@given(ARTICLE, st.one_of(ARTICLE, CONTROL))
def test_the_writer_writes_any_string_as_valid_toml(key: str, value: str) -> None:
    record = {"label": value, "aliases": [value, key], "nested": {key: value}}
    assert tomllib.loads(table("entity", record, array=True)) == {"entity": [record]}
    assert tomllib.loads(comment(value)) == {}


def test_labels_with_control_characters_read_back(tmp_path: Path) -> None:
    ds = newsfacts.load()
    odd = "a\x00b\x1bc\x7fd\x85e\u2028f\tg\r\nh"
    first, *rest = ds.events
    changed = Dataset(
        ds.metadata,
        ds.article,
        ds.entities,
        [attrs.evolve(first, label=odd), *rest],
        ds.statements,
        ds.mentions,
        ds.sources,
    )
    again = read(write(changed, tmp_path / "odd"))
    assert again.events[first.id].label == odd
    assert_same_dataset(again, changed)


def test_hidden_entries_are_not_source_files(tmp_path: Path) -> None:
    """An editor's lock file (a dangling link) or a hidden copy does not count as a source file."""
    from newsfacts.source import write

    folder = write(newsfacts.load(), tmp_path / "source")
    (folder / ".#events.toml").symlink_to("user@host.1234:1700000000")
    (folder / ".old.toml").write_text("this is = not TOML [", encoding="utf-8")
    assert newsfacts.build(folder).id == newsfacts.load().id
