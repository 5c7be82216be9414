"""The hub over real HTTPS on loopback, against SQLite and a real PostgreSQL server."""
from __future__ import annotations

import base64
import uuid

import httpx
import pytest

from inspector_app.common import signed_review, signing
from inspector_app.common.passwords import verify_password
from inspector_app.hub import records
from tests.hub.conftest import PORT, enrol_booth, supervisor_proof, trust_of

PW = {"sato": "sato-supervisor-pw", "ito": "ito-inspector-pw-2", "kato": "kato-supervisor-pw", "tanaka":
      "tanaka-inspector-pw"}


def rec(i: int, **payload) -> dict:
    return {"record_id": str(uuid.UUID(int=i)), "seq": i, "kind": "decision",
            "payload": {"n": i, **payload}, "created_at": "2026-11-22T05:00:00Z"}


@pytest.fixture
def booth(hub):
    return enrol_booth(hub.db, "booth-1")


@pytest.fixture
def client(hub, booth):
    with httpx.Client(base_url=hub.url, headers=booth.headers, timeout=10, verify=hub.tls_context) as c:
        yield c


def test_health_and_openapi_need_no_credential(hub):
    assert httpx.get(f"{hub.url}/health", verify=hub.tls_context).json()["ok"] is True
    paths = httpx.get(f"{hub.url}/openapi.json", verify=hub.tls_context).json()["paths"]
    for p in ("/whoami", "/booth/key", "/records", "/records/{record_id}", "/bundles", "/bundles/{version}", "/users",
              "/queue", "/queue/{booth_id}/{record_id}/reviews", "/reviews", "/audit-head"):
        assert p in paths


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Bearer booth-1.wrongsecret", "Bearer ghost.abc"])
def test_writes_and_reads_refuse_bad_credentials(hub, header):
    booth = enrol_booth(hub.db, "booth-1")
    headers = {"Authorization": header} if header else {}
    r = httpx.post(f"{hub.url}/records", json={"records": [booth.sign(rec(1))]}, headers=headers,
                   verify=hub.tls_context)
    assert r.status_code == 401
    assert httpx.get(f"{hub.url}/users", headers=headers, verify=hub.tls_context).status_code == 401
    assert hub.db.stats()["records"] == 0


def test_reregistering_revokes_the_old_credential_and_forgets_the_key(hub):
    old = enrol_booth(hub.db, "booth-1")
    new = hub.db.register_booth("booth-1", PORT)
    assert httpx.get(f"{hub.url}/whoami", headers=old.headers, verify=hub.tls_context).status_code == 401
    r = httpx.get(f"{hub.url}/whoami", headers={"Authorization": f"Bearer {new}"}, verify=hub.tls_context)
    assert r.json() == {"booth_id": "booth-1", "port": PORT, "key_enrolled": False}


def test_a_booth_pushes_only_after_enrolling_its_key_and_the_first_key_stays(hub):
    booth = enrol_booth(hub.db, "booth-1", enrol=False)
    with httpx.Client(base_url=hub.url, headers=booth.headers, verify=hub.tls_context, timeout=10) as c:
        r = c.post("/records", json={"records": [booth.sign(rec(1))]})
        assert r.status_code == 403 and "enrolled" in r.json()["detail"]
        assert c.put("/booth/key", json={"public_key": "not a key"}).status_code == 422
        assert c.put("/booth/key", json={"public_key": booth.public_key}).json() == {"booth_id": "booth-1",
                                                                                     "enrolled": True}
        assert c.put("/booth/key", json={"public_key": booth.public_key}).status_code == 200  # same key: no-op
        other = enrol_booth(hub.db, "booth-2")  # any other key, e.g. a thief's
        assert c.put("/booth/key", json={"public_key": other.public_key}).status_code == 409
        assert c.get("/whoami").json()["key_enrolled"] is True
        r = c.post("/records", json={"records": [booth.sign(rec(1))]})
        assert r.status_code == 200 and r.json()["stored"] == [rec(1)["record_id"]]
    assert hub.db.booth("booth-1").public_key == booth.public_key


def test_records_are_stored_exactly_once_with_a_signed_receipt(client, booth, hub):
    batch = booth.signed([rec(i) for i in range(1, 6)])
    first = client.post("/records", json={"records": batch}).json()
    receipt = first.pop("receipt")
    assert first == {"stored": [r["record_id"] for r in batch], "duplicates": [], "conflicts": [], "refused": []}
    assert signing.verify(trust_of(hub).receipt_key, signing.RECEIPT, receipt["body"], receipt["signature"])
    assert receipt["body"]["booth_id"] == "booth-1"
    assert receipt["body"]["results"] == [[r["record_id"], records.content_hash(r["kind"], r["payload"]), "stored"]
                                          for r in batch]
    # resend with shuffled key order: still the same content, and the same signature verifies
    again = [{"signature": r["signature"], "created_at": r["created_at"], "payload": r["payload"], "kind": r["kind"],
              "record_id": r["record_id"], "seq": r["seq"]} for r in batch]
    second = client.post("/records", json={"records": again[2:] + [booth.sign(rec(6))]}).json()
    assert second["duplicates"] == [r["record_id"] for r in batch[2:]]
    assert second["stored"] == [rec(6)["record_id"]] and second["refused"] == []
    assert [s for _, _, s in second["receipt"]["body"]["results"]] == ["duplicate"] * 3 + ["stored"]
    assert sorted(hub.db.record_ids()) == sorted(r["record_id"] for r in batch + [rec(6)])
    stored = client.get(f"/records/{batch[0]['record_id']}").json()
    assert stored["booth_id"] == "booth-1" and stored["payload"] == {"n": 1} and stored["via"] == "push"
    other = enrol_booth(hub.db, "booth-2")
    r = httpx.get(f"{hub.url}/records/{batch[0]['record_id']}", headers=other.headers, verify=hub.tls_context)
    assert r.status_code == 404  # another booth cannot read it back


def test_same_id_with_other_content_is_a_conflict_logged_and_not_overwritten(client, booth, hub):
    client.post("/records", json={"records": [booth.sign(rec(1))]})
    tampered = booth.sign(rec(1, extra="changed"))  # the booth's own valid signature, other content
    r = client.post("/records", json={"records": [tampered, booth.sign(rec(2))]})
    assert r.status_code == 200  # the rest of the batch is stored; the receipt says which is which
    assert r.json()["conflicts"] == [tampered["record_id"]]
    assert r.json()["stored"] == [rec(2)["record_id"]]
    assert [tampered["record_id"], records.content_hash("decision", tampered["payload"]), "conflict"] in \
        r.json()["receipt"]["body"]["results"]
    assert hub.db.get_record("booth-1", tampered["record_id"])["payload"] == {"n": 1}
    log = hub.db.conflicts()
    assert [(c["record_id"], c["booth_id"]) for c in log] == [(tampered["record_id"], "booth-1")]


def test_malformed_unsigned_and_altered_records_are_refused(client, booth, hub):
    assert client.post("/records", json={"records": [{"record_id": "x"}]}).status_code == 422
    assert client.post("/records", json={"records": [rec(1)]}).status_code == 422  # no signature at all
    too_many = booth.signed([rec(i) for i in range(1, 1002)])
    assert client.post("/records", json={"records": too_many}).status_code == 422
    altered = {**booth.sign(rec(1)), "payload": {"n": 1, "decision": "changed after signing"}}
    unsigned_seq = {**booth.sign(rec(2)), "seq": 99}  # a field the signature covers
    r = client.post("/records", json={"records": [altered, unsigned_seq, booth.sign(rec(3))]})
    assert r.status_code == 200
    assert [x["record_id"] for x in r.json()["refused"]] == [altered["record_id"], unsigned_seq["record_id"]]
    assert all("signature" in x["reason"] for x in r.json()["refused"])
    assert r.json()["stored"] == [rec(3)["record_id"]]
    assert hub.db.record_ids() == [rec(3)["record_id"]]


def test_bundles_listed_after_version_and_served_as_opaque_bytes(client, hub):
    blobs = {1: b"\x00signed-one", 2: b"two\xff" * 1000, 3: b"three"}
    for v, data in blobs.items():
        hub.db.put_bundle(v, data)
    hub.db.put_bundle(2, blobs[2])  # republishing the same bytes is a no-op
    with pytest.raises(ValueError, match="different content"):
        hub.db.put_bundle(2, b"other")
    listed = client.get("/bundles", params={"after": 1}).json()["bundles"]
    assert [b["version"] for b in listed] == [2, 3]
    r = client.get("/bundles/2")
    assert r.content == blobs[2] and r.headers["x-bundle-sha256"] == listed[0]["sha256"]
    assert client.get("/bundles/9").status_code == 404


def _admin(hub):
    from inspector_app.hub.keys import ADMIN_FILE, load_admin

    return load_admin(hub.hub_dir / ADMIN_FILE)


def test_users_come_signed_for_the_port_with_offline_checkable_hashes(client, hub, trust_kit):
    assert client.get("/users").status_code == 404  # nothing signed for this port yet
    m = trust_kit.material("tanaka", PW["tanaka"])
    hub.db.add_user("tanaka", m["password_hash"], ["inspector"], "TANAKA Hanako", [PORT], m["public_key"],
                    m["wrapped_key"])
    assert hub.db.publish_user_lists(_admin(hub))["ports"] == {PORT: 1}
    answer = client.get("/users").json()
    assert signing.verify(trust_of(hub).admin_key, signing.USERS, answer["list"], answer["signature"])
    body = answer["list"]
    assert (body["format"], body["port"]) == (records.USERS_FORMAT, PORT)
    users = body["users"]
    assert users == [{"user": "tanaka", "password_hash": m["password_hash"], "roles": ["inspector"],
                      "display_name": "TANAKA Hanako", "ports": [PORT], "public_key": m["public_key"],
                      "wrapped_key": m["wrapped_key"]}]
    assert users[0]["password_hash"].startswith("scrypt$131072$8$1$")
    assert verify_password(PW["tanaka"], users[0]["password_hash"])
    assert not verify_password(PW["tanaka"].upper(), users[0]["password_hash"])
    with pytest.raises(ValueError, match="roles"):
        hub.db.add_user("x", m["password_hash"], ["janitor"], "", [PORT], m["public_key"], m["wrapped_key"])
    weak = "scrypt$1024$8$1$" + base64.b64encode(b"s" * 16).decode() + "$" + base64.b64encode(b"h" * 32).decode()
    with pytest.raises(ValueError, match="weaker than the minimum"):
        hub.db.add_user("x", weak, ["inspector"], "", [PORT], m["public_key"], m["wrapped_key"])


def _review(client, key, reviewer: str, target: dict, **over) -> httpx.Response:
    fields = {"review_id": str(uuid.uuid4()), "booth_id": "booth-1", "check_result_id": target["record_id"],
              "examination_id": str(uuid.UUID(int=999)), "reviewer": reviewer, "verdict": "cleared",
              "reason": "different person", "reviewed_at": "2026-11-22T06:00:00+00:00", **over}
    body = {k: v for k, v in fields.items() if k not in ("booth_id", "check_result_id")}
    return client.post(f"/queue/booth-1/{target['record_id']}/reviews",
                       json={**body, "signature": signed_review.sign(fields, key)})


def test_supervisor_queue_and_reviews(client, booth, hub, trust_kit):
    for name, roles in (("sato", ["supervisor", "inspector"]), ("ito", ["inspector"]), ("kato", ["supervisor"])):
        trust_kit.add_user(hub, name, PW[name], roles, [PORT])
    key = {name: trust_kit.signing_key(name, PW[name]) for name in ("sato", "ito", "kato")}
    flagged = rec(1, inspector="sato", flags=["hit:sltd"])
    plain = rec(2, inspector="ito")
    client.post("/records", json={"records": booth.signed([flagged, plain])})
    assert client.get("/queue").status_code == 403  # a booth credential alone reads no queue
    items = client.get("/queue", headers=supervisor_proof("kato", key["kato"], "booth-1")).json()["items"]
    assert [(i["booth_id"], i["record_id"]) for i in items] == [("booth-1", flagged["record_id"])]
    assert items[0]["flags"] == ["hit:sltd"]
    assert _review(client, key["sato"], "sato", flagged).status_code == 403  # raised it himself
    assert _review(client, key["ito"], "ito", flagged).status_code == 403  # not a supervisor
    assert _review(client, key["ito"], "kato", flagged).status_code == 403  # kato's name, not kato's key
    assert _review(client, key["kato"], "kato", flagged, reason="").status_code == 422
    assert _review(client, key["kato"], "kato", flagged, verdict="maybe").status_code == 422
    assert _review(client, key["kato"], "kato", flagged).status_code == 201
    assert client.get("/queue", headers=supervisor_proof("kato", key["kato"], "booth-1")).json()["items"] == []
    assert [r["reviewer"] for r in hub.db.reviews("booth-1", flagged["record_id"])] == ["kato"]
    assert _review(client, key["kato"], "kato", plain).status_code == 404


def test_review_can_arrive_through_the_outbox(client, booth, hub, trust_kit):
    trust_kit.add_user(hub, "kato", PW["kato"], ["supervisor"], [PORT])
    kato = trust_kit.signing_key("kato", PW["kato"])
    flagged = rec(1, inspector="ito", hits=[{"kind": "biographic"}])
    fields = {"review_id": str(uuid.uuid4()), "booth_id": "booth-1", "check_result_id": flagged["record_id"],
              "examination_id": str(uuid.UUID(int=999)), "reviewer": "kato", "verdict": "confirmed",
              "reason": "same person", "reviewed_at": "2026-11-22T06:00:00+00:00"}
    review = {"record_id": fields["review_id"], "seq": 2, "kind": "review", "created_at": None,
              "payload": {**fields, "signature": signed_review.sign(fields, kato)}}
    r = client.post("/records", json={"records": booth.signed([flagged, review])})
    assert r.status_code == 200 and r.json()["refused"] == []
    assert r.json()["stored"] == [flagged["record_id"], review["record_id"]]
    proof = supervisor_proof("kato", kato, "booth-1")
    assert client.get("/queue", params={"status": "reviewed"}, headers=proof).json()["items"][0]["flags"] == ["hits:1"]
    assert client.get("/queue", headers=proof).json()["items"] == []


@pytest.mark.postgres
def test_hub_survives_its_database_connections_dying(pg_url):
    """PostgreSQL restarted under the hub (every backend of the hub's pool terminated): the pool
    checks a connection before lending it, so the next request runs on a fresh one and none fails."""
    import psycopg

    from inspector_app.hub.db import HubDb

    db = HubDb(pg_url)
    db.register_booth("b", PORT)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        killed = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                               " WHERE application_name = 'inspector-hub' AND pid <> pg_backend_pid()").fetchone()[0]
    assert killed >= 1
    assert db.stats()["booths"] == 1
    assert db.authenticate("b.nope") is None
    db.close()


def test_large_bundle_is_chunked_and_streamed(client, hub, monkeypatch):
    import hashlib
    import os

    monkeypatch.setattr(type(hub.db), "CHUNK", 64 * 1024)  # many chunks without a gigabyte of test data
    data = os.urandom(300 * 1024 + 7)
    info = hub.db.put_bundle(5, data)
    assert hub.db.bundle_info(5)["chunks"] == 5 and info["size"] == len(data)
    r = client.get("/bundles/5")
    assert r.content == data and r.headers["content-length"] == str(len(data))
    assert r.headers["x-bundle-sha256"] == hashlib.sha256(data).hexdigest()
