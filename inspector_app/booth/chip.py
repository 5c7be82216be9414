"""The chip's check results, from a reader's ``ChipReadResult`` and the face matcher's score.

``Examination.read_chip`` and ``Examination.compare_chip_face`` record what these functions make;
the judgement itself is ``domain.chip`` (which fields, which step, which method) and the rules
that enforce it are ``domain.rules`` (``CHIP_RULES``, ``flag.chip_not_verified``). No Qt.
"""
from __future__ import annotations

from inspector_app.chip.reading import (
    ChipNotRead,
    ChipRead,
    ChipReadResult,
    CloneMethod,
    NotReadState,
    StepState,
)
from inspector_app.domain import chip, mrz
from inspector_app.domain.checks import CheckKind, Outcome
from inspector_app.domain.messages import msg

ACCESS_WORDS = {"bac": msg("BAC"), "pace_mrz": msg("PACE with the MRZ"), "pace_can": msg("PACE with the CAN")}


class NoReader:
    """The reader of a booth that has none (``devices.chip.reader`` unset): every read says so, so
    a chip check asked for is recorded as not made, never as passed."""

    def __init__(self, reason: str):
        self.reason = reason

    def read(self, mrz_information: str, can: str | None, progress) -> ChipReadResult:
        return ChipNotRead(NotReadState.no_reader, self.reason)


def mrz_information(document: mrz.MrzResult) -> str:
    """The BAC / PACE password of a document read (9303-11 §9.7.2): its number, date of birth and
    date of expiry, each with its check digit (computed: a printed check digit that fails was
    already found by the document check)."""
    from inspector_app.chip.keys import mrz_information as info

    def yymmdd(d) -> str:
        return d.strftime("%y%m%d") if d else "<<<<<<"

    return info(document.document_number or "", yymmdd(document.birth_date), yymmdd(document.expiry_date))


def read_check(result: ChipReadResult, printed: mrz.MrzResult) -> dict:
    """The ``chip`` check result (aspect ``read``) of one read: a hit with its findings when the
    chip fails a rule, clear when it passes every one, an error (with the state) when it was not
    read at all."""
    if isinstance(result, ChipNotRead):
        return {"kind": CheckKind.chip.value, "aspect": "read", "state": result.state.value,
                "outcome": Outcome.error.value, "findings": [], "reader": result.reader,
                "read_time_s": round(result.read_time_s, 3),
                "reasons": [msg("chip not read: {state}", state=chip.not_read_words(result.state.value)),
                            *([result.reason] if result.reason else [])]}
    assert isinstance(result, ChipRead)
    pa, clone = result.passive_auth, result.clone_check
    differ = chip.dg1_differences(printed.lines, result.dg1_lines)
    failed_pa = next((s for s in pa.steps if s.label == pa.failed_step), None)
    findings = chip.read_findings(differ, pa.passed, pa.failed_step, failed_pa.reason if failed_pa else "",
                                  clone.method.value, clone.state is StepState.failed, clone.reason)
    read_words = msg("read with {access} on {reader} in {seconds} s", access=ACCESS_WORDS.get(
        result.access_control.value, result.access_control.value), reader=result.reader or "?",
        seconds=f"{result.read_time_s:.1f}")
    if findings:
        reasons = [f.message for f in findings] + [read_words]
    else:
        reasons = [msg("the chip's MRZ matches the printed one"), msg("passive authentication passed"),
                   _clone_words(clone.method, clone.state), read_words]
    return {"kind": CheckKind.chip.value, "aspect": "read", "state": "read",
            "outcome": Outcome.hit.value if findings else Outcome.clear.value,
            "findings": [f.to_dict() for f in findings], "reasons": reasons, **({"open": True} if findings else {}),
            "reader": result.reader, "access_control": result.access_control.value,
            "data_groups": list(result.data_groups), "read_time_s": round(result.read_time_s, 3),
            "dg1_differs": differ,
            "passive_auth": {"passed": pa.passed, "failed_step": pa.failed_step,
                             "steps": [{"label": s.label, "state": s.state.value, "reason": s.reason} for s in pa.steps]},
            "clone_check": {"method": clone.method.value, "state": clone.state.value, "reason": clone.reason},
            "has_face": result.face_image is not None}


def _clone_words(method: CloneMethod, state: StepState) -> str:
    if method is CloneMethod.not_offered:
        return msg("no clone check: the chip offers neither Chip nor Active Authentication")
    name = chip.CLONE_WORDS[method.value]
    return msg("{method} passed", method=name) if state is StepState.passed else msg("{method} not run", method=name)


def face_check(similarity: int | None, match_at: int, native: dict, evidence: dict, problem: str = "") -> dict:
    """The ``chip`` check result (aspect ``face``): the chip's photo against the live face on the
    project's similarity scale (``biometrics.similarity``); without a similarity (no photo on the
    chip, or no face found in it) an error with why, which leaves the chip unverified."""
    if similarity is None:
        return {"kind": CheckKind.chip.value, "aspect": "face", "state": "no_face", "outcome": Outcome.error.value,
                "findings": [], "evidence": evidence,
                "reasons": [chip.not_read_words("no_face"), *([problem] if problem else [])]}
    found = chip.face_finding(similarity, match_at)
    return {"kind": CheckKind.chip.value, "aspect": "face", "state": "compared",
            "outcome": Outcome.hit.value if found else Outcome.clear.value, "score": float(similarity),
            "threshold": match_at, "native": native, "evidence": evidence,
            "findings": [found.to_dict()] if found else [], **({"open": True} if found else {}),
            "reasons": [found.message if found else chip.face_words(similarity, match_at)]}
