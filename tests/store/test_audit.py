"""The audit hash chain: a whole chain verifies; each kind of tampering is found where it happened.

The tampering goes through a raw SQLCipher connection with the append-only triggers dropped,
as someone holding the key would do it; the property tests then vary position and chain length
on the pure chain checker.
"""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.common.canonical import to_json
from inspector_app.store.audit import GENESIS, AuditRow, entry_hash, find_first_break

from .conftest import CLEAN_CHECKS, LANDING


def fill(store, n=8):
    for i in range(n):
        store.append_audit("test.event", f"actor-{i % 3}", {"i": i, "note": f"entry {i}"})


def test_whole_chain_verifies(store, exam_factory):
    assert store.verify_audit() == {"ok": True, "entries": 0, "first_broken": None, "head_hash": GENESIS,
                                    "records": {"checked": 0, "problems": []}}
    fill(store)
    report = store.verify_audit()
    assert report["ok"] and report["entries"] == 8 and report["first_broken"] is None
    assert report["head_hash"] == store.audit_entries()[-1].hash


def test_each_entry_links_to_the_one_before(store):
    fill(store, 4)
    rows = store.audit_entries()
    assert rows[0].prev_hash == GENESIS
    for before, after in zip(rows, rows[1:]):
        assert after.prev_hash == before.hash
        assert after.hash == entry_hash(after.prev_hash, after.at, after.event, after.actor, json.loads(after.payload))


def test_edited_row_is_found(store, raw_db):
    fill(store)
    raw = raw_db()
    raw.execute("UPDATE audit SET payload = ? WHERE seq = 5", (to_json({"i": 5, "note": "nothing happened"}),))
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"], broken["position"]) == ("edited", 5, 5)


def test_edited_and_rehashed_row_is_found(store, raw_db):
    fill(store)
    row = store.audit_entries()[2]
    forged = {"i": 99}
    new_hash = entry_hash(row.prev_hash, row.at, row.event, row.actor, forged)
    raw_db().execute("UPDATE audit SET payload = ?, hash = ? WHERE seq = 3", (to_json(forged), new_hash))
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"]) == ("edited", 3)


def test_edited_actor_is_found(store, raw_db):
    fill(store)
    raw_db().execute("UPDATE audit SET actor = 'someone-else' WHERE seq = 2")
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"]) == ("edited", 2)


def test_deleted_row_is_found(store, raw_db):
    fill(store)
    raw_db().execute("DELETE FROM audit WHERE seq = 4")
    report = store.verify_audit()
    broken = report["first_broken"]
    assert not report["ok"]
    assert (broken["kind"], broken["seq"], broken["position"]) == ("deleted", 4, 4)
    assert broken["missing_seqs"] == [4]


def test_deleted_first_and_last_rows_are_found(store, raw_db):
    fill(store)
    raw = raw_db()
    raw.execute("DELETE FROM audit WHERE seq = 8")
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"]) == ("deleted", 8)
    raw.execute("DELETE FROM audit WHERE seq = 1")
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"], broken["position"]) == ("deleted", 1, 1)


def test_reordered_rows_are_found(store, raw_db):
    fill(store)
    raw = raw_db()
    # swap entries 3 and 6 by renumbering them
    raw.execute("UPDATE audit SET seq = -1 WHERE seq = 3")
    raw.execute("UPDATE audit SET seq = 3 WHERE seq = 6")
    raw.execute("UPDATE audit SET seq = 6 WHERE seq = -1")
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"], broken["position"]) == ("reordered", 3, 3)


def test_swapped_contents_are_found_as_reordered(store, raw_db):
    fill(store)
    raw = raw_db()
    cols = "at, event, actor, payload"
    a = raw.execute(f"SELECT {cols} FROM audit WHERE seq = 2").fetchone()
    b = raw.execute(f"SELECT {cols} FROM audit WHERE seq = 7").fetchone()
    raw.execute("UPDATE audit SET at = ?, event = ?, actor = ?, payload = ? WHERE seq = 2", b)
    raw.execute("UPDATE audit SET at = ?, event = ?, actor = ?, payload = ? WHERE seq = 7", a)
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"], broken["content_of_seq"]) == ("reordered", 2, 7)


def _make_room(raw, at_seq):
    """Shift entries at_seq.. one place up, as an attacker inserting in the middle must."""
    raw.execute("UPDATE audit SET seq = -seq WHERE seq >= ?", (at_seq,))
    raw.execute("UPDATE audit SET seq = 1 - seq WHERE seq < 0")


def test_inserted_row_is_found(store, raw_db):
    fill(store)
    raw = raw_db()
    prev = raw.execute("SELECT hash FROM audit WHERE seq = 4").fetchone()[0]
    _make_room(raw, 5)
    raw.execute("INSERT INTO audit(seq, at, event, actor, payload, prev_hash, hash) VALUES (5, ?, ?, ?, ?, ?, ?)",
                ("2026-11-22T05:00:00Z", "decision.recorded", "intruder", "{}", prev, "f" * 64))
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"], broken["position"]) == ("inserted", 5, 5)


def test_inserted_row_with_a_correct_hash_is_found(store, raw_db):
    fill(store)
    raw = raw_db()
    prev = raw.execute("SELECT hash FROM audit WHERE seq = 2").fetchone()[0]
    at, event, actor, payload = "2026-11-22T05:00:00Z", "decision.recorded", "intruder", {"forged": True}
    _make_room(raw, 3)
    raw.execute("INSERT INTO audit(seq, at, event, actor, payload, prev_hash, hash) VALUES (3, ?, ?, ?, ?, ?, ?)",
                (at, event, actor, to_json(payload), prev, entry_hash(prev, at, event, actor, payload)))
    broken = store.verify_audit()["first_broken"]
    assert (broken["kind"], broken["seq"], broken["position"]) == ("inserted", 3, 3)


def test_every_write_leaves_an_audit_entry(store, exam_factory, signing_keys):
    exam = exam_factory()
    check = store.add_check_result(exam, {"kind": "sltd", "outcome": "hit", "reasons": ["reported stolen"]})
    store.add_review(check, "sup-b", "confirmed", "document is on the list", signing_keys["sup-b"])
    store.record_decision(exam, {"type": "referral", "referral_reasons": ["stolen passport"]}, "insp-a")
    events = [r.event for r in store.audit_entries()]
    assert events == ["users.replaced", "examination.created", "outbox.queued", "check.recorded", "outbox.queued",
                      "review.recorded", "outbox.queued", "decision.recorded", "outbox.queued"]
    assert store.verify_audit()["ok"]


def _decided(store, clean_exam, signing_keys):
    exam = clean_exam()
    check = store.add_check_result(exam, {"kind": "biographic", "outcome": "hit", "score": 1, "reasons": ["x"]})
    review = store.add_review(check, "sup-b", "cleared", "different person", signing_keys["sup-b"])
    decision = store.record_decision(exam, LANDING, "insp-a")
    report = store.verify_audit()
    # the examination, every check result (the clean examination's and the hit), the review and the
    # decision, the outbox record of each of them, and the four users
    rows = 1 + len(CLEAN_CHECKS) + 1 + 1 + 1
    assert report["ok"] and report["records"] == {"checked": 2 * rows + 4, "problems": []}
    return check, review, decision


def test_decision_edited_behind_the_triggers_is_found(store, clean_exam, raw_db, signing_keys):
    _, _, decision = _decided(store, clean_exam, signing_keys)
    raw_db().execute("UPDATE decisions SET data = ? WHERE id = ?",
                     (to_json({"type": "landing_permission", "period": "1y"}), decision))
    report = store.verify_audit()
    assert not report["ok"] and report["first_broken"] is None  # the chain itself is intact
    assert report["records"]["problems"] == [
        {"table": "decisions", "id": decision, "problem": "differs from its audit entry (edited)"}]


def test_review_deleted_and_decision_slipped_in_are_found(store, clean_exam, raw_db, signing_keys):
    check, review, decision = _decided(store, clean_exam, signing_keys)
    raw = raw_db()
    raw.execute("DELETE FROM reviews WHERE id = ?", (review,))
    raw.execute("INSERT INTO decisions SELECT 'forged-id', examination_id, decided_at, type, inspector, data "
                "FROM decisions WHERE id = ?", (decision,))
    problems = {(p["table"], p["id"]): p["problem"] for p in store.verify_audit()["records"]["problems"]}
    assert problems == {("reviews", review): "audited but missing (deleted)",
                        ("decisions", "forged-id"): "not in the audit log (inserted)"}


# -- property tests on the pure chain checker ------------------------------------------------------
def build_chain(n: int) -> list[AuditRow]:
    rows, prev = [], GENESIS
    for i in range(n):
        payload = {"i": i}
        at = f"2026-11-22T05:{i // 60:02d}:{i % 60:02d}Z"
        h = entry_hash(prev, at, "e", "a", payload)
        rows.append(AuditRow(i + 1, at, "e", "a", to_json(payload), prev, h))
        prev = h
    return rows



def with_seq(row: AuditRow, seq: int) -> AuditRow:
    return AuditRow(seq, row.at, row.event, row.actor, row.payload, row.prev_hash, row.hash)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(2, 15), data=st.data())
def test_property_whole_chains_verify_and_any_edit_is_found(n, data):
    rows = build_chain(n)
    assert find_first_break(rows, n) is None
    i = data.draw(st.integers(0, n - 1))
    edited = list(rows)
    edited[i] = AuditRow(rows[i].seq, rows[i].at, rows[i].event, rows[i].actor, to_json({"i": -1}),
                         rows[i].prev_hash, rows[i].hash)
    broken = find_first_break(edited, n)
    assert (broken["kind"], broken["position"]) == ("edited", i + 1)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(2, 15), data=st.data())
def test_property_any_deletion_is_found(n, data):
    rows = build_chain(n)
    i = data.draw(st.integers(0, n - 1))
    broken = find_first_break(rows[:i] + rows[i + 1 :], n)
    assert (broken["kind"], broken["seq"], broken["position"]) == ("deleted", i + 1, i + 1)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(2, 15), data=st.data())
def test_property_any_swap_is_found(n, data):
    rows = build_chain(n)
    i = data.draw(st.integers(0, n - 2))
    j = data.draw(st.integers(i + 1, n - 1))
    swapped = list(rows)
    swapped[i], swapped[j] = with_seq(rows[j], i + 1), with_seq(rows[i], j + 1)
    broken = find_first_break(swapped, n)
    assert (broken["kind"], broken["position"]) == ("reordered", i + 1)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(2, 15), data=st.data(), forged_hash=st.booleans())
def test_property_any_insertion_before_the_end_is_found(n, data, forged_hash):
    rows = build_chain(n)
    i = data.draw(st.integers(0, n - 1))  # new row goes before rows[i]
    prev = rows[i - 1].hash if i else GENESIS
    good = entry_hash(prev, "t", "intruder", "x", {"x": 1})
    intruder = AuditRow(0, "t", "intruder", "x", to_json({"x": 1}), prev, good if forged_hash else "f" * 64)
    tampered = [with_seq(r, k + 1) for k, r in enumerate(rows[:i] + [intruder] + rows[i:])]
    broken = find_first_break(tampered, n + 1)
    assert (broken["kind"], broken["position"]) == ("inserted", i + 1)
