"""Period syntax and the last day of stay (DOMAIN.md worked examples, Civil Code Art. 143)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.periods import Period, PeriodError, days_stayed, last_day, overstay_days


@pytest.mark.parametrize("landing,period,expected", [
    ("2024-01-15", "90d", "2024-04-13"),   # DOMAIN.md worked example
    ("2024-01-31", "1m", "2024-02-29"),    # DOMAIN.md: no Feb 31 -> last day of February
    ("2023-01-31", "1m", "2023-02-28"),
    ("2024-01-15", "1m", "2024-02-14"),
    ("2024-03-01", "1m", "2024-03-31"),
    ("2024-03-31", "1m", "2024-04-30"),
    ("2024-02-29", "1y", "2025-02-28"),    # no Feb 29 in 2025
    ("2024-02-28", "1y", "2025-02-27"),
    ("2024-04-01", "4y3m", "2028-06-30"),
    ("2024-01-15", "1d", "2024-01-15"),    # the landing day is day 1
    ("2024-12-20", "15d", "2025-01-03"),
    ("2024-11-30", "3m", "2025-02-28"),
    ("2024-01-15", "1m10d", "2024-02-24"),
])
def test_last_day(landing, period, expected):
    assert last_day(date.fromisoformat(landing), Period.parse(period)) == date.fromisoformat(expected)


def test_unlimited_and_activities_have_no_last_day():
    assert last_day(date(2024, 1, 1), "unlimited") is None
    assert last_day(date(2024, 1, 1), "activities") is None


@pytest.mark.parametrize("text,canonical", [("90d", "90d"), ("3M", "3m"), (" 1y ", "1y"), ("4y3m", "4y3m"),
                                            ("12m", "1y"), ("1y18m", "2y6m"), ("unlimited", "unlimited"),
                                            ("Activities", "activities")])
def test_parse_and_str(text, canonical):
    assert str(Period.parse(text)) == canonical


@pytest.mark.parametrize("bad", ["", "90", "d", "3m1y", "0d", "-3m", "90 days", "1.5y", "forever"])
def test_bad_periods_say_how_to_write_one(bad):
    with pytest.raises(PeriodError):
        Period.parse(bad)


def test_fits_within_is_worst_case_over_landing_dates():
    assert Period.parse("365d").fits_within(Period.parse("1y"))
    assert not Period.parse("366d").fits_within(Period.parse("1y"))  # too long when no Feb 29 follows
    assert Period.parse("28d").fits_within(Period.parse("1m"))
    assert not Period.parse("29d").fits_within(Period.parse("1m"))
    assert Period.parse("4y3m").fits_within(Period.parse("4y3m"))
    assert not Period.parse("unlimited").fits_within(Period.parse("5y"))


def test_days_stayed_and_overstay():
    landing = date(2024, 1, 15)
    assert days_stayed(landing, date(2024, 4, 13)) == 90
    assert overstay_days(landing, "90d", date(2024, 4, 13)) == 0
    assert overstay_days(landing, "90d", date(2024, 4, 16)) == 3
    assert overstay_days(landing, "unlimited", date(2034, 1, 1)) == 0


@given(st.dates(date(1990, 1, 1), date(2100, 12, 31)), st.integers(1, 2000))
def test_days_period_lasts_exactly_n_days(landing, n):
    assert days_stayed(landing, last_day(landing, f"{n}d")) == n


@given(st.dates(date(1990, 1, 1), date(2100, 12, 31)), st.integers(1, 120))
def test_month_period_ends_before_the_same_day_or_at_month_end(landing, months):
    end = last_day(landing, Period.of(months=months))
    nxt = end + timedelta(days=1)
    idx = landing.year * 12 + landing.month - 1 + months
    y, m = divmod(idx, 12)
    assert (nxt.year, nxt.month) in ((y, m + 1), (y + (m + 1) // 12, (m + 1) % 12 + 1))
    if nxt.month == m + 1 and nxt.year == y:
        assert nxt.day == landing.day  # the same date exists: the stay ends the day before it
    else:
        assert nxt.day == 1 and end.day < landing.day  # it does not: the month's last day


@given(st.integers(0, 99), st.integers(0, 11), st.integers(0, 999))
def test_str_parse_round_trip(y, m, d):
    if y == m == d == 0:
        return
    p = Period.of(y, m, d)
    assert Period.parse(str(p)) == p


@given(st.text(max_size=30))
def test_parse_arbitrary_text_only_raises_period_error(text):
    try:
        p = Period.parse(text)
    except PeriodError:
        return
    assert str(p)


def test_absurd_periods_fail_cleanly():
    with pytest.raises(PeriodError):
        last_day(date(2024, 1, 1), "9999999y")
    assert not Period.parse("99999999d").fits_within(Period.parse("5y"))
    from inspector_app.domain.statuses import check_period

    assert check_period("Student", "99999999d")[0] is False
