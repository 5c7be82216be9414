"""Captures at rest: one AES-GCM file per passport, found by a keyed hash of the passport.

The key is a random 32 bytes wrapped by this machine's secret (``store.keys.FileKeyProvider``,
as a booth's database key is), so a copy of the station's disk without the machine secret reads
nothing. File names are an HMAC of document number and nationality: the folder does not list who
queued. A capture is kept until it expires; an expired one is deleted when it is next looked at,
and ``purge`` deletes every expired one, so nothing expired is ever served.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from inspector_app.biocart.capture import parse_time, passport_key
from inspector_app.store.keys import FileKeyProvider

KEY_FILE = "vault.key"
SUFFIX = ".capture"
_AD = b"border-inspector/biocart-vault/v1\0"


class VaultError(RuntimeError):
    """A capture file that cannot be read with this station's key (copied, altered)."""


class Vault:
    def __init__(self, folder: Path, machine_secret: Path | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._key = FileKeyProvider(self.folder / KEY_FILE, machine_secret).get_key(create=True)

    def _path(self, document_number: str, nationality: str) -> Path:
        number, nationality = passport_key(document_number, nationality)
        name = hmac.new(self._key, f"{number}\0{nationality}".encode(), hashlib.sha256).hexdigest()
        return self.folder / (name + SUFFIX)

    def put(self, doc: dict) -> None:
        """Keep ``doc`` (a signed capture in wire form), replacing this passport's earlier one."""
        body = doc["capture"]
        path = self._path(body["document_number"], body["nationality"])
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self._key).encrypt(nonce, json.dumps(doc).encode("utf-8"), _AD + path.name.encode())
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(nonce + sealed)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def _read(self, path: Path) -> dict:
        raw = path.read_bytes()
        try:
            return json.loads(AESGCM(self._key).decrypt(raw[:12], raw[12:], _AD + path.name.encode()))
        except (InvalidTag, ValueError) as exc:
            raise VaultError(f"{path} does not decrypt with this station's key") from exc

    def get(self, document_number: str, nationality: str, now: dt.datetime) -> dict | None:
        """This passport's capture, or None; an expired one is deleted instead."""
        path = self._path(document_number, nationality)
        try:
            doc = self._read(path)
        except FileNotFoundError:
            return None
        if _expired(doc, now):
            path.unlink(missing_ok=True)
            return None
        return doc

    def purge(self, now: dt.datetime) -> int:
        """Delete every expired capture (and any this key cannot read); how many went."""
        gone = 0
        for path in self.folder.glob("*" + SUFFIX):
            try:
                expired = _expired(self._read(path), now)
            except (VaultError, FileNotFoundError):
                expired = True
            if expired:
                path.unlink(missing_ok=True)
                gone += 1
        return gone

    def count(self) -> int:
        return sum(1 for _ in self.folder.glob("*" + SUFFIX))


def _expired(doc: dict, now: dt.datetime) -> bool:
    try:
        return now >= parse_time(doc["capture"]["expires_at"])
    except (KeyError, TypeError, ValueError):
        return True
