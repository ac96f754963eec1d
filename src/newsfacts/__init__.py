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
from .loading import BUILTIN_DATASETS, DEFAULT_DATASET, load, load_path
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
    "entities",
    "events",
    "load",
    "load_path",
    "lookup",
    "mentions",
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


def lookup(name: str) -> Entity | Event:
    """The one entity or event of the default dataset answering to ``name``.

    See :meth:`newsfacts.dataset.Dataset.lookup`: raises :class:`NotFoundError` or
    :class:`AmbiguousNameError`, and :class:`TypeError` for a non-str.
    """
    return load().lookup(name)


def __getattr__(name: str) -> Any:
    if name in _SHORTCUTS:
        return getattr(load(), name)
    if name == "export":
        # Imported on first use: the exports' own optional libraries stay unimported.
        import importlib

        return importlib.import_module(".export", __name__)
    if name == "Problem":
        from .validation import Problem

        return Problem
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SHORTCUTS | {"Problem", "export"})


if TYPE_CHECKING:
    from .model import Article as _Article
    from .model import Mention as _Mention

    article: _Article
    entities: Registry[Entity]
    events: Registry[Event]
    statements: Registry[Statement]
    mentions: tuple[_Mention, ...]
    sources: Registry[Source]
