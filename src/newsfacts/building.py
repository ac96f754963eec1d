"""Building a source into the canonical dataset folder, and checking a folder against it.

The canonical folder is what :func:`newsfacts.load_path` reads and the
package ships: ``dataset.json``, one JSON file per registry and
``article.txt``. Building is deterministic: the same source gives the same
bytes, so a shipped folder can be checked against its source byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsfacts.dataset import Dataset
from newsfacts.loading import dump_files
from newsfacts.source import read

__all__ = ["build", "differences", "write_folder"]


def build(source: str | os.PathLike[str], out: str | os.PathLike[str] | None = None) -> Dataset:
    """The dataset the source at ``source`` describes, written to the folder ``out`` if given.

    ``source`` is a source folder or one ``.toml`` file (see
    :mod:`newsfacts.source`). The dataset passes :func:`newsfacts.validate`,
    or :class:`~newsfacts.source.SourceError` is raised with every problem,
    and nothing is written. ``out`` is created if needed; the canonical
    files in it are replaced, other files are left alone. Raises
    :class:`OSError` if a file cannot be written.
    """
    dataset = read(source)
    if out is not None:
        write_folder(dataset, out)
    return dataset


def write_folder(dataset: Dataset, out: str | os.PathLike[str]) -> Path:
    """Write the canonical files of ``dataset`` into the folder ``out`` (created if needed).

    The canonical files in it are replaced, other files are left alone.
    Raises :class:`OSError` if a file cannot be written.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in dump_files(dataset).items():
        (folder / name).write_bytes(data)
    return folder


def differences(dataset: Dataset, folder: str | os.PathLike[str]) -> tuple[str, ...]:
    """How the canonical files of ``folder`` differ from those of ``dataset``, one line each.

    Empty when every file is byte for byte what ``dataset`` gives. A file
    that is missing, unreadable or different is named; files the format does
    not know are not looked at.
    """
    path = Path(folder)
    found = []
    for name, data in dump_files(dataset).items():
        try:
            present = (path / name).read_bytes()
        except FileNotFoundError:
            found.append(f"{path / name}: missing")
            continue
        except OSError as error:
            found.append(f"{path / name}: cannot read: {error.strerror or error}")
            continue
        if present != data:
            found.append(f"{path / name}: differs from what the source builds")
    return tuple(found)
