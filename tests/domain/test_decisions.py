"""Decision validation per CONTRACTS.md / DOMAIN.md: each problem a Finding with a rule code.

What depends on the examination (open hits, the document, biometrics, earlier decisions) is
``domain.rules``'s and tested in test_rules.py."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from inspector_app.domain import rules
from inspector_app.domain.decisions import (
    SPECIAL_LANDINGS,
    Decision,
    DecisionType,
    Finding,
    validate,
)

DAY = date(2026, 11, 22)


def landing(status="temporary_visitor", period="90d", **kw):
    return Decision(DecisionType.landing_permission, status_code=status, period=period, landing_date=DAY, **kw)


def codes(problems: list[Finding]) -> list[str]:
    return [p.rule for p in problems]


def test_valid_landing_permission():
    assert validate(landing()) == []
    assert landing().last_day == date(2027, 2, 19)
    assert validate(landing("Business Manager", "4m", details={"residence_card": "to_be_mailed"})) == []
    assert [f.rule for f in validate(landing("Business Manager", "4m"))] == ["residence_card.missing"]


@pytest.mark.parametrize("status,period,code,fragment", [
    ("temporary_visitor", "60d", "decision.period_not_allowed", "not an authorised period"),
    ("permanent_resident", "unlimited", "decision.status_not_grantable", "cannot be granted at landing"),
    ("highly_skilled_professional_ii", "unlimited", "decision.status_not_grantable", "cannot be granted at landing"),
    ("permanent_resident", None, "decision.status_not_grantable", "cannot be granted at landing"),
    (None, "90d", "decision.status_missing", "choose a status"),
    ("temporary_visitor", None, "decision.period_missing", "choose a period"),
    ("temporary_visitor", "ninety", "decision.period_invalid", "not a period"),
    ("Tourist", "90d", "decision.status_unknown", "unknown status"),
])
def test_landing_permission_needs_grantable_status_and_allowed_period(status, period, code, fragment):
    problems = validate(landing(status, period))
    assert code in codes(problems), problems
    assert any(fragment in p.message for p in problems if p.rule == code), problems


def test_landing_needs_a_date():
    d = landing()
    d.landing_date = None
    assert validate(d) == [Finding("decision.landing_date_missing", "the landing date is missing")]


def test_referral_needs_reasons():
    assert validate(Decision(DecisionType.referral)) == [Finding(
        "decision.referral_reason_missing", "a referral to a special inquiry officer needs at least one reason")]
    assert codes(validate(Decision(DecisionType.referral, referral_reasons=["  "]))) == [
        "decision.referral_reason_missing"]
    assert validate(Decision("referral", referral_reasons=["refused to give fingerprints"])) == []


def test_japanese_nationals_get_no_status():
    assert validate(Decision(DecisionType.japanese_national)) == []
    assert codes(validate(Decision(DecisionType.japanese_national, status_code="temporary_visitor", period="90d"))) \
        == ["decision.no_status_expected"]


@pytest.mark.parametrize("kind,details,period,ok", [
    (DecisionType.crew_landing, {"vessel_or_aircraft": "JL 001", "crew_document": "S123"}, "15d", True),
    (DecisionType.crew_landing, {"vessel_or_aircraft": "JL 001", "crew_document": "S123"}, "16d", False),
    (DecisionType.crew_landing, {"vessel_or_aircraft": "JL 001"}, "7d", False),
    (DecisionType.crew_landing, {}, "7d", False),
    (DecisionType.port_of_call_landing, {"vessel_or_aircraft": "MV Asuka", "rejoins_at": "Kobe"}, "72h", True),
    (DecisionType.port_of_call_landing, {"vessel_or_aircraft": "MV Asuka", "rejoins_at": "Kobe"}, "48h", True),
    (DecisionType.port_of_call_landing, {"vessel_or_aircraft": "MV Asuka", "rejoins_at": "Kobe"}, "73h", False),
    (DecisionType.port_of_call_landing, {"vessel_or_aircraft": "MV Asuka", "rejoins_at": "Kobe"}, "3d", False),
    (DecisionType.cruise_ship_landing, {"vessel": "MV Asuka"}, "30d", True),
    (DecisionType.transit_landing, {"vessel_or_aircraft": "NH 9", "departure_port": "Kansai",
                                    "onward_vessel_or_aircraft": "NH 10"}, "15d", True),
    (DecisionType.transit_landing, {"vessel_or_aircraft": "NH 9"}, "15d", False),
    (DecisionType.emergency_landing, {"grounds": "acute illness on board", "medical_facility": "Rinku"}, "30d", True),
    (DecisionType.distress_landing, {"vessel_or_aircraft": "FV Maru", "rescued_by": "JCG"}, "1m", False),
    (DecisionType.distress_landing, {"vessel_or_aircraft": "FV Maru", "rescued_by": "JCG"}, "30d", True),
    (DecisionType.temporary_refuge_landing, {"grounds": "fled persecution", "place_of_stay": "Osaka"}, "6m", True),
    (DecisionType.temporary_refuge_landing, {"grounds": "fled persecution", "place_of_stay": "Osaka"}, "7m", False),
    (DecisionType.temporary_refuge_landing, {"grounds": "fled persecution", "place_of_stay": "Osaka"}, None, False),
])
def test_special_landings_have_their_own_details(kind, details, period, ok):
    d = Decision(kind, period=period, landing_date=DAY, details=details,
                 landed_at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC))
    assert (validate(d) == []) is ok, validate(d)
    assert set(codes(validate(d))) <= {"decision.details_missing", "decision.period_not_allowed",
                                        "decision.period_missing"}


def test_every_special_landing_type_has_a_rule():
    specials = {t for t in DecisionType if t.name.endswith("_landing")}
    assert specials == set(SPECIAL_LANDINGS)


GRANT = {"decision_reference": "ISA-2026-123", "granted_by": "commissioner", "granted_by_name": "Sato Ichiro",
         "residence_card": "to_be_mailed"}


def test_special_landing_permission_needs_reference_grantor_status_and_period():
    d = Decision(DecisionType.special_landing_permission, status_code="long_term_resident", period="1y",
                 landing_date=DAY, details=dict(GRANT))
    assert validate(d) == []
    d.details = {"residence_card": "to_be_mailed"}
    problems = validate(d)
    assert codes(problems) == ["decision.details_missing"] and "decision reference" in problems[0].message
    assert "name of the official" in problems[0].message
    # never a status that cannot be granted at landing, nor a period the table does not allow
    d = Decision(DecisionType.special_landing_permission, status_code="permanent_resident", period="unlimited",
                 landing_date=DAY, details=dict(GRANT))
    assert "decision.status_not_grantable" in codes(validate(d))
    d = Decision(DecisionType.special_landing_permission, status_code="temporary_visitor", period="60d",
                 landing_date=DAY, details={k: v for k, v in GRANT.items() if k != "residence_card"})
    assert codes(validate(d)) == ["decision.period_not_allowed"]


def test_returning_resident_keeps_status_with_reentry_permit():
    d = Decision(DecisionType.returning_resident, status_code="permanent_resident", landing_date=DAY,
                 details={"reentry_permit_kind": "special_reentry_permit", "residence_card_number": "AB12345678CD",
                          "departed_on": "2026-06-01", "stay_until": "unlimited"})
    assert validate(d) == []
    d.details = {"reentry_permit_kind": "visa", "stay_until": "unlimited"}
    assert codes(validate(d)) == ["decision.detail_invalid"]
    d.details = None
    assert codes(validate(d)) == ["decision.details_missing"]


def test_unknown_type():
    problems = validate(Decision("deportation"))
    assert codes(problems) == ["decision.unknown_type"] and "unknown decision type" in problems[0].message


def test_every_code_validate_gives_is_a_rule():
    """The codes decisions.py writes by hand are rules of rules.py (a typo would be an unknown code)."""
    import re
    from pathlib import Path

    from inspector_app.domain import decisions

    written = set(re.findall(r'Finding\("([a-z_.]+)"', Path(decisions.__file__).read_text()))
    assert written and written <= set(rules.RULES), written - set(rules.RULES)


def test_round_trip_dict():
    d = landing()
    again = Decision.from_dict(d.to_dict())
    assert again.to_dict() == d.to_dict()
    assert d.to_dict()["last_day"] == "2027-02-19" and d.to_dict()["type"] == "landing_permission"


def test_a_residence_card_is_issued_at_the_port_or_to_be_mailed_nothing_else():
    """An unknown way of issuing the card is not a card recorded (it used to pass unchecked)."""
    card = landing("business_manager", "1y", details={"residence_card": "given_later"})
    assert codes(validate(card)) == ["decision.detail_invalid"]
    assert codes(validate(landing("business_manager", "1y", details={"residence_card": "to_be_mailed"}))) == []
