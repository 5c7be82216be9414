"""``hub import DIR``: load offline outbox files with the same exactly-once effect as HTTP push."""
from __future__ import annotations

import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from inspector_app.hub import outbox_file, validation
from inspector_app.hub.db import MAX_BATCH, HubDb


def _checked(records: list, name: str, report: dict) -> list[dict]:
    """The records that pass the same field rules as ``POST /records`` (as the push endpoint
    passes them on); the others go to ``refused_records``, named by field, never echoed. A
    booth's signature does not make a value storable: without this one bad record (a number
    beyond BIGINT, a NUL on PostgreSQL) failed the whole import with a database error."""
    from pydantic import ValidationError

    from inspector_app.hub.server import RecordIn

    good = []
    for i, r in enumerate(records):
        try:
            m = RecordIn.model_validate(r)
        except ValidationError as exc:
            rid = r.get("record_id")
            fields = sorted({".".join(str(x) for x in e.get("loc", ())) or "record" for e in exc.errors()})
            report["refused_records"].append({
                "file": name,
                "record_id": rid if isinstance(rid, str) and re.match(validation.RECORD_ID_PATTERN, rid) else None,
                "reason": f"record {i + 1} of the file: invalid {', '.join(fields)}"})
            continue
        good.append({"record_id": m.record_id, "seq": m.seq, "kind": m.kind, "payload": m.payload,
                     "created_at": m.created_at, "signature": m.signature})
    return good


def import_dir(db: HubDb, directory: Path, hub_seal: X25519PrivateKey) -> dict:
    directory = Path(directory)
    if not directory.is_dir():
        raise outbox_file.OutboxFileError(f"{directory} is not a directory")
    files = sorted(directory.glob("outbox-*.json"))
    report: dict = {"files": [], "stored": 0, "duplicates": 0, "conflicts": 0, "refused": [], "refused_records": []}

    def key_of(booth_id: str) -> str | None:
        booth = db.booth(booth_id)
        return booth.public_key if booth else None

    for path in files:
        try:
            doc = outbox_file.read(path, key_of, hub_seal)
        except outbox_file.OutboxFileError as exc:
            report["refused"].append({"file": path.name, "reason": str(exc)})
            continue
        booth = db.booth(doc["booth_id"])
        counts = {"stored": 0, "duplicates": 0, "conflicts": 0}
        records = _checked(doc["records"], path.name, report)
        try:
            for i in range(0, len(records), MAX_BATCH):
                result = db.put_records(booth, records[i:i + MAX_BATCH], via="import")
                for k in counts:
                    counts[k] += len(result[k])
                report["refused_records"] += [{"file": path.name, **r} for r in result["refused"]]
        except ValueError as exc:  # e.g. one record id twice in a file: the rest of the file is not imported
            report["refused"].append({"file": path.name, "reason": f"{exc}; only the batches before it were imported"})
        report["files"].append({"file": path.name, "booth_id": doc["booth_id"], **counts})
        for k in counts:
            report[k] += counts[k]
    return report
