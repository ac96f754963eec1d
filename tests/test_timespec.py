"""Time: what the words say, what they mean, and the bounds derived from it."""

from __future__ import annotations

import datetime

import pytest

from newsfacts import MonthPart, Precision, Resolution, TimePoint, TimeSpec

D = datetime.date


@pytest.mark.parametrize(
    ("point", "precision", "earliest", "latest", "edtf"),
    [
        (TimePoint(1967), Precision.YEAR, D(1967, 1, 1), D(1967, 12, 31), "1967"),
        (TimePoint(2017, 12), Precision.MONTH, D(2017, 12, 1), D(2017, 12, 31), "2017-12"),
        (TimePoint(2016, 2), Precision.MONTH, D(2016, 2, 1), D(2016, 2, 29), "2016-02"),
        (TimePoint(2018, 2, 12), Precision.DAY, D(2018, 2, 12), D(2018, 2, 12), "2018-02-12"),
        (
            TimePoint(2018, 1, part=MonthPart.LATE),
            Precision.MONTH,
            D(2018, 1, 21),
            D(2018, 1, 31),
            "2018-01",
        ),
        (
            TimePoint(2018, 2, part=MonthPart.EARLY),
            Precision.MONTH,
            D(2018, 2, 1),
            D(2018, 2, 10),
            "2018-02",
        ),
    ],
)
def test_points(point: TimePoint, precision: Precision, earliest: D, latest: D, edtf: str) -> None:
    assert point.precision is precision
    assert (point.earliest, point.latest, point.edtf) == (earliest, latest, edtf)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 2018, "month": 13}, "month"),
        ({"year": 2018, "month": 2, "day": 30}, "day must be"),
        ({"year": 2018, "day": 3}, "needs a month"),
        ({"year": 2018, "part": MonthPart.LATE}, "part of a month"),
        ({"year": 2018, "month": 1, "day": 2, "part": MonthPart.LATE}, "part of a month"),
        ({"year": 0}, "must be >= 1"),
    ],
)
def test_impossible_points_cannot_exist(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TimePoint(**kwargs)  # type: ignore[arg-type]


def test_intervals_and_open_starts() -> None:
    war = TimeSpec(
        TimePoint(1967, 6, 5), TimePoint(1967, 6, 10), resolution=Resolution.RECORD, sources=("s",)
    )
    assert war.is_interval
    assert war.edtf == "1967-06-05/1967-06-10"
    assert war.earliest == D(1967, 6, 5)
    assert war.latest == D(1967, 6, 10)
    assert TimeSpec(TimePoint(1967)).contains(war)
    assert not war.contains(TimeSpec(TimePoint(1967)))
    long = TimeSpec(None, TimePoint(2018, 2, 12), expression="long", resolution=Resolution.CONTEXT)
    assert long.edtf == "/2018-02-12"
    assert long.earliest == D.min
    assert long.overlaps(D(1900, 1, 1), D(1900, 1, 2))
    assert not war.overlaps(D(1967, 6, 11), D(1968, 1, 1))
    assert war.overlaps(D(1967, 6, 10), D(1968, 1, 1))


def test_bounds_must_be_ordered_and_record_times_sourced() -> None:
    with pytest.raises(ValueError, match="out of order"):
        TimeSpec(TimePoint(2018), TimePoint(1967))
    with pytest.raises(ValueError, match="start, an end"):
        TimeSpec(None)
    with pytest.raises(ValueError, match="source"):
        TimeSpec(TimePoint(1967, 6, 7), resolution=Resolution.RECORD)


def test_str_shows_the_words() -> None:
    spec = TimeSpec(TimePoint(2018, 1, part=MonthPart.LATE), expression="In late January")
    assert str(spec) == "late 2018-01 ('In late January')"
    assert spec.precision is Precision.MONTH
    assert TimePoint.from_date(D(2018, 2, 12)) == TimePoint(2018, 2, 12)


def test_an_unknown_start_is_not_an_open_one() -> None:
    end = TimePoint(2018, 2, 12)
    unknown = TimeSpec(None, end, expression="long", resolution=Resolution.CONTEXT)
    open_ = TimeSpec(None, end, open_start=True)
    assert unknown.edtf == "/2018-02-12"
    assert open_.edtf == "../2018-02-12"
    assert unknown != open_
    assert unknown.precision is None
    assert open_.precision is None
    assert unknown.order_key == (D(2018, 2, 12), D(2018, 2, 12))
    with pytest.raises(ValueError, match="open start"):
        TimeSpec(TimePoint(1967), end, open_start=True)


def test_a_lower_bound_tightens_an_unknown_start() -> None:
    later = TimeSpec(
        None,
        TimePoint(2018, 2, 12),
        resolution=Resolution.CONTEXT,
        not_before=TimePoint(1967, 6, 10),
        bound_sources=("s",),
    )
    assert later.earliest == D(1967, 6, 10)
    assert later.edtf == "/2018-02-12"
    assert later.order_key == (D(1967, 6, 10), D(2018, 2, 12))
    assert later.is_interval
    with pytest.raises(ValueError, match="after the end"):
        TimeSpec(None, TimePoint(1967), not_before=TimePoint(2018))
    with pytest.raises(ValueError, match="has a start"):
        TimeSpec(TimePoint(1967), TimePoint(2018), not_before=TimePoint(1967))
    with pytest.raises(ValueError, match="there is none"):
        TimeSpec(None, TimePoint(2018), bound_sources=("s",))


def test_one_moment_within_a_range_is_not_an_interval() -> None:
    withdrew = TimeSpec(TimePoint(1967), TimePoint(2018, 2, 12), once=True)
    lasted = TimeSpec(TimePoint(1967), TimePoint(2018, 2, 12))
    assert withdrew.edtf == "[1967..2018-02-12]"
    assert lasted.edtf == "1967/2018-02-12"
    assert not withdrew.is_interval
    assert lasted.is_interval
    assert TimeSpec(None, TimePoint(2018), once=True).edtf == "[..2018]"
    assert withdrew.precision is Precision.YEAR
    with pytest.raises(ValueError, match="needs an end"):
        TimeSpec(TimePoint(1967), once=True)


def test_an_unknown_end_is_not_an_open_one() -> None:
    """ISO 8601-2 (EDTF Level 1, extended interval): a null end is unknown, ``..`` is open."""
    tepid = TimeSpec(
        TimePoint(1991),
        unknown_end=True,
        not_after=TimePoint(2018, 2, 12),
        resolution=Resolution.CONTEXT,
    )
    kept = TimeSpec(TimePoint(1967), open_end=True, resolution=Resolution.CONTEXT)
    assert tepid.edtf == "1991/"
    assert kept.edtf == "1967/.."
    assert tepid != kept
    assert tepid.is_interval
    assert kept.is_interval
    assert tepid.precision is None
    assert kept.precision is None
    # The upper bound of an unknown end is its latest day; an open end has none.
    assert (tepid.earliest, tepid.latest) == (D(1991, 1, 1), D(2018, 2, 12))
    assert tepid.upper == TimePoint(2018, 2, 12)
    assert (kept.earliest, kept.latest, kept.upper) == (D(1967, 1, 1), D.max, None)
    assert TimeSpec(TimePoint(1991), unknown_end=True).latest == D.max
    assert kept.overlaps(D(2030, 1, 1), D(2030, 1, 2))
    assert not tepid.overlaps(D(2018, 2, 13), D(2019, 1, 1))
    assert str(tepid) == "1991/"


def test_an_unknown_start_with_an_open_end() -> None:
    opposed = TimeSpec(None, open_end=True, expression="long", resolution=Resolution.CONTEXT)
    assert opposed.edtf == "/.."
    assert (opposed.earliest, opposed.latest) == (D.min, D.max)
    # Nothing bounds it: it sorts last, after every fact it must follow.
    assert opposed.order_key == (D.max, D.max)
    assert opposed.lower is None
    assert opposed.upper is None
    bounded = TimeSpec(None, open_end=True, not_before=TimePoint(1995, 9, 28), bound_sources=("s",))
    assert (bounded.edtf, bounded.earliest) == ("/..", D(1995, 9, 28))
    # EDTF has no interval with neither end given ("/"): an unknown end needs a start.
    with pytest.raises(ValueError, match="needs a start"):
        TimeSpec(None, unknown_end=True, not_after=TimePoint(2018))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": TimePoint(1991), "unknown_end": True, "open_end": True}, "not both"),
        (
            {"start": TimePoint(1991), "end": TimePoint(2018), "unknown_end": True},
            "has one",
        ),
        ({"start": None, "end": TimePoint(2018), "open_end": True, "open_start": True}, "has one"),
        (
            {"start": TimePoint(1991), "end": TimePoint(2018), "once": True, "open_end": True},
            "has one",
        ),
        ({"start": TimePoint(1991), "not_after": TimePoint(2018)}, "has none"),
        ({"start": TimePoint(1991), "open_end": True, "not_after": TimePoint(2018)}, "has none"),
        ({"start": None, "unknown_end": True}, "needs a start"),
        (
            {"start": TimePoint(2018), "unknown_end": True, "not_after": TimePoint(1991)},
            "before the start",
        ),
        (
            {"start": None, "open_end": True, "not_before": TimePoint(1991), "open_start": True},
            "open start",
        ),
        ({"start": TimePoint(1991), "bound_sources": ("s",)}, "there is none"),
    ],
)
def test_unknown_and_open_ends_that_contradict_themselves_cannot_exist(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        TimeSpec(**kwargs)  # type: ignore[arg-type]


def test_the_end_flags_and_upper_bound_check_their_types() -> None:
    with pytest.raises(TypeError, match="unknown_end"):
        TimeSpec(TimePoint(1991), unknown_end=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not_after"):
        TimeSpec(TimePoint(1991), unknown_end=True, not_after="2018")  # type: ignore[arg-type]
