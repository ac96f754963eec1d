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

from ._version import __version__
from .dataset import About, Dataset, Metadata
from .errors import (
    AmbiguousNameError,
    DatasetError,
    NewsfactsError,
    NotFoundError,
    UnknownDatasetError,
    UnknownIdError,
)
from .loading import DEFAULT_DATASET, builtin_datasets, load, load_path
from .model import (
    Article,
    Attribution,
    Entity,
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

# The class's first name, importable as before but outside ``__all__``, so that
# ``from newsfacts import *`` does not shadow ``typing.Literal``.
from .model import Literal as Literal
from .registry import Match, Registry
from .timespec import TimePoint, TimeSpec
from .vocabulary import (
    EntityKind,
    EventKind,
    EventStatus,
    Modality,
    MonthPart,
    Origin,
    PloverType,
    Precision,
    Predicate,
    QualifierKind,
    Rating,
    Resolution,
    Role,
)

if TYPE_CHECKING:
    import os

    from .scoring import Scores
    from .validation import Problem

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

# Attributes served from the default dataset, loaded on first access.
_SHORTCUTS = frozenset({"article", "entities", "events", "mentions", "sources", "statements"})


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


def build(source: str | os.PathLike[str], out: str | os.PathLike[str] | None = None) -> Dataset:
    """Build the dataset a source describes, writing its canonical folder to ``out`` if given.

    See :func:`newsfacts.building.build`; raises
    :class:`~newsfacts.source.SourceError` with every problem of the source.
    """
    from .building import build as _build

    return _build(source, out)


def lookup(name: str) -> Entity | Event:
    """The one entity or event of the default dataset answering to ``name``.

    See :meth:`newsfacts.dataset.Dataset.lookup`: raises :class:`NotFoundError` or
    :class:`AmbiguousNameError`, and :class:`TypeError` for a non-str.
    """
    return load().lookup(name)


def __getattr__(name: str) -> Any:
    if name in _SHORTCUTS:
        return getattr(load(), name)
    if name == "BUILTIN_DATASETS":
        return builtin_datasets()
    if name == "export":
        # Imported on first use: the exports' own optional libraries stay unimported.
        import importlib

        return importlib.import_module(".export", __name__)
    if name == "Problem":
        from .validation import Problem

        return Problem
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SHORTCUTS | {"Problem", "BUILTIN_DATASETS", "export"})


if TYPE_CHECKING:
    from .model import Article as _Article
    from .model import Mention as _Mention

    BUILTIN_DATASETS: tuple[str, ...]
    article: _Article
    entities: Registry[Entity]
    events: Registry[Event]
    statements: Registry[Statement]
    mentions: tuple[_Mention, ...]
    sources: Registry[Source]
