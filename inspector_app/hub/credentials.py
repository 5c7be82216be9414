"""Per-booth credentials: ``<booth_id>.<secret>``, issued once, stored on the hub only as a hash.

The secret is 32 random bytes, so a plain SHA-256 is enough (no dictionary to attack); comparison
is constant-time. The same hash keys the MAC of offline outbox exports (sync.export), so the hub
can check a USB file came from the booth without ever storing the secret.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

BOOTH_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class CredentialError(ValueError):
    """A credential or booth id that cannot be used; the message says why."""


def check_booth_id(booth_id: str) -> str:
    if not isinstance(booth_id, str) or not BOOTH_ID_RE.match(booth_id):
        raise CredentialError(
            f"invalid booth id {booth_id!r}: use 1-64 letters, digits, '-' or '_'")
    return booth_id


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def make_token(booth_id: str, secret: str) -> str:
    return f"{check_booth_id(booth_id)}.{secret}"


def split_token(token: str) -> tuple[str, str]:
    """``booth.secret`` -> (booth, secret); the secret alphabet has no '.', booth ids neither."""
    token = (token or "").strip()
    booth_id, sep, secret = token.rpartition(".")
    if not sep or not booth_id or not secret:
        raise CredentialError("credential must look like <booth_id>.<secret>")
    return check_booth_id(booth_id), secret


def matches(secret: str, stored_hash: str | None) -> bool:
    """Constant-time check; an unknown booth still costs one hash and one compare."""
    got = secret_hash(secret)
    return hmac.compare_digest(got, stored_hash or "0" * 64) and stored_hash is not None


def mac(key_hash: str, body: bytes) -> str:
    """HMAC-SHA256 keyed by the stored credential hash (see module docstring)."""
    return hmac.new(key_hash.encode("ascii"), body, hashlib.sha256).hexdigest()
