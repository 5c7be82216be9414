"""domain.chip and the chip's rules in domain.rules, on plain values and Facts: which fields of
DG1 differ, which step or method failed, the photo's score against the threshold, and what a
landing may and may not be saved over."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from inspector_app.domain import chip, rules
from inspector_app.domain.decisions import Decision, DecisionType
from inspector_app.domain.mrz_build import build_td3

DAY = date(2026, 11, 22)
CLEAN = rules.Facts(examination_date=DAY, expiry_date=date(2031, 1, 1), birth_date=date(1985, 4, 12),
                    nationality="GBR", face_captured=True, fingers_captured=("Left IndexFinger", "Right IndexFinger"))
FIELDS = {"issuing_state": "GBR", "surname": "WATSON", "given_names": "EMILY ROSE", "document_number": "533401872",
          "nationality": "GBR", "birth_date": date(1988, 4, 12), "sex": "F", "expiry_date": date(2031, 8, 30)}


def lines(**changes) -> list[str]:
    return build_td3(**{**FIELDS, **changes}).split("\n")


def landing() -> Decision:
    return Decision(DecisionType.landing_permission, status_code="temporary_visitor", period="90d", landing_date=DAY)


@pytest.mark.parametrize(("changes", "differ"), [
    ({}, []),
    ({"surname": "WATTS"}, ["surname"]),
    ({"given_names": "EMILY"}, ["given_names"]),
    ({"document_number": "533401873"}, ["document_number"]),
    ({"birth_date": date(1986, 4, 12), "sex": "M"}, ["birth_date", "sex"]),
    ({"nationality": "IRL", "expiry_date": date(2032, 8, 30)}, ["nationality", "expiry_date"]),
    ({"issuing_state": "IRL"}, ["issuing_state"]),
])
def test_dg1_is_compared_with_the_printed_mrz_field_by_field(changes, differ):
    assert chip.dg1_differences(lines(), lines(**changes)) == differ


def test_dg1_that_is_no_mrz_or_differs_only_in_characters_is_named_so():
    assert chip.dg1_differences(lines(), ["NOT AN MRZ"]) == [chip.NOT_AN_MRZ]
    printed = lines()
    other = [printed[0], printed[1][:-1] + str((int(printed[1][-1]) + 1) % 10)]   # the composite check digit
    assert chip.dg1_differences(printed, other) == [chip.OTHER_CHARACTERS]
    assert chip.dg1_differences([f" {x.lower()} " for x in printed], printed) == []   # as read, not as typed


@pytest.mark.parametrize(("args", "expected"), [
    (([], True, None, "", "active_authentication", False, ""), []),
    ((["surname", "birth_date"], True, None, "", "not_offered", False, ""),
     [("chip.dg1_mismatch", "the chip's MRZ (DG1) differs from the printed one: surname, date of birth")]),
    (([], False, "DG2 hash", "hash differs", "not_offered", False, ""),
     [("chip.passive_auth_failed", "passive authentication failed at: DG2 hash (hash differs)")]),
    (([], True, None, "", "chip_authentication", True, ""),
     [("chip.clone_check_failed", "Chip Authentication failed: the chip may be a copy")]),
    ((["other_characters"], False, "SOD signature", "", "active_authentication", True, "no AA key"),
     [("chip.dg1_mismatch", "the chip's MRZ (DG1) differs from the printed one: check digits or fillers"),
      ("chip.passive_auth_failed", "passive authentication failed at: SOD signature"),
      ("chip.clone_check_failed", "Active Authentication failed: the chip may be a copy (no AA key)")]),
])
def test_read_findings_say_which_field_step_or_method(args, expected):
    assert [(f.rule, str(f.message)) for f in chip.read_findings(*args)] == expected


@pytest.mark.parametrize(("similarity", "match_at", "finding"), [(50, 50, None), (97, 50, None), (49, 50, "chip.face_mismatch"),
                                                                  (0, 50, "chip.face_mismatch")])
def test_the_photo_is_judged_against_the_threshold_with_both_numbers_in_words(similarity, match_at, finding):
    found = chip.face_finding(similarity, match_at)
    assert (found.rule if found else None) == finding
    if found:
        assert f"similarity {similarity} of 100, a match from {match_at}" in found.message


def test_the_chip_rules_are_in_the_catalogue_and_not_overridable():
    for code in rules.CHIP_RULES:
        assert code in rules.RULES and not rules.RULES[code].overridable and rules.RULES[code].basis
    assert "flag.chip_not_verified" in rules.FLAGS and "flag.chip_not_verified" in rules.QUEUED_FLAGS
    source = Path(chip.__file__).read_text()
    written = set(re.findall(r'Finding\("([a-z_.0-9]+)"', source))
    assert written == set(rules.CHIP_RULES)


OPEN = (("chip.dg1_mismatch", "the chip's MRZ (DG1) differs from the printed one: surname"),)


@pytest.mark.parametrize(("facts", "kind", "refused", "flags"), [
    (CLEAN, DecisionType.landing_permission, [], []),
    (replace(CLEAN, chip_open=OPEN, hits=1), DecisionType.landing_permission, ["chip.dg1_mismatch"], ["flag.hit"]),
    (replace(CLEAN, chip_open=OPEN, hits=1), DecisionType.referral, [], ["flag.hit"]),
    (replace(CLEAN, hits=1), DecisionType.landing_permission, [], ["flag.hit"]),   # cleared by a supervisor
    (replace(CLEAN, chip_unverified=("no chip reader",)), DecisionType.landing_permission, [],
     ["flag.chip_not_verified"]),
    (replace(CLEAN, chip_unverified=("no chip reader",)), DecisionType.referral, [], []),
])
def test_what_a_decision_may_be_saved_over(facts, kind, refused, flags):
    decision = landing() if kind is DecisionType.landing_permission else Decision(kind, referral_reasons=["hearing"])
    ev = rules.evaluate(facts, decision)
    assert [f.rule for f in ev.refused] == refused and [f.rule for f in ev.flags] == flags
    if refused:
        assert ev.refused[0].message.endswith("surname: a supervisor must clear it first")
        over = rules.evaluate(facts, decision, overrides={"chip.dg1_mismatch": "I looked at it"})
        assert [f.rule for f in over.refused] == ["override.not_allowed", "chip.dg1_mismatch"]
    if flags == ["flag.chip_not_verified"]:
        assert ev.flags[0].message.endswith(": no chip reader")
