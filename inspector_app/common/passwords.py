"""Salted password hashes for offline login (scrypt from hashlib; PBKDF2 hashes also accepted).

The hub hashes once at ``hub add-user``; booths receive only the hash (``GET /users``) and the
store verifies it, so hub and store share this one module (see docs/CONTRACTS.md).
Encoded form, self-describing so parameters can grow later:
``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>`` or ``pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>``.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
DKLEN = 32
MAXMEM = 2**30 + 2**24


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    if not isinstance(password, str) or not password:
        raise ValueError("a password must be a non-empty string")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAXMEM, dklen=DKLEN)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def check_format(encoded: str) -> None:
    """Raise ValueError unless ``encoded`` is a hash this module can verify."""
    _parse(encoded)


def _parse(encoded: str):
    parts = str(encoded).split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = (int(x) for x in parts[1:4])
            # bounded, so a bad hash from upstream cannot make a login take minutes or gigabytes
            if n < 2 or n & (n - 1) or n > 2**20 or not 1 <= r <= 32 or not 1 <= p <= 16 or 128 * n * r > 2**30:
                raise ValueError
            return ("scrypt", (n, r, p), _unb64(parts[4]), _unb64(parts[5]))
        if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            iterations = int(parts[1])
            if not 1 <= iterations <= 10_000_000:
                raise ValueError
            return ("pbkdf2_sha256", (iterations,), _unb64(parts[2]), _unb64(parts[3]))
    except ValueError:
        pass
    raise ValueError("password hash is not in scrypt$... or pbkdf2_sha256$... form")


def _derive(scheme: str, params: tuple, password: str, salt: bytes, dklen: int) -> bytes:
    if scheme == "scrypt":
        n, r, p = params
        return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAXMEM, dklen=dklen)
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, params[0], dklen=dklen)


def verify_password(password: str, encoded: str) -> bool:
    """Constant-time comparison of the derived key with the stored one; False for a wrong
    password and for a hash that is not in a form this module writes (``check_format`` says why)."""
    try:
        scheme, params, salt, expected = _parse(encoded)
    except ValueError:
        return False
    derived = _derive(scheme, params, str(password), salt, len(expected))
    return hmac.compare_digest(derived, expected)


# Checked against when the user does not exist, so both paths cost the same.
_DUMMY = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(b'0' * SALT_BYTES)}${_b64(b'1' * DKLEN)}"


def burn_time(password: str) -> None:
    verify_password(password, _DUMMY)
