"""The ``newsfacts`` command: what a dataset holds, from the shell.

    newsfacts summary                      # the built-in dataset, in a few lines
    newsfacts entity putin                 # one entity, and what involves it
    newsfacts facts --about abbas --verdict false
    newsfacts timeline --record            # events in time order, by the record's dates
    newsfacts quote meeting-abbas-putin-2018   # the evidence, [[marked]] in its sentence
    newsfacts errors                       # the article's errors, with evidence and notes
    newsfacts export --format csv --out facts-csv
    newsfacts export --format claimreview --out reviews --review-url URL --date-published DATE
    newsfacts check path/to/dataset        # every consistency problem
    newsfacts show six-day-war             # any record, by id or name
    newsfacts search putn                  # ranked matches among entities and events
    newsfacts score GOLD SYSTEM --details  # a system's output against gold, layer by layer
    newsfacts new article.txt --id my-article   # start a source for an article of your own
    newsfacts build my-article --out my-dataset # build a source into a dataset folder
    newsfacts build SOURCE --check DIR     # is DIR byte for byte what SOURCE builds?
    newsfacts columns DIR                  # write DIR's columnar files, which load faster
    newsfacts columns DIR --check          # is each one there and current?
    newsfacts source --out SOURCE          # write a dataset as an editable source
    newsfacts --version

Every command reads the default built-in dataset, another one with
``--dataset ID``, or a folder of one's own with ``--path DIR``; ``--json``
prints JSON for machines instead of text for people. These options go before
or after the command. Errors go to standard error as one line starting
``newsfacts:``; with ``--json`` they are also printed to standard output as
``{"error": {"type": ..., "message": ..., "exit_code": ...}}``.

Output that the terminal's encoding cannot show (a C locale, say) is written
with backslash escapes rather than failing; ``--json`` output is then ASCII.

Exit codes:

0
    success;
1
    the answer is "nothing found" or "problems found": an unknown name or id
    (with close suggestions), no fact matching, a fact with no evidence, a
    dataset that ``check`` finds inconsistent, a folder that ``build
    --check`` finds different from what the source builds, a folder whose
    columnar files ``columns --check`` finds missing, stale or different;
2
    bad usage (argparse's own: an unknown command or option, a bad choice;
    an id for ``new`` that is not a kebab-case slug, or an article that is
    not UTF-8 text; a ``--review-url`` that is not an absolute URL without a
    fragment, a ``--date-published`` that is not a ``YYYY-MM-DD`` date, or
    either with another format than ``claimreview``);
3
    a dataset that cannot be loaded (a bad path, unreadable or invalid data),
    or a source that cannot be built (every problem is listed, each with its
    file, record and field);
4
    an export, dataset or source that cannot be written (the folder exists
    and ``--force`` was not given, a missing optional extra, a file system
    error);
5
    an unexpected error (a bug): one line on standard error, no traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from ._version import __version__
from .codec import to_json
from .dataset import Dataset
from .errors import DatasetError, NewsfactsError, NotFoundError, UnknownIdError
from .loading import DEFAULT_DATASET, load, load_path
from .model import Entity, Event, Literal, Span, Statement
from .vocabulary import Rating

__all__ = [
    "ERROR_RATINGS",
    "EXIT_DATA",
    "EXIT_INTERNAL",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "build_parser",
    "main",
    "mark",
]

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_OUTPUT = 4
EXIT_INTERNAL = 5

ERROR_RATINGS = (Rating.FALSE, Rating.MISLEADING, Rating.SIMPLIFIED)
"""The verdicts that ``newsfacts errors`` lists: where the article departs from the record."""

MARK_OPEN, MARK_CLOSE = "[[", "]]"

_Fact = Event | Statement


class _Output:
    """Where a command writes: text lines for people, or one JSON value for machines."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, lines: Callable[[], Sequence[str]]) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2))
        else:
            text = "\n".join(lines())
            if text:
                print(text)


def _utf8(stream: Any) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    """``"1 event"``, ``"2 events"``: counts in plain words."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _dataset(args: argparse.Namespace) -> Dataset:
    if args.path is not None:
        return load_path(args.path)
    return load(args.dataset if args.dataset is not None else DEFAULT_DATASET)


def _name(ds: Dataset, ref: str | Literal) -> str:
    """A record's name for people: an entity's name, an event's label, a literal's words."""
    if isinstance(ref, Literal):
        return f"“{ref.value}”"
    entity = ds.entities.get(ref)
    if entity is not None:
        return entity.name
    event = ds.events.get(ref)
    return event.label if event is not None else ref


def _describe(ds: Dataset, fact: _Fact) -> str:
    if isinstance(fact, Event):
        when = f" ({fact.time.edtf})" if fact.time is not None else ""
        return f"{fact.label}{when}"
    if fact.label:
        return fact.label
    negated = "not " if fact.negated else ""
    return (
        f"{_name(ds, fact.subject)} {negated}{fact.predicate.info.label} {_name(ds, fact.object)}"
    )


def _rating(fact: _Fact) -> str:
    return fact.verdict.rating.value if fact.verdict is not None else "no verdict"


def _fact_json(ds: Dataset, fact: _Fact) -> dict[str, Any]:
    return {
        "type": "event" if isinstance(fact, Event) else "statement",
        "description": _describe(ds, fact),
        **to_json(fact),
    }


def _fact_line(ds: Dataset, fact: _Fact) -> str:
    return f"{fact.id}  [{_rating(fact)}]  {_describe(ds, fact)}"


def _find_fact(ds: Dataset, id: str) -> _Fact:
    found: _Fact | None = ds.events.get(id) or ds.statements.get(id)
    if found is None:
        close = [m.record.id for m in ds.events.search(id, 3)]
        close += [m.record.id for m in ds.statements.search(id, 3)]
        raise UnknownIdError("event or statement", id, close[:3])
    return found


def _find_target(ds: Dataset, name: str) -> Entity | Event:
    """The entity, else the event, answering to ``name``; the entity's error if neither."""
    try:
        return ds.entities.lookup(name)
    except NotFoundError as error:
        try:
            return ds.events.lookup(name)
        except NotFoundError:
            raise error from None


def mark(text: str, span: Span, within: Span | None = None) -> str:
    """The words of ``within`` (the whole text when ``None``) with ``span`` in ``[[ ]]``."""
    start, end = (within.start, within.end) if within is not None else (0, len(text))
    return (
        f"{text[start : span.start]}{MARK_OPEN}{text[span.start : span.end]}{MARK_CLOSE}"
        f"{text[span.end : end]}"
    )


def _context(ds: Dataset, span: Span) -> Span:
    """The sentence or sentences that hold ``span`` (the span itself outside any)."""
    article = ds.article
    first = article.sentence_at(span.start)
    last = article.sentence_at(max(span.start, span.end - 1))
    start = first.start if first is not None else span.start
    end = last.end if last is not None else span.end
    start, end = min(start, span.start), max(end, span.end)
    return Span(start, end, article.text[start:end])


# --- commands -----------------------------------------------------------------


def _summary(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    article = ds.article
    published = article.published.edtf if article.published is not None else "unknown"
    kinds = Counter(e.kind.value for e in ds.entities)
    ratings = Counter(
        fact.verdict.rating.value if fact.verdict is not None else "no verdict"
        for fact in (*ds.events, *ds.statements)
    )
    timeline = ds.timeline()
    counts = {
        "entities": len(ds.entities),
        "events": len(ds.events),
        "statements": len(ds.statements),
        "mentions": len(ds.mentions),
        "sources": len(ds.sources),
    }

    def lines() -> list[str]:
        lines = [
            f"{ds.metadata.title} ({ds.id})",
            f"article: {article.publisher}, published {published}, "
            f"{_plural(len(article.text), 'code point')}, "
            f"{_plural(len(article.sentences), 'sentence')}",
            f"  {article.url}" if article.url else "",
            "  ".join(f"{key}: {value}" for key, value in counts.items()),
            "entity kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
            "verdicts: " + ", ".join(f"{k} {n}" for k, n in sorted(ratings.items())),
        ]
        # An open start ("have long opposed") says nothing of when the span begins, nor
        # an open end ("still so") of when it ends: the range shown runs between the
        # bounds that the words give.
        starts = [e.time.earliest for e in timeline if e.time is not None and e.time.lower]
        ends = [e.time.latest for e in timeline if e.time is not None and e.time.upper]
        if starts and ends:
            lines.append(
                f"timeline: {_plural(len(timeline), 'dated event')}, {min(starts).isoformat()} to "
                f"{max(ends).isoformat()}"
            )
        return [line for line in lines if line]

    out.emit(
        {
            "id": ds.id,
            "title": ds.metadata.title,
            "article": {
                "id": article.id,
                "publisher": article.publisher,
                "published": article.published.edtf if article.published is not None else None,
                "url": article.url,
                "code_points": len(article.text),
                "sentences": len(article.sentences),
            },
            "counts": counts,
            "entity_kinds": dict(sorted(kinds.items())),
            "verdicts": dict(sorted(ratings.items())),
        },
        lines,
    )
    return EXIT_OK


def _entity(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    entity = ds.entities.lookup(args.name)
    about = ds.about(entity)

    def lines() -> list[str]:
        lines = [str(entity)]
        if entity.aliases:
            lines.append("  also: " + ", ".join(entity.aliases))
        if entity.description:
            lines.append(f"  {entity.description}")
        codes = [
            f"{label}: {value}"
            for label, value in (
                ("wikidata", entity.wikidata),
                ("ISO 3166", "/".join(c for c in (entity.iso_alpha2, entity.iso_alpha3) if c)),
            )
            if value
        ]
        if codes:
            lines.append("  " + "  ".join(codes))
        lines.append(
            f"  {_plural(len(about.events), 'event')}, "
            f"{_plural(len(about.statements), 'statement')}, "
            f"{_plural(len(about.mentions), 'mention')}"
        )
        lines.extend(f"  {_fact_line(ds, fact)}" for fact in about)
        return lines

    out.emit(
        {
            "entity": to_json(entity),
            "events": [event.id for event in about.events],
            "statements": [statement.id for statement in about.statements],
            "mentions": [to_json(mention) for mention in about.mentions],
        },
        lines,
    )
    return EXIT_OK


def _facts(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    facts: Sequence[_Fact] = (*ds.events, *ds.statements)
    if args.about is not None:
        facts = tuple(ds.about(_find_target(ds, args.about)))
    if args.verdict is not None:
        rating = Rating(args.verdict)
        facts = [f for f in facts if f.verdict is not None and f.verdict.rating is rating]
    out.emit(
        [_fact_json(ds, fact) for fact in facts],
        lambda: [_fact_line(ds, fact) for fact in facts],
    )
    if not facts and not out.as_json:
        print("newsfacts: no fact matches", file=sys.stderr)
    return EXIT_OK if facts else EXIT_NOT_FOUND


def _timeline(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    events = ds.timeline(record=args.record)

    def when(event: Event) -> str:
        time = event.record_time if args.record and event.record_time is not None else event.time
        assert time is not None  # the timeline holds dated events only
        return time.edtf

    def row(event: Event) -> dict[str, Any]:
        # With --record an enrichment may be dated by the record alone (no ``time``).
        return {
            "id": event.id,
            "label": event.label,
            "edtf": when(event),
            "expression": event.time.expression if event.time is not None else None,
            "status": event.status.value,
        }

    width = max((len(when(event)) for event in events), default=0)
    out.emit(
        [row(event) for event in events],
        lambda: [f"{when(event):<{width}}  {event.label}  ({event.id})" for event in events],
    )
    return EXIT_OK if events else EXIT_NOT_FOUND


def _quote(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    fact = _find_fact(ds, args.id)
    text = ds.article.text
    quotes = []
    for span in fact.evidence:
        context = _context(ds, span)
        quotes.append(
            {
                "start": span.start,
                "end": span.end,
                "text": span.text,
                "sentence": {"start": context.start, "end": context.end},
                "marked": mark(text, span, context),
            }
        )

    def lines() -> list[str]:
        head = [f"{fact.id}: {_describe(ds, fact)}"]
        if not quotes:
            sources = ", ".join(fact.sources) or "none"
            return [
                *head,
                f"  no evidence in the article ({fact.origin.value}; sources: {sources})",
            ]
        return head + [f"  {q['marked']}" for q in quotes]

    out.emit({"id": fact.id, "quotes": quotes}, lines)
    return EXIT_OK if quotes else EXIT_NOT_FOUND


def _errors(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    facts = [
        fact
        for fact in (*ds.events, *ds.statements)
        if fact.verdict is not None and fact.verdict.rating in ERROR_RATINGS
    ]
    order = {rating: number for number, rating in enumerate(ERROR_RATINGS)}
    facts.sort(key=lambda fact: order[fact.verdict.rating] if fact.verdict else 0)

    def lines() -> list[str]:
        lines = []
        for fact in facts:
            assert fact.verdict is not None
            lines.append(f"[{fact.verdict.rating.value}] {fact.id}: {_describe(ds, fact)}")
            lines.extend(f"  evidence: “{span.text}”" for span in fact.evidence)
            lines.append(f"  note: {fact.verdict.note}")
            if fact.verdict.sources:
                lines.append(f"  sources: {', '.join(fact.verdict.sources)}")
        return lines

    out.emit([_fact_json(ds, fact) for fact in facts], lines)
    return EXIT_OK


_CALENDAR_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _calendar_date(text: str, option: str) -> datetime.date:
    """``text`` as a day, when it is an ISO 8601 calendar date ``YYYY-MM-DD``, else a usage error."""
    try:
        if _CALENDAR_DATE.fullmatch(text) is not None:
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass  # digits in the right places, but no such day: 2018-02-30
    raise _UsageError(
        f"{option} must be a calendar date as YYYY-MM-DD (ISO 8601), got {text[:80]!r}"
    )


def _review_options(args: argparse.Namespace) -> dict[str, Any]:
    """The ClaimReview options given (``review_url``, ``date_published``), checked."""
    from .export import check_review_url

    given = {
        option: value
        for option, value in (
            ("--review-url", args.review_url),
            ("--date-published", args.date_published),
        )
        if value is not None
    }
    if given and args.format != "claimreview":
        verb = "apply" if len(given) > 1 else "applies"
        raise _UsageError(
            f"{' and '.join(given)} {verb} to --format claimreview only, "
            f"not to --format {args.format}"
        )
    options: dict[str, Any] = {}
    if args.review_url is not None:
        try:
            options["review_url"] = check_review_url(args.review_url, "--review-url")
        except ValueError as error:
            raise _UsageError(str(error)) from None
    if args.date_published is not None:
        options["date_published"] = _calendar_date(args.date_published, "--date-published")
    return options


def _export(args: argparse.Namespace, out: _Output) -> int:
    from .export import MARKER, ExportError, export, to_claimreview

    options = _review_options(args)
    if args.path is not None:
        # The input is never an export's target, nor inside one, nor around one.
        source, target = os.path.realpath(args.path), os.path.realpath(args.out)
        if os.path.commonpath([source, target]) in (source, target):
            raise ExportError(f"{args.out} overlaps the input dataset {args.path}; choose another")
    ds = _dataset(args)
    if args.format == "claimreview":
        written = to_claimreview(ds, args.out, force=args.force, **options)
    else:
        written = export(ds, args.format, args.out, force=args.force)
    files = sorted(path.name for path in written.iterdir() if path.name != MARKER)
    out.emit(
        {"format": args.format, "out": str(written), "files": files},
        lambda: [f"wrote {args.format} export of {ds.id} to {written}: {', '.join(files)}"],
    )
    return EXIT_OK


def _check(args: argparse.Namespace, out: _Output) -> int:
    from .validation import validate

    if args.check_path is not None and args.path is not None:
        raise _UsageError("check takes its folder once: as PATH or as --path DIR, not both")
    folder = args.check_path if args.check_path is not None else args.path
    ds = load_path(folder, validate=False) if folder is not None else _dataset(args)
    problems = validate(ds)
    columns: tuple[str, ...] = ()
    if folder is not None:
        from .columnar import check_columns

        # A columnar file is read in place of its record file while its digest
        # matches; one edited since (the digest kept) answers for the data, and
        # may be where the problems above come from.
        try:
            columns = check_columns(folder, read_only=True)
        except DatasetError:
            if not problems:
                raise
            # The record files have problems of their own: those are listed already.

    def lines() -> list[str]:
        if not problems and not columns:
            return [f"{ds.id}: consistent, no problems"]
        found = [*map(str, problems), *columns]
        return [*found, f"{_plural(len(found), 'problem')} in {ds.id}"]

    out.emit(
        {
            "dataset": ds.id,
            "problems": [p.as_dict() for p in problems],
            "columns": list(columns),
        },
        lines,
    )
    return EXIT_NOT_FOUND if problems or columns else EXIT_OK


def _score(args: argparse.Namespace, out: _Output) -> int:
    from .scoring import score

    scores = score(args.gold, args.system, match=args.match)

    def lines() -> list[str]:
        lines = [f"{args.system} against {args.gold} ({scores.match} matching)", ""]
        lines.append(scores.table())
        if scores.anchoring:
            methods = ", ".join(f"{n} {m}" for m, n in sorted(scores.anchoring.items()))
            lines.append(f"\nquotes anchored: {methods}")
        if scores.unanchored:
            lines.append(f"quotes not found in the article: {len(scores.unanchored)}")
        if args.details:
            details = scores.details()
            lines += ["", details or "no misses, nothing spurious"]
        return lines

    out.emit(scores.as_dict(details=args.details), lines)
    return EXIT_OK


def _build(args: argparse.Namespace, out: _Output) -> int:
    from .building import differences, write_folder
    from .source import read

    if args.force and args.check is not None:
        raise _UsageError("--force applies to writing a folder, not to --check")
    dataset = read(args.source)
    if args.check is not None:
        found = differences(dataset, args.check)
        out.emit(
            {"dataset": dataset.id, "folder": args.check, "differences": list(found)},
            lambda: (
                [*found, f"{args.check}: {len(found)} file(s) differ from {args.source}"]
                if found
                else [f"{args.check}: byte for byte what {args.source} builds"]
            ),
        )
        return EXIT_NOT_FOUND if found else EXIT_OK
    out_folder = Path(args.out if args.out is not None else f"{dataset.id}-data")
    source_folder = Path(args.source) if Path(args.source).is_dir() else Path(args.source).parent
    if out_folder.resolve() == source_folder.resolve():
        raise _CommandError(
            EXIT_OUTPUT,
            f"{out_folder} is the source folder; build into another one (--out DIR)",
            "OutputExistsError",
        )
    folder = write_folder(dataset, out_folder, force=args.force)
    out.emit(
        {"dataset": dataset.id, "out": str(folder)},
        lambda: [f"built {dataset.id} into {folder}: consistent, no problems"],
    )
    return EXIT_OK


def _columns(args: argparse.Namespace, out: _Output) -> int:
    from .columnar import check_columns, write_columns

    folder = args.folder
    if args.check:
        found = check_columns(folder)
        out.emit(
            {"folder": folder, "differences": list(found)},
            lambda: (
                [*found, f"{folder}: {_plural(len(found), 'columnar file')} to write again"]
                if found
                else [f"{folder}: every columnar file is current"]
            ),
        )
        return EXIT_NOT_FOUND if found else EXIT_OK
    written = write_columns(folder)
    names = [path.name for path in written]
    out.emit(
        {"folder": folder, "files": names},
        lambda: [f"wrote the columnar files of {folder}: {', '.join(names)}"],
    )
    return EXIT_OK


def _new(args: argparse.Namespace, out: _Output) -> int:
    from .source import scaffold

    try:
        folder = scaffold(args.article, args.id, args.out)
    except FileExistsError as error:
        raise _CommandError(EXIT_OUTPUT, str(error), type(error).__name__) from None
    except ValueError as error:  # an id that is not a slug, an article that is not UTF-8
        raise _CommandError(EXIT_USAGE, str(error), type(error).__name__) from None
    except OSError as error:
        if error.filename != args.article:
            raise  # the folder cannot be written: exit 4, as any other
        # No article to start from (missing, a folder, unreadable): bad usage, like one not UTF-8.
        message = f"cannot read the article {args.article}: {error.strerror or error}"
        raise _CommandError(EXIT_USAGE, message, type(error).__name__) from None
    out.emit(
        {"out": str(folder), "files": sorted(p.name for p in folder.iterdir())},
        lambda: [
            f"started the source {folder}: fill in dataset.toml and facts.toml, "
            f"then run: newsfacts build {folder}"
        ],
    )
    return EXIT_OK


def _source(args: argparse.Namespace, out: _Output) -> int:
    from .source import write

    ds = _dataset(args)
    try:
        folder = write(ds, args.out, force=args.force)
    except FileExistsError as error:
        raise _CommandError(EXIT_OUTPUT, _as_options(error), type(error).__name__) from None
    out.emit(
        {"dataset": ds.id, "out": str(folder)},
        lambda: [f"wrote the source of {ds.id} to {folder}"],
    )
    return EXIT_OK


def _show(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    record: Any = ds.statements.get(args.name) or ds.sources.get(args.name) or ds.lookup(args.name)
    if isinstance(record, Entity):
        return _entity(argparse.Namespace(**{**vars(args), "name": record.id}), out)
    kind = type(record).__name__.lower()

    def lines() -> list[str]:
        if isinstance(record, Event):
            lines = [f"{record.id}: {_describe(ds, record)}  [{_rating(record)}]"]
            lines.append(f"  {record.kind.value}, {record.status.value}, {record.origin.value}")
            lines.extend(
                f"  {p.role.value}: {_name(ds, p.entity)} ({p.entity})" for p in record.participants
            )
            if record.place is not None:
                lines.append(f"  place: {_name(ds, record.place)}")
            if record.record_time is not None:
                lines.append(f"  record date: {record.record_time.edtf}")
            if record.part_of is not None:
                lines.append(f"  part of: {_name(ds, record.part_of)}")
        elif isinstance(record, Statement):
            lines = [f"{record.id}: {_describe(ds, record)}  [{_rating(record)}]"]
            if record.record_time is not None:
                lines.append(f"  record date: {record.record_time.edtf}")
        else:
            lines = [f"{record.id}: {record.title}"]
            if record.url:
                lines.append(f"  {record.url}")
        verdict = getattr(record, "verdict", None)
        if verdict is not None and verdict.note:
            lines.append(f"  note: {verdict.note}")
        lines.extend(f"  evidence: “{span.text}”" for span in getattr(record, "evidence", ()))
        return lines

    out.emit({"type": kind, **to_json(record)}, lines)
    return EXIT_OK


def _search(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    found: list[tuple[float, str, str, str]] = []
    for kind, registry in (("entity", ds.entities), ("event", ds.events)):
        for match in registry.search(args.query, args.limit):
            found.append((match.score, kind, match.record.id, match.name))
    found.sort(key=lambda item: (-item[0], item[2]))
    found = found[: args.limit]
    out.emit(
        [{"score": score, "type": kind, "id": id, "name": name} for score, kind, id, name in found],
        lambda: [f"{score:.2f}  {kind:<6}  {id}  ({name})" for score, kind, id, name in found],
    )
    if not found and not out.as_json:
        print(f"newsfacts: nothing resembles {args.query[:80]!r}", file=sys.stderr)
    return EXIT_OK if found else EXIT_NOT_FOUND


class _CommandError(Exception):
    """A failure a command reports itself: its one-line message and exit code.

    ``kind`` is the ``type`` of the ``--json`` error: the error it stands for.
    """

    def __init__(self, code: int, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.kind = kind or type(self).__name__


class _UsageError(_CommandError):
    """A combination of arguments that argparse alone cannot refuse."""

    def __init__(self, message: str) -> None:
        super().__init__(EXIT_USAGE, message, "UsageError")


class _ArgumentError(_UsageError):
    """What argparse refuses (an unknown command or option, a bad choice), with its usage line."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    """argparse's parser, raising its usage errors so ``main`` reports them as any other.

    argparse prints the usage and exits; here the error is raised instead, so
    that ``main`` prints it the same way and, with ``--json``, as JSON too,
    and returns the exit code ``2``. ``--help`` and ``--version`` still exit.
    """

    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(message, self.format_usage())


def _limit(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


# --- the parser -----------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from .export import FORMAT_DESCRIPTIONS, FORMATS

    parser = _Parser(
        prog="newsfacts",
        description="The facts of a news article: who met whom, where, when, who claims what, "
        "and how each claim stands against the public record.",
        epilog="Exit codes: 0 success; 1 nothing found or problems found; 2 bad usage; "
        "3 a dataset that cannot be loaded or a source that cannot be built; "
        "4 an export, dataset or source that cannot be written; 5 an unexpected error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")

    def add_common(target: argparse.ArgumentParser, default: Callable[[Any], Any]) -> None:
        # The same options before the command and after it; after it they
        # default to "not given" (SUPPRESS), so they never undo the ones before.
        group = target.add_mutually_exclusive_group()
        group.add_argument(
            "--dataset",
            default=default(None),
            metavar="ID",
            help=f"a built-in dataset (default: {DEFAULT_DATASET})",
        )
        group.add_argument(
            "--path", default=default(None), metavar="DIR", help="a dataset folder of your own"
        )
        target.add_argument(
            "--json", action="store_true", default=default(False), help="print JSON instead of text"
        )

    add_common(parser, lambda value: value)
    common = _Parser(add_help=False)
    add_common(common, lambda value: argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace, _Output], int], help: str) -> Any:
        sub = commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    command("summary", _summary, "what the dataset holds")
    entity = command("entity", _entity, "one entity, by any of its names, and what involves it")
    entity.add_argument("name", metavar="NAME", help="a name, alias, id, QID or ISO code")
    facts = command("facts", _facts, "events and statements, optionally filtered")
    facts.add_argument(
        "--about", metavar="NAME", help="only facts involving this entity or event (any name)"
    )
    facts.add_argument(
        "--verdict",
        type=str.lower,
        choices=[rating.value for rating in Rating],
        help="only facts with this verdict (any case)",
    )
    timeline = command("timeline", _timeline, "dated events in time order")
    timeline.add_argument(
        "--record", action="store_true", help="use the public record's dates where known"
    )
    quote = command("quote", _quote, "a fact's evidence, marked [[like this]] in its sentence")
    quote.add_argument("id", metavar="ID", help="an event or statement id")
    command("errors", _errors, "the article's errors: false, misleading or simplified facts")
    export = command("export", _export, "write the dataset in another format, into a new folder")
    export.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="the format to write: "
        + "; ".join(f"{name} ({FORMAT_DESCRIPTIONS[name]})" for name in FORMATS),
    )
    export.add_argument("--out", required=True, metavar="DIR", help="the folder to create")
    export.add_argument(
        "--force", action="store_true", help="replace the folder if it exists (never a file)"
    )
    export.add_argument(
        "--review-url",
        metavar="URL",
        help="claimreview only: the page that publishes the reviews, an absolute URL "
        "without a #fragment (each review's url is URL#<fact id>)",
    )
    export.add_argument(
        "--date-published",
        metavar="DATE",
        help="claimreview only: the date that page was published, as YYYY-MM-DD",
    )
    check = command("check", _check, "list every consistency problem of a dataset")
    check.add_argument(
        "check_path",
        nargs="?",
        default=None,
        metavar="PATH",
        help="a dataset folder, the same as --path DIR (default: the chosen dataset)",
    )
    show = command("show", _show, "any record by id or name: entity, event, statement, source")
    show.add_argument("name", metavar="ID-OR-NAME", help="an id, or a name, alias, QID or code")
    search = command("search", _search, "entities and events whose names resemble QUERY")
    search.add_argument("query", metavar="QUERY", help="a name as you would type it")
    search.add_argument(
        "--limit", type=_limit, default=10, metavar="N", help="at most N matches (default: 10)"
    )
    # Commands that read no dataset take --json alone (after the command too).
    json_only = _Parser(add_help=False)
    json_only.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    scoring = commands.add_parser(
        "score",
        parents=[json_only],
        help="score a system's output against gold facts, layer by layer",
        description="Score a system's output against gold facts: precision, recall and F1 "
        "for mentions, time expressions, events, statements, attribution and verdicts.",
    )
    scoring.set_defaults(run=_score)
    scoring.add_argument("gold", metavar="GOLD", help="a built-in dataset id or a dataset folder")
    scoring.add_argument(
        "system",
        metavar="SYSTEM",
        help="a built-in dataset id, a dataset folder, a JSON Lines file (.jsonl) "
        "or a brat standoff file (.ann)",
    )
    scoring.add_argument(
        "--match",
        choices=("strict", "relaxed"),
        default="strict",
        help="strict: spans must be equal; relaxed: spans must overlap (default: strict)",
    )
    scoring.add_argument(
        "--details", action="store_true", help="list each missed and each spurious item"
    )
    build = commands.add_parser(
        "build",
        parents=[json_only],
        help="build a source (TOML and the article) into a dataset folder",
        description="Build a source into the canonical dataset folder, or check a folder "
        "against it. Exit codes: 0 built (or the same); 1 --check found differences; "
        "3 the source has problems (all listed); 4 the folder exists (without --force) "
        "or cannot be written.",
    )
    build.set_defaults(run=_build)
    build.add_argument("source", metavar="SOURCE", help="a source folder or one .toml file")
    where = build.add_mutually_exclusive_group()
    where.add_argument(
        "--out",
        metavar="DIR",
        help="the dataset folder to write, not the source's (default: ./DATASET-ID-data)",
    )
    where.add_argument(
        "--check",
        metavar="DIR",
        help="write nothing; exit 1 if DIR's files differ from what SOURCE builds",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="replace the dataset folder of an earlier build (a folder holding anything "
        "else is never replaced)",
    )
    columns = commands.add_parser(
        "columns",
        parents=[json_only],
        help="write a dataset folder's columnar files, which load faster (or check them)",
        description="Write beside each record file of a dataset folder (statements.json) its "
        "columnar form (statements.columns.json), which load_path reads in its place while "
        "it is current, after loading and checking the dataset from its record files. "
        "Exit codes: 0 written (or, with --check, all current); 1 --check found a file "
        "missing, stale or different; 3 the dataset cannot be loaded or has problems; "
        "4 a file cannot be written.",
    )
    columns.set_defaults(run=_columns)
    columns.add_argument("folder", metavar="DIR", help="a dataset folder of your own")
    columns.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a columnar file is missing, stale, or not what "
        "would be written",
    )
    new = commands.add_parser(
        "new",
        parents=[json_only],
        help="start a source for an article: its text, its sentences, a skeleton to fill in",
        description="Start a source folder for an article of your own.",
    )
    new.set_defaults(run=_new)
    new.add_argument("article", metavar="ARTICLE", help="the article's text, a UTF-8 file")
    new.add_argument("--id", required=True, help="the dataset's id, a kebab-case slug")
    new.add_argument("--out", metavar="DIR", help="the folder to create (default: ./ID)")
    source = command("source", _source, "write the dataset as a source to edit and build")
    source.add_argument("--out", required=True, metavar="DIR", help="the folder to write")
    source.add_argument(
        "--force", action="store_true", help="replace the source files of an existing folder"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` when ``None``); returns the exit code."""
    from .export import ExportError
    from .source import SourceError

    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets an escape, never a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not _utf8(stream):
            reconfigure(errors="backslashreplace")
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Before the arguments are parsed, a usage error still answers in JSON when asked
    # (argparse takes any unambiguous prefix of an option: --js).
    options = words[: words.index("--")] if "--" in words else words
    as_json = any(len(word) > 3 and "--json".startswith(word) for word in options)

    def fail(code: int, error: BaseException, message: str) -> int:
        print(f"newsfacts: {message}", file=sys.stderr)
        if as_json:
            kind = error.kind if isinstance(error, _CommandError) else type(error).__name__
            data = {"error": {"type": kind, "message": message, "exit_code": code}}
            print(json.dumps(data, ensure_ascii=not _utf8(sys.stdout), indent=2))
        return code

    try:
        args = parser.parse_args(words)
    except _ArgumentError as error:
        sys.stderr.write(error.usage)
        return fail(EXIT_USAGE, error, str(error))
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    as_json = bool(args.json)
    try:
        code: int = run(args, _Output(as_json))
    except _CommandError as error:
        return fail(error.code, error, str(error))
    except ImportError as error:
        if not isinstance(error, NewsfactsError):
            return _internal(fail, error)
        # A missing optional extra (an export's or the scorer's): the message says what to install.
        return fail(EXIT_OUTPUT, error, str(error))
    except (DatasetError, SourceError) as error:
        return fail(EXIT_DATA, error, str(error))
    except ExportError as error:
        return fail(EXIT_OUTPUT, error, _as_options(error))
    except NewsfactsError as error:
        return fail(EXIT_NOT_FOUND, error, str(error))
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            # The reader went away (``newsfacts facts | head``): not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK
        return fail(EXIT_OUTPUT, error, f"{error.strerror or error}: {error.filename}")
    except Exception as error:
        return _internal(fail, error)
    return code


def _as_options(error: BaseException) -> str:
    """The library's message in the command line's words: its keyword ``force=True`` is ``--force``."""
    return str(error).replace("force=True", "--force")


def _internal(fail: Callable[[int, BaseException, str], int], error: Exception) -> int:
    """A bug: one line that says so, with an exit code of its own."""
    first = str(error).splitlines()[0][:200] if str(error) else ""
    return fail(
        EXIT_INTERNAL,
        error,
        f"unexpected error ({type(error).__name__}: {first}); please report it",
    )
