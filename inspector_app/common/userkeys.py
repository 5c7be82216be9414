"""Users' review-signing keys: an Ed25519 key pair per user, the private half wrapped by the
user's password, so the hub and the booths store it without being able to use it.

``new_user_key(password)`` makes a key pair; ``unwrap(wrapped_key, public_key, password)`` gives
the private key back. The wrapped form is self-describing:
``scrypt-chacha20poly1305$<n>$<r>$<p>$<salt b64>$<nonce b64>$<ciphertext b64>``; the key that
encrypts is scrypt(password, salt) with the same minimum as password hashes
(``passwords.MIN_N``...), and the associated data is the public key, so a wrapped key cannot be
paired with another user's public key.
"""
from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from . import passwords

SCHEME = "scrypt-chacha20poly1305"
_AD_TAG = b"border-inspector/user-key/v1\0"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return _b64(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_public_key(public_key: str) -> Ed25519PublicKey:
    """The key from its base64 raw form; ValueError when it is not one."""
    try:
        raw = _unb64(public_key)
    except (ValueError, UnicodeEncodeError, TypeError):
        raise ValueError("public key is not base64") from None
    if len(raw) != 32:
        raise ValueError("public key is not a 32-byte Ed25519 key")
    return Ed25519PublicKey.from_public_bytes(raw)


def _kek(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=passwords.MAXMEM, dklen=32)


def new_user_key(password: str) -> dict:
    """``{"public_key": base64 raw Ed25519 public key, "wrapped_key": the private key wrapped by
    ``password``}``."""
    if not isinstance(password, str) or not password:
        raise ValueError("a password must be a non-empty string")
    private = Ed25519PrivateKey.generate()
    public = public_key_b64(private)
    n, r, p = passwords.SCRYPT_N, passwords.SCRYPT_R, passwords.SCRYPT_P
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    sealed = ChaCha20Poly1305(_kek(password, salt, n, r, p)).encrypt(nonce, raw, _AD_TAG + public.encode("ascii"))
    return {"public_key": public,
            "wrapped_key": f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(nonce)}${_b64(sealed)}"}


def check_wrapped(wrapped_key: str) -> None:
    """ValueError unless ``wrapped_key`` is in the form above with acceptable parameters."""
    _parse(wrapped_key)


def _parse(wrapped_key: str):
    parts = str(wrapped_key).split("$")
    if len(parts) != 7 or parts[0] != SCHEME:
        raise ValueError(f"wrapped key is not in {SCHEME}$n$r$p$salt$nonce$ciphertext form")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, nonce, sealed = (_unb64(x) for x in parts[4:7])
    except ValueError:
        raise ValueError(f"wrapped key is not in {SCHEME}$n$r$p$salt$nonce$ciphertext form") from None
    passwords._check_params(n, r, p)  # same bounds and minimum as password hashes
    if len(salt) < 16 or len(nonce) != 12 or len(sealed) != 32 + 16:
        raise ValueError("wrapped key has a wrong salt, nonce or ciphertext length")
    return (n, r, p), salt, nonce, sealed


def unwrap(wrapped_key: str, public_key: str, password: str) -> Ed25519PrivateKey:
    """The private key; ValueError for a wrong password, a tampered or mismatched wrapped key."""
    (n, r, p), salt, nonce, sealed = _parse(wrapped_key)
    load_public_key(public_key)
    try:
        raw = ChaCha20Poly1305(_kek(str(password), salt, n, r, p)).decrypt(
            nonce, sealed, _AD_TAG + str(public_key).encode("ascii"))
    except InvalidTag:
        raise ValueError("wrong password, or the wrapped key was altered or belongs to another public key") from None
    private = Ed25519PrivateKey.from_private_bytes(raw)
    if public_key_b64(private) != public_key:
        raise ValueError("the unwrapped key does not belong to this public key")
    return private
