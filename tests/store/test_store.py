"""The booth store: schema, decisions and their invariants, reviews, outbox, users, encryption."""
from __future__ import annotations

import stat
import threading

import pytest
import sqlcipher3

from inspector_app.common.canonical import to_json
from inspector_app.store import (
    DecisionRejected,
    InvalidRecord,
    ReviewRefused,
    StoreError,
    UnknownRecord,
    WrongKey,
    open_store,
)
from inspector_app.store.keys import FileKeyProvider
from inspector_app.store.migrations import MIGRATIONS, Migration, apply_migrations, current_version

from .conftest import CLEAN_CHECKS, LANDING, PASSWORD, clean_mrz, hub_users

HIT = {"kind": "biographic", "outcome": "hit", "score": 0.91, "reasons": ["surname and birth date match"],
       "list": "wanted", "record": "W-1"}


def counts(store):
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("decisions", "audit", "outbox", "reviews", "check_results")}


def codes(info) -> set[str]:
    return {f.rule for f in info.value.findings}


# -- opening, schema, encryption ------------------------------------------------------------------
def test_new_store_has_schema_and_private_files(store, store_home):
    assert store.schema_version == MIGRATIONS[-1].version == 6
    assert store.integrity_check() == ["ok"]
    for name in ("booth.db", "booth.key"):
        mode = stat.S_IMODE((store_home / name).stat().st_mode)
        assert mode & 0o077 == 0, f"{name} has mode {mode:o}"
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopen_does_not_reapply_migrations(store_home, key_provider):
    open_store(store_home, key_provider=key_provider).close()
    s = open_store(store_home, key_provider=key_provider)
    try:
        assert s.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    finally:
        s.close()


def test_failing_migration_leaves_no_trace(store):
    last = MIGRATIONS[-1].version
    bad = (Migration(last + 1, "half done", ("CREATE TABLE later_table (a)", "THIS IS NOT SQL")),)
    with pytest.raises(sqlcipher3.Error):
        apply_migrations(store.conn, bad)
    assert current_version(store.conn) == last
    assert store.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'later_table'").fetchone()[0] == 0


def test_migrations_apply_in_order(store):
    n = MIGRATIONS[-1].version
    more = (Migration(n + 2, "second", ("CREATE TABLE t4 (a)",)), Migration(n + 1, "first", ("CREATE TABLE t3 (a)",)))
    assert apply_migrations(store.conn, more) == [n + 1, n + 2]
    assert apply_migrations(store.conn, more) == []
    assert current_version(store.conn) == n + 2


def test_database_from_a_newer_program_is_refused(store_home, key_provider, raw_db):
    open_store(store_home, key_provider=key_provider).close()
    raw_db(drop_triggers=False).execute(
        "INSERT INTO schema_version(version, description, applied_at) VALUES (99, 'future', 'x')")
    with pytest.raises(StoreError, match="newer"):
        open_store(store_home, key_provider=key_provider)


def test_wrong_key_is_a_clear_error(store_home, key_provider, tmp_path):
    open_store(store_home, key_provider=key_provider).close()
    other = FileKeyProvider(tmp_path / "other.key")
    other.get_key(create=True)
    with pytest.raises(WrongKey, match="cannot decrypt"):
        open_store(store_home, key_provider=other)


def test_existing_database_without_its_key_is_not_given_a_new_one(store_home, key_provider):
    open_store(store_home, key_provider=key_provider).close()
    key_provider.path.unlink()
    with pytest.raises(StoreError, match="missing"):
        open_store(store_home, key_provider=key_provider)
    assert not key_provider.path.exists()


def test_open_without_create_refuses_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no booth database"):
        open_store(tmp_path / "nowhere", create=False)


def test_names_never_reach_the_files_in_clear(store, store_home, exam_factory):
    exam = exam_factory(traveller={"surname": "WATANABEXYZ", "name_ja": "渡辺太郎"})
    store.add_check_result(exam, {**HIT, "reasons": ["WATANABEXYZ on list"]})
    store.record_decision(exam, {"type": "referral", "referral_reasons": ["WATANABEXYZ hit"]}, "insp-a")
    assert (store_home / "booth.db-wal").stat().st_size > 0  # data is still in the WAL
    for suffix in ("", "-wal", "-shm"):
        data = (store_home / f"booth.db{suffix}").read_bytes()
        assert b"WATANABEXYZ" not in data
        assert "渡辺太郎".encode() not in data
    # and it is really there, decrypted
    assert store.examination(exam)["traveller"]["surname"] == "WATANABEXYZ"


# -- examinations and check results ------------------------------------------------------------------
def test_examination_needs_an_inspector(store):
    with pytest.raises(InvalidRecord, match="inspector"):
        store.create_examination({"booth": "B1"})


def test_check_result_validation(store, exam_factory):
    exam = exam_factory()
    with pytest.raises(UnknownRecord):
        store.add_check_result("no-such-exam", HIT)
    with pytest.raises(InvalidRecord, match="outcome"):
        store.add_check_result(exam, {**HIT, "outcome": "match"})
    with pytest.raises(InvalidRecord, match="kind"):
        store.add_check_result(exam, {"outcome": "hit"})
    with pytest.raises(InvalidRecord, match="kind"):  # only the kinds of domain.checks.CheckKind
        store.add_check_result(exam, {**HIT, "kind": "face_quality"})
    with pytest.raises(InvalidRecord, match="reasons"):
        store.add_check_result(exam, {**HIT, "reasons": "just one"})


def test_examination_returns_everything(store, clean_exam, signing_keys):
    import datetime

    lines = clean_mrz()
    exam = clean_exam(mrz={"lines": lines, "birth_date": datetime.date(1990, 1, 2), "format": "TD3"})
    check = store.add_check_result(exam, HIT)
    store.add_review(check, "sup-b", "cleared", "different birth place", signing_keys["sup-b"])
    store.record_decision(exam, LANDING, "insp-a")
    full = store.examination(exam)
    assert full["mrz"] == {"lines": lines, "birth_date": "1990-01-02", "format": "TD3"}
    assert full["inspector"] == "insp-a"
    assert [c["kind"] for c in full["check_results"]] == [c["kind"] for c in CLEAN_CHECKS] + ["biographic"]
    assert full["check_results"][-1]["check_result_id"] == check
    assert full["check_results"][-1]["reviews"][0]["reviewer"] == "sup-b"
    assert [c["reviews"] for c in full["check_results"][:-1]] == [[]] * len(CLEAN_CHECKS)
    assert full["decisions"][0]["decision"]["period"] == "90d"
    assert full["open_hits"] == 0


# -- decisions ------------------------------------------------------------------------------------
def test_landing_permission_refused_while_a_hit_is_open(store, clean_exam, signing_keys):
    exam = clean_exam()
    check = store.add_check_result(exam, HIT)
    before = counts(store)
    with pytest.raises(DecisionRejected) as info:
        store.record_decision(exam, LANDING, "insp-a")
    assert [f.rule for f in info.value.findings] == ["hit.open"]
    assert "open" in info.value.errors[0]
    assert counts(store) == before  # nothing written
    # a referral is fine with an open hit
    store.record_decision(exam, {"type": "referral", "referral_reasons": ["watchlist hit"]}, "insp-a")
    store.add_review(check, "sup-b", "confirmed", "same person", signing_keys["sup-b"])
    with pytest.raises(DecisionRejected):
        store.record_decision(exam, LANDING, "insp-a")  # confirmed is still a hit
    store.add_review(check, "sup-c", "cleared", "on second look: different birth date", signing_keys["sup-c"])
    assert store.open_hits(exam) == []
    assert store.record_decision(exam, LANDING, "insp-a")


def test_only_hits_block_landing(store, clean_exam):
    exam = clean_exam()
    store.add_check_result(exam, {"kind": "face_capture", "outcome": "low_quality", "score": 0.2,
                                  "reasons": ["too dark"]})
    store.add_check_result(exam, {"kind": "sltd", "outcome": "clear"})
    assert store.open_hits(exam) == []
    decision = store.record_decision(exam, LANDING, "insp-a")
    assert [f["rule"] for f in store.decision(decision)["decision"]["flags"]] == ["flag.low_quality"]


def test_rule_refusals_carry_codes_and_write_nothing(store, exam_factory):
    exam = exam_factory()
    store.add_check_result(exam, HIT)
    before = counts(store)
    with pytest.raises(DecisionRejected) as info:
        store.record_decision(exam, {"type": "referral"}, "insp-a")
    assert [f.rule for f in info.value.findings] == ["decision.referral_reason_missing"]
    assert info.value.errors == ["a referral to a special inquiry officer needs at least one reason"]
    assert "decision.referral_reason_missing" in str(info.value)
    assert counts(store) == before


def test_a_bare_examination_cannot_land(store, exam_factory):
    """No caller can skip the rules: the store judges what was recorded, not what it is told."""
    exam = exam_factory()
    before = counts(store)
    with pytest.raises(DecisionRejected) as info:
        store.record_decision(exam, LANDING, "insp-a")
    assert codes(info) == {"document.not_read", "screening.not_checked", "biometrics.face_missing",
                           "biometrics.fingers_missing"}
    assert counts(store) == before
    # the preview says the same, and writes nothing either
    preview = store.evaluate_decision(exam, LANDING)
    assert {f.rule for f in preview.refused} == codes(info)
    assert counts(store) == before


def test_unscreened_or_failed_lists_are_not_checked(store, clean_exam):
    exam = clean_exam(checks=False)
    for check in CLEAN_CHECKS[2:]:  # biometrics, no list screened
        store.add_check_result(exam, dict(check))
    refused = store.evaluate_decision(exam, LANDING).refused
    assert [(f.rule, f.message.rsplit(": ", 1)[-1]) for f in refused] == [
        ("screening.not_checked", "lost/stolen documents list (not screened)"),
        ("screening.not_checked", "biographic watchlist (not screened)")]
    store.add_check_result(exam, {"kind": "sltd", "outcome": "error", "reasons": ["list unreadable"]})
    store.add_check_result(exam, dict(CLEAN_CHECKS[1]))
    refused = store.evaluate_decision(exam, LANDING).refused
    assert [f.message.rsplit(": ", 1)[-1] for f in refused] == ["lost/stolen documents list (screening error)"]
    store.add_check_result(exam, dict(CLEAN_CHECKS[0]))  # a later check of the list supersedes
    assert store.evaluate_decision(exam, LANDING).ok


def test_an_open_hit_cannot_be_overridden(store, clean_exam):
    exam = clean_exam()
    store.add_check_result(exam, HIT)
    before = counts(store)
    with pytest.raises(DecisionRejected) as info:
        store.record_decision(exam, LANDING, "insp-a", overrides={"hit.open": "I know this traveller"})
    assert codes(info) == {"override.not_allowed", "hit.open"}
    assert counts(store) == before


def test_decision_commit_runs_with_synchronous_full(store, clean_exam):
    exam = clean_exam()
    during = []
    plain_clock = store.clock

    def clock():  # called inside the decision's transaction, when the row is written
        during.append(store.conn.execute("PRAGMA synchronous").fetchone()[0])
        return plain_clock()

    store.clock = clock
    try:
        store.record_decision(exam, LANDING, "insp-a")
    finally:
        store.clock = plain_clock
    assert during and set(during) == {2}  # FULL inside the decision's transaction
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again afterwards


def test_decision_audit_and_outbox_are_one_transaction(store, clean_exam, raw_db):
    exam = clean_exam()
    raw_db(drop_triggers=False).execute(
        "CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox WHEN NEW.kind = 'decision' "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    before = counts(store)
    with pytest.raises(sqlcipher3.IntegrityError, match="disk trouble"):
        store.record_decision(exam, LANDING, "insp-a")
    assert counts(store) == before
    assert store.verify_audit()["ok"]


def test_decision_record_links_audit_and_outbox(store, clean_exam):
    from inspector_app.store.store import row_digest

    exam = clean_exam()
    decision_id = store.record_decision(exam, LANDING, "insp-a")
    record = store.decision(decision_id)
    entry, queued = store.audit_entries()[-2:]
    assert (entry.event, queued.event) == ("decision.recorded", "outbox.queued")
    import json

    row = store.conn.execute("SELECT * FROM decisions WHERE id = ?", (decision_id,))
    names = [d[0] for d in row.description]
    assert json.loads(entry.payload)["record_sha256"] == row_digest(dict(zip(names, row.fetchone())))
    assert record["decision"] == {**LANDING, "overrides": {}, "flags": []}
    out = [o for o in store.outbox_pending() if o["record_id"] == decision_id][0]
    assert out["kind"] == "decision" and out["payload"]["audit_hash"] == entry.hash
    assert json.loads(queued.payload) == {"record_id": decision_id, "kind": "decision", "record_sha256": row_digest(
        {"record_id": decision_id, "kind": "decision", "payload": to_json(out["payload"])})}


def test_decision_needs_type_and_inspector(store, exam_factory):
    exam = exam_factory()
    with pytest.raises(InvalidRecord):
        store.record_decision(exam, {"period": "90d"}, "insp-a")
    with pytest.raises(InvalidRecord):
        store.record_decision(exam, LANDING, "  ")
    with pytest.raises(UnknownRecord):
        store.record_decision("nope", LANDING, "insp-a")


@pytest.mark.parametrize("table", ["decisions", "reviews", "audit", "check_results"])
def test_append_only_tables_refuse_update_and_delete(store, clean_exam, table, signing_keys):
    exam = clean_exam()
    check = store.add_check_result(exam, HIT)
    store.add_review(check, "sup-b", "cleared", "not the same person", signing_keys["sup-b"])
    store.record_decision(exam, LANDING, "insp-a")
    column = {"decisions": "type", "reviews": "reason", "audit": "event", "check_results": "kind"}[table]
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        store.conn.execute(f"UPDATE {table} SET {column} = 'changed'")
    store.conn.rollback()
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        store.conn.execute(f"DELETE FROM {table}")
    store.conn.rollback()
    assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] >= 1


def test_concurrent_threads_keep_one_chain(store, exam_factory):
    exams = [exam_factory() for _ in range(4)]
    errors = []

    def work(exam):
        try:
            for _ in range(10):
                store.record_decision(exam, {"type": "referral", "referral_reasons": ["x"]}, "insp-a")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(e,)) for e in exams]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    report = store.verify_audit()
    # each examination and each decision: its own entry and its outbox record's
    assert report["ok"] and report["entries"] == 2 * (4 + 40)


# -- reviews --------------------------------------------------------------------------------------
def test_reviewer_cannot_be_the_inspector(store, exam_factory, signing_keys):
    exam = exam_factory(inspector="sup-c")  # sup-c is both supervisor and inspector
    check = store.add_check_result(exam, HIT)
    with pytest.raises(ReviewRefused, match="own"):
        store.add_review(check, "sup-c", "cleared", "looks fine", signing_keys["sup-c"])
    with pytest.raises(ReviewRefused, match="own"):
        store.add_review(check, " SUP-C ", "cleared", "looks fine", signing_keys["sup-c"])
    assert len(store.open_hits(exam)) == 1


def test_reviewer_must_be_a_supervisor_of_this_booth(store, exam_factory, signing_keys):
    """A name is not enough: the reviewer is a user here with the supervisor role."""
    check = store.add_check_result(exam_factory(inspector="insp-a"), HIT)
    with pytest.raises(ReviewRefused, match="not a supervisor"):
        store.add_review(check, "insp-d", "cleared", "looks fine", signing_keys["insp-d"])
    with pytest.raises(ReviewRefused, match="not a user"):
        store.add_review(check, "sup-z", "cleared", "looks fine", signing_keys["sup-b"])
    assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_review_signed_with_another_key_is_refused(store, exam_factory, signing_keys):
    check = store.add_check_result(exam_factory(), HIT)
    with pytest.raises(ReviewRefused, match="signing key is not sup-b"):
        store.add_review(check, "sup-b", "cleared", "looks fine", signing_keys["sup-c"])
    with pytest.raises(ReviewRefused, match="signed"):
        store.add_review(check, "sup-b", "cleared", "looks fine", None)
    assert store.outbox_pending()[-1]["kind"] == "check_result"


def test_review_is_signed_and_its_outbox_record_carries_the_signed_fields(store, exam_factory, signing_keys, staff):
    from inspector_app.common import signed_review

    exam = exam_factory()
    check = store.add_check_result(exam, HIT)
    review = store.add_review(check, "SUP-B", "cleared", "  different person ", signing_keys["sup-b"])
    record = store.outbox_pending()[-1]
    assert (record["record_id"], record["kind"]) == (review, "review")
    payload = record["payload"]
    assert set(payload) == {*signed_review.FIELDS, "signature"}
    assert {k: payload[k] for k in ("review_id", "booth_id", "check_result_id", "examination_id", "reviewer",
                                     "verdict", "reason")} == {
        "review_id": review, "booth_id": "NRT-T1-B07", "check_result_id": check, "examination_id": exam,
        "reviewer": "sup-b", "verdict": "cleared", "reason": "different person"}
    assert signed_review.verify(payload, payload["signature"], staff["sup-b"]["public_key"])
    assert not signed_review.verify({**payload, "verdict": "confirmed"}, payload["signature"],
                                    staff["sup-b"]["public_key"])
    stored = store.conn.execute("SELECT signature FROM reviews WHERE id = ?", (review,)).fetchone()[0]
    assert stored == payload["signature"]


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_review_needs_a_reason(store, exam_factory, reason, signing_keys):
    check = store.add_check_result(exam_factory(), HIT)
    with pytest.raises(ReviewRefused, match="reason"):
        store.add_review(check, "sup-b", "cleared", reason, signing_keys["sup-b"])


def test_review_rejects_bad_input(store, exam_factory, signing_keys):
    exam = exam_factory()
    check = store.add_check_result(exam, HIT)
    clear = store.add_check_result(exam, {"kind": "sltd", "outcome": "clear"})
    with pytest.raises(ReviewRefused, match="verdict"):
        store.add_review(check, "sup-b", "approved", "fine", signing_keys["sup-b"])
    with pytest.raises(ReviewRefused, match="reviewer"):
        store.add_review(check, "", "cleared", "fine", signing_keys["sup-b"])
    with pytest.raises(UnknownRecord):
        store.add_review("nope", "sup-b", "cleared", "fine", signing_keys["sup-b"])
    with pytest.raises(ReviewRefused, match="not flagged"):
        store.add_review(clear, "sup-b", "cleared", "fine", signing_keys["sup-b"])


def test_review_queue_lists_unreviewed_flags(store, exam_factory, signing_keys):
    quiet = exam_factory()
    store.add_check_result(quiet, {"kind": "sltd", "outcome": "clear"})
    flagged = exam_factory()
    hit = store.add_check_result(flagged, HIT)
    exc = store.add_check_result(flagged, {"kind": "fingerprint", "outcome": "exception",
                                           "reasons": ["Left IndexFinger: bandaged"]})
    queue = store.review_queue()
    assert [q["examination_id"] for q in queue] == [flagged]
    assert {p["check_result_id"] for p in queue[0]["pending"]} == {hit, exc}
    assert queue[0]["open_hits"] == 1
    assert queue[0]["traveller"]["surname"] == "SUZUKI"
    store.add_review(hit, "sup-b", "cleared", "different person", signing_keys["sup-b"])
    assert [p["check_result_id"] for p in store.review_queue()[0]["pending"]] == [exc]
    store.add_review(exc, "sup-b", "confirmed", "exception accepted: bandage seen", signing_keys["sup-b"])
    assert store.review_queue() == []


# -- outbox ---------------------------------------------------------------------------------------
def test_outbox_order_ack_and_idempotence(store, clean_exam, signing_keys):
    exam = clean_exam()
    check = store.add_check_result(exam, HIT)
    store.add_review(check, "sup-b", "cleared", "different person", signing_keys["sup-b"])
    decision = store.record_decision(exam, LANDING, "insp-a")
    pending = store.outbox_pending()
    n = len(CLEAN_CHECKS) + 1
    assert [p["kind"] for p in pending] == ["examination"] + ["check_result"] * n + ["review", "decision"]
    assert [p["seq"] for p in pending] == sorted(p["seq"] for p in pending)
    assert pending[n]["record_id"] == check and pending[-1]["record_id"] == decision
    assert set(pending[0]) == {"seq", "record_id", "kind", "payload", "created_at"}
    assert store.outbox_count() == n + 3
    first = pending[1]["record_id"]
    assert [p["record_id"] for p in store.outbox_pending(limit=2)] == [exam, first]
    assert store.outbox_ack([exam, first]) == 2
    assert store.outbox_ack([exam, first, "unknown-id"]) == 0  # again: harmless
    assert store.outbox_count() == n + 1
    assert [p["kind"] for p in store.outbox_pending()] == ["check_result"] * (n - 1) + ["review", "decision"]
    assert store.outbox_ack([]) == 0


# -- users ----------------------------------------------------------------------------------------
def test_users_login_offline(store, staff):
    sato = {**hub_users(staff, "insp-a")[0], "user": "sato", "display_name": "Sato K."}
    ito = {**hub_users(staff, "sup-b")[0], "user": "ito", "roles": ["supervisor", "inspector"]}
    assert store.set_users([sato, ito], version=1) == 2
    assert store.check_login("sato", PASSWORD) == {"user": "sato", "display_name": "Sato K.", "roles": ["inspector"]}
    assert store.check_login("ito", PASSWORD)["roles"] == ["inspector", "supervisor"]
    assert store.check_login("sato", "wrong") is None
    assert store.check_login("nobody", PASSWORD) is None
    assert [(u["user"], u["ports"], u["public_key"]) for u in store.list_users()] == [
        ("ito", ["NRT"], staff["sup-b"]["public_key"]), ("sato", ["NRT"], staff["insp-a"]["public_key"])]
    assert store.users_version() == 1
    store.set_users([ito], version=2)
    assert store.check_login("sato", PASSWORD) is None
    assert [u["user"] for u in store.list_users()] == ["ito"]
    assert store.users_version() == 2


def test_signing_key_unlocks_with_the_password_only(store, staff):
    from inspector_app.common.userkeys import public_key_b64

    store.set_users(hub_users(staff, "sup-b") + [{"user": "nokey", "roles": ["supervisor"],
                                                  "password_hash": staff["sup-b"]["password_hash"]}], version=1)
    key = store.unlock_signing_key("SUP-B", PASSWORD)
    assert key is not None and public_key_b64(key) == staff["sup-b"]["public_key"]
    assert store.unlock_signing_key("sup-b", "wrong password") is None
    assert store.unlock_signing_key("nokey", PASSWORD) is None
    assert store.unlock_signing_key("nobody", PASSWORD) is None


def test_users_version_never_goes_back(store, staff):
    store.set_users(hub_users(staff), version=5)
    for version in (5, 4, 0, -1, True, "6"):
        with pytest.raises(InvalidRecord, match="version"):
            store.set_users(hub_users(staff, "sup-b"), version=version)
    with pytest.raises(InvalidRecord, match="empty"):
        store.set_users([], version=6)
    assert [u["user"] for u in store.list_users()] == sorted(staff)
    assert store.users_version() == 5


def _pbkdf2(password: str, iterations: int) -> str:
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def _scrypt(n: int, r: int = 8) -> str:
    """A scrypt hash in form (the digest is never computed: the parameters alone refuse it)."""
    import base64

    return f"scrypt${n}${r}$1${base64.b64encode(b'0123456789abcdef').decode()}${base64.b64encode(b'k' * 32).decode()}"


@pytest.mark.parametrize("encoded", [_pbkdf2("pw-1", 1), _pbkdf2("pw-1", 600_000), _scrypt(2**14), _scrypt(2**17, r=4),
                                     _scrypt(2)])
def test_weak_hashes_from_a_hub_are_refused(store, staff, encoded):
    """A fake hub sending a cheap hash would make every offline password cheap to guess."""
    with pytest.raises(InvalidRecord, match="PBKDF2|weaker than the minimum"):
        store.set_users([{"user": "kato", "roles": ["administrator"], "password_hash": encoded}], version=1)
    assert store.list_users() == [] and store.users_version() == 0


@pytest.mark.parametrize("user", [
    {"user": "a", "roles": ["king"]},
    {"user": "a", "roles": []},
    {"user": "a", "roles": ["inspector"], "password_hash": None},
    {"user": "a", "roles": ["inspector"], "password_hash": "md5$abc"},
    {"user": "a", "roles": ["inspector"], "password": "a plaintext password"},
    {"roles": ["inspector"]},
    {"user": "a", "roles": ["inspector"], "public_key": "AAAA"},
    {"user": "a", "roles": ["inspector"], "ports": "NRT"},
    {"user": "OTHER", "roles": ["inspector"]},
])
def test_bad_users_are_refused_and_nothing_changes(store, staff, user):
    encoded = staff["insp-a"]["password_hash"]
    store.set_users([{"user": "keep", "roles": ["inspector"], "password_hash": encoded}], version=1)
    user = {"password_hash": encoded, **user}
    with pytest.raises(InvalidRecord):
        store.set_users([{"user": "other", "roles": ["inspector"], "password_hash": encoded}, user], version=2)
    assert [u["user"] for u in store.list_users()] == ["keep"]
    assert store.users_version() == 1


def test_a_key_pair_of_another_user_is_refused(store, staff):
    mixed = {**hub_users(staff, "sup-b")[0], "wrapped_key": "scrypt-chacha20poly1305$2$8$1$AA==$AA==$AA=="}
    with pytest.raises(InvalidRecord):
        store.set_users([mixed], version=1)
