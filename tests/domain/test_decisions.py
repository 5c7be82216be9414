"""Decision validation per CONTRACTS.md / DOMAIN.md."""
from __future__ import annotations

from datetime import date

import pytest

from inspector_app.domain.decisions import SPECIAL_LANDINGS, Decision, DecisionType, validate

DAY = date(2026, 11, 22)


def landing(status="temporary_visitor", period="90d", **kw):
    return Decision(DecisionType.landing_permission, status_code=status, period=period, landing_date=DAY, **kw)


def test_valid_landing_permission():
    assert validate(landing(), open_hits=0) == []
    assert landing().last_day == date(2027, 2, 19)
    assert validate(landing("Business Manager", "4m")) == []


@pytest.mark.parametrize("status,period,fragment", [
    ("temporary_visitor", "60d", "not an authorised period"),
    ("permanent_resident", "unlimited", "cannot be granted at landing"),
    ("highly_skilled_professional_ii", "unlimited", "cannot be granted at landing"),
    ("permanent_resident", None, "cannot be granted at landing"),
    (None, "90d", "choose a status"),
    ("temporary_visitor", None, "choose a period"),
    ("temporary_visitor", "ninety", "not a period"),
    ("Tourist", "90d", "unknown status"),
])
def test_landing_permission_needs_grantable_status_and_allowed_period(status, period, fragment):
    problems = validate(landing(status, period))
    assert any(fragment in p for p in problems), problems


def test_landing_needs_a_date():
    d = landing()
    d.landing_date = None
    assert any("landing date" in p for p in validate(d))


def test_open_hits_block_landing_until_cleared():
    problems = validate(landing(), open_hits=2)
    assert len(problems) == 1 and "2 open hit(s)" in problems[0] and "supervisor" in problems[0]
    assert validate(landing(), open_hits=0) == []


def test_open_hits_do_not_block_referral():
    d = Decision(DecisionType.referral, referral_reasons=["watchlist hit under review"])
    assert validate(d, open_hits=1) == []


def test_referral_needs_reasons():
    assert validate(Decision(DecisionType.referral)) == [
        "a referral to a special inquiry officer needs at least one reason"]
    assert validate(Decision(DecisionType.referral, referral_reasons=["  "]))
    assert validate(Decision("referral", referral_reasons=["refused to give fingerprints"])) == []


def test_japanese_nationals_get_no_status():
    assert validate(Decision(DecisionType.japanese_national)) == []
    assert validate(Decision(DecisionType.japanese_national, status_code="temporary_visitor", period="90d"))
    assert validate(Decision(DecisionType.japanese_national), open_hits=1) == []


@pytest.mark.parametrize("kind,details,period,ok", [
    (DecisionType.crew_landing, {"vessel_or_aircraft": "JL 001"}, "15d", True),
    (DecisionType.crew_landing, {"vessel_or_aircraft": "JL 001"}, "16d", False),
    (DecisionType.crew_landing, {}, "7d", False),
    (DecisionType.port_of_call_landing, {"vessel_or_aircraft": "MV Asuka"}, "3d", True),
    (DecisionType.port_of_call_landing, {"vessel_or_aircraft": "MV Asuka"}, "4d", False),
    (DecisionType.cruise_ship_landing, {"vessel": "MV Asuka"}, "30d", True),
    (DecisionType.transit_landing, {"vessel_or_aircraft": "NH 9", "departure_port": "Kansai"}, "15d", True),
    (DecisionType.transit_landing, {"vessel_or_aircraft": "NH 9"}, "15d", False),
    (DecisionType.emergency_landing, {"grounds": "acute illness on board"}, "30d", True),
    (DecisionType.distress_landing, {"vessel_or_aircraft": "FV Maru"}, "1m", False),
    (DecisionType.temporary_refuge_landing, {"grounds": "fled persecution"}, "6m", True),
    (DecisionType.temporary_refuge_landing, {"grounds": "fled persecution"}, "7m", False),
    (DecisionType.temporary_refuge_landing, {"grounds": "fled persecution"}, None, False),
])
def test_special_landings_have_their_own_details(kind, details, period, ok):
    d = Decision(kind, period=period, landing_date=DAY, special_landing_details=details)
    assert (validate(d) == []) is ok, validate(d)


def test_every_special_landing_type_has_a_rule():
    specials = {t for t in DecisionType if t.name.endswith("_landing")}
    assert specials == set(SPECIAL_LANDINGS)


def test_special_landing_permission_needs_reference_status_and_period():
    d = Decision(DecisionType.special_landing_permission, status_code="long_term_resident", period="1y",
                 landing_date=DAY, special_landing_details={"decision_reference": "ISA-2026-123"})
    assert validate(d) == []
    d.special_landing_details = None
    assert any("decision_reference" in p for p in validate(d))


def test_returning_resident_keeps_status_with_reentry_permit():
    d = Decision(DecisionType.returning_resident, status_code="permanent_resident", landing_date=DAY,
                 special_landing_details={"reentry_permit_kind": "special_reentry_permit"})
    assert validate(d) == []
    d.special_landing_details = {"reentry_permit_kind": "visa"}
    assert validate(d)
    d.special_landing_details = None
    assert validate(d)


def test_unknown_type():
    assert "unknown decision type" in validate(Decision("deportation"))[0]


def test_round_trip_dict():
    d = landing()
    again = Decision.from_dict(d.to_dict())
    assert again.to_dict() == d.to_dict()
    assert d.to_dict()["last_day"] == "2027-02-19" and d.to_dict()["type"] == "landing_permission"
