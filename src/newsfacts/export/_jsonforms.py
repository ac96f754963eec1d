"""The JSON forms: the canonical dataset folder, and JSON Lines.

The canonical folder is what :func:`newsfacts.load_path` reads, so an export
loads back as an equal dataset. JSON Lines puts one record on each line,
with a ``"type"`` naming what it is (see :data:`JSONL_TYPES`), for tools that
stream records: ``jq``, ``pandas.read_json(lines=True)``, data pipelines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsfacts.codec import to_json
from newsfacts.dataset import Dataset, Metadata
from newsfacts.format import referenced_first
from newsfacts.loading import FORMAT, dump_files
from newsfacts.model import Article

__all__ = ["JSONL_FILE", "JSONL_TYPES", "jsonl_records", "write_json", "write_jsonl"]

JSONL_FILE = "dataset.jsonl"
JSONL_TYPES: Mapping[str, type] = MappingProxyType(
    {
        "metadata": Metadata,
        "article": Article,
        **{kind.name: kind.cls for kind in referenced_first()},
    }
)
"""The ``"type"`` of each JSON Lines record, and the record class it holds, in file order:
the metadata, the article, then each kind of record after the kinds it refers to
(:func:`newsfacts.format.referenced_first`)."""


def write_json(dataset: Dataset, folder: Path) -> None:
    """The canonical files of ``dataset``, as :func:`newsfacts.load_path` reads them."""
    for name, data in dump_files(dataset).items():
        (folder / name).write_bytes(data)


def jsonl_records(dataset: Dataset) -> Iterator[dict[str, Any]]:
    """The JSON Lines records of ``dataset``: the metadata first, then the article, then the rest."""
    yield {"type": "metadata", "format": FORMAT, **to_json(dataset.metadata)}
    yield {"type": "article", **to_json(dataset.article)}
    for kind in referenced_first():
        for record in getattr(dataset, kind.registry):
            yield {"type": kind.name, **to_json(record)}


def write_jsonl(dataset: Dataset, folder: Path) -> None:
    """Every record of ``dataset`` as one line of ``dataset.jsonl``."""
    with (folder / JSONL_FILE).open("w", encoding="utf-8", newline="\n") as stream:
        for record in jsonl_records(dataset):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
