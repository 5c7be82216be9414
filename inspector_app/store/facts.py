"""What the rules know about an examination, built from the store's own rows.

The facts come from what was recorded (the document's MRZ lines are parsed again here, on the
examination date), never from what a caller says about them, so the rules the store enforces
at save time judge the record as it is.
"""
from __future__ import annotations

import datetime as dt

from inspector_app.domain import chip, mrz, rules
from inspector_app.domain.checks import FACE_POSITION, LIST_KINDS, CheckKind, Outcome

#: The reason a list is not checked when the examination has no check result of it at all.
NOT_SCREENED = "not_screened"


def examination_date(data: dict, started_at: str) -> dt.date:
    value = data.get("examination_date") or str(started_at)[:10]
    return dt.date.fromisoformat(str(value))


def document_facts(data: dict, on: dt.date) -> dict:
    lines = (data.get("mrz") or {}).get("lines") or []
    if not lines:
        # no document read: nothing lands on an unread document (``document.not_read``, which an
        # inspector cannot override; the check-digit and expiry rules could be)
        return {"document_read": False}
    return rules.document_facts(mrz.parse_mrz("\n".join(lines), today=on))


def chip_unverified(states: dict[str, list[str]]) -> tuple[str, ...]:
    """Why the chip is not verified, in words: the latest attempt of an aspect (the read, the
    photo's comparison) that never succeeded. A chip never tried says nothing (a booth without a
    reader in its settings); one success of an aspect is enough (a re-read after a failed one)."""
    words = []
    for aspect, done in (("read", "read"), ("face", "compared")):
        tried = states.get(aspect) or []
        if tried and done not in tried:
            words.append(chip.not_read_words(tried[-1]))
    return tuple(words)


def build(exam_row: dict, data: dict, check_results: list[dict], decisions: list[dict]) -> rules.Facts:
    """``check_results`` as ``Store._check_results`` returns them (with ``open``)."""
    on = examination_date(data, exam_row.get("started_at") or "")
    facts: dict = {"examination_date": on, **document_facts(data, on)}
    # a document list no check result speaks for was never screened: not checked, not "no match"
    not_checked: dict[str, str] = {name: NOT_SCREENED for name in rules.DOCUMENT_LISTS}
    face_captured = face_exception = False
    fingers, exceptions = [], []
    low_quality = hits = open_hits = 0
    exemption, evidence = None, ""
    landing_record, searched, ships = None, "", []
    chip_open: list[tuple[str, str]] = []
    chip_states: dict[str, list[str]] = {"read": [], "face": []}   # by aspect, oldest first
    for c in check_results:
        kind, outcome = c.get("kind"), c.get("outcome")
        if outcome == Outcome.hit.value:
            hits += 1
            # an open chip failure refuses by its own rule (chip_open), not as an anonymous hit
            open_hits += 1 if c.get("open") and kind != CheckKind.chip.value else 0
        if outcome == Outcome.low_quality.value:
            low_quality += 1
        if kind in {k.value for k in LIST_KINDS}:
            coverage = c.get("coverage") or {}
            if coverage.get("state") in ("not_checked", "error") or outcome == Outcome.error.value:
                not_checked[kind] = coverage.get("reason") or coverage.get("state") or outcome
            else:
                not_checked.pop(kind, None)    # a later check of the same list supersedes
        elif kind == CheckKind.face_capture.value:
            face_captured = True
        elif kind == CheckKind.finger_capture.value and c.get("position"):
            fingers.append(str(c["position"]))
        elif kind == CheckKind.biometric_exception.value and c.get("position"):
            if c["position"] == FACE_POSITION:
                face_exception = True
            else:
                exceptions.append(str(c["position"]))
        elif kind == CheckKind.biometric_exemption.value:
            exemption, evidence = c.get("ground") or None, str(c.get("evidence") or "")
        elif kind == CheckKind.landing_record.value:   # the latest search speaks
            record = c.get("record")
            landing_record = dict(record) if isinstance(record, dict) else None
            searched = "; ".join(str(r) for r in c.get("reasons") or [])
        elif kind == CheckKind.designated_ship.value:
            ships.append({"vessel": str(c.get("vessel") or ""), "state": str(c.get("state") or "")})
        elif kind == CheckKind.chip.value:
            chip_states.setdefault(str(c.get("aspect") or "read"), []).append(str(c.get("state") or ""))
            if outcome == Outcome.hit.value and c.get("open"):
                chip_open += [(str(f.get("rule")), str(f.get("message") or "")) for f in c.get("findings") or []]
    return rules.Facts(
        **facts, open_hits=open_hits, hits=hits, not_checked=not_checked, face_captured=face_captured,
        face_exception=face_exception, fingers_captured=tuple(fingers), finger_exceptions=tuple(exceptions),
        low_quality=low_quality, exemption=exemption, exemption_evidence=evidence,
        direction=str(data.get("direction") or "arrival"), landing_record=landing_record, landing_searched=searched,
        ships=tuple(ships), chip_open=tuple(chip_open), chip_unverified=chip_unverified(chip_states),
        decisions=tuple({"decision_id": d["decision_id"], "type": d["type"],
                         "corrects": (d.get("decision") or {}).get("corrects")} for d in decisions),
    )
