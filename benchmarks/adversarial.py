"""Adversarial shapes at growing sizes: does the cost grow with the input, or its square?

    python benchmarks/adversarial.py           # sizes 2,000 to 16,000
    python benchmarks/adversarial.py --quick   # sizes 1,000 to 4,000 (a smoke run)

Each shape is the built-in dataset plus ``n`` records made to share what an
index keys on:

shared spans
    ``n`` mentions with one span and one target, their notes differing (every
    one a repeated mention);
shared aliases
    ``n`` entities answering to one alias (every one an alias collision);
symmetric statements
    ``n`` statements of one symmetric relation in alternating directions and
    polarities (every pair of opposite ones disagrees).

For each, the time to load and validate the folder (``load_path(...,
validate=False)`` then ``validate``) and to look the shared name up, at each
size, and the ratio to the size before: doubling the input should about
double the time (a ratio near 2); a ratio near 4 is quadratic. Timings are
medians of a few rounds, printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

import newsfacts
from newsfacts import Dataset, Entity, EntityKind, Origin, Predicate, Statement
from newsfacts.errors import AmbiguousNameError
from newsfacts.loading import dump_files

__all__ = ["main"]

BASE = newsfacts.load()


def _with(**changes: object) -> Dataset:
    parts: dict[str, object] = {
        "metadata": BASE.metadata,
        "article": BASE.article,
        "entities": tuple(BASE.entities),
        "events": tuple(BASE.events),
        "statements": tuple(BASE.statements),
        "mentions": BASE.mentions,
        "sources": tuple(BASE.sources),
    }
    parts.update(changes)
    return Dataset(**parts)  # type: ignore[arg-type]


def shared_spans(n: int) -> Dataset:
    first = BASE.mentions[0]
    extra = [attrs.evolve(first, note=f"note {number}") for number in range(n)]
    return _with(mentions=(*BASE.mentions, *extra))


def shared_aliases(n: int) -> Dataset:
    source = next(iter(BASE.sources)).id
    extra = [
        Entity(
            f"look-alike-{number}",
            EntityKind.PERSON,
            f"Look-alike {number}",
            aliases=("The Twin",),
            origin=Origin.ENRICHMENT,
            sources=(source,),
        )
        for number in range(n)
    ]
    return _with(entities=(*BASE.entities, *extra))


def symmetric_statements(n: int) -> Dataset:
    source = next(iter(BASE.sources)).id
    pair = ("israel", "united-states")
    extra = [
        Statement(
            f"ally-{number}",
            pair[number % 2],
            Predicate.ALLY_OF,
            pair[1 - number % 2],
            negated=number % 2 == 1,
            origin=Origin.ENRICHMENT,
            sources=(source,),
        )
        for number in range(n)
    ]
    return _with(statements=(*BASE.statements, *extra))


SHAPES: dict[str, tuple[Callable[[int], Dataset], str]] = {
    "shared spans": (shared_spans, BASE.mentions[0].target),
    "shared aliases": (shared_aliases, "The Twin"),
    "symmetric statements": (symmetric_statements, "israel"),
}


def _median_seconds(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(make: Callable[[int], Dataset], name: str, n: int, rounds: int) -> tuple[float, int]:
    """Seconds to load, validate and look up one shape of size ``n``; and the problems found."""
    with tempfile.TemporaryDirectory() as folder:
        for file, data in dump_files(make(n)).items():
            (Path(folder) / file).write_bytes(data)
        problems: list[int] = []

        def run() -> None:
            ds = newsfacts.load_path(folder, validate=False)
            problems.append(len(ds.validate()))
            with contextlib.suppress(AmbiguousNameError):
                ds.lookup(name)

        seconds = _median_seconds(run, rounds)
    return seconds, problems[-1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one round each")
    args = parser.parse_args(argv)
    sizes = (1_000, 2_000, 4_000) if args.quick else (2_000, 4_000, 8_000, 16_000)
    rounds = 1 if args.quick else 3
    print(f"{'shape':<22} {'n':>7} {'seconds':>9} {'ratio':>6} {'problems':>9}")
    worst = 0.0
    for shape, (make, name) in SHAPES.items():
        previous: float | None = None
        for n in sizes:
            seconds, problems = measure(make, name, n, rounds)
            ratio = seconds / previous if previous else None
            shown = f"{ratio:6.2f}" if ratio is not None else f"{'':>6}"
            print(f"{shape:<22} {n:>7,} {seconds:9.3f} {shown} {problems:>9,}")
            if ratio is not None:
                worst = max(worst, ratio)
            previous = seconds
    print(f"largest ratio for a doubled input: {worst:.2f} (2 is linear, 4 quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
