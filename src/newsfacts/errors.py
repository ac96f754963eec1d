"""One error hierarchy under :class:`NewsfactsError`.

Lookup errors are also :class:`KeyError` (and so :class:`LookupError`), so
code written for a mapping keeps working; data errors name the file and the
JSON path of what was wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AmbiguousNameError",
    "DatasetError",
    "NewsfactsError",
    "NotFoundError",
    "UnknownDatasetError",
    "UnknownIdError",
]


class NewsfactsError(Exception):
    """Base class of every error this package raises on purpose."""


class _KeyLookupError(NewsfactsError, KeyError):
    # KeyError.__str__ quotes its argument like a repr; a person reads these.
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownIdError(_KeyLookupError):
    """No record has this id."""

    def __init__(self, kind: str, id: str, suggestions: Iterable[str] = ()) -> None:
        self.kind = kind
        self.id = id
        self.suggestions = tuple(suggestions)
        hint = (
            f"; did you mean {', '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        )
        super().__init__(f"no {kind} with id {_clip(id)!r}{hint}")


class UnknownDatasetError(_KeyLookupError):
    """No built-in dataset has this id."""

    def __init__(self, id: str, available: Iterable[str]) -> None:
        self.id = id
        self.available = tuple(available)
        super().__init__(
            f"no built-in dataset {_clip(id)!r}; available: {', '.join(self.available)}"
        )


class NotFoundError(_KeyLookupError):
    """No record answers to this name; ``suggestions`` holds close names."""

    def __init__(self, kind: str, query: str, suggestions: Iterable[str] = ()) -> None:
        self.kind = kind
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; close: {', '.join(map(repr, self.suggestions))}" if self.suggestions else ""
        super().__init__(f"no {kind} named {_clip(query)!r}{hint}")


class AmbiguousNameError(_KeyLookupError):
    """Several records answer to this name; ``candidates`` holds their ids."""

    def __init__(self, kind: str, query: str, candidates: Iterable[str]) -> None:
        self.kind = kind
        self.query = query
        self.candidates = tuple(candidates)
        super().__init__(
            f"{_clip(query)!r} names more than one {kind}: {', '.join(self.candidates)}; "
            "look up by id instead"
        )


class DatasetError(NewsfactsError, ValueError):
    """Data that cannot be loaded: names the file and the JSON path.

    ``problems`` holds every problem found when the data loaded but did not
    pass validation.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        path: str | None = None,
        problems: tuple[object, ...] = (),
    ) -> None:
        self.file = file
        self.path = path
        self.problems = problems
        where = ""
        if file is not None:
            where = f"{file}"
            if path is not None:
                where += f" at {path}"
            where += ": "
        elif path is not None:
            where = f"at {path}: "
        self.message = message
        super().__init__(where + message)


def _clip(text: str, limit: int = 80) -> str:
    # Keep error messages readable when given a huge string.
    return text if len(text) <= limit else text[: limit - 1] + "…"
