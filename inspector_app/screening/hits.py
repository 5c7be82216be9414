"""One hit of a list check, shared by the screener and the biometric watchlist (kept apart so
that neither imports the other for it)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Hit:
    kind: str                  # sltd | biographic | face | fingerprint
    list: str
    score: float
    reasons: list[str]
    subject_id: str | None = None
    record: dict | None = None
    native: dict | None = None            # the matcher's own score (biometric hits), for audit
    position: str | None = None           # the finger the enrolment image shows (fingerprint hits)
    enrolment_image: bytes | None = None  # the watchlist's small enrolment image (JPEG), if it has one

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "list": self.list}
        if self.subject_id is not None:
            d["subject_id"] = self.subject_id
        if self.record is not None:
            d["record"] = self.record
        d["score"] = round(float(self.score), 4)
        d["reasons"] = list(self.reasons)
        if self.native is not None:
            d["native"] = dict(self.native)
        if self.position is not None:
            d["position"] = self.position
        return d
