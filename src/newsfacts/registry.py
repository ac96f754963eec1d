"""A read-only collection of records with the three verbs of a data package.

``get`` (by id, ``None`` or a default when absent), ``registry[id]`` (raises
:class:`~newsfacts.errors.UnknownIdError`), ``lookup`` (by any name, folded;
raises :class:`~newsfacts.errors.NotFoundError` or
:class:`~newsfacts.errors.AmbiguousNameError`), ``search`` (ranked fuzzy
matches, never raises on a string) and ``filter`` (by field values). Every
index is built once, in the constructor; a registry never changes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar, overload

import attrs

from .errors import AmbiguousNameError, NotFoundError, UnknownIdError
from .model import Verdict
from .names import fold, trigrams
from .vocabulary import Rating

__all__ = ["Match", "Registry"]


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)
_D = TypeVar("_D")

# Longer queries cannot match any name; cutting them keeps search cheap on huge input.
MAX_QUERY_LENGTH = 200
_MIN_SCORE = 0.3
_MISSING = object()


@attrs.frozen
class Match(Generic[R]):
    """One result of :meth:`Registry.search`: the record, the name that matched, a score in (0, 1]."""

    record: R
    name: str
    score: float


def _check_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, got {type(value).__name__}")
    return value


class Registry(Generic[R]):
    """Records of one kind, by id and by name, immutable."""

    __slots__ = (
        "_by_fold",
        "_by_id",
        "_exact",
        "_fields",
        "_grams",
        "_kind",
        "_max_name",
        "_name_list",
        "_names_of",
        "_records",
    )

    def __init__(
        self,
        kind: str,
        records: Iterable[R],
        names_of: Callable[[R], Iterable[str]] = lambda record: (),
    ) -> None:
        self._kind = kind
        self._records: tuple[R, ...] = tuple(records)
        by_id: dict[str, R] = {}
        for record in self._records:
            by_id.setdefault(record.id, record)
        self._by_id: Mapping[str, R] = MappingProxyType(by_id)
        self._names_of = names_of
        self._fields: frozenset[str] | None = None
        # Folded name -> records answering to it (more than one: ambiguous).
        by_fold: dict[str, list[R]] = {}
        names: list[tuple[str, str, R]] = []  # (folded, as written, record)
        for record in self._records:
            seen: set[str] = set()
            for name in (record.id, *names_of(record)):
                key = fold(name)
                if not key or key in seen:
                    continue
                seen.add(key)
                holders = by_fold.setdefault(key, [])
                if all(h is not record for h in holders):
                    holders.append(record)
                names.append((key, name, record))
        self._by_fold: Mapping[str, tuple[R, ...]] = MappingProxyType(
            {key: tuple(holders) for key, holders in by_fold.items()}
        )
        # The exact spellings given, resolved ahead: most lookups stop here.
        exact: dict[str, R] = {}
        for key, name, _ in names:
            holders_ = self._by_fold[key]
            if len(holders_) == 1:
                exact[name] = holders_[0]
        self._exact: Mapping[str, R] = MappingProxyType(exact)
        self._name_list: tuple[tuple[str, str, R], ...] = tuple(names)
        self._max_name = max((len(n) for _, n, _ in names), default=0)
        grams: dict[str, list[int]] = {}
        for index, (key, _, _) in enumerate(names):
            for gram in trigrams(key):
                grams.setdefault(gram, []).append(index)
        self._grams: Mapping[str, tuple[int, ...]] = MappingProxyType(
            {gram: tuple(indexes) for gram, indexes in grams.items()}
        )

    # --- mapping-like --------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        """An id, or a record of this registry."""
        if isinstance(item, str):
            return item in self._by_id
        record_id = getattr(item, "id", None)
        return isinstance(record_id, str) and self._by_id.get(record_id) == item

    def __repr__(self) -> str:
        return f"<Registry of {len(self._records)} {self._kind} records>"

    # Immutable, so a copy is the registry itself.
    def __copy__(self) -> Registry[R]:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Registry[R]:
        return self

    def __getitem__(self, id: str) -> R:
        try:
            return self._by_id[id]
        except KeyError:
            _check_str(id, f"{self._kind} id")
            raise UnknownIdError(self._kind, id, self._close_ids(id)) from None
        except TypeError:
            raise TypeError(f"{self._kind} id must be a str, got {type(id).__name__}") from None

    @overload
    def get(self, id: str) -> R | None: ...
    @overload
    def get(self, id: str, default: _D) -> R | _D: ...
    def get(self, id: str, default: object = None) -> object:
        """The record with this id, else ``default``; an id that is not a str is a TypeError."""
        try:
            hit = self._by_id.get(id, _MISSING)
        except TypeError:
            hit = _MISSING
        if hit is not _MISSING:
            return hit
        # Checked only on a miss, so the common hit costs nothing extra.
        if not isinstance(id, str):
            raise TypeError(f"{self._kind} id must be a str, got {type(id).__name__}")
        return default

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    # --- names ---------------------------------------------------------------

    def lookup(self, name: str) -> R:
        """The one record answering to ``name``: its id, name, an alias, or an
        external id, compared after :func:`~newsfacts.names.fold`.

        Raises :class:`NotFoundError` (with close names) or
        :class:`AmbiguousNameError` (with the candidates' ids).
        """
        hit = self._exact.get(name) if type(name) is str else None
        if hit is not None:
            return hit
        _check_str(name, "name")
        if len(name) > 4 * self._max_name + 16:
            raise NotFoundError(self._kind, name)
        holders = self._by_fold.get(fold(name), ())
        if len(holders) == 1:
            return holders[0]
        if holders:
            raise AmbiguousNameError(self._kind, name, (r.id for r in holders))
        raise NotFoundError(self._kind, name, self._suggest(name))

    def search(self, query: str, limit: int = 10) -> tuple[Match[R], ...]:
        """Records whose names resemble ``query``, best first.

        Exact (folded) names score 1.0, then prefixes, then names sharing the
        most character trigrams. Each record appears once, under its best
        name. An empty or unmatched query gives an empty tuple.
        """
        _check_str(query, "query")
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f"limit must be an int, got {type(limit).__name__}")
        if limit < 0:
            raise ValueError(f"limit must not be negative, got {limit}")
        key = fold(query[:MAX_QUERY_LENGTH])
        if not key or limit == 0:
            return ()
        query_grams = trigrams(key)
        shared: dict[int, int] = {}
        for gram in query_grams:
            for index in self._grams.get(gram, ()):
                shared[index] = shared.get(index, 0) + 1
        best: dict[str, Match[R]] = {}
        names = self._name_list
        size = len(query_grams)
        for index, count in shared.items():
            folded, name, record = names[index]
            if folded == key:
                score = 1.0
            else:
                # Dice similarity on trigrams, lifted for a prefix match
                # so that "putn" still finds "Putin" before "Palestine".
                score = 2.0 * count / (size + len(folded) + 2) * 0.9
                if folded.startswith(key) or key.startswith(folded):
                    score = max(
                        score, 0.5 + 0.4 * min(len(key), len(folded)) / max(len(key), len(folded))
                    )
            if score < _MIN_SCORE:
                continue
            current = best.get(record.id)
            if current is None or score > current.score:
                best[record.id] = Match(record, name, round(score, 6))
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.name, m.record.id))
        return tuple(ranked[:limit])

    def _suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        # Suggest what a person would type: the record's name, not the slug that matched.
        return tuple(
            dict.fromkeys(getattr(m.record, "name", m.name) for m in self.search(name, limit))
        )

    def _close_ids(self, id: str) -> tuple[str, ...]:
        if len(id) > 4 * self._max_name + 16:
            return ()
        return tuple(m.record.id for m in self.search(id, 3))

    # --- filtering -----------------------------------------------------------

    def filter(
        self, where: Callable[[R], bool] | None = None, /, **fields: object
    ) -> tuple[R, ...]:
        """Records whose fields equal the given values (and that pass ``where``).

        ``kind=EntityKind.PERSON``, ``predicate=Predicate.CAPITAL_OF``,
        ``origin=Origin.ENRICHMENT``; a :class:`~newsfacts.vocabulary.Rating`
        given for ``verdict`` matches the verdict's rating. A field the records
        do not have raises :class:`TypeError`.
        """
        if where is not None and not callable(where):
            raise TypeError(
                f"filter's positional argument must be callable, got {type(where).__name__}"
            )
        tests = [self._field_test(name, value) for name, value in fields.items()]
        out = []
        for record in self._records:
            if where is not None and not where(record):
                continue
            if all(test(record) for test in tests):
                out.append(record)
        return tuple(out)

    def _field_test(self, name: str, value: object) -> Callable[[R], bool]:
        if self._fields is None:
            names: set[str] = set()
            for record in self._records[:1]:
                names.update(f.name for f in attrs.fields(type(record)))  # type: ignore[arg-type]
            self._fields = frozenset(names)
        if self._records and name not in self._fields:
            raise TypeError(
                f"{self._kind} records have no field {name!r}; fields: {', '.join(sorted(self._fields))}"
            )
        if isinstance(value, Rating) and name == "verdict":
            return lambda record: _rating_of(getattr(record, name)) is value
        if isinstance(value, enum.Enum):
            return lambda record: getattr(record, name) is value
        if isinstance(value, list | dict | set):
            raise TypeError(
                f"filter value for {name!r} must be hashable, got {type(value).__name__}"
            )
        return lambda record: bool(getattr(record, name) == value)

    def as_mapping(self) -> Mapping[str, R]:
        """A read-only id → record mapping."""
        return self._by_id


def _rating_of(verdict: Any) -> Rating | None:
    return verdict.rating if isinstance(verdict, Verdict) else None
