"""What the hub knows about a record: its content hash (for idempotency) and its review flags.

A record is stored once per ``record_id``; a resend with the same content is a duplicate, with
different content a conflict. Content = kind + payload in canonical JSON, so key order and
whitespace on the wire do not matter.
"""
from __future__ import annotations

import hashlib
from typing import Any

from inspector_app.common.canonical import to_json as canonical_json

# Payload keys that put an examination in the supervisor queue (see docs/CONTRACTS.md).
FLAG_KEYS = ("flags", "hits", "open_hits", "overrides", "biometric_exceptions", "low_quality_captures")
REVIEW_KIND = "review"
VERDICTS = ("confirmed", "cleared")


def content_hash(kind: str, payload: Any, payload_json: str | None = None) -> str:
    """SHA-256 over kind, a NUL, and the canonical payload JSON (pass it if already built)."""
    pj = canonical_json(payload) if payload_json is None else payload_json
    return hashlib.sha256(kind.encode("utf-8") + b"\x00" + pj.encode("utf-8")).hexdigest()


# The Store's check results that need a supervisor (inspector_app.store.store.REVIEW_OUTCOMES).
REVIEW_OUTCOMES = ("hit", "override", "exception", "low_quality")


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


def review_of(kind: str, payload: Any) -> dict | None:
    """A ``review`` record from the outbox. The Store writes ``check_result_id`` (the record id of
    the reviewed check result); ``target_record_id`` names any other queued record."""
    if kind != REVIEW_KIND or not isinstance(payload, dict):
        return None
    out = {k: payload.get(k) for k in ("reviewer", "verdict", "reason")}
    out["target_record_id"] = payload.get("target_record_id") or payload.get("check_result_id")
    return out
