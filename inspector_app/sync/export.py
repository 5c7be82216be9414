"""``outbox export``: move the outbox to removable media for an air-gapped port. Each file is
encrypted to the hub's export key and signed with the booth's key (format in hub.outbox_file);
each record inside is signed as a push would sign it.

Records are acked only after their file is complete and fsynced, and the hub's import is
idempotent, so a crash mid-export or a file imported twice still stores each record once.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.common import signing
from inspector_app.common.clock import utc_now
from inspector_app.hub import outbox_file
from inspector_app.hub import records as rec
from inspector_app.sync.trust import booth_key, load_trust

FILE_RECORDS = 5000


def export_outbox(home: Path, store, out_dir: Path, booth_id: str, per_file: int = FILE_RECORDS) -> dict:
    trust = load_trust(home)  # the hub's export key: without it nothing is written in clear
    key = booth_key(home)
    Path(out_dir).mkdir(parents=True, exist_ok=True)  # an empty export is still a valid target to import
    files, total = [], 0
    while True:
        batch = store.outbox_pending(limit=per_file)
        if not batch:
            break
        records = []
        for r in batch:
            out = {k: r.get(k) for k in ("record_id", "seq", "kind", "payload", "created_at")}
            out["signature"] = signing.sign(key, signing.RECORD, rec.signed_record(booth_id, out))
            records.append(out)
        path = outbox_file.write(Path(out_dir), booth_id, utc_now(), records, key, trust.seal_key)
        store.outbox_ack([r["record_id"] for r in records])
        files.append(str(path))
        total += len(records)
    return {"files": files, "records": total, "booth_public_key": signing.public_b64(key),
            "queued": store.outbox_count()}
