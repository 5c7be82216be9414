"""``hub import DIR``: load offline outbox files with the same exactly-once effect as HTTP push."""
from __future__ import annotations

from pathlib import Path

from inspector_app.hub import outbox_file
from inspector_app.hub.db import MAX_BATCH, HubDb


def import_dir(db: HubDb, directory: Path, allow_unsigned: bool = False) -> dict:
    directory = Path(directory)
    if not directory.is_dir():
        raise outbox_file.OutboxFileError(f"{directory} is not a directory")
    files = sorted(directory.glob("outbox-*.json"))
    report = {"files": [], "stored": 0, "duplicates": 0, "conflicts": 0, "refused": []}
    for path in files:
        try:
            doc = outbox_file.read(path, db.booth_secret_hash)
            if not doc["signed"] and not allow_unsigned:
                raise outbox_file.OutboxFileError(f"{path}: unsigned export (use --allow-unsigned to accept)")
        except outbox_file.OutboxFileError as exc:
            report["refused"].append({"file": path.name, "reason": str(exc)})
            continue
        counts = {"stored": 0, "duplicates": 0, "conflicts": 0}
        records = doc["records"]
        for i in range(0, len(records), MAX_BATCH):
            result = db.put_records(doc["booth_id"], records[i:i + MAX_BATCH], via="import")
            for k in counts:
                counts[k] += len(result[k])
        report["files"].append({"file": path.name, "booth_id": doc["booth_id"], **counts})
        for k in counts:
            report[k] += counts[k]
    return report
