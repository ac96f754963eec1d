"""Writing a dataset as a source: the form a person reads and edits, built back unchanged."""

from __future__ import annotations

import bisect
import enum
import json
import os
import typing
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from newsfacts.dataset import Dataset
from newsfacts.export._atomic import write_file
from newsfacts.model import Entity, Mention, Span
from newsfacts.quotes import occurrences, plain, split_sentences
from newsfacts.timespec import TimePoint

from ._shape import ARTICLE_TEXT, RECORD_TABLES, field_types, format_point, rule_spans
from ._toml import comment, table

__all__ = ["render", "write"]

_HEADERS = {
    "dataset.toml": (
        "What the dataset is, the article it describes, and the public sources it cites.\n"
        "The article's text is article.txt beside this file; its hash and sentences are computed."
    ),
    "entities.toml": (
        "Entities: the people, states, organizations, places and groups the article refers to.\n"
        "External ids (wikidata, iso_alpha2, iso_alpha3) are enrichment: set only where verified,\n"
        "with the sources they come from."
    ),
    "events.toml": (
        "Events: what happened, is planned or goes on. Evidence is the article's words, quoted;\n"
        "a quote that occurs more than once says which one (occurrence = N, or a prefix/suffix).\n"
        'What the article does not state is enrichment (origin = "enrichment"), with sources and\n'
        "no evidence; where the article is wrong, the fact stays as written with a verdict."
    ),
    "statements.toml": (
        "Statements: typed relations (subject, predicate, object), with the article's words as\n"
        "evidence, who asserts them (attribution) and how they stand against the record (verdict)."
    ),
    "mentions.toml": (
        "Mentions: words of the article that refer to an entity or an event. A rule\n"
        '(every = "Abbas") names every whole-word occurrence, except those inside the longer\n'
        'quotes of except_within; a single mention quotes its words (span = "…").'
    ),
}
_FILES = {
    "source": "dataset.toml",
    "entity": "entities.toml",
    "event": "events.toml",
    "statement": "statements.toml",
    "mention": "mentions.toml",
}
_DEFAULT_MIN_COUNT = 3
_UNSET = object()


class _Writer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, tuple[Span, ...]] = {}

    def quote(self, span: Span) -> str | dict[str, Any]:
        """The shortest selector that resolves to ``span``: the words, and the occurrence if needed."""
        words = plain(span.text)
        if not words or self.text[span.start : span.end] != span.text:
            raise ValueError(f"span {span.start}:{span.end} is not words of the article")
        found = self.found.get(words)
        if found is None:
            found = self.found[words] = occurrences(self.text, words)
        if len(found) == 1:
            return words
        starts = [s.start for s in found]
        return {"exact": words, "occurrence": bisect.bisect_left(starts, span.start) + 1}

    def value(self, value: Any) -> Any:
        if isinstance(value, Span):
            return self.quote(value)
        if isinstance(value, TimePoint):
            return format_point(value)
        if isinstance(value, enum.Enum):
            return value.value
        if isinstance(value, tuple):
            return [self.value(v) for v in value]
        if attrs.has(type(value)):
            return self.record(value)
        return value

    def record(self, record: Any, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in attrs.fields(type(record)):
            if not field.init:
                continue
            value = getattr(record, field.name)
            shared = (defaults or {}).get(field.name, _UNSET)
            if shared is _UNSET:
                if value is None or (field.default is not attrs.NOTHING and value == field.default):
                    continue
                out[field.name] = self.value(value)
                continue
            encoded = self.value(value)
            if encoded != shared:
                out[field.name] = encoded
        return out


def _defaults(writer: _Writer, cls: type, records: tuple[Any, ...]) -> dict[str, Any]:
    """Values shared by most records of a kind, to be written once as ``[defaults.KIND]``.

    Only for fields whose default is not ``None`` and that hold no span, so
    that a record can always state its own value instead.
    """
    chosen: dict[str, Any] = {}
    types_ = field_types(cls)
    for field in attrs.fields(cls):
        tp = types_.get(field.name)
        if (
            tp is None
            or field.default is attrs.NOTHING
            or field.default is None
            or type(None) in typing.get_args(tp)
            or "Span" in str(tp)
        ):
            continue
        counts = Counter(
            json.dumps(writer.value(getattr(r, field.name)), sort_keys=True) for r in records
        )
        if not counts:
            continue
        common, count = counts.most_common(1)[0]
        if count >= _DEFAULT_MIN_COUNT and 2 * count > len(records):
            value = json.loads(common)
            if value != writer.value(field.default):
                chosen[field.name] = value
    return chosen


def _mention_entries(writer: _Writer, mentions: tuple[Mention, ...]) -> list[dict[str, Any]]:
    """Mentions as rules where a rule names exactly the same spans, else one by one."""
    text = writer.text
    starts = [m.span.start for m in mentions]
    longest = max((len(m.span) for m in mentions), default=0)
    groups: dict[tuple[str, str], list[Mention]] = {}
    rest: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in mentions:
        other = writer.record(mention)
        other.pop("span")
        key = (plain(mention.span.text), json.dumps(other, sort_keys=True))
        groups.setdefault(key, []).append(mention)
        rest[key] = other
    entries: list[tuple[int, dict[str, Any]]] = []
    for key, members in groups.items():
        words = key[0]
        rule = _rule(text, words, members, mentions, starts, longest) if len(members) > 1 else None
        if rule is not None:
            entries.append((members[0].span.start, {**rule, **rest[key]}))
            continue
        for mention in members:
            entries.append((mention.span.start, {"span": writer.quote(mention.span), **rest[key]}))
    entries.sort(key=lambda entry: entry[0])
    return [entry for _, entry in entries]


def _rule(
    text: str,
    words: str,
    members: list[Mention],
    mentions: tuple[Mention, ...],
    starts: list[int],
    longest: int,
) -> dict[str, Any] | None:
    if not words.strip():
        return None
    wanted = {(m.span.start, m.span.end) for m in members}
    every = occurrences(text, words, words=True)
    missing = [s for s in every if (s.start, s.end) not in wanted]
    within: dict[str, None] = {}
    for span in missing:
        # A longer mention that holds this occurrence ("Mahmoud Abbas" for "Abbas").
        low = bisect.bisect_left(starts, span.end - longest)
        high = bisect.bisect_right(starts, span.start)
        holders = [
            plain(m.span.text)
            for m in mentions[low:high]
            if m.span.covers(span) and len(m.span) > len(span) and m.span.text.strip()
        ]
        if not holders:
            return None
        within[min(holders, key=len)] = None
    exceptions = tuple(within)
    if {(s.start, s.end) for s in rule_spans(text, words, exceptions)} != wanted:
        return None
    return {"every": words, "except_within": list(exceptions)} if exceptions else {"every": words}


def render(dataset: Dataset) -> dict[str, bytes]:
    """The source files of ``dataset`` (name → bytes), which :func:`read` builds back to an equal dataset.

    ``article.txt`` is the text byte for byte; ``dataset.toml`` holds the
    metadata, the article and the sources; one file each holds the entities,
    events, statements and mentions. Fields equal to their default are left
    out; values most records of a kind share are written once under
    ``[defaults.KIND]``; mentions are written as rules where a rule names
    exactly their spans. Raises :class:`ValueError` for spans that are not the article's
    words or sentences out of text order.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    text = dataset.article.text
    writer = _Writer(text)
    article = writer.record(dataset.article)
    for computed in ("text", "sha256", "sentences"):
        article.pop(computed, None)
    sentences = dataset.article.sentences
    if sentences != split_sentences(text):
        article["sentences"] = _sentence_quotes(text, sentences)
    parts: dict[str, list[str]] = {name: [comment(header)] for name, header in _HEADERS.items()}
    parts["dataset.toml"] += [
        table("dataset", writer.record(dataset.metadata)),
        table("article", article),
    ]
    for kind_name, (registry, cls) in RECORD_TABLES.items():
        name = _FILES[kind_name]
        records: tuple[Any, ...] = tuple(getattr(dataset, registry))
        if cls is Mention:
            parts[name] += [
                table(kind_name, entry, array=True) for entry in _mention_entries(writer, records)
            ]
            continue
        shared = _defaults(writer, cls, records)
        if shared:
            parts[name].append(
                comment("Unless a record says otherwise:") + table(f"defaults.{kind_name}", shared)
            )
        kind = None
        for record in records:
            block = table(kind_name, writer.record(record, shared), array=True)
            if isinstance(record, Entity) and record.kind is not kind:
                kind = record.kind
                block = comment(f"--- {kind.value.replace('_', ' ')}") + block
            parts[name].append(block)
    files = {ARTICLE_TEXT: text.encode("utf-8")}
    for name, blocks in parts.items():
        files[name] = "\n".join(blocks).encode("utf-8")
    return files


def _sentence_quotes(text: str, sentences: tuple[Span, ...]) -> list[str | dict[str, Any]]:
    quotes: list[str | dict[str, Any]] = []
    position = 0
    for sentence in sentences:
        words = plain(sentence.text)
        if sentence.start < position or not words:
            raise ValueError(
                "sentences must be non-empty and in text order to be written as quotes"
            )
        nth = 1
        for span in occurrences(text, words, start=position):
            if span.start >= sentence.start:
                break
            nth += 1
        quotes.append(words if nth == 1 else {"exact": words, "occurrence": nth})
        position = sentence.end
    return quotes


def write(dataset: Dataset, folder: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write ``dataset`` as a source into ``folder`` (see :func:`render`); returns the folder.

    The folder is created; one that exists and is not empty is refused with
    :class:`FileExistsError` unless ``force`` is given, which replaces the
    source files (and leaves other files alone), each written whole to a
    staging file beside it and renamed into place. A file in the folder's
    place is never replaced, forced or not (:class:`FileExistsError`).
    """
    if not isinstance(folder, str | os.PathLike):
        raise TypeError(f"folder must be a str or os.PathLike, got {type(folder).__name__}")
    files = render(dataset)
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise FileExistsError(f"{path} exists and is not a folder; it is never replaced")
    if path.exists() and any(path.iterdir()) and not force:
        raise FileExistsError(f"{path} exists; pass force=True to replace its source files")
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        # Each file whole or not at all: a failed write leaves the old one.
        write_file(path / name, data)
    return path
