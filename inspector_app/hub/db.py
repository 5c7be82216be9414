"""The hub's database: one small SQL layer over SQLite (default) and PostgreSQL (production).

SQL is written once with ``?`` placeholders and portable statements (``ON CONFLICT DO NOTHING``
works in both); only the DDL types differ. Connections come from a bounded pool per process
(``hub/pool.py``): ``tx()`` is a write transaction, ``read()`` a read that never waits for a writer.
"""
from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector_app.common import passwords, signed_review, signing
from inspector_app.common.clock import utc_now
from inspector_app.hub import credentials, encounters, landings, manifests
from inspector_app.hub import records as rec
from inspector_app.hub.pool import HubBusy, HubDbError, PostgresPool, SqlitePool

__all__ = ["Booth", "HubBusy", "HubDb", "HubDbError", "MAX_BATCH", "parse_url"]

log = logging.getLogger("inspector_app.hub")

MAX_BATCH = 1000


SCHEMA_VERSION = "2"
SCHEMA_LOCK = 0x1B0E_0001  # PostgreSQL advisory lock held while a hub makes or checks the schema
SCHEMA = """
CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS booths (
  booth_id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0, port TEXT NOT NULL, public_key TEXT);
CREATE TABLE IF NOT EXISTS records (
  booth_id TEXT NOT NULL, record_id TEXT NOT NULL, seq BIGINT, kind TEXT NOT NULL,
  payload TEXT NOT NULL, content_sha256 TEXT NOT NULL, signature TEXT NOT NULL, created_at TEXT,
  received_at TEXT NOT NULL, via TEXT NOT NULL, PRIMARY KEY (booth_id, record_id));
CREATE INDEX IF NOT EXISTS records_booth_seq ON records (booth_id, seq);
CREATE TABLE IF NOT EXISTS conflicts (
  id {serial}, record_id TEXT NOT NULL, booth_id TEXT NOT NULL, received_at TEXT NOT NULL,
  stored_sha256 TEXT NOT NULL, sent_sha256 TEXT NOT NULL, sent TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  user_name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, roles TEXT NOT NULL,
  display_name TEXT NOT NULL, ports TEXT NOT NULL, public_key TEXT NOT NULL, wrapped_key TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS user_lists (
  port TEXT PRIMARY KEY, version BIGINT NOT NULL, body TEXT NOT NULL, signature TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bundles (
  version BIGINT PRIMARY KEY, sha256 TEXT NOT NULL, size BIGINT NOT NULL, created_at TEXT NOT NULL,
  chunks INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bundle_chunks (
  version BIGINT NOT NULL, idx INTEGER NOT NULL, data {blob} NOT NULL, PRIMARY KEY (version, idx));
CREATE TABLE IF NOT EXISTS queue (
  booth_id TEXT NOT NULL, record_id TEXT NOT NULL, port TEXT NOT NULL, inspector TEXT,
  flags TEXT NOT NULL, created_at TEXT, status TEXT NOT NULL, kind TEXT, summary TEXT,
  changed BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (booth_id, record_id));
CREATE TABLE IF NOT EXISTS reviews (
  seq {serial}, review_id TEXT NOT NULL UNIQUE, booth_id TEXT NOT NULL, record_id TEXT NOT NULL,
  body TEXT NOT NULL, signature TEXT NOT NULL, reviewer TEXT NOT NULL, verdict TEXT NOT NULL,
  submitted_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pending_reviews (
  review_id TEXT PRIMARY KEY, booth_id TEXT NOT NULL, record_id TEXT NOT NULL, body TEXT NOT NULL,
  signature TEXT NOT NULL, submitted_by TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_heads (
  booth_id TEXT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alerts (
  id {serial}, at TEXT NOT NULL, booth_id TEXT, kind TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS access_log (
  id {serial}, at TEXT NOT NULL, principal TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
"""
#: Made after the queue's columns are migrated (an older schema-2 database lacks ``changed``).
QUEUE_INDEXES = """
CREATE INDEX IF NOT EXISTS queue_port_page ON queue (port, status, created_at, booth_id, record_id);
CREATE INDEX IF NOT EXISTS queue_booth_page ON queue (booth_id, status, created_at, record_id);
CREATE INDEX IF NOT EXISTS queue_port_changed ON queue (port, changed);
"""
#: Columns the queue gained within schema 2 (paging and the change cursor), added in place.
QUEUE_COLUMNS = {"kind": "TEXT", "summary": "TEXT", "changed": "BIGINT NOT NULL DEFAULT 0"}
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
    #: connections per process: processes x this is the deployment's budget (docs/DEPLOYMENT.md)
    DEFAULT_POOL_SIZE = 10
    #: how long a request waits for a connection before the hub answers 503 (Retry-After)
    DEFAULT_POOL_TIMEOUT_S = 5.0

    def __init__(self, url: str, pool_size: int | None = None, pool_timeout_s: float | None = None,
                 fixed_pool: bool = False):
        """``fixed_pool``: PostgreSQL's connections all opened now and kept (``hub serve``: the
        connection count is the budget, flat through bursts); else opened as requests need them."""
        self.url = url
        self.dialect, self.target = parse_url(url)
        self._gallery: encounters.HubGallery | None = None   # loaded at the first encounter search
        self.gallery_dir: Path | None = None   # a snapshot to start the gallery from (hub/gallery)
        self._gallery_lock = threading.Lock()
        size = pool_size or self.DEFAULT_POOL_SIZE
        timeout = pool_timeout_s or self.DEFAULT_POOL_TIMEOUT_S
        try:
            if self.dialect == "sqlite":
                Path(self.target).parent.mkdir(parents=True, exist_ok=True)
                self._pool = SqlitePool(self.target, size, timeout)
            else:
                self._pool = PostgresPool(self.target, size, timeout, fixed=fixed_pool)
        except (OSError, HubDbError) as exc:
            raise HubDbError(f"cannot open hub database {url}: {exc}") from exc
        try:
            self._create_schema()
        except HubDbError:
            self._pool.close()
            raise
        except Exception as exc:  # noqa: BLE001 - re-raised with the URL named
            self._pool.close()
            raise HubDbError(f"cannot open hub database {url}: {exc}") from exc

    def _create_schema(self) -> None:
        with self.tx() as tx:
            if self.dialect == "postgresql":  # hub processes starting at once on an empty database: one makes
                tx.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))  # the schema, the others wait
            for stmt in SCHEMA.format(**DDL_TYPES[self.dialect]).split(";"):
                if stmt.strip():
                    tx.execute(stmt)
            row = tx.execute("SELECT value FROM hub_meta WHERE key = 'schema'").fetchone()
            if row is None:
                if tx.execute("SELECT COUNT(*) FROM booths").fetchone()[0] or self._old_records(tx):
                    raise HubDbError(f"{self.url} holds a hub database from before signed records (schema 1); "
                                     "import its records into a new hub database")
                tx.execute("INSERT INTO hub_meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise HubDbError(f"{self.url} has hub schema {row[0]}, this hub needs {SCHEMA_VERSION}")
            self._migrate_queue(tx)
            landings.create(tx)
            tx.execute(encounters.table(DDL_TYPES[self.dialect]["serial"]))
            tx.execute(encounters.INDEX)
            manifests.create(tx, DDL_TYPES[self.dialect]["serial"])

    def _old_records(self, tx: _Tx) -> bool:
        return "signature" not in self._columns(tx, "records")

    def _columns(self, tx: _Tx, table: str) -> set[str]:
        """The columns ``table`` has in this database (its schema on PostgreSQL)."""
        sql = ("SELECT name FROM pragma_table_info(?)" if self.dialect == "sqlite" else
               "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
               " AND table_schema = current_schema()")
        return {r[0] for r in tx.execute(sql, (table,)).fetchall()}

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def tx(self) -> Iterator[_Tx]:
        """One write transaction: committed on success, rolled back on any error. SQLite: one
        writer at a time, its turn taken before a connection so waiting writers hold none."""
        with self._pool.writer(), self._pool.connection() as conn:
            if self.dialect == "postgresql":
                with conn.transaction():
                    yield _Tx(conn.cursor(), self.dialect)
                return
            cur = conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                yield _Tx(cur, self.dialect)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[_Tx]:
        """A read: never waits for a writer (SQLite: a WAL snapshot on its own connection;
        PostgreSQL: autocommit, one round trip per statement). Nothing may be written here."""
        with self._pool.connection() as conn:
            if self.dialect == "postgresql":
                yield _Tx(conn.cursor(), self.dialect)
                return
            cur = conn.cursor()
            cur.execute("BEGIN")  # deferred: a snapshot, no lock a writer waits for
            try:
                yield _Tx(cur, self.dialect)
            finally:
                cur.execute("COMMIT")

    def pool_stats(self) -> dict:
        """Connections of this process's pool: ``open``, ``idle``, ``max`` (benchmarks, tests)."""
        return self._pool.stats()

    def close(self) -> None:
        """Close the pool (call when no request is running any more)."""
        self._pool.close()

    # -- booths ------------------------------------------------------------------------------
    def register_booth(self, booth_id: str, port: str, public_key: str | None = None) -> str:
        """Issue a new credential (replacing any earlier one, and forgetting the booth's key unless
        one is given: a re-registered booth enrols its key again); returns the token, shown once."""
        credentials.check_booth_id(booth_id)
        port = _text(port, "port", 128)
        if public_key is not None:
            signing.public_from_b64(public_key)
        secret = credentials.new_secret()
        with self.tx() as tx:
            tx.execute("DELETE FROM booths WHERE booth_id = ?", (booth_id,))
            tx.execute("INSERT INTO booths (booth_id, secret_sha256, created_at, port, public_key)"
                       " VALUES (?, ?, ?, ?, ?)",
                       (booth_id, credentials.secret_hash(secret), utc_now(microseconds=True), port, public_key))
        return credentials.make_token(booth_id, secret)

    def booth(self, booth_id: str) -> Booth | None:
        with self.read() as tx:
            row = tx.execute("SELECT booth_id, port, public_key, secret_sha256 FROM booths"
                             " WHERE booth_id = ? AND revoked = 0", (booth_id,)).fetchone()
        return Booth(*row[:3]) if row else None

    def authenticate(self, token: str) -> Booth | None:
        """The booth of a valid credential, else None (an unknown booth costs the same)."""
        try:
            booth_id, secret = credentials.split_token(token)
        except credentials.CredentialError:
            return None
        with self.read() as tx:
            row = tx.execute("SELECT booth_id, port, public_key, secret_sha256 FROM booths"
                             " WHERE booth_id = ? AND revoked = 0", (booth_id,)).fetchone()
        return Booth(*row[:3]) if credentials.matches(secret, row[3] if row else None) else None

    def enrol_key(self, booth_id: str, public_key: str) -> bool:
        """Record the booth's signing key if it has none yet; True if ``public_key`` is now the
        booth's key, False if a different one is registered (an operator resets it by
        re-registering the booth)."""
        signing.public_from_b64(public_key)
        with self.tx() as tx:
            tx.execute("UPDATE booths SET public_key = ? WHERE booth_id = ? AND public_key IS NULL",
                       (public_key, booth_id))
            row = tx.execute("SELECT public_key FROM booths WHERE booth_id = ?", (booth_id,)).fetchone()
        return bool(row) and row[0] == public_key

    # -- records -----------------------------------------------------------------------------
    def put_records(self, booth: Booth, records: list[dict], via: str = "push",
                    audit_head: tuple[int, str] | None = None) -> dict:
        """Store each record once under (booth, record id). Returns record ids under ``stored``,
        ``duplicates``, ``conflicts`` and ``refused`` ({record_id, reason}), and ``hashes``
        (record id -> content hash) for the receipt.

        A record is refused unless its signature verifies with the pushing booth's key: ids are
        namespaced by booth, so one booth can neither overwrite another's record nor learn
        whether an id exists elsewhere. The primary key makes "exactly once" hold when two
        deliveries race; the content hash tells a resend (duplicate) from a different record
        under a used id (conflict, logged, never overwriting what is stored). ``audit_head``
        (seq, hash) is kept in the same transaction (:meth:`put_audit_head`): one commit a push.
        """
        if len(records) > MAX_BATCH:
            raise ValueError(f"batch of {len(records)} records exceeds the limit of {MAX_BATCH}")
        if not booth.public_key:
            raise PermissionError(f"booth {booth.booth_id} has not enrolled its signing key yet")
        public = signing.public_from_b64(booth.public_key)
        now = utc_now(microseconds=True)
        result: dict = {"stored": [], "duplicates": [], "conflicts": [], "refused": [], "hashes": {}}
        rows, good, seen = [], [], set()
        for r in records:
            rid = r["record_id"]
            pj = rec.canonical_json(r["payload"])
            h = rec.content_hash(r["kind"], r["payload"], pj)
            result["hashes"][rid] = h
            if not signing.verify(public, signing.RECORD, rec.signed_record(booth.booth_id, r), r.get("signature")):
                result["refused"].append({"record_id": rid, "reason": "signature does not verify with this "
                                          "booth's registered key"})
                continue
            if rid in seen:
                raise ValueError(f"record {rid} appears twice in one batch")
            seen.add(rid)
            good.append(r)
            rows.append((booth.booth_id, rid, r.get("seq"), r["kind"], pj, h, r["signature"],
                         r.get("created_at"), now, via))
        if not good:
            if audit_head is not None:
                self.put_audit_head(booth.booth_id, *audit_head)
            return result
        ids = [r["record_id"] for r in good]
        touched: list = []  # queue items inserted or reviewed: numbered just before the commit
        with self.tx() as tx:
            if audit_head is not None:
                self._put_audit_head(tx, booth.booth_id, *audit_head)
            before = self._hashes(tx, booth.booth_id, ids)
            tx.executemany(
                "INSERT INTO records (booth_id, record_id, seq, kind, payload, content_sha256, signature,"
                " created_at, received_at, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (booth_id, record_id) DO NOTHING",
                [row for row in rows if row[1] not in before])
            after = dict(before)
            after.update(self._hashes(tx, booth.booth_id, [i for i in ids if i not in before]))
            for r in good:
                rid, h = r["record_id"], result["hashes"][r["record_id"]]
                if after.get(rid) != h:
                    result["conflicts"].append(rid)
                    tx.execute("INSERT INTO conflicts (record_id, booth_id, received_at, stored_sha256,"
                               " sent_sha256, sent) VALUES (?, ?, ?, ?, ?, ?)",
                               (rid, booth.booth_id, now, after.get(rid, ""), h, rec.canonical_json(r)))
                    log.warning("record %s from booth %s conflicts with its stored record; kept the stored one",
                                rid, booth.booth_id)
                elif rid in before:
                    result["duplicates"].append(rid)
                else:
                    refusal = self._on_new_record(tx, booth, r, touched)
                    if refusal:  # stored as evidence, but it changes nothing; the booth is told why
                        result["refused"].append({"record_id": rid, "reason": refusal})
                    else:
                        result["stored"].append(rid)
            self._stamp(tx, touched)
        return result

    @staticmethod
    def _hashes(tx: _Tx, booth_id: str, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for rid, h in tx.execute(f"SELECT record_id, content_sha256 FROM records WHERE booth_id = ?"
                                     f" AND record_id IN ({marks})", [booth_id, *chunk]).fetchall():
                out[rid] = h
        return out

    def _on_new_record(self, tx: _Tx, booth: Booth, r: dict, touched: list) -> str | None:
        """Queue a flagged record, apply a review (or park it until its target arrives), apply
        parked reviews of this record. Returns why a review record was not applied, or None.
        Queue items inserted or reviewed are added to ``touched`` (for ``_stamp``); an examination
        or decision is indexed for ``find_landings``."""
        landings.index(tx, booth.booth_id, r)
        unindexed = encounters.index(tx, booth.booth_id, booth.port, r)
        if unindexed:
            return unindexed
        flags = rec.flags_of(r["kind"], r["payload"])
        if flags:
            # a record without a time is queued at its arrival: pages are ordered by created_at
            tx.execute("INSERT INTO queue (booth_id, record_id, port, inspector, flags, created_at, status, kind,"
                       " summary) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?) ON CONFLICT (booth_id, record_id) DO NOTHING",
                       (booth.booth_id, r["record_id"], booth.port,
                        self._inspector_of(tx, booth.booth_id, r["payload"]), json.dumps(flags),
                        r.get("created_at") or utc_now(microseconds=True), r["kind"], json.dumps(_summary(r["payload"]))))
            touched.append((booth.booth_id, r["record_id"]))
            for rid, body, sig, by in tx.execute(
                    "SELECT review_id, body, signature, submitted_by FROM pending_reviews WHERE booth_id = ?"
                    " AND record_id = ?", (booth.booth_id, r["record_id"])).fetchall():
                tx.execute("DELETE FROM pending_reviews WHERE review_id = ?", (rid,))
                try:
                    self._apply_review(tx, json.loads(body), sig, by, touched)
                except (ValueError, PermissionError, LookupError) as exc:
                    self._alert(tx, booth.booth_id, "review.refused", f"parked review {rid}: {exc}")
        if r["kind"] != rec.REVIEW_KIND:
            return None
        payload = r["payload"] if isinstance(r["payload"], dict) else {}
        fields = {k: payload.get(k) for k in signed_review.FIELDS}
        if fields["booth_id"] != booth.booth_id:
            return "a review pushed by a booth must be of that booth's own records"
        try:
            self._apply_review(tx, fields, payload.get("signature"), booth.booth_id, touched, park=True)
        except (ValueError, PermissionError) as exc:
            return f"review not applied: {exc}"
        except LookupError as exc:  # cannot happen with park=True; kept for clarity
            return f"review not applied: {exc}"
        return None

    @staticmethod
    def _inspector_of(tx: _Tx, booth_id: str, payload: dict) -> str | None:
        """Who examined: in the payload, or in its examination record (pushed earlier, in order)."""
        if payload.get("inspector"):
            return payload["inspector"]
        exam_id = payload.get("examination_id")
        if not exam_id:
            return None
        row = tx.execute("SELECT payload FROM records WHERE booth_id = ? AND record_id = ?",
                         (booth_id, exam_id)).fetchone()
        return json.loads(row[0]).get("inspector") if row else None

    def get_record(self, booth_id: str, record_id: str) -> dict | None:
        with self.read() as tx:
            row = tx.execute("SELECT record_id, booth_id, seq, kind, payload, content_sha256, created_at,"
                             " received_at, via FROM records WHERE booth_id = ? AND record_id = ?",
                             (booth_id, record_id)).fetchone()
        if not row:
            return None
        keys = ("record_id", "booth_id", "seq", "kind", "payload", "content_sha256", "created_at",
                "received_at", "via")
        out = dict(zip(keys, row))
        out["payload"] = json.loads(out["payload"])
        return out

    def record_ids(self, booth_id: str | None = None) -> list[str]:
        with self.read() as tx:
            if booth_id:
                rows = tx.execute("SELECT record_id FROM records WHERE booth_id = ? ORDER BY seq",
                                  (booth_id,)).fetchall()
            else:
                rows = tx.execute("SELECT record_id FROM records").fetchall()
        return [r[0] for r in rows]

    def stats(self) -> dict:
        with self.read() as tx:
            count = lambda t: tx.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: E731
            return {t: count(t) for t in ("booths", "records", "conflicts", "users", "bundles", "queue", "reviews",
                                          "pending_reviews", "alerts")}

    def conflicts(self) -> list[dict]:
        with self.read() as tx:
            rows = tx.execute("SELECT record_id, booth_id, received_at, stored_sha256, sent_sha256"
                              " FROM conflicts ORDER BY id").fetchall()
        return [dict(zip(("record_id", "booth_id", "received_at", "stored_sha256", "sent_sha256"), r))
                for r in rows]

    def find_landings(self, document_number: str, nationality: str, limit: int = 5) -> list[dict]:
        """Every booth's landings of the traveller of this document, newest first (``hub.landings``)."""
        with self.read() as tx:
            return landings.find(tx, document_number, nationality, limit)

    def search_encounters(self, face, fingers, exclude: str, k: int = 10) -> list[dict]:
        """Earlier encounters at any booth whose face or fingers match (``hub.encounters``)."""
        with self._gallery_lock:
            if self._gallery is None:
                self._gallery = encounters.HubGallery.from_snapshot(self.gallery_dir)
        return self._gallery.search(self, face, fingers, exclude, k)

    def recent_encounters(self, port: str, after: int, limit: int, not_booth: str) -> list[dict]:
        with self.read() as tx:
            return encounters.recent(tx, port, after, limit, not_booth)

    # -- pre-arrival manifests (hub.manifests) ---------------------------------------------------
    def put_manifest(self, port: str, sha256: str, head: dict, people: int, uploaded_by: str, booth_id: str,
                     body: str) -> dict:
        """A PAXLST file the hub read, for ``port``'s booths; the same digest again is the one kept."""
        with self.tx() as tx:
            return manifests.add(tx, port, sha256, head, people, uploaded_by, booth_id, body)

    def manifests_after(self, port: str, seq: int = 0, limit: int = manifests.MAX_PAGE) -> list[dict]:
        with self.read() as tx:
            return manifests.after(tx, port, seq, limit)

    # -- audit anchors, alerts, reads ----------------------------------------------------------
    def put_audit_head(self, booth_id: str, seq: int, head_hash: str) -> None:
        """Keep the newest head of the booth's audit chain. A head that goes back (a lower
        number, or the same number with another hash) means the booth's chain was cut or
        rewritten: kept as an alert, the stored anchor is not moved back."""
        with self.tx() as tx:
            self._put_audit_head(tx, booth_id, seq, head_hash)

    def _put_audit_head(self, tx: _Tx, booth_id: str, seq: int, head_hash: str) -> None:
        row = tx.execute("SELECT seq, hash FROM audit_heads WHERE booth_id = ?", (booth_id,)).fetchone()
        if row and (seq < row[0] or (seq == row[0] and head_hash != row[1])):
            self._alert(tx, booth_id, "audit.rewound",
                        f"booth sent audit head {seq}/{head_hash[:16]} after {row[0]}/{row[1][:16]}")
            return
        if row and seq == row[0]:
            return  # the same head again (a resend): nothing to write
        tx.execute("INSERT INTO audit_heads (booth_id, seq, hash, received_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT (booth_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,"
                   " received_at = excluded.received_at",
                   (booth_id, seq, head_hash, utc_now(microseconds=True)))

    def audit_head(self, booth_id: str) -> dict | None:
        with self.read() as tx:
            row = tx.execute("SELECT seq, hash, received_at FROM audit_heads WHERE booth_id = ?",
                             (booth_id,)).fetchone()
        return dict(zip(("seq", "hash", "received_at"), row)) if row else None

    @staticmethod
    def _alert(tx: _Tx, booth_id: str | None, kind: str, detail: str) -> None:
        log.warning("alert %s (booth %s): %s", kind, booth_id, detail)
        tx.execute("INSERT INTO alerts (at, booth_id, kind, detail) VALUES (?, ?, ?, ?)",
                   (utc_now(microseconds=True), booth_id, kind, detail))

    def alerts(self) -> list[dict]:
        with self.read() as tx:
            rows = tx.execute("SELECT at, booth_id, kind, detail FROM alerts ORDER BY id").fetchall()
        return [dict(zip(("at", "booth_id", "kind", "detail"), r)) for r in rows]

    def log_access(self, principal: str, action: str, detail: str) -> None:
        with self.tx() as tx:
            tx.execute("INSERT INTO access_log (at, principal, action, detail) VALUES (?, ?, ?, ?)",
                       (utc_now(microseconds=True), principal, action, detail))

    def access_log(self) -> list[dict]:
        with self.read() as tx:
            rows = tx.execute("SELECT at, principal, action, detail FROM access_log ORDER BY id").fetchall()
        return [dict(zip(("at", "principal", "action", "detail"), r)) for r in rows]

    # -- users -------------------------------------------------------------------------------
    def add_user(self, user: str, password_hash: str, roles: list[str], display_name: str, ports: list[str],
                 public_key: str, wrapped_key: str) -> None:
        """Add or replace a user. Ports: where the user works (``*`` = every port). Booths receive
        users only through lists the administrator signs (:meth:`publish_user_lists`)."""
        user = _text(user, "user name", 64)
        bad = [r for r in roles if r not in ROLES]
        if bad or not roles:
            raise ValueError(f"roles must be among {', '.join(ROLES)} (got {roles})")
        if not ports:
            raise ValueError("a user needs at least one port (or * for every port)")
        ports = sorted({_text(p, "port", 128) for p in ports})
        passwords.check_format(password_hash)
        signing.public_from_b64(public_key)
        with self.tx() as tx:
            tx.execute("DELETE FROM users WHERE user_name = ?", (user,))
            tx.execute("INSERT INTO users (user_name, password_hash, roles, display_name, ports, public_key,"
                       " wrapped_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (user, password_hash, json.dumps(sorted(set(roles))), display_name or user, json.dumps(ports),
                        public_key, wrapped_key, utc_now(microseconds=True)))

    _USER = "SELECT user_name, password_hash, roles, display_name, ports, public_key, wrapped_key FROM users"

    @staticmethod
    def _user_row(row) -> dict:
        u, h, r, d, p, k, w = row
        return {"user": u, "password_hash": h, "roles": json.loads(r), "display_name": d, "ports": json.loads(p),
                "public_key": k, "wrapped_key": w}

    def users(self) -> list[dict]:
        with self.read() as tx:
            rows = tx.execute(f"{self._USER} ORDER BY user_name").fetchall()
        return [self._user_row(r) for r in rows]

    def user(self, name: str) -> dict | None:
        """One user by name (every supervisor proof reads one: not the whole national list)."""
        with self.read() as tx:
            row = tx.execute(f"{self._USER} WHERE user_name = ?", (name,)).fetchone()
        return self._user_row(row) if row else None

    def publish_user_lists(self, admin_key) -> dict:
        """Sign, for every port that has a booth or a user, the list of that port's users, under
        a new version. Booths apply only a list signed by the administrator's key, newer than
        theirs and not empty; each booth is sent its own port's list only."""
        users = self.users()
        with self.tx() as tx:
            ports = {r[0] for r in tx.execute("SELECT DISTINCT port FROM booths").fetchall()}
            ports |= {p for u in users for p in u["ports"] if p != "*"}
            version = (tx.execute("SELECT MAX(version) FROM user_lists").fetchone()[0] or 0) + 1
            now = utc_now(microseconds=True)
            published = {}
            for port in sorted(ports):
                members = [u for u in users if port in u["ports"] or "*" in u["ports"]]
                if not members:
                    continue
                body = {"format": rec.USERS_FORMAT, "port": port, "version": version, "issued_at": now,
                        "users": members}
                sig = signing.sign(admin_key, signing.USERS, body)
                tx.execute("DELETE FROM user_lists WHERE port = ?", (port,))
                tx.execute("INSERT INTO user_lists (port, version, body, signature, created_at) VALUES (?, ?, ?, ?, ?)",
                           (port, version, rec.canonical_json(body), sig, now))
                published[port] = len(members)
        return {"version": version, "ports": published}

    def user_list(self, port: str) -> dict | None:
        with self.read() as tx:
            row = tx.execute("SELECT body, signature FROM user_lists WHERE port = ?", (port,)).fetchone()
        return {"list": json.loads(row[0]), "signature": row[1]} if row else None

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
        with self.read() as tx:
            rows = tx.execute("SELECT version, sha256, size, created_at FROM bundles WHERE version > ?"
                              " ORDER BY version", (after,)).fetchall()
        return [dict(zip(("version", "sha256", "size", "created_at"), r)) for r in rows]

    def bundle_info(self, version: int) -> dict | None:
        with self.read() as tx:
            row = tx.execute("SELECT version, sha256, size, created_at, chunks FROM bundles WHERE version = ?",
                             (version,)).fetchone()
        return dict(zip(("version", "sha256", "size", "created_at", "chunks"), row)) if row else None

    def iter_bundle(self, version: int, chunks: int):
        """The bundle's bytes chunk by chunk (one short query each: no long-held transaction)."""
        for idx in range(chunks):
            with self.read() as tx:
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
    # A supervisor's window holds the port's open items and asks only for what changed since its
    # cursor: every insert into the queue and every review applied stamps the item with the next
    # ``changed`` number (``_stamp``), so "changed > N" never misses an item committed later.
    QUEUE_STATUSES = ("open", "reviewed")
    SUMMARY_KEYS = ("examination_id", "kind", "outcome")
    _ITEM = "record_id, booth_id, port, inspector, flags, created_at, status, kind, summary, changed"

    def _migrate_queue(self, tx: _Tx) -> None:
        """Give a schema-2 queue made before paging its summary columns and change numbers
        (oldest first), then the indexes; ``ADD COLUMN IF NOT EXISTS`` on PostgreSQL lets several
        hub processes start at once (SQLite's write lock already serialises them)."""
        have = self._columns(tx, "queue")
        exists = "IF NOT EXISTS " if self.dialect == "postgresql" else ""
        missing = [c for c in QUEUE_COLUMNS if c not in have]
        for col in missing:
            tx.execute(f"ALTER TABLE queue ADD COLUMN {exists}{col} {QUEUE_COLUMNS[col]}")
        tx.execute("INSERT INTO hub_meta (key, value) VALUES ('queue_changed', '0') ON CONFLICT (key) DO NOTHING")
        if missing:
            rows = tx.execute("SELECT q.booth_id, q.record_id, COALESCE(q.created_at, r.received_at), r.kind, r.payload"
                              " FROM queue q JOIN records r ON r.booth_id = q.booth_id AND r.record_id = q.record_id"
                              " WHERE q.changed = 0 ORDER BY 3, q.booth_id, q.record_id").fetchall()
            for b, rid, created, kind, payload in rows:
                tx.execute("UPDATE queue SET created_at = ?, kind = ?, summary = ? WHERE booth_id = ? AND record_id = ?",
                           (created, kind, json.dumps(_summary(json.loads(payload))), b, rid))
            self._stamp(tx, [(b, rid) for b, rid, *_ in rows])
        for stmt in QUEUE_INDEXES.split(";"):
            if stmt.strip():
                tx.execute(stmt)

    @staticmethod
    def _stamp(tx: _Tx, touched: list[tuple[str, str]]) -> None:
        """Number the queue items this transaction inserted or reviewed. Call it last, just
        before the commit: the counter row's lock makes every other queue writer wait from here
        to the commit, so commit order is number order and a reader that sees number N has
        everything below N. Transactions that touch no queue item never take the lock."""
        keys = list(dict.fromkeys(touched))
        if not keys:
            return
        top = int(tx.execute("UPDATE hub_meta SET value = CAST(CAST(value AS BIGINT) + ? AS TEXT)"
                             " WHERE key = 'queue_changed' RETURNING value", (len(keys),)).fetchone()[0])
        first = top - len(keys) + 1
        tx.executemany("UPDATE queue SET changed = ? WHERE booth_id = ? AND record_id = ?",
                       [(first + i, b, rid) for i, (b, rid) in enumerate(keys)])

    def queue_page(self, port: str, status: str = "open", booth_id: str | None = None, since: str | None = None,
                   after: str | None = None, limit: int = 100) -> dict:
        """One page of a port's queue, oldest first: ``{"items": [summaries], "next": cursor or
        None, "cursor": the change number when the page was read}``. Paging is by key (``after`` =
        the previous page's ``next``), so items arriving between pages are neither repeated nor
        skipped; one created earlier than the page already read is found by ``queue_changes``
        after ``cursor``. Raises ValueError for a bad status, ``since`` or cursor."""
        if status not in self.QUEUE_STATUSES:
            raise ValueError(f"status must be one of {', '.join(self.QUEUE_STATUSES)}")
        where, params = ["port = ?", "status = ?"], [port, status]
        if booth_id is not None:
            where.append("booth_id = ?")
            params.append(booth_id)
        if since is not None:
            where.append("created_at >= ?")
            params.append(_instant(since))
        if after is not None:
            where.append("(created_at, booth_id, record_id) > (?, ?, ?)")
            params.extend(_decode_cursor(after))
        with self.read() as tx:
            cursor = int(tx.execute("SELECT value FROM hub_meta WHERE key = 'queue_changed'").fetchone()[0])
            rows = tx.execute(f"SELECT {self._ITEM} FROM queue WHERE {' AND '.join(where)}"
                              " ORDER BY created_at, booth_id, record_id LIMIT ?", (*params, limit + 1)).fetchall()
        items = [_item(r) for r in rows[:limit]]
        last = items[-1] if len(rows) > limit else None
        return {"items": items, "cursor": cursor,
                "next": _encode_cursor(last["created_at"], last["booth_id"], last["record_id"]) if last else None}

    def queue_changes(self, port: str, after: int = 0, limit: int = 500) -> dict:
        """A port's items inserted or reviewed since change number ``after``, in that order
        (reviewed ones included, so a window drops them): ``{"items", "cursor"}``, the cursor
        being the last item's number (``after`` when nothing changed)."""
        if after < 0:
            raise ValueError("the change cursor is a number of 0 or more")
        with self.read() as tx:
            rows = tx.execute(f"SELECT {self._ITEM} FROM queue WHERE port = ? AND changed > ? ORDER BY changed LIMIT ?",
                              (port, after, limit)).fetchall()
        items = [_item(r) for r in rows]
        return {"items": items, "cursor": items[-1]["changed"] if items else after}

    def queue_item(self, port: str, booth_id: str, record_id: str) -> dict | None:
        """One queue item with its record's payload, or None unless it is of ``port``: the payload
        travels only for the item a supervisor opens."""
        with self.read() as tx:
            row = tx.execute(f"SELECT {', '.join('q.' + c for c in self._ITEM.split(', '))}, r.payload FROM queue q"
                             " JOIN records r ON r.booth_id = q.booth_id AND r.record_id = q.record_id"
                             " WHERE q.port = ? AND q.booth_id = ? AND q.record_id = ?",
                             (port, booth_id, record_id)).fetchone()
        return {**_item(row[:-1]), "payload": json.loads(row[-1])} if row else None

    def add_review(self, fields: dict, signature: str, submitted_by: str) -> dict:
        """A supervisor's signed review submitted through the API (the target must be queued)."""
        with self.tx() as tx:
            touched: list = []
            out = self._apply_review(tx, fields, signature, submitted_by, touched)
            self._stamp(tx, touched)
            return out

    def _apply_review(self, tx: _Tx, fields: dict, signature: str | None, submitted_by: str,
                      touched: list, park: bool = False) -> dict:
        """Check and record a review: signed by a supervisor of the target booth's port with the
        key in the hub's user table, who did not conduct the examination. Same review id again:
        no-op. With ``park``, a review whose target has not arrived waits for it. The queue item
        reviewed is added to ``touched`` (for ``_stamp``)."""
        fields = {k: fields.get(k) for k in signed_review.FIELDS}
        if fields["verdict"] not in rec.VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(rec.VERDICTS)}")
        if not isinstance(fields["reason"], str) or not fields["reason"].strip():
            raise ValueError("a review needs a reason")
        if not isinstance(fields["review_id"], str) or not fields["review_id"]:
            raise ValueError("a review needs a review id")
        seen = tx.execute("SELECT record_id FROM reviews WHERE review_id = ?", (fields["review_id"],)).fetchone()
        if seen:
            return {"review_id": fields["review_id"], "record_id": seen[0], "verdict": fields["verdict"],
                    "duplicate": True}
        row = tx.execute("SELECT roles, ports, public_key FROM users WHERE user_name = ?",
                         (fields["reviewer"],)).fetchone()
        if row is None or "supervisor" not in json.loads(row[0]):
            raise PermissionError(f"{fields['reviewer']!r} is not a supervisor on this hub")
        if not signed_review.verify(fields, signature, row[2]):
            raise PermissionError(f"the review is not signed with {fields['reviewer']}'s key")
        target = tx.execute("SELECT port FROM booths WHERE booth_id = ?", (fields["booth_id"],)).fetchone()
        ports = json.loads(row[1])
        if target is None or ("*" not in ports and target[0] not in ports):
            raise PermissionError(f"{fields['reviewer']} is not a supervisor of that booth's port")
        item = tx.execute("SELECT inspector FROM queue WHERE booth_id = ? AND record_id = ?",
                          (fields["booth_id"], fields["check_result_id"])).fetchone()
        if item is None:
            if not park:
                raise LookupError(f"record {fields['check_result_id']} of booth {fields['booth_id']} "
                                  "is not in the supervisor queue")
            tx.execute("INSERT INTO pending_reviews (review_id, booth_id, record_id, body, signature, submitted_by,"
                       " received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING",
                       (fields["review_id"], fields["booth_id"], fields["check_result_id"], rec.canonical_json(fields),
                        signature, submitted_by, utc_now(microseconds=True)))
            return {"review_id": fields["review_id"], "record_id": fields["check_result_id"], "pending": True}
        if fields["reviewer"] == item[0]:
            raise PermissionError("a supervisor cannot review an examination they conducted")
        tx.execute("INSERT INTO reviews (review_id, booth_id, record_id, body, signature, reviewer, verdict,"
                   " submitted_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING",
                   (fields["review_id"], fields["booth_id"], fields["check_result_id"], rec.canonical_json(fields),
                    signature, fields["reviewer"], fields["verdict"], submitted_by, utc_now(microseconds=True)))
        tx.execute("UPDATE queue SET status = 'reviewed' WHERE booth_id = ? AND record_id = ?",
                   (fields["booth_id"], fields["check_result_id"]))
        touched.append((fields["booth_id"], fields["check_result_id"]))
        return {"review_id": fields["review_id"], "record_id": fields["check_result_id"], "verdict": fields["verdict"]}

    def reviews_for_booth(self, booth_id: str, after: int = 0, limit: int = 500) -> list[dict]:
        """Reviews of this booth's records submitted elsewhere, in order, with the supervisor's
        signature: the booth verifies it against its own signed user list before applying."""
        with self.read() as tx:
            rows = tx.execute("SELECT seq, body, signature FROM reviews WHERE booth_id = ? AND submitted_by <> ?"
                              " AND seq > ? ORDER BY seq LIMIT ?", (booth_id, booth_id, after, limit)).fetchall()
        return [{"seq": seq, **json.loads(body), "signature": sig} for seq, body, sig in rows]

    def reviews(self, booth_id: str, record_id: str) -> list[dict]:
        with self.read() as tx:
            rows = tx.execute("SELECT body, signature, submitted_by, created_at FROM reviews WHERE booth_id = ?"
                              " AND record_id = ? ORDER BY seq", (booth_id, record_id)).fetchall()
        return [{**json.loads(b), "signature": s, "submitted_by": by, "created_at": c} for b, s, by, c in rows]


@dataclass(frozen=True)
class Booth:
    """An authenticated booth: who pushes, which port's users and queue it may see, its key."""
    booth_id: str
    port: str
    public_key: str | None


def _summary(payload) -> dict:
    """What a supervisor's list row shows of a flagged record (the rest waits for ``queue_item``)."""
    p = payload if isinstance(payload, dict) else {}
    return {k: p[k] for k in HubDb.SUMMARY_KEYS if isinstance(p.get(k), str)}


def _item(row) -> dict:
    rid, booth_id, port, inspector, flags, created_at, status, kind, summary, changed = row
    return {"record_id": rid, "booth_id": booth_id, "port": port, "inspector": inspector, "flags": json.loads(flags),
            "created_at": created_at, "status": status, "kind": kind, "changed": changed,
            "summary": json.loads(summary) if summary else {}}


def _encode_cursor(*key: str) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> list[str]:
    """The sort key a page cursor carries; ValueError for anything ``_encode_cursor`` did not make."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise ValueError("the page cursor is not one this hub made (pass the 'next' of the previous page)") from exc
    if not (isinstance(key, list) and len(key) == 3 and all(isinstance(k, str) for k in key)):
        raise ValueError("the page cursor is not one this hub made (pass the 'next' of the previous page)")
    return key


def _instant(value: str) -> str:
    """``since`` in the contracts' UTC format (``common.clock``, as booths stamp records), so that
    text order is time order; a time without an offset is UTC."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"since must be an ISO-8601 time, not {value!r}") from exc
    when = when.astimezone(dt.UTC) if when.tzinfo else when
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ" if when.microsecond else "%Y-%m-%dT%H:%M:%SZ")


def _text(value, what: str, max_len: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > max_len or "\x00" in value:
        raise ValueError(f"{what} must be 1-{max_len} characters")
    return value.strip()

