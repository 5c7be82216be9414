"""The offline outbox file carried on removable media from an air-gapped booth to the hub.

One JSON file per export: ``outbox-<booth>-<first_seq>-<last_seq>.json``. When the booth has a
credential (the normal case) the records are **encrypted and authenticated** with AES-256-GCM
under a key derived (HKDF-SHA256) from the credential hash that the hub stores: a lost USB stick
reveals no traveller data, and an edited, truncated or forged file fails authentication. A booth
without a credential writes plain records with a SHA-256 (corruption check only), which the hub
imports only when told to (``--allow-unsigned``).

Import on the hub goes through the same idempotent ``put_records`` as HTTP push, so importing a
file twice, or importing records that were also pushed, stores each record exactly once. Import
files before re-registering a booth: a new credential cannot open files written under the old one.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from inspector_app.common.canonical import to_json as canonical_json
from inspector_app.hub import credentials

FORMAT = "border-inspector-outbox/1"
CIPHER = "aes-256-gcm+hkdf-sha256"


class OutboxFileError(ValueError):
    """An export file that must not be imported; the message names the file and the reason."""


def _key(credential_hash: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"border-inspector outbox export v1").derive(bytes.fromhex(credential_hash))


def _aad(booth_id: str, exported_at: str, count: int) -> bytes:
    return canonical_json({"format": FORMAT, "booth_id": booth_id, "exported_at": exported_at,
                           "count": count}).encode("utf-8")


def write(out_dir: Path, booth_id: str, exported_at: str, records: list[dict],
          credential_hash: str | None) -> Path:
    """Write atomically and fsync, so a file that exists is complete."""
    credentials.check_booth_id(booth_id)
    body = canonical_json(records).encode("utf-8")
    doc: dict = {"format": FORMAT, "booth_id": booth_id, "exported_at": exported_at, "count": len(records)}
    if credential_hash:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        sealed = AESGCM(_key(credential_hash)).encrypt(nonce, body, _aad(booth_id, exported_at, len(records)))
        doc.update(cipher=CIPHER, nonce=base64.b64encode(nonce).decode(), ciphertext=base64.b64encode(sealed).decode())
    else:
        doc.update(cipher=None, sha256=hashlib.sha256(body).hexdigest(), records=records)
    out_dir.mkdir(parents=True, exist_ok=True)
    seqs = [r.get("seq") for r in records if r.get("seq") is not None]
    name = f"outbox-{booth_id}-{min(seqs) if seqs else 0}-{max(seqs) if seqs else 0}.json"
    final = out_dir / name
    tmp = out_dir / f".{name}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    try:
        dfd = os.open(out_dir, os.O_RDONLY)
        os.fsync(dfd)
        os.close(dfd)
    except OSError:
        pass  # some removable-media filesystems refuse directory fsync
    return final


def read(path: Path, credential_hash_for) -> dict:
    """Parse, authenticate and decrypt one file. ``credential_hash_for(booth_id)`` -> stored hash
    or None. Returns the header fields plus ``records`` and ``signed`` (authenticated or not)."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OutboxFileError(f"{path}: unreadable or truncated outbox file ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise OutboxFileError(f"{path}: not a {FORMAT} file")
    try:
        booth_id, exported_at, count = doc["booth_id"], doc["exported_at"], doc["count"]
    except KeyError as exc:
        raise OutboxFileError(f"{path}: missing field {exc}") from exc
    key = credential_hash_for(booth_id)
    if key is None:
        raise OutboxFileError(f"{path}: booth {booth_id!r} is not registered on this hub")
    if doc.get("cipher") == CIPHER:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            body = AESGCM(_key(key)).decrypt(base64.b64decode(doc["nonce"]), base64.b64decode(doc["ciphertext"]),
                                             _aad(booth_id, exported_at, count))
        except (InvalidTag, KeyError, ValueError) as exc:
            raise OutboxFileError(f"{path}: does not authenticate under booth {booth_id}'s credential "
                                  "(edited, truncated, forged, or written before the booth was re-registered)") from exc
        records, signed = json.loads(body), True
    elif doc.get("cipher") is None and "records" in doc:
        records, signed = doc["records"], False
        body = canonical_json(records).encode("utf-8")
        if hashlib.sha256(body).hexdigest() != doc.get("sha256"):
            raise OutboxFileError(f"{path}: checksum mismatch (corrupted or edited)")
    else:
        raise OutboxFileError(f"{path}: unknown cipher {doc.get('cipher')!r}")
    if not isinstance(records, list) or len(records) != count:
        raise OutboxFileError(f"{path}: record count does not match the header")
    for r in records:
        if not isinstance(r, dict) or not {"record_id", "kind", "payload"} <= r.keys():
            raise OutboxFileError(f"{path}: a record lacks record_id/kind/payload")
    return {"booth_id": booth_id, "exported_at": exported_at, "count": count, "records": records, "signed": signed}
