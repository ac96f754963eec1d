"""Name folding: the ways people type a name meet in one form."""

from __future__ import annotations

import pytest

from newsfacts.names import fold, trigrams


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Mahmoud Abbas", "  mahmoud\u00a0ABBAS "),
        ("Mahmoud Abbas", "Mahmoud Abbás"),
        ("U.S.", "US"),
        ("Israel’s", "Israel's"),
        ("Israel's", "Israels"),
        ("Six-Day War", "six day war"),
        ("Six–Day War", "Six Day  War"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Al-Quds", "al quds"),
        ("ﬁnal", "final"),
    ],
)
def test_equivalent_spellings_fold_together(left: str, right: str) -> None:
    assert fold(left) == fold(right)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("", ""), ("   ", ""), ("--", ""), ("\ud800Abbas", "abbas"), ("Gaza\x00Strip", "gaza strip")],
)
def test_edge_cases(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="str"):
        fold(b"abbas")  # type: ignore[arg-type]


def test_trigrams_are_padded() -> None:
    assert trigrams("ab") == frozenset({"  a", " ab", "ab "})
