"""Every rule code of ``domain.rules.RULES``, driven through a real examination into its refusal.

One row per code (a code without a row fails ``test_the_table_has_a_row_for_every_rule``). Each
row drives ``booth.Examination`` on a demo booth home, or the store for what only the store API
can reach (corrections, a second decision, a decision without a landing date), into the refusal,
and checks that it is refused with that code and that nothing is written. For an overridable rule
the same examination is then saved with an override: it saves, the override is a check result in
the supervisor queue and the decision carries ``flag.override``.
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from inspector_app.booth.examination import Examination
from inspector_app.chip.reading import CloneCheck, CloneMethod, StepState
from inspector_app.domain import rules
from inspector_app.store import DecisionRejected

from .conftest import (
    INDEX_FINGERS,
    INSPECTOR,
    LANDING,
    TODAY,
    count,
    flip_check_digit,
    mrz_of,
    overrides_of,
    queued,
    watson,
)


@dataclass
class Env:
    ctx: object
    user: dict
    media: object

    @property
    def store(self):
        return self.ctx.store()


@dataclass
class Attempt:
    """One save that rules may refuse: ``save(overrides) -> (saved, refused codes, record id)``."""

    examination_id: str
    save: Callable[[dict], tuple[bool, list[str], str | None]]


def examine(env: Env, mrz: str | None = None, *, screen: bool = True, face: bool = True,
            fingers=INDEX_FINGERS, exemption: tuple | None = None, direction: str = "arrival") -> Examination:
    """Read the document, screen it, capture the face and fingers (demo images), as an inspector
    would; at a departures booth, the landing record is looked up instead of capturing."""
    exam = Examination(env.ctx, env.user, direction=direction)
    exam.read_document(mrz or watson())
    if direction == "departure":
        if screen:
            exam.screen_document()
        exam.look_up_landing()
        return exam
    if screen:
        exam.screen_document()
    if exemption is not None:
        exam.set_exemption(*exemption)
    if face:
        exam.add_face(env.media.face(), True)
    if fingers:
        exam.add_finger_files(env.media.fingers(positions=fingers))
    return exam


def by_exam(exam: Examination, fields: dict) -> Attempt:
    def save(overrides):
        result = exam.save(fields, overrides)
        return result.saved, [f.rule for f in result.refused], result.record_id

    return Attempt(exam.examination_id, save)


def by_store(env: Env, examination_id: str, decision: dict, **kw) -> Attempt:
    def save(overrides):
        try:
            record_id = env.store.record_decision(examination_id, decision, INSPECTOR, overrides, **kw)
        except DecisionRejected as exc:
            return False, [f.rule for f in exc.findings], None
        return True, [], record_id

    return Attempt(examination_id, save)


def decided(env: Env) -> tuple[Examination, str]:
    """A clean traveller landed: the examination and its saved decision's id."""
    exam = examine(env)
    result = exam.save(LANDING)
    assert result.saved, result.refused
    return exam, result.record_id


# -- the rows -------------------------------------------------------------------------------------
def no_document(env: Env) -> Attempt:
    """Only the store API can record an examination without the MRZ read (the booth cannot)."""
    exam_id = env.store.create_examination({"inspector": INSPECTOR, "examination_date": TODAY.isoformat(),
                                            "traveller": {"surname": "WATSON"}})
    clean = examine(env)  # the same checks a clean examination records, copied onto this one
    for check in clean.checks:
        env.store.add_check_result(exam_id, {k: v for k, v in check.items() if k != "check_result_id"})
    clean.next_traveller()
    return by_store(env, exam_id, Examination(env.ctx, env.user).decision_of(LANDING).to_dict())


def lists_missing(env: Env) -> Attempt:
    shutil.rmtree(env.ctx.home / "lists")   # a booth that never got its list bundle
    return by_exam(examine(env), LANDING)


def second_decision(env: Env) -> Attempt:
    exam, _ = decided(env)
    return by_store(env, exam.examination_id, exam.decision_of(LANDING).to_dict())


def correction(target: str | None, reason: str) -> Callable[[Env], Attempt]:
    def make(env: Env) -> Attempt:
        exam, record_id = decided(env)
        fields = dict(LANDING, period="30d")
        return by_store(env, exam.examination_id, exam.decision_of(fields).to_dict(),
                        corrects=target or record_id, correction_reason=reason)

    return make


def chip(photo_of: str = "", **chip_fields) -> Callable[[Env], Attempt]:
    """A clean traveller whose chip (a fake reader's, tests/booth/chip_fake.py) fails one check;
    ``photo_of``: the chip holds the photo of this demo image's person."""
    from .chip_fake import FakeChip, FakeChipReader, chip_photo

    def make(env: Env) -> Attempt:
        photo = {"photo": chip_photo(photo_of)} if photo_of else {}
        env.ctx.use_chip_reader(FakeChipReader(FakeChip(**{"mrz": watson(), **photo, **chip_fields})))
        exam = examine(env)
        exam.read_chip()
        return by_exam(exam, LANDING)

    return make


def without_landing_date(env: Env) -> Attempt:
    exam = examine(env)
    return by_store(env, exam.examination_id, {**exam.decision_of(LANDING).to_dict(), "landing_date": None})


def grantor_missing(env: Env) -> Attempt:
    exam = examine(env)
    referral = exam.save({"type": "referral", "referral_reasons": ["no return ticket; asks for special permission"]})
    assert referral.saved, referral.refused
    return by_exam(exam, {"type": "special_landing_permission", "status_code": "long_term_resident", "period": "1y",
                          "details": {"decision_reference": "ISA-2026-123", "granted_by_name": "Sato Ichiro",
                                      "residence_card": "to_be_mailed"}})


def decide(fields: dict, **examine_kw) -> Callable[[Env], Attempt]:
    return lambda env: by_exam(examine(env, **examine_kw), fields)


def without_landing_time(env: Env) -> Attempt:
    """The booth always stamps the hour; only the store API can be handed a decision without it."""
    exam = examine(env)
    return by_store(env, exam.examination_id, {**exam.decision_of(PORT_OF_CALL).to_dict(), "landed_at": None})


def damaged_ship_list(env: Env) -> Attempt:
    """The designated-ship list changed on disk after it was installed: the booth refuses to read it."""
    from inspector_app.screening import liststate

    state = liststate.current(env.ctx.home)
    ships = next(state.directory.rglob("ships.jsonl"))
    ships.write_text(ships.read_text(encoding="utf-8").replace("Sakura Serenade", "Sakura Serenadx"), encoding="utf-8")
    return cruise("Sakura Serenade")(env)


def cruise(vessel: str) -> Callable[[Env], Attempt]:
    """The inspector names the ship; the booth looks it up in the designated list (a check result)."""
    def make(env: Env) -> Attempt:
        exam = examine(env)
        exam.check_vessel(vessel)
        return by_exam(exam, dict(CRUISE, details={"vessel": vessel}))

    return make


EXPIRED = watson(expiry_date=TODAY - dt.timedelta(days=1))
BROKEN = flip_check_digit(watson())
CREW = {"type": "crew_landing", "period": "7d", "details": {"vessel_or_aircraft": "JL 001", "crew_document": "S123"}}
PORT_OF_CALL = {"type": "port_of_call_landing", "period": "72h",
                "details": {"vessel_or_aircraft": "MV Asuka", "rejoins_at": "Kobe"}}
CRUISE = {"type": "cruise_ship_landing", "period": "30d", "details": {"vessel": "Sakura Serenade"}}
BUSINESS = {"type": "landing_permission", "status_code": "business_manager", "period": "1y"}
YESTERDAY = (TODAY - dt.timedelta(days=1)).isoformat()
PERMIT = {"reentry_permit_kind": "reentry_permit", "reentry_permit_number": "R1234567", "reentry_permit_use": "multiple",
          "reentry_permit_valid_until": "2027-05-01", "stay_until": "2028-03-31"}
RETURNING = {"type": "returning_resident", "status_code": "engineer_specialist_in_humanities_international_services"}
SPECIAL_PERMIT = {"reentry_permit_kind": "special_reentry_permit", "residence_card_number": "AB12345678CD",
                  "departed_on": "2026-01-10", "stay_until": "2028-03-31"}
DEPARTING = {"type": "departure_confirmation"}
JAPANESE = watson(issuing_state="JPN", nationality="JPN", surname="SUZUKI", given_names="HANAKO", document_number="TR1234567")


@dataclass
class Row:
    prepare: Callable[[Env], Attempt]
    overrides: dict = field(default_factory=dict)   # given with the refused save
    also: frozenset = frozenset()                   # other codes refused with it, by design


CLONE_FAILED = CloneCheck(CloneMethod.active_authentication, StepState.failed, "the signature does not verify")
ROWS: dict[str, Row] = {
    "document.not_read": Row(no_document),
    "document.check_digit": Row(decide(LANDING, mrz=BROKEN)),
    "document.expiry_unreadable": Row(decide(LANDING, mrz=watson(expiry_date=None))),
    "document.expired": Row(decide(LANDING, mrz=EXPIRED)),
    "hit.open": Row(decide(LANDING, mrz=mrz_of("lost_passport"))),
    "screening.not_checked": Row(lists_missing),
    "chip.dg1_mismatch": Row(chip(mrz=watson(given_names="EMILY"), opens_with=watson())),
    "chip.passive_auth_failed": Row(chip(pa_fail_at="SOD signature by the Document Signer")),
    "chip.clone_check_failed": Row(chip(clone=CLONE_FAILED)),
    "chip.face_mismatch": Row(chip(photo_of="WL-BIO-0002.jpg")),
    "biometrics.face_missing": Row(decide(LANDING, face=False)),
    "biometrics.fingers_missing": Row(decide(LANDING, fingers=("Right IndexFinger",))),
    "exemption.not_applicable": Row(decide(LANDING, face=False, fingers=(), exemption=("under_16",))),
    "exemption.evidence_missing": Row(decide(LANDING, face=False, fingers=(),
                                             exemption=("invited_by_head_of_organ",))),
    "decision.unknown_type": Row(decide({"type": "deportation"})),
    "decision.landing_date_missing": Row(without_landing_date),
    "decision.status_missing": Row(decide({"type": "landing_permission", "period": "90d"})),
    "decision.status_unknown": Row(decide(dict(LANDING, status_code="Tourist"))),
    "decision.status_not_grantable": Row(decide(dict(LANDING, status_code="permanent_resident", period="unlimited"))),
    "decision.period_missing": Row(decide(dict(LANDING, period=None))),
    "decision.period_invalid": Row(decide(dict(LANDING, period="ninety"))),
    "decision.period_not_allowed": Row(decide(dict(LANDING, period="60d"))),
    "decision.details_missing": Row(decide({"type": "crew_landing", "period": "7d"})),
    "decision.referral_reason_missing": Row(decide({"type": "referral", "referral_reasons": ["  "]})),
    "decision.no_status_expected": Row(decide(dict(CREW, status_code="temporary_visitor"))),
    "decision.detail_invalid": Row(decide({"type": "returning_resident", "status_code": "permanent_resident",
                                           "details": {"reentry_permit_kind": "visa", "stay_until": "unlimited"}})),
    "decision.not_japanese": Row(decide({"type": "japanese_national"})),
    "decision.landing_time_missing": Row(without_landing_time),
    "decision.designation_missing": Row(decide({"type": "landing_permission", "status_code": "designated_activities",
                                                "period": "1y", "details": {"residence_card": "to_be_mailed",
                                                                            "coe_number": "E-2026-00123"}})),
    "decision.japanese_document": Row(decide(DEPARTING, mrz=JAPANESE, direction="departure")),
    "decision.wrong_direction": Row(decide(DEPARTING)),
    "residence_card.missing": Row(decide(BUSINESS)),
    "residence_card.number_invalid": Row(decide(dict(BUSINESS, details={
        "residence_card": "issued_at_port", "residence_card_number": "AB1234567CD"}))),
    "residence_card.not_applicable": Row(decide(dict(LANDING, details={
        "residence_card": "issued_at_port", "residence_card_number": "AB12345678CD"}))),
    "coe.number_invalid": Row(decide(dict(BUSINESS, details={"residence_card": "to_be_mailed", "coe_number": "#1"}))),
    "coe.status_unknown": Row(decide(dict(BUSINESS, details={"residence_card": "to_be_mailed", "coe_number": "E-2026-1",
                                                             "coe_status": "Tourist"}))),
    "reentry.permit_expired": Row(decide(dict(RETURNING, details=dict(PERMIT, reentry_permit_valid_until=YESTERDAY)))),
    "reentry.special_window_expired": Row(decide(dict(RETURNING, details=dict(SPECIAL_PERMIT, departed_on="2025-11-29")))),
    "reentry.stay_expired": Row(decide(dict(RETURNING, details=dict(PERMIT, stay_until=YESTERDAY)))),
    "reentry.not_available": Row(decide(dict(DEPARTING, details={
        "reentry_permit_kind": "special_reentry_permit", "residence_card_number": "AB12345678CD",
        "seal_last_day": (TODAY - dt.timedelta(days=10)).isoformat()}), direction="departure")),
    "cruise_ship.not_designated": Row(cruise("Northern Pearl")),
    "cruise_ship.not_checked": Row(damaged_ship_list),
    "decision.already_final": Row(second_decision),
    "special_landing.no_referral": Row(decide({
        "type": "special_landing_permission", "status_code": "long_term_resident", "period": "1y",
        "details": {"decision_reference": "ISA-2026-123", "granted_by": "commissioner", "granted_by_name": "Sato Ichiro",
                    "residence_card": "to_be_mailed"}})),
    "special_landing.grantor_missing": Row(grantor_missing),
    "override.not_allowed": Row(decide(LANDING, mrz=EXPIRED), overrides={"document.expired": "renewal applied for"},
                                also=frozenset({"document.expired"})),
    "override.reason_missing": Row(decide(LANDING, mrz=BROKEN), overrides={"document.check_digit": "  "},
                                   also=frozenset({"document.check_digit"})),
    "correction.target_unknown": Row(correction("no-such-decision", "period typed wrong")),
    "correction.reason_missing": Row(correction(None, "   ")),
}


def test_the_table_has_a_row_for_every_rule():
    assert set(ROWS) == set(rules.RULES)


@pytest.fixture
def env(ctx, inspector, media) -> Env:
    return Env(ctx, inspector, media)


def written(store) -> dict:
    return {t: count(store, t) for t in ("decisions", "check_results", "audit", "outbox")}


@pytest.mark.parametrize("code", sorted(ROWS))
def test_each_rule_refuses_and_writes_nothing(env, code):
    row = ROWS[code]
    attempt = row.prepare(env)
    store = env.store
    before = written(store)
    saved, refused, record_id = attempt.save(dict(row.overrides))
    assert not saved and record_id is None
    assert set(refused) == {code} | row.also, refused
    assert written(store) == before  # nothing: no decision, no override, no audit entry, no outbox record
    if not rules.RULES[code].overridable:
        return
    # the same examination, the rule overridden with a reason: saved, flagged, in the supervisor queue
    reason = f"{code} checked by hand against the data page"
    saved, refused, record_id = attempt.save({**row.overrides, code: reason})
    assert saved and refused == [], refused
    decision = store.decision(record_id)["decision"]
    assert "flag.override" in [f["rule"] for f in decision["flags"]]
    assert decision["overrides"] == {code: reason}
    overrides = overrides_of(store, attempt.examination_id)
    assert overrides and {o["rule"] for o in overrides} == {code}
    assert all(o["reason"] == reason and o["decision_id"] == record_id and o["outcome"] == "override"
               for o in overrides)
    pending = {c["check_result_id"] for c in queued(store, attempt.examination_id)}
    assert {o["check_result_id"] for o in overrides} <= pending
