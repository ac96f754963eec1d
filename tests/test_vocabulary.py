"""The closed vocabularies: predicate constraints agree with each other."""

from __future__ import annotations

import pytest

from newsfacts import EntityKind, Predicate


@pytest.mark.parametrize("predicate", Predicate, ids=lambda p: p.value)
def test_predicate_info_is_coherent(predicate: Predicate) -> None:
    info = predicate.info
    assert info.label
    assert info.domain or info.event_subject
    assert info.range or info.event_object or info.literal_object
    assert info.domain <= frozenset(EntityKind)
    inverse = predicate.inverse
    if inverse is not None:
        assert inverse.inverse is predicate
        assert inverse.info.domain == info.range
        assert inverse.info.range == info.domain
    if predicate.symmetric:
        assert info.domain == info.range
    if info.wikidata is not None:
        assert info.wikidata.startswith("P")
