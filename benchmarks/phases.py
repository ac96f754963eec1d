"""Where the time of one ``load_path`` goes: a split by phase, with the garbage collector's share.

    python benchmarks/phases.py FOLDER             # load_path(FOLDER, validate=False)
    python benchmarks/phases.py FOLDER --validate  # load_path(FOLDER), which validates

Times the library's own steps inside one real ``load_path`` call (each is
wrapped with a timer; the calls are as loading makes them), in a fresh
process, and prints each phase's wall time and the part of it spent in
garbage collections (through ``gc.callbacks``, which this script reads and
the library never touches):

- read: reading files and hashing record files (for a columnar file);
- parse: ``json.loads`` of ``dataset.json`` and of the columnar files;
- record files: parsing and decoding a record file, one record at a time
  (the two are interleaved, so they are one phase);
- columnar decode: checking each column and looking values up in the pools
  and enums; columnar build: making the records from the columns;
- Dataset(): the constructor's registries and indexes; validate: the checks.

Phases nest (a record file's decode reads no file), and the rest (the
header's records, the article) is "other".
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

__all__ = ["main"]


class _Clock:
    """Wall time and garbage-collection time per phase, for phases that do not nest."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.collected: dict[str, float] = {}
        self.current: str | None = None
        self._started = 0.0
        self._gc_total = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self._gc_total += time.perf_counter() - self._started

    def wrap(self, owner: Any, name: str, phase: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.current is not None:  # nested: the outer phase keeps the time
                return original(*args, **kwargs)
            self.current = phase
            start, collected = time.perf_counter(), self._gc_total
            try:
                return original(*args, **kwargs)
            finally:
                self.wall[phase] = self.wall.get(phase, 0.0) + time.perf_counter() - start
                self.collected[phase] = self.collected.get(phase, 0.0) + self._gc_total - collected
                self.current = None

        setattr(owner, name, timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--validate", action="store_true", help="load_path(FOLDER) validates")
    args = parser.parse_args(argv)
    clock = _Clock()
    import newsfacts
    import newsfacts.dataset
    from newsfacts import _columns, loading

    clock.wrap(loading, "_read_bytes", "read")
    clock.wrap(loading, "_digest", "read")
    clock.wrap(loading, "_parse", "parse")
    clock.wrap(loading, "_records_of", "record files")
    clock.wrap(_columns, "_build", "columnar build")
    clock.wrap(_columns, "_column", "columnar decode")
    clock.wrap(newsfacts.dataset.Dataset, "__init__", "Dataset()")
    clock.wrap(newsfacts.dataset.Dataset, "validate", "validate")
    start, collected = time.perf_counter(), clock._gc_total
    newsfacts.load_path(args.folder, validate=args.validate)
    total = time.perf_counter() - start
    total_gc = clock._gc_total - collected
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024
    print(f"load_path({args.folder!r}, validate={args.validate}): {total:.2f} s")
    print(f"{'phase':<18} {'wall':>8} {'of which gc':>12}")
    for phase, wall in clock.wall.items():
        print(f"{phase:<18} {wall:>7.2f}s {clock.collected[phase]:>11.2f}s")
    other = total - sum(clock.wall.values())
    other_gc = total_gc - sum(clock.collected.values())
    print(f"{'other':<18} {other:>7.2f}s {other_gc:>11.2f}s")
    print(f"{'total':<18} {total:>7.2f}s {total_gc:>11.2f}s")
    print(f"peak RSS {peak_bytes / 1024 / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
