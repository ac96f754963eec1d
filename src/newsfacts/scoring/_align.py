"""One-to-one alignment of system items to gold items.

How it works, for every layer alike:

1. *Candidates.* A gold and a system item may be paired only when they are
   compatible: the layer says when (for spans, strict matching asks for the
   same offsets, relaxed for an overlap). Candidates are found through an
   index of the gold spans, never by comparing every pair.
2. *Components.* Candidate pairs link items into connected components; each
   component is aligned on its own, so the cost grows with the size of the
   components, not with the square of the input.
3. *Stages.* Relaxed matching first aligns what matches exactly, then what
   is left by overlap: every exact match stays, so relaxed is never below
   strict on any layer.
4. *Optimal assignment.* Within a component, the alignment is the one with
   the most pairs and, among those, the highest total similarity (the layer's
   score of how far two items agree). It is solved as a linear sum
   assignment (``scipy.optimize.linear_sum_assignment``, the Jonker-Volgenant
   algorithm) over a matrix where each candidate pair weighs more than any
   sum of similarities can make up.
5. *Ties.* Items enter the matrix in a canonical order (by their spans, then
   their content, never their ids or input order), so equal inputs give equal
   alignments whatever the order or the ids of the records.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from newsfacts.model import Span

__all__ = ["align", "overlapping", "same_span"]

_G = TypeVar("_G")
_S = TypeVar("_S")


def same_span(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    if a_start == a_end or b_start == b_end:
        return a_start <= b_end and b_start <= a_end
    return a_start < b_end and b_start < a_end


def overlapping(a: Span, b: Span) -> bool:
    """Whether two spans share a code point (an empty span overlaps what holds it)."""
    return _overlap(a.start, a.end, b.start, b.end)


class SpanIndex:
    """Gold items by their spans: which may overlap, or sit exactly at, a span."""

    def __init__(self, spans: Iterable[tuple[Span, int]]) -> None:
        entries = sorted((span.start, span.end, index) for span, index in spans)
        self._starts = [start for start, _, _ in entries]
        self._entries = entries
        self._longest = max((end - start for start, end, _ in entries), default=0)
        self._exact: dict[tuple[int, int], list[int]] = {}
        for start, end, index in entries:
            self._exact.setdefault((start, end), []).append(index)

    def exact(self, span: Span) -> list[int]:
        return self._exact.get((span.start, span.end), [])

    def overlapping(self, span: Span) -> list[int]:
        # Every gold span that overlaps starts before the span ends (or at its
        # end, for an empty one) and no earlier than the longest gold span allows.
        found = []
        high = bisect.bisect_right(self._starts, span.end)
        low = bisect.bisect_left(self._starts, span.start - self._longest)
        for position in range(low, high):
            start, end, index = self._entries[position]
            if _overlap(start, end, span.start, span.end):
                found.append(index)
        return found


def _components(pairs: dict[tuple[int, int], int], n_gold: int) -> list[list[tuple[int, int, int]]]:
    # Union-find over gold indices 0..n_gold-1 and system indices n_gold+j.
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for g, s in pairs:
        a, b = find(g), find(n_gold + s)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[tuple[int, int, int]]] = {}
    for (g, s), weight in pairs.items():
        groups.setdefault(find(g), []).append((g, s, weight))
    return list(groups.values())


def _evident(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]] | None:
    """The optimum when it needs no search, else ``None``.

    When every item of the smaller side has a best candidate (the first in
    canonical order among the most similar) and no two share it, those pairs
    are optimal: they are as many as there can be, and no assignment can
    weigh more than the sum of each item's best. This is the common case (an
    output close to gold), and it spares importing SciPy.
    """
    golds = {g for g, _, _ in pairs}
    systems = {s for _, s, _ in pairs}
    by_gold = len(golds) <= len(systems)
    best: dict[int, tuple[int, int]] = {}
    for g, s, weight in pairs:
        item, other = (g, s) if by_gold else (s, g)
        held = best.get(item)
        if held is None or weight > held[0] or (weight == held[0] and other < held[1]):
            best[item] = (weight, other)
    chosen = [other for _, other in best.values()]
    if len(set(chosen)) != len(chosen):
        return None
    return [(item, other) if by_gold else (other, item) for item, (_, other) in best.items()]


def _assign(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    evident = _evident(pairs)
    if evident is not None:
        return evident
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
    except ImportError:  # pragma: no cover - the extra is installed where scoring is tested
        from . import missing_extra

        raise missing_extra("scoring") from None
    golds = sorted({g for g, _, _ in pairs})
    systems = sorted({s for _, s, _ in pairs})
    row = {g: i for i, g in enumerate(golds)}
    column = {s: j for j, s in enumerate(systems)}
    local = [(row[g], column[s], w) for g, s, w in pairs]
    most = max(w for _, _, w in local)
    # A pair outweighs any sum of similarities: the most pairs first, then the best.
    base = (min(len(golds), len(systems)) + 1) * (most + 1)
    matrix = np.zeros((len(golds), len(systems)), dtype=np.int64)
    for i, j, w in local:
        matrix[i, j] = base + w
    rows, columns = linear_sum_assignment(matrix, maximize=True)
    return [
        (golds[i], systems[j])
        for i, j in zip(rows.tolist(), columns.tolist(), strict=True)
        if matrix[i, j] > 0
    ]


def align(
    gold: Sequence[_G],
    system: Sequence[_S],
    stages: Sequence[Callable[[int, _S], Iterable[int]]],
    similarity: Callable[[_G, _S], int],
) -> list[tuple[int, int]]:
    """Pairs ``(gold index, system index)``, one-to-one, as the module describes.

    ``gold`` and ``system`` must already be in canonical order. Each stage
    gives, for a system item, the gold indices it may pair with; the items a
    stage pairs are settled before the next stage aligns what is left (so
    relaxed matching keeps every exact match and adds overlaps).
    ``similarity`` scores a pair (a non-negative int, higher is closer).
    """
    matched: list[tuple[int, int]] = []
    taken_gold: set[int] = set()
    taken_system: set[int] = set()
    for candidates in stages:
        pairs: dict[tuple[int, int], int] = {}
        for j, item in enumerate(system):
            if j in taken_system:
                continue
            for i in candidates(j, item):
                if i not in taken_gold and (i, j) not in pairs:
                    pairs[(i, j)] = similarity(gold[i], item)
        for component in _components(pairs, len(gold)):
            for i, j in _assign(component):
                matched.append((i, j))
                taken_gold.add(i)
                taken_system.add(j)
    matched.sort()
    return matched
