"""Reading a source: TOML files and the article's text → a validated :class:`~newsfacts.Dataset`."""

from __future__ import annotations

import datetime
import difflib
import errno
import hashlib
import os
import re
import stat
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from newsfacts.codec import InvalidData, from_json, json_path
from newsfacts.dataset import Dataset, Metadata
from newsfacts.errors import NewsfactsError
from newsfacts.model import Article, Mention, Span
from newsfacts.quotes import QuoteError, closest_passage, occurrences, resolve, split_sentences
from newsfacts.timespec import TimePoint
from newsfacts.validation import ProblemCode

from ._shape import ARTICLE_TEXT, RECORD_TABLES, RULE_KEYS, field_types, parse_point, rule_spans

__all__ = ["SourceError", "SourceProblem", "read", "read_file"]

_TOP_KEYS = ("dataset", "article", "defaults", *RECORD_TABLES)
_SELECTOR_KEYS = ("exact", "prefix", "suffix", "occurrence")
_COMPUTED = {"text": ARTICLE_TEXT, "sha256": ARTICLE_TEXT}


@attrs.frozen
class SourceProblem:
    """One problem of a source: the file, the record, the field, and what is wrong.

    ``record`` names the record as a person finds it (``"event
    'abbas-visit'"``, ``"mention #4"``, ``"article"``); ``field`` is the path
    of the value within it (``"evidence[1]"``), or ``None`` for the whole
    record or file.
    """

    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.record, self.field) if part)
        return f"{self.file}: {where + ': ' if where else ''}{self.message}"


class SourceError(NewsfactsError, ValueError):
    """A source that does not build; ``problems`` holds every problem found, in file order."""

    def __init__(self, source: str, problems: tuple[SourceProblem, ...]) -> None:
        self.source = source
        self.problems = problems
        listing = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in the source {source}:\n{listing}")


@attrs.define
class _Origin:
    file: str
    record: str


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.problems: list[SourceProblem] = []
        self.quotes: dict[tuple[str, str | None, str | None, int | None], Span | str] = {}

    def problem(self, origin: _Origin, at: tuple[str | int, ...], message: str) -> None:
        field = json_path(at)[2:].lstrip(".") if at else None
        self.problems.append(SourceProblem(origin.file, origin.record, field or None, message))

    # --- values ---------------------------------------------------------------

    def span(self, value: Any, origin: _Origin, at: tuple[str | int, ...]) -> Any:
        """The JSON form of the span a quote selects, or ``None`` after recording a problem."""
        if isinstance(value, str):
            value = {"exact": value}
        if not isinstance(value, dict):
            self.problem(
                origin,
                at,
                "expected a quote: a string, or a table with exact, occurrence, prefix, suffix",
            )
            return None
        unknown = [key for key in value if key not in _SELECTOR_KEYS]
        for key in unknown:
            self.problem(origin, (*at, key), f"unknown key {key!r}{_close(key, _SELECTOR_KEYS)}")
        exact, prefix, suffix = (value.get(k) for k in ("exact", "prefix", "suffix"))
        occurrence = value.get("occurrence")
        bad = [
            k
            for k in ("exact", "prefix", "suffix")
            if value.get(k) is not None and not isinstance(value[k], str)
        ]
        if occurrence is not None and (type(occurrence) is not int or occurrence < 1):
            bad.append("occurrence")
        for key in bad:
            what = "a whole number, 1 or more" if key == "occurrence" else "a string"
            self.problem(origin, (*at, key), f"expected {what}, got {value[key]!r}")
        if not isinstance(exact, str) or not exact:
            if "exact" not in bad:
                self.problem(origin, at, 'a quote needs its exact words (exact = "…")')
            return None
        if unknown or bad:
            return None
        key = (exact, prefix, suffix, occurrence)
        found = self.quotes.get(key)
        if found is None:
            try:
                found = resolve(
                    self.text, exact, prefix=prefix, suffix=suffix, occurrence=occurrence
                )
            except (QuoteError, ValueError) as error:
                found = str(error)
            self.quotes[key] = found
        if isinstance(found, str):
            self.problem(origin, at, f"quote {found}")
            return None
        return {"start": found.start, "end": found.end, "text": found.text}

    def json_form(self, tp: Any, value: Any, origin: _Origin, at: tuple[str | int, ...]) -> Any:
        """``value`` in the JSON form of ``tp``: quotes resolved, dates read, problems recorded."""
        if tp is Span:
            return self.span(value, origin, at)
        if tp is TimePoint and isinstance(value, str | datetime.date):
            return self.point(value, origin, at)
        if attrs.has(tp) and isinstance(value, dict):
            return self.record_form(tp, value, origin, at)
        shape = typing.get_origin(tp)
        if shape is tuple and isinstance(value, list):
            item = typing.get_args(tp)[0]
            return [self.json_form(item, v, origin, (*at, i)) for i, v in enumerate(value)]
        if shape in (typing.Union, types.UnionType):
            for member in typing.get_args(tp):
                if (attrs.has(member) and isinstance(value, dict)) or (
                    member is TimePoint and isinstance(value, str | datetime.date)
                ):
                    return self.json_form(member, value, origin, at)
        return value

    def record_form(
        self, cls: type, value: dict[str, Any], origin: _Origin, at: tuple[str | int, ...]
    ) -> dict[str, Any]:
        types_ = field_types(cls)
        # A record class may read a shorter or older form of itself
        # (``target = "x"`` for ``targets = ["x"]``), as the JSON loader does.
        upgrade = getattr(cls, "_upgrade_json", None)
        if upgrade is not None:
            value = upgrade(value)
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key not in types_:
                self.problem(origin, (*at, key), f"unknown field{_close(key, types_)}")
                continue
            out[key] = self.json_form(types_[key], item, origin, (*at, key))
        # A field whose type allows None is left out to mean None.
        for field in attrs.fields(cls):
            if (
                field.name not in out
                and field.default is attrs.NOTHING
                and field.init
                and type(None) in typing.get_args(types_[field.name])
            ):
                out[field.name] = None
        return out

    def point(self, value: str | datetime.date, origin: _Origin, at: tuple[str | int, ...]) -> Any:
        if isinstance(value, datetime.datetime):
            self.problem(origin, at, "expected a date, got a date and time")
            return None
        if isinstance(value, datetime.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        try:
            return parse_point(value)
        except ValueError as error:
            self.problem(origin, at, str(error))
            return None

    def build(self, cls: type, form: dict[str, Any], origin: _Origin) -> Any:
        try:
            return from_json(cls, form)
        except InvalidData as error:
            self.problem(origin, error.segments, error.message)
            return None


def _close(key: str, known: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"


_TOML_KINDS = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "a table"),
    (datetime.datetime, "a date and time"),
    (datetime.date, "a date"),
    (datetime.time, "a time"),
)


def _toml_kind(value: Any) -> str:
    return next((name for kind, name in _TOML_KINDS if isinstance(value, kind)), "a value")


def _label(table: str, number: int, raw: dict[str, Any]) -> str:
    id = raw.get("id")
    if isinstance(id, str):
        return f"{table} {id!r}"
    if table == "mention":
        quote = raw.get("every", raw.get("span"))
        if isinstance(quote, dict):
            quote = quote.get("exact")
        if isinstance(quote, str):
            return f"mention #{number} ({quote!r})"
    return f"{table} #{number}"


def read_file(path: Path) -> bytes:
    """The bytes of the regular file at ``path`` (after symbolic links).

    Opened without blocking and checked on the open descriptor, so a FIFO or
    a device is refused instead of read for ever. Raises :class:`OSError`,
    whose ``strerror`` says why in a few words: a folder, not a regular
    file, a symbolic link to nothing, too many levels of symbolic links.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileNotFoundError(
                errno.ENOENT, "a symbolic link to nothing (no such file)", str(path)
            ) from None
        raise
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or socket)", str(path))
    except BaseException:
        os.close(descriptor)
        raise
    with open(descriptor, "rb") as stream:
        return stream.read()


def _cannot_read(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


def _source_files(path: Path, label: str) -> tuple[Path, list[Path]]:
    """The folder of the source at ``path`` and its TOML files, in name order.

    Every entry of a folder named ``*.toml`` is one, whatever it is: one
    that is not a file is reported when it is read. Hidden entries (a name
    starting with ``.``, such as an editor's lock file ``.#events.toml``)
    are not.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:  # a dangling symbolic link too
        problem = SourceProblem(label, None, None, "no such file or folder")
        raise SourceError(label, (problem,)) from None
    except OSError as error:  # a loop of links, a name too long
        raise SourceError(label, (SourceProblem(label, None, None, _cannot_read(error)),)) from None
    if not stat.S_ISDIR(mode):
        return path.parent, [path]
    try:
        names = sorted(entry.name for entry in os.scandir(path))
    except OSError as error:
        raise SourceError(label, (SourceProblem(label, None, None, _cannot_read(error)),)) from None
    return path, [
        path / name for name in names if Path(name).suffix == ".toml" and not name.startswith(".")
    ]


def _parse(file: Path) -> tuple[dict[str, Any] | None, str]:
    """The tables of the TOML file ``file``, or ``None`` and why it cannot be read."""
    try:
        data = read_file(file)
    except OSError as error:
        return None, _cannot_read(error)
    try:
        return tomllib.loads(data.decode("utf-8")), ""
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return None, f"cannot read: {error}"
    except RecursionError:
        return None, "cannot read: nested too deeply (arrays or inline tables inside one another)"
    except ValueError as error:  # an integer longer than Python converts (4300 digits)
        return None, f"cannot read: {str(error).split(';')[0]}"


def read(path: str | os.PathLike[str]) -> Dataset:
    """Build the dataset a source describes, checked by :func:`newsfacts.validate`.

    ``path`` is a source folder (every ``*.toml`` file in it, in name order,
    beside ``article.txt``) or one ``.toml`` file (beside ``article.txt``).
    An entry of the folder named ``*.toml`` that is not a readable file (a
    folder, a FIFO, a symbolic link to nothing or in a loop), and TOML that
    does not parse or is nested too deeply, are problems of that file.
    Quotes are resolved to spans, the hash computed, the sentences split
    (:func:`newsfacts.quotes.split_sentences`) unless the source lists them.
    Raises :class:`SourceError` with every problem found, each named by
    source file, record and field: those of the files and records, then
    those of :func:`newsfacts.validate`. When some records cannot be built,
    validation runs over the rest and leaves out what their absence could
    cause (an unresolved reference to one, a sentence or entity left without
    a fact or mention).
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    label = str(path)
    folder, files = _source_files(Path(path), label)
    if not files:
        raise SourceError(label, (SourceProblem(label, None, None, "no .toml source files"),))
    text_file = folder / ARTICLE_TEXT
    try:
        text = read_file(text_file).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror or error if isinstance(error, OSError) else error
        raise SourceError(
            label, (SourceProblem(ARTICLE_TEXT, None, None, f"cannot read the article: {why}"),)
        ) from None
    reader = _Reader(text)
    tables: list[tuple[str, dict[str, Any]]] = []
    for file in files:
        content, why = _parse(file)
        if content is None:
            reader.problems.append(SourceProblem(file.name, None, None, why))
        else:
            tables.append((file.name, content))
    dataset = _assemble(reader, tables, text, complete=len(tables) == len(files))
    if reader.problems:
        raise SourceError(label, tuple(reader.problems))
    assert dataset is not None
    return dataset


def _assemble(
    reader: _Reader, tables: list[tuple[str, dict[str, Any]]], text: str, *, complete: bool
) -> Dataset | None:
    """The dataset of the files' ``tables``, or ``None``; their problems go to ``reader``.

    Without ``complete`` (some file could not be read), a missing ``[dataset]``
    or ``[article]`` is not a problem of its own: the unread file may hold it.
    """
    singles: dict[str, tuple[str, dict[str, Any]]] = {}
    records: dict[str, list[Any]] = {registry: [] for registry, _ in RECORD_TABLES.values()}
    origins: dict[str, list[_Origin]] = {registry: [] for registry in records}
    mention_origins: dict[int, _Origin] = {}
    failed: set[str] = set()  # ids of records that could not be built ("" when unknown)
    for file, content in tables:
        top = _Origin(file, "")
        for key in content:
            if key not in _TOP_KEYS:
                reader.problems.append(
                    SourceProblem(
                        file, None, None, f"unknown table {key!r}{_close(key, _TOP_KEYS)}"
                    )
                )
        for key in ("dataset", "article"):
            if key in content:
                if key in singles:
                    reader.problem(
                        _Origin(file, key), (), f"given twice: also in {singles[key][0]}"
                    )
                elif not isinstance(content[key], dict):
                    reader.problem(_Origin(file, key), (), f"expected a table [{key}]")
                else:
                    singles[key] = (file, content[key])
        defaults = _defaults(reader, top, content.get("defaults", {}))
        for table, (registry, cls) in RECORD_TABLES.items():
            raws = content.get(table, [])
            if not isinstance(raws, list) or not all(isinstance(r, dict) for r in raws):
                reader.problem(top, (table,), f"expected an array of tables [[{table}]]")
                continue
            shared = defaults.get(table, {})
            for number, raw in enumerate(raws, 1):
                origin = _Origin(file, _label(table, number, raw))
                value = {**shared, **raw}
                if cls is Mention:
                    before = len(reader.problems)
                    found = _mentions(reader, value, origin, text)
                    if before != len(reader.problems):
                        failed.add("")
                    for mention in found:
                        mention_origins[id(mention)] = origin
                        records[registry].append(mention)
                    continue
                before = len(reader.problems)
                form = reader.record_form(cls, value, origin, ())
                record = reader.build(cls, form, origin) if before == len(reader.problems) else None
                if record is None:
                    failed.add(raw.get("id") if isinstance(raw.get("id"), str) else "")
                    continue
                records[registry].append(record)
                origins[registry].append(origin)
    metadata = article = None
    for key in ("dataset", "article"):
        if key not in singles and complete:
            reader.problems.append(
                SourceProblem("(source)", key, None, f"missing: no file has a [{key}] table")
            )
    if "dataset" in singles:
        file, raw = singles["dataset"]
        origin = _Origin(file, "dataset")
        count = len(reader.problems)
        form = reader.record_form(Metadata, raw, origin, ())
        if count == len(reader.problems):
            metadata = reader.build(Metadata, form, origin)
    if "article" in singles:
        article = _article(reader, *singles["article"], text)
    if metadata is None or article is None:
        return None
    dataset = Dataset(metadata, article, **records)
    for problem in dataset.validate():
        if failed and (problem.code in _EXPLAINED_BY_MISSING or not failed.isdisjoint(problem.ids)):
            continue
        origin, field = _locate(
            problem.file, problem.path, origins, mention_origins, dataset, singles
        )
        reader.problems.append(
            SourceProblem(
                origin.file,
                origin.record or None,
                field,
                f"[{problem.code.value}] {problem.message}",
            )
        )
    return dataset


def _defaults(reader: _Reader, top: _Origin, given: Any) -> dict[str, dict[str, Any]]:
    """The ``[defaults.KIND]`` tables of a file, each without its unknown keys.

    Each problem is reported once, at the defaults (``defaults.entity.nme``),
    whether or not the file has records of that kind.
    """
    if not isinstance(given, dict):
        reader.problem(top, ("defaults",), "expected a table of tables ([defaults.entity])")
        return {}
    out: dict[str, dict[str, Any]] = {}
    for table, shared in given.items():
        if table not in RECORD_TABLES:
            reader.problem(
                top, ("defaults", table), f"unknown record type{_close(table, RECORD_TABLES)}"
            )
            continue
        if not isinstance(shared, dict):
            reader.problem(
                top,
                ("defaults", table),
                f"expected a table of {table} fields ([defaults.{table}]), got {_toml_kind(shared)}",
            )
            continue
        cls = RECORD_TABLES[table][1]
        known = [*field_types(cls), *(RULE_KEYS if cls is Mention else ())]
        # As in a record, a shorter or older form of a field is read (``target``).
        upgrade = getattr(cls, "_upgrade_json", None)
        keys = upgrade(shared) if upgrade is not None else shared
        unknown = [key for key in keys if key not in known]
        for key in unknown:
            reader.problem(top, ("defaults", table, key), f"unknown field{_close(key, known)}")
        out[table] = {key: value for key, value in shared.items() if key not in unknown}
    return out


def _article(reader: _Reader, file: str, raw: dict[str, Any], text: str) -> Article | None:
    origin = _Origin(file, "article")
    count = len(reader.problems)
    for key, where in _COMPUTED.items():
        if key in raw:
            reader.problem(origin, (key,), f"computed from {where}; leave it out")
    given = {k: v for k, v in raw.items() if k not in _COMPUTED and k != "sentences"}
    form = reader.record_form(Article, given, origin, ())
    sentences = raw.get("sentences")
    if sentences is None:
        spans = split_sentences(text)
    elif not isinstance(sentences, list):
        reader.problem(origin, ("sentences",), "expected an array of quotes, in order")
        spans = ()
    else:
        spans = _sentences(reader, sentences, origin, text)
    if count != len(reader.problems):
        return None
    form["text"] = text
    form["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    form["sentences"] = [{"start": s.start, "end": s.end, "text": s.text} for s in spans]
    article: Article | None = reader.build(Article, form, origin)
    return article


def _sentences(reader: _Reader, quotes: list[Any], origin: _Origin, text: str) -> tuple[Span, ...]:
    """Sentences in order: each quote's ``occurrence`` (default 1) counts from the previous sentence's end."""
    spans = []
    position = 0
    for index, quote in enumerate(quotes):
        at = ("sentences", index)
        if isinstance(quote, str):
            quote = {"exact": quote}
        exact = quote.get("exact") if isinstance(quote, dict) else None
        nth = quote.get("occurrence", 1) if isinstance(quote, dict) else None
        if not isinstance(exact, str) or not exact or type(nth) is not int or nth < 1:
            reader.problem(
                origin, at, 'expected a quote: a string, or {exact = "…", occurrence = N}'
            )
            continue
        found = occurrences(text, exact, start=position, limit=nth)
        if len(found) < nth:
            near = closest_passage(text[position:], exact)
            reader.problem(
                origin,
                at,
                f"{exact!r} is not in the article after the previous sentence; the closest passage is {near!r}",
            )
            continue
        spans.append(found[-1])
        position = found[-1].end
    return tuple(spans)


def _mentions(reader: _Reader, value: dict[str, Any], origin: _Origin, text: str) -> list[Mention]:
    if "every" not in value:
        if "except_within" in value:
            reader.problem(origin, ("except_within",), 'only a rule (every = "…") has exceptions')
            return []
        count = len(reader.problems)
        form = reader.record_form(Mention, value, origin, ())
        mention = reader.build(Mention, form, origin) if count == len(reader.problems) else None
        return [mention] if mention is not None else []
    if "span" in value:
        reader.problem(origin, ("span",), 'a mention has a span or a rule (every = "…"), not both')
        return []
    every = value["every"]
    within = value.get("except_within", [])
    if not isinstance(every, str) or not every:
        reader.problem(origin, ("every",), "expected the words to find, as a string")
        return []
    if not isinstance(within, list) or not all(isinstance(w, str) and w for w in within):
        reader.problem(origin, ("except_within",), "expected an array of longer quotes")
        return []
    rest = {k: v for k, v in value.items() if k not in RULE_KEYS}
    count = len(reader.problems)
    form = reader.record_form(Mention, rest, origin, ())
    spans = rule_spans(text, every, tuple(within))
    if not spans:
        reader.problem(
            origin,
            ("every",),
            f"{every!r} is not in the article as whole words (outside the exceptions); "
            f"the closest passage is {closest_passage(text, every)!r}",
        )
    if count != len(reader.problems):
        return []
    out = []
    for span in spans:
        mention = reader.build(
            Mention,
            {**form, "span": {"start": span.start, "end": span.end, "text": span.text}},
            origin,
        )
        if mention is None:
            break
        out.append(mention)
    return out


# Problems that a record which could not be built may cause by its absence:
# with such records, validation runs over the rest and leaves these out.
_EXPLAINED_BY_MISSING = frozenset(
    {
        ProblemCode.SENTENCE_WITHOUT_FACT,
        ProblemCode.ENTITY_NOT_MENTIONED,
        ProblemCode.MENTION_OUTSIDE_EVIDENCE,
        ProblemCode.INVERSE_DISAGREES,
    }
)
_INDEXED = re.compile(r"\$\[(\d+)\]\.?(.*)")


def _locate(
    file: str | None,
    path: str | None,
    origins: dict[str, list[_Origin]],
    mention_origins: dict[int, _Origin],
    dataset: Dataset,
    singles: dict[str, tuple[str, dict[str, Any]]],
) -> tuple[_Origin, str | None]:
    """The source record and field of a validation problem named by JSON file and path."""
    registry = (file or "").removesuffix(".json")
    match = _INDEXED.fullmatch(path or "")
    if match is not None and registry in origins:
        index = int(match[1])
        found: _Origin | None = None
        if registry == "mentions" and index < len(dataset.mentions):
            found = mention_origins.get(id(dataset.mentions[index]))
        elif index < len(origins[registry]):
            found = origins[registry][index]
        if found is not None:
            return found, match[2] or None
    if path is not None and path.startswith("$.article"):
        return _Origin(singles["article"][0], "article"), path.removeprefix("$.article").lstrip(
            "."
        ) or None
    if path is not None and path.startswith("$.metadata"):
        return _Origin(singles["dataset"][0], "dataset"), path.removeprefix("$.metadata").lstrip(
            "."
        ) or None
    return _Origin(file or "(source)", ""), path
