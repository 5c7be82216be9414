"""The offline outbox file carried on removable media from an air-gapped booth to the hub.

One JSON file per export: ``outbox-<booth>-<first_seq>-<last_seq>.json``. The records (each
already signed with the booth's key, exactly as a push would send them) are **encrypted to the
hub's export key** (X25519 with a fresh ephemeral key per file, HKDF-SHA256, AES-256-GCM) and
the file is **signed with the booth's Ed25519 key**. So a lost USB stick reveals no traveller
data; nothing stored in the hub's database can decrypt or forge a file (the decryption key is
``keys/seal.key`` in the hub directory, the signing key never leaves the booth); an edited,
truncated, swapped or forged file fails the signature before anything is decrypted.

Import on the hub goes through the same idempotent ``put_records`` as HTTP push (which checks
every record's own signature again), so importing a file twice, or importing records that were
also pushed, stores each record exactly once. Reads are bounded (``MAX_FILE_BYTES``).
"""
from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.common import signing
from inspector_app.common.canonical import to_json as canonical_json
from inspector_app.hub import credentials

FORMAT = "border-inspector-outbox/2"
CIPHER = "x25519-hkdf-sha256-aes-256-gcm"
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_RECORDS = 20000


class OutboxFileError(ValueError):
    """An export file that must not be imported; the message names the file and the reason."""


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _key(shared: bytes, epk: bytes, hub_pub: bytes, booth_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + hub_pub,
                info=b"border-inspector outbox export v2\x00" + booth_id.encode()).derive(shared)


def _header(doc: dict) -> dict:
    """What the booth signs and the cipher authenticates: everything but the signature."""
    return {k: doc[k] for k in ("format", "cipher", "booth_id", "exported_at", "count", "epk", "nonce", "ciphertext")}


def write(out_dir: Path, booth_id: str, exported_at: str, records: list[dict], booth_key: Ed25519PrivateKey,
          hub_seal: X25519PublicKey) -> Path:
    """Write atomically and fsync, so a file that exists is complete."""
    credentials.check_booth_id(booth_id)
    eph = X25519PrivateKey.generate()
    epk = _raw(eph.public_key())
    key = _key(eph.exchange(hub_seal), epk, _raw(hub_seal), booth_id)
    nonce = os.urandom(12)
    aad = canonical_json({"format": FORMAT, "booth_id": booth_id, "exported_at": exported_at,
                          "count": len(records)}).encode("utf-8")
    sealed = AESGCM(key).encrypt(nonce, canonical_json(records).encode("utf-8"), aad)
    doc = {"format": FORMAT, "cipher": CIPHER, "booth_id": booth_id, "exported_at": exported_at,
           "count": len(records), "epk": base64.b64encode(epk).decode(), "nonce": base64.b64encode(nonce).decode(),
           "ciphertext": base64.b64encode(sealed).decode()}
    doc["signature"] = signing.sign(booth_key, signing.EXPORT, _header(doc))
    out_dir.mkdir(parents=True, exist_ok=True)
    seqs = [r.get("seq") for r in records if r.get("seq") is not None]
    name = f"outbox-{booth_id}-{min(seqs) if seqs else 0}-{max(seqs) if seqs else 0}.json"
    final = out_dir / name
    tmp = out_dir / f".{name}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
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


def read(path: Path, booth_key_of, hub_seal: X25519PrivateKey) -> dict:
    """Check the booth's signature, then decrypt. ``booth_key_of(booth_id)`` -> the booth's
    registered public key (base64) or None. Returns the header fields plus ``records``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise OutboxFileError(f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit of an export file")
        with open(path, "rb") as fh:
            doc = json.loads(fh.read(MAX_FILE_BYTES + 1).decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OutboxFileError(f"{path}: unreadable or truncated outbox file ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise OutboxFileError(f"{path}: not a {FORMAT} file (an export from an older booth must be re-exported)")
    try:
        header = _header(doc)
        booth_id, count = str(header["booth_id"]), header["count"]
    except KeyError as exc:
        raise OutboxFileError(f"{path}: missing field {exc}") from exc
    if not isinstance(count, int) or not 0 <= count <= MAX_RECORDS:
        raise OutboxFileError(f"{path}: record count {count!r} out of range")
    public = booth_key_of(booth_id)
    if public is None:
        raise OutboxFileError(f"{path}: booth {booth_id!r} is not registered on this hub with a signing key")
    if not signing.verify(public, signing.EXPORT, header, doc.get("signature")):
        raise OutboxFileError(f"{path}: not signed by booth {booth_id}'s key (edited, truncated or forged)")
    try:
        epk = base64.b64decode(header["epk"], validate=True)
        key = _key(hub_seal.exchange(X25519PublicKey.from_public_bytes(epk)), epk, _raw(hub_seal.public_key()),
                   booth_id)
        aad = canonical_json({"format": FORMAT, "booth_id": booth_id, "exported_at": header["exported_at"],
                              "count": count}).encode("utf-8")
        body = AESGCM(key).decrypt(base64.b64decode(header["nonce"], validate=True),
                                   base64.b64decode(header["ciphertext"], validate=True), aad)
    except (InvalidTag, ValueError, binascii.Error) as exc:
        raise OutboxFileError(f"{path}: does not decrypt with this hub's export key (sealed for another hub?)") from exc
    records = json.loads(body)
    if not isinstance(records, list) or len(records) != count:
        raise OutboxFileError(f"{path}: record count does not match the header")
    for r in records:
        if not isinstance(r, dict) or not {"record_id", "kind", "payload", "signature"} <= r.keys():
            raise OutboxFileError(f"{path}: a record lacks record_id/kind/payload/signature")
    return {"booth_id": booth_id, "exported_at": header["exported_at"], "count": count, "records": records}
