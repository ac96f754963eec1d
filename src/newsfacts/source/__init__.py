"""Datasets authored as data: a source a person writes, built into the canonical folder.

A source is a folder holding the article's text, ``article.txt`` (UTF-8,
byte for byte), beside one or a few TOML files (read with ``tomllib``, in
name order) holding:

``[dataset]``
    the :class:`~newsfacts.Metadata` (``id``, ``title``, ``description`` …);
``[article]``
    the :class:`~newsfacts.Article` without its text, hash or sentences,
    which are computed (the sentences by
    :func:`newsfacts.quotes.split_sentences`, unless ``sentences`` lists them
    as quotes, in order);
``[[source]]``, ``[[entity]]``, ``[[event]]``, ``[[statement]]``, ``[[mention]]``
    one table per record, with the fields of its record class, by name;
``[defaults.KIND]``
    values for the records of that kind in the same file, unless a record
    gives its own.

A field equal to its default is left out; so is one whose type allows
``None``, to mean ``None``. A span (evidence, a mention's ``span``) is the
article's words, as a W3C ``TextQuoteSelector``: a string, or a table
``{exact = "…", occurrence = N}`` or ``{exact = "…", prefix = "…", suffix =
"…"}`` (see :mod:`newsfacts.quotes` for how loosely a quote matches). A
:class:`~newsfacts.TimePoint` is text: ``"2018-02-12"``, ``"2017-12"``,
``"1967"``, ``"late 2018-01"``. A mention may be a rule instead of a span:
``every = "Abbas"`` names every whole-word occurrence, ``except_within =
["Mahmoud Abbas"]`` leaves out those inside longer quotes.

:func:`read` builds a source into a :class:`~newsfacts.Dataset` (raising
:class:`SourceError` with every problem); :func:`write` writes a dataset as a
source that builds back to an equal dataset; :func:`scaffold` starts a
source from an article.
"""

from __future__ import annotations

from ._read import SourceError, SourceProblem, read
from ._scaffold import scaffold
from ._shape import ARTICLE_TEXT
from ._write import render, write

__all__ = ["ARTICLE_TEXT", "SourceError", "SourceProblem", "read", "render", "scaffold", "write"]
