"""What the hub knows about a record: its content hash (for idempotency) and its review flags.

A record is stored once per ``record_id``; a resend with the same content is a duplicate, with
different content a conflict. Content = kind + payload in canonical JSON, so key order and
whitespace on the wire do not matter.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

# Payload keys that put an examination in the supervisor queue (see docs/CONTRACTS.md).
FLAG_KEYS = ("flags", "hits", "open_hits", "overrides", "biometric_exceptions", "low_quality_captures")
REVIEW_KIND = "review"
VERDICTS = ("confirmed", "cleared")


def canonical_json(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def content_hash(kind: str, payload: Any) -> str:
    return hashlib.sha256(canonical_json({"kind": kind, "payload": payload}).encode("utf-8")).hexdigest()


def flags_of(kind: str, payload: Any) -> list[str]:
    """Why a record needs a supervisor: explicit ``flags`` plus any non-empty hit/override lists."""
    if kind == REVIEW_KIND or not isinstance(payload, dict):
        return []
    flags: list[str] = []
    explicit = payload.get("flags")
    if isinstance(explicit, list):
        flags.extend(str(f) for f in explicit if f)
    for key in FLAG_KEYS[1:]:
        value = payload.get(key)
        if isinstance(value, (list, tuple)) and value:
            flags.append(f"{key}:{len(value)}")
    return flags


def review_of(kind: str, payload: Any) -> dict | None:
    """A ``review`` record posted through the outbox: ``{target_record_id, reviewer, verdict, reason}``."""
    if kind != REVIEW_KIND or not isinstance(payload, dict):
        return None
    return {k: payload.get(k) for k in ("target_record_id", "reviewer", "verdict", "reason")}
