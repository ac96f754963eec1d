"""The ``newsfacts`` command: what a dataset holds, from the shell.

    newsfacts summary            # the built-in dataset, in a few lines
    newsfacts --version

Exit codes: 0 success, 1 the answer is "problems found" or "nothing found",
2 bad usage (argparse's own), 3 a dataset that cannot be loaded.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

from ._version import __version__
from .dataset import Dataset
from .errors import DatasetError, NewsfactsError
from .loading import load, load_path

__all__ = ["main"]

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3


def _dataset(args: argparse.Namespace) -> Dataset:
    if args.path is not None:
        return load_path(args.path)
    return load(args.dataset)


def _summary(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    article = ds.article
    published = article.published.edtf if article.published is not None else "unknown"
    lines = [
        f"{ds.metadata.title} ({ds.id})",
        f"article: {article.publisher}, published {published}, {len(article.text)} code points, "
        f"{len(article.sentences)} sentences",
        f"  {article.url}" if article.url else "",
        f"entities: {len(ds.entities)}  events: {len(ds.events)}  statements: {len(ds.statements)}  "
        f"mentions: {len(ds.mentions)}  sources: {len(ds.sources)}",
    ]
    kinds = Counter(e.kind.value for e in ds.entities)
    lines.append("entity kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    ratings = Counter(
        fact.verdict.rating.value
        for fact in (*ds.events, *ds.statements)
        if fact.verdict is not None
    )
    lines.append("verdicts: " + ", ".join(f"{k} {n}" for k, n in sorted(ratings.items())))
    timeline = ds.timeline()
    if timeline:
        first, last = timeline[0], timeline[-1]
        assert first.time is not None
        assert last.time is not None
        lines.append(
            f"timeline: {len(timeline)} dated events, {first.time.edtf} to {last.time.edtf}"
        )
    print("\n".join(line for line in lines if line))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="The facts of a news article: who met whom, where, when, who claims what, "
        "and how each claim stands against the public record.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    source = argparse.ArgumentParser(add_help=False)
    group = source.add_mutually_exclusive_group()
    group.add_argument(
        "--dataset",
        default=None,
        metavar="ID",
        help="a built-in dataset (default: the default one)",
    )
    group.add_argument("--path", default=None, metavar="DIR", help="a dataset folder of your own")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    summary = commands.add_parser("summary", parents=[source], help="what the dataset holds")
    summary.set_defaults(run=_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return EXIT_USAGE
    if getattr(args, "dataset", None) is None and hasattr(args, "dataset"):
        from .loading import DEFAULT_DATASET

        args.dataset = DEFAULT_DATASET
    try:
        code: int = args.run(args)
    except DatasetError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return EXIT_DATA
    except NewsfactsError as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        return EXIT_NOT_FOUND
    return code
