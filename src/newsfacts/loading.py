"""Reading datasets: the built-in ones from the package, any other from a folder.

A dataset is a folder of UTF-8 JSON files beside its article text:

``dataset.json``
    ``{"format": ..., "metadata": {...}, "article": {...}}``, the article
    without its text, which is ``article.txt`` byte for byte;
``entities.json``, ``events.json``, ``statements.json``, ``mentions.json``, ``sources.json``
    one JSON array of records each;
``entities.columns.json``, …, ``sources.columns.json`` (optional)
    the columnar form of a record file (see :mod:`newsfacts.columnar`),
    derived from it and recording the SHA-256 of its bytes.
    :func:`load_path` reads one in place of its record file while that digest
    is the record file's; a stale one (made from other bytes) is ignored and
    the record file read as before. A current one gets every check the record
    file's records get, and a fault in it is refused as a fault of the record
    file is. The built-in datasets have none, and none is looked for.

Loading is all or nothing: a file that cannot be read, parsed or turned into
records raises :class:`~newsfacts.errors.DatasetError` naming the file and the
JSON path, and nothing is cached or returned. Only regular files are read:
a FIFO or a device in a file's place is refused, never waited on; a symbolic
link is followed wherever it leads (as ``cp`` follows one), and what it
reaches must be a regular file. Text that is not Unicode (a lone surrogate
escape such as ``"\\ud800"``) is refused at its JSON path. The built-in datasets are read
with ``importlib_resources.files()``, so they load from a wheel, a zip or a
source tree alike, once per process, behind a lock.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import stat
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ._validators import ID_PATTERN
from .codec import InvalidData, json_path, share_repeats
from .errors import DatasetError, UnknownDatasetError
from .format import ARTICLE_FILE, BY_REGISTRY, DATASET_FILE, FORMAT, KINDS

if TYPE_CHECKING:
    from pathlib import Path

    from .dataset import Dataset, Metadata
    from .model import Article
    from .registry import Registry
    from .validation import Problem

    BUILTIN_DATASETS: tuple[str, ...]
    """The ids of the built-in datasets, as :func:`builtin_datasets` gives them when asked for."""

__all__ = [
    "BUILTIN_DATASETS",
    "DEFAULT_DATASET",
    "FORMAT",
    "MAX_FILE_SIZE",
    "MAX_PROBLEMS_SHOWN",
    "builtin_datasets",
    "builtin_registry",
    "dump_files",
    "load",
    "load_path",
]

DEFAULT_DATASET = "abbas-putin-moscow-2018"
MAX_FILE_SIZE = 1 << 30
"""Files larger than this (1 GiB) are refused before they are read."""
MAX_PROBLEMS_SHOWN = 20
"""How many consistency problems a :class:`DatasetError`'s message lists; ``problems`` has all."""

# The registries that can be read alone, from their one file.
REGISTRIES = tuple(kind.registry for kind in KINDS if kind.registry != "mentions")

_T = TypeVar("_T")
_cache: dict[str, Dataset] = {}
# Registries of a built-in dataset read before the whole of it, by (id, key):
# an entity lookup needs one file, not five. ``load`` reuses them.
_registries: dict[tuple[str, str], Registry[Any]] = {}
_lock = threading.Lock()
# While any load decodes its files (counted, so that concurrent loads nest),
# the decoder shares equal values (``share_repeats``); the process's garbage
# collector is left as it is.
_share_lock = threading.Lock()
_loads = 0


class _Readable(Protocol):
    """What loading needs of a folder: a ``pathlib.Path``, an importlib Traversable,
    or a ``_Folder`` (a path as a str, for the built-in data installed as files)."""

    def joinpath(self, *descendants: str) -> Any: ...


def load(id: str = DEFAULT_DATASET) -> Dataset:
    """A built-in dataset, by id (the default one without), read once per process.

    Thread-safe: every caller gets the same :class:`Dataset` object. Raises
    :class:`~newsfacts.errors.UnknownDatasetError` for an unknown id.
    """
    dataset = _cache.get(id) if isinstance(id, str) else None
    if dataset is not None:
        return dataset
    if not isinstance(id, str):
        raise TypeError(f"dataset id must be a str, got {type(id).__name__}")
    if ID_PATTERN.fullmatch(id) is None or id not in builtin_datasets():
        raise UnknownDatasetError(id, builtin_datasets())
    with _lock:
        dataset = _cache.get(id)
        if dataset is None:
            root = _builtin_folder(id)
            read = {key: _registries[(id, key)] for key in REGISTRIES if (id, key) in _registries}
            # Built fully before it is published; readers never see half a dataset.
            dataset = _read(root, f"{id}/", validate=False, registries=read)
            _cache[id] = dataset
    return dataset


def builtin_registry(key: str, id: str = DEFAULT_DATASET) -> Registry[Any]:
    """One registry (``"entities"``, ``"events"``, ...) of a built-in dataset, read alone.

    The same object as ``load(id).<key>``: once the whole dataset is loaded its
    registry is returned; before that, only the registry's own file is read
    (the built-in datasets are proved valid when they are built), and
    :func:`load` later reuses it. Thread-safe, read once per process. Raises
    ``ValueError`` for another key, :class:`~newsfacts.errors.UnknownDatasetError`
    for an unknown id.
    """
    if key not in REGISTRIES:
        raise ValueError(f"not a registry of a dataset: {key!r}")
    dataset = _cache.get(id)
    if dataset is not None:
        registry: Registry[Any] = getattr(dataset, key)
        return registry
    found = _registries.get((id, key))
    if found is not None:
        return found
    if not isinstance(id, str) or ID_PATTERN.fullmatch(id) is None or id not in builtin_datasets():
        raise UnknownDatasetError(str(id), builtin_datasets())
    with _lock:
        dataset = _cache.get(id)
        if dataset is not None:
            return getattr(dataset, key)  # type: ignore[no-any-return]
        found = _registries.get((id, key))
        if found is None:
            from ._registries import make_registry

            records = _read_records(_builtin_folder(id), f"{id}/", key, MAX_FILE_SIZE)
            # Built whole, then published.
            found = make_registry(key, records)
            _registries[(id, key)] = found
    return found


class _Folder:
    """A folder of files by its path as a ``str``: enough for loading, without ``pathlib``."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def joinpath(self, *descendants: str) -> str:
        return os.path.join(self.path, *descendants)


def builtin_datasets() -> tuple[str, ...]:
    """The ids of the built-in datasets, sorted: the folders of the package's ``data`` folder.

    A folder is a built-in dataset when it holds a ``dataset.json``; nothing
    else lists them, so a dataset added to ``data`` is found as it is.
    """
    root = _data_folder()
    if isinstance(root, _Folder):
        names = [
            name
            for name in os.listdir(root.path)
            if os.path.isfile(os.path.join(root.path, name, DATASET_FILE))
        ]
    else:
        names = [entry.name for entry in root.iterdir() if entry.joinpath(DATASET_FILE).is_file()]
    return tuple(sorted(name for name in names if ID_PATTERN.fullmatch(name)))


def _data_folder() -> Any:
    """The package's ``data`` folder, for reading.

    Installed as files (the usual case), the package's data lies beside this
    module, and ``importlib_resources.files()`` would return that very
    folder as a ``pathlib.Path``, after importing ``pathlib``, its readers
    and ``zipfile`` (3 ms and 1.6 MiB, more than reading the data). Any other
    install (a zip, an importer of one's own) goes through
    ``importlib_resources.files()``.
    """
    module_file = globals().get("__file__")
    if isinstance(module_file, str):
        folder = os.path.join(os.path.dirname(module_file), "data")
        if os.path.isdir(folder):
            return _Folder(folder)
    import importlib_resources

    return importlib_resources.files("newsfacts").joinpath("data")


def __getattr__(name: str) -> Any:
    # BUILTIN_DATASETS is looked up in the data folder when asked for, not at import.
    if name == "BUILTIN_DATASETS":
        return builtin_datasets()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _builtin_folder(id: str) -> _Readable:
    """Where a built-in dataset's files are, for reading."""
    folder: _Readable = _data_folder().joinpath(id)
    if isinstance(folder, str):
        return _Folder(folder)
    return folder


def load_path(
    path: str | os.PathLike[str],
    *,
    validate: bool = True,
    max_file_size: int = MAX_FILE_SIZE,
) -> Dataset:
    """A dataset of one's own, from a folder in the same format as the built-in ones.

    With ``validate`` (the default) the dataset must also pass every check of
    :func:`newsfacts.validate`; otherwise :class:`~newsfacts.errors.DatasetError`
    is raised with all the problems in its ``problems``. A record file with a
    current columnar form beside it (``statements.columns.json``, written by
    :func:`newsfacts.columnar.write_columns`) is read from that form, which
    loads faster and gives the same records.
    """
    if not isinstance(max_file_size, int) or isinstance(max_file_size, bool):
        raise TypeError(f"max_file_size must be an int, got {type(max_file_size).__name__}")
    if max_file_size < 0:
        raise ValueError(f"max_file_size must not be negative, got {max_file_size}")
    folder = _dataset_folder(path)
    return _read(
        folder, f"{folder}{os.sep}", validate=validate, max_file_size=max_file_size, columns=True
    )


def _dataset_folder(path: str | os.PathLike[str]) -> Path:
    """``path`` as a ``Path``, which must name a folder; :class:`DatasetError` otherwise."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    from pathlib import Path

    folder = Path(path)
    try:
        is_dir = folder.is_dir()
    except OSError as error:  # a name too long, a loop of links: not a folder we can read
        raise DatasetError(
            f"cannot read {str(folder)[:200]!r}: {error.strerror or error}", file=str(folder)[:200]
        ) from None
    if not is_dir:
        raise DatasetError(f"not a dataset folder: {str(folder)[:200]}", file=str(folder)[:200])
    return folder


def _read_sources(
    path: str | os.PathLike[str],
) -> tuple[Dataset, dict[str, tuple[tuple[Any, ...], str]]]:
    """The dataset in the folder ``path``, from its record files alone, validated; and by
    registry, each record file's records in file order with the SHA-256 of the bytes they
    were decoded from (what :mod:`newsfacts.columnar` derives its files from)."""
    folder = _dataset_folder(path)
    sources: dict[str, tuple[tuple[Any, ...], str]] = {}
    dataset = _read(folder, f"{folder}{os.sep}", validate=True, sources=sources)
    return dataset, sources


def _read(
    root: _Readable,
    prefix: str,
    *,
    validate: bool,
    max_file_size: int = MAX_FILE_SIZE,
    registries: Mapping[str, Any] | None = None,
    columns: bool = False,
    sources: dict[str, tuple[tuple[Any, ...], str]] | None = None,
) -> Dataset:
    """The dataset in ``root``: its files decoded, then the :class:`Dataset` made and checked.

    See :func:`_read_files` for the arguments.
    """
    from .dataset import Dataset

    from_columns: set[str] = set()
    # Equal values are shared while the files are decoded only: the table is
    # dropped before the dataset's indexes are built.
    with _sharing():
        metadata, article, records = _read_files(
            root,
            prefix,
            max_file_size=max_file_size,
            registries=registries,
            columns=columns,
            sources=sources,
            from_columns=from_columns,
        )
    dataset = Dataset(metadata, article, **records)
    if validate:
        problems = dataset.validate()
        if problems:
            raise _invalid(problems, prefix, from_columns)
    return dataset


@contextlib.contextmanager
def _sharing() -> Iterator[None]:
    """Share equal values between the records decoded meanwhile (``codec.share_repeats``)."""
    global _loads
    with _share_lock:
        if _loads == 0:
            share_repeats(True)
        _loads += 1
    try:
        yield
    finally:
        with _share_lock:
            _loads -= 1
            if _loads == 0:
                share_repeats(False)


def _read_bytes(
    root: _Readable, prefix: str, name: str, max_file_size: int, path: str | None = None
) -> bytes:
    # ``path`` is "$" for a JSON file: a fault of the whole file is at its root.
    resource = root.joinpath(name)
    label = prefix + name
    too_large = f"file is larger than {max_file_size} bytes; too large to be a dataset"
    try:
        if isinstance(resource, str | os.PathLike):
            data = _read_regular_file(resource, label, path, max_file_size, too_large)
        else:
            data = resource.read_bytes()
    except OSError as error:
        raise DatasetError(f"cannot read: {error.strerror or error}", file=label) from None
    if len(data) > max_file_size:
        raise DatasetError(too_large, file=label, path=path)
    return data


def _read_text(root: _Readable, prefix: str, name: str, max_file_size: int) -> str:
    return _text(_read_bytes(root, prefix, name, max_file_size, "$"), prefix + name)


def _text(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetError(
            f"not UTF-8: byte {error.start} is {data[error.start]:#04x}", file=label, path="$"
        ) from None


def _parse(label: str, text: str) -> Any:
    duplicates: list[str] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # Runs for every JSON object: the common case stays one call.
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        return _no_duplicate_keys(pairs, duplicates)

    try:
        value = json.loads(text, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            file=label,
            path="$",
        ) from None
    except ValueError as error:  # e.g. an integer longer than Python will convert
        raise DatasetError(f"not valid JSON: {error}", file=label, path="$") from None
    except RecursionError:
        raise DatasetError("JSON nested too deeply", file=label, path="$") from None
    if duplicates:
        key, path = _duplicate(value)
        raise DatasetError(f"duplicate key {key!r}", file=label, path=path)
    return value


def _decode(label: str, build: Callable[[], _T]) -> _T:
    try:
        return build()
    except InvalidData as error:
        raise DatasetError(error.message, file=label, path=error.path) from None


def _read_records(
    root: _Readable,
    prefix: str,
    key: str,
    max_file_size: int,
    *,
    columns: bool = False,
    from_columns: set[str] | None = None,
) -> tuple[Any, ...]:
    """The records of one record file (``entities`` for ``entities.json``), decoded.

    With ``columns``, from the file's columnar form where it has a current one
    (the record file's name is then added to ``from_columns``).
    """
    if columns:
        found = _read_columns(root, prefix, key, max_file_size)
        if found is not None:
            if from_columns is not None:
                from_columns.add(BY_REGISTRY[key].file)
            return found
    kind = BY_REGISTRY[key]
    source = _read_text(root, prefix, kind.file, max_file_size)
    return _records_of(prefix + kind.file, source, kind.cls)


def _read_hashed(
    root: _Readable, prefix: str, key: str, max_file_size: int
) -> tuple[tuple[Any, ...], str]:
    """The records of one record file and the SHA-256 of the very bytes they were decoded from."""
    import hashlib

    kind = BY_REGISTRY[key]
    data = _read_bytes(root, prefix, kind.file, max_file_size, "$")
    digest = hashlib.sha256(data).hexdigest()
    source = _text(data, prefix + kind.file)
    del data
    return _records_of(prefix + kind.file, source, kind.cls), digest


def _records_of(label: str, source: str, cls: type) -> tuple[Any, ...]:
    """The records of class ``cls`` in ``source``, the text of the record file ``label``."""
    from .codec import list_from_json, record_decoder

    if _SURROGATE_ESCAPE.search(source) is not None:
        # Rare: a \uD800-\uDFFF escape, which may pair up or stand alone.
        _check_unicode(_parse(label, source), label)
    streamed: tuple[Any, ...] | None = _stream_records(source, record_decoder(cls))
    if streamed is not None:
        return streamed
    # Something is wrong, or unusual: the whole-file path finds and names it.
    content = _parse(label, source)
    del source
    return _decode(label, functools.partial(list_from_json, cls, content))


def _read_columns(
    root: _Readable, prefix: str, key: str, max_file_size: int
) -> tuple[Any, ...] | None:
    """The records of one record file from its columnar form, or ``None`` to read the file itself.

    ``None`` when there is no columnar file (a link in its place, even a
    dangling one or a loop, is one: what it reaches must be a regular file,
    or :class:`DatasetError` is raised), and when it is stale: it records
    the SHA-256 of other bytes than the record file holds now (made before the
    record file last changed). A columnar file that is current is decoded with
    every check the record file's records get; any fault in it (not JSON, not
    of the format, a value that does not fit) raises :class:`DatasetError`
    naming it and the JSON path, as a fault of the record file would.
    """
    kind = BY_REGISTRY[key]
    resource = root.joinpath(kind.columns_file)
    if not isinstance(resource, str | os.PathLike) or not os.path.lexists(resource):
        return None
    from . import _columns

    label = prefix + kind.columns_file
    digest = _digest(root, prefix, kind.file, max_file_size)
    source = _read_text(root, prefix, kind.columns_file, max_file_size)
    value = _parse(label, source)
    if _SURROGATE_ESCAPE.search(source) is not None:
        _check_unicode(value, label)
    del source
    if _decode(label, functools.partial(_columns.recorded_digest, value)) != digest:
        return None
    return _decode(label, functools.partial(_columns.decode, kind.cls, value))


# Read in pieces this large for a digest: the file is never held whole.
_DIGEST_CHUNK = 1 << 22


def _digest(root: _Readable, prefix: str, name: str, max_file_size: int) -> str:
    """The SHA-256 of the bytes of the regular file ``name``, as :func:`_read_bytes` would read them."""
    import hashlib

    path = root.joinpath(name)
    label = prefix + name
    too_large = f"file is larger than {max_file_size} bytes; too large to be a dataset"
    digest = hashlib.sha256()
    size = 0
    try:
        with _open_regular(path, label, "$", max_file_size, too_large) as stream:
            buffer = bytearray(_DIGEST_CHUNK)
            view = memoryview(buffer)
            while count := stream.readinto(buffer):
                size += count
                if size > max_file_size:
                    raise DatasetError(too_large, file=label, path="$")
                digest.update(view[:count])
    except OSError as error:
        raise DatasetError(f"cannot read: {error.strerror or error}", file=label) from None
    return digest.hexdigest()


def _read_files(
    root: _Readable,
    prefix: str,
    *,
    max_file_size: int = MAX_FILE_SIZE,
    registries: Mapping[str, Any] | None = None,
    columns: bool = False,
    sources: dict[str, tuple[tuple[Any, ...], str]] | None = None,
    from_columns: set[str] | None = None,
) -> tuple[Metadata, Article, dict[str, Any]]:
    """The metadata, article and records (by key) in ``root``; ``registries`` are record
    files already read (by key).

    With ``columns``, a record file's current columnar form is read in its
    place, and its name added to ``from_columns``. ``sources``, when given, is filled by key with each record file's
    records and the SHA-256 of its bytes (columnar files are not read then).
    """
    from .codec import from_json
    from .dataset import Metadata
    from .model import Article

    def read(name: str, path: str | None = None) -> bytes:
        return _read_bytes(root, prefix, name, max_file_size, path)

    def decode(name: str, build: Callable[[], _T]) -> _T:
        return _decode(prefix + name, build)

    header_text = _read_text(root, prefix, DATASET_FILE, max_file_size)
    header = _parse(prefix + DATASET_FILE, header_text)
    if not isinstance(header, dict):
        raise DatasetError("expected an object", file=prefix + DATASET_FILE, path="$")
    if _SURROGATE_ESCAPE.search(header_text) is not None:
        # Only an escape can make a lone surrogate: the text was UTF-8.
        _check_unicode(header, prefix + DATASET_FILE)
    del header_text
    extra = sorted(set(header) - {"format", "metadata", "article"})
    if extra:
        raise DatasetError(
            f"unknown key {extra[0]!r}", file=prefix + DATASET_FILE, path=f"$.{extra[0]}"
        )
    if header.get("format") != FORMAT:
        raise DatasetError(
            f"format must be {FORMAT!r}, got {header.get('format')!r}",
            file=prefix + DATASET_FILE,
            path="$.format",
        )
    for key in ("metadata", "article"):
        if key not in header:
            raise DatasetError(f"missing key {key!r}", file=prefix + DATASET_FILE, path="$")
    metadata = decode(
        DATASET_FILE, lambda: _within("metadata", lambda: from_json(Metadata, header["metadata"]))
    )
    raw_text = read(ARTICLE_FILE)
    try:
        text = raw_text.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetError(f"not UTF-8: byte {error.start}", file=prefix + ARTICLE_FILE) from None
    article_json = header["article"]
    if not isinstance(article_json, dict):
        raise DatasetError(
            "expected an object (Article)", file=prefix + DATASET_FILE, path="$.article"
        )
    if "text" in article_json:
        raise DatasetError(
            f"the article's text belongs in {ARTICLE_FILE}",
            file=prefix + DATASET_FILE,
            path="$.article.text",
        )
    article = decode(
        DATASET_FILE,
        lambda: _within("article", lambda: from_json(Article, {**article_json, "text": text})),
    )
    records: dict[str, Any] = {}
    for key in (kind.registry for kind in KINDS):
        given = registries.get(key) if registries is not None else None
        if given is not None:
            records[key] = given
        elif sources is not None:
            sources[key] = _read_hashed(root, prefix, key, max_file_size)
            records[key] = sources[key][0]
        else:
            records[key] = _read_records(
                root, prefix, key, max_file_size, columns=columns, from_columns=from_columns
            )
    return metadata, article, records


_WHITESPACE = re.compile(r"[ \t\n\r]*")  # JSON's own, as the json module skips it
_SEPARATOR = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")


class _Unusual(Exception):  # noqa: N818 - internal signal: take the whole-file path
    pass


def _strict_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Unusual
    return result


def _stream_records(text: str, decode_one: Callable[[Any], _T]) -> tuple[_T, ...] | None:
    """The records of a JSON array, each built as soon as it is parsed; ``None`` on any fault.

    Parsing a whole file first holds every JSON object of it at once, several
    times the size of its records: a million statements took over a gigabyte
    and most of the load time. Here each element's objects are freed once its
    record is built. Any fault (bad JSON, a duplicate key, a bad record)
    returns ``None``, and the caller parses the whole file the usual way, so
    that errors are found, ordered and named exactly as before.
    """
    decoder = json.JSONDecoder(object_pairs_hook=_strict_pairs)
    scan = decoder.raw_decode
    match = _WHITESPACE.match

    def skip(position: int) -> int:
        found = match(text, position)
        assert found is not None  # "*" matches at any position
        return found.end()

    position = skip(0)
    if text[position : position + 1] != "[":
        return None
    position = skip(position + 1)
    out: list[_T] = []
    if text[position : position + 1] == "]":
        position += 1
    else:
        separator = _SEPARATOR.match
        while True:
            try:
                item, position = scan(text, position)
                out.append(decode_one(item))
            except (ValueError, RecursionError, _Unusual):
                return None
            found = separator(text, position)
            if found is not None:
                position = found.end()
                continue
            position = skip(position)
            if text[position : position + 1] != "]":
                return None
            position += 1
            break
    if skip(position) != len(text):
        return None
    return tuple(out)


def _read_regular_file(
    path: str | os.PathLike[str],
    label: str,
    json_root: str | None,
    max_file_size: int,
    too_large: str,
) -> bytes:
    """The bytes of ``path``, which must be a regular file (after symbolic links)."""
    with _open_regular(path, label, json_root, max_file_size, too_large) as stream:
        return stream.read(max_file_size + 1)


@contextlib.contextmanager
def _open_regular(
    path: str | os.PathLike[str],
    label: str,
    json_root: str | None,
    max_file_size: int,
    too_large: str,
) -> Iterator[io.BufferedReader]:
    """``path`` open for reading, which must be a regular file (after symbolic links).

    Opened without blocking and checked on the open descriptor, so a FIFO or
    a device is refused instead of read for ever, and nothing can be swapped
    in between the check and the read. A symbolic link is followed wherever
    it leads, as ``cp`` follows one: the folder is the user's own choice of
    files, and only what the link reaches must be a regular file.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb", closefd=True) as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise DatasetError("not a regular file (a FIFO, device or folder)", file=label)
        if status.st_size > max_file_size:
            raise DatasetError(too_large, file=label, path=json_root)
        yield stream


# A JSON escape of a UTF-16 surrogate: paired it is one character, alone it is no text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_unicode(value: Any, label: str) -> None:
    """Refuse a JSON value holding a string that is not Unicode text (a lone surrogate).

    Such a string cannot be written as UTF-8 by any export or printed by the
    command line; it is refused at its JSON path, as every other fault is.
    """
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, segments = stack.pop()
        children: list[tuple[Any, tuple[str | int, ...]]] = []
        if isinstance(item, str):
            _check_text(item, label, segments)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, label, segments)
                children.append((child, (*segments, key)))
        elif isinstance(item, list):
            children = [(child, (*segments, index)) for index, child in enumerate(item)]
        stack.extend(reversed(children))


def _check_text(text: str, label: str, segments: tuple[str | int, ...]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise DatasetError(
            f"not Unicode text: a lone surrogate U+{ord(text[error.start]):04X} at code point "
            f"{error.start}",
            file=label,
            path=json_path(segments),
        ) from None


def _within(key: str, build: Callable[[], _T]) -> _T:
    try:
        return build()
    except InvalidData as error:
        raise error.within(key) from None


def _invalid(
    problems: tuple[Problem, ...], prefix: str, from_columns: Collection[str] = ()
) -> DatasetError:
    """The error for ``problems``, located at the first; ``from_columns`` are the record
    files whose records were read from their columnar form, which the error then names."""
    first = problems[0]
    # The message stays short however many there are; ``problems`` holds them all.
    shown = problems[:MAX_PROBLEMS_SHOWN]
    listing = "\n".join(f"  {p}" for p in shown)
    more = len(problems) - len(shown)
    if more:
        listing += f"\n  … and {more:,} more (all of them are in the error's problems)"
    noun = "problem" if len(problems) == 1 else "problems"
    file = first.file
    read_from = sorted({p.file for p in problems if p.file is not None and p.file in from_columns})
    if read_from:
        # The records at fault came from a columnar file (edited by hand since it
        # was written?): that is the file to name, not the record file.
        forms = {kind.file: kind.columns_file for kind in KINDS}
        listing += "".join(
            f"\n  (the records of {name} were read from its columnar form {forms[name]}; "
            f"if {name} itself is sound, newsfacts columns writes {forms[name]} again)"
            for name in read_from
        )
        if file is not None and file in from_columns:
            file = forms[file]
    return DatasetError(
        f"{len(problems):,} consistency {noun}:\n{listing}",
        file=prefix + file if file else None,
        path=first.path,
        problems=problems,
    )


class _Duplicated(dict[str, Any]):
    """A JSON object that had a key twice; parsing goes on so its path can be named."""

    duplicate: str = ""


def _no_duplicate_keys(pairs: list[tuple[str, Any]], found: list[str]) -> dict[str, Any]:
    # json keeps the last of two equal keys; in a dataset that is a mistake.
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            found.append(key)
            marked = _Duplicated(pairs)
            marked.duplicate = key
            return marked
        seen.add(key)
    return result  # pragma: no cover - unreachable: some key was seen twice


def _duplicate(value: Any) -> tuple[str, str]:
    """The first key given twice, walking as the file reads, and its JSON path."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, segments = stack.pop()
        if isinstance(item, _Duplicated):
            return item.duplicate, json_path((*segments, item.duplicate))
        children: list[tuple[Any, tuple[str | int, ...]]] = []
        if isinstance(item, dict):
            children = [(child, (*segments, key)) for key, child in item.items()]
        elif isinstance(item, list):
            children = [(child, (*segments, index)) for index, child in enumerate(item)]
        stack.extend(reversed(children))
    return "", "$"  # pragma: no cover - only called when a duplicate was found


def dump_files(dataset: Dataset) -> dict[str, bytes]:
    """The canonical files of ``dataset`` (name → bytes), as :func:`load_path` reads them."""
    from .codec import to_json
    from .dataset import Dataset

    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    article = to_json(dataset.article)
    article.pop("text")
    header = {"format": FORMAT, "metadata": to_json(dataset.metadata), "article": article}
    files = {DATASET_FILE: _dumps(header), ARTICLE_FILE: dataset.article.text.encode("utf-8")}
    for kind in KINDS:
        records = getattr(dataset, kind.registry)
        files[kind.file] = _dumps([to_json(record) for record in records])
    return files


def _dumps(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
