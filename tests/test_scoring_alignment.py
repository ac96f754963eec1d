"""The scorer's alignment: one-to-one, the most pairs, then the highest total similarity."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from newsfacts.scoring._align import align

__all__: list[str] = []


def _run(pairs: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    golds = list(range(1 + max((g for g, _ in pairs), default=0)))
    systems = [object() for _ in range(1 + max((s for _, s in pairs), default=0))]

    def candidates(j: int, item: object) -> list[int]:
        return [g for (g, s) in pairs if s == j]

    def similarity(g: int, item: object) -> int:
        return pairs[(g, systems.index(item))]

    return align(golds, systems, [candidates], similarity)


def test_a_best_candidate_shared_by_two_items_is_solved_by_assignment() -> None:
    # Each gold item likes system item 0 best; only the assignment pairs both.
    pairs = {(0, 0): 10, (0, 1): 9, (1, 0): 8}
    assert _run(pairs) == [(0, 1), (1, 0)]


def test_items_without_candidates_stay_unpaired() -> None:
    assert _run({(0, 0): 5, (2, 3): 1}) == [(0, 0), (2, 3)]


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 4), st.integers(0, 4)), st.integers(0, 20), max_size=14
    )
)
def test_the_alignment_is_as_good_as_scipy_on_the_whole_matrix(
    pairs: dict[tuple[int, int], int],
) -> None:
    found = _run(pairs)
    # One-to-one, and only candidate pairs.
    assert len({g for g, _ in found}) == len({s for _, s in found}) == len(found)
    assert all(pair in pairs for pair in found)
    if not pairs:
        assert found == []
        return
    # The same optimum as one assignment over the whole matrix: the most pairs,
    # then the highest total similarity.
    size = 5
    matrix = np.full((size, size), -1_000_000, dtype=np.int64)
    for (g, s), weight in pairs.items():
        matrix[g, s] = 1_000 + weight
    rows, columns = linear_sum_assignment(matrix, maximize=True)
    assigned = zip(rows.tolist(), columns.tolist(), strict=True)
    best = [(g, s) for g, s in assigned if (g, s) in pairs]
    assert len(found) == len(best)
    assert sum(pairs[p] for p in found) == sum(pairs[p] for p in best)
