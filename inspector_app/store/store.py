"""The booth's local store: examinations, checks, decisions, reviews, outbox, audit, users.

One SQLCipher database per booth (``home/booth.db``), used through sqlite-utils. Every write
runs in one ``BEGIN IMMEDIATE`` transaction together with its audit entry and (for records the
hub needs) its outbox record, so a crash leaves either all of them or none. Decisions and reviews
are committed with ``synchronous=FULL``: when ``record_decision`` returns, the WAL is on disk.
One connection per ``Store``, guarded by a lock, so Qt worker threads may share it.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlite_utils

from inspector_app.common import passwords
from inspector_app.common.canonical import normalise, to_json
from inspector_app.common.clock import utc_now
from inspector_app.domain import rules
from inspector_app.domain.checks import REVIEW_OUTCOMES as _REVIEW
from inspector_app.domain.checks import CheckKind, Outcome
from inspector_app.domain.decisions import Decision

from . import facts as examination_facts
from .audit import GENESIS, AuditRow, entry_hash, find_first_break
from .connection import connect, integrity_check
from .errors import (
    DecisionRejected,
    InvalidRecord,
    ReviewRefused,
    StoreError,
    UnknownRecord,
)
from .keys import KeyProvider, default_key_provider
from .migrations import apply_migrations, current_version

DB_FILE_NAME = "booth.db"

# Check-result outcomes. A "hit" blocks landing permission until a supervisor clears it; every
# outcome in REVIEW_OUTCOMES goes to the supervisor queue (DOMAIN.md).
OUTCOMES = tuple(o.value for o in Outcome)
REVIEW_OUTCOMES = tuple(o.value for o in _REVIEW)
CHECK_KINDS = tuple(k.value for k in CheckKind)
VERDICTS = ("confirmed", "cleared")
ROLES = ("inspector", "supervisor", "administrator")


def _overrides(overrides: dict | None) -> dict[str, str]:
    if not overrides:
        return {}
    if not isinstance(overrides, dict) or not all(isinstance(k, str) for k in overrides):
        raise InvalidRecord("overrides must map rule codes to reasons")
    return {k: str(v or "") for k, v in overrides.items()}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRecord(f"{what} must be a non-empty string")
    return value.strip()


def _as_dict(obj: Any, what: str) -> dict:
    if hasattr(obj, "to_dict") and not isinstance(obj, dict):
        obj = obj.to_dict()
    if not isinstance(obj, dict):
        raise InvalidRecord(f"{what} must be a dict, not {type(obj).__name__}")
    try:
        return normalise(obj)
    except (TypeError, ValueError) as exc:
        raise InvalidRecord(f"{what} cannot be stored: {exc}") from exc


def _same_person(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


class Store:
    """See docs/CONTRACTS.md ("store"). Open with ``open_store``."""

    def __init__(self, conn, path: Path, key_description: str = "", clock: Callable[[], str] = utc_now):
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.path = Path(path)
        self.key_description = key_description
        self.clock = clock
        self._lock = threading.RLock()

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return current_version(self.conn)

    def integrity_check(self) -> list[str]:
        with self._lock:
            return integrity_check(self.conn)

    @contextmanager
    def _write(self, durable: bool = False) -> Iterator[None]:
        """One IMMEDIATE transaction; ``durable`` commits it with synchronous=FULL."""
        with self._lock:
            if durable:
                self.conn.execute("PRAGMA synchronous = FULL")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                else:
                    self.conn.execute("COMMIT")
            finally:
                if durable:
                    self.conn.execute("PRAGMA synchronous = NORMAL")

    def _one(self, sql: str, params: tuple = ()) -> dict | None:
        rows = list(self.db.query(sql, params))
        return rows[0] if rows else None

    # -- audit -------------------------------------------------------------------------------
    def _append_audit(self, event: str, actor: str, payload: Any) -> dict:
        """Inside a write transaction: chain a new entry onto the last one."""
        last = self.conn.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        prev = last[0] if last else GENESIS
        at = self.clock()
        payload = normalise(payload)
        digest = entry_hash(prev, at, event, actor, payload)
        table = self.db["audit"].insert(
            {"at": at, "event": event, "actor": actor, "payload": to_json(payload), "prev_hash": prev, "hash": digest}
        )
        return {"seq": table.last_rowid, "hash": digest}

    def append_audit(self, event: str, actor: str, payload: dict) -> dict:
        """Append one audit entry (returns its seq and hash)."""
        event = _text(event, "audit event")
        actor = _text(actor, "audit actor")
        payload = _as_dict(payload, "audit payload")
        with self._write():
            return self._append_audit(event, actor, payload)

    def audit_entries(self) -> list[AuditRow]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT seq, at, event, actor, payload, prev_hash, hash FROM audit ORDER BY seq"
            ).fetchall()
        return [AuditRow(*row) for row in rows]

    def verify_audit(self) -> dict:
        """``{"ok", "entries", "first_broken", "head_hash", "records"}``.

        ``first_broken``: the chain itself (audit.find_first_break). ``records``: decisions,
        reviews and check results against the digests in their audit entries (check_records).
        """
        with self._lock:
            self.conn.execute("BEGIN")  # one snapshot for the chain and the rows it vouches for
            try:
                rows = self.audit_entries()
                issued = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
                records = check_records(self.conn, rows)
            finally:
                self.conn.execute("COMMIT")
        broken = find_first_break(rows, issued[0] if issued else None)
        return {
            "ok": broken is None and not records["problems"],
            "entries": len(rows),
            "first_broken": broken,
            "head_hash": rows[-1].hash if rows else GENESIS,
            "records": records,
        }

    # -- outbox ------------------------------------------------------------------------------
    def _outbox_put(self, record_id: str, kind: str, payload: dict) -> None:
        self.db["outbox"].insert(
            {"record_id": record_id, "kind": kind, "payload": to_json(payload), "created_at": self.clock()}
        )

    def outbox_pending(self, limit: int = 500) -> list[dict]:
        """Unacknowledged records, oldest first."""
        limit = max(0, int(limit))
        with self._lock:
            rows = list(self.db.query(
                "SELECT seq, record_id, kind, payload, created_at FROM outbox "
                "WHERE acked_at IS NULL ORDER BY seq LIMIT ?", (limit,),
            ))
        for row in rows:
            row["payload"] = json.loads(row["payload"])
        return rows

    def outbox_ack(self, record_ids: list[str]) -> int:
        """Mark records as received upstream; acking twice or an unknown id is harmless."""
        ids = [str(r) for r in record_ids]
        if not ids:
            return 0
        changed = 0
        with self._write():
            at = self.clock()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                cur = self.conn.execute(
                    f"UPDATE outbox SET acked_at = ? WHERE acked_at IS NULL AND record_id IN ({marks})", (at, *chunk)
                )
                changed += cur.rowcount
        return changed

    def outbox_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]

    # -- examinations and checks ---------------------------------------------------------------
    def create_examination(self, exam: dict) -> str:
        """Store a new examination (traveller, MRZ, booth, port, inspector, started_at)."""
        data = _as_dict(exam, "examination")
        inspector = _text(data.get("inspector"), "examination 'inspector'")
        exam_id = str(uuid.uuid4())
        now = self.clock()
        data.setdefault("started_at", now)
        row = {
            "id": exam_id, "created_at": now, "started_at": str(data["started_at"]),
            "booth": data.get("booth"), "port": data.get("port"), "inspector": inspector, "data": to_json(data),
        }
        with self._write():
            self.db["examinations"].insert(row)
            self._outbox_put(exam_id, "examination", {"examination_id": exam_id, **data})
            self._append_audit("examination.created", inspector, {"examination_id": exam_id})
        return exam_id

    def _examination_row(self, examination_id: str) -> dict:
        row = self._one("SELECT * FROM examinations WHERE id = ?", (str(examination_id),))
        if row is None:
            raise UnknownRecord(f"no examination with id {examination_id}")
        return row

    def add_check_result(self, examination_id: str, result: dict) -> str:
        """Store one check result (kind, outcome, score, reasons, subject/record, evidence)."""
        data = _as_dict(result, "check result")
        kind = _text(data.get("kind"), "check result 'kind'")
        if kind not in CHECK_KINDS:
            raise InvalidRecord(f"check result kind {kind!r} is not one of {', '.join(CHECK_KINDS)}")
        outcome = _text(data.get("outcome"), "check result 'outcome'")
        if outcome not in OUTCOMES:
            raise InvalidRecord(f"check result outcome {outcome!r} is not one of {', '.join(OUTCOMES)}")
        score = data.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
            raise InvalidRecord("check result 'score' must be a number or null")
        score = None if score is None else float(score)  # as the REAL column gives it back
        reasons = data.get("reasons", [])
        if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
            raise InvalidRecord("check result 'reasons' must be a list of strings")
        with self._write():
            exam = self._examination_row(examination_id)
            return self._insert_check(exam, data)

    def _insert_check(self, exam: dict, data: dict) -> str:
        """Inside a write transaction: one check result with its outbox record and audit entry."""
        kind, outcome = data["kind"], data["outcome"]
        score = data.get("score")
        score = None if score is None else float(score)  # as the REAL column gives it back
        result_id = str(uuid.uuid4())
        now = self.clock()
        row = {"id": result_id, "examination_id": exam["id"], "created_at": now,
               "kind": kind, "outcome": outcome, "score": score, "data": to_json(data)}
        self.db["check_results"].insert(row)
        self._outbox_put(result_id, "check_result",
                         {"check_result_id": result_id, "examination_id": exam["id"], "created_at": now, **data})
        self._append_audit("check.recorded", exam["inspector"], {
            "check_result_id": result_id, "examination_id": exam["id"], "kind": kind, "outcome": outcome,
            "record_sha256": row_digest(row),
        })
        return result_id

    def _check_results(self, examination_id: str) -> list[dict]:
        results = []
        for row in list(self.db.query(
            "SELECT * FROM check_results WHERE examination_id = ? ORDER BY rowid", (examination_id,)
        )):
            reviews = list(self.db.query(
                "SELECT id, reviewer, verdict, reason, reviewed_at FROM reviews "
                "WHERE check_result_id = ? ORDER BY rowid", (row["id"],),
            ))
            data = json.loads(row["data"])
            latest = reviews[-1]["verdict"] if reviews else None
            results.append({
                **data, "check_result_id": row["id"], "examination_id": row["examination_id"],
                "created_at": row["created_at"], "kind": row["kind"], "outcome": row["outcome"],
                "score": row["score"], "reviews": reviews,
                "needs_review": row["outcome"] in REVIEW_OUTCOMES and not reviews,
                "open": row["outcome"] == "hit" and latest != "cleared",
            })
        return results

    def open_hits(self, examination_id: str) -> list[dict]:
        """Hits of this examination that no supervisor has cleared (latest review counts)."""
        with self._lock:
            self._examination_row(examination_id)
            return [r for r in self._check_results(str(examination_id)) if r["open"]]

    # -- decisions ---------------------------------------------------------------------------
    def _evaluate(self, exam: dict, data: dict, overrides: dict, corrects: str | None,
                  correction_reason: str) -> rules.Evaluation:
        """The domain's rules on this examination as recorded (inside the caller's lock)."""
        facts = examination_facts.build(exam, json.loads(exam["data"]), self._check_results(exam["id"]),
                                        self.decisions(exam["id"]))
        return rules.evaluate(facts, Decision.from_dict(data), overrides, corrects, correction_reason)

    def evaluate_decision(self, examination_id: str, decision: dict, overrides: dict | None = None,
                          corrects: str | None = None, correction_reason: str = "") -> rules.Evaluation:
        """What ``record_decision`` would refuse and flag now, without writing anything."""
        data = _as_dict(decision, "decision")
        _text(data.get("type"), "decision 'type'")
        with self._lock:
            exam = self._examination_row(examination_id)
            return self._evaluate(exam, data, _overrides(overrides), corrects, correction_reason)

    def record_decision(self, examination_id: str, decision: dict, inspector: str,
                        overrides: dict | None = None, corrects: str | None = None,
                        correction_reason: str = "") -> str:
        """Judge the decision by every rule of ``domain.rules``, then write it durably.

        The rules run inside the saving transaction on the examination as recorded, so no caller
        can skip them. Refused: ``DecisionRejected`` (``.findings`` carry rule codes), nothing
        written. Saved: the decision, one ``override`` check result per overridden rule (so the
        supervisor sees it), the audit entry and the outbox record commit together with
        synchronous=FULL before the id is returned. A saved decision is never changed: a
        correction is a new decision naming the one it ``corrects``, with a reason.
        """
        data = _as_dict(decision, "decision")
        dtype = _text(data.get("type"), "decision 'type'")
        inspector = _text(inspector, "inspector")
        overrides = _overrides(overrides)
        decision_id = str(uuid.uuid4())
        with self._write(durable=True):
            exam = self._examination_row(examination_id)
            verdict = self._evaluate(exam, data, overrides, corrects, correction_reason)
            if not verdict.ok:
                raise DecisionRejected(verdict.refused)
            now = self.clock()
            data = {**data, "overrides": overrides, "flags": [f.to_dict() for f in verdict.flags]}
            if corrects:
                data.update(corrects=corrects, correction_reason=correction_reason.strip())
            record = {"decision_id": decision_id, "examination_id": exam["id"], "type": dtype,
                      "inspector": inspector, "decided_at": now, "decision": data}
            row = {"id": decision_id, "examination_id": exam["id"], "decided_at": now, "type": dtype,
                   "inspector": inspector, "data": to_json(data)}
            self.db["decisions"].insert(row)
            for lifted in verdict.overridden:
                self._insert_check(exam, {"kind": CheckKind.override.value, "outcome": Outcome.override.value,
                                          "rule": lifted.rule, "reason": overrides[lifted.rule].strip(),
                                          "reasons": [lifted.message, "override: " + overrides[lifted.rule].strip()],
                                          "decision_id": decision_id})
            if corrects:
                self._insert_check(exam, {"kind": CheckKind.override.value, "outcome": Outcome.override.value,
                                          "rule": "flag.correction", "reason": correction_reason.strip(),
                                          "reasons": [f"decision {corrects} corrected: {correction_reason.strip()}"],
                                          "decision_id": decision_id})
            anchor = self._append_audit("decision.recorded", inspector, {
                "decision_id": decision_id, "examination_id": exam["id"], "type": dtype,
                "record_sha256": row_digest(row),
            })
            self._outbox_put(decision_id, "decision", {**record, "audit_seq": anchor["seq"], "audit_hash": anchor["hash"]})
        return decision_id

    def decisions(self, examination_id: str) -> list[dict]:
        with self._lock:
            rows = list(self.db.query(
                "SELECT * FROM decisions WHERE examination_id = ? ORDER BY rowid", (str(examination_id),)
            ))
        return [_decision_record(r) for r in rows]

    def decision(self, decision_id: str) -> dict | None:
        with self._lock:
            row = self._one("SELECT * FROM decisions WHERE id = ?", (str(decision_id),))
        return _decision_record(row) if row else None

    # -- reviews -----------------------------------------------------------------------------
    def add_review(self, check_result_id: str, reviewer: str, verdict: str, reason: str) -> str:
        """A supervisor confirms or clears a flagged check result, with a reason."""
        if not isinstance(reviewer, str) or not reviewer.strip():
            raise ReviewRefused("a review needs the reviewer's user id")
        reviewer = reviewer.strip()
        if verdict not in VERDICTS:
            raise ReviewRefused(f"verdict must be 'confirmed' or 'cleared', not {verdict!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise ReviewRefused("a review needs a reason")
        review_id = str(uuid.uuid4())
        with self._write(durable=True):
            check = self._one("SELECT * FROM check_results WHERE id = ?", (str(check_result_id),))
            if check is None:
                raise UnknownRecord(f"no check result with id {check_result_id}")
            exam = self._examination_row(check["examination_id"])
            if _same_person(reviewer, exam["inspector"]):
                raise ReviewRefused(
                    f"{reviewer} examined this traveller and cannot review their own examination's results"
                )
            if check["outcome"] not in REVIEW_OUTCOMES:
                raise ReviewRefused(f"check result {check_result_id} ({check['outcome']}) is not flagged for review")
            now = self.clock()
            row = {"id": review_id, "check_result_id": check["id"], "examination_id": exam["id"],
                   "reviewed_at": now, "reviewer": reviewer, "verdict": verdict, "reason": reason.strip()}
            self.db["reviews"].insert(row)
            self._append_audit("review.recorded", reviewer, {
                "review_id": review_id, "check_result_id": check["id"], "examination_id": exam["id"],
                "verdict": verdict, "record_sha256": row_digest(row),
            })
            payload = {"review_id": review_id, **{k: v for k, v in row.items() if k != "id"}}
            self._outbox_put(review_id, "review", payload)
        return review_id

    def review_queue(self) -> list[dict]:
        """Examinations with flagged check results that no supervisor has reviewed yet."""
        marks = ",".join("?" * len(REVIEW_OUTCOMES))
        with self._lock:
            pending = list(self.db.query(
                f"SELECT c.id, c.examination_id FROM check_results c WHERE c.outcome IN ({marks}) "
                f"AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.check_result_id = c.id) ORDER BY c.rowid",
                REVIEW_OUTCOMES,
            ))
            queue: dict[str, dict] = {}
            for item in pending:
                if item["examination_id"] in queue:
                    continue
                exam = self._examination_row(item["examination_id"])
                results = self._check_results(exam["id"])
                traveller = json.loads(exam["data"]).get("traveller") or {}
                queue[exam["id"]] = {
                    "examination_id": exam["id"], "started_at": exam["started_at"], "booth": exam["booth"],
                    "port": exam["port"], "inspector": exam["inspector"],
                    # whom the supervisor is judging, without opening the examination
                    "traveller": traveller if isinstance(traveller, dict) else {},
                    "pending": [r for r in results if r["needs_review"]],
                    "open_hits": sum(1 for r in results if r["open"]),
                }
        return list(queue.values())

    def examination(self, examination_id: str) -> dict:
        """Everything about one examination: its data, checks with reviews, decisions."""
        with self._lock:
            row = self._examination_row(examination_id)
            checks = self._check_results(row["id"])
            decisions = self.decisions(row["id"])
        return {
            **json.loads(row["data"]), "examination_id": row["id"], "created_at": row["created_at"],
            "started_at": row["started_at"], "booth": row["booth"], "port": row["port"],
            "inspector": row["inspector"], "check_results": checks, "decisions": decisions,
            "open_hits": sum(1 for c in checks if c["open"]),
        }

    # -- users -------------------------------------------------------------------------------
    def set_users(self, users: list[dict]) -> int:
        """Replace the offline-login users (from the hub). Each: user, roles, password or password_hash."""
        rows = []
        seen = set()
        for i, raw in enumerate(users):
            if not isinstance(raw, dict):
                raise InvalidRecord(f"user #{i + 1} must be a dict")
            name = _text(raw.get("user") or raw.get("user_id") or raw.get("username"), f"user #{i + 1} 'user'")
            if name.casefold() in seen:
                raise InvalidRecord(f"user {name} is listed twice")
            seen.add(name.casefold())
            roles = raw.get("roles") or []
            if isinstance(roles, str) or not all(r in ROLES for r in roles) or not roles:
                raise InvalidRecord(f"user {name}: roles must be a non-empty list drawn from {', '.join(ROLES)}")
            if raw.get("password_hash"):
                encoded = str(raw["password_hash"])
                try:
                    passwords.check_format(encoded)
                except ValueError as exc:
                    raise InvalidRecord(f"user {name}: {exc}") from None
            elif raw.get("password"):
                encoded = passwords.hash_password(str(raw["password"]))
            else:
                raise InvalidRecord(f"user {name} has neither password nor password_hash")
            rows.append({"user": name, "display_name": str(raw.get("display_name") or ""),
                         "roles": to_json(sorted(set(roles))), "password_hash": encoded})
        with self._write(durable=True):
            now = self.clock()
            self.conn.execute("DELETE FROM users")
            for row in rows:
                self.db["users"].insert({**row, "updated_at": now})
            self._append_audit("users.replaced", "hub", {"users": [r["user"] for r in rows]})
        return len(rows)

    def list_users(self) -> list[dict]:
        with self._lock:
            rows = list(self.db.query("SELECT user, display_name, roles FROM users ORDER BY user"))
        return [{**r, "roles": json.loads(r["roles"])} for r in rows]

    def check_login(self, user: str, password: str) -> dict | None:
        """The user's roles when the password is right, else None (same cost either way)."""
        with self._lock:
            row = self._one("SELECT * FROM users WHERE user = ? COLLATE NOCASE", (str(user).strip(),))
        if row is None or not isinstance(password, str):
            passwords.burn_time(str(password))
            return None
        if not passwords.verify_password(password, row["password_hash"]):
            return None
        return {"user": row["user"], "display_name": row["display_name"], "roles": json.loads(row["roles"])}

    # -- summary -----------------------------------------------------------------------------
    def info(self) -> dict:
        with self._lock:
            counts = {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("examinations", "check_results", "decisions", "reviews", "audit", "users")}
        return {"path": str(self.path), "key": self.key_description, "schema_version": self.schema_version,
                "counts": counts, "outbox_pending": self.outbox_count()}


def row_digest(row: dict) -> str:
    """SHA-256 of a stored row's canonical JSON; kept in the row's audit entry."""
    return hashlib.sha256(to_json(row).encode("utf-8")).hexdigest()


# Audit events that vouch for one row each: event -> (table, id key in the payload).
AUDITED_RECORDS = {
    "check.recorded": ("check_results", "check_result_id"),
    "review.recorded": ("reviews", "review_id"),
    "decision.recorded": ("decisions", "decision_id"),
}


def check_records(conn, entries: list[AuditRow]) -> dict:
    """Compare append-only rows with the digests their audit entries hold.

    Finds rows edited behind the triggers' back (digest differs), rows deleted (audited, absent)
    and rows slipped in (present, never audited).
    """
    audited: dict[str, dict[str, str]] = {table: {} for table, _ in AUDITED_RECORDS.values()}
    for entry in entries:
        target = AUDITED_RECORDS.get(entry.event)
        if target is None:
            continue
        try:
            payload = json.loads(entry.payload)
            audited[target[0]][payload[target[1]]] = payload["record_sha256"]
        except (ValueError, KeyError, TypeError):
            continue  # an entry mangled this way is already reported by the chain check
    problems, checked = [], 0
    for table, expected in audited.items():
        cur = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cur.description]
        present = set()
        for values in cur.fetchall():
            row = dict(zip(names, values))
            present.add(row["id"])
            checked += 1
            if row["id"] not in expected:
                problems.append({"table": table, "id": row["id"], "problem": "not in the audit log (inserted)"})
            elif expected[row["id"]] != row_digest(row):
                problems.append({"table": table, "id": row["id"], "problem": "differs from its audit entry (edited)"})
        for missing in sorted(set(expected) - present):
            problems.append({"table": table, "id": missing, "problem": "audited but missing (deleted)"})
    return {"checked": checked, "problems": problems}


def _decision_record(row: dict) -> dict:
    return {"decision_id": row["id"], "examination_id": row["examination_id"], "type": row["type"],
            "inspector": row["inspector"], "decided_at": row["decided_at"], "decision": json.loads(row["data"])}


def open_store(home: Path | str, key_provider: KeyProvider | None = None, create: bool = True) -> Store:
    """Open (or, with ``create``, make) the encrypted booth database and bring its schema up to date."""
    home = Path(home)
    path = home / DB_FILE_NAME
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise StoreError(f"there is no booth database at {path}")
    if not exists:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Encrypted or not, the file is nobody else's business; SQLite gives -wal/-shm the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    provider = key_provider if key_provider is not None else default_key_provider(home)
    key = provider.get_key(create=not exists)
    conn = connect(path, key)
    try:
        apply_migrations(conn)
    except sqlcipher3.Error as exc:
        conn.close()
        raise StoreError(f"cannot prepare {path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return Store(conn, path, provider.describe())
