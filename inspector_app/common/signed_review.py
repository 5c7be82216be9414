"""The one canonical body of a supervisor's review, signed with the supervisor's own key.

Shared by the booth's store (which signs at review time and verifies reviews pulled from the hub)
and the hub (which verifies before a review closes a queue item).
"""
from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.common.canonical import to_json

TAG = b"border-inspector/review/v1\x00"
FIELDS = ("review_id", "booth_id", "check_result_id", "examination_id", "reviewer", "verdict", "reason",
          "reviewed_at")


def body(fields: dict) -> bytes:
    return TAG + to_json({k: fields.get(k) for k in FIELDS}).encode("utf-8")


def sign(fields: dict, private_key: Ed25519PrivateKey) -> str:
    return base64.b64encode(private_key.sign(body(fields))).decode("ascii")


def verify(fields: dict, signature_b64, public_key_b64) -> bool:
    try:
        raw = base64.b64decode(str(public_key_b64).encode("ascii"), validate=True)
        key = Ed25519PublicKey.from_public_bytes(raw)
        key.verify(base64.b64decode(str(signature_b64).encode("ascii"), validate=True), body(fields))
    except (InvalidSignature, ValueError, binascii.Error, UnicodeEncodeError, TypeError):
        return False
    return True
