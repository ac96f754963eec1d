"""The ``newsfacts`` command: what a dataset holds, from the shell.

    newsfacts summary                      # the built-in dataset, in a few lines
    newsfacts entity putin                 # one entity, and what involves it
    newsfacts facts --about abbas --verdict false
    newsfacts timeline --record            # events in time order, by the record's dates
    newsfacts quote meeting-abbas-putin-2018   # the evidence, [[marked]] in its sentence
    newsfacts errors                       # the article's errors, with evidence and notes
    newsfacts export --format csv --out facts-csv
    newsfacts check path/to/dataset        # every consistency problem
    newsfacts --version

Every command reads the default built-in dataset, another one with
``--dataset ID``, or a folder of one's own with ``--path DIR``; ``--json``
prints JSON for machines instead of text for people. Errors go to standard
error as one line starting ``newsfacts:``.

Exit codes:

0
    success;
1
    the answer is "nothing found" or "problems found": an unknown name or id
    (with close suggestions), no fact matching, a fact with no evidence, a
    dataset that ``check`` finds inconsistent;
2
    bad usage (argparse's own: an unknown command or option, a bad choice);
3
    a dataset that cannot be loaded (a bad path, unreadable or invalid data);
4
    an export that cannot be written (the folder exists and ``--force`` was
    not given, a missing optional extra, a file system error).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

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
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            text = "\n".join(lines())
            if text:
                print(text)


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
        fact.verdict.rating.value
        for fact in (*ds.events, *ds.statements)
        if fact.verdict is not None
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
            f"article: {article.publisher}, published {published}, {len(article.text)} code "
            f"points, {len(article.sentences)} sentences",
            f"  {article.url}" if article.url else "",
            "  ".join(f"{key}: {value}" for key, value in counts.items()),
            "entity kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
            "verdicts: " + ", ".join(f"{k} {n}" for k, n in sorted(ratings.items())),
        ]
        # An open start ("have long opposed") says nothing of when the span begins:
        # the range shown runs from the earliest bound that the words give.
        starts = [e.time.earliest for e in timeline if e.time is not None and e.time.lower]
        if starts:
            ends = [e.time.latest for e in timeline if e.time is not None]
            lines.append(
                f"timeline: {len(timeline)} dated events, {min(starts).isoformat()} to "
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
            f"  {len(about.events)} events, {len(about.statements)} statements, "
            f"{len(about.mentions)} mentions"
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
        assert event.time is not None
        return {
            "id": event.id,
            "label": event.label,
            "edtf": when(event),
            "expression": event.time.expression,
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


def _export(args: argparse.Namespace, out: _Output) -> int:
    from .export import export

    ds = _dataset(args)
    written = export(ds, args.format, args.out, force=args.force)
    files = sorted(path.name for path in written.iterdir())
    out.emit(
        {"format": args.format, "out": str(written), "files": files},
        lambda: [f"wrote {args.format} export of {ds.id} to {written}: {', '.join(files)}"],
    )
    return EXIT_OK


def _check(args: argparse.Namespace, out: _Output) -> int:
    from .validation import validate

    if args.check_path is not None:
        ds = load_path(args.check_path, validate=False)
    elif args.path is not None:
        ds = load_path(args.path, validate=False)
    else:
        ds = _dataset(args)
    problems = validate(ds)

    def lines() -> list[str]:
        if not problems:
            return [f"{ds.id}: consistent, no problems"]
        return [str(problem) for problem in problems] + [f"{len(problems)} problem(s) in {ds.id}"]

    out.emit({"dataset": ds.id, "problems": [p.as_dict() for p in problems]}, lines)
    return EXIT_NOT_FOUND if problems else EXIT_OK


# --- the parser -----------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="The facts of a news article: who met whom, where, when, who claims what, "
        "and how each claim stands against the public record.",
        epilog="Exit codes: 0 success; 1 nothing found or problems found; 2 bad usage; "
        "3 a dataset that cannot be loaded; 4 an export that cannot be written.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_mutually_exclusive_group()
    group.add_argument(
        "--dataset",
        default=None,
        metavar="ID",
        help=f"a built-in dataset (default: {DEFAULT_DATASET})",
    )
    group.add_argument("--path", default=None, metavar="DIR", help="a dataset folder of your own")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
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
        choices=[rating.value for rating in Rating],
        help="only facts with this verdict",
    )
    timeline = command("timeline", _timeline, "dated events in time order")
    timeline.add_argument(
        "--record", action="store_true", help="use the public record's dates where known"
    )
    quote = command("quote", _quote, "a fact's evidence, marked [[like this]] in its sentence")
    quote.add_argument("id", metavar="ID", help="an event or statement id")
    command("errors", _errors, "the article's errors: false, misleading or simplified facts")
    export = command("export", _export, "write the dataset in another format, into a new folder")
    export.add_argument("--format", required=True, choices=FORMATS, help="the format to write")
    export.add_argument("--out", required=True, metavar="DIR", help="the folder to create")
    export.add_argument(
        "--force", action="store_true", help="replace the folder if it exists (never a file)"
    )
    check = command("check", _check, "list every consistency problem of a dataset")
    check.add_argument(
        "check_path",
        nargs="?",
        default=None,
        metavar="PATH",
        help="a dataset folder (default: the chosen dataset)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` when ``None``); returns the exit code."""
    from .export import ExportError

    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = run(args, _Output(args.json))
    except DatasetError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return EXIT_DATA
    except ExportError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    except NewsfactsError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return EXIT_NOT_FOUND
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            # The reader went away (``newsfacts facts | head``): not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK
        print(f"newsfacts: {error.strerror or error}: {error.filename}", file=sys.stderr)
        return EXIT_OUTPUT
    return code
