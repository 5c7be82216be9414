"""``hub import DIR``: load offline outbox files with the same exactly-once effect as HTTP push."""
from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from inspector_app.hub import outbox_file, validation
from inspector_app.hub.db import MAX_BATCH, HubDb


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
        records = []
        for r in doc["records"]:  # the HTTP models' rules: what one database stores, both do
            problem = validation.record_problem(r)
            if problem:
                report["refused_records"].append({"file": path.name, "record_id": str(r.get("record_id"))[:128],
                                                  "reason": problem})
            else:
                records.append(r)
        for i in range(0, len(records), MAX_BATCH):
            result = db.put_records(booth, records[i:i + MAX_BATCH], via="import")
            for k in counts:
                counts[k] += len(result[k])
            report["refused_records"] += [{"file": path.name, **r} for r in result["refused"]]
        report["files"].append({"file": path.name, "booth_id": doc["booth_id"], **counts})
        for k in counts:
            report[k] += counts[k]
    return report
