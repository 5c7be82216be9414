"""Ed25519 signatures over canonical JSON, with a tag per kind of message.

Booth records, hub receipts, user lists and supervisor and inspector proofs are all signed the same way: the
signed bytes are ``tag NUL canonical-JSON``. The tag (domain separation) makes a signature made
for one kind of message useless as another: a receipt can never pass as a user list. Public keys
travel as base64 of the raw 32 bytes.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.common.canonical import to_json

RECORD = "border-inspector/record/v1"
RECEIPT = "border-inspector/receipt/v1"
USERS = "border-inspector/users/v1"
SUPERVISOR_PROOF = "border-inspector/supervisor-proof/v1"
#: an inspector's proof for one look-up (``GET /landings``): signed over the document it asks for
LANDING_PROOF = "border-inspector/landing-proof/v1"
#: An inspector's authorisation of one encounter search (this examination, these templates).
ENCOUNTER_SEARCH = "border-inspector/encounter-search/v1"
#: An inspector's proof for copying the port's recent encounters to the booth (offline search).
ENCOUNTER_COPY = "border-inspector/encounter-copy/v1"
EXPORT = "border-inspector/export/v1"


def encounter_search_value(user: str, at: str, booth_id: str, examination_id: str, templates: dict) -> dict:
    """What an inspector signs (``ENCOUNTER_SEARCH``) to search earlier encounters: the booth,
    the examination, and the digest of exactly the templates searched, so the signature serves
    a search deferred while offline and no other traveller's."""
    digest = hashlib.sha256(to_json(templates).encode("utf-8")).hexdigest()
    return {"user": user, "at": at, "booth_id": booth_id, "examination_id": examination_id, "probe_sha256": digest}


class SigningKeyError(ValueError):
    """A key that cannot be used; the message says which and why."""


def message(tag: str, value: Any) -> bytes:
    return tag.encode("ascii") + b"\x00" + to_json(value).encode("utf-8")


def sign(key: Ed25519PrivateKey, tag: str, value: Any) -> str:
    return base64.b64encode(key.sign(message(tag, value))).decode("ascii")


def verify(public: Ed25519PublicKey | str | None, tag: str, value: Any, signature: Any) -> bool:
    """True only for a well-formed signature by ``public`` over exactly this tagged value."""
    if public is None or not isinstance(signature, str):
        return False
    try:
        key = public if isinstance(public, Ed25519PublicKey) else public_from_b64(public)
        key.verify(base64.b64decode(signature.encode("ascii"), validate=True), message(tag, value))
    except (InvalidSignature, ValueError, binascii.Error, UnicodeEncodeError, SigningKeyError):
        return False
    return True


def public_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()


def public_from_b64(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(str(text).encode("ascii"), validate=True)
        if len(raw) != 32:
            raise ValueError
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error, UnicodeEncodeError):
        raise SigningKeyError("not a base64 Ed25519 public key (32 raw bytes)") from None


def write_private(path: Path, key: Ed25519PrivateKey | None = None) -> Ed25519PrivateKey:
    """Write a new (or the given) private key as PEM, mode 0600, never over an existing file."""
    key = key or Ed25519PrivateKey.generate()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    return key


def load_private(path: Path) -> Ed25519PrivateKey:
    path = Path(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise SigningKeyError(f"key file {path} not found") from None
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise SigningKeyError(f"{path} is not an unencrypted PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 key")
    return key


def load_or_create(path: Path) -> Ed25519PrivateKey:
    path = Path(path)
    return load_private(path) if path.exists() else write_private(path)
