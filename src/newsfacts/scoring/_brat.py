"""System output in brat standoff: mentions and events (a ``.ann`` file, its ``.txt`` beside it).

What is read (brat's standoff format, https://brat.nlplab.org/standoff.html):

- ``T`` text-bound annotations: each is a mention, unless an event uses it as
  its trigger; a discontinuous one (``0 5;9 14``) is taken from its first
  start to its last end;
- ``N`` normalizations (``N1<TAB>Reference T1 Wikidata:Q649``): what a
  mention refers to; a ``Wikidata`` reference is a QID, any other database's
  an id of the gold dataset;
- ``A`` attributes named ``Metonymy`` or ``Metonymic``: the mention is a metonymy;
- ``E`` events (``E1<TAB>Meeting:T3 Attendee:T1 Place:T2``): the type is an
  event kind (``Funding_cut`` or ``Funding-cut`` for ``funding_cut``), the
  trigger's span the evidence, ``Place`` the place, other argument names
  roles (a trailing number, ``Attendee2``, is dropped); an argument is the
  entity its annotation is normalised to.

Other lines (relations, ``#`` notes and comments) are ignored. Offsets are
ASCII digits. An ``N`` or ``A`` line, or an event's trigger or argument, that
points at no ``T`` or ``E`` annotation of the file is an error, as is a
normalization without a reference. Triggers are short, so brat events align
with gold events in ``relaxed`` matching.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from newsfacts.dataset import Dataset
from newsfacts.model import Span
from newsfacts.vocabulary import EventKind, Role

from ._items import UNRESOLVED, EventItem, MentionItem, Resolver, View

__all__ = ["read_brat"]

_ROLES = {role.value for role in Role}
_KINDS = {kind.value for kind in EventKind}
# ASCII digits only: ``\d`` would also take Arabic-Indic digits (and int() reads them).
_TEXT_BOUND = re.compile(r"\S+ [0-9]+ [0-9]+(?:;[0-9]+ [0-9]+)*")
_OFFSET = re.compile(r"[0-9]+")
_ORDINAL = re.compile(r"[0-9]+$")


def read_brat(file: Path, gold: Dataset, resolver: Resolver) -> View:
    """The mentions and events of a brat ``.ann`` file, checked against ``gold``'s text.

    Raises :class:`ScoreError` for a missing or different text (its SHA-256 is
    not gold's) and for a line that cannot be read (with its line number).
    """
    from . import ScoreError

    text_file = file.with_suffix(".txt")
    try:
        text = text_file.read_bytes()
        annotations = file.read_text("utf-8")
    except OSError as error:
        raise ScoreError(
            f"cannot read: {error.strerror or error}", file=str(error.filename or file)
        ) from None
    except UnicodeDecodeError as error:
        raise ScoreError(f"not UTF-8: byte {error.start}", file=str(file)) from None
    digest = hashlib.sha256(text).hexdigest()
    if digest != gold.article.sha256:
        raise ScoreError(
            f"the system's article is another text: its SHA-256 is {digest}, "
            f"gold's {gold.article.sha256} ({gold.id})",
            file=str(text_file),
        )
    article = gold.article.text

    def fail(message: str, line: int) -> Exception:
        return ScoreError(message, file=str(file), path=f"line {line}")

    def offset(digits: str, line: int) -> int:
        # More digits than the article's length has is past its end; int() of
        # thousands of digits would raise a ValueError of its own.
        value = digits.lstrip("0") or "0"
        if len(value) > len(str(len(article))):
            shown = digits if len(digits) <= 24 else digits[:23] + "…"
            raise fail(
                f"offset {shown} is not within the article's {len(article)} code points", line
            )
        return int(value)

    spans: dict[str, Span] = {}
    references: dict[str, set[str]] = {}
    metonymic: set[str] = set()
    events: list[tuple[int, str, list[str]]] = []
    # (line, what points, the annotation it points at), checked once every line is read.
    pointers: list[tuple[int, str, str]] = []
    for number, line in enumerate(annotations.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        ident = fields[0]
        body = fields[1].split() if len(fields) > 1 else []
        if ident.startswith("T"):
            if _TEXT_BOUND.fullmatch(fields[1] if len(fields) > 1 else "") is None:
                raise fail(f"not a text-bound annotation: {line[:80]!r}", number)
            numbers = [offset(n, number) for n in _OFFSET.findall(fields[1].split(" ", 1)[1])]
            start, end = numbers[0], numbers[-1]
            if not start <= end <= len(article):
                raise fail(f"span [{start}, {end}) is not within the article", number)
            spans[ident] = Span(start, end, article[start:end])
        elif ident.startswith("N"):
            if len(body) < 3:
                raise fail(f"not a normalization: {line[:80]!r}", number)
            target, reference = body[1], body[2]
            pointers.append((number, "normalization", target))
            database, _, value = reference.partition(":")
            references.setdefault(target, set()).add(value if value else database)
        elif ident.startswith("A"):
            if len(body) < 2:
                raise fail(f"not an attribute of an annotation: {line[:80]!r}", number)
            pointers.append((number, "attribute", body[1]))
            if body[0].lower() in ("metonymy", "metonymic"):
                metonymic.add(body[1])
        elif ident.startswith("E"):
            if not body:
                raise fail(f"not an event: {line[:80]!r}", number)
            events.append((number, ident, body))

    annotated = spans.keys() | {ident for _, ident, _ in events}
    for number, what, target in pointers:
        if target not in annotated:
            raise fail(
                f"{what} target {target!r} is not a text-bound annotation or an event", number
            )

    def keys(annotation: str) -> frozenset[str]:
        return frozenset(resolver.entity(ref) for ref in sorted(references.get(annotation, ())))

    triggers: set[str] = set()
    event_items: list[EventItem] = []
    for number, ident, body in events:
        kind_name, _, trigger = body[0].partition(":")
        kind = kind_name.lower().replace("-", "_")
        if kind not in _KINDS:
            raise fail(f"unknown event kind {kind_name!r}", number)
        if trigger not in spans:
            raise fail(f"trigger {trigger!r} is not a text-bound annotation", number)
        triggers.add(trigger)
        participants: set[tuple[str, str]] = set()
        place = None
        for argument in body[1:]:
            role_name, _, target = argument.partition(":")
            if target not in annotated:
                raise fail(
                    f"argument {argument!r}: {target!r} is not a text-bound annotation or an event",
                    number,
                )
            role = _ORDINAL.sub("", role_name).lower()
            entity = sorted(keys(target)) or [UNRESOLVED + target]
            if role == "place":
                place = entity[0]
            elif role in _ROLES:
                participants.update((e, role) for e in entity)
            else:
                raise fail(f"unknown role {role_name!r}", number)
        event_items.append(
            EventItem(
                label=f"{ident} (line {number})",
                evidence=(spans[trigger],),
                kind=kind,
                participants=frozenset(participants),
                place=place,
                time=None,
                timex=None,
                status="happened",
                cameo=None,
                plover=None,
                claimants=frozenset(),
                modality="asserted",
                rating=None,
                ref=f"\x00brat:{ident}",
            )
        )
    mentions = tuple(
        MentionItem(
            span,
            keys(ident),
            ident in metonymic,
            None,
            "unknown",
            f"{ident} {span.text!r} at {span.start}",
        )
        for ident, span in spans.items()
        if ident not in triggers
    )
    return View(gold.article.sha256, mentions, tuple(event_items), ())
