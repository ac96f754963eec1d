"""newsfacts: the facts of a news article as typed, frozen records.

>>> import newsfacts
>>> newsfacts.entities.lookup("abbas").name
'Mahmoud Abbas'

The module-level ``entities``, ``events``, ``statements``, ``mentions``,
``sources`` and ``article`` serve the default dataset, read on first use (not
at import). :func:`load` gives a built-in dataset by id, :func:`load_path`
one of your own in the same format, checked the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._kinds import EntityKind, MonthPart, Origin, Precision, Resolution
from ._version import __version__
from .entity import Entity
from .errors import (
    AmbiguousNameError,
    DatasetError,
    NewsfactsError,
    NotFoundError,
    UnknownDatasetError,
    UnknownIdError,
)
from .loading import DEFAULT_DATASET, builtin_datasets, load, load_path
from .loading import REGISTRIES as _REGISTRY_KEYS
from .loading import builtin_registry as _builtin_registry
from .registry import Match, Registry
from .timespec import TimePoint, TimeSpec

if TYPE_CHECKING:
    import os

    from .dataset import About, Dataset, Metadata
    from .model import (
        Article,
        Attribution,
        Event,
        Fact,
        LiteralValue,
        Mention,
        Participant,
        Qualifier,
        Source,
        Span,
        Statement,
        Verdict,
    )
    from .model import (
        Literal as Literal,
    )
    from .scoring import Scores
    from .validation import Problem
    from .vocabulary import (
        EventKind,
        EventStatus,
        Modality,
        PloverType,
        Predicate,
        QualifierKind,
        Rating,
        Role,
    )

__all__ = [
    "BUILTIN_DATASETS",
    "DEFAULT_DATASET",
    "About",
    "AmbiguousNameError",
    "Article",
    "Attribution",
    "Dataset",
    "DatasetError",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "EventStatus",
    "Fact",
    "LiteralValue",
    "Match",
    "Mention",
    "Metadata",
    "Modality",
    "MonthPart",
    "NewsfactsError",
    "NotFoundError",
    "Origin",
    "Participant",
    "PloverType",
    "Precision",
    "Predicate",
    "Problem",
    "Qualifier",
    "QualifierKind",
    "Rating",
    "Registry",
    "Resolution",
    "Role",
    "Source",
    "Span",
    "Statement",
    "TimePoint",
    "TimeSpec",
    "UnknownDatasetError",
    "UnknownIdError",
    "Verdict",
    "__version__",
    "article",
    "build",
    "builtin_datasets",
    "entities",
    "events",
    "load",
    "load_path",
    "lookup",
    "mentions",
    "score",
    "sources",
    "statements",
    "validate",
]

# The record classes other than Entity, defined on first access: an entity
# lookup, the commonest first use, needs none of them.
_RECORDS = frozenset(
    {
        "Article",
        "Attribution",
        "Event",
        "Fact",
        "Literal",
        "LiteralValue",
        "Mention",
        "Participant",
        "Qualifier",
        "Source",
        "Span",
        "Statement",
        "Verdict",
    }
)
_DATASET = frozenset({"About", "Dataset", "Metadata"})
_VOCABULARY = frozenset(
    {
        "EventKind",
        "EventStatus",
        "Modality",
        "PloverType",
        "Predicate",
        "QualifierKind",
        "Rating",
        "Role",
    }
)
# Attributes served from the default dataset, loaded on first access.
_SHORTCUTS = frozenset({"article", "entities", "events", "mentions", "sources", "statements"})
_REGISTRIES = frozenset(_REGISTRY_KEYS)


def validate(dataset: Dataset) -> tuple[Problem, ...]:
    """Every consistency problem of ``dataset``; empty when it is consistent."""
    from .validation import validate as _validate

    return _validate(dataset)


def score(
    gold: Dataset | str | os.PathLike[str],
    system: Dataset | str | os.PathLike[str],
    *,
    match: str = "strict",
) -> Scores:
    """Score an extraction system's output against gold facts, layer by layer.

    See :func:`newsfacts.scoring.score`; needs the ``score`` extra for
    alignments that are not one to one from the start.
    """
    from .scoring import score as _score

    return _score(gold, system, match=match)


def build(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
) -> Dataset:
    """Build the dataset a source describes, writing its canonical folder to ``out`` if given.

    See :func:`newsfacts.building.build`: ``out`` is a new folder (``force``
    replaces an earlier build). Raises :class:`~newsfacts.source.SourceError`
    with every problem of the source, and
    :class:`~newsfacts.export.OutputExistsError` when ``out`` exists.
    """
    from .building import build as _build

    return _build(source, out, force=force)


def lookup(name: str) -> Entity | Event:
    """The one entity or event of the default dataset answering to ``name``.

    See :meth:`newsfacts.dataset.Dataset.lookup`: raises :class:`NotFoundError` or
    :class:`AmbiguousNameError`, and :class:`TypeError` for a non-str.
    """
    return load().lookup(name)


def __getattr__(name: str) -> Any:
    if name in _REGISTRIES:
        # A registry alone reads its own file, not the whole dataset.
        return _builtin_registry(name)
    if name in _SHORTCUTS:
        return getattr(load(), name)
    if name in _RECORDS:
        from . import model

        return getattr(model, name)
    if name in _DATASET:
        from . import dataset

        return getattr(dataset, name)
    if name in _VOCABULARY:
        from . import vocabulary

        return getattr(vocabulary, name)
    if name == "Problem":
        from .validation import Problem

        return Problem
    if name == "BUILTIN_DATASETS":
        return builtin_datasets()
    if name == "export":
        # Imported on first use: the exports' own optional libraries stay unimported.
        import importlib

        return importlib.import_module(".export", __name__)
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    extra = {"Problem", "BUILTIN_DATASETS", "export"}
    return sorted(set(globals()) | _SHORTCUTS | _RECORDS | _DATASET | _VOCABULARY | extra)


if TYPE_CHECKING:
    from .model import Article as _Article
    from .model import Mention as _Mention

    article: _Article
    entities: Registry[Entity]
    events: Registry[Event]
    statements: Registry[Statement]
    mentions: tuple[_Mention, ...]
    sources: Registry[Source]
    BUILTIN_DATASETS: tuple[str, ...]
