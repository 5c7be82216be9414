"""``outbox export``: move the outbox to removable media for an air-gapped port (files are
encrypted for the hub when the booth has a credential; format in hub.outbox_file).

Records are acked only after their file is complete and fsynced, and the hub's import is
idempotent, so a crash mid-export or a file imported twice still stores each record once.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.common.clock import utc_now
from inspector_app.hub import outbox_file
from inspector_app.hub.credentials import secret_hash, split_token

FILE_RECORDS = 5000


def export_outbox(home: Path, store, out_dir: Path, booth_id: str, credential: str | None,
                  per_file: int = FILE_RECORDS) -> dict:
    key = None
    if credential:
        cred_booth, secret = split_token(credential)
        if cred_booth != booth_id:
            raise ValueError(f"credential belongs to booth {cred_booth!r}, not {booth_id!r}")
        key = secret_hash(secret)
    Path(out_dir).mkdir(parents=True, exist_ok=True)  # an empty export is still a valid target to import
    files, total = [], 0
    while True:
        batch = store.outbox_pending(limit=per_file)
        if not batch:
            break
        records = [{k: r.get(k) for k in ("record_id", "seq", "kind", "payload", "created_at")} for r in batch]
        path = outbox_file.write(Path(out_dir), booth_id, utc_now(), records, key)
        store.outbox_ack([r["record_id"] for r in records])
        files.append(str(path))
        total += len(records)
    return {"files": files, "records": total, "signed": key is not None, "queued": store.outbox_count()}
