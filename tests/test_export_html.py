"""The annotated page, rendered by headless Chromium: the DOM it builds, and a screenshot.

The page is checked as a browser shows it: ``chromium --headless
--dump-dom`` runs its script and prints the DOM, which is read with the
standard library's HTML parser; ``--screenshot`` renders it, and the image
must not be blank. CI installs Debian's ``chromium`` (see ``.ci/run``); the
browser tests are skipped only where no Chromium binary exists.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

import newsfacts
from _tiny import tiny_dataset
from newsfacts import Dataset, Rating
from newsfacts.export import HTML_FILE, MARKER, export

DS = newsfacts.load()
DATASETS = pytest.mark.parametrize("dataset", [DS, tiny_dataset()], ids=["builtin", "tiny"])

CHROMIUM = next(
    (
        path
        for path in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome"))
        if path is not None
    ),
    None,
)
# CI (.ci/run) installs Chromium and sets NEWSFACTS_REQUIRE_CHROMIUM, so there
# the browser tests run or fail, never skip.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("NEWSFACTS_REQUIRE_CHROMIUM"),
    reason="no Chromium binary on PATH (CI installs Debian's chromium)",
)


def _chromium(*args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None, "NEWSFACTS_REQUIRE_CHROMIUM is set but no Chromium is on PATH"
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--user-data-dir=" + str(Path(args[-1].removeprefix("file://")).parent / "profile"),
            *args,
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )


class _Page(HTMLParser):
    """The text inside each ``mark`` and ``sup.badge`` of the page, with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[dict[str, str], str]] = []
        self.badges: list[tuple[dict[str, str], str]] = []
        self.body_classes: set[str] = set()
        self.external: list[str] = []
        self.checked = False
        self._open: list[tuple[str, dict[str, str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.body_classes = set(values.get("class", "").split())
        if tag == "input" and values.get("id") == "hide-verdicts":
            self.checked = "checked" in values
        for key in ("src", "href"):
            if key in values:
                self.external.append(values[key])
        if tag in ("link", "img", "iframe", "object", "embed"):
            self.external.append(tag)
        if tag in ("mark", "sup"):
            self._open.append((tag, values, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("mark", "sup") and self._open:
            name, values, text = self._open.pop()
            words = "".join(text)
            (self.marks if name == "mark" else self.badges).append((values, words))
            if self._open:
                self._open[-1][2].append(words)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _words_of(page: _Page, fact_id: str) -> str:
    return "".join(
        text for attrs, text in page.marks if fact_id in attrs.get("data-facts", "").split()
    )


def _evidence(dataset: Dataset, fact_id: str) -> str:
    fact = dataset.events.get(fact_id) or dataset.statements[fact_id]
    # Spans may overlap or touch: the page marks each code point once.
    covered = sorted({i for span in fact.evidence for i in range(span.start, span.end)})
    return "".join(dataset.article.text[i] for i in covered)


@DATASETS
def test_the_page_is_self_contained(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "html", tmp_path / "html")
    assert sorted(p.name for p in out.iterdir()) == sorted([HTML_FILE, MARKER])
    text = (out / HTML_FILE).read_text(encoding="utf-8")
    page = _parse(text)
    assert page.external == []
    assert not re.search(r"url\(|@import|https?://[^\s\"<]*\.(?:js|css|woff2?)", text)
    # Every rated fact's words are marked with its id, exactly.
    for fact in (*dataset.events, *dataset.statements):
        if fact.evidence:
            assert _words_of(page, fact.id) == _evidence(dataset, fact.id)


@needs_chromium
@DATASETS
def test_chromium_shows_every_false_fact_with_its_verdict(dataset: Dataset, tmp_path: Path) -> None:
    out = export(dataset, "html", tmp_path / "html")
    dom = _chromium("--dump-dom", (out / HTML_FILE).as_uri()).stdout.decode("utf-8")
    page = _parse(dom)
    assert "quiz" not in page.body_classes
    false_facts = [
        fact
        for fact in (*dataset.events, *dataset.statements)
        if fact.verdict is not None and fact.verdict.rating is Rating.FALSE and fact.evidence
    ]
    for fact in false_facts:
        assert _words_of(page, fact.id) == _evidence(dataset, fact.id)
        for attrs, _ in page.marks:
            if fact.id in attrs.get("data-facts", "").split():
                assert "false" in attrs["data-verdicts"].split()
                assert attrs["data-verdict"] == "false"
        badges = [text for attrs, text in page.badges if attrs.get("data-fact") == fact.id]
        assert badges == ["✗ false"]


@needs_chromium
def test_the_quiz_link_hides_the_verdicts(tmp_path: Path) -> None:
    out = export(DS, "html", tmp_path / "html")
    dom = _chromium("--dump-dom", (out / HTML_FILE).as_uri() + "#quiz").stdout.decode("utf-8")
    assert "quiz" in _parse(dom).body_classes


@needs_chromium
def test_the_screenshot_is_not_blank(tmp_path: Path) -> None:
    out = export(DS, "html", tmp_path / "html")
    shot = tmp_path / "page.png"
    _chromium("--screenshot=" + str(shot), "--window-size=1200,1600", (out / HTML_FILE).as_uri())
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    # None: more colours than counted, which no blank page has.
    assert colours is None or len(colours) > 16
