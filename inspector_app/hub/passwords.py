"""Password hashes a booth can check offline: ``scrypt$n$r$p$salt_b64$hash_b64``.

The hub hashes once at ``hub add-user``; booths receive only the hash (``GET /users``) and verify
with the same function, so one format is shared by hub and store (see docs/CONTRACTS.md).
Only hashlib is used, so the store may import this module without pulling in the hub.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

N, R, P, DKLEN = 2**14, 8, 1, 32
PREFIX = "scrypt"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    if not password:
        raise ValueError("password must not be empty")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=DKLEN)
    return f"{PREFIX}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches ``encoded``; False for a wrong password or a malformed hash."""
    try:
        scheme, n, r, p, salt_b64, hash_b64 = encoded.split("$")
        if scheme != PREFIX:
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
        n_i, r_i, p_i = int(n), int(r), int(p)
    except (ValueError, AttributeError):
        return False
    if n_i < 2 or n_i & (n_i - 1) or n_i > 2**20 or not (1 <= r_i <= 32) or not (1 <= p_i <= 16):
        return False  # refuse absurd parameters instead of burning memory on a hostile hash
    got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n_i, r=r_i, p=p_i,
                         dklen=len(expected), maxmem=256 * 1024 * 1024)
    return hmac.compare_digest(got, expected)
