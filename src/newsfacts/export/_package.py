"""CSV tables and a Frictionless Data Package (v2) that describes them.

``datapackage.json`` gives every table its Table Schema: column types,
required columns, the primary key, and foreign keys between the tables, with
the dataset's licence and sources, so that ``frictionless validate`` checks
the whole folder.

Licences are told per resource: the tables of facts are under the dataset's
licence (``Metadata.license``, whose first word names it); the ``article``
table holds the article's text, which is its publisher's and under no licence
of the dataset's; the ``evidence`` and ``mentions`` tables quote the
article's words, so they name both.

Against CSV injection the tables follow OWASP's advice in full: every cell
is quoted, and a text that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a line feed)
gets a leading apostrophe, as does each part of it that follows a ``,`` or
``;`` (a spreadsheet that splits a cell at either would otherwise see a
formula there). The JSON export keeps every character.

The files are UTF-8 *without* a byte-order mark: Frictionless, RFC 4180
readers and Python's ``csv`` take a BOM as part of the first column's name
(``\ufeffid``), which would break the Data Package's schema. To open a table
in a spreadsheet that guesses a legacy encoding, import it as UTF-8 (in
Excel: Data, From Text/CSV, File origin 65001: Unicode (UTF-8)).
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from pathlib import Path
from typing import Any

from newsfacts.dataset import Dataset

from ._tables import Cell, Table, tables

__all__ = ["FORMULA_PREFIXES", "PACKAGE_FILE", "datapackage", "neutralise", "write_csv"]

PACKAGE_FILE = "datapackage.json"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
"""What a spreadsheet takes as the start of a formula (OWASP, "CSV Injection")."""
# A separator that a spreadsheet may split a cell at, before a formula's start.
_PART_FORMULA = re.compile(r"([,;])(?=[=+\-@\t\r\n])")

_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_TABLE_SCHEMA = "https://datapackage.org/profiles/2.0/tableschema.json"
_LICENSE_NAME = re.compile(r"[-a-zA-Z0-9._]+")
# The licence texts of the identifiers a dataset is likely to name (SPDX ids).
_LICENSE_PATHS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "MIT": "https://opensource.org/license/mit/",
}
# Tables that hold the article's own words: all of them, or quotes of them.
_TEXT_TABLE = "article"
_QUOTING_TABLES = frozenset({"evidence", "mentions"})


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: an apostrophe before a formula's start.

    The start is the text's own and that of every part after a ``,`` or
    ``;`` (``"=1+1;=1+2"`` becomes ``"'=1+1;'=1+2"``). Raises
    :class:`TypeError` for a ``text`` that is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    guarded = _PART_FORMULA.sub(r"\1'", text)
    return "'" + guarded if guarded.startswith(FORMULA_PREFIXES) else guarded


def _cell(value: Cell, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        # Table Schema reads an array cell as JSON; it starts with "[", never a formula.
        return json.dumps(list(value), ensure_ascii=False) if value else ""
    return neutralise(value) if kind == "string" else value


def _write_table(folder: Path, table: Table) -> None:
    kinds = [field.type for field in table.fields]
    with (folder / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_cell(value, kind) for value, kind in zip(row, kinds, strict=True)])


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for field in table.fields:
        spec: dict[str, Any] = {
            "name": field.name,
            "type": field.type,
            "description": field.description,
        }
        if field.required:
            spec["constraints"] = {"required": True}
        fields.append(spec)
    schema: dict[str, Any] = {
        "$schema": _TABLE_SCHEMA,
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        keys = []
        for key in table.foreign_keys:
            reference: dict[str, Any] = {"fields": list(key.reference)}
            # Data Package v2: a reference to the same table leaves out "resource".
            if key.resource != table.name:
                reference = {"resource": key.resource, **reference}
            keys.append({"fields": list(key.fields), "reference": reference})
        schema["foreignKeys"] = keys
    return schema


def datapackage(dataset: Dataset, all_tables: tuple[Table, ...] | None = None) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of the CSV export of ``dataset``.

    Raises :class:`TypeError` when ``dataset`` is not a Dataset or
    ``all_tables`` is neither ``None`` nor a tuple of tables.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    if all_tables is not None and not (
        isinstance(all_tables, tuple) and all(isinstance(t, Table) for t in all_tables)
    ):
        raise TypeError(f"all_tables must be a tuple of Table, got {type(all_tables).__name__}")
    metadata = dataset.metadata
    article = dataset.article
    descriptor: dict[str, Any] = {"$schema": _PROFILE, "name": metadata.id}
    descriptor["title"] = metadata.title
    if metadata.description:
        descriptor["description"] = metadata.description
    if metadata.version:
        descriptor["version"] = metadata.version
    if metadata.homepage:
        descriptor["homepage"] = metadata.homepage
    data_licenses = _data_licenses(metadata.license)
    if data_licenses:
        descriptor["licenses"] = data_licenses
    publisher = _publisher_license(article.publisher)
    sources: list[dict[str, str]] = []
    article_source = {"title": article.title or f"Article published by {article.publisher}"}
    if article.url:
        article_source["path"] = article.url
    sources.append(article_source)
    for source in dataset.sources:
        entry = {"title": source.title}
        if source.url:
            entry["path"] = source.url
        sources.append(entry)
    descriptor["sources"] = sources
    descriptor["resources"] = [
        {
            "name": table.name,
            "path": f"{table.name}.csv",
            "type": "table",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": table.description,
            "licenses": _resource_licenses(table.name, data_licenses, publisher),
            "schema": _schema(table),
        }
        for table in (all_tables if all_tables is not None else tables(dataset))
    ]
    return descriptor


def _data_licenses(text: str) -> list[dict[str, str]]:
    """The dataset's licence: free text, whose first word names it when it is an identifier."""
    if not text.strip():
        return []
    license_: dict[str, str] = {"title": text}
    first = text.split()[0].strip(",;")
    if _LICENSE_NAME.fullmatch(first):
        license_ = {"name": first, **license_}
        if first in _LICENSE_PATHS:
            license_ = {**license_, "path": _LICENSE_PATHS[first]}
    return [license_]


def _publisher_license(publisher: str) -> dict[str, str]:
    # No open licence covers a news article: the text stays its publisher's.
    # "LicenseRef-" is SPDX's prefix for a licence outside its list.
    return {
        "name": "LicenseRef-publisher-copyright",
        "title": (
            f"The article text is {publisher}'s, under its publisher's copyright; it is "
            "shipped unchanged for quotation and checking, under no licence of this dataset"
        ),
    }


def _resource_licenses(
    name: str, data: list[dict[str, str]], publisher: dict[str, str]
) -> list[dict[str, str]]:
    if name == _TEXT_TABLE:
        return [publisher]
    if name in _QUOTING_TABLES:
        return [*data, publisher]
    return list(data)


def write_csv(dataset: Dataset, folder: Path) -> None:
    """Write the tables of ``dataset`` and their ``datapackage.json`` into ``folder``."""
    all_tables = tables(dataset)
    for table in all_tables:
        _write_table(folder, table)
    descriptor = datapackage(dataset, all_tables)
    (folder / PACKAGE_FILE).write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
