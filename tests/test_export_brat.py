"""brat standoff, read back by the format's documented grammar.

brat's standoff format (brat documentation, "Standoff format"): one
annotation a line, the id's letter saying what it is: ``T`` text-bound
(``T1<TAB>Type START END[;START END]…<TAB>text``), ``E`` event
(``E1<TAB>Type:T… Role:T…``), ``R`` relation (``R1<TAB>Type Arg1:T… Arg2:T…``),
``A`` attribute (``A1<TAB>Name ID [Value]``) and ``#`` note
(``#1<TAB>AnnotatorNotes ID<TAB>text``). Offsets count characters of the
text file (code points).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset
from newsfacts.export import BRAT_ANN, BRAT_CONF, BRAT_TEXT, MARKER, export
from newsfacts.export._brat import brat_label
from newsfacts.export._targets import mention_targets

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])

LABEL = r"[A-Za-z][A-Za-z0-9_]*"
T_LINE = re.compile(rf"(T[0-9]+)\t({LABEL}) ([0-9]+ [0-9]+(?:;[0-9]+ [0-9]+)*)\t([^\t\n]*)")
E_LINE = re.compile(rf"(E[0-9]+)\t({LABEL}):(T[0-9]+)((?: {LABEL}:[TE][0-9]+)*)")
R_LINE = re.compile(rf"(R[0-9]+)\t({LABEL}) Arg1:([TE][0-9]+) Arg2:([TE][0-9]+)")
A_LINE = re.compile(rf"(A[0-9]+)\t({LABEL}) ([TER][0-9]+)(?: ({LABEL}))?")
NOTE_LINE = re.compile(r"(#[0-9]+)\tAnnotatorNotes ([TER][0-9]+)\t([^\t\n]+)")


class Standoff:
    """The annotations of one .ann file, read by the grammar above."""

    def __init__(self, ann: str, text: str) -> None:
        self.text = text
        self.textbound: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
        self.events: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
        self.relations: dict[str, tuple[str, str, str]] = {}
        self.attributes: list[tuple[str, str, str | None]] = []
        self.notes: dict[str, list[str]] = {}
        assert ann.endswith("\n")
        for line in ann[:-1].split("\n"):
            if m := T_LINE.fullmatch(line):
                pieces = [(int(a), int(b)) for a, b in (f.split(" ") for f in m[3].split(";"))]
                self.textbound[m[1]] = (m[2], pieces, m[4])
            elif m := E_LINE.fullmatch(line):
                args = [(role, ref) for role, ref in (arg.split(":") for arg in m[4].split())]
                self.events[m[1]] = (m[2], m[3], args)
            elif m := R_LINE.fullmatch(line):
                self.relations[m[1]] = (m[2], m[3], m[4])
            elif m := A_LINE.fullmatch(line):
                self.attributes.append((m[2], m[3], m[4]))
            elif m := NOTE_LINE.fullmatch(line):
                self.notes.setdefault(m[2], []).append(m[3])
            else:
                raise AssertionError(f"not a standoff line: {line!r}")

    def ids(self) -> set[str]:
        return {*self.textbound, *self.events, *self.relations}


def _conf(text: str) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = {}
        else:
            name, _, rest = line.partition("\t")
            sections[current][name] = rest
    return sections


def _read(dataset: Dataset, tmp_path: Path) -> tuple[Standoff, dict[str, dict[str, str]], Path]:
    out = export(dataset, "brat", tmp_path / "brat")
    assert sorted(p.name for p in out.iterdir()) == sorted([BRAT_TEXT, BRAT_ANN, BRAT_CONF, MARKER])
    text = (out / BRAT_TEXT).read_bytes().decode("utf-8")
    ann = Standoff((out / BRAT_ANN).read_text(encoding="utf-8"), text)
    return ann, _conf((out / BRAT_CONF).read_text(encoding="utf-8")), out


@DATASETS
def test_text_is_the_article_and_every_offset_slices_its_words(
    dataset: Dataset, tmp_path: Path
) -> None:
    ann, _, out = _read(dataset, tmp_path)
    assert (out / BRAT_TEXT).read_bytes() == dataset.article.text.encode("utf-8")
    for _type, pieces, words in ann.textbound.values():
        assert words == " ".join(ann.text[start:end] for start, end in pieces)
        assert all("\n" not in ann.text[start:end] for start, end in pieces)


@DATASETS
def test_every_mention_and_fact_comes_back(dataset: Dataset, tmp_path: Path) -> None:
    ann, conf, _ = _read(dataset, tmp_path)
    spans = {(type_, pieces[0][0], pieces[-1][1]) for type_, pieces, _ in ann.textbound.values()}
    for mention in dataset.mentions:
        for target in mention_targets(mention):
            entity = dataset.entities.get(target)
            if entity is not None:
                kind = brat_label(entity.kind.value)
                assert (kind, mention.span.start, mention.span.end) in spans
                assert kind in conf["entities"]
    triggers = {ann.textbound[trigger][0] for _, trigger, _ in ann.events.values()}
    for event in dataset.events:
        if event.evidence:
            assert brat_label(event.kind.value) in triggers
    for type_, trigger, args in ann.events.values():
        assert ann.textbound[trigger][0] == type_
        assert type_ in conf["events"]
        assert all(ref in ann.ids() for _, ref in args)
    assert conf["relations"]["<OVERLAP>"] == "Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"
    for type_, arg1, arg2 in ann.relations.values():
        assert type_ in conf["relations"]
        assert {arg1, arg2} <= ann.ids()
    for name, ref, _value in ann.attributes:
        assert name in conf["attributes"]
        assert ref in ann.ids()
    assert set(ann.notes) <= ann.ids()
    # Every rated event with evidence has its verdict in a note on its E line.
    by_trigger: dict[tuple[str, int], list[str]] = {}
    for eid, (type_, trigger, _) in ann.events.items():
        by_trigger.setdefault((type_, ann.textbound[trigger][1][0][0]), []).append(eid)
    for event in dataset.events:
        if event.verdict is None or not event.evidence:
            continue
        # Events with the same kind and first words are told apart by their notes.
        eids = by_trigger[(brat_label(event.kind.value), event.evidence[0].start)]
        note = f"verdict: {event.verdict.rating.value}"
        if event.verdict.note:
            note += f" — {' '.join(event.verdict.note.split())}"
        assert any(note in ann.notes.get(eid, []) for eid in eids)


def test_non_ascii_and_no_break_spaces_keep_their_offsets(tmp_path: Path) -> None:
    ann, _, _ = _read(DS, tmp_path)
    odd = [
        (pieces, words)
        for _, pieces, words in ann.textbound.values()
        if "\u00a0" in words or any(ord(c) > 127 for c in words)
    ]
    assert odd, "the built-in article has mentions with no-break spaces and curly quotes"
    for pieces, words in odd:
        assert words == " ".join(ann.text[s:e] for s, e in pieces)


def test_a_known_event_has_its_roles() -> None:
    from newsfacts.export._brat import _Writer

    ann = Standoff(_Writer(DS).build()[0], DS.article.text)
    meeting = DS.events["meeting-abbas-putin-2018"]
    trigger_span = meeting.evidence[0]
    (event,) = [
        e
        for e in ann.events.values()
        if ann.textbound[e[1]][1][0][0] == trigger_span.start and e[0] == "Meeting"
    ]
    roles = {role.rstrip("0123456789"): ann.textbound[ref][2] for role, ref in event[2]}
    assert roles["Host"] == "Vladimir Putin"
    assert roles["Attendee"] == "Mahmoud Abbas"
