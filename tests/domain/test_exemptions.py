"""Biometric exemptions of ICRRA Art. 6(3), age computed on the examination date."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.exemptions import (
    EVIDENCE,
    ExemptionReason,
    age_on,
    claimed,
    does_not_apply,
    exemption_for,
    is_under_16,
)

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


# -- does a claimed ground fit the traveller and the decision (judged again when saving) ----------
def fits(ground, birth=date(1980, 1, 1), status=None, evidence="", returning_resident=False):
    return does_not_apply(ground, birth_date=birth, examination_date=EXAM, status_code=status, evidence=evidence,
                          returning_resident=returning_resident)


def test_under_16_is_judged_on_the_birth_date_and_the_examination_date():
    assert fits(ExemptionReason.under_16, birth=date(2010, 11, 23)) is None
    sixteen = fits(ExemptionReason.under_16, birth=date(2010, 11, 22))
    assert sixteen is not None and "aged 16 on 2026-11-22" in sixteen.reason and not sixteen.evidence_missing
    assert "aged 46" in fits(ExemptionReason.under_16).reason
    unknown = fits(ExemptionReason.under_16, birth=None)
    assert unknown is not None and "cannot be established" in unknown.reason
    assert fits(ExemptionReason.under_16, birth=date(2027, 1, 1)) is not None  # born after the examination


@pytest.mark.parametrize("ground", [ExemptionReason.diplomat, ExemptionReason.official])
def test_diplomat_and_official_only_with_that_status(ground):
    assert fits(ground, status=ground.value) is None
    assert fits(ground, status=ground.value.title()) is None  # the status by its name
    for other in ("temporary_visitor", None, "no such status"):
        problem = fits(ground, status=other)
        assert problem is not None and f"only with the status of residence {ground.value.title()}" in problem.reason
    other = ExemptionReason.official if ground is ExemptionReason.diplomat else ExemptionReason.diplomat
    assert fits(other, status=ground.value) is not None


@pytest.mark.parametrize("ground", [ExemptionReason.invited_by_head_of_organ, ExemptionReason.designated_by_ordinance,
                                    ExemptionReason.special_permanent_resident])
def test_the_other_grounds_need_their_evidence(ground):
    missing = fits(ground, evidence="  ", returning_resident=True)
    assert missing is not None and missing.evidence_missing and EVIDENCE[ground] in missing.reason
    assert fits(ground, evidence="MOFA letter 2026-117", returning_resident=True) is None


def test_a_special_permanent_resident_returns_as_a_returning_resident():
    problem = fits(ExemptionReason.special_permanent_resident, evidence="SPR 1234")
    assert problem is not None and not problem.evidence_missing and "returning resident" in problem.reason


def test_every_ground_says_what_evidence_it_needs():
    assert set(EVIDENCE) == set(ExemptionReason)
    assert [g for g, need in EVIDENCE.items() if need is None] == [
        ExemptionReason.under_16, ExemptionReason.diplomat, ExemptionReason.official]


def test_claimed_takes_its_text_from_exemption_for():
    child = claimed(ExemptionReason.under_16, birth_date=date(2015, 6, 10), examination_date=EXAM)
    assert child.detail == exemption_for(birth_date=date(2015, 6, 10), examination_date=EXAM).detail
    assert "aged 11 on 2026-11-22" in child.detail
    adult = claimed(ExemptionReason.under_16, birth_date=date(1980, 1, 1), examination_date=EXAM)
    assert adult.reason is ExemptionReason.under_16 and adult.detail == "claimed: Under 16 years of age"
    dip = claimed(ExemptionReason.diplomat, birth_date=None, examination_date=EXAM, status_code="diplomat")
    assert dip.detail == "activities of the status of residence Diplomat"
    inv = claimed(ExemptionReason.invited_by_head_of_organ, birth_date=None, examination_date=EXAM,
                  evidence=" MOFA letter 117 ")
    assert inv.detail == "invited by the head of a national administrative organ (MOFA letter 117)"
    des = claimed(ExemptionReason.designated_by_ordinance, birth_date=None, examination_date=EXAM,
                  evidence="state guest")
    assert des.detail == "designated by ordinance: state guest"  # the evidence once, not twice
