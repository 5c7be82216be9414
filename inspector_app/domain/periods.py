"""Periods of stay and the last day of stay (Civil Code Art. 143, as DOMAIN.md states it).

A period is written ``90d``, ``3m``, ``1y``, ``4y3m`` (any of y, m, d in that order),
``unlimited`` (Permanent Resident, Highly-Skilled Professional (ii)), ``activities`` (the
Diplomat's "period during which diplomatic activities are performed") or hours, ``72h``, where the
Act gives hours (landing at a port of call, ICRRA Art. 14: "72 hours").

A period in hours runs from the hour of landing (``ends_at``): it has no last *day* of its own,
because "72 hours" from 23:00 ends on the fourth calendar day.

The day of landing counts as day 1. A period in days ends on landing + N - 1. A period in months
or years ends on the day before the same date N months/years later, or, where that date does not
exist, on the last day of that month. A mixed period (``1y15d``) first runs its years and months,
then its days.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from inspector_app.domain.messages import msg

_PATTERN = re.compile(r"(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)d)?")
_HOURS = re.compile(r"(\d+)h")
_KINDS = ("fixed", "unlimited", "activities", "hours")


class PeriodError(ValueError):
    """Text that is not a period of stay."""


@dataclass(frozen=True, order=False)
class Period:
    years: int = 0
    months: int = 0
    days: int = 0
    kind: str = "fixed"
    hours: int = 0

    @classmethod
    def parse(cls, text: str | Period) -> Period:
        if isinstance(text, Period):
            return text
        if not isinstance(text, str):
            raise PeriodError(msg("a period must be text like 90d, 3m, 1y, 4y3m or unlimited, not {text}", text=repr(text)))
        t = text.strip().lower().replace(" ", "")
        if t in ("unlimited", "activities"):
            return cls(kind=t)
        hours = _HOURS.fullmatch(t)
        if hours is not None:
            if int(hours.group(1)) == 0 or int(hours.group(1)) > 24 * 366:
                raise PeriodError(msg("{text}: a period in hours must be 1 to {most} hours", text=repr(text), most=str(24 * 366)))
            return cls(kind="hours", hours=int(hours.group(1)))
        m = _PATTERN.fullmatch(t)
        if not t or m is None:
            raise PeriodError(msg("{text} is not a period: write e.g. 90d, 3m, 1y, 4y3m, 72h, unlimited or activities",
                                  text=repr(text)))
        y, mo, d = (int(g) if g else 0 for g in m.groups())
        if y == mo == d == 0:
            raise PeriodError(msg("{text} is an empty period", text=repr(text)))
        return cls.of(y, mo, d)

    @classmethod
    def of(cls, years: int = 0, months: int = 0, days: int = 0) -> Period:
        """A fixed period; months of 12 or more carry into years so that 12m == 1y."""
        if min(years, months, days) < 0:
            raise PeriodError("a period cannot be negative")
        carry, months = divmod(months, 12)
        return cls(years + carry, months, days)

    @property
    def is_fixed(self) -> bool:
        return self.kind == "fixed"

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    @property
    def in_hours(self) -> bool:
        return self.kind == "hours"

    def __str__(self) -> str:
        if self.in_hours:
            return f"{self.hours}h"
        if not self.is_fixed:
            return self.kind
        return "".join(f"{n}{u}" for n, u in ((self.years, "y"), (self.months, "m"), (self.days, "d")) if n)

    def describe(self) -> str:
        """Words for the landing seal and the inspector ("4 years and 3 months")."""
        if self.kind == "unlimited":
            return msg("unlimited")
        if self.kind == "activities":
            return msg("the period of the activities")
        if self.in_hours:
            return msg("1 hour") if self.hours == 1 else msg("{n} hours", n=self.hours)
        parts = [msg("1 year") if self.years == 1 else msg("{n} years", n=self.years)] if self.years else []
        if self.months:
            parts.append(msg("1 month") if self.months == 1 else msg("{n} months", n=self.months))
        if self.days:
            parts.append(msg("1 day") if self.days == 1 else msg("{n} days", n=self.days))
        out = parts[-1]
        for p in reversed(parts[:-1]):
            out = msg("{first} and {rest}", first=p, rest=out)
        return out

    def fits_within(self, maximum: Period) -> bool:
        """True if this period never ends after ``maximum`` whatever the landing date (and hour)."""
        if maximum.in_hours:
            return self.in_hours and self.hours <= maximum.hours
        if self.in_hours:
            # landing at 23:59 on day 1: the hours must end within the maximum's last day
            return maximum.is_fixed and self.hours <= 24 * (last_day(date(2024, 1, 1), maximum) - date(2024, 1, 1)).days
        if not maximum.is_fixed:
            return maximum.kind == "unlimited" or self == maximum
        if not self.is_fixed:
            return False
        if self.days == 0 and maximum.days == 0:
            return self.total_months <= maximum.total_months
        if self.days > 366 * (maximum.years + 1) or self.total_months > maximum.total_months:
            return False  # clearly longer; also keeps absurd periods away from date overflow
        start = date(2024, 1, 1)  # a 4-year cycle covers every month length and leap day
        return all(last_day(start + timedelta(days=i), self) <= last_day(start + timedelta(days=i), maximum)
                   for i in range(1461))


def _add_months(d: date, months: int) -> tuple[date, bool]:
    """Same day ``months`` later and whether that day exists (else the month's last day)."""
    idx = d.year * 12 + (d.month - 1) + months
    y, m = divmod(idx, 12)
    m += 1
    last = calendar.monthrange(y, m)[1]
    if d.day <= last:
        return date(y, m, d.day), True
    return date(y, m, last), False


def last_day(landing: date, period: Period | str) -> date | None:
    """The last day of stay; None for unlimited stays, the period of the activities and periods in
    hours (``ends_at`` gives their end)."""
    p = Period.parse(period)
    if not p.is_fixed:
        return None
    try:
        end = landing - timedelta(days=1)
        if p.total_months:
            same_day, exists = _add_months(landing, p.total_months)
            end = same_day - timedelta(days=1) if exists else same_day
        return end + timedelta(days=p.days)
    except (OverflowError, ValueError):
        raise PeriodError(f"{p} from {landing.isoformat()} ends beyond the calendar") from None


def ends_at(landed_at: datetime, period: Period | str) -> datetime | None:
    """When a period in hours ends (the seal shows the date and hour); None for other periods."""
    p = Period.parse(period)
    return landed_at + timedelta(hours=p.hours) if p.in_hours else None


def days_stayed(landing: date, on: date) -> int:
    """Days of stay on ``on`` counting the landing day as day 1."""
    return (on - landing).days + 1


def overstay_days(landing: date, period: Period | str, departure: date) -> int:
    """Days beyond the last day of stay on departure (0 when within the period)."""
    end = last_day(landing, period)
    if end is None:
        return 0
    return max(0, (departure - end).days)
