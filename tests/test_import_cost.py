"""``import newsfacts`` does no work: no data read, no optional or heavy modules.

A dataset package is often imported once per process by a script that needs
one answer, so importing it must cost no more than defining its classes. Each
check runs ``import newsfacts`` in a fresh interpreter, where nothing else has
been imported yet, and inspects what the import left behind: the modules in
``sys.modules``, the loader's caches, and every file the import opened (seen
through an audit hook). The first entity lookup, the commonest first answer,
is probed the same way: it reads the entities' file alone and defines no
record class but Entity. Nothing here is timed: speed is for the benchmarks.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import newsfacts

# These tests watch which data files are opened by path and which modules an
# install *as files* imports; a zipped install reads its data through
# importlib_resources (and so imports it, and pathlib) by design.
_AS_FILES = Path(newsfacts.__file__).is_file()
_FILES_ONLY = pytest.mark.skipif(
    not _AS_FILES, reason="watches data files read by path: the package is not installed as files"
)

__all__: list[str] = []

# Optional dependencies (exports, adapters, figures) and modules the import must
# not need: package metadata (the version is a constant), hashing (only the
# validator checks the article's digest), zip reading (only a zipped install
# reads its data through it).
OPTIONAL = (
    "rdflib",
    "pandas",
    "networkx",
    "frictionless",
    "matplotlib",
    "numpy",
    "scipy",
    "jsonschema",
    "rapidfuzz",
    "pyarrow",
)
HEAVY = ("importlib.metadata", "importlib_metadata", "hashlib", "zipfile", "pathlib")
LAZY = ("newsfacts.validation", "newsfacts.cli", "newsfacts.export", "newsfacts.scoring")
# What an entity lookup does not need: the other record classes (``model``),
# the other enums (``vocabulary``: predicates, roles, event kinds), the
# dataset's classes, the validator, and ``pathlib`` or ``importlib_resources``
# (an installed package's data is read by its path as a str).
NOT_FOR_LOOKUP = (
    "newsfacts.model",
    "newsfacts.vocabulary",
    "newsfacts.dataset",
    "newsfacts.validation",
    "pathlib",
    "importlib_resources",
)

PROBE = textwrap.dedent(
    """
    import json, os, sys
    opened = []

    def audit(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(args[0]))

    sys.addaudithook(audit)
    before = set(sys.modules)
    import newsfacts
    import newsfacts.loading
    after = set(sys.modules)
    sys.stdout.write(json.dumps({
        "new": sorted(after - before),
        "cache": sorted(newsfacts.loading._cache),
        "registries": sorted(key for _, key in newsfacts.loading._registries),
        "opened": opened,
    }))
    """
)


def _probe(code: str = PROBE) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    probe: dict[str, Any] = json.loads(result.stdout)
    return probe


@pytest.fixture(scope="module")
def probe() -> dict[str, Any]:
    return _probe()


DATA = Path(newsfacts.__file__).parent / "data"


def test_import_loads_no_dataset(probe: dict[str, Any]) -> None:
    assert probe["cache"] == []


def test_import_opens_no_data_file(probe: dict[str, Any]) -> None:
    # Python's own files (modules, bytecode) are opened; no file of any dataset is.
    data_files = [
        path
        for path in probe["opened"]
        if Path(path).resolve().is_relative_to(DATA.resolve()) or path.endswith(".json")
    ]
    assert data_files == []
    # The probe does see what is opened: the package's own modules.
    assert any(Path(path).name.startswith("__init__") for path in probe["opened"])


@pytest.mark.parametrize("module", OPTIONAL + HEAVY)
def test_import_pulls_in_no_optional_or_heavy_module(probe: dict[str, Any], module: str) -> None:
    assert not [name for name in probe["new"] if name == module or name.startswith(module + ".")]


@pytest.mark.parametrize("module", LAZY)
def test_modules_needed_only_on_use_stay_unimported(probe: dict[str, Any], module: str) -> None:
    assert not [name for name in probe["new"] if name == module or name.startswith(module + ".")]


def _lookup_probe() -> dict[str, Any]:
    # The probe's counterpart: a shortcut does read data, so the checks above
    # would have seen it had the import done so.
    code = PROBE.replace(
        "after = set(sys.modules)",
        "newsfacts.entities.lookup('Abbas')\nafter = set(sys.modules)",
    )
    return _probe(code)


@pytest.fixture(scope="module")
def lookup_probe() -> dict[str, Any]:
    return _lookup_probe()


@_FILES_ONLY
def test_an_entity_lookup_reads_the_entities_alone(lookup_probe: dict[str, Any]) -> None:
    assert lookup_probe["cache"] == []
    assert lookup_probe["registries"] == ["entities"]
    data_files = [
        Path(path).name
        for path in lookup_probe["opened"]
        if Path(path).resolve().is_relative_to(DATA.resolve())
    ]
    assert data_files == ["entities.json"]


@_FILES_ONLY
@pytest.mark.parametrize("module", NOT_FOR_LOOKUP)
def test_an_entity_lookup_imports_only_what_it_needs(
    lookup_probe: dict[str, Any], module: str
) -> None:
    new = lookup_probe["new"]
    assert "newsfacts.entity" in new
    assert not [name for name in new if name == module or name.startswith(module + ".")]


@_FILES_ONLY
def test_the_whole_dataset_reuses_the_registry_read_first() -> None:
    code = PROBE.replace(
        "after = set(sys.modules)",
        "first = newsfacts.entities\n"
        "assert newsfacts.load().entities is first is newsfacts.entities\n"
        "after = set(sys.modules)",
    )
    probe = _probe(code)
    assert probe["cache"] == [newsfacts.DEFAULT_DATASET]
    assert "newsfacts.model" in probe["new"]
    opened = [Path(path).name for path in probe["opened"]]
    # Each file once: the entities are not read a second time.
    assert opened.count("entities.json") == 1
    assert opened.count("events.json") == 1
