"""Pages and figures made from the data when the docs are built.

Connected to Sphinx's ``builder-inited`` event, before any source is read, it
writes into ``docs/generated/`` (git-ignored):

``facts.md``
    every event and statement of the default dataset with its evidence,
    verdict, times and sources;
``timeline.png`` and ``timeline.svg``
    the dated events on a time axis, coloured by verdict;
``annotated/article.html``
    the annotated page of the article (the ``html`` export), which the site
    copies to its root (``html_extra_path``) and the exports page embeds;
``cli.md``
    the usage text of every ``newsfacts`` sub-command, from
    :func:`newsfacts.cli.build_parser`, so the CLI page cannot drift from the code.

Files are only rewritten when their content changes, so an incremental build
(or ``sphinx-autobuild``) does not loop on its own output.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newsfacts
from newsfacts import Dataset, Event, Rating, Statement, TimeSpec
from newsfacts.cli import build_parser

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "ANNOTATED",
    "RATING_COLOURS",
    "annotated_page",
    "cli_page",
    "facts_page",
    "markdown_escape",
    "setup",
    "timeline_figure",
]

GENERATED = "generated"

# Colour-blind-safe (Okabe-Ito) colours, one per rating, in the order a reader
# meets them in the legend.
RATING_COLOURS: dict[Rating | None, str] = {
    Rating.SUPPORTED: "#009E73",
    Rating.SIMPLIFIED: "#56B4E9",
    Rating.MISLEADING: "#E69F00",
    Rating.FALSE: "#D55E00",
    Rating.OPINION: "#CC79A7",
    Rating.UNCHECKED: "#999999",
    None: "#000000",
}

# CommonMark lets any ASCII punctuation be escaped; these are the ones that
# can start markup in running text.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&$])")
# Characters that start a block (list item, heading, quote) at the start of a line.
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def markdown_escape(text: str, *, line_start: bool = False) -> str:
    """``text`` as literal Markdown: no character of it starts markup.

    With ``line_start``, the text begins a line, where "1." or "-" would start a list.
    """
    escaped = _SPECIAL.sub(r"\\\1", text)
    if not line_start:
        return escaped
    return _BLOCK_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped
    )


# --- the facts page ---------------------------------------------------------


def _time(time: TimeSpec | None) -> str | None:
    if time is None:
        return None
    text = f"`{time.edtf}`"
    if time.expression:
        text += f" (“{markdown_escape(time.expression)}”)"
    return text + f", {time.resolution.value}"


def _ref(ds: Dataset, id: str) -> str:
    # A link to the record when this page has it, else its name.
    if id in ds.events or id in ds.statements:
        return f"[`{id}`](#fact-{id})"
    entity = ds.entities.get(id)
    if entity is not None:
        return f"{markdown_escape(entity.name)} (`{id}`)"
    return f"`{id}`"


def _sources(ds: Dataset, ids: Iterable[str]) -> str:
    parts = []
    for id in ids:
        source = ds.sources.get(id)
        if source is None:
            parts.append(f"`{id}`")
            continue
        title = markdown_escape(source.title)
        parts.append(f"[{title}](<{source.url}>)" if source.url else title)
    return "; ".join(parts)


def _fact_lines(ds: Dataset, fact: Event | Statement) -> Iterator[str]:
    if isinstance(fact, Event) or fact.label:
        heading = fact.label
    else:
        subject = ds.entities.get(fact.subject) or ds.events.get(fact.subject)
        target = fact.object_id
        obj = (ds.entities.get(target) or ds.events.get(target)) if target else None
        heading = " ".join(
            (
                subject.name if subject is not None else fact.subject,
                "not" if fact.negated else "",
                fact.predicate.info.label,
                obj.name if obj is not None else str(fact.object),
            )
        ).replace("  ", " ")
    yield f"(fact-{fact.id})="
    yield f"### {markdown_escape(heading, line_start=True)}"
    yield ""
    fields: list[tuple[str, str]] = [("id", f"`{fact.id}`")]
    if isinstance(fact, Event):
        fields.append(("kind", f"{fact.kind.value}, {fact.status.value}"))
        if fact.participants:
            fields.append(
                (
                    "participants",
                    ", ".join(f"{_ref(ds, p.entity)} as {p.role.value}" for p in fact.participants),
                )
            )
        if fact.place is not None:
            fields.append(("place", _ref(ds, fact.place)))
        codes = ", ".join(
            code
            for code in (
                f"CAMEO `{fact.cameo}`" if fact.cameo else "",
                f"PLOVER `{fact.plover.value}`" if fact.plover else "",
                f"Wikidata `{fact.wikidata}`" if fact.wikidata else "",
            )
            if code
        )
        if codes:
            fields.append(("codes", codes))
    else:
        wikidata = fact.predicate.wikidata
        predicate = f"`{fact.predicate.value}`" + (f" (Wikidata `{wikidata}`)" if wikidata else "")
        fields.append(("predicate", predicate))
        for qualifier in fact.qualifiers:
            value = (
                _ref(ds, qualifier.value_id)
                if qualifier.value_id is not None
                else f"“{markdown_escape(str(qualifier.value))}”"
            )
            fields.append((qualifier.kind.value.replace("_", " "), value))
    time = _time(fact.time)
    if time is not None:
        fields.append(("time", time))
    if fact.record_time is not None:
        record = f"{_time(fact.record_time)} — {_sources(ds, fact.record_time.sources)}"
        fields.append(("record time", record))
    if fact.attribution.is_reported:
        claimants = ", ".join(_ref(ds, c) for c in fact.attribution.claimants)
        verb = f" ({markdown_escape(fact.attribution.verb)})" if fact.attribution.verb else ""
        fields.append(("claimed by", claimants + verb))
    fields.append(("modality", fact.modality.value))
    fields.append(("origin", fact.origin.value))
    if fact.sources:
        fields.append(("sources", _sources(ds, fact.sources)))
    if fact.verdict is not None:
        verdict = f"**{fact.verdict.rating.value}**"
        if fact.verdict.note:
            verdict += " — " + markdown_escape(fact.verdict.note)
        if fact.verdict.sources:
            verdict += " (" + _sources(ds, fact.verdict.sources) + ")"
        fields.append(("verdict", verdict))
    for name, value in fields:
        yield f"- {name}: {value}"
    yield ""
    for span in fact.evidence:
        yield f"> {markdown_escape(span.text, line_start=True)}"
        yield ">"
        yield f"> — code points {span.start} to {span.end}"
        yield ""


def facts_page(ds: Dataset) -> str:
    """Every event (in time order, undated last) and statement of ``ds``, as MyST Markdown."""
    dated = ds.timeline()
    undated = [event for event in ds.events if event.time is None]
    lines = [
        "# Every fact and its evidence",
        "",
        f"Made from the dataset `{ds.id}` (version `{ds.metadata.version}`) "
        "when these pages were built. Each fact quotes the words of the article that "
        "state it, with their code-point offsets; an enrichment from the public record "
        "has no words of the article and names its sources instead.",
        "",
        "## Events",
        "",
    ]
    for event in (*dated, *undated):
        lines.extend(_fact_lines(ds, event))
    lines += ["## Statements", ""]
    for statement in ds.statements:
        lines.extend(_fact_lines(ds, statement))
    return "\n".join(lines).rstrip() + "\n"


# --- the timeline figure ----------------------------------------------------


def _bounds(
    time: TimeSpec, floor: datetime.date, ceiling: datetime.date
) -> tuple[datetime.date, datetime.date, bool, bool]:
    # An interval with no known lower bound ("have long opposed") is drawn from
    # the axis's left edge, one with no known upper bound ("still so") to its
    # right edge; the flags say so, for arrow heads.
    open_start = time.lower is None
    open_end = time.upper is None
    start = floor if open_start else max(time.earliest, floor)
    end = ceiling if open_end else min(time.latest + datetime.timedelta(days=1), ceiling)
    return start, end, open_start, open_end


def _x(day: datetime.date) -> float:
    # Days as plain numbers, so the axes need no date converter.
    return float(day.toordinal())


def _months(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    month = datetime.date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            yield month
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _mondays(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    day = start + datetime.timedelta(days=-start.weekday() % 7)
    while day <= end:
        yield day
        day += datetime.timedelta(days=7)


def timeline_figure(ds: Dataset, folder: Path) -> tuple[Path, ...]:
    """Draw the dated events of ``ds`` into ``folder`` as ``timeline.png`` and ``.svg``.

    One row per event, in the public record's time order: a bar for what the
    article's words allow, a diamond for the record's date where there is one,
    coloured by the verdict. The right panel enlarges the weeks before the
    article.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    events = ds.timeline(record=True)
    if not events:
        raise ValueError(f"dataset {ds.id!r} has no dated events to draw")
    latest = max(e.time.latest for e in events if e.time is not None and e.time.upper)
    earliest_known = min(
        t.earliest for e in events for t in (e.time, e.record_time) if t is not None and t.start
    )
    floor = datetime.date(earliest_known.year - 2, 1, 1)
    ceiling = datetime.date(latest.year + 1, 1, 1)
    zoom_end = latest + datetime.timedelta(days=6)
    zoom_start = zoom_end - datetime.timedelta(days=100)

    matplotlib.rcParams["svg.hashsalt"] = (
        "newsfacts"  # stable ids: the SVG only changes with the data
    )
    height = 1.6 + 0.34 * len(events)
    fig, (wide, zoom) = plt.subplots(
        1,
        2,
        sharey=True,
        figsize=(13, height),
        gridspec_kw={"width_ratios": (3, 1.4), "wspace": 0.04},
    )
    for row, event in enumerate(events):
        colour = RATING_COLOURS[event.verdict.rating if event.verdict else None]
        for axis, low, high in ((wide, floor, ceiling), (zoom, zoom_start, zoom_end)):
            # An event the article gives no time (the record dates it) has a diamond alone.
            if event.time is not None:
                start, end, open_start, open_end = _bounds(event.time, low, high)
                axis.barh(
                    row,
                    _x(end) - _x(start),
                    left=_x(start),
                    height=0.55,
                    # A long interval is pale, so the record's diamond stands out on it.
                    facecolor=to_rgba(colour, 0.3 if event.time.is_interval else 0.9),
                    edgecolor=colour,
                    linewidth=1.0,
                )
                if open_start:
                    axis.plot(_x(start), row, marker="<", color=colour, markersize=7)
                if open_end:
                    axis.plot(_x(end), row, marker=">", color=colour, markersize=7)
            if event.record_time is not None:
                middle = (
                    event.record_time.earliest
                    + (event.record_time.latest - event.record_time.earliest) / 2
                )
                axis.plot(
                    _x(middle),
                    row,
                    marker="D",
                    color=colour,
                    markeredgecolor="black",
                    markersize=6,
                )
    labels = [
        f"{event.label[:64]}{'…' if len(event.label) > 64 else ''}  "
        # The article's time as EDTF, or that it gives none (the record's diamond dates it).
        f"[{event.time.edtf if event.time else 'no time given'}]"
        for event in events
    ]
    wide.set_yticks(range(len(events)), labels, fontsize=8.5)
    wide.invert_yaxis()
    wide.set_xlim(_x(floor), _x(ceiling))
    years = range(floor.year - floor.year % 5 + 5, ceiling.year + 1, 5)
    wide.set_xticks([_x(datetime.date(y, 1, 1)) for y in years], [str(y) for y in years])
    wide.set_xticks(
        [_x(datetime.date(y, 1, 1)) for y in range(floor.year, ceiling.year)], minor=True
    )
    wide.set_title(f"{floor.year} to {ceiling.year}", fontsize=10)
    zoom.set_xlim(_x(zoom_start), _x(zoom_end))
    months = list(_months(zoom_start, zoom_end))
    zoom.set_xticks([_x(m) for m in months], [m.strftime("%b %Y") for m in months])
    zoom.set_xticks([_x(d) for d in _mondays(zoom_start, zoom_end)], minor=True)
    zoom.set_title("the weeks before the article", fontsize=10)
    for axis in (wide, zoom):
        axis.grid(axis="x", which="major", color="#dddddd")
        axis.set_axisbelow(True)
        axis.tick_params(axis="x", labelsize=8.5)
    ratings = [r for r in RATING_COLOURS if r is not None]
    handles: list[Any] = [Patch(color=RATING_COLOURS[r], label=r.value) for r in ratings]
    handles += [
        Patch(facecolor="white", edgecolor="black", label="bar: what the article's words allow"),
        Line2D(
            [],
            [],
            marker="D",
            color="white",
            markerfacecolor="grey",
            markeredgecolor="black",
            label="the public record's date",
        ),
        Line2D([], [], marker="<", color="white", markerfacecolor="grey", label="start not given"),
        Line2D(
            [], [], marker=">", color="white", markerfacecolor="grey", label="still so: open end"
        ),
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=5,
        fontsize=8.5,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
    )
    fig.suptitle(
        f"{ds.metadata.title}: the dated events, coloured by verdict", fontsize=11, y=0.995
    )
    fig.subplots_adjust(left=0.36, right=0.99, top=1 - 0.55 / height, bottom=1.0 / height)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, options in (
        ("png", {"dpi": 100}),
        # No creation date: the SVG only changes when the data does.
        ("svg", {"metadata": {"Date": None}}),
    ):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=suffix, bbox_inches="tight", **options)
        written.append(_write_if_changed(folder / f"timeline.{suffix}", buffer.getvalue()))
    plt.close(fig)
    return tuple(written)


# --- the CLI usage ----------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    # argparse exposes sub-parsers only through its actions; this is how
    # every documentation tool for argparse finds them.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_page(parser: argparse.ArgumentParser) -> str:
    """The usage text of ``parser`` and of each of its sub-commands, as MyST Markdown."""
    # argparse wraps to the terminal's width; a fixed width keeps the page the same everywhere.
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "90"
    try:
        lines = ["```text", parser.format_help().rstrip(), "```", ""]
        for name, sub in _subcommands(parser).items():
            lines += [
                f"(cli-{name})=",
                f"### `newsfacts {name}`",
                "",
                "```text",
                sub.format_help().rstrip(),
                "```",
                "",
            ]
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return "\n".join(lines)


# --- Sphinx -----------------------------------------------------------------


def _write_if_changed(path: Path, data: bytes) -> Path:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def generate(folder: Path) -> None:
    """Write every generated page and figure into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ds = newsfacts.load()
    _write_if_changed(folder / "facts.md", facts_page(ds).encode())
    _write_if_changed(folder / "cli.md", cli_page(build_parser()).encode())
    timeline_figure(ds, folder)


def _resolve_short_name(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    # Docstrings name records as their package exports them (``Dataset``,
    # ``newsfacts.Dataset``) while the reference documents them under their
    # module (``newsfacts.dataset.Dataset``). Resolve such a name when exactly
    # one documented object of the package answers to it.
    if node.get("refdomain") != "py":
        return None
    target = str(node.get("reftarget", "")).removeprefix("newsfacts.")
    if not target or "." in target:
        return None
    domain = env.get_domain("py")
    found = [
        (name, docname, anchor)
        for name, _, _, docname, anchor, _ in domain.get_objects()
        if name == f"newsfacts.{target}"
        or (name.startswith("newsfacts.") and name.endswith(f".{target}") and name.count(".") == 2)
    ]
    # A class documented once may be listed under its module and its canonical name.
    found = list(
        {(docname, anchor): (name, docname, anchor) for name, docname, anchor in found}.values()
    )
    if len(found) != 1:
        return None
    # Imported here, so the page builders above work (and are tested) without Sphinx.
    from sphinx.util.nodes import make_refnode

    name, docname, anchor = found[0]
    return make_refnode(app.builder, node["refdoc"], docname, anchor, contnode, name)


def _builder_inited(app: Sphinx) -> None:
    generate(Path(app.srcdir) / GENERATED)


ANNOTATED = "annotated"
"""The folder under ``generated/`` whose files the site copies to its root."""


def annotated_page(folder: Path) -> Path:
    """Write the annotated page of the default dataset into ``folder/annotated/``."""
    from newsfacts.export import HTML_FILE, html_page

    (folder / ANNOTATED).mkdir(parents=True, exist_ok=True)
    return _write_if_changed(
        folder / ANNOTATED / HTML_FILE, html_page(newsfacts.load()).encode("utf-8")
    )


def _config_inited(app: Sphinx, config: Any) -> None:
    # Before Sphinx checks html_extra_path (priority 800), so that it exists.
    annotated_page(Path(app.srcdir) / GENERATED)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _config_inited, priority=100)
    app.connect("builder-inited", _builder_inited)
    app.connect("missing-reference", _resolve_short_name)
    return {"version": newsfacts.__version__, "parallel_read_safe": True}
