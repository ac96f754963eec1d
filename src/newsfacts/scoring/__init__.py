"""Score an extraction system against gold facts, layer by layer.

>>> import newsfacts
>>> scores = newsfacts.score("abbas-putin-moscow-2018", "abbas-putin-moscow-2018")
>>> scores["events"].f1
1.0

:func:`score` takes the gold and the system as a :class:`~newsfacts.Dataset`,
a built-in dataset id or a dataset folder; the system may also be a JSON Lines
file of facts as a system emits them (``.jsonl``, see ``SCHEMA``) or a
brat standoff file (``.ann``, its text beside it as ``.txt``). The layers and
how they are matched are described in ``newsfacts.scoring._layers``; the
alignment in ``newsfacts.scoring._align``.

The package is named ``scoring``, not ``score``, so that importing it never
hides the function :func:`newsfacts.score`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from newsfacts.dataset import Dataset
from newsfacts.errors import DatasetError, NewsfactsError
from newsfacts.format import DATASET_FILE
from newsfacts.loading import builtin_datasets, load, load_path

from ._items import Resolver, Unanchored, View, gold_view, view_of
from ._layers import MATCHES, compare
from ._results import Finding, LayerScore, Scores, TypeScore

__all__ = [
    "EXAMPLE_SYSTEM",
    "MATCHES",
    "Finding",
    "LayerScore",
    "ScoreError",
    "ScoreExtraError",
    "Scores",
    "TypeScore",
    "Unanchored",
    "score",
    "system_schema",
]


def _example_system() -> Path:
    """The shipped example's path; from a zipped install, a copy extracted for the process."""
    here = Path(__file__).parent / "examples" / "system-output.jsonl"
    if here.is_file():
        return here
    import atexit
    import shutil
    import tempfile

    import importlib_resources

    # Readers take a path: from a zip, the example is copied, under its own name,
    # into a folder of its own that is removed when the interpreter exits.
    resource = importlib_resources.files(__name__).joinpath("examples", "system-output.jsonl")
    folder = Path(tempfile.mkdtemp(prefix="newsfacts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy = folder / "system-output.jsonl"
    copy.write_bytes(resource.read_bytes())
    return copy


EXAMPLE_SYSTEM = _example_system()
"""A small, deliberately imperfect system output for the built-in dataset (JSON Lines).

A path inside the installed package (where it is installed as files, the
usual case): the worked example of the documentation scores it.
"""


class ScoreError(DatasetError):
    """Input that cannot be scored: not a dataset, a line breaking the schema, another article.

    A :class:`~newsfacts.DatasetError` (so also a ``ValueError``): ``file``
    names the input and ``path`` where in it (``line 3, $.kind`` for JSON Lines).
    """


class ScoreExtraError(NewsfactsError, ImportError):
    """Scoring needs a library of the optional ``score`` extra that is not installed.

    An ``ImportError`` (and a :class:`~newsfacts.NewsfactsError`), not a
    :class:`ScoreError`: the input is fine, the installation lacks SciPy,
    jsonschema or RapidFuzz. The message says how to install the extra; the
    command line exits with ``4`` for it, as for an export's missing extra.
    """


def missing_extra(what: str) -> ScoreExtraError:
    """The error for ``what`` needing the ``score`` extra, with how to install it."""
    return ScoreExtraError(
        f"{what} needs the optional 'score' extra: python -m pip install 'newsfacts[score]' "
        "(from a checkout: python -m pip install '.[score]')"
    )


_Input = Dataset | str | os.PathLike[str]


def _load(value: _Input, role: str) -> Dataset | Path:
    if isinstance(value, Dataset):
        return value
    if not isinstance(value, str | os.PathLike):
        raise TypeError(
            f"{role} must be a Dataset, a built-in dataset id or a path, got {type(value).__name__}"
        )
    path = Path(value)
    if isinstance(value, str) and value in builtin_datasets() and not path.exists():
        return load(value)
    if path.is_dir():
        if not (path / DATASET_FILE).is_file():
            raise ScoreError(
                f"not a dataset folder (it has no {DATASET_FILE}); "
                f"expected a dataset folder or a built-in id ({', '.join(builtin_datasets())})",
                file=str(path),
            )
        return load_path(path, validate=False)
    if path.is_file():
        return path
    raise ScoreError(
        f"no such dataset, folder or file; built-in datasets: {', '.join(builtin_datasets())}",
        file=str(value),
    )


def _system_view(system: Dataset | Path, gold: Dataset, resolver: Resolver) -> View:
    if isinstance(system, Dataset):
        if system.article.sha256 != gold.article.sha256:
            raise ScoreError(
                f"the system's article is another text: its SHA-256 is {system.article.sha256}, "
                f"gold's {gold.article.sha256} ({gold.id})",
                file=system.id,
            )
        entities = system.entities
        return view_of(system, lambda ref: resolver.declared(entities.get(ref), ref))
    suffix = system.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        from ._jsonl import read_jsonl

        return read_jsonl(system, gold, resolver)
    if suffix == ".ann":
        from ._brat import read_brat

        return read_brat(system, gold, resolver)
    raise ScoreError(
        "unknown kind of system output: expected a dataset folder, a built-in id, "
        "a JSON Lines file (.jsonl) or a brat standoff file (.ann)",
        file=str(system),
    )


def system_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a line of JSON Lines system output, as shipped.

    A fresh copy each call; the file is ``system-output.schema.json`` in this package.
    """
    import copy

    from ._jsonl import schema

    return copy.deepcopy(schema())


def score(gold: _Input, system: _Input, *, match: str = "strict") -> Scores:
    """Score ``system`` against ``gold``, layer by layer.

    ``gold`` is a :class:`~newsfacts.Dataset`, a built-in dataset id or a
    dataset folder; ``system`` the same, or a JSON Lines file (``.jsonl``) or
    a brat standoff file (``.ann``). Only the article's own facts are scored
    (enrichments have no words to find); every mention is. ``match`` is
    ``"strict"`` (spans must be equal) or ``"relaxed"`` (spans must overlap).

    Raises :class:`ScoreError` for input that cannot be scored (not a dataset,
    a JSON Lines line breaking the schema, a system of another article: its
    text's SHA-256 differs), :class:`~newsfacts.DatasetError` for a dataset
    folder that cannot be read, ``TypeError`` and ``ValueError`` for wrong
    arguments.
    """
    if not isinstance(match, str):
        raise TypeError(f"match must be a str, got {type(match).__name__}")
    if match not in MATCHES:
        raise ValueError(f"match must be one of {', '.join(MATCHES)}, got {match!r}")
    gold_data = _load(gold, "gold")
    if not isinstance(gold_data, Dataset):
        raise ScoreError(
            "gold must be a dataset folder or a built-in id, not a file", file=str(gold_data)
        )
    system_data = _load(system, "system")
    resolver = Resolver(gold_data)
    system_view = _system_view(system_data, gold_data, resolver)
    layers = compare(resolver, gold_view(gold_data), system_view, match)
    return Scores(
        gold_data.id,
        match,
        tuple(layers.values()),
        system_view.unanchored,
        anchoring=dict(system_view.anchoring),
    )
