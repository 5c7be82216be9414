"""What a booth pins about its hub, and the booth's own signing key.

``home/sync/hub-trust.json`` (installed by ``sync configure --trust FILE``, made by ``hub init``):
the hub's TLS CA (the only CA the booth accepts for the hub: the system trust store is not
used), the receipt key (push receipts), the administrator's key (user lists) and the key USB
exports are encrypted to. ``home/sync/booth.key`` is the booth's Ed25519 key, made on the booth
and never sent anywhere: every record it pushes or exports is signed with it.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from inspector_app.common import signing
from inspector_app.sync.config import sync_dir

TRUST_FILE = "hub-trust.json"
TRUST_FORMAT = "border-inspector-hub-trust/1"
BOOTH_KEY_FILE = "booth.key"


class TrustError(ValueError):
    """The booth has no usable pins for its hub; the message says which command fixes it."""


@dataclass(frozen=True)
class HubTrust:
    ca_pem: str
    receipt_key: Ed25519PublicKey
    admin_key: Ed25519PublicKey
    seal_key: X25519PublicKey

    @classmethod
    def from_document(cls, doc: dict, where: str = "trust file") -> HubTrust:
        if not isinstance(doc, dict) or doc.get("format") != TRUST_FORMAT:
            raise TrustError(f"{where} is not a hub trust file ({TRUST_FORMAT})")
        try:
            ca = str(doc["ca_pem"])
            ssl.create_default_context(cadata=ca)  # a CA that does not load is refused now, not at sync
            seal_raw = base64.b64decode(str(doc["seal_key"]), validate=True)
            return cls(ca_pem=ca, receipt_key=signing.public_from_b64(doc["receipt_key"]),
                       admin_key=signing.public_from_b64(doc["admin_key"]),
                       seal_key=X25519PublicKey.from_public_bytes(seal_raw))
        except (KeyError, ValueError, binascii.Error, ssl.SSLError) as exc:
            raise TrustError(f"{where} is damaged or incomplete: {exc}") from None

    def ssl_context(self) -> ssl.SSLContext:
        """Trust this CA only, TLS 1.2 or newer, host name checked."""
        ctx = ssl.create_default_context(cadata=self.ca_pem)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        return ctx


def install_trust(home: Path, source: Path) -> HubTrust:
    source = Path(source)
    try:
        doc = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrustError(f"cannot read the hub trust file {source}: {exc}") from None
    trust = HubTrust.from_document(doc, str(source))
    path = sync_dir(home) / TRUST_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return trust


def load_trust(home: Path) -> HubTrust:
    path = sync_dir(home) / TRUST_FILE
    if not path.exists():
        raise TrustError("this booth does not know its hub's keys: run `inspector-app sync configure "
                         "--trust hub-trust.json` with the file `hub init` made")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrustError(f"cannot read {path}: {exc}") from None
    return HubTrust.from_document(doc, str(path))


def booth_key(home: Path) -> Ed25519PrivateKey:
    """The booth's signing key, made on first use (mode 0600)."""
    return signing.load_or_create(sync_dir(home) / BOOTH_KEY_FILE)
