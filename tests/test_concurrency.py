"""Concurrency: many threads asking for the default dataset at once get one object.

The first ``load()`` reads and builds the dataset behind a lock and publishes
it only when it is whole; every caller, however many arrive together, must get
the very same object, and no error. Checked in a fresh interpreter (a truly
empty cache, module shortcuts included) and in this one with the cache
emptied for the test and the read slowed down to widen the race.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

import newsfacts
from newsfacts import Dataset, loading

__all__: list[str] = []

THREADS = 32

_FRESH = """
import json, threading
import newsfacts

threads = {threads}
barrier = threading.Barrier(threads)
seen, errors = [], []

def ask(number):
    try:
        barrier.wait()
        # Half ask load(), half go through the module shortcuts.
        dataset = newsfacts.load() if number % 2 else None
        entities = newsfacts.entities
        seen.append(id(dataset if dataset is not None else newsfacts.load()))
        seen.append(id(entities))
    except BaseException as error:
        errors.append(repr(error))

workers = [threading.Thread(target=ask, args=(n,)) for n in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
ds = newsfacts.load()
print(json.dumps({{
    "datasets": sorted(set(seen[0::2])),
    "registries": sorted(set(seen[1::2])),
    "expected": [id(ds), id(ds.entities)],
    "errors": errors,
}}))
"""


def test_threads_in_a_fresh_interpreter_get_one_dataset() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FRESH.format(threads=THREADS)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["datasets"] == [report["expected"][0]]
    assert report["registries"] == [report["expected"][1]]


def _race(call: Callable[[], Any], threads: int = THREADS) -> tuple[list[Any], list[BaseException]]:
    barrier = threading.Barrier(threads)
    results: list[Any] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run() -> None:
        try:
            barrier.wait()
            value = call()
        except BaseException as error:  # every failure is reported, none lost in a thread
            with lock:
                errors.append(error)
        else:
            with lock:
                results.append(value)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results, errors


def test_a_cold_cache_is_filled_once_under_contention(monkeypatch: pytest.MonkeyPatch) -> None:
    original = newsfacts.load()
    reads: list[str] = []
    real_read = loading._read

    def slow_read(*args: Any, **kwargs: Any) -> Dataset:
        reads.append(str(args[1]))
        # Not a timing assertion: a pause that lets every thread reach the lock.
        time.sleep(0.05)
        return real_read(*args, **kwargs)

    # An empty cache for this test only; monkeypatch puts the real one back.
    monkeypatch.setattr(loading, "_cache", {})
    monkeypatch.setattr(loading, "_read", slow_read)
    results, errors = _race(newsfacts.load)
    assert errors == []
    assert len(results) == THREADS
    assert all(result is results[0] for result in results)
    assert len(reads) == 1
    assert results[0] is not original
    assert tuple(results[0].entities) == tuple(original.entities)
    assert newsfacts.load() is results[0]


def test_one_registry_read_alone_is_read_once_and_kept_by_the_dataset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = newsfacts.load()
    reads: list[str] = []
    real_read_records = loading._read_records

    def slow_read_records(*args: Any, **kwargs: Any) -> Any:
        reads.append(str(args[2]))
        time.sleep(0.05)  # not a timing assertion: lets every thread reach the lock
        return real_read_records(*args, **kwargs)

    monkeypatch.setattr(loading, "_cache", {})
    monkeypatch.setattr(loading, "_registries", {})
    monkeypatch.setattr(loading, "_read_records", slow_read_records)
    results, errors = _race(lambda: loading.builtin_registry("entities"))
    assert errors == []
    assert len(results) == THREADS
    assert all(result is results[0] for result in results)
    assert reads == ["entities"]
    assert tuple(results[0]) == tuple(original.entities)
    # The whole dataset reads the other files and keeps the registry read first.
    whole = newsfacts.load()
    assert whole is not original
    assert whole.entities is results[0]
    assert sorted(reads) == sorted(["entities", "events", "statements", "mentions", "sources"])


def test_the_real_cache_is_back_after_the_cold_test() -> None:
    assert newsfacts.load() is newsfacts.load(newsfacts.DEFAULT_DATASET)
    assert newsfacts.entities is newsfacts.load().entities


def test_concurrent_queries_agree() -> None:
    ds = newsfacts.load()
    expected = (ds.entities.lookup("abbas"), ds.timeline(), ds.entities.search("putn"))
    results, errors = _race(
        lambda: (ds.entities.lookup("abbas"), ds.timeline(), ds.entities.search("putn"))
    )
    assert errors == []
    assert all(result == expected for result in results)


def test_unknown_ids_fail_alike_in_every_thread() -> None:
    results, errors = _race(lambda: newsfacts.load("no-such-dataset"))
    assert results == []
    assert len(errors) == THREADS
    assert all(isinstance(error, newsfacts.UnknownDatasetError) for error in errors)


def test_a_new_datasets_query_indexes_are_built_once_under_contention(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first ``about``/``timeline``/``mentions_at`` of a new dataset builds its indexes;
    threads arriving together wait for them, and all see the same, whole indexes."""
    from newsfacts import dataset as dataset_module

    built: list[int] = []
    real = dataset_module._Indexes.__init__

    def slow_build(self: Any, dataset: Dataset) -> None:
        built.append(id(dataset))
        time.sleep(0.05)  # not a timing assertion: lets every thread reach the lock
        real(self, dataset)

    monkeypatch.setattr(dataset_module._Indexes, "__init__", slow_build)
    ds = newsfacts.load()
    fresh = Dataset(
        ds.metadata,
        ds.article,
        tuple(ds.entities),
        tuple(ds.events),
        tuple(ds.statements),
        ds.mentions,
        tuple(ds.sources),
    )
    abbas = ds.entities.lookup("abbas")
    offset = ds.mentions[0].span.start

    def ask() -> tuple[object, ...]:
        return (fresh.about(abbas), fresh.timeline(), fresh.mentions_at(offset))

    results, errors = _race(ask)
    assert errors == []
    assert built == [id(fresh)]
    expected = (ds.about(abbas), ds.timeline(), ds.mentions_at(offset))
    assert all(result == expected for result in results)
