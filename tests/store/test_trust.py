"""Issue 10 in the store: reviews from the hub checked before they count, the outbox quarantine,
an audit log that vouches for every row (examinations, users, outbox) and is checked against the
hub's anchor, and a deleted database that is an error instead of a fresh start."""
from __future__ import annotations

import json

import pytest
import sqlcipher3

from inspector_app.common import signed_review
from inspector_app.common.canonical import to_json
from inspector_app.store import InvalidRecord, ReviewRefused, StoreError, open_store
from inspector_app.store.audit import GENESIS, entry_hash
from inspector_app.store.migrations import MIGRATIONS

from .conftest import hub_users

HIT = {"kind": "biographic", "outcome": "hit", "score": 0.93, "reasons": ["name matches WL-1"]}


def remote(store, check_id: str, reviewer: str, key, **changes) -> dict:
    """A review as the hub hands it on: made at another booth, signed by the reviewer."""
    check = store.conn.execute("SELECT examination_id FROM check_results WHERE id = ?", (check_id,)).fetchone()
    fields = {"review_id": "remote-1", "booth_id": "NRT-T1-B07", "check_result_id": check_id,
              "examination_id": check[0], "reviewer": reviewer, "verdict": "cleared",
              "reason": "seen at the other booth: different person", "reviewed_at": "2026-11-29T21:00:00Z"}
    fields.update(changes)
    return {**fields, "signature": signed_review.sign(fields, key)}


# -- reviews from the hub -------------------------------------------------------------------------
def test_remote_review_counts_once_and_is_not_sent_back(store, exam_factory, signing_keys):
    exam = exam_factory()
    check = store.add_check_result(exam, HIT)
    queued = store.outbox_count()
    review = remote(store, check, "sup-b", signing_keys["sup-b"])
    assert store.apply_remote_review(review) == "remote-1"
    assert store.open_hits(exam) == []
    assert store.outbox_count() == queued  # no echo to the hub
    assert store.apply_remote_review(review) is None  # pulled again: nothing new, no error
    rows = store.conn.execute("SELECT id, reviewer, signature FROM reviews").fetchall()
    assert rows == [("remote-1", "sup-b", review["signature"])]
    entry = [e for e in store.audit_entries() if e.event == "review.recorded"]
    assert len(entry) == 1 and json.loads(entry[0].payload)["origin"] == "hub"
    assert store.verify_audit()["ok"]


@pytest.mark.parametrize("case, match", [
    ("forged", "signature"),
    ("other key", "signature"),
    ("not a supervisor", "not a supervisor"),
    ("unknown reviewer", "not a user"),
    ("own examination", "own"),
    ("other booth", "booth"),
    ("other examination", "not of examination"),
    ("unknown check", "no check result"),
    ("not flagged", "not flagged"),
    ("missing signature", "lacks signature"),
    ("bad verdict", "verdict"),
])
def test_remote_review_refused(store, exam_factory, signing_keys, case, match):
    exam = exam_factory(inspector="sup-c")
    check = store.add_check_result(exam, HIT)
    clear = store.add_check_result(exam, {"kind": "sltd", "outcome": "clear"})
    other_exam = exam_factory()
    review = {
        "forged": lambda: {**remote(store, check, "sup-b", signing_keys["sup-b"]), "verdict": "cleared",
                           "reason": "changed after signing"},
        "other key": lambda: remote(store, check, "sup-b", signing_keys["sup-c"]),
        "not a supervisor": lambda: remote(store, check, "insp-d", signing_keys["insp-d"]),
        "unknown reviewer": lambda: remote(store, check, "sup-z", signing_keys["sup-b"]),
        "own examination": lambda: remote(store, check, "sup-c", signing_keys["sup-c"]),
        "other booth": lambda: remote(store, check, "sup-b", signing_keys["sup-b"], booth_id="KIX-B01"),
        "other examination": lambda: remote(store, check, "sup-b", signing_keys["sup-b"], examination_id=other_exam),
        "unknown check": lambda: remote(store, check, "sup-b", signing_keys["sup-b"], check_result_id="nope"),
        "not flagged": lambda: remote(store, clear, "sup-b", signing_keys["sup-b"]),
        "missing signature": lambda: {k: v for k, v in remote(store, check, "sup-b", signing_keys["sup-b"]).items()
                                      if k != "signature"},
        "bad verdict": lambda: remote(store, check, "sup-b", signing_keys["sup-b"], verdict="approved"),
    }[case]()
    before = store.audit_head()
    with pytest.raises(ReviewRefused, match=match):
        store.apply_remote_review(review)
    assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert store.audit_head() == before
    assert len(store.open_hits(exam)) == 1


# -- outbox quarantine ------------------------------------------------------------------------------
def test_quarantined_records_leave_the_queue_and_are_kept(store, exam_factory):
    exam = exam_factory()
    first = store.add_check_result(exam, HIT)
    second = store.add_check_result(exam, {"kind": "sltd", "outcome": "clear"})
    assert store.outbox_count() == 3 and store.quarantine_count() == 0
    assert store.outbox_quarantine([first, "unknown-id"], "hub: 422 schema mismatch") == 1
    assert [r["record_id"] for r in store.outbox_pending()] == [exam, second]
    assert store.outbox_count() == 2 and store.quarantine_count() == 1
    [held] = store.quarantined()
    assert (held["record_id"], held["kind"], held["reason"]) == (first, "check_result", "hub: 422 schema mismatch")
    assert held["payload"]["check_result_id"] == first and held["seq"] == 2 and held["quarantined_at"]
    assert store.outbox_quarantine([first], "again") == 0  # once only, reason kept
    assert store.quarantined()[0]["reason"] == "hub: 422 schema mismatch"
    store.outbox_ack([second])
    assert store.outbox_quarantine([second], "too late") == 0  # acked rows are done
    entries = [json.loads(e.payload) for e in store.audit_entries() if e.event == "outbox.quarantined"]
    assert [(e["record_ids"], e["reason"]) for e in entries] == [([first], "hub: 422 schema mismatch")]
    with pytest.raises(InvalidRecord):
        store.outbox_quarantine([second], " ")
    assert store.verify_audit()["ok"]
    info = store.info()
    assert (info["outbox_pending"], info["outbox_quarantined"]) == (1, 1)


def test_outbox_rows_change_only_from_null_to_a_value(store, exam_factory):
    exam = exam_factory()
    store.outbox_ack([exam])
    for sql in ("UPDATE outbox SET payload = '{}'", "UPDATE outbox SET kind = 'decision'",
                "UPDATE outbox SET record_id = 'x'", "UPDATE outbox SET acked_at = NULL",
                "UPDATE outbox SET acked_at = 'later'", "UPDATE outbox SET quarantined_at = 'now'",
                "DELETE FROM outbox"):
        with pytest.raises(sqlcipher3.IntegrityError, match="outbox rows cannot"):
            store.conn.execute(sql)
        store.conn.rollback()
    assert store.conn.execute("SELECT count(*) FROM outbox WHERE acked_at IS NOT NULL").fetchone()[0] == 1


def test_examinations_are_append_only(store, exam_factory):
    exam_factory()
    for sql in ("UPDATE examinations SET inspector = 'someone else'", "DELETE FROM examinations"):
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            store.conn.execute(sql)
        store.conn.rollback()


# -- the audit vouches for every row ----------------------------------------------------------------
def problems(store) -> dict:
    return {(p["table"], p["id"]): p["problem"] for p in store.verify_audit()["records"]["problems"]}


def test_edited_examination_is_found(store, exam_factory, raw_db):
    exam = exam_factory()
    raw_db().execute("UPDATE examinations SET data = json_set(data, '$.traveller.surname', 'OTHER') WHERE id = ?",
                     (exam,))
    assert problems(store) == {("examinations", exam): "differs from its audit entry (edited)"}


def test_edited_or_inserted_user_is_found(store, staff, raw_db, signing_keys):
    assert store.verify_audit()["ok"]
    raw = raw_db()
    raw.execute("UPDATE users SET roles = '[\"supervisor\"]' WHERE user = 'insp-a'")
    assert problems(store) == {("users", "*"): "differs from its audit entry (edited)"}
    raw.execute("UPDATE users SET roles = '[\"inspector\"]' WHERE user = 'insp-a'")
    assert store.verify_audit()["ok"]
    raw.execute("INSERT INTO users(user, roles, password_hash, updated_at, public_key, wrapped_key, ports) "
                "SELECT 'mallory', roles, password_hash, updated_at, public_key, wrapped_key, ports FROM users "
                "WHERE user = 'sup-b'")
    assert problems(store) == {("users", "*"): "differs from its audit entry (edited)"}


def test_users_version_rolled_back_behind_the_log_is_found(store, signing_keys, raw_db):
    raw_db().execute("UPDATE meta SET value = '0' WHERE key = 'users_version'")
    assert problems(store) == {("meta", "users_version"): "differs from its audit entry (edited)"}


def test_edited_inserted_or_hidden_outbox_rows_are_found(store, exam_factory, raw_db):
    exam = exam_factory()
    check = store.add_check_result(exam, HIT)
    raw = raw_db()
    raw.execute("UPDATE outbox SET payload = json_set(payload, '$.outcome', 'clear') WHERE record_id = ?", (check,))
    raw.execute("INSERT INTO outbox(record_id, kind, payload, created_at) VALUES ('forged', 'decision', '{}', 'x')")
    raw.execute("UPDATE outbox SET quarantined_at = 'x', quarantine_reason = 'hidden' WHERE record_id = ?", (exam,))
    assert problems(store) == {
        ("outbox", check): "differs from its audit entry (edited)",
        ("outbox", "forged"): "not in the audit log (inserted)",
        ("outbox", exam): "quarantined without an audit entry (hidden from the hub)",
    }


def test_audit_head_and_anchor(store, exam_factory, raw_db):
    assert store.audit_head() == {"seq": 0, "hash": GENESIS}
    for _ in range(3):
        exam_factory()
    head = store.audit_head()
    assert head == {"seq": 6, "hash": store.audit_entries()[-1].hash}
    report = store.verify_audit(anchor=head)
    assert report["ok"] and report["anchor"] == {**head, "ok": True}
    assert store.verify_audit(anchor={"seq": 2, "hash": store.audit_entries()[1].hash})["ok"]
    assert store.verify_audit(anchor={"seq": 0, "hash": GENESIS})["ok"]
    with pytest.raises(ValueError):
        store.verify_audit(anchor={"seq": "6"})

    # someone with the key rewrites the whole chain from seq 4 on, consistently: only the anchor tells
    rows = store.audit_entries()
    raw = raw_db()
    prev = rows[2].hash
    for row in rows[3:]:
        payload = json.loads(row.payload)
        payload["forged"] = True
        digest = entry_hash(prev, row.at, row.event, row.actor, payload)
        raw.execute("UPDATE audit SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    (to_json(payload), prev, digest, row.seq))
        prev = digest
    assert store.verify_audit()["first_broken"] is None  # the chain alone looks whole
    broken = store.verify_audit(anchor=head)
    assert not broken["ok"] and broken["anchor"]["ok"] is False
    assert (broken["first_broken"]["kind"], broken["first_broken"]["seq"]) == ("rewritten", 6)


def test_cut_tail_is_truncated_against_the_anchor(store, exam_factory, raw_db):
    exam_factory()
    exam_factory()
    head = store.audit_head()
    raw = raw_db()
    raw.execute("DELETE FROM audit WHERE seq > 2")
    raw.execute("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit'")  # hide the high-water mark too
    broken = store.verify_audit(anchor=head)["first_broken"]
    assert (broken["kind"], broken["seq"]) == ("truncated", 4)


# -- a deleted database ------------------------------------------------------------------------------
def _delete_db(home):
    for name in ("booth.db", "booth.db-wal", "booth.db-shm"):
        (home / name).unlink(missing_ok=True)


def test_deleted_database_is_an_error_not_a_fresh_start(store_home, key_provider):
    open_store(store_home, key_provider=key_provider).close()
    _delete_db(store_home)
    with pytest.raises(StoreError, match="is gone.*store init --new"):
        open_store(store_home, key_provider=key_provider)
    assert not (store_home / "booth.db").exists()
    # the key alone says a database existed, even with the marker removed as well
    (store_home / "booth.db.created").unlink()
    with pytest.raises(StoreError, match="still holds its key"):
        open_store(store_home, key_provider=key_provider)
    # the marker alone says so too (a key in the keyring, say, that was also deleted)
    key_provider.path.unlink()
    (store_home / "booth.db.created").write_text("x")
    with pytest.raises(StoreError, match="says one was created"):
        open_store(store_home, key_provider=key_provider)
    fresh = open_store(store_home, key_provider=key_provider, fresh=True)
    try:
        assert fresh.audit_head()["seq"] == 0
    finally:
        fresh.close()


def test_a_new_home_and_an_existing_database_open_as_before(tmp_path, key_provider):
    home = tmp_path / "brand-new" / "booth"
    open_store(home).close()  # default provider ($INSPECTOR_KEY_PROVIDER=file in the tests)
    assert (home / "booth.db.created").exists()
    open_store(home).close()
    with open_store(home, fresh=True) as again:  # fresh never replaces a database that is there
        assert again.schema_version == MIGRATIONS[-1].version


# -- migration from schema 1 ---------------------------------------------------------------------
def test_a_schema_1_database_migrates_and_still_verifies(store_home, key_provider, staff):
    """Rows written before schema 2 (review without signature, examination entry without digest,
    outbox without entries of its own, users entry with names only) still verify after it."""
    from inspector_app.store.connection import connect
    from inspector_app.store.migrations import apply_migrations
    from inspector_app.store.store import row_digest

    conn = connect(store_home / "booth.db", key_provider.get_key(create=True))
    apply_migrations(conn, MIGRATIONS[:1])
    prev, seq = GENESIS, 0

    def audit(event, payload):
        nonlocal prev, seq
        digest = entry_hash(prev, "2026-11-01T00:00:00Z", event, "x", payload)
        conn.execute("INSERT INTO audit(at, event, actor, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
                     ("2026-11-01T00:00:00Z", event, "x", to_json(payload), prev, digest))
        prev = digest

    t = "2026-11-01T00:00:00Z"
    conn.execute("INSERT INTO examinations VALUES ('e1', ?, ?, 'NRT-T1-B07', 'NRT', 'insp-a', '{}')", (t, t))
    conn.execute("INSERT INTO outbox(record_id, kind, payload, created_at) VALUES ('e1', 'examination', '{}', ?)", (t,))
    audit("examination.created", {"examination_id": "e1"})
    check = {"id": "c1", "examination_id": "e1", "created_at": t, "kind": "biographic", "outcome": "hit",
             "score": None, "data": "{}"}
    conn.execute("INSERT INTO check_results VALUES (:id, :examination_id, :created_at, :kind, :outcome, :score, :data)",
                 check)
    audit("check.recorded", {"check_result_id": "c1", "record_sha256": row_digest(check)})
    review = {"id": "r1", "check_result_id": "c1", "examination_id": "e1", "reviewed_at": t, "reviewer": "sup-b",
              "verdict": "cleared", "reason": "old review"}
    conn.execute("INSERT INTO reviews VALUES (:id, :check_result_id, :examination_id, :reviewed_at, :reviewer, "
                 ":verdict, :reason)", review)
    audit("review.recorded", {"review_id": "r1", "record_sha256": row_digest(review)})
    conn.execute("INSERT INTO users VALUES ('old', '', '[\"inspector\"]', ?, ?)", (staff["insp-a"]["password_hash"], t))
    audit("users.replaced", {"users": ["old"]})
    conn.commit()
    conn.close()

    store = open_store(store_home, key_provider=key_provider)
    try:
        assert store.schema_version == MIGRATIONS[-1].version
        report = store.verify_audit()
        assert report["ok"] and report["entries"] == 4, report
        assert store.outbox_count() == 1
        store.set_users(hub_users(staff), version=1)
        store.add_check_result("e1", HIT)
        assert store.verify_audit()["ok"]
    finally:
        store.close()
