"""Pre-arrival manifests uploaded to the hub (``POST /manifests``) and handed to the port's booths
(``GET /manifests?after=N``).

The hub keeps the file as it came (the PAXLST text, read as Latin-1 so every byte survives) with
what its parse said, never a screening result: each booth screens it against its own lists in
force, as it screens a file from its folder or a USB stick, and the same bytes from two sources are
one manifest there (the digest). One file per port once: the same bytes uploaded again answer with
the manifest kept before.
"""
from __future__ import annotations

import datetime as dt
import uuid

from inspector_app.common.clock import utc_now

TABLES = """
CREATE TABLE IF NOT EXISTS manifests (
  seq {serial}, manifest_id TEXT NOT NULL UNIQUE, port TEXT NOT NULL, sha256 TEXT NOT NULL,
  flight TEXT NOT NULL, scheduled_arrival TEXT, kind TEXT NOT NULL, people INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL, booth_id TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL,
  UNIQUE (port, sha256));
CREATE INDEX IF NOT EXISTS manifests_port_seq ON manifests (port, seq)
"""
SUMMARY = ("seq", "manifest_id", "sha256", "flight", "scheduled_arrival", "kind", "people", "uploaded_by",
           "received_at")
#: A booth reads this many manifests at most per request (a 400-passenger file is ~100 KB).
MAX_PAGE = 50
#: Only files received this recently are handed out: a booth that joins (or comes back after a
#: month offline) is not given last month's passenger lists, which say nothing about today.
FRESH = dt.timedelta(days=2)


def create(tx, serial: str) -> None:
    for stmt in TABLES.format(serial=serial).split(";"):
        tx.execute(stmt)


def add(tx, port: str, sha256: str, head: dict, people: int, uploaded_by: str, booth_id: str, body: str) -> dict:
    """Inside a write transaction: the file for ``port``, or the one already kept with its digest
    (``duplicate``)."""
    tx.execute("INSERT INTO manifests (manifest_id, port, sha256, flight, scheduled_arrival, kind, people,"
               " uploaded_by, booth_id, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
               " ON CONFLICT (port, sha256) DO NOTHING",
               (str(uuid.uuid4()), port, sha256, head["flight"], head["scheduled_arrival"], head["kind"], people,
                uploaded_by, booth_id, utc_now(microseconds=True), body))
    inserted = tx.cur.rowcount == 1
    row = tx.execute(f"SELECT {', '.join(SUMMARY)} FROM manifests WHERE port = ? AND sha256 = ?",
                     (port, sha256)).fetchone()
    return {**dict(zip(SUMMARY, row, strict=True)), "duplicate": not inserted}


def after(tx, port: str, seq: int, limit: int) -> list[dict]:
    """The port's manifests uploaded after ``seq`` and within ``FRESH``, in upload order, with
    their text."""
    since = (dt.datetime.now(dt.UTC) - FRESH).strftime("%Y-%m-%dT%H:%M:%S.%fZ")   # utc_now's format
    rows = tx.execute(f"SELECT {', '.join(SUMMARY)}, body FROM manifests WHERE port = ? AND seq > ?"
                      " AND received_at >= ? ORDER BY seq LIMIT ?", (port, seq, since, min(limit, MAX_PAGE))).fetchall()
    return [dict(zip((*SUMMARY, "body"), r, strict=True)) for r in rows]
