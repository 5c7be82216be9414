"""Issue 13 through the examination core: one test per row of the audit's table (departure and
overstay, residence cards, re-entry permits, Certificates of Eligibility, HSP (i)(a)-(c),
Designated Activities, Temporary Visitor's 1-14 days, 72 hours, special landing permission,
designated cruise ships, one final decision). ``test_rule_table.py`` has a refusal row per rule
code; these follow what the booth records when the rules let the decision through."""
from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.booth.examination import Examination, ExaminationError
from inspector_app.domain import rules

from .conftest import INDEX_FINGERS, INSPECTOR, INSPECTOR_PASSWORD, LANDING, TODAY, open_context, queued, watson

BUSINESS = {"type": "landing_permission", "status_code": "business_manager", "period": "1y"}
DEPARTING = {"type": "departure_confirmation"}


def codes(findings) -> list[str]:
    return [f.rule if hasattr(f, "rule") else f["rule"] for f in findings]


def arrive(ctx, user, media, fields=LANDING, mrz=None) -> Examination:
    exam = Examination(ctx, user, direction="arrival")
    exam.read_document(mrz or watson())
    exam.screen_document()
    exam.add_face(media.face(), True)
    exam.add_finger_files(media.fingers(positions=INDEX_FINGERS))
    return exam


def landed(home, media, days_ago: int, fields=LANDING) -> dict:
    """The traveller landed at this booth ``days_ago`` days before the test's examination date."""
    earlier = open_context(home, TODAY - dt.timedelta(days=days_ago))
    try:
        user = earlier.login(INSPECTOR, INSPECTOR_PASSWORD)
        result = arrive(earlier, user, media).save(fields)
        assert result.saved, result.refused
        return result.decision
    finally:
        earlier.close()


def depart(ctx, user, mrz=None) -> Examination:
    exam = Examination(ctx, user, direction="departure")
    exam.read_document(mrz or watson())
    exam.screen_document()
    exam.look_up_landing()
    return exam


# -- departure ------------------------------------------------------------------------------------
@pytest.mark.parametrize("days_ago,overstay", [(89, 0), (90, 1), (99, 10)], ids=["last-day", "one-over", "ten-over"])
def test_departure_finds_the_landing_and_counts_the_overstay(home, ctx, inspector, media, days_ago, overstay):
    landing = landed(home, media, days_ago)
    exam = depart(ctx, inspector)
    assert exam.landing["state"] == "found" and exam.landing["source"] == "booth"
    assert exam.landing["record"]["landing_date"] == landing["landing_date"]
    stay = exam.stay(DEPARTING)
    assert (stay.days_stayed, stay.overstay_days) == (days_ago + 1, overstay)
    result = exam.save(DEPARTING)
    assert result.saved, result.refused
    flags = codes(result.flags)
    if overstay:
        assert flags == ["flag.overstay"] and f"{overstay} day(s) beyond" in result.flags[0].message
        pending = queued(ctx.store(), exam.examination_id)
        assert [c["rule"] for c in pending if c["kind"] == "decision_flag"] == ["flag.overstay"]
    else:
        assert flags == [] and queued(ctx.store(), exam.examination_id) == []
    # departure confirmation is a record that syncs like any other; its slip is signed
    assert result.record_id in {r["record_id"] for r in ctx.store().outbox_pending()}
    assert result.seal is not None and result.seal.title.startswith("DEPARTURE CONFIRMATION")


def test_departure_without_a_landing_record_is_flagged_or_judged_by_the_seal(ctx, inspector):
    exam = depart(ctx, inspector)
    assert exam.landing["state"] == "not_found"
    ev = exam.evaluate(DEPARTING)
    assert ev.ok and codes(ev.flags) == ["flag.stay_unverified"]
    seal = dict(DEPARTING, details={"seal_last_day": (TODAY - dt.timedelta(days=3)).isoformat()})
    ev = exam.evaluate(seal)
    assert ev.ok and codes(ev.flags) == ["flag.overstay"] and "3 day(s)" in ev.flags[0].message
    assert exam.save(seal).saved


def test_departure_under_a_reentry_permit_records_it(home, ctx, inspector, media):
    landed(home, media, 30, dict(BUSINESS, details={"residence_card": "to_be_mailed", "coe_number": "E-2026-7"}))
    exam = depart(ctx, inspector)
    permit = {"reentry_permit_kind": "reentry_permit", "reentry_permit_number": "R7654321",
              "reentry_permit_use": "single", "reentry_permit_valid_until": "2027-03-31"}
    expired = dict(DEPARTING, details=dict(permit, reentry_permit_valid_until="2026-11-01"))
    assert codes(exam.save(expired).refused) == ["reentry.permit_expired"]
    result = exam.save(dict(DEPARTING, details=permit))
    assert result.saved and result.flags == []
    assert result.decision["details"]["reentry_permit_number"] == "R7654321"


def test_japanese_nationals_departures_and_returns(ctx, inspector):
    japanese = watson(issuing_state="JPN", nationality="JPN", surname="SUZUKI", given_names="HANAKO",
                      document_number="TR1234567")
    exam = depart(ctx, inspector, japanese)
    assert exam.landing["state"] == "idle"   # a Japanese national has no landing to look for
    assert codes(exam.save(DEPARTING).refused) == ["decision.japanese_document"]
    result = exam.save({"type": "japanese_national_departure"})
    assert result.saved and result.seal is None
    foreign = depart(ctx, inspector)
    assert codes(foreign.save({"type": "japanese_national_departure"}).refused) == ["decision.not_japanese"]


def test_a_booth_serves_arrivals_or_departures(ctx, inspector, media):
    exam = arrive(ctx, inspector, media)
    assert codes(exam.save(DEPARTING).refused) == ["decision.wrong_direction"]
    with pytest.raises(ExaminationError):
        exam.set_direction("departure")          # not in the middle of a traveller
    assert exam.save(LANDING).saved
    exam.set_direction("departure")
    assert exam.direction == "departure"
    with pytest.raises(ExaminationError):
        exam.set_direction("sideways")


# -- one final decision -------------------------------------------------------------------------
def test_one_final_decision_even_after_a_japanese_nationals_return(ctx, inspector, media):
    """The audit saw a Japanese national's return and then a landing permission both accepted on
    one examination; both are final, so the second is refused (a correction is the way)."""
    japanese = watson(issuing_state="JPN", nationality="JPN", surname="SUZUKI", given_names="HANAKO",
                      document_number="TR1234567")
    exam = arrive(ctx, inspector, media, mrz=japanese)
    assert exam.save({"type": "japanese_national"}).saved
    refused = ctx.store().evaluate_decision(exam.examination_id, exam.decision_of(LANDING).to_dict())
    assert codes(refused.refused) == ["decision.already_final"]
    with pytest.raises(ExaminationError):
        exam.save(LANDING)                      # the core locks a final examination too


# -- residence card, Certificate of Eligibility ---------------------------------------------------
def test_a_residence_card_is_recorded_with_the_landing(ctx, inspector, media):
    exam = arrive(ctx, inspector, media)
    assert codes(exam.save(BUSINESS).refused) == ["residence_card.missing"]
    card = {"residence_card": "issued_at_port", "residence_card_number": "ab 1234 5678 cd", "coe_number": "E-2026-00123",
            "coe_status": "business_manager"}
    result = exam.save(dict(BUSINESS, details=card))
    assert result.saved and result.flags == [], result.refused
    assert result.decision["details"]["residence_card_number"] == "AB12345678CD"   # as the card prints it
    assert ("Residence card", "AB12345678CD") in result.seal.lines
    assert result.seal.last_day == dt.date(2027, 11, 29)


@pytest.mark.parametrize("status,period,card", [
    ("temporary_visitor", "90d", False), ("diplomat", "activities", False), ("official", "3m", False),
    ("business_manager", "3m", False), ("business_manager", "4m", True), ("student", "1y", True),
    ("official", "1y", False), ("spouse_or_child_of_japanese_national", "6m", True),
])
def test_who_receives_a_residence_card(status, period, card):
    from inspector_app.domain import statuses

    assert statuses.is_mid_to_long_term(status, period) is card


def test_certificate_of_eligibility_absent_or_for_another_status_is_flagged(ctx, inspector, media):
    exam = arrive(ctx, inspector, media)
    ev = exam.evaluate(dict(BUSINESS, details={"residence_card": "to_be_mailed"}))
    assert ev.ok and codes(ev.flags) == ["flag.coe_absent"]
    other = dict(BUSINESS, details={"residence_card": "to_be_mailed", "coe_number": "E-2026-9", "coe_status": "student"})
    result = exam.save(other)
    assert result.saved and codes(result.flags) == ["flag.coe_status_mismatch"]
    assert [c["rule"] for c in queued(ctx.store(), exam.examination_id)] == ["flag.coe_status_mismatch"]


# -- returning residents --------------------------------------------------------------------------
RETURNING = {"type": "returning_resident", "status_code": "engineer_specialist_in_humanities_international_services"}


@pytest.mark.parametrize("details,refused", [
    ({"reentry_permit_kind": "reentry_permit", "reentry_permit_number": "R1", "reentry_permit_use": "multiple",
      "reentry_permit_valid_until": TODAY.isoformat(), "stay_until": "2028-03-31"}, []),
    ({"reentry_permit_kind": "reentry_permit", "reentry_permit_number": "R1", "reentry_permit_use": "single",
      "reentry_permit_valid_until": "2026-11-29", "stay_until": "2028-03-31"}, ["reentry.permit_expired"]),
    ({"reentry_permit_kind": "special_reentry_permit", "residence_card_number": "AB12345678CD",
      "departed_on": "2025-12-01", "stay_until": "2028-03-31"}, []),
    ({"reentry_permit_kind": "special_reentry_permit", "residence_card_number": "AB12345678CD",
      "departed_on": "2025-11-30", "stay_until": "2028-03-31"}, ["reentry.special_window_expired"]),
    ({"reentry_permit_kind": "special_reentry_permit", "residence_card_number": "AB12345678CD",
      "departed_on": "2026-10-01", "stay_until": "2026-11-15"}, ["reentry.special_window_expired", "reentry.stay_expired"]),
    ({"reentry_permit_kind": "reentry_permit", "reentry_permit_use": "multiple",
      "reentry_permit_valid_until": "2027-01-01", "stay_until": "2028-03-31"}, ["decision.details_missing"]),
], ids=["permit-valid-today", "permit-expired", "special-in-window", "special-a-year-on", "special-stay-ended",
        "permit-number-missing"])
def test_returning_residents_keep_their_status_only_on_a_valid_permit(ctx, inspector, media, details, refused):
    exam = arrive(ctx, inspector, media)
    result = exam.save(dict(RETURNING, details=details))
    assert sorted(codes(result.refused)) == sorted(refused)
    if not refused:
        assert result.saved and result.decision["last_day"] == "2028-03-31"   # the stay carries over
        assert result.seal.title.startswith("RE-ENTRY")


# -- statuses and periods -------------------------------------------------------------------------
@pytest.mark.parametrize("fields,ok", [
    ({"status_code": "highly_skilled_professional_i_b", "period": "5y"}, True),
    ({"status_code": "highly_skilled_professional_i", "period": "5y"}, False),   # which item was granted?
    ({"status_code": "temporary_visitor", "period": "10d"}, True),
    ({"status_code": "temporary_visitor", "period": "1d"}, True),
    ({"status_code": "temporary_visitor", "period": "16d"}, False),
    ({"status_code": "designated_activities", "period": "1y",
      "details": {"designation": "working_holiday", "residence_card": "to_be_mailed", "coe_number": "E-1-2-3"}}, True),
    ({"status_code": "designated_activities", "period": "1y",
      "details": {"designation": "other", "residence_card": "to_be_mailed", "coe_number": "E-1-2-3"}}, False),
], ids=["hsp-i-b", "hsp-i-unsplit", "tv-10d", "tv-1d", "tv-16d", "da-working-holiday", "da-other-unwritten"])
def test_statuses_and_periods_the_table_allows(ctx, inspector, media, fields, ok):
    exam = arrive(ctx, inspector, media)
    details = fields.get("details") or ({"residence_card": "to_be_mailed", "coe_number": "E-1-2-3"}
                                        if fields["status_code"].startswith("highly") else None)
    result = exam.save({"type": "landing_permission", **fields, "details": details})
    assert result.saved is ok, result.refused
    if ok:
        assert result.decision["status_code"] == fields["status_code"]
        if "designation" in (details or {}):
            assert result.decision["details"]["designation"] == "working_holiday"


# -- special landings ------------------------------------------------------------------------------
def test_port_of_call_is_72_hours_to_the_hour(ctx, inspector, media):
    exam = arrive(ctx, inspector, media)
    result = exam.save({"type": "port_of_call_landing", "period": "72h",
                        "details": {"vessel_or_aircraft": "MV Asuka", "rejoins_at": "Kobe"}})
    assert result.saved, result.refused
    landed_at = dt.datetime.fromisoformat(result.decision["landed_at"])
    ends = dt.datetime.fromisoformat(result.decision["ends_at"])
    assert ends - landed_at == dt.timedelta(hours=72)
    assert result.seal.ends_at == ends.astimezone(result.seal.ends_at.tzinfo)
    assert result.seal.title.startswith("LANDING PERMISSION AT PORT OF CALL")
    assert result.seal.status_code == ""


def test_cruise_ship_landing_only_for_a_designated_ship(ctx, inspector, media):
    exam = arrive(ctx, inspector, media)
    assert codes(exam.evaluate({"type": "cruise_ship_landing", "period": "30d",
                                "details": {"vessel": "Northern Pearl"}}).refused) == ["cruise_ship.not_designated"]
    result = exam.save({"type": "cruise_ship_landing", "period": "30d", "details": {"vessel": "IMO 9901013"}})
    assert result.saved, result.refused
    looked_up = [c for c in exam.checks if c["kind"] == "designated_ship"]
    assert [(c["vessel"], c["state"]) for c in looked_up] == [("IMO 9901013", "designated")]


def test_special_landing_permission_after_referral_records_who_granted_it(ctx, inspector, media):
    exam = arrive(ctx, inspector, media)
    grant = {"decision_reference": "ISA-2026-77", "granted_by": "commissioner", "granted_by_name": "Sato Ichiro",
             "residence_card": "issued_at_port", "residence_card_number": "XY00000001ZZ"}
    special = {"type": "special_landing_permission", "status_code": "long_term_resident", "period": "1y", "details": grant}
    assert codes(exam.save(special).refused) == ["special_landing.no_referral"]
    assert exam.save({"type": "referral", "referral_reasons": ["no return ticket"]}).saved
    never = dict(special, status_code="permanent_resident", period="unlimited")
    assert "decision.status_not_grantable" in codes(exam.save(never).refused)
    result = exam.save(special)
    assert result.saved and result.decision["details"]["granted_by_name"] == "Sato Ichiro"
    assert result.seal.title.startswith("SPECIAL LANDING PERMISSION")


def test_every_new_flag_has_a_rule():
    assert {"flag.overstay", "flag.stay_unverified", "flag.coe_absent", "flag.coe_status_mismatch"} <= set(rules.FLAGS)
    assert set(rules.QUEUED_FLAGS) <= set(rules.FLAGS)


def test_the_demo_has_a_departure_story(home):
    """The running demo records the clean traveller's landing 99 days back once, so its departures
    mode finds a landing and a 10-day overstay."""
    from inspector_app.app import demo

    record_id = demo.seed_departure_story(home, today=TODAY)
    assert record_id and demo.seed_departure_story(home, today=TODAY) is None   # once
    ctx = open_context(home)
    try:
        exam = depart(ctx, ctx.login(INSPECTOR, INSPECTOR_PASSWORD))
        assert exam.landing["record"]["record_id"] == record_id
        assert exam.stay(DEPARTING).overstay_days == 10
    finally:
        ctx.close()


def test_a_short_term_visitor_cannot_leave_on_a_special_reentry_permit(home, ctx, inspector, media):
    landed(home, media, 20)                                   # Temporary Visitor, 90 days
    exam = depart(ctx, inspector)
    special = dict(DEPARTING, details={"reentry_permit_kind": "special_reentry_permit",
                                       "residence_card_number": "AB12345678CD"})
    assert codes(exam.save(special).refused) == ["reentry.not_available"]
    assert exam.save(DEPARTING).saved                         # leaving without one is fine
