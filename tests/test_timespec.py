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
