"""Every booth's landings of one traveller (``GET /landings``): a traveller who landed at one
port departs at another, so the departing booth asks the hub.

Records are stored as opaque JSON, and a scan of every examination in the country for one
document is out of the question; so two small tables are kept as records arrive, in the same
transaction: ``travellers`` (an examination's document number and nationality) and
``exam_decisions`` (which decision records belong to an examination). A hub made before them
fills them once from the stored records when it starts (``backfill``). Which decision counts as
the landing is ``domain.landings``, as at the booth.
"""
from __future__ import annotations

import json

from inspector_app.common.clock import utc_now
from inspector_app.domain import landings

TABLES = """
CREATE TABLE IF NOT EXISTS travellers (
  document_number TEXT NOT NULL, nationality TEXT NOT NULL, booth_id TEXT NOT NULL, examination_id TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (document_number, nationality, booth_id, examination_id));
CREATE TABLE IF NOT EXISTS exam_decisions (
  booth_id TEXT NOT NULL, examination_id TEXT NOT NULL, record_id TEXT NOT NULL,
  PRIMARY KEY (booth_id, examination_id, record_id))
"""
INDEXED = "landings_indexed"  # hub_meta key: the tables hold every record stored before them
#: The examinations of one traveller read, newest first: a frequent traveller's latest landing is
#: among them, and no answer costs more than this many examinations' decisions.
MAX_EXAMINATIONS = 100
MAX_FIELD = 64  # longer values are no MRZ's and are not indexed


def create(tx) -> None:
    """The tables, then (once) the rows of the records already stored."""
    for stmt in TABLES.split(";"):
        tx.execute(stmt)
    if tx.execute("SELECT value FROM hub_meta WHERE key = ?", (INDEXED,)).fetchone() is None:
        rows = tx.execute("SELECT booth_id, record_id, kind, payload, created_at FROM records"
                          " WHERE kind IN ('examination', 'decision')").fetchall()
        for booth_id, record_id, kind, payload, created_at in rows:
            index(tx, booth_id, {"record_id": record_id, "kind": kind, "payload": json.loads(payload),
                                 "created_at": created_at})
        tx.execute("INSERT INTO hub_meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING", (INDEXED,))


def index(tx, booth_id: str, record: dict) -> None:
    """Inside the transaction storing ``record``: its row in ``travellers`` or ``exam_decisions``."""
    payload = record.get("payload")
    if not isinstance(payload, dict):
        return
    exam_id = payload.get("examination_id")
    if not _field(exam_id):
        return
    if record.get("kind") == "examination":
        traveller = payload.get("traveller")
        if not isinstance(traveller, dict):
            return
        number, nationality = traveller.get("document_number"), traveller.get("nationality")
        if _field(number) and _field(nationality):
            # never NULL: the databases sort NULL at opposite ends of "newest first"
            when = next((w for w in (payload.get("started_at"), record.get("created_at")) if isinstance(w, str)),
                        utc_now(microseconds=True))
            tx.execute("INSERT INTO travellers (document_number, nationality, booth_id, examination_id, created_at)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", (number, nationality, booth_id, exam_id, when))
    elif record.get("kind") == "decision":
        tx.execute("INSERT INTO exam_decisions (booth_id, examination_id, record_id) VALUES (?, ?, ?)"
                   " ON CONFLICT DO NOTHING", (booth_id, exam_id, record["record_id"]))


def find(tx, document_number: str, nationality: str, limit: int) -> list[dict]:
    """The traveller's landings at every booth, newest first, at most ``limit``. The booth and its
    port are the hub's own (who pushed the record), not what the record says of itself."""
    rows = tx.execute(
        "SELECT t.booth_id, b.port, r.payload FROM (SELECT booth_id, examination_id FROM travellers"
        " WHERE document_number = ? AND nationality = ? ORDER BY created_at DESC LIMIT ?) t"
        " JOIN exam_decisions x ON x.booth_id = t.booth_id AND x.examination_id = t.examination_id"
        " JOIN records r ON r.booth_id = x.booth_id AND r.record_id = x.record_id"
        " LEFT JOIN booths b ON b.booth_id = t.booth_id",
        (document_number, nationality, MAX_EXAMINATIONS)).fetchall()
    records, places = [], {}
    for booth_id, port, payload in rows:
        record = json.loads(payload)
        if not isinstance(record, dict) or not isinstance(record.get("decision"), dict):
            continue
        # examination ids are the booth's: the same id at two booths is two examinations
        key = (booth_id, record.get("examination_id"))
        records.append({**record, "examination_id": key})
        places[key] = {"booth": booth_id, "port": port}
    found = landings.landings(records, places, "hub")[:limit]
    return [{**item, "examination_id": item["examination_id"][1]} for item in found]


def _field(value) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_FIELD
