"""The hub's own keys, made by ``hub init`` in the hub directory, and the trust file for booths.

``keys/receipt.key``   Ed25519, held by every hub process: signs push receipts, so a booth acks
                       only what the real hub confirmed (a fake hub cannot make it drop records).
``keys/seal.key``      X25519, held where ``hub import`` runs: booths encrypt USB exports to it.
``keys/admin.key``     Ed25519, the user administrator's: signs the user lists booths apply. The
                       hub processes never need it; in production it lives off the hub machine.
``hub-trust.json``     what a booth pins (``sync configure --trust``): the TLS CA and the three
                       public keys. It holds no secret.
"""
from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from inspector_app.common import signing

RECEIPT_FILE = Path("keys") / "receipt.key"
SEAL_FILE = Path("keys") / "seal.key"
ADMIN_FILE = Path("keys") / "admin.key"
ADMIN_PUBLIC_FILE = Path("keys") / "admin.pub"
CA_FILE = Path("tls") / "ca.pem"
TRUST_FILE = "hub-trust.json"
TRUST_FORMAT = "border-inspector-hub-trust/1"


class HubKeyError(ValueError):
    """A hub key or trust file that cannot be used; the message names the file."""


def _write_x25519(path: Path) -> X25519PrivateKey:
    key = X25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))
    return key


def load_seal(hub_dir: Path) -> X25519PrivateKey:
    path = Path(hub_dir) / SEAL_FILE
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise HubKeyError(f"no export-sealing key at {path} (run hub init)") from None
    if not isinstance(key, X25519PrivateKey):
        raise HubKeyError(f"{path} is not an X25519 key")
    return key


def x25519_public_b64(key: X25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def init_keys(hub_dir: Path) -> dict:
    """Make whichever of the three keys is missing (never overwrite one); returns their public halves."""
    hub_dir = Path(hub_dir)
    receipt = signing.load_or_create(hub_dir / RECEIPT_FILE)
    if (hub_dir / ADMIN_PUBLIC_FILE).exists() and not (hub_dir / ADMIN_FILE).exists():
        admin_public = (hub_dir / ADMIN_PUBLIC_FILE).read_text(encoding="ascii").strip()  # moved offline
    else:
        admin_public = signing.public_b64(signing.load_or_create(hub_dir / ADMIN_FILE))
        (hub_dir / ADMIN_PUBLIC_FILE).write_text(admin_public + "\n", encoding="ascii")
    seal = load_seal(hub_dir) if (hub_dir / SEAL_FILE).exists() else _write_x25519(hub_dir / SEAL_FILE)
    return {"receipt_key": signing.public_b64(receipt), "admin_key": admin_public,
            "seal_key": x25519_public_b64(seal)}


@dataclass(frozen=True)
class HubKeys:
    """What a running hub process holds: the receipt key (and the admin public key, to publish it)."""
    receipt: Ed25519PrivateKey

    @classmethod
    def load(cls, hub_dir: Path) -> HubKeys:
        try:
            return cls(signing.load_private(Path(hub_dir) / RECEIPT_FILE))
        except signing.SigningKeyError as exc:
            raise HubKeyError(f"{exc} (run `inspector-app hub init --dir {hub_dir}`)") from None


def load_admin(path: Path) -> Ed25519PrivateKey:
    try:
        return signing.load_private(Path(path))
    except signing.SigningKeyError as exc:
        raise HubKeyError(str(exc)) from None


def trust_document(hub_dir: Path) -> dict:
    """The booth's pins for this hub (public material only)."""
    hub_dir = Path(hub_dir)
    ca = hub_dir / CA_FILE
    if not ca.exists():
        raise HubKeyError(f"no hub CA certificate at {ca} (run hub init)")
    return {"format": TRUST_FORMAT, "ca_pem": ca.read_text(encoding="ascii"),
            "receipt_key": signing.public_b64(signing.load_private(hub_dir / RECEIPT_FILE)),
            "admin_key": (hub_dir / ADMIN_PUBLIC_FILE).read_text(encoding="ascii").strip(),
            "seal_key": x25519_public_b64(load_seal(hub_dir))}


def write_trust(hub_dir: Path) -> Path:
    path = Path(hub_dir) / TRUST_FILE
    path.write_text(json.dumps(trust_document(hub_dir), indent=1), encoding="utf-8")
    return path
