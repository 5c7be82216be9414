"""The hub over real HTTP on loopback, against SQLite and a real PostgreSQL server."""
from __future__ import annotations

import uuid

import httpx
import pytest

from inspector_app.common.passwords import hash_password, verify_password


def rec(i: int, **payload) -> dict:
    return {"record_id": str(uuid.UUID(int=i)), "seq": i, "kind": "decision",
            "payload": {"n": i, **payload}, "created_at": "2026-11-22T05:00:00Z"}


@pytest.fixture
def client(hub):
    token = hub.db.register_booth("booth-1")
    with httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {token}"}, timeout=10,
                      verify=hub.tls_context) as c:
        yield c


def test_health_and_openapi_need_no_credential(hub):
    assert httpx.get(f"{hub.url}/health", verify=hub.tls_context).json()["ok"] is True
    paths = httpx.get(f"{hub.url}/openapi.json", verify=hub.tls_context).json()["paths"]
    for p in ("/records", "/bundles", "/bundles/{version}", "/users", "/queue", "/queue/{record_id}/reviews"):
        assert p in paths


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Bearer booth-1.wrongsecret", "Bearer ghost.abc"])
def test_writes_and_reads_refuse_bad_credentials(hub, header):
    hub.db.register_booth("booth-1")
    headers = {"Authorization": header} if header else {}
    r = httpx.post(f"{hub.url}/records", json={"records": [rec(1)]}, headers=headers, verify=hub.tls_context)
    assert r.status_code == 401
    assert httpx.get(f"{hub.url}/users", headers=headers, verify=hub.tls_context).status_code == 401
    assert hub.db.stats()["records"] == 0


def test_reregistering_revokes_the_old_credential(hub):
    old = hub.db.register_booth("booth-1")
    new = hub.db.register_booth("booth-1")
    assert httpx.get(f"{hub.url}/whoami", headers={"Authorization": f"Bearer {old}"}, verify=hub.tls_context).status_code == 401
    assert httpx.get(f"{hub.url}/whoami", headers={"Authorization": f"Bearer {new}"}, verify=hub.tls_context).json() == {"booth_id": "booth-1"}


def test_records_are_stored_exactly_once(client, hub):
    batch = [rec(i) for i in range(1, 6)]
    first = client.post("/records", json={"records": batch}).json()
    assert first == {"stored": [r["record_id"] for r in batch], "duplicates": [], "conflicts": []}
    # resend with shuffled key order: still the same content
    again = [{"payload": r["payload"], "kind": r["kind"], "record_id": r["record_id"], "seq": r["seq"]} for r in batch]
    second = client.post("/records", json={"records": again[2:] + [rec(6)]}).json()
    assert second["duplicates"] == [r["record_id"] for r in batch[2:]]
    assert second["stored"] == [rec(6)["record_id"]]
    assert sorted(hub.db.record_ids()) == sorted(r["record_id"] for r in batch + [rec(6)])
    stored = client.get(f"/records/{batch[0]['record_id']}").json()
    assert stored["booth_id"] == "booth-1" and stored["payload"] == {"n": 1}
    other = hub.db.register_booth("booth-2")
    r = httpx.get(f"{hub.url}/records/{batch[0]['record_id']}", headers={"Authorization": f"Bearer {other}"}, verify=hub.tls_context)
    assert r.status_code == 404  # another booth cannot read it back


def test_same_id_with_other_content_is_409_logged_and_not_overwritten(client, hub):
    client.post("/records", json={"records": [rec(1)]})
    tampered = rec(1, extra="changed")
    r = client.post("/records", json={"records": [tampered, rec(2)]})
    assert r.status_code == 409
    assert r.json()["conflicts"] == [tampered["record_id"]]
    assert r.json()["stored"] == [rec(2)["record_id"]]
    assert hub.db.get_record(tampered["record_id"])["payload"] == {"n": 1}
    log = hub.db.conflicts()
    assert [c["record_id"] for c in log] == [tampered["record_id"]]


def test_malformed_batch_is_refused(client):
    assert client.post("/records", json={"records": [{"record_id": "x"}]}).status_code == 422
    too_many = [rec(i) for i in range(1, 1002)]
    assert client.post("/records", json={"records": too_many}).status_code == 422


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


def test_users_carry_offline_checkable_hashes(client, hub):
    hub.db.add_user("tanaka", hash_password("s3cret"), ["inspector"], "TANAKA Hanako")
    users = client.get("/users").json()["users"]
    assert users == [{"user": "tanaka", "password_hash": users[0]["password_hash"], "roles": ["inspector"],
                      "display_name": "TANAKA Hanako"}]
    assert users[0]["password_hash"].startswith("scrypt$16384$8$1$")
    assert verify_password("s3cret", users[0]["password_hash"])
    assert not verify_password("S3cret", users[0]["password_hash"])
    with pytest.raises(ValueError, match="roles"):
        hub.db.add_user("x", hash_password("p"), ["janitor"])


def test_supervisor_queue_and_reviews(client, hub):
    hub.db.add_user("sato", hash_password("pw"), ["supervisor", "inspector"])
    hub.db.add_user("ito", hash_password("pw"), ["inspector"])
    flagged = rec(1, inspector="sato", flags=["hit:sltd"])
    plain = rec(2, inspector="ito")
    client.post("/records", json={"records": [flagged, plain]})
    items = client.get("/queue").json()["items"]
    assert [i["record_id"] for i in items] == [flagged["record_id"]]
    assert items[0]["flags"] == ["hit:sltd"]
    url = f"/queue/{flagged['record_id']}/reviews"
    body = {"reviewer": "sato", "verdict": "cleared", "reason": "different person"}
    assert client.post(url, json=body).status_code == 403  # raised it himself
    assert client.post(url, json={**body, "reviewer": "ito"}).status_code == 403  # not a supervisor
    hub.db.add_user("kato", hash_password("pw"), ["supervisor"])
    assert client.post(url, json={**body, "reviewer": "kato", "reason": ""}).status_code == 422
    assert client.post(url, json={**body, "reviewer": "kato"}).status_code == 201
    assert client.get("/queue").json()["items"] == []
    assert [r["reviewer"] for r in hub.db.reviews(flagged["record_id"])] == ["kato"]
    assert client.post(f"/queue/{plain['record_id']}/reviews", json={**body, "reviewer": "kato"}).status_code == 404


def test_review_can_arrive_through_the_outbox(client, hub):
    hub.db.add_user("kato", hash_password("pw"), ["supervisor"])
    flagged = rec(1, inspector="ito", hits=[{"kind": "biographic"}])
    review = {"record_id": str(uuid.uuid4()), "seq": 2, "kind": "review",
              "payload": {"target_record_id": flagged["record_id"], "reviewer": "kato",
                          "verdict": "confirmed", "reason": "same person"}}
    assert client.post("/records", json={"records": [flagged, review]}).status_code == 200
    assert client.get("/queue", params={"status": "reviewed"}).json()["items"][0]["flags"] == ["hits:1"]
    assert client.get("/queue").json()["items"] == []


def test_hub_reconnects_after_its_database_connections_die(hub_db_url):
    """PostgreSQL restarted under the hub: the request that hits the dead connection fails
    (the booth retries), the next one works on a fresh connection."""
    import sqlite3

    import psycopg

    from inspector_app.hub.db import HubDb

    db = HubDb(hub_db_url)
    db.register_booth("b")
    db._conn().close()  # what a server restart does to an open connection
    with pytest.raises((sqlite3.Error, psycopg.Error)):  # the driver's own error, not any bug
        db.stats()
    assert db.stats()["booths"] == 1
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
