"""Pre-arrival manifests screened at this booth (``Store.add_manifest``, ``Store.pre_arrival``).

A manifest's screening result is kept whole (``manifests``), and each person on it once more by
document number and nationality (``manifest_people``, migration 4), so the booth answers "was this
traveller on a manifest, and was he flagged?" with one indexed read when the passport is read.
"""
from __future__ import annotations

import datetime as dt
import json
import uuid

from inspector_app.common.canonical import to_json

#: What ``pre_arrival`` answers for a traveller on no imported manifest.
NOT_ON_MANIFEST = "not_on_manifest"


def add(db, result: dict, imported_at: str, actor: str, digest: str | None = None) -> str:
    """Inside the store's write transaction: one screened manifest (``ManifestResult.to_dict()``)."""
    manifest_id = str(uuid.uuid4())
    head = result["manifest"]
    db["manifests"].insert({"id": manifest_id, "imported_at": imported_at, "flight": head["flight"],
                            "scheduled_arrival": head.get("scheduled_arrival"), "actor": actor,
                            "data": to_json(result), "digest": digest})
    db["manifest_people"].insert_all(
        {"manifest_id": manifest_id, "document_number": str(r["person"].get("document_number") or "").upper(),
         "nationality": str(r["person"].get("nationality") or "").upper(), "state": r["state"],
         "data": to_json({"hits": r["hits"], "reasons": r["reasons"], "person": r["person"]})}
        for r in result["results"])
    return manifest_id


#: Every manifest's summary, newest first, without reading its people into Python (the list is
#: polled by the supervisors' screen; a day at a large airport is hundreds of manifests).
SUMMARIES = ("SELECT id, imported_at, json_object('manifest', json(json_extract(data, '$.manifest')),"
             " 'people', json_extract(data, '$.people'), 'flagged', json_extract(data, '$.flagged'),"
             " 'not_checked', json_extract(data, '$.not_checked')) AS data"
             " FROM manifests ORDER BY imported_at DESC, rowid DESC")


def with_digest(conn, digest: str) -> str | None:
    row = conn.execute("SELECT id FROM manifests WHERE digest = ?", (digest,)).fetchone()
    return row[0] if row else None


def summary(row: dict) -> dict:
    data = json.loads(row["data"])
    return {"manifest_id": row["id"], "imported_at": row["imported_at"], **data["manifest"],
            "people": data["people"], "flagged": data["flagged"], "not_checked": data["not_checked"]}


def find(conn, document_number: str, nationality: str, on: dt.date | None = None) -> dict:
    """The newest imported manifest that lists this document: its state for the traveller. With
    ``on`` (the examination date), only manifests scheduled to arrive within a day of it count:
    last month's flight says nothing about today's arrival."""
    window, params = "", ()
    if on is not None:
        window = " AND (m.scheduled_arrival IS NULL OR substr(m.scheduled_arrival, 1, 10) BETWEEN ? AND ?)"
        params = ((on - dt.timedelta(days=1)).isoformat(), (on + dt.timedelta(days=1)).isoformat())
    row = conn.execute(
        "SELECT p.state, p.data, m.id, m.imported_at, m.data FROM manifest_people p JOIN manifests m "
        "ON m.id = p.manifest_id WHERE p.document_number = ? AND p.nationality = ?" + window +
        " ORDER BY m.imported_at DESC, m.rowid DESC LIMIT 1",
        (str(document_number).strip().upper(), str(nationality).strip().upper(), *params)).fetchone()
    if row is None:
        held = conn.execute("SELECT 1 FROM manifests m WHERE 1 = 1" + window + " LIMIT 1", params).fetchone() is not None
        return {"state": NOT_ON_MANIFEST, "manifest": None, "hits": [], "reasons": [], "manifests_held": held}
    person = json.loads(row[1])
    manifest = summary({"id": row[2], "imported_at": row[3], "data": row[4]})
    return {"state": row[0], "manifest": manifest, "hits": person["hits"], "reasons": person["reasons"],
            "manifests_held": True}
