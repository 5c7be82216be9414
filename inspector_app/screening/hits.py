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

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "list": self.list}
        if self.subject_id is not None:
            d["subject_id"] = self.subject_id
        if self.record is not None:
            d["record"] = self.record
        d["score"] = round(float(self.score), 4)
        d["reasons"] = list(self.reasons)
        return d
