"""Exports of a dataset to the formats that fact and event researchers use.

Folders, written atomically (all files or none) and never over an existing
folder unless ``force=True``, which replaces only a folder that an earlier
export wrote (it holds the marker file ``.newsfacts-export``, ``MARKER``):

``json``
    the canonical dataset folder, which :func:`newsfacts.load_path` reads back;
``jsonl``
    ``dataset.jsonl``, one record a line with a ``"type"``;
``csv``
    one CSV file per table and a Frictionless Data Package (v2)
    ``datapackage.json`` with each table's schema, keys, licence and sources;
``turtle``, ``jsonld``
    RDF (``dataset.ttl``, ``dataset.jsonld``), with the ``rdf`` extra;
``quickstatements``
    ``quickstatements.txt``: Wikidata QuickStatements (V1) commands for the
    supported statements Wikidata could take, for review before upload;
``claimreview``
    ``claimreview.jsonld``: one schema.org ``ClaimReview`` per rated fact
    (:func:`to_claimreview` adds the page and date of publication);
``brat``
    ``article.txt``, ``article.ann`` and ``annotation.conf``: brat standoff,
    which brat and INCEpTION open;
``parquet``
    one ``<table>.parquet`` per table, with the ``parquet`` extra (pyarrow);
``html``
    ``article.html``: the article annotated with its mentions, facts and
    verdicts, one self-contained page.

In memory: :func:`to_rdf` (an ``rdflib.Graph``, extra ``rdf``),
:func:`to_dataframes` (pandas DataFrames, extra ``pandas``),
:func:`to_networkx` (a ``networkx.MultiDiGraph``, extra ``networkx``).
Importing :mod:`newsfacts` or this module imports none of those libraries;
a missing one raises :class:`MissingExtraError` naming the extra to install.

>>> import newsfacts, newsfacts.export, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "facts"
>>> newsfacts.export.export(newsfacts.load(), "json", out) == out
True
>>> newsfacts.load_path(out).entities.lookup("abbas").wikidata
'Q127998'
>>> import shutil; shutil.rmtree(out.parent)
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from newsfacts.dataset import Dataset

from ._atomic import MARKER, write_folder
from ._brat import BRAT_ANN, BRAT_CONF, BRAT_TEXT, write_brat
from ._claimreview import (
    CLAIMREVIEW_FILE,
    _check_options,
    check_review_url,
    claimreviews,
    write_claimreview,
)
from ._errors import ExportError, MissingExtraError, OutputExistsError
from ._frames import to_dataframes, to_networkx
from ._html import HTML_FILE, VERDICT_SYMBOLS, html_page, write_html
from ._jsonforms import JSONL_FILE, JSONL_TYPES, jsonl_records, write_json, write_jsonl
from ._package import FORMULA_PREFIXES, PACKAGE_FILE, datapackage, neutralise, write_csv
from ._parquet import parquet_tables, write_parquet
from ._quickstatements import QUICKSTATEMENTS_FILE, quickstatements_lines, write_quickstatements
from ._ratings import BEST_RATING, RATING_SCALE, WORST_RATING, RatingValue
from ._rdf import JSONLD_FILE, TURTLE_FILE, to_rdf, write_jsonld, write_turtle
from ._tables import Cell, Field, ForeignKey, Table, tables

__all__ = [
    "BEST_RATING",
    "BRAT_ANN",
    "BRAT_CONF",
    "BRAT_TEXT",
    "CLAIMREVIEW_FILE",
    "FORMATS",
    "FORMAT_DESCRIPTIONS",
    "FORMULA_PREFIXES",
    "HTML_FILE",
    "JSONLD_FILE",
    "JSONL_FILE",
    "JSONL_TYPES",
    "MARKER",
    "PACKAGE_FILE",
    "QUICKSTATEMENTS_FILE",
    "RATING_SCALE",
    "TURTLE_FILE",
    "VERDICT_SYMBOLS",
    "WORST_RATING",
    "Cell",
    "ExportError",
    "Field",
    "ForeignKey",
    "MissingExtraError",
    "OutputExistsError",
    "RatingValue",
    "Table",
    "check_review_url",
    "claimreviews",
    "datapackage",
    "export",
    "html_page",
    "jsonl_records",
    "neutralise",
    "parquet_tables",
    "quickstatements_lines",
    "tables",
    "to_claimreview",
    "to_csv",
    "to_dataframes",
    "to_json",
    "to_jsonl",
    "to_jsonld",
    "to_networkx",
    "to_rdf",
    "to_turtle",
]

_Writer = Callable[[Dataset, Path], None]

_WRITERS: Mapping[str, _Writer] = MappingProxyType(
    {
        "json": write_json,
        "jsonl": write_jsonl,
        "csv": write_csv,
        "turtle": write_turtle,
        "jsonld": write_jsonld,
        "quickstatements": write_quickstatements,
        "claimreview": write_claimreview,
        "brat": write_brat,
        "parquet": write_parquet,
        "html": write_html,
    }
)
FORMATS: tuple[str, ...] = tuple(_WRITERS)
"""The folder formats :func:`export` writes."""

FORMAT_DESCRIPTIONS: Mapping[str, str] = MappingProxyType(
    {
        "json": "the canonical dataset folder",
        "jsonl": "one record a line",
        "csv": "CSV tables with a Frictionless Data Package",
        "turtle": "RDF as Turtle; extra rdf",
        "jsonld": "RDF as JSON-LD; extra rdf",
        "quickstatements": "Wikidata QuickStatements V1, for review before upload",
        "claimreview": "schema.org ClaimReview per rated fact",
        "brat": "brat standoff for brat and INCEpTION",
        "parquet": "Parquet tables; extra parquet",
        "html": "the annotated article as one self-contained page",
    }
)
"""What each of :data:`FORMATS` is, in a few words (the CLI's help shows them)."""


def export(
    dataset: Dataset, format: str, out: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Write ``dataset`` in ``format`` (one of :data:`FORMATS`) into the new folder ``out``.

    Raises :class:`OutputExistsError` when ``out`` exists (unless ``force``,
    which replaces a folder that an earlier export wrote, and nothing else),
    :class:`MissingExtraError` when the format needs an extra that is not
    installed, :class:`ExportError` when a text of the dataset is not Unicode
    (a lone surrogate). Either every file is written or, after any error, nothing is:
    ``out`` is as it was. Returns ``out`` normalised (``a/b/../c`` as
    ``a/c``), the path written.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    if not isinstance(format, str):
        raise TypeError(f"format must be a str, got {type(format).__name__}")
    writer = _WRITERS.get(format)
    if writer is None:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    return _export(dataset, format, writer, out, force)


def _export(
    dataset: Dataset, format: str, writer: _Writer, out: str | os.PathLike[str], force: bool
) -> Path:
    def build(folder: Path) -> None:
        try:
            writer(dataset, folder)
        except UnicodeEncodeError as error:
            # Records made in code may hold a lone surrogate, which loading refuses.
            bad = error.object[error.start : error.end]
            raise ExportError(
                f"cannot write {format}: the dataset holds text that is not Unicode "
                f"({bad!r}, {error.reason})"
            ) from None

    return write_folder(out, build, force=force)


def to_json(dataset: Dataset, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """The canonical dataset folder; :func:`newsfacts.load_path` reads it back equal."""
    return export(dataset, "json", out, force=force)


def to_jsonl(dataset: Dataset, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """``dataset.jsonl`` in ``out``: one record a line, each with a ``"type"``."""
    return export(dataset, "jsonl", out, force=force)


def to_csv(dataset: Dataset, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """CSV tables and their Frictionless ``datapackage.json`` in ``out``."""
    return export(dataset, "csv", out, force=force)


def to_turtle(dataset: Dataset, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """``dataset.ttl`` in ``out`` (needs the ``rdf`` extra)."""
    return export(dataset, "turtle", out, force=force)


def to_jsonld(dataset: Dataset, out: str | os.PathLike[str], *, force: bool = False) -> Path:
    """``dataset.jsonld`` in ``out`` (needs the ``rdf`` extra)."""
    return export(dataset, "jsonld", out, force=force)


def to_claimreview(
    dataset: Dataset,
    out: str | os.PathLike[str],
    *,
    review_url: str | None = None,
    date_published: datetime.date | None = None,
    author: str | None = None,
    force: bool = False,
) -> Path:
    """``claimreview.jsonld`` in ``out``: :func:`claimreviews` with these arguments, a JSON list.

    ``review_url`` (each review's ``url`` is ``<review_url>#<fact id>``),
    ``date_published`` and ``author`` are :func:`claimreviews`'s; without
    them the file is :func:`export`'s ``"claimreview"``. Raises
    :class:`TypeError` or :class:`ValueError` for a bad argument, as
    :func:`claimreviews` does, before anything is written; otherwise as
    :func:`export`.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    _check_options(review_url, date_published, author)

    def writer(dataset: Dataset, folder: Path) -> None:
        write_claimreview(
            dataset, folder, review_url=review_url, date_published=date_published, author=author
        )

    return _export(dataset, "claimreview", writer, out, force)
