"""Writing an export folder all at once, or not at all, and never over a user's files.

Every file goes into a fresh staging folder beside the target (so the final
rename stays on one file system), which takes the target's name only once it
is complete. After an error the staging folder is removed and the target is
as it was.

- **One winner.** The complete folder is renamed onto the target's name; a
  rename onto a folder that holds anything fails, so of several exports to
  one new folder exactly one succeeds and the rest raise
  :class:`OutputExistsError`, whenever the folder appeared.
- **One path.** ``out`` is normalised once (``a/b/../../c`` is ``c``); that
  path is checked, written and returned.
- **Replace only an export.** Every export folder holds a marker file,
  :data:`MARKER`; ``force`` replaces a folder only when it holds one, so a
  folder of one's own (a dataset, a home folder) is never deleted.
- **Crash-safe replace.** The old folder is renamed into the staging folder,
  then the new one onto the target's name. A process killed between the two
  leaves both inside the staging folder, which names its process; the next
  export beside it finds it and completes the replace (the new folder is
  complete by then), so neither the target's name is left empty nor a
  hidden folder left behind. Staging folders of processes that no longer
  run are removed the same way, by any later export into the same parent.

:func:`write_file` replaces one file the same way: written whole to a
staging file beside it, then renamed onto its name; a staging file left by a
process that no longer runs is removed by any later write into its folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ._errors import ExportError, OutputExistsError

__all__ = ["MARKER", "write_file", "write_folder"]

MARKER = ".newsfacts-export"
"""The file that marks a folder as written by an export (so ``force`` may replace it)."""
_MARKER_TEXT = "This folder was written by newsfacts' export; --force may replace it.\n"
_STAGING = ".newsfacts-staging"


def _staging_prefix(target: Path) -> str:
    return f".{target.name}{_STAGING}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or no way to tell: leave it
    return True


_STAGING_NAME = re.compile(r"\.(.+)\.newsfacts-staging-([0-9]+)\.")


def _recover(parent: Path) -> None:
    """Finish or remove what exports into ``parent`` left when their process died."""
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    for entry in entries:
        found = _STAGING_NAME.match(entry.name)
        if found is None or _alive(int(found[2])):
            continue
        if not entry.is_dir():
            # A file that write_file never renamed into place.
            if entry.is_file() and not entry.is_symlink():
                with contextlib.suppress(OSError):
                    entry.unlink()
            continue
        target = parent / found[1]
        done, previous = entry / "export", entry / "previous"
        if previous.is_dir() and not target.exists():
            # Killed between the two renames: the old folder was moved aside.
            # A complete new one finishes the replace; otherwise the old returns.
            with contextlib.suppress(OSError):
                (done if (done / MARKER).is_file() else previous).rename(target)
        shutil.rmtree(entry, ignore_errors=True)


def _exported(folder: Path) -> str | None:
    """Why ``folder`` may not be replaced: ``None`` when an earlier export wrote it."""
    if (folder / MARKER).is_file():
        return None
    return f"was not written by an export (it has no {MARKER} file)"


def _replacing(
    given: Path, target: Path, force: bool, replaceable: Callable[[Path], str | None]
) -> bool:
    """Whether ``target`` exists and may be replaced; raises :class:`OutputExistsError` if not."""
    if not (target.exists() or target.is_symlink()):
        return False
    if not force:
        raise OutputExistsError(
            f"{given} already exists; choose another folder, or pass force=True to replace it"
        )
    if target.is_symlink() or not target.is_dir():
        raise OutputExistsError(f"{given} exists and is not a folder; it is never replaced")
    if Path.cwd().is_relative_to(target):
        raise OutputExistsError(f"{given} holds the current folder; it is never replaced")
    refused = replaceable(target)
    if refused is not None:
        raise OutputExistsError(f"{given} {refused}; it is never replaced")
    return True


def write_folder(
    out: str | os.PathLike[str],
    build: Callable[[Path], None],
    *,
    force: bool = False,
    replaceable: Callable[[Path], str | None] = _exported,
    marker: bool = True,
) -> Path:
    """Run ``build`` on an empty staging folder, then move it to ``out``.

    ``out`` must not exist unless ``force`` is true, in which case an existing
    folder is replaced when ``replaceable(folder)`` gives ``None`` (by
    default: an earlier export wrote it, it holds :data:`MARKER`), and never
    when it gives a reason, which the error states; a file never is. With
    ``marker`` the new folder holds :data:`MARKER`. Returns ``out``
    normalised (``a/b/../c`` as ``a/c``), the one path checked and written.
    Raises :class:`OutputExistsError` or :class:`ExportError`.
    """
    if not isinstance(out, str | os.PathLike):
        raise TypeError(f"out must be a str or os.PathLike, got {type(out).__name__}")
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, got {type(force).__name__}")
    given = Path(os.path.normpath(out))
    # Lexically normalised ("a/.." is "."), so the folder's name and parent are real ones.
    target = Path(os.path.abspath(given))
    if target == Path(target.anchor):
        raise ExportError(f"cannot export to {given}: a file system root is never an export folder")
    _recover(target.parent)
    try:
        replacing = _replacing(given, target, force, replaceable)
    except OutputExistsError:  # a FileExistsError, so an OSError: raised as it is
        raise
    except OSError as error:  # a name too long, a parent that is a file: nothing written
        raise ExportError(f"cannot write {given}: {error.strerror or error}") from None
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f"{_staging_prefix(target)}{os.getpid()}.", dir=parent)
        )
    except OSError as error:
        raise ExportError(f"cannot write into {parent}: {error.strerror or error}") from None
    try:
        # mkdtemp makes a private folder; the export is made inside it with a
        # plain mkdir, so it gets the usual permissions (the umask's), and is
        # the one thing renamed into place.
        folder = staging / "export"
        folder.mkdir()
        build(folder)
        if marker:
            (folder / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        if replacing:
            # A folder cannot be renamed over a non-empty one: move the old one aside first.
            retired = staging / "previous"
            try:
                target.rename(retired)
            except FileNotFoundError:
                pass  # another export replaced or removed it meanwhile: create instead
            else:
                try:
                    folder.rename(target)
                except BaseException:
                    retired.rename(target)
                    raise
                return given
        try:
            folder.rename(target)
        except OSError as error:
            # Made meanwhile by someone else (another export, say): theirs stays.
            if error.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR):
                raise OutputExistsError(
                    f"{given} was created by someone else while this export ran; it is left "
                    "as it is"
                ) from None
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return given


def write_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace the file ``path`` (or create it) with ``data``, at once; returns ``path``.

    ``data`` goes into a staging file beside ``path`` (in the same folder, so
    the rename stays on one file system), named after this process, and is
    flushed to disk; the staging file is then renamed onto ``path``. A reader
    sees the old bytes or the new ones, never part of them, and after an
    error the staging file is removed and ``path`` is as it was. The new file
    has the usual permissions (the umask's). Raises :class:`OSError`.
    """
    target = Path(path)
    parent = target.parent
    _recover(parent)
    prefix = f"{_staging_prefix(target)}{os.getpid()}."
    while True:
        staging = parent / f"{prefix}{os.urandom(4).hex()}"
        try:
            descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - a name drawn twice
            continue
        break
    try:
        with open(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise
    return target
