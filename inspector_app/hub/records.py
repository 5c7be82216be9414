"""What the hub knows about a record: its content hash (for idempotency) and its review flags.

A record is stored once per ``record_id``; a resend with the same content is a duplicate, with
different content a conflict. Content = kind + payload in canonical JSON, so key order and
whitespace on the wire do not matter.
"""
from __future__ import annotations

import hashlib
from typing import Any

from inspector_app.common.canonical import to_json as canonical_json
from inspector_app.domain import checks

# Payload keys that put an examination in the supervisor queue (see docs/CONTRACTS.md).
FLAG_KEYS = ("flags", "hits", "open_hits", "overrides", "biometric_exceptions", "low_quality_captures")
REVIEW_KIND = "review"
VERDICTS = ("confirmed", "cleared")
RECEIPT_STATUSES = ("stored", "duplicate", "conflict", "refused")


def content_hash(kind: str, payload: Any, payload_json: str | None = None) -> str:
    """SHA-256 over kind, a NUL, and the canonical payload JSON (pass it if already built)."""
    pj = canonical_json(payload) if payload_json is None else payload_json
    return hashlib.sha256(kind.encode("utf-8") + b"\x00" + pj.encode("utf-8")).hexdigest()


# The Store's check results that need a supervisor: the same set the booth queues.
REVIEW_OUTCOMES = tuple(o.value for o in checks.REVIEW_OUTCOMES)


def flags_of(kind: str, payload: Any) -> list[str]:
    """Why a record needs a supervisor: a ``check_result`` whose outcome is a hit, override,
    biometric exception or low-quality capture; or explicit ``flags`` / non-empty hit lists."""
    if kind == REVIEW_KIND or not isinstance(payload, dict):
        return []
    flags: list[str] = []
    if kind == "check_result" and payload.get("outcome") in REVIEW_OUTCOMES:
        flags.append(f"{payload.get('kind', 'check')}:{payload['outcome']}")
    explicit = payload.get("flags")
    if isinstance(explicit, list):
        flags.extend(str(f) for f in explicit if f)
    for key in FLAG_KEYS[1:]:
        value = payload.get(key)
        if isinstance(value, (list, tuple)) and value:
            flags.append(f"{key}:{len(value)}")
    return flags


def signed_record(booth_id: str, record: dict) -> dict:
    """What a booth signs for one record (``signing.RECORD``): everything the hub stores of it,
    and the booth's id, so a record signed for one booth cannot be replayed as another's."""
    return {"booth_id": booth_id, **{k: record.get(k) for k in ("record_id", "seq", "kind", "payload", "created_at")}}


def receipt_body(booth_id: str, issued_at: str, results: list[list[str]]) -> dict:
    """What the hub signs (``signing.RECEIPT``) for one push: per record, its content hash and
    what became of it (stored, duplicate, conflict, refused)."""
    return {"booth_id": booth_id, "issued_at": issued_at, "results": results}


USERS_FORMAT = "border-inspector-users/1"
