"""A read-only collection of records with the three verbs of a data package.

``get`` (by id, ``None`` or a default when absent), ``registry[id]`` (raises
:class:`~newsfacts.errors.UnknownIdError`), ``lookup`` (by any name, folded;
raises :class:`~newsfacts.errors.NotFoundError` or
:class:`~newsfacts.errors.AmbiguousNameError`), ``search`` (ranked fuzzy
matches, never raises on a string) and ``filter`` (by field values). The id
index is built in the constructor, the name and trigram indexes on the first
lookup or search (once, under a lock); a registry never changes.
"""

from __future__ import annotations

import enum
import operator
import threading
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

import attrs

from ._checks import to_tuple
from .errors import AmbiguousNameError, NotFoundError, UnknownIdError
from .names import fold, trigrams

if TYPE_CHECKING:
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
# Names looked up in another spelling than the exact one ("ABBAS", "abu mazen")
# are remembered with their record, up to this many per registry, so that a
# repeated query costs a dict look-up instead of a fold.
_FOLDED_CACHE_SIZE = 4096


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


def no_names(record: object) -> tuple[str, ...]:
    """The default ``names_of``: records known by id only (a module function, so it pickles)."""
    return ()


class Registry(Generic[R]):
    """Records of one kind, by id and by name, immutable."""

    __slots__ = (
        "_by_id",
        "_by_id_view",
        "_exact",
        "_fields",
        "_folded",
        "_grams",
        "_index_lock",
        "_indexed",
        "_kind",
        "_max_name",
        "_name_list",
        "_names_of",
        "_records",
        "_shared",
        "_unique",
    )

    def __init__(
        self,
        kind: str,
        records: Iterable[R],
        names_of: Callable[[R], Iterable[str]] = no_names,
    ) -> None:
        if not isinstance(kind, str):
            raise TypeError(f"kind must be a str, got {type(kind).__name__}")
        if not callable(names_of):
            raise TypeError(f"names_of must be callable, got {type(names_of).__name__}")
        self._kind = kind
        self._records: tuple[R, ...] = to_tuple(records)
        by_id = _by_id(kind, self._records)
        # A plain dict, never changed, for the hot paths; callers get a read-only view.
        self._by_id: dict[str, R] = by_id
        self._by_id_view: Mapping[str, R] = MappingProxyType(by_id)
        self._names_of = names_of
        self._fields: frozenset[str] | None = None
        self._folded: dict[str, R] = {}
        # The name indexes are built on first use (a lookup, a search): folding
        # every name is most of the cost of a registry, and a large dataset's
        # statements are rarely looked up by name. Until then ``_exact`` is
        # empty and every lookup takes the path that builds them.
        self._exact: dict[str, R] = {}
        # Folded name -> the one record answering to it; -> the records, when several do.
        self._unique: dict[str, R] = {}
        self._shared: Mapping[str, tuple[R, ...]] = MappingProxyType({})
        self._max_name = 0
        self._indexed = False
        # (folded name, name as written, record) of every name: search's, built with its index.
        self._name_list: tuple[tuple[str, str, R], ...] | None = None
        # The trigram index serves only search (and suggestions): built on first use.
        self._grams: Mapping[str, tuple[int, ...]] | None = None
        self._index_lock = threading.Lock()

    def _index_names(self) -> None:
        """Builds the lookup indexes once: whole, then published, the flag last."""
        if self._indexed:
            return
        with self._index_lock:
            self._build_name_index()

    def _build_name_index(self) -> None:
        # Called under the lock; another thread may have built it meanwhile.
        if not self._indexed:
            # One dict entry per folded name, and no object per name, so that a
            # million names add nothing for the garbage collector to walk.
            unique: dict[str, R] = {}
            shared: dict[str, list[R]] = {}
            exact: dict[str, R] = {}
            longest = 0
            names_of = self._names_of
            for record in self._records:
                for name in (record.id, *names_of(record)):
                    key = fold(name)
                    if not key:
                        continue
                    if len(name) > longest:
                        longest = len(name)
                    exact.setdefault(name, record)
                    holder = unique.get(key)
                    if holder is record:
                        continue
                    if holder is not None:
                        del unique[key]
                        shared[key] = [holder, record]
                    elif key in shared:
                        holders = shared[key]
                        if all(h is not record for h in holders):
                            holders.append(record)
                    else:
                        unique[key] = record
            # A name whose folded form several records answer to resolves to none.
            for key, holders in shared.items():
                for holder in holders:
                    for name in (holder.id, *names_of(holder)):
                        if fold(name) == key:
                            exact.pop(name, None)
            self._unique = unique
            self._shared = MappingProxyType(
                {key: tuple(holders) for key, holders in shared.items()}
            )
            self._max_name = longest
            self._exact = exact
            self._indexed = True

    def _names(self) -> tuple[tuple[str, str, R], ...]:
        """Every (folded name, name as written, record), each folded name once per record."""
        built = self._name_list
        if built is not None:
            return built
        with self._index_lock:
            if self._name_list is None:
                names: list[tuple[str, str, R]] = []
                for record in self._records:
                    seen: set[str] = set()
                    for name in (record.id, *self._names_of(record)):
                        key = fold(name)
                        if key and key not in seen:
                            seen.add(key)
                            names.append((key, name, record))
                self._name_list = tuple(names)
            return self._name_list

    def _trigram_index(self) -> Mapping[str, tuple[int, ...]]:
        grams_ = self._grams
        if grams_ is not None:
            return grams_
        names = self._names()
        with self._index_lock:
            if self._grams is None:
                grams: dict[str, list[int]] = {}
                for index, (key, _, _) in enumerate(names):
                    for gram in trigrams(key):
                        grams.setdefault(gram, []).append(index)
                # Built whole, then published: readers never see half an index.
                self._grams = MappingProxyType(
                    {gram: tuple(indexes) for gram, indexes in grams.items()}
                )
            return self._grams

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

    def __reduce__(self) -> tuple[type[Registry[R]], tuple[object, ...]]:
        # Rebuilt from its records (the indexes and the lock are not state).
        return (type(self), (self._kind, self._records, self._names_of))

    def __getitem__(self, id: str) -> R:
        try:
            return self._by_id[id]
        except KeyError:
            if not isinstance(id, str):
                raise TypeError(f"{self._kind} id must be a str, got {type(id).__name__}") from None
            raise UnknownIdError(self._kind, id, self._close_ids(id)) from None
        except TypeError:
            raise TypeError(f"{self._kind} id must be a str, got {type(id).__name__}") from None

    @overload
    def get(self, id: str) -> R | None: ...
    @overload
    def get(self, id: str, default: _D) -> R | _D: ...  # type: ignore[overload-overlap]
    @overload
    def get(self, **fields: object) -> R | None: ...
    def get(self, id: object = _MISSING, default: object = None, **fields: object) -> object:
        """The record with this id, else ``default``; an id that is not a str is a TypeError.

        Given fields instead of an id, as pycountry's ``get`` takes them
        (``entities.get(wikidata="Q127998")``), the one record whose fields
        equal all of them (compared as :meth:`filter` compares), else
        ``default``. Several matching records raise
        :class:`~newsfacts.errors.AmbiguousNameError`; a field the records do
        not have, :class:`TypeError`.
        """
        if fields:
            if id is not _MISSING:
                raise TypeError("get takes an id or fields, not both")
            found = self.filter(**fields)
            if len(found) > 1:
                query = ", ".join(f"{name}={value!r}" for name, value in fields.items())
                raise AmbiguousNameError(self._kind, query, (r.id for r in found))
            return found[0] if found else default
        if id is _MISSING:
            raise TypeError("get needs an id or at least one field")
        try:
            return self._by_id[id]  # type: ignore[index]
        except (KeyError, TypeError):
            pass
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
        if type(name) is str:
            # Two dict probes, no exception: the spelling as written, then as folded before.
            found = self._exact.get(name)
            if found is None:
                found = self._folded.get(name)
            if found is not None:
                return found
        _check_str(name, "name")
        # A str subclass may hash or compare its own way: the caches hold plain str keys only.
        name = str.__str__(name)
        hit = self._folded.get(name)
        if hit is not None:
            return hit
        self._index_names()
        if len(name) > 4 * self._max_name + 16:
            raise NotFoundError(self._kind, name)
        key = fold(name)
        found = self._unique.get(key)
        if found is not None:
            # Remembered only when found; the registry never changes, so neither does the answer.
            if len(self._folded) >= _FOLDED_CACHE_SIZE:
                self._folded.clear()
            self._folded[name] = found
            return found
        holders = self._shared.get(key)
        if holders:
            raise AmbiguousNameError(self._kind, name, (r.id for r in holders))
        raise NotFoundError(self._kind, name, self._suggest(name))

    def ambiguous(self) -> Mapping[str, tuple[R, ...]]:
        """Each folded name (:func:`~newsfacts.names.fold`) that more than one record answers to.

        A read-only mapping from the folded name to those records, in registry
        order; empty when every name leads to one record, as
        :func:`~newsfacts.validate` requires of a dataset. Built from the
        lookup index, which it builds if no lookup has yet.
        """
        self._index_names()
        return self._shared

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
        index_ = self._trigram_index()
        names = self._names()
        # Counting the shared trigrams of every name is one C-level pass.
        shared = Counter[int]()
        for gram in query_grams:
            postings = index_.get(gram)
            if postings is not None:
                shared.update(postings)
        # (score, name, record) per record id; Match objects only for what is returned.
        best: dict[str, tuple[float, str, R]] = {}
        size = len(query_grams)
        length = len(key)
        for index, count in shared.items():
            folded, name, record = names[index]
            if folded == key:
                score = 1.0
            else:
                # Dice similarity on trigrams, lifted for a prefix match
                # so that "putn" still finds "Putin" before "Palestine".
                score = 2.0 * count / (size + len(folded) + 2) * 0.9
                if folded.startswith(key) or key.startswith(folded):
                    other = len(folded)
                    score = max(score, 0.5 + 0.4 * min(length, other) / max(length, other))
            if score < _MIN_SCORE:
                continue
            current = best.get(record.id)
            if current is None or score > current[0]:
                best[record.id] = (round(score, 6), name, record)
        ranked = sorted(best.values(), key=lambda m: (-m[0], m[1], m[2].id))
        return tuple(Match(record, name, score) for score, name, record in ranked[:limit])

    def _suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        # Suggest what a person would type: the record's name, not the slug that matched.
        return tuple(
            dict.fromkeys(getattr(m.record, "name", m.name) for m in self.search(name, limit))
        )

    def _close_ids(self, id: str) -> tuple[str, ...]:
        self._index_names()
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
        given for ``verdict`` matches the verdict's rating. An enum field also
        takes its member's value (``kind="person"``, ``verdict="false"``); a
        value that names no member raises :class:`ValueError`. A field the
        records do not have raises :class:`TypeError`.
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
        # Imported here: a registry of entities is made without the other record classes.
        from .model import Verdict
        from .vocabulary import Rating

        # A value of the wrong type can never match: say so rather than return nothing.
        sample = next((v for r in self._records if (v := getattr(r, name)) is not None), None)
        if name == "verdict":
            if isinstance(value, str):
                try:
                    value = Rating(value)
                except ValueError:
                    raise ValueError(
                        f"filter value for 'verdict' must be one of "
                        f"{', '.join(repr(m.value) for m in Rating)}, got {_clip(str(value))!r}"
                    ) from None
            if value is not None and not isinstance(value, Rating | Verdict):
                raise TypeError(
                    f"filter value for 'verdict' must be a Rating or a Verdict, got {type(value).__name__}"
                )
        elif isinstance(sample, enum.Enum) and isinstance(value, str):
            # The enum's value, as people type it: kind="person".
            members = type(sample)
            try:
                value = members(value)
            except ValueError:
                raise ValueError(
                    f"filter value for {name!r} must be one of "
                    f"{', '.join(repr(m.value) for m in members)}, got {_clip(str(value))!r}"
                ) from None
        elif (
            isinstance(sample, enum.Enum)
            and value is not None
            and not isinstance(value, type(sample))
        ):
            raise TypeError(
                f"filter value for {name!r} must be a member of {type(sample).__name__}, got {type(value).__name__}"
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
        return self._by_id_view


def _by_id(kind: str, records: tuple[R, ...]) -> dict[str, R]:
    """Each record by its id, the first of any repeated one; :class:`TypeError` for a record
    without a str id."""
    try:
        found: list[object] = list(map(operator.attrgetter("id"), records))  # in C
    except AttributeError:
        found = [getattr(record, "id", None) for record in records]
    if not set(map(type, found)) <= {str}:
        for record, record_id in zip(records, found, strict=True):
            if type(record_id) is not str:
                raise TypeError(
                    f"{kind} records must have a str id, got {type(record).__name__}"
                    + ("" if record_id is None else f" with a {type(record_id).__name__} id")
                )
    ids = typing.cast("list[str]", found)
    by_id: dict[str, R] = dict(zip(ids, records, strict=True))
    if len(by_id) < len(records):
        # A repeated id (which the validator reports): the first record keeps it.
        by_id = {}
        for record_id, record in zip(ids, records, strict=True):
            by_id.setdefault(record_id, record)
    return by_id


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _rating_of(verdict: Any) -> Rating | None:
    # A record's verdict is a Verdict or None (its validator says so).
    return None if verdict is None else verdict.rating
