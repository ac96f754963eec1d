"""Running a call that might block on a FIFO, without letting it hang the test run."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

__all__ = ["raised_in_time"]


def raised_in_time(call: Callable[[], object], fifo: Path) -> list[BaseException]:
    """What ``call`` raises (empty if it returns), failing the test if it blocks on ``fifo``.

    ``call`` runs in a daemon thread given 60 seconds; a reader still blocked
    then is unblocked (a writer opens the FIFO) before the test fails, so no
    thread is left waiting.
    """
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():
        with open(fifo, "wb"):
            pass
        pytest.fail(f"blocked on the FIFO {fifo}")
    return outcome
