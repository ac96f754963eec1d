"""Synthetic datasets in newsfacts' own format, valid by construction, of any size.

``write_dataset(folder, n)`` writes a dataset of ``n`` entities, ``10 * n``
statements, ``n // 10`` events and ``n`` mentions over a generated article of
``n`` sentences, one per entity ("Kabedo met Lumira."). Every record is an
article fact with evidence spans over that text and a verdict, every entity is
mentioned, every name is unique after folding, so :func:`newsfacts.load_path`
accepts it with ``validate=True``. The JSON is written directly (not through
the records) so that a million statements take seconds to generate, not
minutes; the benchmark then checks the result by loading it.

Run as a script to write one: ``python benchmarks/synthetic.py FOLDER N``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

__all__ = ["entity_name", "write_dataset"]

FORMAT = "newsfacts-dataset/1"
STATEMENTS_PER_ENTITY = 10
# Consonant-vowel syllables: names of letters only, so they never fold like an id
# ("ent-12" folds to "ent 12"), and base-64 digits of the index keep them unique.
_SYLLABLES = [c + v for c in "bdfgklmnprstvzhj" for v in "aeio"]
_PREDICATES = ("supports", "funds", "opposes")
_KINDS = ("person", "organization", "group", "state")


def entity_name(index: int) -> str:
    """The unique one-word name of entity ``index``: ``Babebi``, ``Kabedo`` …"""
    digits = []
    for _ in range(4):  # 64**4 > 16 million names
        index, digit = divmod(index, len(_SYLLABLES))
        digits.append(_SYLLABLES[digit])
    return "".join(digits).capitalize()


def _lines(items: Iterator[str]) -> Iterator[str]:
    # One record per line inside a JSON array: streamed, never held whole.
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + item
        first = False
    yield "\n]\n"


def _write(path: Path, items: Iterator[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(_lines(items))


def write_dataset(folder: Path, n: int) -> dict[str, int]:
    """Write a valid dataset of ``n`` entities into ``folder``; returns its record counts."""
    if n < 2:
        raise ValueError(f"n must be at least 2, got {n}")
    folder.mkdir(parents=True, exist_ok=True)
    names = [entity_name(i) for i in range(n)]
    # The article: sentence i says that entity i met entity i + 1.
    starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    for i in range(n):
        sentence = f"{names[i]} met {names[(i + 1) % n]}."
        starts.append(offset)
        pieces.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(pieces)
    (folder / "article.txt").write_bytes(text.encode("utf-8"))

    def span(start: int, words: str) -> str:
        return f'{{"start": {start}, "end": {start + len(words)}, "text": "{words}"}}'

    sentences = [json.loads(span(starts[i], pieces[i])) for i in range(n)]
    header = {
        "format": FORMAT,
        "metadata": {"id": f"synthetic-{n}", "title": f"Synthetic dataset of {n} entities"},
        "article": {
            "id": f"synthetic-article-{n}",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "sentences": sentences,
            "publisher": "newsfacts benchmarks",
            "published": {"start": {"year": 2020, "month": 1, "day": 1}},
        },
    }
    (folder / "dataset.json").write_text(json.dumps(header, indent=1) + "\n", encoding="utf-8")

    def entities() -> Iterator[str]:
        for i in range(n):
            yield (
                f'{{"id": "ent-{i}", "kind": "{_KINDS[i % len(_KINDS)]}", "name": "{names[i]}", '
                f'"aliases": ["{names[i]}-ov"]}}'
            )

    def mentions() -> Iterator[str]:
        for i in range(n):
            yield f'{{"span": {span(starts[i], names[i])}, "target": "ent-{i}"}}'

    def statements() -> Iterator[str]:
        for k in range(STATEMENTS_PER_ENTITY * n):
            subject = k % n
            obj = (subject + 1 + k // n) % n
            yield (
                f'{{"id": "st-{k}", "subject": "ent-{subject}", '
                f'"predicate": "{_PREDICATES[k % len(_PREDICATES)]}", "object": "ent-{obj}", '
                f'"evidence": [{span(starts[subject], pieces[subject])}], '
                '"verdict": {"rating": "unchecked"}}'
            )

    def events() -> Iterator[str]:
        # On consecutive days (1-28 of each month) from 1 January 1950.
        for e in range(n // 10):
            i = e * 10
            day = 1 + e % 28
            month = 1 + (e // 28) % 12
            year = 1950 + (e // 336) % 70
            yield (
                f'{{"id": "ev-{e}", "kind": "meeting", "label": "Meeting of {names[i]}", '
                f'"participants": [{{"entity": "ent-{i}", "role": "agent"}}, '
                f'{{"entity": "ent-{(i + 1) % n}", "role": "attendee"}}], '
                f'"time": {{"start": {{"year": {year}, "month": {month}, "day": {day}}}}}, '
                f'"evidence": [{span(starts[i], pieces[i])}], '
                '"verdict": {"rating": "unchecked"}}'
            )

    _write(folder / "entities.json", entities())
    _write(folder / "mentions.json", mentions())
    _write(folder / "statements.json", statements())
    _write(folder / "events.json", events())
    _write(folder / "sources.json", iter(()))
    return {
        "entities": n,
        "statements": STATEMENTS_PER_ENTITY * n,
        "events": n // 10,
        "mentions": n,
        "text": len(text),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int, help="number of entities")
    args = parser.parse_args()
    print(write_dataset(args.folder, args.n))


if __name__ == "__main__":
    main()
