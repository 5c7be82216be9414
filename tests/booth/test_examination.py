"""booth.Examination without Qt: one traveller from the document to the saved decision, on a demo
booth home, with what goes to the supervisor queue and what the rules accept or refuse."""
from __future__ import annotations

import pytest

from inspector_app.booth.examination import Examination, ExaminationError, Part
from inspector_app.store import DecisionRejected, ReviewRefused

from .conftest import (
    INSPECTOR,
    LANDING,
    SUPERVISOR,
    TODAY,
    count,
    mrz_of,
    overrides_of,
    queued,
    watson,
)

REFERRAL = {"type": "referral", "referral_reasons": ["passport reported lost: referred for a hearing"]}
SPECIAL = {"type": "special_landing_permission", "status_code": "long_term_resident", "period": "1y",
           "details": {"decision_reference": "ISA-2026-123", "granted_by": "minister_of_justice",
                       "granted_by_name": "Sato Ichiro", "residence_card": "to_be_mailed"}}


def rules_of(findings) -> list[str]:
    return [f.rule if hasattr(f, "rule") else f["rule"] for f in findings]


def read(ctx, user, mrz=None) -> Examination:
    exam = Examination(ctx, user)
    exam.read_document(mrz or watson())
    return exam


def capture(exam, media, face=True, fingers=("Left IndexFinger", "Right IndexFinger"), subject="105",
            face_key="clean"):
    if face:
        exam.add_face(media.face(face_key), True)
    if fingers:
        exam.add_finger_files(media.fingers(subject, positions=fingers))


def test_a_clean_traveller_lands_with_a_seal_and_nothing_for_the_supervisor(ctx, inspector, media):
    exam = Examination(ctx, inspector)
    parts = []
    exam.subscribe(parts.append)
    exam.read_document(watson())
    assert exam.traveller["surname"] == "WATSON" and exam.examination_date == TODAY
    assert [(c["kind"], c["outcome"]) for c in exam.checks] == [("document", "clear")]
    screened = exam.screen_document()
    assert [(c["kind"], c["outcome"], c["coverage"]["state"]) for c in screened] == [
        ("sltd", "clear", "no_match"), ("biographic", "clear", "no_match")]
    capture(exam, media)
    assert exam.face["state"] == "captured" and [c["position"] for c in exam.fingers["captured"]] == [
        "Left IndexFinger", "Right IndexFinger"]
    assert exam.evaluate(LANDING).to_dict() == {"refused": [], "flags": [], "overridden": []}
    result = exam.save(LANDING)
    assert result.saved and result.refused == [] and result.flags == []
    assert result.decision["landing_date"] == TODAY.isoformat() and result.decision["last_day"] == "2027-02-27"
    assert result.seal is not None and result.seal.last_day is not None
    store = ctx.store()
    assert [d["decision_id"] for d in store.decisions(exam.examination_id)] == [result.record_id]
    assert queued(store, exam.examination_id) == []
    assert {Part.document, Part.checks, Part.face, Part.fingers, Part.saved} <= set(parts)
    assert exam.final
    with pytest.raises(ExaminationError, match="saved"):
        exam.add_face(media.face(), True)   # a saved examination takes nothing more
    exam.next_traveller()
    assert exam.examination_id is None and exam.checks == [] and parts[-1] is Part.cleared


def test_the_preview_is_the_stores_judgement_and_writes_nothing(ctx, inspector, media):
    exam = read(ctx, inspector, watson(expiry_date=TODAY.replace(day=29)))
    exam.screen_document()
    capture(exam, media)
    assert exam.checks[0]["rules"] == ["document.expired"]   # the document check names the rule too
    store = ctx.store()
    before = count(store, "check_results"), count(store)
    preview = exam.evaluate(LANDING)
    assert rules_of(preview.refused) == ["document.expired"]
    assert "expired 2026-11-29, examined 2026-11-30" in preview.refused[0].message
    assert (count(store, "check_results"), count(store)) == before
    assert rules_of(exam.save(LANDING).refused) == rules_of(preview.refused)


def test_before_a_document_there_is_nothing_to_save(ctx, inspector):
    exam = Examination(ctx, inspector)
    assert rules_of(exam.evaluate(LANDING).refused) == ["document.not_read"]
    with pytest.raises(ExaminationError, match="read the document"):
        exam.save(LANDING)
    with pytest.raises(ExaminationError, match="read the document"):
        exam.screen_document()


def test_skipping_the_screening_is_not_a_clean_screening(ctx, inspector, media):
    exam = read(ctx, inspector)
    capture(exam, media)
    refused = exam.save(LANDING).refused
    assert rules_of(refused) == ["screening.not_checked", "screening.not_checked"]
    assert [f.message.rsplit(": ", 1)[-1] for f in refused] == ["lost/stolen documents list (not screened)", "biographic watchlist (not screened)"]
    assert count(ctx.store()) == 0


# -- what goes to the supervisor ------------------------------------------------------------------
def test_a_biometric_exception_is_flagged_and_queued(ctx, inspector, media):
    exam = read(ctx, inspector)
    exam.screen_document()
    capture(exam, media, fingers=("Right IndexFinger",))
    assert rules_of(exam.evaluate(LANDING).refused) == ["biometrics.fingers_missing"]
    exam.record_exception("Left IndexFinger", "hand bandaged after an injury")
    result = exam.save(LANDING)
    assert result.saved and rules_of(result.flags) == ["flag.biometric_exception"]
    assert "left index finger" in result.flags[0].message
    pending = queued(ctx.store(), exam.examination_id)
    assert [(p["kind"], p["outcome"], p["position"]) for p in pending] == [
        ("biometric_exception", "exception", "Left IndexFinger")]
    assert pending[0]["reasons"] == ["left index finger: hand bandaged after an injury"]  # finger names in words


def test_a_face_exception_stands_for_the_face_and_is_queued(ctx, inspector, media):
    exam = read(ctx, inspector)
    exam.screen_document()
    capture(exam, media, face=False)
    exam.record_exception("Face", "facial injury, dressing over half the face")
    result = exam.save(LANDING)
    assert result.saved and rules_of(result.flags) == ["flag.biometric_exception"]
    assert [p["position"] for p in queued(ctx.store(), exam.examination_id)] == ["Face"]


def test_a_low_quality_capture_is_flagged_and_queued(ctx, inspector, media):
    exam = read(ctx, inspector)
    exam.screen_document()
    exam.add_face(media.face(), False, ["too dark"])
    capture(exam, media, face=False)
    result = exam.save(LANDING)
    assert result.saved and rules_of(result.flags) == ["flag.low_quality"]
    pending = queued(ctx.store(), exam.examination_id)
    assert [(p["kind"], p["outcome"], p["reasons"]) for p in pending] == [("face_capture", "low_quality", ["too dark"])]


def test_a_hit_blocks_landing_until_a_supervisor_clears_it(ctx, inspector, media):
    exam = read(ctx, inspector, mrz_of("lost_passport"))
    exam.screen_document()
    capture(exam, media, face_key="lost_passport")
    hits = exam.open_hits()
    assert [(h["kind"], h["list"]) for h in hits] == [("sltd", "SLTD")]
    store = ctx.store()
    assert rules_of(exam.save(LANDING).refused) == ["hit.open"] and count(store) == 0
    referral = exam.save(REFERRAL)           # a referral does not let the traveller land: allowed
    assert referral.saved and rules_of(referral.flags) == ["flag.hit"] and referral.seal is None
    assert not exam.final                    # the examination goes on to its final decision
    assert [p["check_result_id"] for p in queued(store, exam.examination_id)] == [hits[0]["check_result_id"]]
    key = store.unlock_signing_key(SUPERVISOR, "demo-supervisor")  # a review is signed by its supervisor
    with pytest.raises(ReviewRefused, match="own"):
        store.add_review(hits[0]["check_result_id"], INSPECTOR, "cleared", "it is fine", key)
    with pytest.raises(ReviewRefused, match="signing key"):  # nobody signed in as the supervisor here
        ctx.add_review(hits[0]["check_result_id"], SUPERVISOR, "cleared", "it is fine")
    assert ctx.login(SUPERVISOR, "demo-supervisor")["roles"] == ["supervisor"]
    ctx.add_review(hits[0]["check_result_id"], SUPERVISOR, "cleared", "the report was withdrawn on 2026-11-01")
    assert exam.refresh_hits() == 0 and exam.open_hits() == []
    landed = exam.save(LANDING)
    assert landed.saved and rules_of(landed.flags) == ["flag.hit"] and exam.final
    assert queued(store, exam.examination_id) == []


def test_a_biometric_hit_under_another_name_blocks_landing(ctx, inspector, media):
    exam = read(ctx, inspector, mrz_of("biometric"))
    assert [c["outcome"] for c in exam.screen_document()] == ["clear", "clear"]   # the name is not listed
    capture(exam, media, subject="101", face_key="biometric")
    assert {h["kind"] for h in exam.open_hits()} == {"face", "fingerprint"}
    assert {h["subject_id"] for h in exam.open_hits()} == {"WL-BIO-0001"}
    assert rules_of(exam.save(LANDING).refused) == ["hit.open"]
    assert count(ctx.store()) == 0
    assert len(queued(ctx.store(), exam.examination_id)) == len(exam.open_hits())


# -- exemptions -----------------------------------------------------------------------------------
def test_under_16_is_claimed_for_a_child_and_accepted(ctx, inspector):
    exam = read(ctx, inspector, mrz_of("child"))
    assert exam.exemption is not None and exam.exemption["ground"] == "under_16"
    assert "aged 11 on 2026-11-30" in exam.exemption["detail"]
    exam.screen_document()
    result = exam.save(LANDING)
    assert result.saved and result.flags == []
    recorded = [c for c in ctx.store().examination(exam.examination_id)["check_results"]
                if c["kind"] == "biometric_exemption"]
    assert [c["ground"] for c in recorded] == ["under_16"]


def test_a_withdrawn_exemption_needs_the_biometrics_again(ctx, inspector):
    exam = read(ctx, inspector, mrz_of("child"))
    exam.screen_document()
    exam.set_exemption(None)
    assert exam.exemption is None
    assert rules_of(exam.save(LANDING).refused) == ["biometrics.face_missing", "biometrics.fingers_missing"]


def test_an_adult_claiming_under_16_is_refused(ctx, inspector):
    exam = read(ctx, inspector)
    assert exam.exemption is None   # not claimed for an adult
    exam.screen_document()
    exam.set_exemption("under_16")
    refused = exam.save(LANDING).refused
    assert rules_of(refused) == ["exemption.not_applicable"] and "aged 38 on 2026-11-30" in refused[0].message
    assert count(ctx.store()) == 0


def test_the_diplomat_exemption_only_with_the_status_diplomat(ctx, inspector):
    exam = read(ctx, inspector)
    exam.screen_document()
    exam.set_exemption("diplomat")
    refused = exam.save(LANDING).refused
    assert rules_of(refused) == ["exemption.not_applicable"] and "Diplomat" in refused[0].message
    result = exam.save({"type": "landing_permission", "status_code": "diplomat", "period": "activities"})
    assert result.saved and result.decision["status_code"] == "diplomat"


# -- special landing, one final decision, corrections ------------------------------------------------
def test_special_landing_permission_follows_a_referral_and_records_its_grantor(ctx, inspector, media):
    exam = read(ctx, inspector)
    exam.screen_document()
    capture(exam, media)
    assert rules_of(exam.save(SPECIAL).refused) == ["special_landing.no_referral"]
    assert exam.save(REFERRAL).saved
    no_grantor = dict(SPECIAL, details={k: v for k, v in SPECIAL["details"].items() if k != "granted_by"})
    assert rules_of(exam.save(no_grantor).refused) == ["special_landing.grantor_missing"]
    result = exam.save(SPECIAL)
    assert result.saved and result.seal is not None
    assert result.decision["details"]["granted_by"] == "minister_of_justice"
    assert [d["type"] for d in ctx.store().decisions(exam.examination_id)] == ["referral", "special_landing_permission"]


def test_one_final_decision_and_a_correction_is_a_new_linked_record(ctx, inspector, media):
    exam = read(ctx, inspector)
    exam.screen_document()
    capture(exam, media)
    first = exam.save(LANDING)
    assert first.saved
    store = ctx.store()
    original = store.decision(first.record_id)
    decision = exam.decision_of(dict(LANDING, period="30d"))
    with pytest.raises(DecisionRejected) as info:
        store.record_decision(exam.examination_id, decision.to_dict(), INSPECTOR)
    assert rules_of(info.value.findings) == ["decision.already_final"]
    corrected = store.record_decision(exam.examination_id, decision.to_dict(), INSPECTOR,
                                      corrects=first.record_id, correction_reason="typed 30d; the traveller asked for 90d")
    record = store.decision(corrected)["decision"]
    assert record["corrects"] == first.record_id and record["period"] == "30d"
    assert record["correction_reason"] == "typed 30d; the traveller asked for 90d"
    assert rules_of(record["flags"]) == ["flag.correction"]
    assert store.decision(first.record_id) == original   # the saved decision is never changed
    marks = overrides_of(store, exam.examination_id)
    assert [(m["rule"], m["decision_id"]) for m in marks] == [("flag.correction", corrected)]
    assert [p["check_result_id"] for p in queued(store, exam.examination_id)] == [marks[0]["check_result_id"]]


# -- input the examination cannot use ----------------------------------------------------------------
def test_bad_input_is_an_examination_error(ctx, inspector, media):
    with pytest.raises(ExaminationError, match="inspector"):
        Examination(ctx, {"user": SUPERVISOR, "roles": ["supervisor"]})
    exam = Examination(ctx, inspector)
    with pytest.raises(ExaminationError, match="scan the passport"):
        exam.read_document("   ")
    with pytest.raises(ExaminationError, match="machine readable zone"):
        exam.read_document("hello world")
    exam.read_document(watson())
    with pytest.raises(ExaminationError, match="finish this traveller"):
        exam.read_document(watson())
    with pytest.raises(ExaminationError, match="unknown finger position"):
        exam.add_finger_files({"Left Pinky": media.fingers()["Left IndexFinger"]})
    with pytest.raises(ExaminationError, match="needs a reason"):
        exam.record_exception("Left IndexFinger", "  ")
    with pytest.raises(ExaminationError, match="unknown exemption"):
        exam.set_exemption("royalty")
    with pytest.raises(ExaminationError, match="cannot read the photo"):
        exam.add_face_file(media.home / "no-such-photo.jpg")


def test_a_photo_file_goes_through_the_cameras_quality_gate(ctx, inspector, media):
    exam = read(ctx, inspector)
    exam.add_face_file(media.face_path())
    face = [c for c in exam.checks if c["kind"] == "face_capture"]
    assert [c["outcome"] for c in face] == ["clear"] and exam.face["passes"] is True
