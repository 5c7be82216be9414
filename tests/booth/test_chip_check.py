"""The passport's chip in the examination core, with a fake reader: a genuine chip is clear and its
photo matches the live face; each failure is a hit with its own rule that blocks a landing until a
supervisor clears it; a chip that was not read is recorded as such and flagged, never a pass."""
from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.booth.examination import Examination, Part
from inspector_app.chip.reading import ChipNotRead, CloneCheck, CloneMethod, NotReadState, StepState

from .chip_fake import FakeChip, FakeChipReader, chip_photo, mrz_information
from .conftest import INSPECTOR, LANDING, SUPERVISOR, queued, watson

REFERRAL = {"type": "referral", "referral_reasons": ["chip does not match: referred for a hearing"]}


def rules_of(findings) -> list[str]:
    return [f.rule if hasattr(f, "rule") else f["rule"] for f in findings]


def chip_checks(exam: Examination, aspect: str | None = None) -> list[dict]:
    return [c for c in exam.checks if c["kind"] == "chip" and (aspect is None or c["aspect"] == aspect)]


def examine(ctx, inspector, media, chip: FakeChip | None = None, not_read: ChipNotRead | None = None,
            face_first: bool = False) -> Examination:
    """A clean traveller (WATSON) with biometrics, whose chip is read by a fake reader."""
    reader = FakeChipReader(chip, not_read)
    ctx.use_chip_reader(reader)
    exam = Examination(ctx, inspector)
    exam.read_document(watson())
    exam.screen_document()
    if face_first:
        exam.add_face(media.face("clean"), True)
    progress = []
    exam.read_chip(lambda p, t: progress.append((p, str(t))))
    assert progress[0][0] == 0 and progress[-1] == (100, "chip read") and len(progress) >= 3
    assert reader.calls == [(mrz_information(watson().split("\n")), None)]   # opened with the MRZ read
    if not face_first:
        exam.add_face(media.face("clean"), True)
    exam.add_finger_files(media.fingers("105"))
    return exam


def test_a_genuine_chip_is_clear_and_its_photo_matches_the_live_face(ctx, inspector, media):
    parts = []
    exam = examine(ctx, inspector, media, FakeChip(watson()))
    exam.subscribe(parts.append)
    read, = chip_checks(exam, "read")
    assert (read["outcome"], read["state"], read["access_control"], read["findings"]) == ("clear", "read", "pace_mrz", [])
    assert read["passive_auth"]["passed"] and read["clone_check"] == {"method": "active_authentication",
                                                                       "state": "passed", "reason": ""}
    assert [str(r) for r in read["reasons"][:3]] == ["the chip's MRZ matches the printed one",
                                                     "passive authentication passed", "Active Authentication passed"]
    face, = chip_checks(exam, "face")
    assert face["outcome"] == "clear" and face["threshold"] == 50 and 50 <= face["score"] <= 100
    assert face["native"]["threshold"] == 0.6 and face["native"]["distance"] <= 0.6
    assert set(face["evidence"]) == {"live", "chip"} and exam.chip["photo"] == face["evidence"]["chip"]
    assert exam.chip["state"] == "read" and exam.chip["face"]["check_result_id"] == face["check_result_id"]
    assert exam.evaluate(LANDING).to_dict() == {"refused": [], "flags": [], "overridden": []}
    saved = exam.save(LANDING)
    assert saved.saved and saved.flags == [] and queued(ctx.store(), exam.examination_id) == []


def test_a_photo_in_jpeg_2000_read_before_the_face_is_compared_when_the_face_comes(ctx, inspector, media):
    exam = examine(ctx, inspector, media, FakeChip(watson(), photo=chip_photo(ext=".jp2")))
    face, = chip_checks(exam, "face")
    assert face["outcome"] == "clear" and face["score"] >= 50


def test_a_changed_dg1_is_a_hit_naming_the_fields_and_blocks_landing_until_cleared(ctx, inspector, media):
    altered = watson(surname="WATTS", birth_date=dt.date(1986, 4, 12))
    exam = examine(ctx, inspector, media, FakeChip(altered, opens_with=watson()))
    read, = chip_checks(exam, "read")
    assert read["outcome"] == "hit" and read["dg1_differs"] == ["surname", "birth_date"]
    assert rules_of(read["findings"]) == ["chip.dg1_mismatch"]
    assert str(read["reasons"][0]) == "the chip's MRZ (DG1) differs from the printed one: surname, date of birth"
    assert exam.open_hits() == [read]
    refused = exam.save(LANDING).refused
    assert rules_of(refused) == ["chip.dg1_mismatch"]      # its own rule, not an anonymous open hit
    assert "surname, date of birth" in refused[0].message and "supervisor must clear" in refused[0].message
    assert exam.evaluate(LANDING, {"chip.dg1_mismatch": "looks fine"}).refused[0].rule == "override.not_allowed"
    referral = exam.save(REFERRAL)                           # a referral does not let the traveller land
    assert referral.saved and rules_of(referral.flags) == ["flag.hit"]
    assert [p["check_result_id"] for p in queued(ctx.store(), exam.examination_id)] == [read["check_result_id"]]
    assert ctx.login(SUPERVISOR, "demo-supervisor") is not None
    ctx.add_review(read["check_result_id"], SUPERVISOR, "cleared", "the issuing state confirms a re-issue")
    assert exam.refresh_hits() == 0
    landed = exam.save(LANDING)
    assert landed.saved and rules_of(landed.flags) == ["flag.hit"]


@pytest.mark.parametrize(("chip", "rule", "words"), [
    (dict(pa_fail_at="Document Signer chains to a trusted CSCA", pa_reason="issuer not in the master list"),
     "chip.passive_auth_failed",
     "passive authentication failed at: Document Signer chains to a trusted CSCA (issuer not in the master list)"),
    (dict(pa_fail_at="DG2 hash"), "chip.passive_auth_failed", "passive authentication failed at: DG2 hash"),
    (dict(clone=CloneCheck(CloneMethod.active_authentication, StepState.failed, "signature does not verify")),
     "chip.clone_check_failed", "Active Authentication failed: the chip may be a copy (signature does not verify)"),
    (dict(clone=CloneCheck(CloneMethod.chip_authentication, StepState.failed)),
     "chip.clone_check_failed", "Chip Authentication failed: the chip may be a copy"),
])
def test_each_chip_failure_is_a_hit_with_its_rule_and_words(ctx, inspector, media, chip, rule, words):
    exam = examine(ctx, inspector, media, FakeChip(watson(), **chip))
    read, = chip_checks(exam, "read")
    assert read["outcome"] == "hit" and rules_of(read["findings"]) == [rule] and str(read["reasons"][0]) == words
    assert rules_of(exam.evaluate(LANDING).refused) == [rule]


def test_the_face_of_another_person_on_the_chip_is_a_hit_with_its_score(ctx, inspector, media):
    exam = examine(ctx, inspector, media, FakeChip(watson(), photo=chip_photo("WL-BIO-0002.jpg")), face_first=True)
    read, = chip_checks(exam, "read")
    face, = chip_checks(exam, "face")
    assert read["outcome"] == "clear" and face["outcome"] == "hit" and face["score"] < 50 == face["threshold"]
    assert face["native"]["distance"] > 0.6
    assert str(face["reasons"][0]) == (f"the chip's photo does not match the live face: similarity {face['score']:.0f} "
                                       "of 100, a match from 50")
    assert rules_of(exam.save(LANDING).refused) == ["chip.face_mismatch"]


@pytest.mark.parametrize(("not_read", "state", "words"), [
    (None, "no_chip", "no chip found (the passport has none, or it was not on the reader)"),
    (ChipNotRead(NotReadState.no_reader, "no PC/SC reader is connected"), "no_reader", "no chip reader"),
    (ChipNotRead(NotReadState.access_denied, "the chip refused the key"), "access_denied",
     "the chip refused the printed MRZ or the CAN"),
    (ChipNotRead(NotReadState.read_failed, "the chip was taken away while DG2 was read"), "read_failed",
     "the chip could not be read to the end"),
])
def test_a_chip_not_read_is_recorded_and_flagged_never_a_pass(ctx, inspector, media, not_read, state, words):
    exam = examine(ctx, inspector, media, None, not_read)
    read, = chip_checks(exam, "read")
    assert (read["outcome"], read["state"]) == ("error", state) and str(read["reasons"][0]) == f"chip not read: {words}"
    assert chip_checks(exam, "face") == []            # nothing to compare: no photo, no score
    evaluation = exam.evaluate(LANDING)
    assert evaluation.refused == [] and rules_of(evaluation.flags) == ["flag.chip_not_verified"]
    saved = exam.save(LANDING)
    assert saved.saved and rules_of(saved.flags) == ["flag.chip_not_verified"]
    pending = queued(ctx.store(), exam.examination_id)
    assert [(p["kind"], p["outcome"]) for p in pending] == [("decision_flag", "flag")]
    assert words in pending[0]["reasons"][0]


def test_a_read_that_succeeds_after_a_failed_one_verifies_the_chip(ctx, inspector, media):
    exam = examine(ctx, inspector, media, None, ChipNotRead(NotReadState.read_failed, "removed"))
    ctx.use_chip_reader(FakeChipReader(FakeChip(watson())))
    exam.read_chip()
    assert [c["outcome"] for c in chip_checks(exam)] == ["error", "clear", "clear"]
    assert exam.evaluate(LANDING).to_dict() == {"refused": [], "flags": [], "overridden": []}


def test_a_booth_without_a_reader_records_it_when_asked(ctx, inspector):
    exam = Examination(ctx, inspector)
    exam.read_document(watson())
    assert not ctx.has_chip_reader()
    parts = []
    exam.subscribe(parts.append)
    read = exam.read_chip()
    assert (read["outcome"], read["state"]) == ("error", "no_reader") and "devices.chip.reader" in read["reasons"][1]
    assert Part.chip in parts and exam.chip["state"] == "no_reader"
    assert INSPECTOR == exam.inspector
