"""Measure newsfacts beside its floor and its peer, and say PASS or MISS per target.

    python benchmarks/run.py           # the full run: a few minutes on 2 cores
    python benchmarks/run.py --quick   # a smoke run: fewer rounds, smaller datasets

The floor is what the dependencies cost (``import attrs, importlib_resources,
json``); the peer is pycountry (``pip install ".[bench]"``; without it, its
columns say n/a). Floor, pycountry and newsfacts are measured alternately,
round by round, in the same run, and every figure is a median over the
rounds. A target missed is printed as MISS; the exit status is non-zero only
when something fails to run (or, with ``--strict``, when a target is missed).

The scale figures load synthetic datasets written by ``synthetic.py`` into a
temporary folder, removed afterwards: each from its record files, and a copy
of it from the columnar files that ``newsfacts.columnar.write_columns`` writes
beside them (timed too), alternately.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_dataset  # noqa: E402

__all__ = ["main"]

PYTHON = sys.executable
FLOOR = "import attrs, importlib_resources, json"
NEWSFACTS_COLD = "import newsfacts; newsfacts.entities.lookup('Abbas')"
NEWSFACTS_IMPORT = "import newsfacts"
# Cold start's target: at most this many times the floor, and below pycountry.
COLD_TARGET = 1.10
# pycountry has no record named "Russia" (its name is "Russian Federation"):
# lookup('Russia') raises LookupError after trying every index. The peer's
# figure is its successful cold lookup.
PYCOUNTRY_COLD = "import pycountry; pycountry.countries.lookup('Russian Federation')"
MIB = 1024 * 1024

# Peak RSS of a child process, in bytes (ru_maxrss is KiB on Linux, bytes on macOS).
_RSS = (
    "import resource, sys; r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
    "print(r if sys.platform == 'darwin' else r * 1024)"
)


@attrs.frozen
class Figure:
    """One measured figure, its target, and how it compares."""

    name: str
    value: str
    target: str
    ok: bool | None  # None: no target applies
    floor: str = "-"
    peer: str = "-"
    note: str = ""

    def line(self) -> str:
        verdict = {True: "PASS", False: "MISS", None: "    "}[self.ok]
        return (
            f"{verdict}  {self.name:<46} {self.value:>16}  {self.target:<22} "
            f"{self.floor:>10}  {self.peer:>12}  {self.note}"
        )


def _env() -> dict[str, str]:
    # Measure as installed: bytecode cached, as pip compiles it on install.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _has_pycountry() -> bool:
    result = subprocess.run(
        [PYTHON, "-c", "import pycountry"], env=_env(), capture_output=True, check=False
    )
    return result.returncode == 0


def _run(code: str) -> str:
    result = subprocess.run(
        [PYTHON, "-c", code], env=_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{code!r} failed:\n{result.stderr}")
    return result.stdout


# A child's peak RSS starts at the RSS of the process that forked it (Linux
# carries it over fork and exec), and this script is larger than the floor: so a
# measured child is started by a small launcher, which is all it inherits.
_LAUNCH = (
    "import subprocess, sys; "
    "sys.exit(subprocess.run([sys.executable, '-c', sys.argv[1]]).returncode)"
)


def _run_fresh(code: str) -> str:
    result = subprocess.run(
        [PYTHON, "-c", _LAUNCH, code], env=_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{code!r} failed:\n{result.stderr}")
    return result.stdout


def _wall(code: str) -> float:
    start = time.perf_counter()
    _run(code)
    return time.perf_counter() - start


def _alternate(
    commands: dict[str, str], rounds: int, measure: Callable[[str], float]
) -> dict[str, float]:
    """Median of ``measure`` for each command, run in turn, round after round."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, code in commands.items():
            samples[name].append(measure(code))
    return {name: statistics.median(values) for name, values in samples.items()}


def _ratio(value: float, base: float | None) -> str:
    return "-" if base is None or base == 0 else f"{value / base:.2f}x"


# --- cold start -------------------------------------------------------------


def cold_start(rounds: int, peer: bool) -> list[Figure]:
    commands = {"floor": FLOOR, "newsfacts": NEWSFACTS_COLD, "import": NEWSFACTS_IMPORT}
    if peer:
        commands["pycountry"] = PYCOUNTRY_COLD
    for code in commands.values():  # warm the file cache and write bytecode
        _run(code)
    medians = _alternate(commands, rounds, _wall)
    floor = medians["floor"]
    mine = medians["newsfacts"]
    imported = medians["import"]
    theirs = medians.get("pycountry")
    below_peer = theirs is None or mine < theirs
    return [
        Figure(
            "cold start: floor",
            f"{floor * 1e3:.1f} ms",
            "(reference)",
            None,
            "1.00x",
            "-" if theirs is None else f"{theirs * 1e3:.1f} ms",
            f"pycountry {_ratio(theirs, floor)} of floor" if theirs else "",
        ),
        Figure(
            "cold start: import newsfacts",
            f"{imported * 1e3:.1f} ms",
            "(phase)",
            None,
            _ratio(imported, floor),
            _ratio(imported, theirs),
            "no data read",
        ),
        Figure(
            "cold start: import + lookup('Abbas')",
            f"{mine * 1e3:.1f} ms",
            f"<= {COLD_TARGET:.2f}x floor, < peer",
            mine <= COLD_TARGET * floor and below_peer,
            _ratio(mine, floor),
            _ratio(mine, theirs),
            f"lookup phase {(mine - imported) * 1e3:+.1f} ms",
        ),
    ]


# --- memory -----------------------------------------------------------------


def memory(rounds: int, peer: bool) -> list[Figure]:
    commands = {
        "floor": f"{FLOOR}\n{_RSS}",
        "newsfacts": f"import newsfacts; newsfacts.load(); newsfacts.entities.lookup('Abbas')\n{_RSS}",
    }
    if peer:
        commands["pycountry"] = f"{PYCOUNTRY_COLD}\n{_RSS}"
    medians = _alternate(commands, rounds, lambda code: float(_run_fresh(code)))
    floor = medians["floor"]
    added = medians["newsfacts"] - floor
    theirs = medians.get("pycountry")
    return [
        Figure(
            "memory: built-in dataset, peak RSS added",
            f"{added / MIB:.2f} MiB",
            "<= 2 MiB over the deps",
            added <= 2 * MIB,
            _ratio(medians["newsfacts"], floor),
            "-" if theirs is None else f"{(theirs - floor) / MIB:.2f} MiB",
            f"floor peak {floor / MIB:.1f} MiB",
        )
    ]


# --- warm -------------------------------------------------------------------


def _rate(call: Callable[[Any], object], items: Sequence[Any], seconds: float) -> float:
    """Calls per second of ``call`` over ``items``, repeated for about ``seconds``."""
    count = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < seconds:
        for item in items:
            call(item)
        count += len(items)
        elapsed = time.perf_counter() - start
    return count / elapsed


def _alternate_rates(
    work: dict[str, tuple[Callable[[Any], object], Sequence[Any]]], rounds: int, seconds: float
) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(rounds):
        for name, (call, items) in work.items():
            samples[name].append(_rate(call, items, seconds))
    return {name: statistics.median(values) for name, values in samples.items()}


def _speed(rate: float) -> str:
    if rate >= 1e6:
        return f"{rate / 1e6:.2f} M/s"
    return f"{rate:,.0f} /s"


def warm(rounds: int, seconds: float, peer: bool) -> list[Figure]:
    import datetime

    import newsfacts

    ds = newsfacts.load()
    names = [name for entity in ds.entities for name in entity.names]
    shouted = [name.upper() for name in names]
    ids = list(ds.entities.ids)
    # What people type into a search box: beginnings of names and names with a typo.
    queries = [name[:4] for name in names] + [name[:3] + name[4:] for name in names]
    entities = list(ds.entities)
    days = [datetime.date(year, 1, 1) for year in range(1960, 2020)]
    work: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "lookup": (ds.entities.lookup, names),
        "lookup_folded": (ds.entities.lookup, shouted),
        "get": (ds.entities.get, ids),
        "search": (ds.entities.search, queries),
        "about": (ds.about, entities),
        "between": (lambda day: ds.events_between(day, day.replace(month=12, day=31)), days),
    }
    if peer:
        import pycountry

        countries = list(pycountry.countries)
        their_names = [c.name for c in countries]
        their_codes = [c.alpha_2 for c in countries]
        work["p_lookup"] = (pycountry.countries.lookup, their_names)
        work["p_get"] = (lambda code: pycountry.countries.get(alpha_2=code), their_codes)
        work["p_search"] = (pycountry.countries.search_fuzzy, ["russ", "germ", "united"])
    rates = _alternate_rates(work, rounds, seconds)
    p = rates.get

    def vs(mine: str, theirs: str) -> str:
        other = p(theirs)
        return "-" if other is None else f"{rates[mine] / other:.1f}x"

    return [
        Figure(
            "warm: lookup(name or alias)",
            _speed(rates["lookup"]),
            ">= 2 M/s",
            rates["lookup"] >= 2e6,
            peer=vs("lookup", "p_lookup"),
            note=f"{len(names)} names as written",
        ),
        Figure(
            "warm: lookup(NAME IN CAPITALS)",
            _speed(rates["lookup_folded"]),
            ">= 2 M/s",
            rates["lookup_folded"] >= 2e6,
            peer=vs("lookup_folded", "p_lookup"),
            note="folded spellings",
        ),
        Figure(
            "warm: get(id)",
            _speed(rates["get"]),
            ">= 5 M/s",
            rates["get"] >= 5e6,
            peer=vs("get", "p_get"),
        ),
        Figure(
            "warm: search(query)",
            _speed(rates["search"]),
            ">= 20,000 /s",
            rates["search"] >= 20_000,
            peer=vs("search", "p_search"),
            note="prefixes and typos; pycountry: search_fuzzy",
        ),
        Figure(
            "warm: about(entity)",
            _speed(rates["about"]),
            "precomputed index",
            None,
            note="see the scale figures for growth",
        ),
        Figure(
            "warm: events_between(one year)",
            _speed(rates["between"]),
            "precomputed index",
            None,
            note="see the scale figures for growth",
        ),
    ]


# --- scale ------------------------------------------------------------------

# Runs in a child process so that its peak RSS is its own.
_SCALE_CHILD = """
import json, random, resource, sys, time, datetime
sys.path.insert(0, {here!r})
import newsfacts
from synthetic import entity_name
folder, validate, n = {folder!r}, {validate!r}, {n!r}
start = time.perf_counter()
ds = newsfacts.load_path(folder, validate=validate)
load = time.perf_counter() - start
out = {{"load": load}}
if not validate:
    rng = random.Random(7)
    picks = [rng.randrange(n) for _ in range(2000)]
    names = [entity_name(i) for i in picks]
    ids = ["ent-%d" % i for i in picks]
    def rate(call, items, seconds=0.3):
        count, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            for item in items:
                call(item)
            count += len(items)
        return count / (time.perf_counter() - t0)
    entities = [ds.entities[i] for i in ids[:500]]
    # Ten-day windows from the days of random events: the synthetic events fall
    # on consecutive days, so each window holds about ten at every size, and the
    # figure is the index's cost, not the length of the answer.
    events = list(ds.events)
    days = [events[rng.randrange(len(events))].time.earliest for _ in range(200)]
    width = datetime.timedelta(days=10)
    out["lookup"] = max(rate(ds.entities.lookup, names) for _ in range(3))
    out["get"] = max(rate(ds.entities.get, ids) for _ in range(3))
    out["about"] = max(rate(ds.about, entities) for _ in range(3))
    out["between"] = max(rate(lambda d: ds.events_between(d, d + width), days) for _ in range(3))
r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out["rss"] = r if sys.platform == "darwin" else r * 1024
print(json.dumps(out))
"""


def _scale_child(folder: Path, n: int, validate: bool) -> dict[str, float]:
    code = _SCALE_CHILD.format(here=str(HERE), folder=str(folder), validate=validate, n=n)
    result: dict[str, float] = json.loads(_run_fresh(code))
    return result


_COLUMNS_CHILD = """
import json, time
from newsfacts.columnar import write_columns
start = time.perf_counter()
written = write_columns({folder!r})
print(json.dumps({{"write": time.perf_counter() - start,
                  "bytes": sum(path.stat().st_size for path in written)}}))
"""


def _columns_child(folder: Path) -> dict[str, float]:
    """Write the columnar files of ``folder`` in a fresh process: the time it took, their size."""
    result: dict[str, float] = json.loads(_run_fresh(_COLUMNS_CHILD.format(folder=str(folder))))
    return result


def scale(sizes: tuple[int, int, int], rounds: int, full: bool) -> list[Figure]:
    small, medium, large = sizes
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as temp:
        folders, columnar = {}, {}
        for n in sizes:
            folders[n] = Path(temp) / f"synthetic-{n}"
            write_dataset(folders[n], n)
            # The same record files, with their columnar files beside them.
            columnar[n] = Path(temp) / f"synthetic-{n}-columns"
            shutil.copytree(folders[n], columnar[n])
        written = _columns_child(columnar[large])
        for n in sizes:
            if n != large:
                _columns_child(columnar[n])
        runs: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
        column_runs: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
        # Alternate the sizes and the two forms round by round; the largest
        # once per round at most.
        for index in range(rounds):
            for n in sizes:
                if n == large and index >= max(1, rounds // 3):
                    continue
                runs[n].append(_scale_child(folders[n], n, validate=False))
                column_runs[n].append(_scale_child(columnar[n], n, validate=False))
        checked = _scale_child(folders[large], large, validate=True)
        column_checked = _scale_child(columnar[large], large, validate=True)

    def median(n: int, key: str, among: dict[int, list[dict[str, float]]] = runs) -> float:
        return statistics.median(run[key] for run in among[n])

    growth = median(large, "load") / median(medium, "load")
    figures.append(
        Figure(
            f"scale: load+index N={medium:,}",
            f"{median(medium, 'load'):.2f} s",
            "(reference)",
            None,
            note=f"{10 * medium:,} statements, peak {median(medium, 'rss') / MIB:.0f} MiB",
        )
    )
    figures.append(
        Figure(
            f"scale: load+index N={large:,}",
            f"{median(large, 'load'):.2f} s",
            f"growth <= {large // medium * 1.1:.0f}x",
            growth <= large / medium * 1.1,
            note=f"growth {growth:.1f}x for {large // medium}x the records",
        )
    )
    # Targets for a million statements (N = 100,000), scaled for a quick run.
    share = 1.0 if full else large / 100_000
    load_limit, limit, memory_limit = 4.0 * share, 7.0 * share, 1024 * MIB * share
    scaled = "" if full else " (scaled)"
    figures.append(
        Figure(
            f"scale: load alone N={large:,}",
            f"{median(large, 'load'):.2f} s",
            f"<= {load_limit:.1f} s{scaled}",
            median(large, "load") <= load_limit,
            note="load_path(validate=False)",
        )
    )
    figures.append(
        Figure(
            f"scale: load_path(validate=True) N={large:,}",
            f"{checked['load']:.2f} s",
            f"<= {limit:.1f} s{scaled}",
            checked["load"] <= limit,
            note=f"{10 * large:,} statements",
        )
    )
    figures.append(
        Figure(
            f"scale: peak RSS, validate N={large:,}",
            f"{checked['rss'] / MIB:.0f} MiB",
            f"<= {memory_limit / MIB:.0f} MiB{scaled}",
            checked["rss"] <= memory_limit,
        )
    )
    # The columnar form of the same record files.
    figures.append(
        Figure(
            f"scale: write_columns N={large:,}",
            f"{written['write']:.2f} s",
            "(once per change)",
            None,
            note=f"load, validate, write {written['bytes'] / MIB:.0f} MiB of columnar files",
        )
    )
    loaded = median(large, "load", column_runs)
    figures.append(
        Figure(
            f"scale: load alone N={large:,}, columnar",
            f"{loaded:.2f} s",
            f"<= {load_limit:.1f} s{scaled}",
            loaded <= load_limit,
            note=f"{_ratio(loaded, median(large, 'load'))} of the record files' time",
        )
    )
    figures.append(
        Figure(
            f"scale: load+validate N={large:,}, columnar",
            f"{column_checked['load']:.2f} s",
            f"<= {limit:.1f} s{scaled}",
            column_checked["load"] <= limit,
            note=f"{_ratio(column_checked['load'], checked['load'])} of the record files' time",
        )
    )
    figures.append(
        Figure(
            f"scale: peak RSS, validate N={large:,}, columnar",
            f"{column_checked['rss'] / MIB:.0f} MiB",
            f"<= {memory_limit / MIB:.0f} MiB{scaled}",
            column_checked["rss"] <= memory_limit,
            note=f"{_ratio(column_checked['rss'], checked['rss'])} of the record files' peak",
        )
    )
    for key, what in (
        ("lookup", "lookup(name)"),
        ("get", "get(id)"),
        ("about", "about(entity)"),
        ("between", "events_between(~10 events)"),
    ):
        base = median(small, key)
        big = median(large, key)
        figures.append(
            Figure(
                f"scale: {what} at N={large:,}",
                _speed(big),
                f">= half of N={small:,}",
                big >= base / 2,
                note=f"{big / base:.2f}x of {_speed(base)} at N={small:,}",
            )
        )
    return figures


# --- main -------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    args = parser.parse_args(argv)
    quick = bool(args.quick)
    peer = _has_pycountry()
    started = time.perf_counter()
    print(
        f"newsfacts benchmarks ({'quick' if quick else 'full'} run), Python {sys.version.split()[0]}"
    )
    if not peer:
        print('pycountry is not installed (pip install ".[bench]"): its columns say -')
    header = (
        f"{'':4}  {'figure':<46} {'newsfacts':>16}  {'target':<22} "
        f"{'vs floor':>10}  {'vs pycountry':>12}  note"
    )
    print(header)
    print("-" * len(header))
    figures: list[Figure] = []
    sections: list[Callable[[], list[Figure]]] = [
        lambda: cold_start(7 if quick else 40, peer),
        lambda: memory(3 if quick else 9, peer),
        lambda: warm(3 if quick else 7, 0.05 if quick else 0.25, peer),
        lambda: scale((500, 1_000, 10_000) if quick else (1_000, 10_000, 100_000), 3, not quick),
    ]
    for section in sections:
        for figure in section():
            figures.append(figure)
            print(figure.line(), flush=True)
    missed = [f.name for f in figures if f.ok is False]
    print("-" * len(header))
    print(
        f"{sum(f.ok is True for f in figures)} met, {len(missed)} missed"
        f" in {time.perf_counter() - started:.0f} s"
    )
    if quick:
        print("quick run: scale figures use N=1,000 -> 10,000 with limits scaled to match")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
