"""A durable SQLite outbox with the Store's outbox contract, for tests until/unless the real
Store is used (docs/CONTRACTS.md: outbox_pending / outbox_ack / outbox_count, outbox_quarantine /
quarantined / quarantine_count, users_version / set_users(users, version)).

File-backed with synchronous=FULL so that a SIGKILLed booth process loses nothing it acked.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from pathlib import Path


class OutboxDouble:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                          " record_id TEXT UNIQUE, kind TEXT, payload TEXT, created_at TEXT,"
                          " quarantine_reason TEXT)")
        self.users: list[dict] = []
        self.users_installed = 0

    def add(self, kind: str = "decision", payload: dict | None = None, record_id: str | None = None) -> str:
        rid = record_id or str(uuid.uuid4())
        with self._lock:
            self.conn.execute("INSERT INTO outbox (record_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                              (rid, kind, json.dumps(payload or {}), "2026-11-22T05:00:00Z"))
        return rid

    def add_many(self, n: int, kind: str = "decision") -> list[str]:
        rows = [(str(uuid.uuid4()), kind, json.dumps({"n": i, "traveller": {"surname": "TANAKA"}}),
                 "2026-11-22T05:00:00Z") for i in range(n)]
        with self._lock:
            self.conn.execute("BEGIN")
            self.conn.executemany("INSERT INTO outbox (record_id, kind, payload, created_at) VALUES (?, ?, ?, ?)", rows)
            self.conn.execute("COMMIT")
        return [r[0] for r in rows]

    def outbox_pending(self, limit: int = 500) -> list[dict]:
        with self._lock:
            rows = self.conn.execute("SELECT seq, record_id, kind, payload, created_at FROM outbox"
                                     " WHERE quarantine_reason IS NULL ORDER BY seq LIMIT ?", (limit,)).fetchall()
        return [{"seq": s, "record_id": r, "kind": k, "payload": json.loads(p), "created_at": c}
                for s, r, k, p, c in rows]

    def outbox_ack(self, record_ids: list[str]) -> None:
        with self._lock:
            self.conn.execute("BEGIN")
            self.conn.executemany("DELETE FROM outbox WHERE record_id = ?", [(r,) for r in record_ids])
            self.conn.execute("COMMIT")

    def outbox_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT COUNT(*) FROM outbox WHERE quarantine_reason IS NULL").fetchone()[0]

    def outbox_quarantine(self, record_ids: list[str], reason: str) -> int:
        """As the Store: out of the queue, kept with the reason."""
        with self._lock:
            self.conn.execute("BEGIN")
            n = sum(self.conn.execute("UPDATE outbox SET quarantine_reason = ? WHERE record_id = ?"
                                      " AND quarantine_reason IS NULL", (reason, r)).rowcount for r in record_ids)
            self.conn.execute("COMMIT")
        return n

    def quarantined(self) -> list[dict]:
        with self._lock:
            rows = self.conn.execute("SELECT record_id, kind, seq, quarantine_reason FROM outbox"
                                     " WHERE quarantine_reason IS NOT NULL ORDER BY seq").fetchall()
        return [{"record_id": r, "kind": k, "seq": s, "reason": why} for r, k, s, why in rows]

    def quarantine_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT COUNT(*) FROM outbox WHERE quarantine_reason IS NOT NULL").fetchone()[0]

    def users_version(self) -> int:
        return self.users_installed

    def pending_encounter_searches(self, limit: int = 50) -> list[dict]:
        return []   # the double keeps no examinations, so no search was ever deferred

    def set_users(self, users: list[dict], version: int) -> int:
        """As the Store: an empty list or one not newer than the installed version is refused."""
        if not users or version <= self.users_installed:
            raise ValueError(f"users version {version} refused (installed {self.users_installed}, {len(users)} users)")
        self.users, self.users_installed = list(users), version
        return len(users)

    def close(self) -> None:
        self.conn.close()
