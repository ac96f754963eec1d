"""The errors of the exports, under :class:`newsfacts.NewsfactsError`."""

from __future__ import annotations

from newsfacts.errors import NewsfactsError

__all__ = ["ExportError", "MissingExtraError", "OutputExistsError"]


class ExportError(NewsfactsError):
    """An export that cannot be written."""


class OutputExistsError(ExportError, FileExistsError):
    """The output folder exists and replacing it was not asked for."""


class MissingExtraError(ExportError, ImportError):
    """An export needs a library of an optional extra that is not installed."""

    def __init__(self, what: str, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(
            f"{what} needs {module}, which is not installed; "
            f"install it with: python -m pip install 'newsfacts[{extra}]' "
            f"(from a checkout: python -m pip install '.[{extra}]')"
        )
