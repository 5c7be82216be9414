"""The booth's local store: examinations, checks, decisions, reviews, outbox, audit, users.

One SQLCipher database per booth (``home/booth.db``), used through sqlite-utils. Every write
runs in one ``BEGIN IMMEDIATE`` transaction together with its audit entry and (for records the
hub needs) its outbox record, so a crash leaves either all of them or none. Decisions and reviews
are committed with ``synchronous=FULL``: when ``record_decision`` returns, the WAL is on disk.
One connection per ``Store``, guarded by a lock, so Qt worker threads may share it.
"""
from __future__ import annotations

import datetime as dt
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
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.common import passwords, signed_review, userkeys
from inspector_app.common.canonical import normalise, to_json
from inspector_app.common.clock import utc_now
from inspector_app.domain import rules
from inspector_app.domain.checks import REVIEW_OUTCOMES as _REVIEW
from inspector_app.domain.checks import CheckKind, Outcome
from inspector_app.domain.decisions import Decision
from inspector_app.domain.messages import msg

from . import encounters, landings, manifests
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

    def audit_head(self) -> dict:
        """``{"seq", "hash"}`` of the newest audit entry (``0`` and the genesis hash when empty):
        what the hub keeps as an anchor for ``verify_audit(anchor=...)``."""
        with self._lock:
            last = self.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return {"seq": int(last[0]), "hash": str(last[1])} if last else {"seq": 0, "hash": GENESIS}

    def verify_audit(self, anchor: dict | None = None) -> dict:
        """``{"ok", "entries", "first_broken", "head_hash", "records"}`` (and ``"anchor"`` when given).

        ``first_broken``: the chain itself (audit.find_first_break); with an ``anchor`` (a head
        ``{"seq", "hash"}`` the hub received earlier) also ``truncated`` when the chain no longer
        reaches that seq and ``rewritten`` when the entry there has another hash: a chain rebuilt
        consistently by someone holding the key, or cut at the end, still disagrees with the
        anchor. ``records``: examinations, check results, decisions, reviews, the users and the
        outbox rows against the digests in their audit entries (check_records).
        """
        if anchor is not None:
            anchor = _anchor(anchor)
        with self._lock:
            self.conn.execute("BEGIN")  # one snapshot for the chain and the rows it vouches for
            try:
                rows = self.audit_entries()
                issued = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
                records = check_records(self.conn, rows)
            finally:
                self.conn.execute("COMMIT")
        broken = find_first_break(rows, issued[0] if issued else None)
        report = {
            "ok": False,
            "entries": len(rows),
            "first_broken": broken,
            "head_hash": rows[-1].hash if rows else GENESIS,
            "records": records,
        }
        if anchor is not None:
            against = anchor_break(rows, anchor)
            report["anchor"] = {**anchor, "ok": against is None}
            if broken is None:
                report["first_broken"] = broken = against
        report["ok"] = broken is None and not records["problems"]
        return report

    # -- outbox ------------------------------------------------------------------------------
    def _outbox_put(self, record_id: str, kind: str, payload: dict, actor: str) -> None:
        """Inside a write transaction: queue a record for the hub, with the audit entry that
        vouches for its content (``outbox.queued``, digest of record_id, kind and payload)."""
        row = {"record_id": record_id, "kind": kind, "payload": to_json(payload)}
        self.db["outbox"].insert({**row, "created_at": self.clock()})
        self._append_audit("outbox.queued", actor, {"record_id": record_id, "kind": kind,
                                                    "record_sha256": row_digest(row)})

    def outbox_pending(self, limit: int = 500) -> list[dict]:
        """Records neither acknowledged nor quarantined, oldest first."""
        limit = max(0, int(limit))
        with self._lock:
            rows = list(self.db.query(
                "SELECT seq, record_id, kind, payload, created_at FROM outbox "
                "WHERE acked_at IS NULL AND quarantined_at IS NULL ORDER BY seq LIMIT ?", (limit,),
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
        """Records waiting to be sent (quarantined ones are not waiting)."""
        with self._lock:
            return self.conn.execute(
                "SELECT count(*) FROM outbox WHERE acked_at IS NULL AND quarantined_at IS NULL").fetchone()[0]

    def outbox_quarantine(self, record_ids: list[str], reason: str) -> int:
        """Take records the hub refuses for good out of the queue, keeping them (and why) in the
        database; one audit entry names them. Acked, already quarantined or unknown ids are
        left alone. Returns how many rows were quarantined."""
        reason = _text(reason, "quarantine reason")
        ids = sorted({str(r) for r in record_ids})
        if not ids:
            return 0
        quarantined: list[str] = []
        with self._write(durable=True):
            at = self.clock()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                where = f"acked_at IS NULL AND quarantined_at IS NULL AND record_id IN ({marks})"
                found = [r[0] for r in self.conn.execute(
                    f"SELECT record_id FROM outbox WHERE {where} ORDER BY seq", chunk).fetchall()]
                self.conn.execute(f"UPDATE outbox SET quarantined_at = ?, quarantine_reason = ? WHERE {where}",
                                  (at, reason, *chunk))
                quarantined += found
            if quarantined:
                self._append_audit("outbox.quarantined", "sync",
                                   {"record_ids": quarantined, "reason": reason, "at": at})
        return len(quarantined)

    def quarantined(self) -> list[dict]:
        """Quarantined records, oldest first: record_id, kind, seq, reason, quarantined_at, payload."""
        with self._lock:
            rows = list(self.db.query(
                "SELECT record_id, kind, seq, quarantine_reason AS reason, quarantined_at, payload FROM outbox "
                "WHERE quarantined_at IS NOT NULL ORDER BY seq"))
        for row in rows:
            row["payload"] = json.loads(row["payload"])
        return rows

    def quarantine_count(self) -> int:
        with self._lock:
            return self.conn.execute("SELECT count(*) FROM outbox WHERE quarantined_at IS NOT NULL").fetchone()[0]

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
            self._append_audit("examination.created", inspector,
                               {"examination_id": exam_id, "record_sha256": row_digest(row)})
            self._outbox_put(exam_id, "examination", {"examination_id": exam_id, **data}, inspector)
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
        self._append_audit("check.recorded", exam["inspector"], {
            "check_result_id": result_id, "examination_id": exam["id"], "kind": kind, "outcome": outcome,
            "record_sha256": row_digest(row),
        })
        self._outbox_put(result_id, "check_result",
                         {"check_result_id": result_id, "examination_id": exam["id"], "created_at": now, **data},
                         exam["inspector"])
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

    def check_results(self, examination_id: str) -> list[dict]:
        """The examination's check results as recorded, oldest first, each with its reviews."""
        with self._lock:
            return self._check_results(str(examination_id))

    def open_hits(self, examination_id: str) -> list[dict]:
        """Hits of this examination that no supervisor has cleared (latest review counts)."""
        with self._lock:
            self._examination_row(examination_id)
            return [r for r in self._check_results(str(examination_id)) if r["open"]]

    # -- decisions ---------------------------------------------------------------------------
    def _evaluate(self, exam: dict, data: dict, overrides: dict, corrects: str | None,
                  correction_reason: str, pending: list[dict] | None = None) -> rules.Evaluation:
        """The domain's rules on this examination as recorded (inside the caller's lock), with
        ``pending`` check results counted as if recorded (evaluation only, never when saving)."""
        facts = examination_facts.build(exam, json.loads(exam["data"]), self._check_results(exam["id"]) + list(pending or []),
                                        self.decisions(exam["id"]))
        return rules.evaluate(facts, Decision.from_dict(data), overrides, corrects, correction_reason)

    def evaluate_decision(self, examination_id: str, decision: dict, overrides: dict | None = None,
                          corrects: str | None = None, correction_reason: str = "",
                          pending: list[dict] | None = None) -> rules.Evaluation:
        """What ``record_decision`` would refuse and flag now, without writing anything; ``pending``:
        check results the caller will record before saving (a look-up not yet written)."""
        data = _as_dict(decision, "decision")
        _text(data.get("type"), "decision 'type'")
        with self._lock:
            exam = self._examination_row(examination_id)
            return self._evaluate(exam, data, _overrides(overrides), corrects, correction_reason, pending)

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
                                          "reasons": [lifted.message, msg("override: {reason}", reason=overrides[lifted.rule].strip())],
                                          "decision_id": decision_id})
            for flag in verdict.flags:
                if flag.rule in rules.QUEUED_FLAGS:   # the supervisor's queue is made of check results
                    self._insert_check(exam, {"kind": CheckKind.decision_flag.value, "outcome": Outcome.flag.value,
                                              "rule": flag.rule, "reasons": [flag.message], "decision_id": decision_id})
            if corrects:
                self._insert_check(exam, {"kind": CheckKind.override.value, "outcome": Outcome.override.value,
                                          "rule": "flag.correction", "reason": correction_reason.strip(),
                                          "reasons": [msg("decision {decision} corrected: {reason}", decision=corrects,
                                                      reason=correction_reason.strip())],
                                          "decision_id": decision_id})
            anchor = self._append_audit("decision.recorded", inspector, {
                "decision_id": decision_id, "examination_id": exam["id"], "type": dtype,
                "record_sha256": row_digest(row),
            })
            self._outbox_put(decision_id, "decision", {**record, "audit_seq": anchor["seq"], "audit_hash": anchor["hash"]},
                             inspector)
        return decision_id

    def decisions(self, examination_id: str) -> list[dict]:
        with self._lock:
            rows = list(self.db.query(
                "SELECT * FROM decisions WHERE examination_id = ? ORDER BY rowid", (str(examination_id),)
            ))
        return [_decision_record(r) for r in rows]

    def find_landings(self, document_number: str, nationality: str, limit: int = 5) -> list[dict]:
        """The landings this booth recorded for the traveller of this document, newest first
        (``domain.landings``: a corrected decision gives way to its correction, referrals are no
        landing), each with ``"source": "booth"``: what a departure is checked against."""
        with self._lock:
            return landings.find(self.conn, str(document_number), str(nationality), limit)

    def decision(self, decision_id: str) -> dict | None:
        with self._lock:
            row = self._one("SELECT * FROM decisions WHERE id = ?", (str(decision_id),))
        return _decision_record(row) if row else None

    # -- reviews -----------------------------------------------------------------------------
    def _supervisor(self, name: str) -> dict:
        """The user row of a supervisor of this booth (case-insensitive name), or ReviewRefused."""
        row = self._one("SELECT * FROM users WHERE user = ? COLLATE NOCASE", (name.strip(),))
        if row is None:
            raise ReviewRefused(f"{name} is not a user of this booth, so cannot review")
        if "supervisor" not in json.loads(row["roles"]):
            raise ReviewRefused(f"{row['user']} is not a supervisor, so cannot review")
        return row

    def _flagged_check(self, check_result_id: str) -> tuple[dict, dict]:
        check = self._one("SELECT * FROM check_results WHERE id = ?", (str(check_result_id),))
        if check is None:
            raise UnknownRecord(f"no check result with id {check_result_id}")
        if check["outcome"] not in REVIEW_OUTCOMES:
            raise ReviewRefused(f"check result {check_result_id} ({check['outcome']}) is not flagged for review")
        return check, self._examination_row(check["examination_id"])

    def _insert_review(self, fields: dict, signature: str, origin: str) -> None:
        """Inside a write transaction: the review row and its audit entry."""
        row = {"id": fields["review_id"], "check_result_id": fields["check_result_id"],
               "examination_id": fields["examination_id"], "reviewed_at": fields["reviewed_at"],
               "reviewer": fields["reviewer"], "verdict": fields["verdict"], "reason": fields["reason"],
               "signature": signature}
        self.db["reviews"].insert(row)
        self._append_audit("review.recorded", fields["reviewer"], {
            "review_id": row["id"], "check_result_id": row["check_result_id"],
            "examination_id": row["examination_id"], "verdict": row["verdict"], "origin": origin,
            "record_sha256": row_digest(row),
        })

    def add_review(self, check_result_id: str, reviewer: str, verdict: str, reason: str,
                   signing_key: Ed25519PrivateKey) -> str:
        """A supervisor confirms or clears a flagged check result, with a reason, signed.

        The reviewer must be a supervisor in this booth's users (not merely a name) and not the
        inspector who examined the traveller; ``signing_key`` is their private key
        (``unlock_signing_key``): the store builds the ``signed_review`` fields, signs them and
        checks the signature against the reviewer's stored public key, so a review signed with
        anyone else's key is refused. The row, its audit entry and an outbox record carrying
        every signed field and the signature commit together.
        """
        if not isinstance(reviewer, str) or not reviewer.strip():
            raise ReviewRefused("a review needs the reviewer's user id")
        if verdict not in VERDICTS:
            raise ReviewRefused(f"verdict must be 'confirmed' or 'cleared', not {verdict!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise ReviewRefused("a review needs a reason")
        if not isinstance(signing_key, Ed25519PrivateKey):
            raise ReviewRefused("a review must be signed with the reviewer's signing key")
        review_id = str(uuid.uuid4())
        with self._write(durable=True):
            check, exam = self._flagged_check(check_result_id)
            if _same_person(reviewer, exam["inspector"]):
                raise ReviewRefused(
                    f"{reviewer.strip()} examined this traveller and cannot review their own examination's results"
                )
            user = self._supervisor(reviewer)
            if not user["public_key"]:
                raise ReviewRefused(f"{user['user']} has no signing key at this booth (sync the users from the hub)")
            fields = {"review_id": review_id, "booth_id": exam["booth"] or "", "check_result_id": check["id"],
                      "examination_id": exam["id"], "reviewer": user["user"], "verdict": verdict,
                      "reason": reason.strip(), "reviewed_at": self.clock()}
            signature = signed_review.sign(fields, signing_key)
            if not signed_review.verify(fields, signature, user["public_key"]):
                raise ReviewRefused(f"the signing key is not {user['user']}'s")
            self._insert_review(fields, signature, "booth")
            self._outbox_put(review_id, "review", {**fields, "signature": signature}, user["user"])
        return review_id

    def apply_remote_review(self, review: dict) -> str | None:
        """Record a review made elsewhere and pulled from the hub (the ``signed_review`` fields and
        ``signature``). Refused (``ReviewRefused``) unless the reviewer is a supervisor in this
        booth's users whose public key verifies the signature, is not the examining inspector,
        and the check result is here, flagged, and of this examination and booth. Returns the
        review id, or None when it is already recorded. Not queued for the hub (no echo).
        """
        if not isinstance(review, dict):
            raise ReviewRefused("a review from the hub must be a dict")
        missing = [k for k in (*signed_review.FIELDS, "signature") if not isinstance(review.get(k), str)]
        if missing:
            raise ReviewRefused(f"review from the hub lacks {', '.join(missing)}")
        fields = {k: review[k] for k in signed_review.FIELDS}
        if fields["verdict"] not in VERDICTS:
            raise ReviewRefused(f"verdict must be 'confirmed' or 'cleared', not {fields['verdict']!r}")
        if not fields["reason"].strip():
            raise ReviewRefused("a review needs a reason")
        with self._write(durable=True):
            if self._one("SELECT id FROM reviews WHERE id = ?", (fields["review_id"],)) is not None:
                return None
            user = self._supervisor(fields["reviewer"])
            if user["user"] != fields["reviewer"]:
                raise ReviewRefused(f"review names {fields['reviewer']!r}, the user is {user['user']!r}")
            if not user["public_key"] or not signed_review.verify(fields, review["signature"], user["public_key"]):
                raise ReviewRefused(f"review {fields['review_id']}: the signature is not {user['user']}'s")
            try:
                check, exam = self._flagged_check(fields["check_result_id"])
            except UnknownRecord as exc:
                raise ReviewRefused(str(exc)) from None
            if check["examination_id"] != fields["examination_id"]:
                raise ReviewRefused(f"check result {check['id']} is not of examination {fields['examination_id']}")
            if fields["booth_id"] != (exam["booth"] or ""):
                raise ReviewRefused(f"review is for booth {fields['booth_id']!r}, the examination was at "
                                    f"{exam['booth']!r}")
            if _same_person(user["user"], exam["inspector"]):
                raise ReviewRefused(
                    f"{user['user']} examined this traveller and cannot review their own examination's results"
                )
            self._insert_review(fields, review["signature"], "hub")
        return fields["review_id"]

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

    def _supervisor_row(self, exam: dict) -> dict:
        """Inside the lock: one row of the supervisor's list (review_queue's fields, plus the
        inspector's latest decision and every review so far)."""
        results = self._check_results(exam["id"])
        traveller = json.loads(exam["data"]).get("traveller") or {}
        decisions = self.decisions(exam["id"])
        return {
            "examination_id": exam["id"], "started_at": exam["started_at"], "booth": exam["booth"],
            "port": exam["port"], "inspector": exam["inspector"],
            "traveller": traveller if isinstance(traveller, dict) else {},
            "pending": [r for r in results if r["needs_review"]],
            "flagged": [r for r in results if r["outcome"] in REVIEW_OUTCOMES],
            "open_hits": sum(1 for r in results if r["open"]),
            "decision": decisions[-1] if decisions else None,
            "reviews": [{**rv, "kind": r["kind"], "check_result_id": r["check_result_id"]}
                        for r in results for rv in r["reviews"]],
        }

    def supervisor_items(self, which: str = "open", reviewer: str = "") -> list[dict]:
        """The supervisor screen's list at this booth, oldest first.

        ``open``: examinations with a flagged check result no supervisor has reviewed (the same
        examinations as ``review_queue``). ``mine``: examinations with a check result that
        ``reviewer`` reviewed, newest review first (the supervisor's own work, to look back at or
        correct). Each row: review_queue's fields plus ``flagged`` (every flagged result),
        ``decision`` (the inspector's latest decision record, or None) and ``reviews``.
        """
        marks = ",".join("?" * len(REVIEW_OUTCOMES))
        if which == "open":
            sql = (f"SELECT c.examination_id AS id FROM check_results c WHERE c.outcome IN ({marks}) "
                   "AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.check_result_id = c.id) ORDER BY c.rowid")
            params: tuple = REVIEW_OUTCOMES
        elif which == "mine":
            sql = ("SELECT examination_id AS id FROM reviews WHERE reviewer = ? COLLATE NOCASE "
                   "GROUP BY examination_id ORDER BY max(rowid) DESC")
            params = (str(reviewer).strip(),)
        else:
            raise ValueError(f"which must be 'open' or 'mine', not {which!r}")
        with self._lock:
            ids = [r["id"] for r in self.db.query(sql, params)]
            return [self._supervisor_row(self._examination_row(i)) for i in dict.fromkeys(ids)]

    def display_names(self) -> dict[str, str]:
        """Each user's display name (the name a person reads) by user id; empty when unset."""
        with self._lock:
            return {r["user"]: r["display_name"] or "" for r in self.db.query("SELECT user, display_name FROM users")}

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

    # -- pre-arrival manifests --------------------------------------------------------------
    def add_manifest(self, result: dict, actor: str, digest: str | None = None) -> str:
        """Keep one screened manifest (``screening.pre_arrival.ManifestResult.to_dict()``), with
        its audit entry; returns its id. A ``digest`` (of the file) already held is not added
        again: the id of the manifest kept before is returned."""
        result = _as_dict(result, "manifest result")
        actor = _text(actor, "manifest actor")
        with self._write():
            if digest is not None and (held := manifests.with_digest(self.conn, digest)) is not None:
                return held
            manifest_id = manifests.add(self.db, normalise(result), self.clock(), actor, digest)
            head = result["manifest"]
            self._append_audit("manifest.imported", actor, {
                "manifest_id": manifest_id, "flight": head.get("flight"), "people": result.get("people"),
                "flagged": result.get("flagged")})
        return manifest_id

    def manifest_with_digest(self, digest: str) -> str | None:
        """The id of the manifest imported from a file with this SHA-256, if any."""
        with self._lock:
            return manifests.with_digest(self.conn, digest)

    def manifest(self, manifest_id: str) -> dict:
        """One imported manifest whole: its summary and ``results``, every person with their
        screening state, hits first (``ManifestResult.to_dict()``'s order)."""
        with self._lock:
            row = next(self.db.query("SELECT * FROM manifests WHERE id = ?", [manifest_id]), None)
        if row is None:
            raise UnknownRecord(f"no manifest {manifest_id}")
        return {**manifests.summary(row), "results": json.loads(row["data"])["results"]}

    def manifests(self) -> list[dict]:
        """Summaries of the imported manifests, newest first."""
        with self._lock:
            rows = list(self.db.query(manifests.SUMMARIES))
        return [manifests.summary(r) for r in rows]

    def pre_arrival(self, document_number: str, nationality: str, on: dt.date | None = None) -> dict:
        """``{state: flagged | not_checked | clean | not_on_manifest, manifest, hits, reasons,
        manifests_held}`` for the traveller of this document, from the newest manifest that lists
        it (``manifests_held``: whether this booth holds any manifest at all); with ``on``, only
        manifests scheduled to arrive within a day of that date."""
        with self._lock:
            return manifests.find(self.conn, document_number, nationality, on)

    # -- earlier encounters ------------------------------------------------------------------
    def record_encounter(self, examination_id: str, templates: dict, actor: str,
                         authorisation: dict | None = None, hub_searched: bool = True) -> bool:
        """Keep this examination's templates (``biometrics.gallery.encode``) as an encounter and
        queue it for the hub, with the traveller's identity as read. Without ``hub_searched``,
        the inspector's signed ``authorisation`` is kept so the hub search runs at the next sync.
        An examination leaves one encounter: False when it already has one."""
        from inspector_app.domain.encounters import identity_of

        templates = _as_dict(templates, "encounter templates")
        actor = _text(actor, "encounter actor")
        with self._write():
            exam = self._examination_row(examination_id)
            data = json.loads(exam["data"])
            examined, day = str(exam["created_at"]), data.get("examination_date")
            if isinstance(day, str) and len(day) == 10 and not examined.startswith(day):
                examined = day + examined[10:]   # an examination recorded for another day (``exam --date``)
            row = {"encounter_id": exam["id"], "origin": "booth", "booth_id": exam["booth"], "port": exam["port"],
                   "examined_at": examined, "identity": identity_of(data.get("traveller") or {}),
                   "templates": templates}
            now = self.clock()
            if not encounters.insert(self.db, row, now):
                return False
            self._append_audit("encounter.recorded", actor, {"examination_id": exam["id"]})
            payload = {"examination_id": exam["id"], "booth": exam["booth"], "port": exam["port"],
                       "examined_at": examined, "inspector": exam["inspector"],
                       "identity": row["identity"], "templates": templates}
            self._outbox_put(f"enc-{exam['id']}", "encounter", payload, actor)
            if authorisation and not hub_searched:
                self.db["encounter_searches"].insert({"examination_id": exam["id"], "state": "pending",
                                                      "authorisation": to_json(authorisation), "created_at": now})
        return True

    def add_hub_encounters(self, rows: list[dict], cursor: int) -> int:
        """The port's encounters pulled from the hub, and the hub's cursor after them; returns
        how many were new."""
        now, added = self.clock(), 0
        with self._write():
            for r in rows:
                added += encounters.insert(self.db, {**r, "origin": "hub"}, now)
            self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value ="
                              " excluded.value", (encounters.CURSOR, str(int(cursor))))
        return added

    def encounters_cursor(self) -> int:
        with self._lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (encounters.CURSOR,)).fetchone()
        return int(row[0]) if row else 0

    def encounters_since(self, examined_after: str, after_rowid: int = 0) -> list[dict]:
        """``{rowid, encounter_id, templates}`` of the encounters examined since ``examined_after``,
        added after ``after_rowid``."""
        with self._lock:
            return encounters.since(self.conn, examined_after, after_rowid)

    def encounters_by_id(self, encounter_ids: list[str]) -> dict[str, dict]:
        with self._lock:
            return encounters.get(self.conn, list(encounter_ids))

    def pending_encounter_searches(self, limit: int = 50) -> list[dict]:
        """Hub searches deferred while offline, oldest first, with the encounter's identity and
        templates and the inspector's authorisation."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT s.examination_id, s.authorisation, e.identity, e.templates FROM encounter_searches s "
                "JOIN encounters e ON e.encounter_id = s.examination_id WHERE s.state = 'pending' "
                "ORDER BY s.created_at, s.rowid LIMIT ?", (int(limit),)).fetchall()
        return [{"examination_id": r[0], "authorisation": json.loads(r[1]), "identity": json.loads(r[2]),
                 "templates": json.loads(r[3])} for r in rows]

    def finish_encounter_search(self, examination_id: str, state: str, result: dict) -> None:
        """A deferred search ran (``done``) or the hub refused it for good (``refused``)."""
        if state not in ("done", "refused"):
            raise InvalidRecord(f"a deferred search ends done or refused, not {state!r}")
        with self._write():
            self.conn.execute("UPDATE encounter_searches SET state = ?, searched_at = ?, result = ? "
                              "WHERE examination_id = ?", (state, self.clock(), to_json(result), str(examination_id)))
            self._append_audit("encounter.searched", "sync", {"examination_id": str(examination_id), "state": state})

    # -- users -------------------------------------------------------------------------------
    def users_version(self) -> int:
        """The version of the installed user list (0: none installed yet)."""
        with self._lock:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'users_version'").fetchone()
        return int(row[0]) if row else 0

    def set_users(self, users: list[dict], version: int) -> int:
        """Replace the offline-login users with the hub's list number ``version``.

        Each user: ``user``, ``roles``, ``password_hash`` (scrypt at the minimum strength of
        ``common.passwords``; a plaintext ``password`` is refused), optional ``display_name``,
        ``public_key`` and ``wrapped_key`` (``common.userkeys``, both or neither) and ``ports``.
        Refused (``InvalidRecord``, nothing changed): an empty list, a version not above the
        installed one (a rollback to an older list), any malformed user. The audit entry
        ``users.replaced`` carries the version and the digest of the rows (see check_records).
        """
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise InvalidRecord("the users version must be a positive integer")
        if not isinstance(users, list) or not users:
            raise InvalidRecord("an empty user list is refused: nobody could sign in")
        rows = []
        seen = set()
        for i, raw in enumerate(users):
            if not isinstance(raw, dict):
                raise InvalidRecord(f"user #{i + 1} must be a dict")
            rows.append(_user_row(raw, i, seen))
        rows.sort(key=lambda r: r["user"].casefold())
        with self._write(durable=True):
            installed = self.conn.execute("SELECT value FROM meta WHERE key = 'users_version'").fetchone()
            installed = int(installed[0]) if installed else 0
            if version <= installed:
                raise InvalidRecord(f"users version {version} is not newer than the installed version {installed} "
                                    "(an older list is never installed again)")
            now = self.clock()
            self.conn.execute("DELETE FROM users")
            for row in rows:
                self.db["users"].insert({**row, "updated_at": now})
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('users_version', ?)", (str(version),))
            self._append_audit("users.replaced", "hub", {"version": version, "users": [r["user"] for r in rows],
                                                        "users_sha256": users_digest(rows)})
        return len(rows)

    def unlock_signing_key(self, user: str, password: str) -> Ed25519PrivateKey | None:
        """The user's review-signing key, unwrapped with their password; None when the user has no
        key here or the password is wrong."""
        with self._lock:
            row = self._one("SELECT public_key, wrapped_key FROM users WHERE user = ? COLLATE NOCASE",
                            (str(user).strip(),))
        if row is None or not row["public_key"] or not row["wrapped_key"] or not isinstance(password, str):
            return None
        try:
            return userkeys.unwrap(row["wrapped_key"], row["public_key"], password)
        except ValueError:
            return None

    def list_users(self) -> list[dict]:
        with self._lock:
            rows = list(self.db.query("SELECT user, display_name, roles, ports, public_key FROM users ORDER BY user"))
        return [{**r, "roles": json.loads(r["roles"]), "ports": json.loads(r["ports"])} for r in rows]

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
                "counts": counts, "outbox_pending": self.outbox_count(), "outbox_quarantined": self.quarantine_count(),
                "users_version": self.users_version(), "audit_head": self.audit_head()}


def row_digest(row: dict) -> str:
    """SHA-256 of a stored row's canonical JSON; kept in the row's audit entry."""
    return hashlib.sha256(to_json(row).encode("utf-8")).hexdigest()


def _user_row(raw: dict, i: int, seen: set) -> dict:
    """One validated users-table row (without updated_at) from the hub's user dict."""
    name = _text(raw.get("user") or raw.get("user_id") or raw.get("username"), f"user #{i + 1} 'user'")
    if name.casefold() in seen:
        raise InvalidRecord(f"user {name} is listed twice")
    seen.add(name.casefold())
    if "password" in raw:
        raise InvalidRecord(f"user {name}: a plaintext password is refused; send password_hash")
    roles = raw.get("roles") or []
    if isinstance(roles, str) or not roles or not all(r in ROLES for r in roles):
        raise InvalidRecord(f"user {name}: roles must be a non-empty list drawn from {', '.join(ROLES)}")
    encoded = raw.get("password_hash")
    if not isinstance(encoded, str) or not encoded:
        raise InvalidRecord(f"user {name} has no password_hash")
    try:
        passwords.check_format(encoded)
    except ValueError as exc:
        raise InvalidRecord(f"user {name}: {exc}") from None
    public, wrapped = raw.get("public_key") or None, raw.get("wrapped_key") or None
    if (public is None) != (wrapped is None):
        raise InvalidRecord(f"user {name}: public_key and wrapped_key come together or not at all")
    if public is not None:
        try:
            userkeys.load_public_key(str(public))
            userkeys.check_wrapped(str(wrapped))
        except ValueError as exc:
            raise InvalidRecord(f"user {name}: {exc}") from None
    ports = raw.get("ports") or []
    if not isinstance(ports, list) or not all(isinstance(p, str) and p.strip() for p in ports):
        raise InvalidRecord(f"user {name}: ports must be a list of port names")
    return {"user": name, "display_name": str(raw.get("display_name") or ""), "roles": to_json(sorted(set(roles))),
            "password_hash": encoded, "public_key": public, "wrapped_key": wrapped,
            "ports": to_json(sorted({p.strip() for p in ports}))}


def users_digest(rows: list[dict]) -> str:
    """SHA-256 of the user rows as stored (without ``updated_at``), in user-name order."""
    body = [{k: v for k, v in r.items() if k != "updated_at"} for r in rows]
    body.sort(key=lambda r: str(r["user"]).casefold())
    return hashlib.sha256(to_json(body).encode("utf-8")).hexdigest()


# Audit events that vouch for one row each: event -> (table, id key in the payload).
AUDITED_RECORDS = {
    "examination.created": ("examinations", "examination_id"),
    "check.recorded": ("check_results", "check_result_id"),
    "review.recorded": ("reviews", "review_id"),
    "decision.recorded": ("decisions", "decision_id"),
}
# Columns a later migration added: absent from the digests of rows written before it (NULL there).
_LATER_COLUMNS = {"reviews": ("signature",)}


def _stored_digest(table: str, row: dict) -> str:
    late = _LATER_COLUMNS.get(table, ())
    return row_digest({k: v for k, v in row.items() if not (k in late and v is None)})


def check_records(conn, entries: list[AuditRow]) -> dict:
    """Compare rows with the digests their audit entries hold.

    Append-only tables (examinations, check results, decisions, reviews): rows edited behind the
    triggers' back (digest differs), rows deleted (audited, absent) and rows slipped in (present,
    never audited). Outbox: each row's record_id, kind and payload against its ``outbox.queued``
    entry, and a quarantine no ``outbox.quarantined`` entry names. Users: the table against the
    digest of the last ``users.replaced``, and the installed version against its version.
    """
    audited: dict[str, dict[str, str | None]] = {table: {} for table, _ in AUDITED_RECORDS.values()}
    queued: dict[str, str] = {}
    quarantined: set[str] = set()
    last_users: dict | None = None
    for entry in entries:
        try:
            payload = json.loads(entry.payload)
            target = AUDITED_RECORDS.get(entry.event)
            if target is not None:
                # examination.created entries written before schema 2 carry no digest (None)
                audited[target[0]][payload[target[1]]] = payload.get("record_sha256")
            elif entry.event == "outbox.queued":
                queued[payload["record_id"]] = payload["record_sha256"]
            elif entry.event == "outbox.quarantined":
                quarantined.update(payload["record_ids"])
            elif entry.event == "users.replaced":
                last_users = payload
        except (ValueError, KeyError, TypeError, AttributeError):
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
            elif expected[row["id"]] is not None and expected[row["id"]] != _stored_digest(table, row):
                problems.append({"table": table, "id": row["id"], "problem": "differs from its audit entry (edited)"})
        for missing in sorted(set(expected) - present):
            problems.append({"table": table, "id": missing, "problem": "audited but missing (deleted)"})
    checked += _check_outbox(conn, queued, quarantined, problems)
    checked += _check_users(conn, last_users, problems)
    return {"checked": checked, "problems": problems}


def _check_outbox(conn, queued: dict[str, str], quarantined: set[str], problems: list) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'outbox_audited_after'").fetchone()
    legacy_up_to = int(row[0]) if row else 0
    checked = 0
    present = set()
    for seq, record_id, kind, payload, quarantined_at in conn.execute(
        "SELECT seq, record_id, kind, payload, quarantined_at FROM outbox ORDER BY seq"
    ).fetchall():
        present.add(record_id)
        if seq <= legacy_up_to:
            continue  # queued before the outbox was audited
        checked += 1
        digest = row_digest({"record_id": record_id, "kind": kind, "payload": payload})
        if record_id not in queued:
            problems.append({"table": "outbox", "id": record_id, "problem": "not in the audit log (inserted)"})
        elif queued[record_id] != digest:
            problems.append({"table": "outbox", "id": record_id, "problem": "differs from its audit entry (edited)"})
        if quarantined_at is not None and record_id not in quarantined:
            problems.append({"table": "outbox", "id": record_id,
                             "problem": "quarantined without an audit entry (hidden from the hub)"})
    for missing in sorted(set(queued) - present):
        problems.append({"table": "outbox", "id": missing, "problem": "audited but missing (deleted)"})
    return checked


def _check_users(conn, last: dict | None, problems: list) -> int:
    cur = conn.execute("SELECT * FROM users")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, values)) for values in cur.fetchall()]
    version = conn.execute("SELECT value FROM meta WHERE key = 'users_version'").fetchone()
    if last is None or "users_sha256" not in last:
        if rows and last is None:  # before schema 2 the entry carried names only: not checkable
            problems.append({"table": "users", "id": "*", "problem": "not in the audit log (inserted)"})
        return len(rows)
    if users_digest(rows) != last["users_sha256"]:
        problems.append({"table": "users", "id": "*", "problem": "differs from its audit entry (edited)"})
    if version is None or str(version[0]) != str(last.get("version")):
        problems.append({"table": "meta", "id": "users_version",
                         "problem": "differs from its audit entry (edited)"})
    return len(rows)


def _anchor(anchor: dict) -> dict:
    try:
        seq, digest = anchor["seq"], anchor["hash"]
    except (KeyError, TypeError):
        raise ValueError("an audit anchor is {'seq': int, 'hash': str}") from None
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0 or not isinstance(digest, str):
        raise ValueError("an audit anchor is {'seq': int, 'hash': str}")
    return {"seq": seq, "hash": digest.strip().lower()}


def anchor_break(rows: list[AuditRow], anchor: dict) -> dict | None:
    """Whether the chain still holds the entry the hub last received (``truncated`` when it no
    longer reaches that seq, ``rewritten`` when the entry there has another hash), else None."""
    seq, digest = anchor["seq"], anchor["hash"]
    if seq == 0:
        if digest == GENESIS:
            return None
        return {"kind": "rewritten", "position": 0, "seq": 0, "detail": "the anchor at seq 0 is not the genesis"}
    last = rows[-1].seq if rows else 0
    for i, row in enumerate(rows):
        if row.seq == seq:
            if row.hash == digest:
                return None
            return {"kind": "rewritten", "position": i + 1, "seq": seq,
                    "detail": f"entry seq {seq} has hash {row.hash[:16]}…, the anchor says {digest[:16]}…: "
                              "the log was rewritten from there or earlier"}
    if seq > last:
        return {"kind": "truncated", "position": len(rows) + 1, "seq": seq,
                "detail": f"the log ends at seq {last} but the anchor is at seq {seq}: entries were cut off"}
    return {"kind": "rewritten", "position": None, "seq": seq,
            "detail": f"there is no entry seq {seq}, which the anchor names"}


def _decision_record(row: dict) -> dict:
    return {"decision_id": row["id"], "examination_id": row["examination_id"], "type": row["type"],
            "inspector": row["inspector"], "decided_at": row["decided_at"], "decision": json.loads(row["data"])}


def open_store(home: Path | str, key_provider: KeyProvider | None = None, create: bool = True,
               fresh: bool = False) -> Store:
    """Open (or, with ``create``, make) the encrypted booth database and bring its schema up to date.

    A database that has gone while its key (or the marker written when it was made) is still
    there is an error, not a reason to start an empty one: that would silently lose every
    unsent record and the audit log. ``fresh=True`` (``inspector-app store init --new``) starts a
    new database on purpose; it never replaces one that exists.
    """
    home = Path(home)
    path = home / DB_FILE_NAME
    marker = home / CREATED_MARKER
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise StoreError(f"there is no booth database at {path}")
    provider = key_provider if key_provider is not None else default_key_provider(home)
    if not exists and not fresh:
        had_key = _provider_has_key(provider)
        if marker.exists() or had_key:
            why = f"{marker} says one was created here" if marker.exists() else f"{provider.describe()} still holds its key"
            raise StoreError(
                f"the booth database {path} is gone ({why}): it was deleted or moved, and every record not yet "
                "sent to the hub went with it. Restore it from a backup, or start a new database on purpose "
                "with `inspector-app store init --new`."
            )
    if not exists:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Encrypted or not, the file is nobody else's business; SQLite gives -wal/-shm the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
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
    if not marker.exists():
        _write_marker(marker)
    return Store(conn, path, provider.describe())


#: Written beside the database when it is created; its presence without the database means the
#: database was lost.
CREATED_MARKER = "booth.db.created"


def _provider_has_key(provider) -> bool:
    has_key = getattr(provider, "has_key", None)
    if not callable(has_key):
        return False
    try:
        return bool(has_key())
    except StoreError:
        return False  # cannot tell (keyring silent): get_key below reports what is wrong


def _write_marker(marker: Path) -> None:
    try:
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    try:
        os.write(fd, (utc_now() + "\n").encode("ascii"))
    finally:
        os.close(fd)
