"""Building a source into the canonical dataset folder, and checking a folder against it.

The canonical folder is what :func:`newsfacts.load_path` reads and the
package ships: ``dataset.json``, one JSON file per registry and
``article.txt``. Building is deterministic: the same source gives the same
bytes, so a shipped folder can be checked against its source byte for byte.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newsfacts.dataset import Dataset
from newsfacts.export._atomic import MARKER
from newsfacts.export._atomic import write_folder as _write_whole
from newsfacts.format import ARTICLE_FILE, DATASET_FILE, KINDS
from newsfacts.loading import dump_files
from newsfacts.source import read
from newsfacts.source._read import read_file

__all__ = ["build", "differences", "write_folder"]


def build(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
) -> Dataset:
    """The dataset the source at ``source`` describes, written to the folder ``out`` if given.

    ``source`` is a source folder or one ``.toml`` file (see
    :mod:`newsfacts.source`). The dataset passes :func:`newsfacts.validate`,
    or :class:`~newsfacts.source.SourceError` is raised with every problem,
    and nothing is written. ``out`` is written as :func:`write_folder`
    writes it (``force`` to replace an earlier build). Raises
    :class:`TypeError` for an ``out`` that is not a path or a ``force`` that
    is not a bool, before the source is read.
    """
    if out is not None and not isinstance(out, str | os.PathLike):
        raise TypeError(f"out must be a str or os.PathLike, got {type(out).__name__}")
    if not isinstance(force, bool):
        raise TypeError(f"force must be a bool, got {type(force).__name__}")
    dataset = read(source)
    if out is not None:
        write_folder(dataset, out, force=force)
    return dataset


def _dataset_files() -> frozenset[str]:
    """The names a dataset folder holds: its canonical files, their columnar forms, a marker."""
    names = {DATASET_FILE, ARTICLE_FILE, MARKER}
    for kind in KINDS:
        names.update((kind.file, kind.columns_file))
    return frozenset(names)


def _only_dataset_files(folder: Path) -> str | None:
    """Why ``folder`` may not be replaced by a build: ``None`` when it holds a dataset only."""
    known = _dataset_files()
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    others = sorted(entry.name for entry in entries if entry.name not in known)
    if others:
        return f"holds files that are not a dataset's ({_first_names(others)})"
    # A folder (or a link) under a dataset file's name is not what a build
    # writes, and replacing the folder would delete what it holds.
    odd = sorted(entry.name for entry in entries if not _regular(entry))
    if odd:
        return f"holds entries that are not regular files ({_first_names(odd)})"
    if not any(entry.name == DATASET_FILE for entry in entries):
        return f"holds no {DATASET_FILE}, so it is not a dataset folder"
    return None


def _first_names(names: list[str]) -> str:
    """The first three of ``names``, and an ellipsis for the rest."""
    return ", ".join(names[:3]) + (", …" if len(names) > 3 else "")


def _regular(entry: Path) -> bool:
    """Whether ``entry`` is a regular file itself, not a folder, a link or a FIFO."""
    try:
        return stat.S_ISREG(entry.lstat().st_mode)
    except OSError:
        return False


def write_folder(dataset: Dataset, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the canonical files of ``dataset`` as the new folder ``out``, all at once.

    The files are written into a staging folder beside ``out``, which then
    takes its name, so ``out`` is never left half written. ``out`` must not
    exist, unless ``force`` is true and it is a dataset folder holding nothing
    but a dataset's files (``dataset.json``, the record files, their columnar
    forms, ``article.txt``, each a regular file): such a folder is replaced
    whole. Any other folder (a source, the current folder, one where a
    dataset file's name is a folder or a link), and a file, is never written
    into.
    Returns ``out`` normalised (``a/b/../c`` as ``a/c``). Raises
    :class:`~newsfacts.export.OutputExistsError` (a ``FileExistsError``)
    when ``out`` exists and may not be replaced, and
    :class:`~newsfacts.export.ExportError` when it cannot be written.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    files = dump_files(dataset)

    def fill(folder: Path) -> None:
        for name, data in files.items():
            (folder / name).write_bytes(data)

    return _write_whole(out, fill, force=force, replaceable=_only_dataset_files, marker=False)


def differences(dataset: Dataset, folder: str | os.PathLike[str]) -> tuple[str, ...]:
    """How the canonical files of ``folder`` differ from those of ``dataset``, one line each.

    Empty when every file is byte for byte what ``dataset`` gives. A file
    that is missing, unreadable (a folder, a FIFO: not a regular file) or
    different is named; files the format does not know are not looked at.
    """
    path = Path(folder)
    found = []
    for name, data in dump_files(dataset).items():
        try:
            present = read_file(path / name)
        except FileNotFoundError:
            found.append(f"{path / name}: missing")
            continue
        except OSError as error:
            found.append(f"{path / name}: cannot read: {error.strerror or error}")
            continue
        if present != data:
            found.append(f"{path / name}: differs from what the source builds")
    return tuple(found)
