"""The columnar form of a dataset folder: derived files that load faster, never the data itself.

Beside each record file of a dataset folder (``statements.json``) may lie its
columnar form (``statements.columns.json``): the same records as one JSON
array per field, the values without an id (spans, verdicts, times,
attributions, participants, qualifiers) pooled so that each distinct one is
stored, decoded and built once. Its format, ``newsfacts-columns/1``, is
described in :doc:`/model` ("The files"). A columnar file records the SHA-256
of the exact bytes of the record file it was made from:

- :func:`newsfacts.load_path` reads it in place of the record file while that
  digest is the record file's; a columnar file made from other bytes (the
  record file was edited since) is *stale* and ignored, the record file read
  as before, so it never shadows the data (one edited by hand with its
  digest kept is read as it is; ``check_columns`` and ``newsfacts check``
  report it). A current columnar file gets every
  check the record file's records get, and one that cannot be read (not
  JSON, not of the format, a value that does not fit) is refused with a
  :class:`~newsfacts.errors.DatasetError` naming it and the JSON path.
- :func:`write_columns` writes them, after loading and validating the
  dataset from its record files alone; :func:`check_columns` says which are
  missing, stale or not what :func:`write_columns` would write.

A folder without columnar files loads as it always has; they pay for
themselves on large datasets (a million statements), not on small ones.

>>> import newsfacts, tempfile, pathlib
>>> from newsfacts.columnar import check_columns, write_columns
>>> from newsfacts.loading import dump_files
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name, data in dump_files(newsfacts.load()).items():
...     _ = (folder / name).write_bytes(data)
>>> [path.name for path in write_columns(folder)][:2]
['entities.columns.json', 'events.columns.json']
>>> check_columns(folder)
()
>>> newsfacts.load_path(folder).entities.lookup("abbas").wikidata
'Q127998'
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import os
from pathlib import Path

from ._columns import encode, recorded_digest
from .codec import InvalidData
from .format import KINDS

__all__ = ["check_columns", "dump_columns", "write_columns"]


def dump_columns(path: str | os.PathLike[str]) -> dict[str, bytes]:
    """The columnar files (name → bytes) of the dataset folder ``path``, as :func:`write_columns`
    writes them.

    The dataset is read from its record files alone (columnar files already
    there are not read) and must pass every check of
    :func:`newsfacts.validate`; otherwise :class:`~newsfacts.errors.DatasetError`
    is raised, with every problem. Each file is made from the very bytes whose
    SHA-256 it records, so a record file that changes meanwhile leaves a
    stale columnar file, never a wrong one. The same record files always give
    the same bytes.
    """
    from .loading import _read_sources

    _, sources = _read_sources(path)
    files: dict[str, bytes] = {}
    for kind in KINDS:
        records, digest = sources[kind.registry]
        files[kind.columns_file] = encode(kind.cls, records, digest)
    return files


def write_columns(path: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Write the columnar file of each record file of the dataset folder ``path``; returns their paths.

    The files are those of :func:`dump_columns` (the dataset must load and
    pass every check, or nothing is written). Each replaces its file
    atomically: it is written to a staging file in the same folder and renamed
    onto its name, so a reader (or a crash) sees the old file or the new one,
    never part of one; the record files are never written. Raises
    :class:`OSError` if a file cannot be written.
    """
    from .export._atomic import write_file

    files = dump_columns(path)
    folder = Path(path)
    return tuple(write_file(folder / name, data) for name, data in files.items())


def check_columns(path: str | os.PathLike[str], *, read_only: bool = False) -> tuple[str, ...]:
    """How the columnar files of the dataset folder ``path`` differ from what
    :func:`write_columns` would write, one line each; empty when every one is current.

    A file is *missing*, *stale* (made from other bytes than its record file
    holds now, so loading ignores it), or *different* (it records the right
    digest but is not what :func:`write_columns` writes: edited by hand, or
    written by another version); one that cannot be read is named with the
    reason (a FIFO or device in its place is reported, never waited on, as
    the loader refuses it). With ``read_only``, only the files loading reads
    in place of their record file and that are not what it makes of it (the
    *different* ones: a hand edit that kept the digest), which
    ``newsfacts check`` reports. Loads and validates the dataset as
    :func:`dump_columns` does, raising :class:`~newsfacts.errors.DatasetError`
    if it cannot.
    """
    import json

    from .errors import DatasetError
    from .loading import MAX_FILE_SIZE, _read_bytes

    folder = Path(path)
    if read_only and not any(os.path.lexists(folder / kind.columns_file) for kind in KINDS):
        return ()  # no file is read in place of its record file: no need to make them
    expected = dump_columns(path)
    found: list[str] = []
    for kind in KINDS:
        target = folder / kind.columns_file
        data = expected[kind.columns_file]
        if not os.path.lexists(target):
            if not read_only:
                found.append(f"{target}: missing")
            continue
        try:
            # As the loader reads it: a regular file only, so a FIFO in its
            # place is reported, never waited on.
            present = _read_bytes(folder, f"{folder}{os.sep}", kind.columns_file, MAX_FILE_SIZE)
        except DatasetError as error:
            if not read_only:
                found.append(f"{target}: {error.message}")
            continue
        if present == data:
            continue
        try:
            digest = recorded_digest(json.loads(present))
        except (ValueError, RecursionError, InvalidData):  # not JSON, or not of the format
            if not read_only:
                found.append(f"{target}: not a columnar file of this format")
            continue
        if digest != recorded_digest(json.loads(data)):
            if not read_only:
                found.append(f"{target}: stale (made from other bytes than {kind.file} holds)")
        else:
            found.append(f"{target}: differs from what is made from {kind.file}")
    return tuple(found)
