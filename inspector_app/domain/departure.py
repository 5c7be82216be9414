"""The stay a departing traveller is leaving: days stayed against the authorised end.

"For those foreign nationals who wish to leave from Japan, the immigration inspector confirms
their departure" (brochure, seed 000 line 153); DOMAIN.md item 6: "the days stayed against the
authorised period (overstay flagged)". Staying beyond the authorised period is a ground for
deportation (ICRRA Art. 24(iv)(b)); the booth records the days and flags them for the
supervisor, it does not decide the consequence.

The landing comes from a landing record (this booth's, or the hub's when online) or, when no
record is found, from the landing seal in the passport, whose last day the inspector types.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from inspector_app.domain.periods import days_stayed


@dataclass(frozen=True)
class Stay:
    landing_date: date | None
    last_day: date | None            # None: unlimited, the period of the activities, or unknown
    ends_at: datetime | None         # periods in hours (port of call: 72 hours)
    days_stayed: int | None
    overstay_days: int
    source: str                      # "booth", "hub", "seal" or "none"

    def to_dict(self) -> dict:
        return {"landing_date": self.landing_date.isoformat() if self.landing_date else None,
                "last_day": self.last_day.isoformat() if self.last_day else None,
                "ends_at": self.ends_at.isoformat() if self.ends_at else None,
                "days_stayed": self.days_stayed, "overstay_days": self.overstay_days, "source": self.source}


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _datetime(value) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def stay(record: dict | None, departure: datetime, seal_last_day: date | None = None) -> Stay:
    """The stay ending at ``departure`` (aware datetime): from the landing ``record`` (the shape
    ``store.find_landings`` gives: landing_date, last_day, ends_at) or, without one, the last day
    the inspector read from the passport's seal."""
    on = departure.date()
    if record:
        landing, last, end = _date(record.get("landing_date")), _date(record.get("last_day")), \
            _datetime(record.get("ends_at"))
        source = str(record.get("source") or "booth")
    elif seal_last_day is not None:
        landing, last, end, source = None, seal_last_day, None, "seal"
    else:
        return Stay(None, None, None, None, 0, "none")
    over = 0
    if end is not None:
        if departure > end:
            # any part of a day beyond the hour counts as a day of overstay
            over = max(1, (on - end.date()).days)
    elif last is not None:
        over = max(0, (on - last).days)
    return Stay(landing, last, end, days_stayed(landing, on) if landing else None, over, source)
