"""The columnar files: written from the record files, read in their place only while current.

A columnar file (``statements.columns.json``) records the SHA-256 of the
record file it was made from. These tests check that a current one loads to
the same dataset, that a stale one is ignored and never shadows the record
file, that every fault of a hand-edited or broken one is refused with its
file and JSON path (and the check a record would get), and that writing them
is deterministic, atomic and checked by ``newsfacts columns --check``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsfacts
from _compare import assert_same_dataset
from newsfacts import DatasetError, codec, loading
from newsfacts.cli import EXIT_DATA, EXIT_NOT_FOUND, EXIT_OK, EXIT_OUTPUT, main
from newsfacts.columnar import check_columns, dump_columns, write_columns
from newsfacts.export._atomic import _staging_prefix, write_file
from newsfacts.format import BY_REGISTRY, COLUMNS_FORMAT, KINDS
from newsfacts.loading import dump_files

DS = newsfacts.load()
STATEMENTS = BY_REGISTRY["statements"]


def _folder(tmp_path: Path, name: str = "data") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, data in dump_files(DS).items():
        (folder / file).write_bytes(data)
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The built-in dataset's record files with their columnar files beside them."""
    made = _folder(tmp_path)
    write_columns(made)
    return made


def _columns(folder: Path, key: str = "statements") -> dict[str, Any]:
    value: dict[str, Any] = json.loads((folder / BY_REGISTRY[key].columns_file).read_bytes())
    return value


def _save(folder: Path, value: Any, key: str = "statements") -> None:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    (folder / BY_REGISTRY[key].columns_file).write_text(text, "utf-8")


def test_every_record_file_gets_one_and_it_loads_to_the_same_dataset(folder: Path) -> None:
    names = {path.name for path in folder.iterdir()}
    assert {kind.columns_file for kind in KINDS} <= names
    for kind in KINDS:
        value = _columns(folder, kind.registry)
        assert value["format"] == COLUMNS_FORMAT
        digest = hashlib.sha256((folder / kind.file).read_bytes()).hexdigest()
        assert value["sha256"] == digest
        assert value["count"] == len(getattr(DS, kind.registry))
    assert_same_dataset(newsfacts.load_path(folder), DS)


def test_the_columnar_file_is_what_is_read(folder: Path) -> None:
    # A current columnar file is read in the record file's place: an edit of it
    # that keeps the digest (and passes every check) is what loads.
    value = _columns(folder)
    value["columns"]["label"][0] = "Read from the columns"
    _save(folder, value)
    first = newsfacts.load_path(folder).statements[value["columns"]["id"][0]]
    assert first.label == "Read from the columns"
    assert check_columns(folder) == (
        f"{folder / STATEMENTS.columns_file}: differs from what is made from statements.json",
    )


def test_pooled_values_are_shared(folder: Path) -> None:
    # Within a file: each file has its own pools.
    loaded = newsfacts.load_path(folder, validate=False)
    evidence = [span for fact in loaded.statements for span in fact.evidence]
    verdicts = [s.verdict for s in loaded.statements if s.verdict is not None]
    assert len(evidence) > len(set(evidence))
    assert len(verdicts) > len(set(verdicts))
    for values in (evidence, verdicts):
        by_value: dict[object, object] = {}
        for value in values:
            assert by_value.setdefault(value, value) is value


def test_a_stale_columnar_file_is_ignored(folder: Path) -> None:
    statements = json.loads((folder / STATEMENTS.file).read_bytes())
    statements[0]["label"] = "Edited after the columns were written"
    (folder / STATEMENTS.file).write_text(json.dumps(statements), "utf-8")
    loaded = newsfacts.load_path(folder)
    assert loaded.statements[statements[0]["id"]].label == "Edited after the columns were written"
    assert check_columns(folder) == (
        f"{folder / STATEMENTS.columns_file}: stale (made from other bytes than statements.json "
        "holds)",
    )


def test_a_stale_columnar_file_is_never_decoded(folder: Path) -> None:
    # Whatever else it holds: it was made from other bytes, so it is not looked at.
    value = _columns(folder)
    value["sha256"] = "0" * 64
    value["columns"]["subject"] = "not even an array"
    _save(folder, value)
    assert_same_dataset(newsfacts.load_path(folder), DS)


def _edit(change: Callable[[dict[str, Any]], object], key: str = "statements") -> Any:
    def edit(folder: Path) -> None:
        value = _columns(folder, key)
        change(value)
        _save(folder, value, key)

    return edit


def _text(text: str, key: str = "statements") -> Any:
    return lambda folder: _save(folder, text, key)


def _set(column: str, index: int, value: object, key: str = "statements") -> Any:
    return _edit(lambda data: data["columns"][column].__setitem__(index, value), key)


def _pool(pool: str, column: str, index: int, value: object, key: str = "statements") -> Any:
    return _edit(lambda data: data["pools"][pool]["columns"][column].__setitem__(index, value), key)


def _time_point_day(data: dict[str, Any]) -> None:
    days = data["pools"]["TimePoint"]["columns"]["day"]
    index = next(number for number, day in enumerate(days) if day is not None)
    data["pools"]["TimePoint"]["columns"]["day"][index] = 31
    data["pools"]["TimePoint"]["columns"]["month"][index] = 2


FAULTS: dict[str, tuple[Any, str, str]] = {
    "not JSON": (_text("{"), "$", "not valid JSON"),
    "not an object": (_text("[]"), "$", "expected an object"),
    "another format": (_edit(lambda d: d.update(format="newsfacts-columns/9")), "$.format", ""),
    "no digest": (_edit(lambda d: d.pop("sha256")), "$", "missing key 'sha256'"),
    "a digest that is none": (_edit(lambda d: d.update(sha256="abc")), "$.sha256", "SHA-256"),
    "an unknown key": (_edit(lambda d: d.update(colour="red")), "$.colour", "unknown key"),
    "a key twice": (
        lambda folder: _save(folder, _save_twice(folder)),
        "$.count",
        "duplicate key 'count'",
    ),
    "a count that is no count": (_edit(lambda d: d.update(count=-1)), "$.count", "count"),
    "a column too short": (
        _edit(lambda d: d["columns"]["subject"].pop()),
        "$.columns.subject",
        "values (the count)",
    ),
    "an unknown column": (
        _edit(lambda d: d["columns"].update(colour=[])),
        "$.columns.colour",
        "unknown column 'colour' of Statement",
    ),
    "a missing column": (
        _edit(lambda d: d["columns"].pop("subject")),
        "$.columns",
        "missing column 'subject' of Statement",
    ),
    "a value of the wrong type": (
        _set("subject", 3, 7),
        "$.columns.subject[3]",
        "expected a string, got an integer",
    ),
    "a member no enum has": (
        _set("predicate", 2, "likes"),
        "$.columns.predicate[2]",
        "expected one of",
    ),
    "an index out of range": (
        _set("evidence", 4, 10**6),
        "$.columns.evidence[4]",
        "out of range",
    ),
    "a negative index": (_set("evidence", 4, -1), "$.columns.evidence[4]", "out of range"),
    "an index that is a boolean": (
        _set("evidence", 1, True),
        "$.columns.evidence[1]",
        "expected an index into the pool 'tuple[Span, ...]' (an integer), got a boolean",
    ),
    "a literal out of range": (_set("object", 22, 99), "$.columns.object[22]", "out of range"),
    "an object that is neither id nor literal": (
        _set("object", 0, 1.5),
        "$.columns.object[0]",
        "expected a string or an index into the pool 'LiteralValue', got a number",
    ),
    "a pool without columns that claims many values": (
        _edit(
            lambda d: d["pools"]["Attribution"].update(count=10**12, columns={}),
        ),
        "$.pools.Attribution.count",
        "a table without columns holds at most one Attribution, got a count of 1000000000000",
    ),
    "a missing pool": (_edit(lambda d: d["pools"].pop("Span")), "$.pools", "missing pool 'Span'"),
    "an unused pool": (
        _edit(lambda d: d["pools"].update(Unused={"count": 0, "columns": {}})),
        "$.pools.Unused",
        "not used",
    ),
    "lengths that do not add up": (
        _edit(lambda d: d["pools"]["tuple[Span, ...]"]["lengths"].__setitem__(0, 5)),
        "$.pools['tuple[Span, ...]'].items",
        "the sum of the lengths",
    ),
    "a negative length": (
        _edit(lambda d: d["pools"]["tuple[Span, ...]"]["lengths"].__setitem__(0, -1)),
        "$.pools['tuple[Span, ...]'].lengths[0]",
        "must not be negative",
    ),
    "an id that is no id": (
        _set("id", 5, "Not An Id"),
        "$.columns.id[5]",
        "invalid Statement: id must be a lowercase kebab-case id",
    ),
    "a subject that is no id": (
        _set("subject", 0, "two words"),
        "$.columns.subject[0]",
        "invalid Statement: subject must be a lowercase kebab-case id",
    ),
    "a span whose words do not fit it": (
        _pool("Span", "text", 0, "x"),
        "$.pools.Span.columns.text[0]",
        "invalid Span: span text has 1 code points",
    ),
    "a negative offset": (
        _pool("Span", "end", 0, -1),
        "$.pools.Span.columns.end[0]",
        "invalid Span: end must be >= 0",
    ),
    "a day the month does not have": (
        _edit(_time_point_day, "events"),
        "$.pools.TimePoint.columns.day[",
        "invalid TimePoint: day must be 1..",
    ),
    "a CAMEO code that is none": (
        _set("cameo", 0, "abc", "events"),
        "$.columns.cameo[0]",
        "invalid Event: cameo must be a CAMEO code",
    ),
    "a QID that is none": (
        _edit(
            lambda d: d["columns"]["wikidata"].__setitem__(
                next(i for i, q in enumerate(d["columns"]["wikidata"]) if q), "Q0"
            ),
            "entities",
        ),
        "$.columns.wikidata[",
        "invalid Entity: wikidata must be a Wikidata QID",
    ),
    "a lone surrogate": (
        lambda folder: _save(
            folder,
            (folder / STATEMENTS.columns_file)
            .read_text("utf-8")
            .replace('"id":["', '"id":["\\ud800', 1),
        ),
        "$.columns.id[0]",
        "lone surrogate",
    ),
}


def test_an_id_inside_a_pooled_tuple_is_checked(folder: Path) -> None:
    value = _columns(folder)
    value["pools"]["tuple[str, ...]"]["items"][0] = "Not An Id"
    _save(folder, value)
    with pytest.raises(DatasetError, match="must be a lowercase kebab-case id") as caught:
        newsfacts.load_path(folder, validate=False)
    assert caught.value.path is not None
    assert re.fullmatch(r"\$\.(pools\.\w+\.)?columns\.\w+\[\d+\]", caught.value.path)


def _save_twice(folder: Path) -> str:
    text = (folder / STATEMENTS.columns_file).read_text("utf-8")
    return text.replace('"count":', '"count":1,"count":', 1)


@pytest.mark.parametrize("fault", list(FAULTS))
def test_every_fault_is_refused_with_file_and_json_path(folder: Path, fault: str) -> None:
    change, path, message = FAULTS[fault]
    change(folder)
    cached = dict(loading._cache)
    for validate in (False, True):
        with pytest.raises(DatasetError) as caught:
            newsfacts.load_path(folder, validate=validate)
        error = caught.value
        assert error.file is not None
        assert error.file.endswith(".columns.json")
        assert error.path is not None
        assert error.path.startswith(path) if path.endswith("[") else error.path == path
        assert message in str(error)
        # Nothing is kept: no dataset is cached, no table of shared values left behind.
        assert loading._cache == cached
        assert codec._repeats is None


def test_write_columns_writes_the_same_bytes_every_time(folder: Path, tmp_path: Path) -> None:
    first = {kind.columns_file: (folder / kind.columns_file).read_bytes() for kind in KINDS}
    assert dump_columns(folder) == first
    write_columns(folder)
    assert {name: (folder / name).read_bytes() for name in first} == first
    # A copy of the same record files elsewhere gives the same bytes too.
    assert dump_columns(_folder(tmp_path, "copy")) == first


def test_write_columns_leaves_the_record_files_and_other_files_alone(tmp_path: Path) -> None:
    made = _folder(tmp_path)
    (made / "notes.txt").write_text("mine")
    before = {path.name: path.read_bytes() for path in made.iterdir()}
    written = write_columns(made)
    assert [path.name for path in written] == [kind.columns_file for kind in KINDS]
    after = {path.name: path.read_bytes() for path in made.iterdir()}
    assert {name: after[name] for name in before} == before
    assert sorted(after) == sorted([*before, *(kind.columns_file for kind in KINDS)])


def test_an_invalid_dataset_gets_no_columnar_file(tmp_path: Path) -> None:
    made = _folder(tmp_path)
    statements = json.loads((made / STATEMENTS.file).read_bytes())
    statements[0]["subject"] = "nobody-at-all"
    (made / STATEMENTS.file).write_text(json.dumps(statements), "utf-8")
    with pytest.raises(DatasetError, match="nobody-at-all"):
        write_columns(made)
    assert not [path for path in made.iterdir() if path.name.endswith(".columns.json")]


def test_columns_are_made_from_the_record_files_not_from_columns(folder: Path) -> None:
    # A columnar file edited by hand (digest kept) is replaced, not copied.
    value = _columns(folder)
    value["columns"]["label"][0] = "Hand-edited"
    _save(folder, value)
    write_columns(folder)
    assert check_columns(folder) == ()
    assert newsfacts.load_path(folder).statements[value["columns"]["id"][0]].label != "Hand-edited"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_check_columns_reports_a_fifo_instead_of_waiting_on_it(folder: Path) -> None:
    target = folder / "events.columns.json"
    target.unlink()
    os.mkfifo(target)
    assert check_columns(folder) == (f"{target}: not a regular file (a FIFO, device or folder)",)


def test_check_columns_names_missing_stale_and_broken_files(folder: Path) -> None:
    assert check_columns(folder) == ()
    (folder / "events.columns.json").unlink()
    _save(folder, "{", "mentions")
    entities = (folder / "entities.json").read_bytes()
    (folder / "entities.json").write_bytes(entities.replace(b"\n", b"\n ", 1))
    assert check_columns(folder) == (
        f"{folder / 'entities.columns.json'}: stale (made from other bytes than entities.json "
        "holds)",
        f"{folder / 'events.columns.json'}: missing",
        f"{folder / 'mentions.columns.json'}: not a columnar file of this format",
    )


def test_write_file_replaces_at_once_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "statements.columns.json"
    target.write_bytes(b"old")

    def no_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_disk)
    with pytest.raises(OSError, match="No space left"):
        write_file(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
    monkeypatch.undo()
    assert write_file(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_write_file_removes_what_a_dead_process_left(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    pid = int(gone.stdout)
    target = tmp_path / "events.columns.json"
    left = tmp_path / f"{_staging_prefix(target)}{pid}.0000"
    left.write_bytes(b"half")
    mine = tmp_path / f"{_staging_prefix(target)}{os.getpid()}.0000"
    mine.write_bytes(b"running")  # this process runs: its file is left alone
    write_file(target, b"whole")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([target.name, mine.name])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_columns_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = _folder(tmp_path)
    code, out, err = _run(capsys, "columns", str(made), "--check")
    assert code == EXIT_NOT_FOUND
    assert out.count(": missing") == len(KINDS)
    assert f"{len(KINDS)} columnar files to write again" in out
    code, out, err = _run(capsys, "columns", str(made))
    assert (code, err) == (EXIT_OK, "")
    assert (
        out
        == f"wrote the columnar files of {made}: "
        + ", ".join(kind.columns_file for kind in KINDS)
        + "\n"
    )
    code, out, err = _run(capsys, "columns", str(made), "--check", "--json")
    assert code == EXIT_OK
    assert json.loads(out) == {"folder": str(made), "differences": []}
    (made / STATEMENTS.file).write_bytes((made / STATEMENTS.file).read_bytes() + b"\n")
    code, out, err = _run(capsys, "columns", "--json", str(made), "--check")
    assert code == EXIT_NOT_FOUND
    assert json.loads(out)["differences"] == [
        f"{made / STATEMENTS.columns_file}: stale (made from other bytes than statements.json "
        "holds)"
    ]


def test_the_columns_command_refuses_what_cannot_be_loaded_or_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "columns", str(tmp_path / "missing"))
    assert code == EXIT_DATA
    assert err.startswith("newsfacts: ")
    assert "not a dataset folder" in err
    made = _folder(tmp_path)
    (made / "events.columns.json").mkdir()  # a folder in a columnar file's place
    code, _, err = _run(capsys, "columns", str(made))
    assert code == EXIT_OUTPUT
    assert err.startswith("newsfacts: ")
    assert (made / "events.columns.json").is_dir()


def test_the_example_of_the_module_runs() -> None:
    import doctest

    import newsfacts.columnar

    failures, tried = doctest.testmod(newsfacts.columnar)
    assert tried > 0
    assert failures == 0


def test_columnar_loads_in_several_threads_at_once_give_equal_datasets(folder: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        loaded = list(pool.map(lambda _: newsfacts.load_path(folder), range(8)))
    for dataset in loaded:
        assert_same_dataset(dataset, DS)
    assert codec._repeats is None


def test_check_reports_a_columnar_file_edited_by_hand(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``newsfacts check`` names a current-looking columnar file that is not its record file's."""
    assert _run(capsys, "check", str(folder))[0] == EXIT_OK
    value = _columns(folder, "entities")
    names = value["columns"]["name"]
    names[0] = "Someone Else"  # the digest is kept: loading reads the edit
    _save(folder, value, "entities")
    assert next(iter(newsfacts.load_path(folder).entities)).name == "Someone Else"
    target = folder / BY_REGISTRY["entities"].columns_file
    code, out, _ = _run(capsys, "check", str(folder))
    assert code == EXIT_NOT_FOUND
    assert f"{target}: differs from what is made from entities.json" in out.splitlines()
    code, out, _ = _run(capsys, "check", str(folder), "--json")
    assert (code, json.loads(out)["columns"]) == (
        EXIT_NOT_FOUND,
        [f"{target}: differs from what is made from entities.json"],
    )
    # Missing and stale columnar files answer for nothing: check is content.
    target.unlink()
    statements = folder / STATEMENTS.file
    statements.write_bytes(statements.read_bytes() + b"\n")
    assert check_columns(folder, read_only=True) == ()
    assert len(check_columns(folder)) == 2
    assert _run(capsys, "check", str(folder))[0] == EXIT_OK


@pytest.mark.parametrize("link", ["loop", "dangling", "folder"])
def test_a_broken_link_in_a_columnar_files_place_is_refused(folder: Path, link: str) -> None:
    """A link is followed and must reach a regular file, as for a record file."""
    target = folder / BY_REGISTRY["entities"].columns_file
    target.unlink()
    if link == "loop":
        target.symlink_to(target.name)
    elif link == "dangling":
        target.symlink_to(folder / "no-such-file")
    else:
        target.symlink_to(folder.parent)
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder)
    assert caught.value.file == str(target)
    assert caught.value.message.startswith(("cannot read", "not a regular file"))
    assert any(line.startswith(f"{target}: ") for line in check_columns(folder))


def test_a_fault_in_records_read_from_a_columnar_file_names_that_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand edit that breaks a check is blamed on the columnar file, not the record file."""
    value = _columns(folder, "events")
    texts = value["pools"]["Span"]["columns"]["text"]
    texts[0] = "x" * len(texts[0])  # as long as the span: only a check can tell
    _save(folder, value, "events")
    columns_file = folder / BY_REGISTRY["events"].columns_file
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(folder)
    assert caught.value.file == str(columns_file)
    assert (
        "the records of events.json were read from its columnar form events.columns.json"
        in caught.value.message
    )
    # Without the columnar file the record file is sound.
    columns_file.rename(folder / "aside")
    assert tuple(newsfacts.load_path(folder).events) == tuple(DS.events)
    (folder / "aside").rename(columns_file)
    code, out, _ = _run(capsys, "check", str(folder))
    assert code == EXIT_NOT_FOUND
    assert f"{columns_file}: differs from what is made from events.json" in out.splitlines()
