"""The validator as a product: its Problem records, its str form, and the whole dataset.

The per-check behaviour is proven by the mutation properties in
``tests/property/test_mutations.py``; here: the built-in dataset passes, a
Problem is a stable, frozen, typed record, several problems are all
reported, and ``load_path`` refuses inconsistent data listing every one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
from pathlib import Path

import attrs
import pytest

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset, DatasetError, EntityKind, Mention, Verdict
from newsfacts.cli import EXIT_DATA, main
from newsfacts.loading import dump_files
from newsfacts.source import SourceError
from newsfacts.source import write as write_source
from newsfacts.validation import Problem, ProblemCode, validate

__all__: list[str] = []

DS = newsfacts.load()


def test_the_built_in_dataset_has_no_problem() -> None:
    assert validate(DS) == ()
    assert DS.validate() == ()
    assert newsfacts.validate(DS) == ()
    assert newsfacts.Problem is Problem


def test_validate_refuses_what_is_not_a_dataset() -> None:
    values: tuple[object, ...] = (None, "abbas-putin-moscow-2018", DS.entities, {})
    for value in values:
        with pytest.raises(TypeError, match="expected a Dataset"):
            validate(value)  # type: ignore[arg-type]


def test_problem_codes_are_stable_slugs() -> None:
    values = [code.value for code in ProblemCode]
    assert len(set(values)) == len(values)
    for code in ProblemCode:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code.value)
        assert code.value == code.name.lower().replace("_", "-")


def test_problem_str_is_one_stable_line() -> None:
    problem = Problem(
        ProblemCode.ALIAS_COLLISION,
        "alias 'Abbas' of 'x' also names 'mahmoud-abbas'",
        ("mahmoud-abbas", "x"),
        "entities.json",
        "$[3].aliases[0]",
    )
    assert str(problem) == (
        "entities.json $[3].aliases[0]: [alias-collision] "
        "alias 'Abbas' of 'x' also names 'mahmoud-abbas'"
    )
    assert problem.location == "entities.json $[3].aliases[0]"
    assert str(Problem(ProblemCode.HASH_MISMATCH, "m")) == "[hash-mismatch] m"
    assert str(Problem(ProblemCode.HASH_MISMATCH, "m", file="dataset.json")) == (
        "dataset.json: [hash-mismatch] m"
    )
    assert json.loads(json.dumps(problem.as_dict())) == {
        "code": "alias-collision",
        "message": problem.message,
        "ids": ["mahmoud-abbas", "x"],
        "file": "entities.json",
        "path": "$[3].aliases[0]",
    }


def test_problems_are_frozen_and_typed() -> None:
    problem = Problem(ProblemCode.DOMAIN, "m", ["a", "b"])
    assert problem.ids == ("a", "b")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        problem.message = "other"  # type: ignore[misc]
    assert problem == Problem(ProblemCode.DOMAIN, "m", ("a", "b"))
    assert hash(problem) == hash(Problem(ProblemCode.DOMAIN, "m", ("a", "b")))
    with pytest.raises(TypeError):
        Problem("domain", "m")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Problem(ProblemCode.DOMAIN, "m", "ab")


def _corrupt_three_ways(ds: Dataset) -> Dataset:
    # A wrong hash, a verdict taken away and a span that misquotes the text.
    article = attrs.evolve(ds.article, sha256=hashlib.sha256(b"other").hexdigest())
    statement = next(s for s in ds.statements if s.verdict is not None and s.evidence)
    event = next(e for e in ds.events if e.evidence)
    span = event.evidence[0]
    wrong = attrs.evolve(span, text="#" + span.text[1:])
    statements = [attrs.evolve(s, verdict=None) if s is statement else s for s in ds.statements]
    events = [
        attrs.evolve(e, evidence=(wrong, *e.evidence[1:])) if e is event else e for e in ds.events
    ]
    return Dataset(ds.metadata, article, ds.entities, events, statements, ds.mentions, ds.sources)


def test_every_problem_is_reported_not_only_the_first() -> None:
    problems = validate(_corrupt_three_ways(DS))
    codes = {p.code for p in problems}
    assert codes == {
        ProblemCode.HASH_MISMATCH,
        ProblemCode.MISSING_VERDICT,
        ProblemCode.SPAN_MISMATCH,
    }
    by_code = {p.code: p for p in problems}
    assert by_code[ProblemCode.HASH_MISMATCH].file == "dataset.json"
    assert by_code[ProblemCode.HASH_MISMATCH].path == "$.article.sha256"
    assert by_code[ProblemCode.MISSING_VERDICT].file == "statements.json"
    assert by_code[ProblemCode.SPAN_MISMATCH].file == "events.json"
    assert re.fullmatch(r"\$\[\d+\]\.evidence\[0\]", by_code[ProblemCode.SPAN_MISMATCH].path or "")


def test_load_path_refuses_inconsistent_data_listing_every_problem(tmp_path: Path) -> None:
    corrupted = _corrupt_three_ways(DS)
    for name, data in dump_files(corrupted).items():
        (tmp_path / name).write_bytes(data)
    with pytest.raises(DatasetError) as caught:
        newsfacts.load_path(tmp_path)
    error = caught.value
    assert error.problems == validate(corrupted)
    assert len(error.problems) == 3
    for problem in error.problems:
        assert str(problem) in str(error)
    assert error.file is not None
    assert error.file.startswith(str(tmp_path))
    # Asked not to validate, the same files load, and the problems are still there to see.
    loaded = newsfacts.load_path(tmp_path, validate=False)
    assert loaded.validate() == error.problems
    assert newsfacts.load() is DS


def test_every_verdict_without_note_is_self_explaining() -> None:
    # The rule the validator applies, stated over the whole dataset.
    for fact in (*DS.events, *DS.statements):
        if fact.verdict is not None and not fact.verdict.note.strip():
            assert fact.verdict.rating in (Verdict.SUPPORTED, Verdict.UNCHECKED)


def test_a_repeated_entity_id_is_judged_as_the_registry_resolves_it() -> None:
    """The first record of a repeated id is the one lookups return, so its kind is the one
    every statement about that id is judged by: for each entity, a record of another kind
    with its id placed before it turns every statement the new kind does not fit into a
    DOMAIN or RANGE problem, however the statements group."""
    ds = newsfacts.load()
    entities = tuple(ds.entities)
    for index, entity in enumerate(entities):
        kind = next(kind for kind in EntityKind if kind is not entity.kind)
        first = attrs.evolve(entity, kind=kind)
        changed = Dataset(
            ds.metadata,
            ds.article,
            (*entities[:index], first, *entities[index:]),
            tuple(ds.events),
            tuple(ds.statements),
            tuple(ds.mentions),
            tuple(ds.sources),
        )
        assert changed.entities[entity.id] is first
        expected = {
            (ProblemCode.DOMAIN, s.id)
            for s in ds.statements
            if s.subject == entity.id and kind not in s.predicate.info.domain
        } | {
            (ProblemCode.RANGE, s.id)
            for s in ds.statements
            if s.object_id == entity.id and kind not in s.predicate.info.range
        }
        found = {
            (problem.code, problem.ids[0])
            for problem in newsfacts.validate(changed)
            if problem.code in (ProblemCode.DOMAIN, ProblemCode.RANGE)
        }
        assert found == expected, entity.id


def _with_mentions(ds: Dataset, *extra: Mention) -> Dataset:
    return Dataset(
        ds.metadata,
        ds.article,
        tuple(ds.entities),
        tuple(ds.events),
        tuple(ds.statements),
        (*ds.mentions, *extra),
        tuple(ds.sources),
    )


def test_a_repeated_mention_is_reported_naming_both() -> None:
    """The same words referring to the same things twice are counted twice: an error at the
    repeat (notes and target order aside), naming the first; other targets are allowed."""
    ds = tiny_dataset()
    abbas = [index for index, m in enumerate(ds.mentions) if m.span.text == "Abbas"]
    assert len(abbas) == 2
    second = ds.mentions[abbas[1]]
    again = Mention(attrs.evolve(second.span), second.targets, note="said again")
    changed = _with_mentions(ds, again)
    assert [str(problem) for problem in validate(changed)] == [
        f"mentions.json $[{abbas[1] + 1}]: [duplicate-mention] mention {abbas[1] + 1} "
        f"('Abbas' at {second.span.start}:{second.span.end}, of 'mahmoud-abbas') repeats "
        f"mention {abbas[1]}: the same span and targets, counted twice; keep one"
    ]
    (problem,) = validate(changed)
    assert problem.code is ProblemCode.DUPLICATE_MENTION
    assert problem.ids == ("mahmoud-abbas",)
    # Several things at once, in either order, are the same targets.
    both = Mention(second.span, ("mahmoud-abbas", "egypt"))
    turned = Mention(second.span, ("egypt", "mahmoud-abbas"))
    assert [p.code for p in validate(_with_mentions(ds, both, turned))] == [
        ProblemCode.DUPLICATE_MENTION
    ]
    # The same words with other targets are another reading, not a repeat.
    assert validate(_with_mentions(ds, Mention(second.span, "egypt"))) == ()
    assert validate(_with_mentions(ds, both)) == ()


_REPEATS = {
    "a rule and a quote": '[[mention]]\nspan = { exact = "Abbas", occurrence = 2 }\n',
    "two rules": '[[mention]]\nevery = "Abbas"\n',
}


@pytest.mark.parametrize("repeat", list(_REPEATS), ids=list(_REPEATS))
def test_the_builder_refuses_a_source_that_repeats_a_mention(repeat: str, tmp_path: Path) -> None:
    source = write_source(tiny_dataset(), tmp_path / "source")
    mentions = source / "mentions.toml"
    assert '\nevery = "Abbas"\n' in mentions.read_text(encoding="utf-8")
    with mentions.open("a", encoding="utf-8") as file:
        file.write(f'\n{_REPEATS[repeat]}targets = ["mahmoud-abbas"]\n')
    with pytest.raises(SourceError) as caught:
        newsfacts.build(source)
    problems = [str(problem) for problem in caught.value.problems]
    assert problems, caught.value
    for problem in problems:
        assert problem.startswith("mentions.toml: mention #6 ('Abbas'): [duplicate-mention] ")
        assert "repeats mention " in problem
        assert ", of 'mahmoud-abbas') repeats mention " in problem
    # Both occurrences repeat for two rules; the one quoted, for a rule and a quote.
    assert len(problems) == (2 if repeat == "two rules" else 1)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", str(source), "--out", str(tmp_path / "built")])
    assert code == EXIT_DATA == 3
    assert not out.getvalue()
    assert "[duplicate-mention]" in err.getvalue()
    assert not (tmp_path / "built").exists()
