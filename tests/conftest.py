"""Shared test settings: the hypothesis profiles.

``dev`` (the default) runs few examples so that a local run stays quick;
``ci`` runs enough to matter. ``ci`` is chosen when the ``CI`` environment
variable is set (as CI services do), or by name with ``HYPOTHESIS_PROFILE``.
Neither has a deadline: timing is for the benchmarks, never for a test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

__all__: list[str] = []

# Datasets are large composite draws, and some tests walk every name of the
# built-in dataset: their size and generation time are not defects.
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile("dev", max_examples=20, deadline=None, suppress_health_check=_SLOW)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=_SLOW, print_blob=True
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    ci = os.environ.get("CI", "").strip().lower()
    return "ci" if ci not in ("", "0", "false", "no") else "dev"


settings.load_profile(_profile())
