"""Every export of every valid dataset is written, and its reader takes it back.

Generated datasets (``strategies.datasets``) put accented, Cyrillic, Greek
and astral letters, no-break spaces, tabs, line breaks and the characters
that end a string, a tag or a comment (``" ' < > & | \\ / *``) into the
text, the quotes, the notes and the literals; each export must be written
without error, and the checks of each format's own tests hold for it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
from hypothesis import given

from newsfacts import Dataset
from newsfacts.export import (
    BRAT_ANN,
    BRAT_TEXT,
    CLAIMREVIEW_FILE,
    FORMATS,
    HTML_FILE,
    QUICKSTATEMENTS_FILE,
    claimreviews,
    export,
    tables,
)
from strategies import datasets
from test_export_brat import Standoff
from test_export_html import _evidence, _parse, _words_of
from test_export_quickstatements import COMMENT, check_stated_in
from test_export_quickstatements import _parse as parse_command

__all__: list[str] = []


@given(datasets())
def test_every_format_writes_every_valid_dataset(dataset: Dataset) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        written = {format: export(dataset, format, root / format) for format in FORMATS}

        commands = (
            (written["quickstatements"] / QUICKSTATEMENTS_FILE).read_text(encoding="utf-8")
        ).splitlines()
        for line in commands:
            if not COMMENT.fullmatch(line):
                parse_command(line)
        # A source's item is S248 in that source's reference, on each statement citing it.
        check_stated_in(dataset, commands)

        reviews = json.loads((written["claimreview"] / CLAIMREVIEW_FILE).read_text("utf-8"))
        assert reviews == claimreviews(dataset)

        brat = written["brat"]
        text = (brat / BRAT_TEXT).read_bytes().decode("utf-8")
        assert text == dataset.article.text
        ann = Standoff((brat / BRAT_ANN).read_text(encoding="utf-8"), text)
        for _type, pieces, words in ann.textbound.values():
            assert words == " ".join(text[start:end] for start, end in pieces)

        for table in tables(dataset):
            parquet = pq.read_table(written["parquet"] / f"{table.name}.parquet")
            assert parquet.num_rows == len(table.rows)

        page = _parse((written["html"] / HTML_FILE).read_text(encoding="utf-8"))
        assert page.external == []
        for fact in (*dataset.events, *dataset.statements):
            if fact.evidence:
                assert _words_of(page, fact.id) == _evidence(dataset, fact.id)
