"""Earlier encounters kept at the booth (``Store.record_encounter`` and friends, migration 5).

Each examination with a face or fingers leaves an encounter: the identity read and the
templates (never the images), kept in the encrypted store and sent to the hub as an
``encounter`` record. The port's recent encounters pulled from the hub sit beside this booth's
own, so a booth that has lost the network still searches the travellers its port has seen. A
hub search that could not run is kept with the inspector's signed authorisation and run at the
next sync (``encounter_searches``).
"""
from __future__ import annotations

import json

from inspector_app.common.canonical import to_json

CURSOR = "encounters_after"   # meta key: the hub's sequence number of the last pulled encounter


def insert(db, row: dict, now: str) -> bool:
    """Inside a write transaction; an encounter already held is kept as it was (False)."""
    if db.conn.execute("SELECT 1 FROM encounters WHERE encounter_id = ?", (row["encounter_id"],)).fetchone():
        return False
    db["encounters"].insert({"encounter_id": row["encounter_id"], "origin": row["origin"],
                             "booth_id": row.get("booth_id"), "port": row.get("port"),
                             "examined_at": row["examined_at"], "identity": to_json(row["identity"]),
                             "decision": row.get("decision"), "templates": to_json(row["templates"]),
                             "received_at": now})
    return True


def since(conn, examined_after: str, after_rowid: int = 0) -> list[dict]:
    """``{rowid, encounter_id, templates}`` of the encounters examined at or after
    ``examined_after`` (ISO), in the order they were added: what a gallery held in memory loads
    (it asks only for the rows it has not seen; who and what was decided is read by ``get`` for
    the few that match)."""
    rows = conn.execute("SELECT rowid, encounter_id, templates FROM encounters WHERE examined_at >= ? AND rowid > ?"
                        " ORDER BY rowid", (examined_after, int(after_rowid))).fetchall()
    return [{"rowid": r[0], "encounter_id": r[1], "templates": json.loads(r[2])} for r in rows]


def get(conn, encounter_ids: list[str]) -> dict[str, dict]:
    """Encounters by id, without their templates (what an inspector and a supervisor read)."""
    out = {}
    for eid in encounter_ids:
        r = conn.execute(
            "SELECT e.encounter_id, e.origin, e.booth_id, e.port, e.examined_at, e.identity, "
            "coalesce((SELECT d.type FROM decisions d WHERE d.examination_id = e.encounter_id "
            "ORDER BY d.rowid DESC LIMIT 1), e.decision) FROM encounters e WHERE e.encounter_id = ?",
            (str(eid),)).fetchone()
        if r is not None:
            out[r[0]] = {"encounter_id": r[0], "origin": r[1], "booth_id": r[2], "port": r[3], "examined_at": r[4],
                         "identity": json.loads(r[5]), "decision": r[6]}
    return out
