"""Writing an export folder all at once, or not at all.

Every file goes into a fresh temporary folder beside the target (so the final
rename stays on one file system), which takes the target's name only once it
is complete. After an error the temporary folder is removed and the target is
as it was: never half written, and an existing folder replaced with ``force``
survives a failed export untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ._errors import ExportError, OutputExistsError

__all__ = ["write_folder"]


def write_folder(
    out: str | os.PathLike[str], build: Callable[[Path], None], *, force: bool = False
) -> Path:
    """Run ``build`` on an empty temporary folder, then move it to ``out``.

    ``out`` must not exist unless ``force`` is true, in which case an existing
    *folder* is replaced (a file of that name never is). Returns ``out`` as a
    :class:`~pathlib.Path`.
    """
    if not isinstance(out, str | os.PathLike):
        raise TypeError(f"out must be a str or os.PathLike, got {type(out).__name__}")
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, got {type(force).__name__}")
    given = Path(out)
    # Lexically normalised ("a/.." is "."), so the folder's name and parent are real ones.
    target = Path(os.path.abspath(given))
    if target == Path(target.anchor):
        raise ExportError(f"cannot export to {given}: a file system root is never an export folder")
    if target.exists() or target.is_symlink():
        if not force:
            raise OutputExistsError(
                f"{given} already exists; choose another folder, or pass force=True to replace it"
            )
        if target.is_symlink() or not target.is_dir():
            raise OutputExistsError(f"{given} exists and is not a folder; it is never replaced")
        if Path.cwd().is_relative_to(target):
            raise OutputExistsError(f"{given} holds the current folder; it is never replaced")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise ExportError(f"cannot write into {parent}: {error.strerror or error}") from None
    try:
        # mkdtemp makes a private folder; the export is made inside it with a
        # plain mkdir, so it gets the usual permissions (the umask's), and is
        # the one thing renamed into place.
        folder = staging / "export"
        folder.mkdir()
        build(folder)
        if target.exists():
            # A folder cannot be renamed over a non-empty one: move the old one aside first.
            retired = staging / "previous"
            target.rename(retired)
            try:
                folder.rename(target)
            except BaseException:
                retired.rename(target)
                raise
        else:
            folder.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return given
