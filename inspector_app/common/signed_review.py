"""The one canonical body of a supervisor review, signed with the reviewer's Ed25519 key.

Shared by the booth store (which signs its own reviews and checks the hub's) and the hub (which
checks what booths send), so both sign and verify exactly the same bytes:
``b"border-inspector/review/v1\\0"`` + canonical JSON (``canonical.to_json``) of exactly ``FIELDS``.
"""
from __future__ import annotations

import base64

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .canonical import to_json
from .userkeys import load_public_key

FIELDS = ("review_id", "booth_id", "check_result_id", "examination_id", "reviewer", "verdict", "reason",
          "reviewed_at")
TAG = b"border-inspector/review/v1\0"


def body(fields: dict) -> bytes:
    """The signed bytes; KeyError names a missing field, ValueError a field that is not a string."""
    missing = [k for k in FIELDS if k not in fields]
    if missing:
        raise KeyError(f"review lacks {', '.join(missing)}")
    values = {k: fields[k] for k in FIELDS}
    bad = [k for k, v in values.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f"review fields must be strings: {', '.join(bad)}")
    return TAG + to_json(values).encode("utf-8")


def sign(fields: dict, private_key: Ed25519PrivateKey) -> str:
    """Base64 Ed25519 signature of ``body(fields)``."""
    return base64.b64encode(private_key.sign(body(fields))).decode("ascii")


def verify(fields: dict, signature_b64: str, public_key_b64: str) -> bool:
    """True only when ``signature_b64`` is ``public_key_b64``'s signature of ``body(fields)``."""
    try:
        signature = base64.b64decode(str(signature_b64).encode("ascii"), validate=True)
        key = load_public_key(public_key_b64)
        key.verify(signature, body(fields))
    except (InvalidSignature, ValueError, KeyError, TypeError, UnicodeEncodeError):
        return False
    return True
