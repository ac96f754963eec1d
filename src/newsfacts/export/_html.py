"""An annotated page of the article: one self-contained HTML file, for reading and teaching.

``article.html`` holds everything inline (styles, script, no link, image or
font fetched from anywhere) and shows:

- the article's text exactly, each mention marked by the entity it refers
  to (``data-entity``; pointing at one lights up all of its mentions);
- each fact's evidence highlighted and coloured by verdict, never by colour
  alone: each verdict has its own underline style and a badge with a symbol
  and the word (``✗ false``) after the evidence; words under several facts
  carry all of them (``data-facts``) and stack their underlines;
- each fact's label, time, verdict, note and sources in a card, shown beside
  the text on hover and on keyboard focus (the highlighted words are in the
  tab order), and listed in full below;
- a switch that hides every verdict (colours, badges and notes): a class
  exercise, find the errors (a link to the page ending in ``#quiz`` opens
  it with the verdicts hidden);
- the timeline of events, and a print layout (no switch or panel; the facts
  list printed after the text).

Every highlighted piece of text is a ``mark`` element whose ``data-facts``
lists the ids of the facts whose evidence it lies in and whose
``data-verdicts`` lists their ratings, so a reader (or a test) can find a
fact's words in the page.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from pathlib import Path

from newsfacts.dataset import Dataset
from newsfacts.model import Event, Literal, Statement
from newsfacts.timespec import TimeSpec
from newsfacts.vocabulary import Rating

from ._targets import mention_targets

__all__ = ["HTML_FILE", "VERDICT_SYMBOLS", "html_page", "write_html"]

HTML_FILE = "article.html"

VERDICT_SYMBOLS = {
    Rating.SUPPORTED: "✓",
    Rating.SIMPLIFIED: "≈",
    Rating.MISLEADING: "!",
    Rating.FALSE: "✗",
    Rating.OPINION: "◇",
    Rating.UNCHECKED: "?",
}
"""The symbol beside each verdict's word: the cue that is not a colour."""

# Worst first: the colour of words under several facts is that of the worst verdict.
_SEVERITY = (
    Rating.FALSE,
    Rating.MISLEADING,
    Rating.SIMPLIFIED,
    Rating.OPINION,
    Rating.UNCHECKED,
    Rating.SUPPORTED,
)

_STYLE = """
:root { --false:#b3261e; --misleading:#b25c00; --simplified:#7a5d00; --opinion:#5b4b8a;
  --unchecked:#555; --supported:#1d6b35; --none:#777; }
body { font: 17px/1.6 Georgia, serif; margin: 0; color: #1b1b1b; background: #fff; }
header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 1.5rem; }
#text { white-space: pre-wrap; }
mark { background: transparent; color: inherit; padding: 0 0 2px; cursor: help;
  border-bottom: 3px solid var(--none); }
mark[data-verdict="false"] { border-bottom: 3px double var(--false); background: #fde7e6; }
mark[data-verdict="misleading"] { border-bottom: 3px dashed var(--misleading); background: #fff0dc; }
mark[data-verdict="simplified"] { border-bottom: 3px dotted var(--simplified); background: #fbf5d8; }
mark[data-verdict="opinion"] { border-bottom: 2px dashed var(--opinion); background: #efeaf8; }
mark[data-verdict="unchecked"] { border-bottom: 2px dotted var(--unchecked); background: #f1f1f1; }
mark[data-verdict="supported"] { border-bottom: 2px solid var(--supported); background: #e6f4ea; }
mark.stacked { box-shadow: inset 0 -6px 0 rgba(0,0,0,.12); }
mark:focus { outline: 3px solid #0b57d0; outline-offset: 1px; }
.mention { border-radius: 2px; text-decoration: underline dotted #6a6a6a; text-underline-offset: 5px; }
.mention.lit { background: #cfe3ff; }
.badge { font: bold .7rem/1 system-ui, sans-serif; padding: 1px 3px; border-radius: 3px;
  color: #fff; background: var(--none); margin-left: 2px; white-space: nowrap; }
.badge[data-verdict="false"] { background: var(--false); }
.badge[data-verdict="misleading"] { background: var(--misleading); }
.badge[data-verdict="simplified"] { background: var(--simplified); }
.badge[data-verdict="opinion"] { background: var(--opinion); }
.badge[data-verdict="unchecked"] { background: var(--unchecked); }
.badge[data-verdict="supported"] { background: var(--supported); }
#details { position: sticky; top: 1rem; align-self: start; font: 14px/1.45 system-ui, sans-serif;
  border: 1px solid #ccc; border-radius: 6px; padding: .6rem .8rem; min-height: 4rem; }
.fact { font: 14px/1.45 system-ui, sans-serif; border-left: 4px solid var(--none);
  padding: .3rem .6rem; margin: .6rem 0; }
.fact[data-verdict="false"] { border-left-color: var(--false); }
.fact[data-verdict="misleading"] { border-left-color: var(--misleading); }
.fact[data-verdict="simplified"] { border-left-color: var(--simplified); }
.fact[data-verdict="supported"] { border-left-color: var(--supported); }
.fact .label { font-weight: bold; }
.switch { font: 15px system-ui, sans-serif; margin: .5rem 0 1rem; }
.legend { font: 13px system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: .6rem; }
.timeline { font: 14px/1.5 system-ui, sans-serif; }
.timeline time { font-variant-numeric: tabular-nums; display: inline-block; min-width: 11rem; }
body.quiz mark { background: #fff7c2; border-bottom: 2px solid #999; }
body.quiz .badge, body.quiz .verdict, body.quiz .legend { display: none; }
body.quiz .fact { border-left-color: #999; }
@media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
@media print {
  .switch, #details { display: none; }
  .layout { display: block; }
  body { font-size: 11pt; }
  mark, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .fact { break-inside: avoid; }
}
"""

_SCRIPT = """
(function () {
  var quiz = document.getElementById('hide-verdicts');
  function apply() { document.body.classList.toggle('quiz', quiz.checked); }
  quiz.addEventListener('change', apply);
  // A link ending in #quiz opens the page with the verdicts hidden.
  if (window.location.hash === '#quiz') { quiz.checked = true; apply(); }
  var details = document.getElementById('details');
  function show(mark) {
    details.innerHTML = '';
    mark.getAttribute('data-facts').split(' ').forEach(function (id) {
      var card = document.getElementById('fact-' + id);
      if (card) { var copy = card.cloneNode(true); copy.removeAttribute('id'); details.appendChild(copy); }
    });
  }
  function light(node, on) {
    var entity = node.getAttribute('data-entity');
    if (!entity) { return; }
    entity.split(' ').forEach(function (id) {
      document.querySelectorAll('.mention').forEach(function (m) {
        if (m.getAttribute('data-entity').split(' ').indexOf(id) >= 0) { m.classList.toggle('lit', on); }
      });
    });
  }
  document.querySelectorAll('mark[data-facts]').forEach(function (mark) {
    mark.addEventListener('mouseenter', function () { show(mark); });
    mark.addEventListener('focus', function () { show(mark); });
  });
  document.querySelectorAll('.mention').forEach(function (m) {
    m.addEventListener('mouseenter', function () { light(m, true); });
    m.addEventListener('mouseleave', function () { light(m, false); });
  });
})();
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _name(dataset: Dataset, ref: str | Literal) -> str:
    if isinstance(ref, Literal):
        return f"“{ref.value}”"
    record = dataset.entities.get(ref) or dataset.events.get(ref)
    return ref if record is None else record.name


def _label(dataset: Dataset, fact: Event | Statement) -> str:
    if isinstance(fact, Event):
        return fact.label
    verb = ("not " if fact.negated else "") + fact.predicate.info.label
    return f"{_name(dataset, fact.subject)} {verb} {_name(dataset, fact.object)}"


def _when(time: TimeSpec | None) -> str:
    if time is None:
        return "no time given"
    said = f"“{time.expression}”, " if time.expression else ""
    return f"{said}{time.edtf}"


def _card(dataset: Dataset, fact: Event | Statement) -> str:
    parts = [
        f'<article class="fact" id="fact-{_e(fact.id)}" data-verdict="'
        f'{fact.verdict.rating.value if fact.verdict else "none"}">',
        f'<div class="label">{_e(_label(dataset, fact))}</div>',
        f"<div>When: {_e(_when(fact.time))}</div>",
    ]
    if fact.attribution.is_reported:
        who = ", ".join(_name(dataset, id) for id in fact.attribution.claimants)
        parts.append(f"<div>Claimed by: {_e(who)}</div>")
    verdict = fact.verdict
    if verdict is not None:
        rating = verdict.rating
        parts.append(
            f'<div class="verdict">Verdict: <strong>{VERDICT_SYMBOLS[rating]} {rating.value}</strong>'
            + (f" — {_e(verdict.note)}" if verdict.note else "")
            + "</div>"
        )
    cited = dict.fromkeys((*fact.sources, *(verdict.sources if verdict else ())))
    titles = []
    for id in cited:
        source = dataset.sources.get(id)
        if source is not None:
            titles.append(_e(source.title) + (f" ({_e(source.url)})" if source.url else ""))
    if titles:
        parts.append(f"<div>Sources: {'; '.join(titles)}</div>")
    parts.append("</article>")
    return "".join(parts)


def _worst(ratings: Iterable[Rating]) -> Rating | None:
    present = set(ratings)
    return next((rating for rating in _SEVERITY if rating in present), None)


def _text(dataset: Dataset, facts: tuple[Event | Statement, ...]) -> str:
    text = dataset.article.text
    # Sweep the boundaries of every span: each piece between two boundaries
    # has one set of facts and mentions over it, so overlapping spans nest.
    opens: dict[int, list[tuple[str, str]]] = {}
    closes: dict[int, list[tuple[str, str]]] = {}

    def span(start: int, end: int, kind: str, key: str) -> None:
        if start < end:
            opens.setdefault(start, []).append((kind, key))
            closes.setdefault(end, []).append((kind, key))

    by_id = {fact.id: fact for fact in facts}
    for fact in facts:
        for evidence in fact.evidence:
            span(evidence.start, evidence.end, "fact", fact.id)
    for number, mention in enumerate(dataset.mentions):
        span(mention.span.start, mention.span.end, "mention", str(number))
    boundaries = sorted({0, len(text), *opens, *closes})
    active_facts: dict[str, int] = {}
    active_mentions: dict[str, int] = {}
    out: list[str] = []
    for start, end in itertools.pairwise(boundaries):
        starting = set()
        for kind, key in closes.get(start, ()):
            active = active_facts if kind == "fact" else active_mentions
            active[key] -= 1
            if not active[key]:
                del active[key]
        for kind, key in opens.get(start, ()):
            active = active_facts if kind == "fact" else active_mentions
            active[key] = active.get(key, 0) + 1
            if kind == "fact":
                starting.add(key)
        piece = _e(text[start:end])
        if active_mentions:
            mentions = [dataset.mentions[int(key)] for key in sorted(active_mentions, key=int)]
            entities = list(dict.fromkeys(t for m in mentions for t in mention_targets(m)))
            names = "; ".join(_name(dataset, id) for id in entities)
            piece = (
                f'<span class="mention" data-entity="{_e(" ".join(entities))}" '
                f'title="{_e(names)}">{piece}</span>'
            )
        if active_facts:
            ids = list(active_facts)
            ratings = [by_id[id].verdict.rating for id in ids if by_id[id].verdict is not None]  # type: ignore[union-attr]
            worst = _worst(ratings)
            # The labels alone: the verdicts stay hidden when the switch hides them.
            summary = " | ".join(_label(dataset, by_id[id]) for id in ids)
            focus = ' tabindex="0"' if starting else ""
            stacked = ' class="stacked"' if len(ids) > 1 else ""
            verdicts = " ".join(r.value for r in ratings)
            piece = (
                f'<mark{stacked}{focus} data-facts="{_e(" ".join(ids))}" '
                f'data-verdict="{worst.value if worst else "none"}" '
                f'data-verdicts="{verdicts}" title="{_e(summary)}">{piece}</mark>'
            )
        out.append(piece)
        # Badges where a rated fact's last span ends: the verdict in words and a symbol.
        for kind, key in closes.get(end, ()):
            ended = by_id.get(key) if kind == "fact" else None
            if ended is None or ended.verdict is None or ended.evidence[-1].end != end:
                continue
            rating = ended.verdict.rating
            out.append(
                f'<sup class="badge" data-verdict="{rating.value}" data-fact="{_e(ended.id)}">'
                f"{VERDICT_SYMBOLS[rating]} {rating.value}</sup>"
            )
    return "".join(out)


def _timeline(dataset: Dataset) -> str:
    items = []
    for event in dataset.timeline():
        when = event.time.edtf if event.time is not None else ""
        verdict = event.verdict
        badge = (
            f' <span class="verdict">({VERDICT_SYMBOLS[verdict.rating]} {verdict.rating.value})</span>'
            if verdict is not None
            else ""
        )
        items.append(
            f'<li><time datetime="{_e(when)}">{_e(when)}</time> {_e(event.label)}{badge}</li>'
        )
    return f'<ol class="timeline">{"".join(items)}</ol>'


def html_page(dataset: Dataset) -> str:
    """The annotated page of ``dataset``'s article, as one self-contained HTML document."""
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, got {type(dataset).__name__}")
    article = dataset.article
    facts: tuple[Event | Statement, ...] = (*dataset.events, *dataset.statements)
    title = dataset.metadata.title
    source = f"{article.publisher}" + (f", {article.url}" if article.url else "")
    legend = "".join(
        f'<span><sup class="badge" data-verdict="{rating.value}">'
        f"{VERDICT_SYMBOLS[rating]} {rating.value}</sup></span>"
        for rating in Rating
    )
    cards = "".join(_card(dataset, fact) for fact in facts)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(article.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>"
        "<body><header><h1>" + _e(title) + "</h1>"
        f"<p>The article: {_e(source)}. Underlined words are the evidence of a fact; "
        "point at them, or move to them with the Tab key, to see the fact.</p>"
        '<label class="switch"><input type="checkbox" id="hide-verdicts"> '
        "Hide the verdicts (a class exercise: find the errors)</label>"
        f'<div class="legend" aria-label="verdicts">{legend}</div></header>'
        '<main><div class="layout">'
        f'<div id="text" lang="{_e(article.language)}">{_text(dataset, facts)}</div>'
        '<aside id="details" aria-live="polite"><p>Point at or focus highlighted words '
        "to see their facts here.</p></aside></div>"
        f"<h2>Timeline</h2>{_timeline(dataset)}"
        f'<h2>Facts</h2><section id="facts">{cards}</section></main>'
        f"<footer><p>{_e(dataset.metadata.license)}</p></footer>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def write_html(dataset: Dataset, folder: Path) -> None:
    """``article.html``: the annotated page of the article, self-contained."""
    (folder / HTML_FILE).write_text(html_page(dataset), encoding="utf-8", newline="\n")
