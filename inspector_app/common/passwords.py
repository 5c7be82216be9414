"""Salted scrypt password hashes for offline login, and the password policy of ``hub add-user``.

The hub hashes once at ``hub add-user``; booths receive only the hash (``GET /users``) and the
store verifies it, so hub and store share this one module (see docs/CONTRACTS.md).
Encoded form, self-describing: ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>``.

Strength: scrypt with N=2**17, r=8, p=1 (OWASP's minimum; about 128 MiB and 0.3-0.6 s per
hash). Anything weaker is refused by ``check_format`` and never verifies: a hub (or something
posing as one) that sends ``scrypt$2$...`` or a PBKDF2 hash with one iteration would otherwise
make every offline password cheap to guess from a copied booth database. Hashes are bounded
above as well, so a bad hash cannot make a login take minutes or gigabytes.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: The weakest parameters accepted (OWASP's minimum for scrypt).
MIN_N, MIN_R, MIN_P = 2**17, 8, 1
MAX_N, MAX_R, MAX_P = 2**20, 32, 16
SALT_BYTES = 16
MIN_SALT_BYTES = 16
DKLEN = 32
MIN_DKLEN = 32
MAX_MEMORY = 2**30
MAXMEM = MAX_MEMORY + 2**24

MIN_LENGTH = 12
#: The most common passwords (and their usual padded forms), refused whatever their length.
COMMON_PASSWORDS = frozenset({
    "123456", "123456789", "12345678", "1234567890", "123123", "111111", "000000", "password",
    "password1", "password123", "passw0rd", "qwerty", "qwerty123", "qwertyuiop", "abc123", "letmein",
    "welcome", "welcome1", "admin", "admin123", "administrator", "iloveyou", "monkey", "dragon",
    "football", "baseball", "sunshine", "princess", "trustno1", "superman", "master", "changeme",
    "secret", "login", "starwars", "whatever", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "asdfghjkl",
    "qwerty12345", "password1234", "passwordpassword", "correcthorsebatterystaple", "inspector",
    "supervisor", "immigration", "borderinspector",
})


class WeakHash(ValueError):
    """A well-formed hash whose parameters are below the policy (or not scrypt at all)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _check_params(n: int, r: int, p: int) -> None:
    if n < 2 or n & (n - 1) or n > MAX_N or not 1 <= r <= MAX_R or not 1 <= p <= MAX_P or 128 * n * r > MAX_MEMORY:
        raise ValueError(f"scrypt parameters n={n} r={r} p={p} are out of range")
    if n < MIN_N or r < MIN_R or p < MIN_P:
        raise WeakHash(
            f"scrypt with n={n} r={r} p={p} is weaker than the minimum n={MIN_N} r={MIN_R} p={MIN_P}: "
            "the password must be set again at the hub (`inspector-app hub add-user`)"
        )


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A new salted hash; parameters below the minimum are refused (``WeakHash``)."""
    if not isinstance(password, str) or not password:
        raise ValueError("a password must be a non-empty string")
    _check_params(n, r, p)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAXMEM, dklen=DKLEN)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def check_format(encoded: str) -> None:
    """Raise ValueError unless ``encoded`` is a hash this module accepts; ``WeakHash`` (a
    ValueError) says when it is well formed but too weak (PBKDF2, or scrypt below the minimum)."""
    _parse(encoded)


def _parse(encoded: str):
    parts = str(encoded).split("$")
    if parts[0] == "pbkdf2_sha256":
        raise WeakHash("PBKDF2 password hashes are no longer accepted (scrypt only): the password must be set "
                       "again at the hub (`inspector-app hub add-user`)")
    if parts[0] == "scrypt" and len(parts) == 6:
        try:
            n, r, p = (int(x) for x in parts[1:4])
            salt, digest = _unb64(parts[4]), _unb64(parts[5])
        except ValueError:
            pass
        else:
            _check_params(n, r, p)
            if len(salt) < MIN_SALT_BYTES or not MIN_DKLEN <= len(digest) <= 64:
                raise ValueError(f"scrypt hash needs a salt of at least {MIN_SALT_BYTES} bytes and a "
                                 f"{MIN_DKLEN}-64 byte key")
            return (n, r, p), salt, digest
    raise ValueError("password hash is not in scrypt$n$r$p$salt$hash form")


def verify_password(password: str, encoded: str) -> bool:
    """Constant-time comparison of the derived key with the stored one; False for a wrong
    password and for a hash this module does not accept (``check_format`` says why)."""
    try:
        (n, r, p), salt, expected = _parse(encoded)
    except ValueError:
        return False
    derived = hashlib.scrypt(str(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAXMEM,
                             dklen=len(expected))
    return hmac.compare_digest(derived, expected)


# Checked against when the user does not exist, so both paths cost the same.
_DUMMY = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(b'0' * SALT_BYTES)}${_b64(b'1' * DKLEN)}"


def burn_time(password: str) -> None:
    verify_password(password, _DUMMY)


def password_problems(password: str, user: str = "") -> list[str]:
    """What makes ``password`` unacceptable for a new account (empty list: acceptable).

    At least ``MIN_LENGTH`` characters, not digits only, not one character repeated, not the user
    name (nor containing it), not one of the most common passwords.
    """
    if not isinstance(password, str) or not password:
        return ["the password is empty"]
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"the password has {len(password)} characters; at least {MIN_LENGTH} are needed")
    if password.isdigit():
        problems.append("the password is only digits")
    if len(set(password)) == 1:
        problems.append("the password is one character repeated")
    name = (user or "").strip().casefold()
    if name and (password.casefold() == name or (len(name) >= 3 and name in password.casefold())):
        problems.append("the password contains the user name")
    folded = password.casefold()
    if folded in COMMON_PASSWORDS or folded.rstrip("0123456789!?.") in COMMON_PASSWORDS:
        problems.append("the password is one of the most common passwords")
    return problems
