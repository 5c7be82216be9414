"""domain.rules: every rule that decides whether a decision may be recorded, on plain Facts.

The examination core and the store apply the same ``evaluate``; tests/booth drive each rule code
through a real examination and the store.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.domain import rules
from inspector_app.domain.decisions import Decision, DecisionType

DAY = date(2026, 11, 22)
CLEAN = rules.Facts(examination_date=DAY, expiry_date=date(2031, 1, 1), birth_date=date(1985, 4, 12),
                    nationality="GBR", face_captured=True, fingers_captured=("Left IndexFinger", "Right IndexFinger"))


def landing(status="temporary_visitor", period="90d", **kw) -> Decision:
    return Decision(DecisionType.landing_permission, status_code=status, period=period, landing_date=DAY, **kw)


def referral() -> Decision:
    return Decision(DecisionType.referral, referral_reasons=["watchlist hit under review"])


def refused(facts, decision, **kw) -> list[str]:
    return [f.rule for f in rules.evaluate(facts, decision, **kw).refused]


def flags(facts, decision, **kw) -> list[str]:
    return [f.rule for f in rules.evaluate(facts, decision, **kw).flags]


# -- the catalogue --------------------------------------------------------------------------------
def test_catalogue_lists_every_rule_and_flag_once():
    cat = rules.catalogue()
    codes = [r["rule"] for r in cat]
    assert len(codes) == len(set(codes)) == len(rules.RULES) + len(rules.FLAGS)
    assert {r["rule"] for r in cat if r["kind"] == "refusal"} == set(rules.RULES)
    assert {r["rule"] for r in cat if r["kind"] == "flag"} == set(rules.FLAGS)
    assert all(re.fullmatch(r"[a-z_0-9]+\.[a-z_0-9]+", c) and r["message"] for c, r in zip(codes, cat))
    assert not any(r["overridable"] for r in cat if r["kind"] == "flag")


def test_what_an_inspector_may_and_may_not_override():
    overridable = {c for c, r in rules.RULES.items() if r.overridable}
    assert {"document.check_digit", "document.expiry_unreadable"} <= overridable
    for never in ("hit.open", "document.expired", "document.not_read", "biometrics.face_missing",
                  "biometrics.fingers_missing", "decision.already_final", "special_landing.no_referral"):
        assert never not in overridable


def test_unknown_code_is_a_key_error():
    with pytest.raises(KeyError, match="unknown rule"):
        rules.rule("document.lost")
    assert rules.finding("hit.open", "2 open").message == rules.RULES["hit.open"].message + ": 2 open"


def test_every_code_the_rules_write_is_in_the_catalogue():
    source = Path(rules.__file__).read_text()
    written = set(re.findall(r'finding\("([a-z_.]+)"', source)) | set(re.findall(r'Finding\("([a-z_.]+)"', source))
    assert written and written <= set(rules.RULES) | set(rules.FLAGS), written - set(rules.RULES) - set(rules.FLAGS)


# -- the clean case and the document ----------------------------------------------------------------
def test_a_clean_examination_lands_without_flags():
    ev = rules.evaluate(CLEAN, landing())
    assert ev.ok and ev.refused == [] and ev.flags == [] and ev.overridden == []
    assert ev.to_dict() == {"refused": [], "flags": [], "overridden": []}


def test_unread_document_refuses_and_cannot_be_overridden():
    facts = replace(CLEAN, document_read=False, expiry_date=None)
    assert refused(facts, landing()) == ["document.not_read"]
    assert refused(facts, landing(), overrides={"document.not_read": "seen it"}) == [
        "override.not_allowed", "document.not_read"]


def test_expiry_is_judged_on_the_examination_date():
    assert refused(replace(CLEAN, expiry_date=DAY), landing()) == []            # valid through its last day
    expired = replace(CLEAN, expiry_date=DAY - timedelta(days=1))
    ev = rules.evaluate(expired, landing())
    assert [f.rule for f in ev.refused] == ["document.expired"]
    assert "expired 2026-11-21, examined 2026-11-22" in ev.refused[0].message


@pytest.mark.parametrize("kind", sorted(rules.DOCUMENT_NOT_REQUIRED, key=lambda k: k.value))
def test_landings_that_need_no_valid_document_flag_the_expiry(kind):
    expired = replace(CLEAN, expiry_date=DAY - timedelta(days=1))
    ev = rules.evaluate(expired, Decision(kind, landing_date=DAY))
    assert "document.expired" not in [f.rule for f in ev.refused]
    assert "flag.document_expired" in [f.rule for f in ev.flags]


def test_check_digit_and_unreadable_expiry_refuse_unless_overridden_with_a_reason():
    bad = replace(CLEAN, document_problems=("document_number",))
    assert refused(bad, landing()) == ["document.check_digit"]
    ev = rules.evaluate(bad, landing(), overrides={"document.check_digit": "number read by eye: 5334018725"})
    assert ev.ok and [f.rule for f in ev.overridden] == ["document.check_digit"]
    assert [f.rule for f in ev.flags] == ["flag.override"] and "read by eye" in ev.flags[0].message
    assert refused(bad, landing(), overrides={"document.check_digit": "  "}) == [
        "override.reason_missing", "document.check_digit"]
    unreadable = replace(CLEAN, expiry_date=None, expiry_readable=False)
    assert refused(unreadable, landing()) == ["document.expiry_unreadable"]
    assert refused(unreadable, landing(), overrides={"document.expiry_unreadable": "printed page: 2031"}) == []


def test_override_of_an_unknown_or_unoverridable_rule_is_refused():
    expired = replace(CLEAN, expiry_date=date(2020, 1, 1))
    assert refused(expired, landing(), overrides={"document.expired": "renewal applied for"}) == [
        "override.not_allowed", "document.expired"]
    assert refused(CLEAN, landing(), overrides={"no.such_rule": "x"}) == ["override.not_allowed"]


# -- lists and hits ---------------------------------------------------------------------------------
def test_open_hits_block_landing_until_cleared():
    ev = rules.evaluate(replace(CLEAN, open_hits=2, hits=2), landing())
    assert [f.rule for f in ev.refused] == ["hit.open"] and "2 open" in ev.refused[0].message
    assert "supervisor" in ev.refused[0].message
    cleared = replace(CLEAN, open_hits=0, hits=2)
    assert refused(cleared, landing()) == [] and flags(cleared, landing()) == ["flag.hit"]


def test_open_hits_do_not_block_referral_or_a_japanese_return():
    hit = replace(CLEAN, open_hits=1, hits=1, nationality="JPN")
    assert refused(hit, referral()) == [] and flags(hit, referral()) == ["flag.hit"]
    assert refused(hit, Decision(DecisionType.japanese_national)) == []


def test_a_list_not_checked_refuses_a_landing():
    facts = replace(CLEAN, not_checked={"sltd": "list_not_installed", "face": "not_captured"})
    ev = rules.evaluate(facts, landing())
    assert [f.rule for f in ev.refused] == ["screening.not_checked"]  # the document lists only
    assert "lost/stolen documents list (list not installed)" in ev.refused[0].message
    assert refused(facts, landing(), overrides={"screening.not_checked": "list update failed; phoned HQ"}) == []


# -- biometrics and exemptions ------------------------------------------------------------------------
def test_biometrics_face_and_a_finger_of_each_hand():
    assert refused(replace(CLEAN, face_captured=False), landing()) == ["biometrics.face_missing"]
    one_hand = rules.evaluate(replace(CLEAN, fingers_captured=("Right IndexFinger",)), landing()).refused
    assert [f.rule for f in one_hand] == ["biometrics.fingers_missing"] and "left hand" in one_hand[0].message
    fallbacks = replace(CLEAN, fingers_captured=("Left MiddleFinger", "Right RingFinger"))
    assert refused(fallbacks, landing()) == []


def test_exceptions_stand_for_captures_and_are_flagged():
    facts = replace(CLEAN, face_captured=False, face_exception=True, fingers_captured=("Right IndexFinger",),
                    finger_exceptions=("Left IndexFinger",))
    ev = rules.evaluate(facts, landing())
    assert ev.ok and [f.rule for f in ev.flags] == ["flag.biometric_exception"]
    assert "face" in ev.flags[0].message and "left index finger" in ev.flags[0].message
    assert flags(replace(CLEAN, low_quality=2), landing()) == ["flag.low_quality"]


def test_special_landings_do_not_require_biometrics():
    crew = Decision(DecisionType.crew_landing, period="7d", landing_date=DAY,
                    details={"vessel_or_aircraft": "JL 001", "crew_document": "S123"})
    assert refused(replace(CLEAN, face_captured=False, fingers_captured=()), crew) == []


def test_an_exemption_replaces_biometrics_only_where_it_fits():
    bare = replace(CLEAN, face_captured=False, fingers_captured=())
    child = replace(bare, birth_date=date(2015, 6, 10), exemption="under_16")
    assert refused(child, landing()) == []
    assert refused(replace(child, birth_date=date(2010, 11, 22)), landing()) == ["exemption.not_applicable"]
    diplomat = replace(bare, exemption="diplomat")
    assert refused(diplomat, landing("diplomat", "activities")) == []
    assert refused(diplomat, landing()) == ["exemption.not_applicable"]
    invited = replace(bare, exemption="invited_by_head_of_organ")
    assert refused(invited, landing()) == ["exemption.evidence_missing"]
    assert refused(replace(invited, exemption_evidence="MOFA letter 117"), landing()) == []
    assert refused(replace(bare, exemption="royalty"), landing()) == ["exemption.not_applicable"]


# -- the decision and the examination's history -------------------------------------------------------
def test_decision_rules_come_from_validate():
    assert refused(CLEAN, landing(period="60d")) == ["decision.period_not_allowed"]
    assert refused(CLEAN, Decision("deportation")) == ["decision.unknown_type"]


def test_japanese_return_needs_a_japanese_document():
    assert refused(CLEAN, Decision(DecisionType.japanese_national)) == ["decision.not_japanese"]
    assert refused(replace(CLEAN, nationality="JPN"), Decision(DecisionType.japanese_national)) == []


def test_one_final_decision_per_examination():
    landed = replace(CLEAN, decisions=({"decision_id": "d1", "type": "landing_permission"},))
    assert refused(landed, landing()) == ["decision.already_final"]
    referred = replace(CLEAN, decisions=({"decision_id": "d1", "type": "referral"},))
    assert refused(referred, landing()) == []
    assert refused(referred, referral()) == []


def special(details=None) -> Decision:
    return Decision(DecisionType.special_landing_permission, status_code="long_term_resident", period="1y",
                    landing_date=DAY, details=details if details is not None else {
                        "decision_reference": "ISA-2026-123", "granted_by": "commissioner",
                        "granted_by_name": "Sato Ichiro", "residence_card": "to_be_mailed"})


def test_special_landing_permission_follows_a_referral_and_names_its_grantor():
    assert refused(CLEAN, special()) == ["special_landing.no_referral"]
    referred = replace(CLEAN, decisions=({"decision_id": "d1", "type": "referral"},))
    assert refused(referred, special()) == []
    named = {"decision_reference": "ISA-2026-123", "granted_by_name": "Sato Ichiro", "residence_card": "to_be_mailed"}
    assert refused(referred, special(named)) == ["special_landing.grantor_missing"]
    assert refused(referred, special({**named, "granted_by": "the mayor"})) == ["special_landing.grantor_missing"]


def test_a_correction_names_an_earlier_decision_and_gives_a_reason():
    landed = replace(CLEAN, decisions=({"decision_id": "d1", "type": "landing_permission"},))
    ev = rules.evaluate(landed, landing(period="30d"), corrects="d1", correction_reason="typed 30d for 90d")
    assert ev.ok and [f.rule for f in ev.flags] == ["flag.correction"]
    assert refused(landed, landing(), corrects="d9", correction_reason="x") == ["correction.target_unknown"]
    assert refused(landed, landing(), corrects="d1", correction_reason=" ") == ["correction.reason_missing"]


def test_a_correction_into_special_landing_permission_still_needs_the_referral():
    landed = replace(CLEAN, decisions=({"decision_id": "d1", "type": "landing_permission"},))
    assert refused(landed, special(), corrects="d1", correction_reason="Minister's permission arrived") == [
        "special_landing.no_referral"]
