"""How the scorer's time grows with the size of what it scores.

Writes synthetic gold datasets (``synthetic.py``: ``n`` entities, ``10 * n``
statements, ``n // 10`` events, ``n`` mentions) and scores against each a
system made from it with every kind of error: a tenth of the statements
dropped, a tenth given another object, some events of another kind, a fifth
of the mentions one code point short. For each size it prints the median
time of strict and relaxed scoring and how it grew against the smallest size
(the ratio of times beside the ratio of sizes: linear growth keeps them
close). The largest default size scores about 10,000 facts.

    python benchmarks/score.py            # sizes 100, 300, 1000 entities
    python benchmarks/score.py --sizes 100 1000 3000 --rounds 5
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_dataset  # noqa: E402

import newsfacts  # noqa: E402
from newsfacts import Dataset, EventKind, Span  # noqa: E402


def _system(gold: Dataset) -> Dataset:
    """``gold`` with errors of every kind, deterministic."""
    text = gold.article.text
    entity_ids = gold.entities.ids
    statements = []
    for index, statement in enumerate(gold.statements):
        if index % 10 == 0:
            continue
        if index % 10 == 1:
            other = entity_ids[(index * 7) % len(entity_ids)]
            if other != statement.subject:
                statement = attrs.evolve(statement, object=other)
        statements.append(statement)
    events = [
        attrs.evolve(
            e, kind=EventKind.MEETING if e.kind is not EventKind.MEETING else EventKind.VISIT
        )
        if i % 4 == 0
        else e
        for i, e in enumerate(gold.events)
    ]
    mentions = [
        attrs.evolve(
            m, span=Span(m.span.start, m.span.end - 1, text[m.span.start : m.span.end - 1])
        )
        if i % 5 == 0 and len(m.span) > 1
        else m
        for i, m in enumerate(gold.mentions)
    ]
    return Dataset(
        gold.metadata,
        gold.article,
        tuple(gold.entities),
        events,
        statements,
        mentions,
        tuple(gold.sources),
    )


def _median(call: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    # The first call imports SciPy; it is not what is measured.
    builtin = newsfacts.load()
    newsfacts.score(builtin, builtin)
    print(
        f"built-in dataset against itself: "
        f"{_median(lambda: newsfacts.score(builtin, builtin), args.rounds) * 1000:.1f} ms"
    )
    print(
        f"{'entities':>8} {'facts':>7} {'mentions':>8} {'strict s':>9} {'relaxed s':>9} "
        f"{'size x':>7} {'time x':>7}"
    )
    base: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.sizes):
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            write_dataset(folder, n)
            gold = newsfacts.load_path(folder, validate=False)
            system = _system(gold)
            facts = len(gold.events) + len(gold.statements)
            strict = _median(functools.partial(newsfacts.score, gold, system), args.rounds)
            relaxed = _median(
                functools.partial(newsfacts.score, gold, system, match="relaxed"), args.rounds
            )
            if base is None:
                base = (facts, strict)
            print(
                f"{n:>8} {facts:>7} {len(gold.mentions):>8} {strict:>9.3f} {relaxed:>9.3f} "
                f"{facts / base[0]:>7.1f} {strict / base[1]:>7.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
