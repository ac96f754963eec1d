"""brat standoff: the article's text, its annotations, and the configuration that declares them.

Three files, which brat and INCEpTION open as a document of a collection:

``article.txt``
    the text, byte for byte;
``article.ann``
    the annotations, one a line, tab-separated (brat's standoff format):

    - ``T`` text-bound annotations: each mention, typed by what it refers
      to (``Person``, ``State`` …; one line per target), and each event's
      trigger, the first span of its evidence, typed by the event's kind
      (``Meeting``). Offsets are code points, as brat counts them; a span
      that crosses a line break is split into fragments (``0 5;6 9``);
    - ``E`` events: the trigger and each participant in its role
      (``Meeting:T7 Host:T2 Attendee:T3``; a repeated role is numbered,
      ``Attendee2``), each participant by a mention of it in the evidence,
      else its first mention anywhere, else left out;
    - ``R`` relations: each statement whose subject and object both have an
      annotation, ``Capital_of Arg1:T4 Arg2:T9``;
    - ``A`` attributes: ``Metonymy`` on a mention, ``Negated`` on a
      relation, ``Modality`` (a value other than asserted) on an event or
      relation;
    - ``#`` notes (``AnnotatorNotes``): each fact's verdict and note, and a
      mention's note;

``annotation.conf``
    the entity, relation, event and attribute types used, with their
    arguments, and an ``<OVERLAP>`` rule that lets annotations nest and
    cross (mentions do), so that the folder opens as it is.

Type names are brat labels: letters, digits and underscores, capitalised
(``government_body`` → ``Government_body``). Facts from the public record
alone have no words in the text and so no annotation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfacts.dataset import Dataset
from newsfacts.model import Event, Span, Statement
from newsfacts.vocabulary import Modality

from ._targets import mention_targets

__all__ = ["BRAT_ANN", "BRAT_CONF", "BRAT_TEXT", "brat_label", "write_brat"]

BRAT_TEXT = "article.txt"
BRAT_ANN = "article.ann"
BRAT_CONF = "annotation.conf"


def brat_label(value: str) -> str:
    """A vocabulary value as a brat type or role name: ``government_body`` → ``Government_body``."""
    return value[:1].upper() + value[1:]


def _fragments(span: Span) -> str:
    # brat's text-bound annotations hold no line break: split the span at each one.
    pieces: list[str] = []
    start = span.start
    for line in span.text.split("\n"):
        if line:
            pieces.append(f"{start} {start + len(line)}")
        start += len(line) + 1
    return ";".join(pieces)


def _flat(text: str) -> str:
    # A note or annotation text lives on one line of the .ann file.
    return " ".join(text.split())


class _Writer:
    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.lines: list[str] = []
        self.counts = {"T": 0, "E": 0, "R": 0, "A": 0, "#": 0}
        self.entity_types: set[str] = set()
        self.event_types: dict[str, set[str]] = {}
        self.relation_types: set[str] = set()
        self.attributes: dict[str, set[str]] = {}
        # id of an entity or event → its text-bound annotations, with their spans
        self.annotations: dict[str, list[tuple[str, Span]]] = {}
        self.triggers: dict[str, str] = {}

    def next(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def textbound(self, type_: str, span: Span) -> str | None:
        fragments = _fragments(span)
        if not fragments:
            return None
        tid = self.next("T")
        words = " ".join(part for part in span.text.split("\n") if part)
        self.lines.append(f"{tid}\t{type_} {fragments}\t{words}")
        return tid

    def note(self, target: str, text: str) -> None:
        text = _flat(text)
        if text:
            self.lines.append(f"{self.next('#')}\tAnnotatorNotes {target}\t{text}")

    def attribute(self, name: str, target: str, value: str | None = None) -> None:
        self.attributes.setdefault(name, set())
        if value is not None:
            self.attributes[name].add(value)
        suffix = "" if value is None else f" {value}"
        self.lines.append(f"{self.next('A')}\t{name} {target}{suffix}")

    def kind_of(self, id: str) -> str | None:
        entity = self.dataset.entities.get(id)
        if entity is not None:
            return brat_label(entity.kind.value)
        return None

    def mentions(self) -> None:
        for mention in self.dataset.mentions:
            for target in mention_targets(mention):
                type_ = self.kind_of(target)
                if type_ is None:
                    continue  # a mention of an event: its trigger stands for it
                tid = self.textbound(type_, mention.span)
                if tid is None:
                    continue
                self.entity_types.add(type_)
                self.annotations.setdefault(target, []).append((tid, mention.span))
                if mention.metonymy:
                    self.attribute("Metonymy", tid)
                if mention.note:
                    self.note(tid, mention.note)

    def pick(self, id: str, within: Iterable[Span]) -> str | None:
        found = self.annotations.get(id, [])
        spans = tuple(within)
        for tid, span in found:
            if any(outer.covers(span) for outer in spans):
                return tid
        return found[0][0] if found else self.triggers.get(id)

    def fact_notes(self, target: str, fact: Event | Statement) -> None:
        if fact.modality is not Modality.ASSERTED:
            self.attribute("Modality", target, brat_label(fact.modality.value))
        if fact.verdict is not None:
            note = f"verdict: {fact.verdict.rating.value}"
            if fact.verdict.note:
                note += f" — {fact.verdict.note}"
            self.note(target, note)

    def events(self) -> None:
        for event in self.dataset.events:
            if not event.evidence:
                continue
            type_ = brat_label(event.kind.value)
            tid = self.textbound(type_, event.evidence[0])
            if tid is None:
                continue
            self.triggers[event.id] = tid
            roles = self.event_types.setdefault(type_, set())
            arguments = [f"{type_}:{tid}"]
            used: dict[str, int] = {}
            for participant in event.participants:
                argument = self.pick(participant.entity, event.evidence)
                if argument is None:
                    continue
                role = brat_label(participant.role.value)
                roles.add(role)
                used[role] = used.get(role, 0) + 1
                label = role if used[role] == 1 else f"{role}{used[role]}"
                arguments.append(f"{label}:{argument}")
            eid = self.next("E")
            self.lines.append(f"{eid}\t{' '.join(arguments)}")
            self.fact_notes(eid, event)

    def statements(self) -> None:
        for statement in self.dataset.statements:
            if statement.object_id is None:
                continue
            subject = self.pick(statement.subject, statement.evidence)
            obj = self.pick(statement.object_id, statement.evidence)
            if subject is None or obj is None:
                continue
            type_ = brat_label(statement.predicate.value)
            self.relation_types.add(type_)
            rid = self.next("R")
            self.lines.append(f"{rid}\t{type_} Arg1:{subject} Arg2:{obj}")
            if statement.negated:
                self.attribute("Negated", rid)
            self.fact_notes(rid, statement)

    def conf(self) -> Iterator[str]:
        entity_types = sorted(self.entity_types)
        yield "[entities]"
        yield from entity_types
        yield ""
        yield "[relations]"
        # Mentions nest and cross (a trigger over a mention, "Palestinian
        # Authority" inside "Palestinian Authority President"): allow any overlap.
        yield "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"
        for type_ in sorted(self.relation_types):
            yield f"{type_}\tArg1:<ANY>, Arg2:<ANY>"
        yield ""
        yield "[events]"
        for type_, roles in sorted(self.event_types.items()):
            arguments = ", ".join(f"{role}*:<ENTITY>" for role in sorted(roles))
            yield f"{type_}\t{arguments}" if arguments else type_
        yield ""
        yield "[attributes]"
        for name, values in sorted(self.attributes.items()):
            target = {
                "Metonymy": "<ENTITY>",
                "Negated": "<RELATION>",
                "Modality": "<EVENT>|<RELATION>",
            }[name]
            suffix = f", Value:{'|'.join(sorted(values))}" if values else ""
            yield f"{name}\tArg:{target}{suffix}"

    def build(self) -> tuple[str, str]:
        self.mentions()
        self.events()
        self.statements()
        ann = "".join(line + "\n" for line in self.lines)
        return ann, "".join(line + "\n" for line in self.conf())


def write_brat(dataset: Dataset, folder: Path) -> None:
    """``article.txt``, ``article.ann`` and ``annotation.conf``: the dataset in brat standoff."""
    ann, conf = _Writer(dataset).build()
    # newline="" keeps the text's own line ends: the offsets count them.
    (folder / BRAT_TEXT).write_text(dataset.article.text, encoding="utf-8", newline="")
    (folder / BRAT_ANN).write_text(ann, encoding="utf-8", newline="\n")
    (folder / BRAT_CONF).write_text(conf, encoding="utf-8", newline="\n")
