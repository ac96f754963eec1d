"""What a text says about *when*, and what it means.

A :class:`TimeSpec` keeps the words as written (``"in late January"``) beside
their normalised value at the precision the words give (January 2018, late
part). Query bounds (:attr:`TimeSpec.earliest`, :attr:`TimeSpec.latest`) and
the EDTF string are derived, never stored, so they cannot disagree with the
value.
"""

from __future__ import annotations

import datetime

import attrs

from ._checks import to_tuple
from ._kinds import MonthPart, Precision, Resolution
from .format import refers

__all__ = ["TimePoint", "TimeSpec"]


def _month_days(year: int, month: int) -> int:
    # datetime alone, so that importing this module pulls in no calendar/locale.
    if month == 12:
        return 31
    return (datetime.date(year, month + 1, 1) - datetime.date(year, month, 1)).days


# Day ranges of the parts of a month named by "early", "mid" and "late".
_PART_DAYS = {MonthPart.EARLY: (1, 10), MonthPart.MID: (11, 20), MonthPart.LATE: (21, 31)}


def _check_int(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    # bool is an int to Python, never a year, month or day.
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"{attribute.name} must be an int, got {type(value).__name__}")


def _check_year(instance: TimePoint, attribute: attrs.Attribute[int], value: object) -> None:
    if value is None:
        raise TypeError("year must be an int, got NoneType")
    _check_int(instance, attribute, value)  # type: ignore[arg-type]


def _check_month(
    instance: TimePoint, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    _check_int(instance, attribute, value)
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month must be 1..12, got {value}")


def _check_day(
    instance: TimePoint, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    _check_int(instance, attribute, value)
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    last = _month_days(instance.year, instance.month)
    if not 1 <= value <= last:
        raise ValueError(
            f"day must be 1..{last} for {instance.year}-{instance.month:02d}, got {value}"
        )


def _check_part(
    instance: TimePoint, attribute: attrs.Attribute[MonthPart | None], value: MonthPart | None
) -> None:
    if value is not None and not isinstance(value, MonthPart):
        raise TypeError(f"part must be a MonthPart, got {type(value).__name__}")
    if value is not None and (instance.month is None or instance.day is not None):
        raise ValueError("a part of a month needs a month and no day")


@attrs.frozen
class TimePoint:
    """A calendar point at year, month or day precision, optionally a part of a month."""

    year: int = attrs.field(
        validator=attrs.validators.and_(
            _check_year, attrs.validators.ge(1), attrs.validators.le(9999)
        )
    )
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)
    part: MonthPart | None = attrs.field(default=None, validator=_check_part)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> datetime.date:
        """The first day this point can mean."""
        if self.month is None:
            return datetime.date(self.year, 1, 1)
        if self.day is not None:
            return datetime.date(self.year, self.month, self.day)
        first = _PART_DAYS[self.part][0] if self.part is not None else 1
        return datetime.date(self.year, self.month, first)

    @property
    def latest(self) -> datetime.date:
        """The last day this point can mean."""
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        if self.day is not None:
            return datetime.date(self.year, self.month, self.day)
        last = _month_days(self.year, self.month)
        if self.part is not None:
            last = min(last, _PART_DAYS[self.part][1])
        return datetime.date(self.year, self.month, last)

    @property
    def edtf(self) -> str:
        """The point as EDTF (ISO 8601-2): ``1967``, ``2017-12``, ``2018-02-12``.

        EDTF has no "late January"; the month is the honest value.
        """
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        if self.part is not None:
            return f"{self.part.value} {self.edtf}"
        return self.edtf

    @classmethod
    def from_date(cls, day: datetime.date) -> TimePoint:
        """A day-precision point for ``day``."""
        if not isinstance(day, datetime.date):
            raise TypeError(f"expected a datetime.date, got {type(day).__name__}")
        return cls(day.year, day.month, day.day)


def _check_bounds(
    instance: TimeSpec, attribute: attrs.Attribute[TimePoint | None], value: TimePoint | None
) -> None:
    for name, point in (("start", instance.start), ("end", value)):
        if point is not None and not isinstance(point, TimePoint):
            raise TypeError(f"{name} must be a TimePoint or None, got {type(point).__name__}")
    # The flags for an unknown or open end are set by now (attrs sets every field first);
    # whether they fit the rest is checked with them, in _check_end_shape.
    if instance.start is None and value is None and not (instance.unknown_end or instance.open_end):
        raise ValueError("a TimeSpec needs a start, an end, or both")
    if instance.start is not None and value is not None and instance.start.earliest > value.latest:
        raise ValueError(f"time bounds out of order: {instance.start.edtf} after {value.edtf}")


def _check_expression(
    instance: TimeSpec, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"expression must be a str or None, got {type(value).__name__}")


def _check_resolution(
    instance: TimeSpec, attribute: attrs.Attribute[Resolution], value: object
) -> None:
    if not isinstance(value, Resolution):
        raise TypeError(f"resolution must be a Resolution, got {type(value).__name__}")


def _check_sources(
    instance: TimeSpec, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not all(isinstance(source, str) for source in value):
        raise TypeError("sources must be source ids (str)")
    if instance.resolution is Resolution.RECORD and not value:
        raise ValueError("a time taken from the record needs at least one source")


def _check_flag(instance: TimeSpec, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a bool, got {type(value).__name__}")


def _check_shape(
    instance: TimeSpec, attribute: attrs.Attribute[TimePoint | None], value: object
) -> None:
    # Runs once every field is set: the new fields constrain one another.
    if value is not None and not isinstance(value, TimePoint):
        raise TypeError(f"not_before must be a TimePoint or None, got {type(value).__name__}")
    if instance.open_start and (instance.start is not None or instance.end is None):
        raise ValueError("an open start needs an end and no start")
    if instance.open_start and value is not None:
        raise ValueError("an open start has no lower bound (not_before)")
    if value is not None and instance.start is not None:
        raise ValueError("not_before bounds an unknown start; this value has a start")
    if value is not None and instance.end is None and not instance.open_end:
        raise ValueError("not_before needs an end or an open end")
    if value is not None and instance.end is not None and value.earliest > instance.end.latest:
        raise ValueError(f"not_before {value.edtf} is after the end {instance.end.edtf}")
    if instance.once and instance.end is None:
        raise ValueError("a moment within a range (once) needs an end")
    if instance.once and instance.open_start:
        raise ValueError("a moment within a range (once) cannot have an open start")


def _check_bound_sources(
    instance: TimeSpec, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not all(isinstance(source, str) for source in value):
        raise TypeError("bound_sources must be source ids (str)")
    if (
        value
        and instance.not_before is None
        and instance.not_after is None
        and not (instance.once and instance.start is not None)
    ):
        raise ValueError("bound_sources name the sources of a bound, and there is none")


def _check_end_shape(
    instance: TimeSpec, attribute: attrs.Attribute[TimePoint | None], value: object
) -> None:
    # Runs last, once every field is set: an unknown or open end and its upper bound.
    if value is not None and not isinstance(value, TimePoint):
        raise TypeError(f"not_after must be a TimePoint or None, got {type(value).__name__}")
    unknown, open_ = instance.unknown_end, instance.open_end
    if unknown and open_:
        raise ValueError("an end is either unknown or open, not both")
    if (unknown or open_) and instance.end is not None:
        raise ValueError("an unknown or open end has no end; this value has one")
    if (unknown or open_) and (instance.once or instance.open_start):
        raise ValueError("an unknown or open end cannot go with once or an open start")
    if value is not None and not unknown:
        raise ValueError("not_after bounds an unknown end; this value has none")
    if unknown and instance.start is None:
        # EDTF has no interval whose start and end are both unknown ("/").
        raise ValueError("an unknown end needs a start")
    if value is not None and instance.start is not None and instance.start.earliest > value.latest:
        raise ValueError(f"not_after {value.edtf} is before the start {instance.start.edtf}")


@attrs.frozen
class TimeSpec:
    """When something happened, as written and as normalised.

    The shapes, with their EDTF (ISO 8601-2, Level 1-2) forms:

    - a point: ``start`` only (``2018-02-12``, ``1967``);
    - an interval: ``start`` and ``end`` (``1967-06-05/1967-06-10``);
    - an interval whose start is *unknown*: ``start=None`` and ``end``
      (``/2018-02-12``): it began at some time the text does not give
      ("have long opposed");
    - an interval whose start is *open*: ``open_start=True`` and ``end``
      (``../2018-02-12``): it holds since ever, with no beginning;
    - a single moment within a range: ``once=True`` with ``end`` and, where
      known, ``start`` (``[1967..2018-02-12]``, EDTF's "one of" a range;
      ``[..2018-02-12]`` with no lower bound): it happened once, at a moment
      the text does not give ("later withdrew"), unlike an interval, which
      lasts over its bounds;
    - an interval whose end is *unknown*: ``unknown_end=True``, a ``start``
      and no ``end`` (``1991/``): it ended at some time the text does not
      give ("after years of tepid relations");
    - an interval whose end is *open*: ``open_end=True`` and no ``end``
      (``1967/..``): it had not ended when the text was written, so it is
      still so as of the text's date ("have kept", "ongoing tensions"); with
      an unknown start, ``/..`` ("have long opposed").

    An unknown start may have a lower bound, ``not_before``: what the text or
    the record allows ("later" = after the capture of 1967; the threats came
    no earlier than the first on record), with ``bound_sources`` where it
    comes from the public record. EDTF cannot state it on an unknown start
    (``/E`` stays ``/E``); :attr:`earliest` uses it. For a moment within a
    range, the range's lower bound is ``start`` (or ``not_before``, which
    reads the same), and ``bound_sources`` may name the sources of it. An
    unknown end may likewise have an upper bound, ``not_after`` (ended no
    later than the article: ``1991/`` stays ``1991/``); :attr:`latest` uses
    it, and ``bound_sources`` name the sources of either bound.

    Raises :class:`TypeError` for a field of the wrong type and
    :class:`ValueError` for a shape that contradicts itself (no bound, bounds
    out of order, an open start with a start or a lower bound, ``once``
    without an end, an unknown or open end beside an end, an end both unknown
    and open, ``not_after`` without an unknown end, a record time without
    sources).
    """

    start: TimePoint | None
    end: TimePoint | None = attrs.field(default=None, validator=_check_bounds)
    expression: str | None = attrs.field(default=None, validator=_check_expression)
    """The words as written ("on Monday"), or ``None`` when the text gives no time."""
    resolution: Resolution = attrs.field(default=Resolution.EXPLICIT, validator=_check_resolution)
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_check_sources, metadata=refers("sources")
    )
    """Ids of the sources of a time taken from the public record."""
    open_start: bool = attrs.field(default=False, validator=_check_flag)
    """The interval has no beginning (EDTF ``../E``), as against an unknown one (``/E``)."""
    once: bool = attrs.field(default=False, validator=_check_flag)
    """A single moment somewhere within the bounds, not an interval spanning them."""
    not_before: TimePoint | None = attrs.field(default=None, validator=_check_shape)
    """The earliest an unknown start can be, as the text or the record allows."""
    bound_sources: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=_check_bound_sources,
        metadata=refers("sources"),
    )
    """Ids of the sources of the bounds (``not_before``, ``not_after``), where they come
    from the public record."""
    unknown_end: bool = attrs.field(default=False, validator=_check_flag)
    """The interval ended at a time the text does not give (EDTF ``S/``)."""
    open_end: bool = attrs.field(default=False, validator=_check_flag)
    """The interval had not ended as of the text: still so then (EDTF ``S/..``)."""
    not_after: TimePoint | None = attrs.field(default=None, validator=_check_end_shape)
    """The latest an unknown end can be, as the text or the record allows."""

    @property
    def ends_unknown(self) -> bool:
        """Whether the end is not given: unknown (``S/``) or open (``S/..``)."""
        return self.unknown_end or self.open_end

    @property
    def is_interval(self) -> bool:
        """Whether the value lasts between two bounds (not a point, not one moment in a range)."""
        return (self.end is not None and not self.once) or self.ends_unknown

    @property
    def lower(self) -> TimePoint | None:
        """The lower bound that is known: ``start``, else ``not_before``, else ``None``."""
        return self.start if self.start is not None else self.not_before

    @property
    def upper(self) -> TimePoint | None:
        """The upper bound that is known: ``end``, else ``not_after``, else a point's
        ``start``; ``None`` for an open end or an unknown end without a bound."""
        if self.end is not None:
            return self.end
        if self.ends_unknown:
            return self.not_after
        return self.start

    @property
    def precision(self) -> Precision | None:
        """What the words give: the precision of a point, the coarser of an interval's
        two bounds, and ``None`` where the start or the end is unknown or open (the
        value is not known at any calendar precision, whatever its other bound's)."""
        if self.start is None or self.ends_unknown:
            return None
        if self.end is None:
            return self.start.precision
        return min(self.start.precision, self.end.precision, key=_PRECISION_ORDER.index)

    @property
    def earliest(self) -> datetime.date:
        """The first day the value can mean: the start's, else the lower bound's,
        else ``date.min`` (an open start, or an unknown one with no bound)."""
        lower = self.lower
        if lower is None:
            return datetime.date.min
        return lower.earliest

    @property
    def latest(self) -> datetime.date:
        """The last day the value can mean: the end's, else the upper bound's of an
        unknown end, else ``date.max`` (an open end, or an unknown one with no bound),
        else a point's own."""
        upper = self.upper
        if upper is None:
            return datetime.date.max
        return upper.latest

    @property
    def order_key(self) -> tuple[datetime.date, datetime.date]:
        """Where the value sorts in a timeline: ``(anchor, latest)``.

        The anchor is :attr:`earliest` where a lower bound is known, else
        :attr:`latest`: a fact of unknown start sorts at the end the words
        give, never before the facts that precede it (and last, where its end
        is open too: it still goes on). The anchor always lies
        within ``[earliest, latest]``, so a value that wholly precedes another
        (``a.latest < b.earliest``) always sorts first.
        """
        anchor = self.earliest if self.lower is not None else self.latest
        return (anchor, self.latest)

    @property
    def edtf(self) -> str:
        """The value as EDTF: ``2018-02-12``, ``1967-06-05/1967-06-10``, ``/2018-02-12``
        (unknown start), ``../2018-02-12`` (open start), ``[1967..2018-02-12]`` (one
        moment within the range), ``1991/`` (unknown end), ``1967/..`` (open end)."""
        if self.ends_unknown:
            start = "" if self.start is None else self.start.edtf
            return f"{start}/{'..' if self.open_end else ''}"  # an unknown end has a start
        if self.end is None:
            assert self.start is not None
            return self.start.edtf
        if self.once:
            lower = self.lower
            return f"[{'' if lower is None else lower.edtf}..{self.end.edtf}]"
        if self.open_start:
            return f"../{self.end.edtf}"
        start = "" if self.start is None else self.start.edtf
        return f"{start}/{self.end.edtf}"

    def overlaps(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether the value's bounds overlap the closed range ``[start, end]``."""
        # A datetime is a date to isinstance but does not compare with one.
        if not all(
            isinstance(d, datetime.date) and not isinstance(d, datetime.datetime)
            for d in (start, end)
        ):
            raise TypeError(
                f"start and end must be datetime.date, got {type(start).__name__} "
                f"and {type(end).__name__}"
            )
        return self.earliest <= end and start <= self.latest

    def contains(self, other: TimeSpec) -> bool:
        """Whether ``other``'s bounds lie within this value's bounds."""
        if not isinstance(other, TimeSpec):
            raise TypeError(f"expected a TimeSpec, got {type(other).__name__}")
        return self.earliest <= other.earliest and other.latest <= self.latest

    def __str__(self) -> str:
        text = self.edtf
        if (
            self.start is not None
            and self.start.part is not None
            and self.end is None
            and not self.ends_unknown
        ):
            text = str(self.start)
        return f"{text} ({self.expression!r})" if self.expression else text


_PRECISION_ORDER = [Precision.YEAR, Precision.MONTH, Precision.DAY]
