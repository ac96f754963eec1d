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
from .loading import BUILTIN_DATASETS, DEFAULT_DATASET, load, load_path
from .loading import REGISTRIES as _REGISTRY_KEYS
from .loading import builtin_registry as _builtin_registry
from .registry import Match, Registry
from .timespec import TimePoint, TimeSpec

if TYPE_CHECKING:
    from .dataset import About, Dataset, Metadata
    from .model import (
        Article,
        Attribution,
        Event,
        Fact,
        Literal,
        Mention,
        Participant,
        Qualifier,
        Source,
        Span,
        Statement,
        Verdict,
    )
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
    "Literal",
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
    "mentions",
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
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SHORTCUTS | _RECORDS | _DATASET | _VOCABULARY | {"Problem"})


if TYPE_CHECKING:
    from .model import Article as _Article
    from .model import Mention as _Mention

    article: _Article
    entities: Registry[Entity]
    events: Registry[Event]
    statements: Registry[Statement]
    mentions: tuple[_Mention, ...]
    sources: Registry[Source]
