"""The hub's database: one small SQL layer over SQLite (default) and PostgreSQL (production).

SQL is written once with ``?`` placeholders and portable statements (``ON CONFLICT DO NOTHING``
works in both); only the DDL types differ. Connections are per thread: uvicorn runs sync
endpoints in a thread pool, and neither sqlite3 nor psycopg connections may be shared mid-query.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from inspector_app.common.clock import utc_now
from inspector_app.hub import credentials
from inspector_app.hub import records as rec

log = logging.getLogger("inspector_app.hub")

MAX_BATCH = 1000


class HubDbError(RuntimeError):
    """The hub database cannot be opened or used; the message names the URL and the cause."""


SCHEMA = """
CREATE TABLE IF NOT EXISTS booths (
  booth_id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS records (
  record_id TEXT PRIMARY KEY, booth_id TEXT NOT NULL, seq BIGINT, kind TEXT NOT NULL,
  payload TEXT NOT NULL, content_sha256 TEXT NOT NULL, created_at TEXT, received_at TEXT NOT NULL,
  via TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_booth_seq ON records (booth_id, seq);
CREATE TABLE IF NOT EXISTS conflicts (
  id {serial}, record_id TEXT NOT NULL, booth_id TEXT NOT NULL, received_at TEXT NOT NULL,
  stored_sha256 TEXT NOT NULL, sent_sha256 TEXT NOT NULL, sent TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  user_name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, roles TEXT NOT NULL,
  display_name TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bundles (
  version BIGINT PRIMARY KEY, sha256 TEXT NOT NULL, size BIGINT NOT NULL, created_at TEXT NOT NULL,
  chunks INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bundle_chunks (
  version BIGINT NOT NULL, idx INTEGER NOT NULL, data {blob} NOT NULL, PRIMARY KEY (version, idx));
CREATE TABLE IF NOT EXISTS queue (
  record_id TEXT PRIMARY KEY, booth_id TEXT NOT NULL, inspector TEXT, flags TEXT NOT NULL,
  created_at TEXT, status TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
  seq {serial}, review_id TEXT NOT NULL UNIQUE, record_id TEXT NOT NULL, reviewer TEXT NOT NULL, verdict TEXT NOT NULL,
  reason TEXT NOT NULL, booth_id TEXT NOT NULL, created_at TEXT NOT NULL);
"""
DDL_TYPES = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY AUTOINCREMENT", "blob": "BLOB"},
    "postgresql": {"serial": "BIGSERIAL PRIMARY KEY", "blob": "BYTEA"},
}
ROLES = ("inspector", "supervisor", "administrator")


def parse_url(url: str) -> tuple[str, str]:
    """``sqlite:///rel.db`` / ``sqlite:////abs.db`` / a bare path -> sqlite; ``postgresql://`` -> pg."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql", url
    if url.startswith("sqlite://"):
        path = url[len("sqlite://"):]
        if not path.startswith("/") or path == "/":
            raise HubDbError(f"bad SQLite URL {url!r}: use sqlite:///relative.db or sqlite:////abs/path.db")
        return "sqlite", path[1:]
    if "://" in url:
        raise HubDbError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://...")
    return "sqlite", url


class _Tx:
    """A cursor that speaks ``?`` placeholders on both databases."""

    def __init__(self, cur, dialect: str):
        self.cur, self.dialect = cur, dialect

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Iterable[Any] = ()) -> _Tx:
        self.cur.execute(self._sql(sql), tuple(params))
        return self

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            self.cur.executemany(self._sql(sql), rows)

    def fetchall(self) -> list[tuple]:
        return self.cur.fetchall()

    def fetchone(self):
        return self.cur.fetchone()


class HubDb:
    def __init__(self, url: str):
        self.url = url
        self.dialect, self.target = parse_url(url)
        self._local = threading.local()
        self._conns: list = []  # every thread's connection, so close() can release them all
        self._conns_lock = threading.Lock()
        self._write_lock = threading.Lock()  # SQLite: one writer at a time inside this process
        if self.dialect == "sqlite":
            Path(self.target).parent.mkdir(parents=True, exist_ok=True)
        with self.tx() as tx:
            for stmt in SCHEMA.format(**DDL_TYPES[self.dialect]).split(";"):
                if stmt.strip():
                    tx.execute(stmt)

    # -- connections -------------------------------------------------------------------------
    def _connect(self):
        try:
            if self.dialect == "sqlite":
                conn = sqlite3.connect(self.target, isolation_level=None, timeout=60,
                                       check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                return conn
            import psycopg

            return psycopg.connect(self.target, autocommit=True)
        except Exception as exc:  # noqa: BLE001 - re-raised with the URL named
            raise HubDbError(f"cannot open hub database {self.url}: {exc}") from exc

    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    @contextmanager
    def tx(self) -> Iterator[_Tx]:
        """One transaction: committed on success, rolled back on any error."""
        conn = self._conn()
        lock = self._write_lock if self.dialect == "sqlite" else _NullLock()
        with lock:
            try:
                cur = conn.cursor()
                cur.execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
            except Exception:
                self._forget(conn)  # e.g. PostgreSQL restarted: reconnect on the next request
                raise
            try:
                yield _Tx(cur, self.dialect)
            except BaseException:
                try:
                    cur.execute("ROLLBACK")
                except Exception:  # noqa: BLE001 - connection is gone; the original error matters
                    self._forget(conn)
                raise
            try:
                cur.execute("COMMIT")
            except Exception:
                self._forget(conn)
                raise

    def _forget(self, conn) -> None:
        """Drop a broken connection so this thread opens a fresh one next time."""
        if getattr(self._local, "conn", None) is conn:
            self._local.conn = None
        with self._conns_lock:
            if conn in self._conns:
                self._conns.remove(conn)
        try:
            conn.close()
        except Exception:  # noqa: BLE001
            pass

    def close(self) -> None:
        """Close every thread's connection (call when no request is running any more)."""
        with self._conns_lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
        self._local = threading.local()

    # -- booths ------------------------------------------------------------------------------
    def register_booth(self, booth_id: str) -> str:
        """Issue a new credential (replacing any earlier one); returns the token, shown once."""
        credentials.check_booth_id(booth_id)
        secret = credentials.new_secret()
        with self.tx() as tx:
            tx.execute("DELETE FROM booths WHERE booth_id = ?", (booth_id,))
            tx.execute("INSERT INTO booths (booth_id, secret_sha256, created_at) VALUES (?, ?, ?)",
                       (booth_id, credentials.secret_hash(secret), utc_now(microseconds=True)))
        return credentials.make_token(booth_id, secret)

    def booth_secret_hash(self, booth_id: str) -> str | None:
        with self.tx() as tx:
            row = tx.execute("SELECT secret_sha256 FROM booths WHERE booth_id = ? AND revoked = 0",
                             (booth_id,)).fetchone()
        return row[0] if row else None

    def authenticate(self, token: str) -> str | None:
        """The booth id of a valid credential, else None."""
        try:
            booth_id, secret = credentials.split_token(token)
        except credentials.CredentialError:
            return None
        return booth_id if credentials.matches(secret, self.booth_secret_hash(booth_id)) else None

    # -- records -----------------------------------------------------------------------------
    def put_records(self, booth_id: str, records: list[dict], via: str = "push") -> dict:
        """Store each record once. Returns ``{"stored", "duplicates", "conflicts"}`` (record ids).

        The primary key makes "exactly once" hold even when two deliveries race; the content hash
        tells a harmless resend (duplicate) from a different record under a used id (conflict,
        logged in ``conflicts``, never overwriting what is stored).
        """
        if len(records) > MAX_BATCH:
            raise ValueError(f"batch of {len(records)} records exceeds the limit of {MAX_BATCH}")
        now = utc_now(microseconds=True)
        rows, hashes = [], {}
        for r in records:
            rid = r["record_id"]
            pj = rec.canonical_json(r["payload"])
            h = rec.content_hash(r["kind"], r["payload"], pj)
            if rid in hashes and hashes[rid] != h:
                raise ValueError(f"record {rid} appears twice in one batch with different content")
            hashes[rid] = h
            rows.append((rid, booth_id, r.get("seq"), r["kind"], pj, h,
                         r.get("created_at"), now, via))
        ids = list(hashes)
        result = {"stored": [], "duplicates": [], "conflicts": []}
        if not ids:
            return result
        with self.tx() as tx:
            before = self._hashes(tx, ids)
            tx.executemany(
                "INSERT INTO records (record_id, booth_id, seq, kind, payload, content_sha256, created_at,"
                " received_at, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (record_id) DO NOTHING",
                [row for row in rows if row[0] not in before])
            after = dict(before)  # ids seen before cannot change; re-read only the new ones
            after.update(self._hashes(tx, [i for i in ids if i not in before]))
            seen = set()
            for r, row in zip(records, rows):
                rid = row[0]
                if rid in seen:
                    continue
                seen.add(rid)
                if after.get(rid) != hashes[rid]:
                    result["conflicts"].append(rid)
                    tx.execute("INSERT INTO conflicts (record_id, booth_id, received_at, stored_sha256,"
                               " sent_sha256, sent) VALUES (?, ?, ?, ?, ?, ?)",
                               (rid, booth_id, now, after.get(rid, ""), hashes[rid], rec.canonical_json(r)))
                    log.warning("record %s from booth %s conflicts with the stored record "
                                "(sent %s, stored %s); kept the stored one", rid, booth_id,
                                hashes[rid][:12], (after.get(rid) or "")[:12])
                elif rid in before:
                    result["duplicates"].append(rid)
                else:
                    result["stored"].append(rid)
                    self._on_new_record(tx, booth_id, r)
        return result

    @staticmethod
    def _hashes(tx: _Tx, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for rid, h in tx.execute(f"SELECT record_id, content_sha256 FROM records WHERE record_id IN ({marks})",
                                     chunk).fetchall():
                out[rid] = h
        return out

    def _on_new_record(self, tx: _Tx, booth_id: str, r: dict) -> None:
        flags = rec.flags_of(r["kind"], r["payload"])
        if flags:
            tx.execute("INSERT INTO queue (record_id, booth_id, inspector, flags, created_at, status)"
                       " VALUES (?, ?, ?, ?, ?, 'open') ON CONFLICT (record_id) DO NOTHING",
                       (r["record_id"], booth_id, self._inspector_of(tx, r["payload"]), json.dumps(flags),
                        r.get("created_at")))
        review = rec.review_of(r["kind"], r["payload"])
        if review:
            try:
                self._add_review(tx, r["record_id"], booth_id, **review)
            except ValueError as exc:  # stored anyway: the record is evidence; the queue stays open
                log.warning("review record %s not applied: %s", r["record_id"], exc)

    @staticmethod
    def _inspector_of(tx: _Tx, payload: dict) -> str | None:
        """Who examined: in the payload, or in its examination record (pushed earlier, in order)."""
        if payload.get("inspector"):
            return payload["inspector"]
        exam_id = payload.get("examination_id")
        if not exam_id:
            return None
        row = tx.execute("SELECT payload FROM records WHERE record_id = ?", (exam_id,)).fetchone()
        return json.loads(row[0]).get("inspector") if row else None

    def get_record(self, record_id: str) -> dict | None:
        with self.tx() as tx:
            row = tx.execute("SELECT record_id, booth_id, seq, kind, payload, content_sha256, created_at,"
                             " received_at, via FROM records WHERE record_id = ?", (record_id,)).fetchone()
        if not row:
            return None
        keys = ("record_id", "booth_id", "seq", "kind", "payload", "content_sha256", "created_at",
                "received_at", "via")
        out = dict(zip(keys, row))
        out["payload"] = json.loads(out["payload"])
        return out

    def record_ids(self, booth_id: str | None = None) -> list[str]:
        with self.tx() as tx:
            if booth_id:
                rows = tx.execute("SELECT record_id FROM records WHERE booth_id = ? ORDER BY seq",
                                  (booth_id,)).fetchall()
            else:
                rows = tx.execute("SELECT record_id FROM records").fetchall()
        return [r[0] for r in rows]

    def stats(self) -> dict:
        with self.tx() as tx:
            count = lambda t: tx.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: E731
            return {t: count(t) for t in ("booths", "records", "conflicts", "users", "bundles", "queue", "reviews")}

    def conflicts(self) -> list[dict]:
        with self.tx() as tx:
            rows = tx.execute("SELECT record_id, booth_id, received_at, stored_sha256, sent_sha256"
                              " FROM conflicts ORDER BY id").fetchall()
        return [dict(zip(("record_id", "booth_id", "received_at", "stored_sha256", "sent_sha256"), r))
                for r in rows]

    # -- users -------------------------------------------------------------------------------
    def add_user(self, user: str, password_hash: str, roles: list[str], display_name: str = "") -> None:
        if not user or not user.strip():
            raise ValueError("user name must not be empty")
        bad = [r for r in roles if r not in ROLES]
        if bad or not roles:
            raise ValueError(f"roles must be among {', '.join(ROLES)} (got {roles})")
        with self.tx() as tx:
            tx.execute("DELETE FROM users WHERE user_name = ?", (user,))
            tx.execute("INSERT INTO users (user_name, password_hash, roles, display_name, updated_at)"
                       " VALUES (?, ?, ?, ?, ?)",
                       (user, password_hash, json.dumps(sorted(set(roles))), display_name or user, utc_now(microseconds=True)))

    def users(self) -> list[dict]:
        """In the shape of ``Store.set_users``: ``{user, password_hash, roles, display_name}``."""
        with self.tx() as tx:
            rows = tx.execute("SELECT user_name, password_hash, roles, display_name FROM users"
                              " ORDER BY user_name").fetchall()
        return [{"user": u, "password_hash": h, "roles": json.loads(r), "display_name": d} for u, h, r, d in rows]

    # -- bundles -----------------------------------------------------------------------------
    # Stored in 8 MiB chunks: a full SLTD bundle for 100M documents is over a gigabyte, past the
    # 1 GB limit of one PostgreSQL bytea or SQLite blob, and is streamed rather than held in memory.
    CHUNK = 8 * 1024 * 1024

    def put_bundle(self, version: int, data: bytes) -> dict:
        import io

        return self.put_bundle_file(version, io.BytesIO(data))

    def put_bundle_file(self, version: int, fh) -> dict:
        """Store an opaque signed bundle (a binary file object) under its version; the same bytes
        again is a no-op, other bytes under a published version are refused."""
        import hashlib

        if version < 1:
            raise ValueError("bundle version must be a positive integer")
        digest, size, idx = hashlib.sha256(), 0, 0
        with self.tx() as tx:
            existing = tx.execute("SELECT sha256 FROM bundles WHERE version = ?", (version,)).fetchone()
            if not existing:
                tx.execute("DELETE FROM bundle_chunks WHERE version = ?", (version,))
            while True:
                chunk = fh.read(self.CHUNK)
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
                if not existing:
                    tx.execute("INSERT INTO bundle_chunks (version, idx, data) VALUES (?, ?, ?)", (version, idx, chunk))
                idx += 1
            sha = digest.hexdigest()
            if existing and existing[0] != sha:
                raise ValueError(f"bundle version {version} is already published with different content")
            if not existing:
                tx.execute("INSERT INTO bundles (version, sha256, size, created_at, chunks) VALUES (?, ?, ?, ?, ?)",
                           (version, sha, size, utc_now(microseconds=True), idx))
        return {"version": version, "sha256": sha, "size": size}

    def list_bundles(self, after: int = 0) -> list[dict]:
        with self.tx() as tx:
            rows = tx.execute("SELECT version, sha256, size, created_at FROM bundles WHERE version > ?"
                              " ORDER BY version", (after,)).fetchall()
        return [dict(zip(("version", "sha256", "size", "created_at"), r)) for r in rows]

    def bundle_info(self, version: int) -> dict | None:
        with self.tx() as tx:
            row = tx.execute("SELECT version, sha256, size, created_at, chunks FROM bundles WHERE version = ?",
                             (version,)).fetchone()
        return dict(zip(("version", "sha256", "size", "created_at", "chunks"), row)) if row else None

    def iter_bundle(self, version: int, chunks: int):
        """The bundle's bytes chunk by chunk (one short query each: no long-held transaction)."""
        for idx in range(chunks):
            with self.tx() as tx:
                row = tx.execute("SELECT data FROM bundle_chunks WHERE version = ? AND idx = ?",
                                 (version, idx)).fetchone()
            if row is None:
                raise HubDbError(f"bundle {version} is missing chunk {idx}")
            yield bytes(row[0])

    def get_bundle(self, version: int) -> tuple[bytes, str] | None:
        info = self.bundle_info(version)
        if info is None:
            return None
        return b"".join(self.iter_bundle(version, info["chunks"])), info["sha256"]

    # -- supervisor queue --------------------------------------------------------------------
    def queue(self, status: str = "open") -> list[dict]:
        """Queue items with the flagged record's kind and payload, so a supervisor sees what to judge."""
        with self.tx() as tx:
            rows = tx.execute("SELECT q.record_id, q.booth_id, q.inspector, q.flags, q.created_at, q.status,"
                              " r.kind, r.payload FROM queue q JOIN records r ON r.record_id = q.record_id"
                              " WHERE q.status = ? ORDER BY q.created_at, q.record_id", (status,)).fetchall()
        return [{"record_id": r, "booth_id": b, "inspector": i, "flags": json.loads(f), "created_at": c,
                 "status": s, "kind": k, "payload": json.loads(p)} for r, b, i, f, c, s, k, p in rows]

    def add_review(self, review_id: str, target_record_id: str, booth_id: str, reviewer: str,
                   verdict: str, reason: str) -> dict:
        with self.tx() as tx:
            return self._add_review(tx, review_id, booth_id, target_record_id, reviewer, verdict, reason)

    def _add_review(self, tx: _Tx, review_id: str, booth_id: str, target_record_id: str | None,
                    reviewer: str | None, verdict: str | None, reason: str | None) -> dict:
        """A supervisor's verdict closes the queue item. Same review id again: no-op."""
        if verdict not in rec.VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(rec.VERDICTS)}")
        if not reason or not str(reason).strip():
            raise ValueError("a review needs a reason")
        item = tx.execute("SELECT inspector FROM queue WHERE record_id = ?", (target_record_id,)).fetchone()
        if item is None:
            raise LookupError(f"record {target_record_id} is not in the supervisor queue")
        row = tx.execute("SELECT roles FROM users WHERE user_name = ?", (reviewer,)).fetchone()
        if row is None or "supervisor" not in json.loads(row[0]):
            raise PermissionError(f"{reviewer!r} is not a supervisor on this hub")
        if reviewer == item[0]:
            raise PermissionError("a supervisor cannot review an examination they conducted")
        same = tx.execute("SELECT review_id FROM reviews WHERE record_id = ? AND reviewer = ? AND verdict = ?"
                          " AND reason = ?", (target_record_id, reviewer, verdict, reason)).fetchone()
        if same:  # the echo of a review the booth received from the hub: already known
            return {"review_id": same[0], "record_id": target_record_id, "verdict": verdict}
        tx.execute("INSERT INTO reviews (review_id, record_id, reviewer, verdict, reason, booth_id, created_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING",
                   (review_id, target_record_id, reviewer, verdict, reason, booth_id, utc_now(microseconds=True)))
        tx.execute("UPDATE queue SET status = 'reviewed' WHERE record_id = ?", (target_record_id,))
        return {"review_id": review_id, "record_id": target_record_id, "verdict": verdict}

    def reviews_for_booth(self, booth_id: str, after: int = 0, limit: int = 500) -> list[dict]:
        """Reviews made elsewhere (another booth, or the hub API) of records this booth sent, in
        order: the booth applies them so an examination's hit can be cleared where it was raised."""
        with self.tx() as tx:
            rows = tx.execute(
                "SELECT v.seq, v.review_id, v.record_id, v.reviewer, v.verdict, v.reason, v.created_at"
                " FROM reviews v JOIN records r ON r.record_id = v.record_id"
                " WHERE r.booth_id = ? AND v.booth_id <> ? AND v.seq > ? ORDER BY v.seq LIMIT ?",
                (booth_id, booth_id, after, limit)).fetchall()
        keys = ("seq", "review_id", "record_id", "reviewer", "verdict", "reason", "created_at")
        return [dict(zip(keys, r)) for r in rows]

    def reviews(self, record_id: str) -> list[dict]:
        with self.tx() as tx:
            rows = tx.execute("SELECT review_id, reviewer, verdict, reason, booth_id, created_at FROM reviews"
                              " WHERE record_id = ? ORDER BY created_at", (record_id,)).fetchall()
        return [dict(zip(("review_id", "reviewer", "verdict", "reason", "booth_id", "created_at"), r)) for r in rows]


class _NullLock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
