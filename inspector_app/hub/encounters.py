"""The national encounter gallery: every booth's examinations' templates, searched 1:N.

Booths push an ``encounter`` record per examination with a face or fingers (identity as read and
templates, never images). The hub keeps them in ``encounters`` (a row per encounter, in the same
transaction as the record) and each hub worker holds an ``EncounterGallery`` in memory, caught
up from that table before each search: a worker started later loads what is stored, one that
has run for a while reads only the rows added since (``seq``). See docs/NATIONAL_GALLERY.md for
how this grows to a country's gallery.

A search is authorised by the examining inspector, not by the booth: the inspector signs
(``signing.ENCOUNTER_SEARCH``) this examination and the digest of these templates. The same
signature serves the booth's deferred search after a day offline (``MAX_AUTHORISATION_AGE``), and
cannot be used for any other traveller's templates.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import threading

from inspector_app.biometrics import gallery as gallery_mod
from inspector_app.common.canonical import to_json
from inspector_app.common.clock import utc_now

log = logging.getLogger("inspector_app.hub")

#: How long an inspector's signed authorisation serves a deferred search: a seaport booth may be
#: offline for days.
MAX_AUTHORISATION_AGE = dt.timedelta(days=14)
#: The port's encounters a booth keeps for searching offline: the last this many days.
RECENT_DAYS = 30
MAX_RECENT_PAGE = 500


def table(serial: str) -> str:
    return (f"CREATE TABLE IF NOT EXISTS encounters (seq {serial}, encounter_id TEXT NOT NULL UNIQUE,"
            " booth_id TEXT NOT NULL, port TEXT NOT NULL, examined_at TEXT NOT NULL, identity TEXT NOT NULL,"
            " templates TEXT NOT NULL, received_at TEXT NOT NULL)")


INDEX = "CREATE INDEX IF NOT EXISTS encounters_port ON encounters (port, seq)"


def index(tx, booth_id: str, port: str, record: dict) -> str | None:
    """Inside the transaction storing an ``encounter`` record: its gallery row. Returns why a
    record could not be indexed (its templates are no templates), or None."""
    payload = record.get("payload")
    if record.get("kind") != "encounter" or not isinstance(payload, dict):
        return None
    exam_id, identity, templates = payload.get("examination_id"), payload.get("identity"), payload.get("templates")
    if not isinstance(exam_id, str) or not isinstance(identity, dict):
        return "an encounter needs examination_id and identity"
    try:
        gallery_mod.decode(templates)
    except gallery_mod.TemplateTextError as exc:
        return f"encounter {exam_id}: {exc}"
    examined = payload.get("examined_at") if isinstance(payload.get("examined_at"), str) else utc_now()
    tx.execute("INSERT INTO encounters (encounter_id, booth_id, port, examined_at, identity, templates, received_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (encounter_id) DO NOTHING",
               (exam_id, booth_id, port, examined, to_json(identity), to_json(templates), utc_now()))
    return None


def describe(tx, encounter_ids: list[str]) -> dict[str, dict]:
    """Who, where, when and what was decided, for each encounter (no templates)."""
    out = {}
    for eid in encounter_ids:
        row = tx.execute("SELECT encounter_id, booth_id, port, examined_at, identity FROM encounters"
                         " WHERE encounter_id = ?", (eid,)).fetchone()
        if row is None:
            continue
        out[row[0]] = {"encounter_id": row[0], "booth_id": row[1], "port": row[2], "examined_at": row[3],
                       "identity": json.loads(row[4]), "decision": _decision(tx, row[1], row[0])}
    return out


def _decision(tx, booth_id: str, examination_id: str) -> str | None:
    """The newest decision of the examination (a correction comes after what it corrects)."""
    rows = tx.execute("SELECT r.payload FROM exam_decisions x JOIN records r ON r.booth_id = x.booth_id"
                      " AND r.record_id = x.record_id WHERE x.booth_id = ? AND x.examination_id = ?",
                      (booth_id, examination_id)).fetchall()
    found = [json.loads(p) for (p,) in rows]
    found = [f for f in found if isinstance(f, dict)]
    if not found:
        return None
    newest = max(found, key=lambda f: str(f.get("decided_at") or ""))
    return str(newest.get("type") or "") or None


def recent(tx, port: str, after: int, limit: int, not_booth: str) -> list[dict]:
    """The port's encounters after ``after`` (seq) from the last ``RECENT_DAYS`` days, other
    booths' only (a booth has its own), with templates: a booth's copy for searching offline."""
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=RECENT_DAYS)).isoformat()
    rows = tx.execute("SELECT seq, encounter_id, booth_id, port, examined_at, identity, templates FROM encounters"
                      " WHERE port = ? AND seq > ? AND examined_at >= ? AND booth_id <> ? ORDER BY seq LIMIT ?",
                      (port, int(after), since, not_booth, int(limit))).fetchall()
    described = describe(tx, [r[1] for r in rows])
    return [{"seq": r[0], **described.get(r[1], {}), "templates": json.loads(r[6])} for r in rows]


class HubGallery:
    """One hub worker's gallery, caught up from the database before each search. With a snapshot
    (``snapshot``, ``inspector-app hub gallery-snapshot``) a worker starts from it and reads only
    the rows added since: decoding a stored finger template costs ~44 ms, a snapshot's ~0.5 ms."""

    def __init__(self, gallery: gallery_mod.EncounterGallery | None = None, seq: int = 0):
        self.gallery = gallery or gallery_mod.EncounterGallery()
        self.seq = seq
        self._lock = threading.Lock()

    @classmethod
    def from_snapshot(cls, directory) -> HubGallery:
        """The snapshot in ``directory``, or an empty gallery when there is none or it cannot be
        used (logged: the worker then decodes every row, slowly but completely)."""
        from pathlib import Path

        p = Path(directory) if directory else None
        if p is None or not (p / "meta.json").is_file():
            return cls()
        try:
            loaded = gallery_mod.EncounterGallery.load(p)
            return cls(loaded, int(loaded.extra["seq"]))
        except (ValueError, OSError, KeyError, TypeError) as exc:
            log.error("encounter gallery snapshot not used: %s", exc)
            return cls()

    def snapshot(self, db, directory) -> dict:
        """Catch up, then write the gallery and the sequence number it holds to ``directory``."""
        from pathlib import Path

        with self._lock:
            with db.read() as tx:
                self.catch_up(tx)
            self.gallery.save(Path(directory), seq=self.seq)
            return {"encounters": len(self.gallery), "seq": self.seq, "directory": str(directory)}

    def catch_up(self, tx, page: int = 5000) -> int:
        added = 0
        while True:
            rows = tx.execute("SELECT seq, encounter_id, templates FROM encounters WHERE seq > ? ORDER BY seq LIMIT ?",
                              (self.seq, page)).fetchall()
            for seq, eid, templates in rows:
                face, fingers = gallery_mod.decode(json.loads(templates))
                added += self.gallery.add(eid, face=face, fingers=fingers)
                self.seq = max(self.seq, int(seq))
            if len(rows) < page:
                return added

    def search(self, db, face, fingers, exclude: str, k: int) -> list[dict]:
        with self._lock:
            with db.read() as tx:
                self.catch_up(tx)
            found = self.gallery.search(face=face, fingers=fingers, exclude=[exclude], k=k)
        with db.read() as tx:
            described = describe(tx, [m.encounter_id for m in found])
        return [{**described[m.encounter_id], **m.to_dict()} for m in found if m.encounter_id in described]
