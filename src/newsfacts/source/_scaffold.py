"""Starting a source from an article: the text, its sentences, and a skeleton to fill in."""

from __future__ import annotations

import os
from pathlib import Path

from newsfacts._validators import ID_PATTERN
from newsfacts.quotes import plain, split_sentences

from ._shape import ARTICLE_TEXT
from ._toml import comment_text

__all__ = ["scaffold"]

_DATASET = """\
# What the dataset is, and the article it describes. The article's text is
# article.txt beside this file, byte for byte; its hash and sentences are computed.

[dataset]
id = {id}
title = ""          # fill in: what the dataset is, in a line
description = ""
license = ""
version = "0.1.0"

[article]
id = {id}
publisher = ""      # fill in: who published the article (required)
# title = ""        # the publisher's title, where it is known
# url = ""          # the article's address, where it is known
language = "en"
# published = {{ start = "2018-02-12", resolution = "explicit" }}
"""

_FACTS = """\
# The facts of the article. Evidence is the article's words, quoted; a quote
# that occurs more than once says which one (occurrence = N, or prefix/suffix).
# Every sentence must state some fact; every entity of the article must be
# mentioned; an article fact needs evidence and a verdict.
#
# The article's sentences, to quote from:
{sentences}
#
# [[entity]]
# id = "jane-doe"
# kind = "person"               # person, state, organization, city, …
# name = "Jane Doe"
# aliases = ["Doe"]
#
# [[event]]
# id = "meeting-doe-roe"
# kind = "meeting"              # meeting, visit, proposal, …
# label = "Jane Doe meets Richard Roe"
# participants = [{{ entity = "jane-doe", role = "agent" }}]
# evidence = ["Jane Doe met Richard Roe"]
# verdict = {{ rating = "unchecked" }}
#
# [[statement]]
# id = "doe-member-of-council"
# subject = "jane-doe"
# predicate = "member_of"
# object = "city-council"
# evidence = ["Doe, a councillor"]
# verdict = {{ rating = "unchecked" }}
#
# [[mention]]
# every = "Doe"                 # every whole-word occurrence ...
# except_within = ["Jane Doe"]  # ... except inside these longer quotes
# target = "jane-doe"
#
# [[source]]                    # what a verdict or an enrichment cites
# id = "council-minutes-2018"
# title = "Minutes of the city council"   # its own title, or [a description]
# url = "https://example.org/minutes"     # the page itself, never a home page
# publisher = "City council"
# published = "2018-02-12"
# wikidata = "Q…"               # the source's own Wikidata item, only where verified
"""


def scaffold(
    article: str | os.PathLike[str], id: str, out: str | os.PathLike[str] | None = None
) -> Path:
    """Start a source for the article at ``article`` in ``out`` (default: a folder named ``id``).

    Writes ``article.txt`` (the article's bytes, unchanged), ``dataset.toml``
    (the dataset and the article, to fill in) and ``facts.toml`` (the
    article's sentences as comments, and a commented skeleton of each kind
    of record). A character of a sentence that a TOML comment may not hold
    (a control character other than tab: U+0000 to U+0008, U+000A to
    U+001F, U+007F), or that would not show (the C1 controls U+0080 to
    U+009F, the separators U+2028 and U+2029), is written in the comment as
    TOML's escape for it, ``\\u0000``, ``\\u001B``: both files are valid TOML
    for any UTF-8 article. Raises :class:`ValueError` for an id that is not a
    lowercase kebab-case slug or an article that is not UTF-8 text,
    :class:`FileExistsError` if ``out`` exists and is not empty, and
    :class:`OSError` if the article cannot be read.
    """
    if not isinstance(id, str) or ID_PATTERN.fullmatch(id) is None:
        raise ValueError(
            f"the id must be a lowercase kebab-case slug (my-article-2024), got {id!r}"
        )
    data = Path(article).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{article}: not UTF-8 text (byte {error.start})") from None
    folder = Path(out) if out is not None else Path(id)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} exists and is not an empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    quoted = '"' + id + '"'
    sentences = "\n".join(
        f"#   {number}. {comment_text(plain(span.text))}"
        for number, span in enumerate(split_sentences(text), 1)
    )
    (folder / ARTICLE_TEXT).write_bytes(data)
    (folder / "dataset.toml").write_text(_DATASET.format(id=quoted), encoding="utf-8")
    (folder / "facts.toml").write_text(_FACTS.format(sentences=sentences), encoding="utf-8")
    return folder
