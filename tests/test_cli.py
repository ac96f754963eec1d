"""The ``newsfacts`` command: every subcommand, its JSON, and its exit codes."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Rating
from newsfacts.cli import (
    ERROR_RATINGS,
    EXIT_DATA,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    main,
)
from newsfacts.export import CLAIMREVIEW_FILE, FORMATS, claimreviews, to_json

DS = newsfacts.load()
FACTS = (*DS.events, *DS.statements)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = _run(capsys, *argv, "--json")
    assert code == EXIT_OK, err
    return json.loads(out)


def test_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "summary")
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith(f"{DS.metadata.title} ({DS.id})\n")
    assert f"entities: {len(DS.entities)}  events: {len(DS.events)}" in out
    dated = [e.time for e in DS.timeline() if e.time is not None]
    first = min(t.earliest for t in dated if t.start is not None)
    # An open end ("have long opposed", still so) gives no last day: the range ends at the
    # last one the words give.
    last = max(t.latest for t in dated if t.upper is not None)
    assert f"timeline: {len(dated)} dated events, {first.isoformat()} to {last.isoformat()}" in out
    data = _json(capsys, "summary")
    assert data["id"] == DS.id
    assert data["counts"] == {
        "entities": len(DS.entities),
        "events": len(DS.events),
        "statements": len(DS.statements),
        "mentions": len(DS.mentions),
        "sources": len(DS.sources),
    }
    assert sum(data["verdicts"].values()) == len(FACTS)


def test_the_module_and_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"newsfacts {newsfacts.__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts", "summary"], capture_output=True, text=True, check=True
    )
    assert DS.id in done.stdout


def test_no_command_and_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys)
    assert (code, out) == (EXIT_USAGE, "")
    assert "summary" in err
    for argv in (["frobnicate"], ["facts", "--verdict", "wrong"], ["export", "--out", "x"]):
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (EXIT_USAGE, "")
        # argparse's usage line, then the one line every error has.
        usage, message = err.rstrip("\n").rsplit("\n", 1)
        assert usage.startswith("usage: newsfacts")
        assert message.startswith("newsfacts: ")
        for as_json in ("--json", "--js"):  # argparse takes an unambiguous prefix
            code, out, err = _run(capsys, as_json, *argv)
            assert code == EXIT_USAGE
            error = json.loads(out)["error"]
            assert error == {
                "type": "UsageError",
                "message": message.removeprefix("newsfacts: "),
                "exit_code": EXIT_USAGE,
            }


def test_every_failure_answers_in_json_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each failing command's ``--json`` error is the one line on standard error, as JSON."""
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text("Ida Berg met Jonas Hald.\n", encoding="utf-8")
    source = tmp_path / "source"
    assert main(["source", "--out", str(source)]) == EXIT_OK
    assert main(["build", str(source), "--out", "built"]) == EXIT_OK
    capsys.readouterr()
    failing = {
        ("build", str(source), "--out", "built"): EXIT_OUTPUT,
        ("build", str(source), "--out", str(source)): EXIT_OUTPUT,
        ("build", str(source), "--check", "built", "--force"): EXIT_USAGE,
        ("new", str(article), "--id", "Not-A-Slug"): EXIT_USAGE,
        ("new", str(article), "--id", "berg-hald", "--out", str(source)): EXIT_OUTPUT,
        ("source", "--out", str(source)): EXIT_OUTPUT,
        ("facts", "--verdict", "bogus"): EXIT_USAGE,
        ("new", "no-such-article.txt", "--id", "x-y"): EXIT_USAGE,
        ("entity", "nobody-at-all"): EXIT_NOT_FOUND,
    }
    for argv, expected in failing.items():
        code, out, err = _run(capsys, "--json", *argv)
        assert code == expected, argv
        message = err.rstrip("\n").rsplit("\n", 1)[-1]
        assert message.startswith("newsfacts: "), argv
        error = json.loads(out)["error"]
        assert (error["message"], error["exit_code"]) == (message[len("newsfacts: ") :], code)


def test_entity_by_any_name(capsys: pytest.CaptureFixture[str]) -> None:
    for entity in DS.entities:
        for name in {entity.id, entity.name, *(c for c in (entity.wikidata,) if c)}:
            data = _json(capsys, "entity", name)
            assert data["entity"]["id"] == entity.id
            about = DS.about(entity)
            assert data["events"] == [e.id for e in about.events]
            assert data["statements"] == [s.id for s in about.statements]
    code, out, _ = _run(capsys, "entity", "abu mazen")
    assert code == EXIT_OK
    assert out.startswith("Mahmoud Abbas (person, mahmoud-abbas)")


def test_a_bad_name_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "entity", "putn")
    assert (code, out) == (EXIT_NOT_FOUND, "")
    assert err.startswith("newsfacts: no entity named 'putn'")
    assert "Vladimir Putin" in err
    code, _, err = _run(capsys, "facts", "--about", "abbbas")
    assert code == EXIT_NOT_FOUND
    assert "Mahmoud Abbas" in err


def _ids(data: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in data]


def test_facts_filters_match_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert _ids(_json(capsys, "facts")) == [f.id for f in FACTS]
    for rating in Rating:
        expected = [f.id for f in FACTS if f.verdict is not None and f.verdict.rating is rating]
        code, out, _ = _run(capsys, "facts", "--verdict", rating.value, "--json")
        assert code == (EXIT_OK if expected else EXIT_NOT_FOUND)
        assert _ids(json.loads(out)) == expected
    for entity in DS.entities:
        code, out, _ = _run(capsys, "facts", "--about", entity.id, "--json")
        assert _ids(json.loads(out)) == [f.id for f in DS.about(entity)]
    for event in DS.events:
        code, out, _ = _run(capsys, "facts", "--about", event.id, "--json")
        assert _ids(json.loads(out)) == [f.id for f in DS.about(event)]
    data = _json(capsys, "facts", "--about", "abbas", "--verdict", "supported")
    assert data
    for item in data:
        assert item["verdict"]["rating"] == "supported"
        assert "mahmoud-abbas" in json.dumps(item)


def test_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    for flag, record in ((), False), (("--record",), True):
        data = _json(capsys, "timeline", *flag)
        events = DS.timeline(record=record)
        assert _ids(data) == [e.id for e in events]
        for item, event in zip(data, events, strict=True):
            time = event.record_time if record and event.record_time else event.time
            assert time is not None
            assert item["edtf"] == time.edtf
    code, out, _ = _run(capsys, "timeline")
    assert code == EXIT_OK
    assert len(out.splitlines()) == len(DS.timeline())


def test_quote_marks_every_evidence_in_its_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    text = DS.article.text
    for fact in FACTS:
        code, out, _ = _run(capsys, "quote", fact.id, "--json")
        data = json.loads(out)
        assert len(data["quotes"]) == len(fact.evidence)
        assert code == (EXIT_OK if fact.evidence else EXIT_NOT_FOUND)
        for quote, span in zip(data["quotes"], fact.evidence, strict=True):
            sentence = text[quote["sentence"]["start"] : quote["sentence"]["end"]]
            marked = quote["marked"]
            assert f"[[{span.text}]]" in marked
            assert marked.replace("[[", "", 1).replace("]]", "", 1) == sentence
            holder = DS.article.sentence_at(span.start)
            if holder is not None:
                assert sentence.startswith(holder.text)
    code, out, _ = _run(capsys, "quote", "meeting-abbas-putin-2018")
    assert code == EXIT_OK
    assert (
        "[[Mahmoud Abbas is in Moscow on Monday to meet with Russian President Vladimir Putin]]"
        in out
    )


def test_quote_of_an_unknown_or_enrichment_fact(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "quote", "meeting-abbas-putin")
    assert code == EXIT_NOT_FOUND
    assert "meeting-abbas-putin-2018" in err
    enrichment = next(f for f in FACTS if not f.evidence)
    code, out, _ = _run(capsys, "quote", enrichment.id)
    assert code == EXIT_NOT_FOUND
    assert "no evidence in the article" in out


def test_errors_lists_the_articles_errors(capsys: pytest.CaptureFixture[str]) -> None:
    wrong = [f for f in FACTS if f.verdict is not None and f.verdict.rating in ERROR_RATINGS]
    data = _json(capsys, "errors")
    assert sorted(_ids(data)) == sorted(f.id for f in wrong)
    code, out, _ = _run(capsys, "errors")
    assert code == EXIT_OK
    for fact in wrong:
        assert fact.verdict is not None
        assert f"[{fact.verdict.rating.value}] {fact.id}:" in out
        assert fact.verdict.note in out
        for span in fact.evidence:
            assert f"evidence: “{span.text}”" in out


def test_export_and_its_exit_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    data = _json(capsys, "export", "--format", "json", "--out", str(out))
    assert data["files"] == sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert newsfacts.load_path(out).id == DS.id
    code, _, err = _run(capsys, "export", "--format", "jsonl", "--out", str(out))
    assert code == EXIT_OUTPUT
    assert "--force" in err
    code, _, _ = _run(capsys, "export", "--format", "jsonl", "--out", str(out), "--force")
    assert code == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == [".newsfacts-export", "dataset.jsonl"]
    monkeypatch.setitem(sys.modules, "rdflib", None)
    code, _, err = _run(capsys, "export", "--format", "turtle", "--out", str(tmp_path / "ttl"))
    assert code == EXIT_OUTPUT
    assert "newsfacts[rdf]" in err
    assert not (tmp_path / "ttl").exists()


REVIEWS = "https://example.org/fact-checks/abbas-putin-2018"


def _reviews(folder: Path) -> list[dict[str, Any]]:
    reviews: list[dict[str, Any]] = json.loads(
        (folder / CLAIMREVIEW_FILE).read_text(encoding="utf-8")
    )
    return reviews


def test_claimreview_export_with_its_page_and_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = ["export", "--format", "claimreview", "--out", str(tmp_path / "cr")]
    dated = [*argv, "--review-url", REVIEWS, "--date-published", "2018-02-14"]
    assert _json(capsys, *dated)["files"] == [CLAIMREVIEW_FILE]
    reviews = _reviews(tmp_path / "cr")
    day = datetime.date(2018, 2, 14)
    assert reviews == claimreviews(DS, review_url=REVIEWS, date_published=day)
    assert reviews
    for review in reviews:
        assert review["url"] == f"{REVIEWS}#{review['identifier']}"
        assert review["datePublished"] == "2018-02-14"
    # Without them the file is what it was: neither key.
    plain = ["export", "--format", "claimreview", "--out", str(tmp_path / "plain")]
    assert _run(capsys, *plain)[0] == EXIT_OK
    assert _reviews(tmp_path / "plain") == claimreviews(DS)
    assert not any("url" in review or "datePublished" in review for review in claimreviews(DS))


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--review-url", "example.org/fact-checks"),
        ("--review-url", "https://example.org/fact checks"),
        ("--review-url", f"{REVIEWS}#top"),
        ("--review-url", ""),
        ("--date-published", "14 February 2018"),
        ("--date-published", "2018-02-30"),
        ("--date-published", "2018-2-14"),
        ("--date-published", "20180214"),
        ("--date-published", "2018-W07-3"),
    ],
)
def test_claimreview_refuses_a_bad_page_or_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str, value: str
) -> None:
    out = tmp_path / "cr"
    argv = ["export", "--format", "claimreview", "--out", str(out), option, value]
    code, stdout, err = _run(capsys, *argv)
    assert (code, stdout) == (EXIT_USAGE, "")
    assert err.startswith(f"newsfacts: {option} must ")
    assert err.count("\n") == 1
    assert not out.exists()
    code, stdout, _ = _run(capsys, *argv, "--json")
    assert code == EXIT_USAGE
    assert json.loads(stdout)["error"]["message"].startswith(f"{option} must ")


@pytest.mark.parametrize("format", [f for f in FORMATS if f != "claimreview"])
def test_the_review_options_belong_to_claimreview_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, format: str
) -> None:
    out = tmp_path / "out"
    page, day = ["--review-url", REVIEWS], ["--date-published", "2018-02-14"]
    for given, said in (
        (page, "--review-url applies"),
        (day, "--date-published applies"),
        ([*day, *page], "--review-url and --date-published apply"),
    ):
        code, _, err = _run(capsys, "export", "--format", format, "--out", str(out), *given)
        assert code == EXIT_USAGE
        assert err == f"newsfacts: {said} to --format claimreview only, not to --format {format}\n"
        assert not out.exists()


def test_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "check")
    assert (code, out.strip()) == (EXIT_OK, f"{DS.id}: consistent, no problems")
    folder = to_json(tiny_dataset(), tmp_path / "tiny")
    assert _json(capsys, "check", str(folder)) == {"dataset": "tiny", "problems": [], "columns": []}
    # Break a reference: check lists the problem and exits 1; loading refuses the folder.
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    events = json.loads((broken / "events.json").read_text(encoding="utf-8"))
    events[0]["place"] = "atlantis"
    (broken / "events.json").write_text(json.dumps(events), encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(broken))
    assert code == EXIT_NOT_FOUND
    assert "atlantis" in out
    assert "[unresolved-reference]" in out
    code, out, _ = _run(capsys, "check", str(broken), "--json")
    problems = json.loads(out)["problems"]
    assert {p["code"] for p in problems} == {"unresolved-reference"}
    assert problems[0]["file"] == "events.json"
    code, _, err = _run(capsys, "summary", "--path", str(broken))
    assert code == EXIT_DATA
    assert "atlantis" in err


def test_bad_paths_and_datasets(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    for argv in (["check", missing], ["summary", "--path", missing], ["errors", "--path", missing]):
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (EXIT_DATA, "")
        assert err.startswith("newsfacts: ")
        assert "missing" in err
    (tmp_path / "empty").mkdir()
    code, _, err = _run(capsys, "check", str(tmp_path / "empty"))
    assert code == EXIT_DATA
    assert "dataset.json" in err
    code, _, err = _run(capsys, "summary", "--dataset", "no-such-dataset")
    assert code == EXIT_NOT_FOUND
    assert DS.id in err


def test_a_dataset_of_ones_own(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = str(to_json(tiny_dataset(), tmp_path / "tiny"))
    data = _json(capsys, "facts", "--path", folder, "--verdict", "false")
    assert _ids(data) == ["gaza-part-of-egypt"]
    code, out, _ = _run(capsys, "quote", "meeting-putin-abbas", "--path", folder)
    assert code == EXIT_OK
    assert "=[[Putin met Abbas in Moscow on Monday]]." in out


# --- the command line under real conditions --------------------------------------


def _c_locale() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    return {**env, "LC_ALL": "C", "PYTHONUTF8": "0"}


@pytest.mark.parametrize("argv", [["errors"], ["facts"], ["summary"], ["entity", "abbas"]])
def test_a_c_locale_gets_escapes_not_a_crash(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts", *argv], capture_output=True, env=_c_locale()
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode("ascii")  # escapes, never a byte the locale cannot show
    as_json = subprocess.run(
        [sys.executable, "-m", "newsfacts", *argv, "--json"], capture_output=True, env=_c_locale()
    )
    assert as_json.returncode == EXIT_OK, as_json.stderr
    # ASCII-safe JSON: the same data as in UTF-8.
    assert json.loads(as_json.stdout.decode("ascii")) == json.loads(
        subprocess.run(
            [sys.executable, "-m", "newsfacts", *argv, "--json"], capture_output=True, check=True
        ).stdout.decode("utf-8")
    )


def test_an_unexpected_error_has_its_own_exit_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfacts import cli

    def broken(*args: object) -> int:
        raise AssertionError("a bug\nwith a second line")

    monkeypatch.setattr(cli, "_summary", broken)
    code, out, err = _run(capsys, "summary")
    assert code == cli.EXIT_INTERNAL
    assert code not in (EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_DATA, EXIT_OUTPUT)
    assert err.count("\n") == 1
    assert "AssertionError: a bug" in err
    assert out == ""


def test_json_errors_are_json_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "entity", "atlantis", "--json")
    assert code == EXIT_NOT_FOUND
    error = json.loads(out)["error"]
    assert error["type"] == "NotFoundError"
    assert error["exit_code"] == EXIT_NOT_FOUND
    assert error["message"] in err


def test_options_before_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _run(capsys, "--json", "summary")[1] == _run(capsys, "summary", "--json")[1]
    folder = to_json(tiny_dataset(), tmp_path / "tiny")
    code, out, _ = _run(capsys, "--path", str(folder), "--json", "summary")
    assert code == EXIT_OK
    assert json.loads(out)["id"] == "tiny"


def test_verdict_in_any_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "facts", "--verdict", "FALSE") == _json(
        capsys, "facts", "--verdict", "false"
    )


def test_check_names_its_folder_one_way(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = str(to_json(tiny_dataset(), tmp_path / "tiny"))
    assert _json(capsys, "check", folder) == _json(capsys, "check", "--path", folder)
    code, _, err = _run(capsys, "check", folder, "--path", folder)
    assert code == EXIT_USAGE
    assert "not both" in err


def test_summary_counts_facts_without_a_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = _json(capsys, "summary")["verdicts"]
    assert sum(verdicts.values()) == len(FACTS)
    assert verdicts.get("no verdict", 0) == sum(1 for f in FACTS if f.verdict is None)


def test_messages_are_plain_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from newsfacts.cli import _plural

    assert _plural(1, "event") == "1 event"
    assert _plural(2, "event") == "2 events"
    assert _plural(0, "problem") == "0 problems"
    out = tmp_path / "out"
    _run(capsys, "export", "--format", "json", "--out", str(out))
    code, _, err = _run(capsys, "export", "--format", "json", "--out", str(out))
    assert code == EXIT_OUTPUT
    assert "pass --force" in err
    assert "force=True" not in err


def test_timeline_by_record_with_a_record_date_and_no_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import attrs

    event = next(e for e in DS.events if e.record_time is not None)
    changed = attrs.evolve(event, time=None)
    ds = newsfacts.Dataset(
        DS.metadata,
        DS.article,
        DS.entities,
        [changed if e is event else e for e in DS.events],
        DS.statements,
        DS.mentions,
        DS.sources,
    )
    folder = to_json(ds, tmp_path / "data")
    rows = _json(capsys, "timeline", "--record", "--path", str(folder))
    row = next(r for r in rows if r["id"] == event.id)
    assert row["expression"] is None
    assert event.record_time is not None
    assert row["edtf"] == event.record_time.edtf


def test_show_any_record(capsys: pytest.CaptureFixture[str]) -> None:
    for event in DS.events:
        data = _json(capsys, "show", event.id)
        assert (data["type"], data["id"]) == ("event", event.id)
        code, out, _ = _run(capsys, "show", event.id)
        assert code == EXIT_OK
        for participant in event.participants:
            assert participant.entity in out
        if event.record_time is not None:
            assert f"record date: {event.record_time.edtf}" in out
    for statement in DS.statements:
        assert _json(capsys, "show", statement.id)["id"] == statement.id
    for source in DS.sources:
        assert _json(capsys, "show", source.id)["id"] == source.id
    war = DS.events.lookup("Six-Day War")
    assert _json(capsys, "show", "six day war")["id"] == war.id
    assert _json(capsys, "show", "Abbas")["entity"]["id"] == "mahmoud-abbas"
    assert _run(capsys, "show", "atlantis")[0] == EXIT_NOT_FOUND


def test_search(capsys: pytest.CaptureFixture[str]) -> None:
    found = _json(capsys, "search", "putn")
    assert found[0]["id"] == DS.entities.search("putn")[0].record.id
    assert [m["score"] for m in found] == sorted((m["score"] for m in found), reverse=True)
    assert _json(capsys, "search", "six day war")[0]["id"] == DS.events.lookup("six day war").id
    assert len(_json(capsys, "search", "a", "--limit", "2")) <= 2
    assert _run(capsys, "search", "zzzzqqqq")[0] == EXIT_NOT_FOUND
    assert _run(capsys, "search", "x", "--limit", "0")[0] == EXIT_USAGE
