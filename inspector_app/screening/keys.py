"""Ed25519 keys for list bundles: the hub signs, booths trust public keys in ``home/trust/``."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNING_FILE = "signing_key.pem"
PUBLIC_FILE = "public_key.pem"


class KeyFileError(ValueError):
    """A key file that cannot be used, with the reason."""


def key_id(public: Ed25519PublicKey) -> str:
    """First 16 hex digits of SHA-256 over the raw 32-byte public key."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate(out_dir: Path) -> dict:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    signing, public = out_dir / SIGNING_FILE, out_dir / PUBLIC_FILE
    if signing.exists():
        raise KeyFileError(f"{signing} already exists; refusing to overwrite a signing key")
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(signing, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    public.write_bytes(private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return {"key_id": key_id(private.public_key()), "signing_key": str(signing), "public_key": str(public)}


def load_signing(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except FileNotFoundError:
        raise KeyFileError(f"signing key {path} not found") from None
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(f"{path} is not an unencrypted PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key")
    return key


def load_public(data: bytes, name: str = "public key") -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(f"{name} is not a PEM public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{name} is not an Ed25519 public key")
    return key


def trust_dir(home: Path) -> Path:
    return Path(home) / "trust"


def trust_add(home: Path, pubkey_file: Path) -> dict:
    try:
        data = Path(pubkey_file).read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"public key file {pubkey_file} not found") from None
    public = load_public(data, str(pubkey_file))
    kid = key_id(public)
    d = trust_dir(home)
    d.mkdir(parents=True, exist_ok=True)
    target = d / f"{kid}.pem"
    tmp = d / f".{kid}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return {"key_id": kid, "path": str(target)}


def load_trusted(home: Path) -> dict[str, Ed25519PublicKey]:
    out = {}
    d = trust_dir(home)
    if d.is_dir():
        for p in sorted(d.glob("*.pem")):
            key = load_public(p.read_bytes(), str(p))
            out[key_id(key)] = key
    return out


def as_trusted(trusted) -> dict[str, Ed25519PublicKey]:
    """Accept a home/trust directory, a mapping id -> key, or an iterable of keys / PEM bytes."""
    if isinstance(trusted, (str, Path)):
        p = Path(trusted)
        return load_trusted(p.parent if p.name == "trust" else p)
    if isinstance(trusted, Mapping):
        return dict(trusted)
    out = {}
    for item in trusted if isinstance(trusted, Iterable) else ():
        key = load_public(item) if isinstance(item, (bytes, bytearray)) else item
        out[key_id(key)] = key
    return out


def sltd_list_key(private: Ed25519PrivateKey) -> bytes:
    """Secret for keyed SLTD hashes, derived from the signing key so every bundle from one
    signer (full or delta) hashes document numbers the same way."""
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return hashlib.blake2b(raw, digest_size=16, person=b"sltd-list-key").digest()
