"""The kinds of check result an examination records, and what the rules read from them.

The examination core writes these, the store keeps them and builds ``rules.Facts`` from them,
and the supervisor queue shows them: one closed set, so no layer infers a fact from a message.
"""
from __future__ import annotations

from enum import Enum


class CheckKind(str, Enum):
    document = "document"                        # check digits and expiry of the document read
    sltd = "sltd"                                # the lists; their coverage is in the result
    biographic = "biographic"
    face = "face"                                # 1:N against the biometric watchlist
    fingerprint = "fingerprint"
    face_capture = "face_capture"                # a face was captured (outcome clear / low_quality)
    finger_capture = "finger_capture"            # one finger captured (data: position)
    biometric_exception = "biometric_exception"  # face or a finger could not be captured (data: position)
    biometric_exemption = "biometric_exemption"  # data: ground, evidence, detail
    override = "override"                        # data: rule, reason
    decision_flag = "decision_flag"              # a flag the saved decision raised (data: rule, decision_id)
    landing_record = "landing_record"            # the landing a departure ends (data: record, source, searched)
    designated_ship = "designated_ship"          # a cruise ship looked up in the designated list (data: vessel, state)
    pre_arrival = "pre_arrival"                  # the API manifest's screening of this traveller (data: state, manifest)
    encounter = "encounter"                      # earlier encounters found by face or fingers (data: relation, earlier)
    chip = "chip"                                # the passport's chip (data: aspect read/face, state, findings)


class Outcome(str, Enum):
    clear = "clear"
    hit = "hit"
    override = "override"
    exception = "exception"
    low_quality = "low_quality"
    error = "error"
    flag = "flag"


#: Outcomes that put the examination in the supervisor's queue (DOMAIN.md).
REVIEW_OUTCOMES = (Outcome.hit, Outcome.override, Outcome.exception, Outcome.low_quality, Outcome.flag)
LIST_KINDS = (CheckKind.sltd, CheckKind.biographic, CheckKind.face, CheckKind.fingerprint)
FACE_POSITION = "Face"
