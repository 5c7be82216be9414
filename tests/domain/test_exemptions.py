"""Biometric exemptions of ICRRA Art. 6(3), age computed on the examination date."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.exemptions import ExemptionReason, age_on, exemption_for, is_under_16

EXAM = date(2026, 11, 22)


@pytest.mark.parametrize("birth,on,age", [
    (date(2010, 11, 22), EXAM, 16),
    (date(2010, 11, 23), EXAM, 15),
    (date(2008, 2, 29), date(2024, 2, 28), 15),
    (date(2008, 2, 29), date(2024, 2, 29), 16),
    (date(2008, 2, 29), date(2023, 2, 28), 14),
    (date(2008, 2, 29), date(2023, 3, 1), 15),
    (EXAM, EXAM, 0),
])
def test_age_on(birth, on, age):
    assert age_on(birth, on) == age


def test_age_before_birth_is_an_error():
    with pytest.raises(ValueError):
        age_on(date(2020, 1, 2), date(2020, 1, 1))


def test_sixteenth_birthday_ends_the_exemption():
    assert is_under_16(date(2010, 11, 23), EXAM)
    assert not is_under_16(date(2010, 11, 22), EXAM)
    e = exemption_for(birth_date=date(2010, 11, 23), examination_date=EXAM)
    assert e.reason is ExemptionReason.under_16 and "aged 15 on 2026-11-22" in e.detail
    assert exemption_for(birth_date=date(2010, 11, 22), examination_date=EXAM) is None


def test_other_grounds_and_their_order():
    assert exemption_for(birth_date=None, examination_date=EXAM) is None
    assert exemption_for(birth_date=date(1980, 1, 1), examination_date=EXAM,
                         status_code="Diplomat").reason is ExemptionReason.diplomat
    assert exemption_for(birth_date=date(1980, 1, 1), examination_date=EXAM,
                         status_code="official").reason is ExemptionReason.official
    assert exemption_for(birth_date=date(1980, 1, 1), examination_date=EXAM,
                         status_code="temporary_visitor") is None
    spr = exemption_for(birth_date=date(2015, 1, 1), examination_date=EXAM, special_permanent_resident=True)
    assert spr.reason is ExemptionReason.special_permanent_resident
    inv = exemption_for(birth_date=date(1980, 1, 1), examination_date=EXAM, invited_by_head_of_organ=True)
    assert inv.reason is ExemptionReason.invited_by_head_of_organ
    d = exemption_for(birth_date=date(1980, 1, 1), examination_date=EXAM, designated_by_ordinance="state guest")
    assert d.reason is ExemptionReason.designated_by_ordinance and "state guest" in d.to_dict()["detail"]
    assert d.to_dict()["basis"] == "ICRRA Art. 6(3)"


@given(st.dates(date(1900, 1, 1), date(2100, 1, 1)), st.integers(0, 40000))
def test_age_matches_counting_birthdays(birth, days):
    from datetime import timedelta

    on = birth + timedelta(days=days)
    if on > date(2200, 1, 1):
        return
    years = 0
    while True:
        y = birth.year + years + 1
        try:
            nth = birth.replace(year=y)
        except ValueError:  # 29 February in a common year: the year completes on 1 March
            nth = date(y, 3, 1)
        if nth > on:
            break
        years += 1
    assert age_on(birth, on) == years
