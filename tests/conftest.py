"""Shared test settings: the hypothesis profiles.

``dev`` (the default) runs few examples so that a local run stays quick;
``ci`` runs enough to matter. ``ci`` is chosen when the ``CI`` environment
variable is set (as CI services do), or by name with ``HYPOTHESIS_PROFILE``.
Neither has a deadline: timing is for the benchmarks, never for a test.

The suite also runs from a read-only checkout (a packaged source tree, a
shared mount, another user's clone): hypothesis keeps its example database
only where it can write one, and pytest's cache warning is ignored (see
``pyproject.toml``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase

__all__: list[str] = []

# Datasets are large composite draws, and some tests walk every name of the
# built-in dataset: their size and generation time are not defects.
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]


def _database() -> ExampleDatabase | None:
    """Hypothesis's usual database folder where it can be written, else none at all."""
    folder = Path(os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY", ".hypothesis")) / "examples"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return None
    return DirectoryBasedExampleDatabase(folder)


_DATABASE = _database()
settings.register_profile(
    "dev", max_examples=20, deadline=None, suppress_health_check=_SLOW, database=_DATABASE
)
# CI runs the whole suite once at this depth: 100 examples per property keep
# that run near a quarter of an hour, now that every validator rule has a
# mutation property of its own.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=_SLOW,
    print_blob=True,
    database=_DATABASE,
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    ci = os.environ.get("CI", "").strip().lower()
    return "ci" if ci not in ("", "0", "false", "no") else "dev"


settings.load_profile(_profile())
