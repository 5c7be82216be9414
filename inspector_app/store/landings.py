"""The landing decisions this booth recorded for one traveller's document (``Store.find_landings``).

Examinations are found through the index on the traveller's document number and nationality in
their JSON (migration 3), so a departure's look-up reads that traveller's rows only, however many
examinations the booth holds. Which decision counts as the landing is ``domain.landings``.
"""
from __future__ import annotations

import json

from inspector_app.domain import landings

#: The expressions of migration 3's index ``examinations_traveller``, spelt the same, or SQLite
#: would not use it.
DOCUMENT = "json_extract(data, '$.traveller.document_number')"
NATIONALITY = "json_extract(data, '$.traveller.nationality')"


def find(conn, document_number: str, nationality: str, limit: int) -> list[dict]:
    """Inside the store's lock: newest landing first, at most ``limit``."""
    exams = conn.execute(f"SELECT id, booth, port FROM examinations WHERE {DOCUMENT} = ? AND {NATIONALITY} = ?",
                         (document_number, nationality)).fetchall()
    if not exams:
        return []
    places = {e[0]: {"booth": e[1], "port": e[2]} for e in exams}
    marks = ",".join("?" * len(places))
    rows = conn.execute(f"SELECT id, examination_id, type, inspector, decided_at, data FROM decisions"
                        f" WHERE examination_id IN ({marks}) ORDER BY rowid", tuple(places)).fetchall()
    records = [{"decision_id": i, "examination_id": x, "type": t, "inspector": who, "decided_at": at,
                "decision": json.loads(data)} for i, x, t, who, at, data in rows]
    return landings.landings(records, places, "booth")[:max(0, int(limit))]
