"""The offline outbox file carried on removable media from an air-gapped booth to the hub.

One JSON file per export: ``outbox-<booth>-<first_seq>-<last_seq>.json`` with the records, a
SHA-256 of their canonical form (catches truncation and corruption) and, when the booth has a
credential, an HMAC keyed by the credential hash the hub stores (catches forgery). Import on the
hub goes through the same idempotent ``put_records`` as HTTP push, so importing a file twice, or
importing records that were also pushed, stores each record exactly once.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from inspector_app.hub import credentials
from inspector_app.hub.records import canonical_json

FORMAT = "border-inspector-outbox/1"


class OutboxFileError(ValueError):
    """An export file that must not be imported; the message names the file and the reason."""


def _body(booth_id: str, exported_at: str, records: list[dict]) -> bytes:
    return canonical_json({"format": FORMAT, "booth_id": booth_id, "exported_at": exported_at,
                           "records": records}).encode("utf-8")


def write(out_dir: Path, booth_id: str, exported_at: str, records: list[dict],
          credential_hash: str | None) -> Path:
    """Write atomically and fsync, so a file that exists is complete."""
    credentials.check_booth_id(booth_id)
    body = _body(booth_id, exported_at, records)
    doc = {"format": FORMAT, "booth_id": booth_id, "exported_at": exported_at, "count": len(records),
           "sha256": hashlib.sha256(body).hexdigest(),
           "mac": credentials.mac(credential_hash, body) if credential_hash else None,
           "records": records}
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
    """Parse and verify one file. ``credential_hash_for(booth_id)`` -> stored hash or None."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OutboxFileError(f"{path}: unreadable or truncated outbox file ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise OutboxFileError(f"{path}: not a {FORMAT} file")
    try:
        booth_id, exported_at, records = doc["booth_id"], doc["exported_at"], doc["records"]
    except KeyError as exc:
        raise OutboxFileError(f"{path}: missing field {exc}") from exc
    body = _body(booth_id, exported_at, records)
    if hashlib.sha256(body).hexdigest() != doc.get("sha256") or len(records) != doc.get("count"):
        raise OutboxFileError(f"{path}: checksum mismatch (corrupted or edited)")
    key = credential_hash_for(booth_id)
    if key is None:
        raise OutboxFileError(f"{path}: booth {booth_id!r} is not registered on this hub")
    doc["signed"] = bool(doc.get("mac"))
    if doc.get("mac") and not credentials.hmac.compare_digest(credentials.mac(key, body), doc["mac"]):
        raise OutboxFileError(f"{path}: MAC does not match booth {booth_id}'s credential (forged or re-keyed)")
    for r in records:
        if not isinstance(r, dict) or not {"record_id", "kind", "payload"} <= r.keys():
            raise OutboxFileError(f"{path}: a record lacks record_id/kind/payload")
    return doc
