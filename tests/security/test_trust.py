"""Issue 10's attack table, row by row, against a real hub over TLS on loopback and real booth
stores: what used to work with a name or a booth credential alone must now fail."""
from __future__ import annotations

import base64
import datetime as dt
import json
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI, Request  # module level: the fake hub's handlers are annotated with them

from inspector_app.common import signed_review, signing
from inspector_app.hub import records as rec
from inspector_app.store import open_store
from inspector_app.sync.client import SyncClient, SyncError

NARITA, KANSAI = "Narita Airport", "Kansai Airport"
PW = {"tanaka": "tanaka-inspector-pw", "sato": "sato-supervisor-pw", "oda": "oda-kansai-supervisor",
      "ito": "ito-inspector-pw-2"}


@pytest.fixture
def hub(tmp_path, trust_kit):
    from inspector_app.hub.runner import start_in_thread

    running = start_in_thread(f"sqlite:///{tmp_path}/hub.db", tls_dir=tmp_path / "hubdir")
    trust_kit.add_user(running, "tanaka", PW["tanaka"], ["inspector"], [NARITA])
    trust_kit.add_user(running, "sato", PW["sato"], ["supervisor"], [NARITA])
    trust_kit.add_user(running, "oda", PW["oda"], ["supervisor"], [KANSAI])
    yield running
    running.stop()


class Booth:
    def __init__(self, tmp_path: Path, hub, kit, booth_id: str, port: str = NARITA):
        self.id, self.home = booth_id, tmp_path / booth_id
        self.token = kit.configure_booth(self.home, hub, booth_id, port)
        self.store = open_store(self.home)
        self.client = kit.client(self.home, self.store)

    def examine(self, inspector: str = "tanaka", surname: str = "IVANOV") -> tuple[str, str]:
        exam = self.store.create_examination({"inspector": inspector, "booth": self.id, "port": NARITA,
                                              "traveller": {"surname": surname, "given_names": "SERGEY"}})
        check = self.store.add_check_result(exam, {"kind": "biographic", "outcome": "hit", "score": 0.93,
                                                   "reasons": ["surname exact"], "list": "wanted"})
        return exam, check

    def http(self, hub) -> httpx.Client:
        return httpx.Client(base_url=hub.url, verify=self.client.trust.ssl_context(),
                            headers={"Authorization": f"Bearer {self.token}"}, timeout=30)

    def close(self):
        self.client.close()
        self.store.close()


@pytest.fixture
def booths(tmp_path, hub, trust_kit):
    made = []

    def make(booth_id: str, port: str = NARITA) -> Booth:
        b = Booth(tmp_path, hub, trust_kit, booth_id, port)
        made.append(b)
        return b

    yield make
    for b in made:
        b.close()


def _review_fields(booth_id: str, check: str, exam: str, reviewer: str, verdict: str = "cleared") -> dict:
    return {"review_id": str(uuid.uuid4()), "booth_id": booth_id, "check_result_id": check, "examination_id": exam,
            "reviewer": reviewer, "verdict": verdict, "reason": "different person: birth place differs",
            "reviewed_at": "2026-11-29T10:00:00+00:00"}


def _post_review(http: httpx.Client, fields: dict, signature: str) -> httpx.Response:
    body = {k: v for k, v in fields.items() if k not in ("booth_id", "check_result_id")}
    return http.post(f"/queue/{fields['booth_id']}/{fields['check_result_id']}/reviews", json={**body, "signature": signature})


# -- row 1: a booth posts a review under a supervisor's name ----------------------------------------
def test_a_booth_credential_alone_cannot_clear_another_booths_hit(hub, booths, trust_kit):
    a, b = booths("BOOTH-A"), booths("BOOTH-B")
    a.client.pull_once()  # users, signed by the administrator
    exam, check = a.examine()
    a.client.push_once()
    assert [i["record_id"] for i in hub.db.queue_page(NARITA)["items"]] == [check]
    with b.http(hub) as http:
        # the attack as it worked before: a name in the body
        r = http.post(f"/queue/BOOTH-A/{check}/reviews", json={"reviewer": "sato", "verdict": "cleared", "reason": "x"})
        assert r.status_code == 422
        fields = _review_fields("BOOTH-A", check, exam, "sato")
        forged = signed_review.sign(fields, Ed25519PrivateKey.generate())  # the booth's own key, or any other
        assert _post_review(http, fields, forged).status_code == 403
        # an inspector's own real key is not a supervisor's
        ins = _review_fields("BOOTH-A", check, exam, "tanaka")
        assert _post_review(http, ins, signed_review.sign(ins, trust_kit.signing_key("tanaka", PW["tanaka"]))).status_code == 403
        # a real supervisor, but of another port
        oda = _review_fields("BOOTH-A", check, exam, "oda")
        r = _post_review(http, oda, signed_review.sign(oda, trust_kit.signing_key("oda", PW["oda"])))
        assert r.status_code == 403 and "port" in r.json()["detail"]
    assert hub.db.queue_page(NARITA)["items"][0]["status"] == "open"
    a.client.pull_once()
    assert len(a.store.open_hits(exam)) == 1  # nothing reached booth A
    # the real supervisor's signature, carried by any booth, does clear it, and booth A checks it itself
    with b.http(hub) as http:
        assert _post_review(http, fields, signed_review.sign(fields, trust_kit.signing_key("sato", PW["sato"]))).status_code == 201
    report = a.client.pull_once()
    assert report["reviews"] == 1 and a.store.open_hits(exam) == []


def test_a_booth_drops_a_review_the_hub_relays_without_a_valid_supervisor_signature(hub, booths, trust_kit):
    """Even a hub that has been taken over cannot clear a hit: the booth verifies the signature
    against its own signed user list before applying a review."""
    a = booths("BOOTH-A")
    a.client.pull_once()
    exam, check = a.examine()
    forged = _review_fields("BOOTH-A", check, exam, "sato")
    with pytest.raises(Exception, match="(?i)signature|sign"):
        a.store.apply_remote_review({**forged, "signature": signed_review.sign(forged, Ed25519PrivateKey.generate())})
    by_inspector = _review_fields("BOOTH-A", check, exam, "tanaka")
    with pytest.raises(Exception, match="(?i)supervisor"):
        a.store.apply_remote_review({**by_inspector, "signature": signed_review.sign(
            by_inspector, trust_kit.signing_key("tanaka", PW["tanaka"]))})
    assert len(a.store.open_hits(exam)) == 1


# -- row 2: a booth pushes another booth's future record ids first ---------------------------------------
def test_record_ids_are_per_booth_and_a_foreign_signature_is_refused(hub, booths):
    a, b = booths("BOOTH-A"), booths("BOOTH-B")
    exam, check = a.examine()
    pending = a.store.outbox_pending()
    # booth B, with its own valid credential and key, pushes A's ids with other content first
    b.client.enrol()
    squat = [{"record_id": r["record_id"], "seq": r["seq"], "kind": r["kind"], "payload": {"forged": True},
              "created_at": r["created_at"]} for r in pending]
    with b.http(hub) as http:
        signed = [{**x, "signature": signing.sign(b.client.key, signing.RECORD, rec.signed_record("BOOTH-B", x))}
                  for x in squat]
        r = http.post("/records", json={"records": signed})
        assert r.status_code == 200 and len(r.json()["stored"]) == len(pending)  # stored as B's own, harmlessly
        # and B cannot sign as A: records claiming A's signature are refused one by one
        as_a = [{**x, "signature": signing.sign(b.client.key, signing.RECORD, rec.signed_record("BOOTH-A", x))}
                for x in squat]
        r = http.post("/records", json={"records": [{**x, "record_id": x["record_id"] + "-x"} for x in as_a]})
        assert r.status_code == 200 and len(r.json()["refused"]) == len(pending) and not r.json()["stored"]
        assert http.get(f"/records/{check}").json()["payload"] == {"forged": True}  # B sees only B's
    report = a.client.push_once()
    assert report["stored"] == len(pending) and report["conflicts"] == 0
    assert a.store.outbox_count() == 0 and a.store.quarantine_count() == 0
    assert hub.db.get_record("BOOTH-A", check)["payload"]["outcome"] == "hit"  # A's genuine record is upstream
    assert [i["booth_id"] for i in hub.db.queue_page(NARITA)["items"]] == ["BOOTH-A"]  # B's junk raised nothing


# -- row 3: a fake hub ------------------------------------------------------------------------------
class FakeHub:
    """A hub impostor holding a valid TLS certificate (the worst case: the hub's TLS key stolen),
    without the receipt key or the administrator's key. Records every request it sees."""

    def __init__(self, tls_dir: Path, forged_users: dict, forged_reviews: list):
        import uvicorn

        from inspector_app.hub.runner import bind

        app = FastAPI()
        self.seen: list[tuple[str, str | None]] = []

        @app.middleware("http")
        async def record(request: Request, call_next):
            self.seen.append((request.url.path, request.headers.get("authorization")))
            return await call_next(request)

        @app.put("/booth/key")
        def enrol():
            return {"enrolled": True}

        @app.post("/records")
        async def records(request: Request):
            body = await request.json()
            ids = [r["record_id"] for r in body["records"]]
            results = [[r["record_id"], rec.content_hash(r["kind"], r["payload"]), "stored"] for r in body["records"]]
            receipt = {"booth_id": "BOOTH-A", "issued_at": "2026-11-29T00:00:00Z", "results": results}
            return {"stored": ids, "duplicates": [], "conflicts": [], "refused": [],
                    "receipt": {"body": receipt, "signature": signing.sign(Ed25519PrivateKey.generate(),
                                                                            signing.RECEIPT, receipt)}}

        @app.get("/bundles")
        def bundles():
            return {"bundles": []}

        @app.get("/users")
        def users():
            return forged_users

        @app.get("/reviews")
        def reviews(after: int = 0):
            return {"reviews": [r for r in forged_reviews if r["seq"] > after]}

        @app.get("/manifests")
        def manifests(after: int = 0):
            return {"items": []}

        sock = bind("127.0.0.1", 0)
        config = uvicorn.Config(app, log_level="warning", lifespan="off", ssl_certfile=str(tls_dir / "server.pem"),
                                ssl_keyfile=str(tls_dir / "server.key"))
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "fake hub did not start"
            time.sleep(0.02)
        self.url = f"https://127.0.0.1:{sock.getsockname()[1]}"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


def test_a_fake_hub_cannot_make_the_booth_drop_records_install_users_or_clear_hits(hub, booths, trust_kit, tmp_path):
    a = booths("BOOTH-A")
    a.client.pull_once()
    before_users = a.store.list_users()
    exam, check = a.examine()
    queued = a.store.outbox_count()
    rogue = {"user": "mallory", "display_name": "M", "roles": ["administrator", "supervisor"], "ports": ["*"],
             "password_hash": "pbkdf2_sha256$1$c2FsdA==$aGFzaA==", **trust_kit.material("mallory", "mallory-password-1")}
    body = {"format": rec.USERS_FORMAT, "port": NARITA, "version": 99, "issued_at": "2026-11-29T00:00:00Z",
            "users": [rogue]}
    forged_users = {"list": body, "signature": signing.sign(Ed25519PrivateKey.generate(), signing.USERS, body)}
    review = _review_fields("BOOTH-A", check, exam, "tanaka")
    forged_reviews = [{"seq": 1, **review, "signature": signed_review.sign(review, Ed25519PrivateKey.generate())}]
    fake = FakeHub(hub.hub_dir / "tls", forged_users, forged_reviews)
    try:
        client = trust_kit.client(a.home, a.store)
        client.http.base_url = fake.url
        with pytest.raises(SyncError, match="receipt"):
            client.push_once()
        assert a.store.outbox_count() == queued  # nothing acked on a forged receipt
        client.pull_once()
        assert a.store.list_users() == before_users  # the unsigned list changed nothing
        assert a.store.check_login("mallory", "mallory-password-1") is None
        assert len(a.store.open_hits(exam)) == 1  # the forged review was not applied
        client.close()
    finally:
        fake.stop()


def test_a_hub_with_a_certificate_from_another_ca_never_sees_the_credential(hub, booths, tmp_path):
    from inspector_app.hub.pki import init_tls

    a = booths("BOOTH-A")
    other = tmp_path / "other-ca"
    init_tls(other)
    fake = FakeHub(other / "tls", {}, [])
    try:
        client = SyncClient.from_home(a.home, a.store)
        client.http.base_url = fake.url
        with pytest.raises(SyncError, match="(?i)unreachable|certificate|ssl"):
            client.push_once()
        client.close()
        assert fake.seen == []  # no request, so no bearer token, ever reached the impostor
    finally:
        fake.stop()


def test_plain_http_is_refused_before_any_request(booths, tmp_path):
    a = booths("BOOTH-A")
    with pytest.raises(SyncError, match="https"):
        SyncClient(a.home, a.store, "http://127.0.0.1:9", a.token, trust=a.client.trust, port=NARITA)
    with pytest.raises(SyncError, match="https"):  # even with the development flag, only to loopback
        SyncClient(a.home, a.store, "http://192.0.2.1:9", a.token, trust=a.client.trust, port=NARITA,
                   allow_insecure_http=True)


# -- row 4: a hub without users -------------------------------------------------------------------------
def test_an_empty_or_missing_user_list_changes_nothing(tmp_path, trust_kit):
    from inspector_app.hub.keys import ADMIN_FILE, load_admin
    from inspector_app.hub.runner import start_in_thread

    hub = start_in_thread(f"sqlite:///{tmp_path}/empty.db", tls_dir=tmp_path / "hubdir")
    try:
        b = Booth(tmp_path, hub, trust_kit, "BOOTH-E")
        b.store.set_users([trust_kit.user_row("tanaka", PW["tanaka"], ["inspector"])], version=1)
        assert b.client.pull_once()["users"] is None  # the hub has no list for this port: 404, nothing changes
        hub.db.publish_user_lists(load_admin(hub.hub_dir / ADMIN_FILE))  # no users: no list is signed
        assert hub.db.user_list(NARITA) is None
        b.client.pull_once()
        assert b.store.check_login("tanaka", PW["tanaka"])["roles"] == ["inspector"]
        b.close()
    finally:
        hub.stop()


def test_weak_or_plaintext_password_hashes_are_refused_by_the_booth(booths, trust_kit):
    a = booths("BOOTH-A")
    weak = {**trust_kit.user_row("tanaka", PW["tanaka"], ["inspector"]), "password_hash": "pbkdf2_sha256$1$c2FsdA==$aGFzaA=="}
    with pytest.raises(Exception, match="(?i)weak|scrypt|pbkdf2|hash"):
        a.store.set_users([weak], version=5)
    plain = {k: v for k, v in trust_kit.user_row("tanaka", PW["tanaka"], ["inspector"]).items() if k != "password_hash"}
    with pytest.raises(Exception, match="(?i)password"):
        a.store.set_users([{**plain, "password": "tanaka-inspector-pw"}], version=6)


# -- row 5: a review that arrives before its target; a review the hub refuses ---------------------------
def test_a_review_before_its_target_waits_at_the_hub_and_the_batch_goes_through(hub, booths, trust_kit):
    a = booths("BOOTH-A")
    a.client.enrol()
    exam, check = a.examine()
    pending = {r["kind"]: r for r in a.store.outbox_pending()}
    fields = _review_fields("BOOTH-A", check, exam, "sato")
    review = {"record_id": fields["review_id"], "seq": 10_000, "kind": "review", "created_at": None,
              "payload": {**fields, "signature": signed_review.sign(fields, trust_kit.signing_key("sato", PW["sato"]))}}
    with a.http(hub) as http:
        signed = {**review, "signature": signing.sign(a.client.key, signing.RECORD, rec.signed_record("BOOTH-A", review))}
        r = http.post("/records", json={"records": [signed]})
        assert r.status_code == 200 and r.json()["stored"] == [fields["review_id"]] and not r.json()["refused"]
    assert hub.db.stats()["pending_reviews"] == 1
    a.client.push_once()  # the check result arrives: the parked review closes its queue item
    assert hub.db.stats()["pending_reviews"] == 0
    assert hub.db.queue_page(NARITA, status="reviewed")["items"][0]["record_id"] == check
    assert pending["check_result"]["record_id"] == check


def test_a_record_the_hub_refuses_for_good_is_quarantined_and_the_rest_flows(hub, booths, trust_kit, cli):
    a = booths("BOOTH-A")
    a.client.pull_once()
    exam, check = a.examine()
    a.client.push_once()
    # sato reviews at the booth, offline; meanwhile the hub administrator withdraws sato's supervisor role
    a.store.add_review(check, "sato", "cleared", "different person", signing_key=trust_kit.signing_key("sato", PW["sato"]))
    trust_kit.add_user(hub, "sato", PW["sato"], ["inspector"], [NARITA])
    later = [a.examine(surname=f"PETROV{i}") for i in range(3)]
    report = a.client.push_once()
    assert report["refused"] == 1 and report["stored"] == 6
    assert a.store.outbox_count() == 0 and a.store.quarantine_count() == 1
    assert {hub.db.get_record("BOOTH-A", c)["kind"] for _, c in later} == {"check_result"}
    q = a.store.quarantined()
    assert q[0]["kind"] == "review" and "supervisor" in q[0]["reason"]
    assert not list((a.home / "sync").glob("*.jsonl"))  # no plaintext traveller data beside the store
    r = cli("sync", "status", "--home", a.home, "--json")
    assert json.loads(r.stdout)["quarantined"] == 1
    r = cli("sync", "quarantine", "--home", a.home)
    assert r.returncode == 0 and "supervisor" in r.stdout


# -- row 6: the hub database cannot open or forge USB exports -----------------------------------------
def test_usb_exports_are_sealed_to_the_hub_key_and_signed_by_the_booth(hub, booths, tmp_path):
    from inspector_app.hub import outbox_file
    from inspector_app.hub.importer import import_dir
    from inspector_app.hub.keys import load_seal
    from inspector_app.sync.export import export_outbox

    a = booths("BOOTH-A")
    a.client.enrol()
    ids = [a.examine()[1] for _ in range(3)]
    usb = tmp_path / "usb"
    out = export_outbox(a.home, a.store, usb, "BOOTH-A")
    assert out["records"] == 6
    f = next(usb.glob("outbox-*.json"))
    raw = f.read_text()
    assert "IVANOV" not in raw and "traveller" not in raw
    # everything the hub database holds (credential hashes included) opens nothing: the old key
    # derivation from secret_sha256 no longer decrypts
    with hub.db.tx() as tx:
        secret_hash = tx.execute("SELECT secret_sha256 FROM booths WHERE booth_id = 'BOOTH-A'").fetchone()[0]
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    doc = json.loads(raw)
    old_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"border-inspector outbox export v1").derive(bytes.fromhex(secret_hash))
    from cryptography.exceptions import InvalidTag

    with pytest.raises(InvalidTag):
        AESGCM(old_key).decrypt(base64.b64decode(doc["nonce"]), base64.b64decode(doc["ciphertext"]), None)
    # a file forged with everything the hub knows (the booth's public key) but not the booth's key
    forged_dir = tmp_path / "forged"
    seal = load_seal(hub.hub_dir)
    outbox_file.write(forged_dir, "BOOTH-A", "2026-11-29T00:00:00Z", [], Ed25519PrivateKey.generate(),
                      seal.public_key())
    report = import_dir(hub.db, forged_dir, seal)
    assert report["refused"] and "not signed" in report["refused"][0]["reason"]
    # another hub's key cannot open a genuine file
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    report = import_dir(hub.db, usb, X25519PrivateKey.generate())
    assert report["stored"] == 0 and "decrypt" in report["refused"][0]["reason"]
    # the real hub imports it, exactly once
    assert import_dir(hub.db, usb, seal)["stored"] == 6
    assert import_dir(hub.db, usb, seal)["duplicates"] == 6
    assert all(hub.db.get_record("BOOTH-A", i)["via"] == "import" for i in ids)
    # bounded read: an oversized file is refused without being parsed
    big = tmp_path / "big"
    big.mkdir()
    with open(big / "outbox-BOOTH-A-1-2.json", "wb") as fh:
        fh.truncate(outbox_file.MAX_FILE_BYTES + 1)
    report = import_dir(hub.db, big, seal)
    assert "limit" in report["refused"][0]["reason"]


# -- row 7: what a booth may read ---------------------------------------------------------------------
def _proof(user: str, key, booth_id: str, path: str = "/queue") -> dict:
    at = dt.datetime.now(dt.UTC).isoformat()
    value = {"user": user, "at": at, "method": "GET", "path": path, "booth_id": booth_id}
    return {"X-Supervisor": user, "X-Supervisor-At": at, "X-Supervisor-Proof": signing.sign(key, signing.SUPERVISOR_PROOF, value)}


def test_a_booth_sees_its_ports_users_and_only_a_supervisor_sees_the_queue(hub, booths, trust_kit):
    a, k = booths("BOOTH-A"), booths("BOOTH-K", KANSAI)
    k.client.enrol()
    k.examine()
    k.client.push_once()
    a.examine()
    a.client.push_once()
    with a.http(hub) as http:
        users = http.get("/users").json()["list"]["users"]
        assert sorted(u["user"] for u in users) == ["sato", "tanaka"]  # not Kansai's supervisor
        assert http.get("/queue").status_code == 403
        assert http.get("/queue", params={"status": "reviewed"}).status_code == 403
        assert http.get("/queue", headers=_proof("tanaka", trust_kit.signing_key("tanaka", PW["tanaka"]), "BOOTH-A")).status_code == 403
        assert http.get("/queue", headers=_proof("oda", trust_kit.signing_key("oda", PW["oda"]), "BOOTH-A")).status_code == 403
        forged = _proof("sato", Ed25519PrivateKey.generate(), "BOOTH-A")
        assert http.get("/queue", headers=forged).status_code == 403
        replay_elsewhere = _proof("sato", trust_kit.signing_key("sato", PW["sato"]), "BOOTH-A", path="/elsewhere")
        assert http.get("/queue", headers=replay_elsewhere).status_code == 403
        r = http.get("/queue", headers=_proof("sato", trust_kit.signing_key("sato", PW["sato"]), "BOOTH-A"))
        assert r.status_code == 200 and {i["booth_id"] for i in r.json()["items"]} == {"BOOTH-A"}
    assert any(e["action"] == "queue.read" and e["principal"].startswith("user:sato") for e in hub.db.access_log())


# -- row 9 (hub side): the audit chain head is anchored at the hub -------------------------------------
def test_the_hub_keeps_each_booths_audit_head_and_notices_a_rewound_chain(hub, booths):
    a = booths("BOOTH-A")
    a.examine()
    a.client.push_once()
    head = a.store.audit_head()
    assert hub.db.audit_head("BOOTH-A")["hash"] == head["hash"]
    assert a.store.verify_audit(anchor=hub.db.audit_head("BOOTH-A"))["ok"]
    hub.db.put_audit_head("BOOTH-A", head["seq"] - 1, "0" * 64)  # a restored or cut chain pushes an older head
    assert hub.db.audit_head("BOOTH-A")["hash"] == head["hash"]
    assert hub.db.alerts()[0]["kind"] == "audit.rewound"
    # a chain cut behind the store's back no longer reaches the anchor
    cut = a.store.verify_audit(anchor={"seq": head["seq"] + 5, "hash": head["hash"]})
    assert not cut["ok"] and cut["first_broken"]["kind"] == "truncated"
    rewritten = a.store.verify_audit(anchor={"seq": head["seq"], "hash": "f" * 64})
    assert not rewritten["ok"] and rewritten["first_broken"]["kind"] == "rewritten"


def test_audit_verify_against_the_hub_catches_a_cut_tail(hub, booths, cli):
    """Someone with the database key drops the triggers and cuts the last audit entries (the
    chain that is left is whole): only the anchor the hub kept shows what is missing."""
    a = booths("BOOTH-A")
    a.examine()
    a.client.push_once()
    r = cli("store", "audit", "verify", "--against-hub", "--home", a.home)
    assert r.returncode == 0, r.stderr
    a.store.conn.execute("DROP TRIGGER audit_no_delete")
    last = a.store.audit_head()["seq"]
    a.store.conn.execute("DELETE FROM audit WHERE seq > ?", (last - 2,))
    a.store.conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", (last - 2,))  # no gap left
    a.store.conn.commit()
    r = cli("store", "audit", "verify", "--against-hub", "--home", a.home, "--json")
    assert r.returncode == 1
    assert json.loads(r.stdout)["first_broken"]["kind"] == "truncated"


def test_audit_verify_finds_an_examination_a_user_or_an_outbox_row_edited_behind_the_triggers(booths, trust_kit):
    """Root with the database key drops the triggers and edits rows: each edit is named."""
    a = booths("BOOTH-A")
    a.store.set_users([trust_kit.user_row("tanaka", PW["tanaka"], ["inspector"], [NARITA]),
                       trust_kit.user_row("sato", PW["sato"], ["supervisor"], [NARITA])], version=1)
    exam, _ = a.examine()
    assert a.store.verify_audit()["ok"]
    conn = a.store.conn
    for name in [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE examinations SET inspector = 'ito' WHERE id = ?", (exam,))
    conn.execute("UPDATE users SET roles = '[\"administrator\",\"supervisor\"]' WHERE user = 'tanaka'")
    conn.execute("UPDATE outbox SET payload = '{\"forged\": true}' WHERE kind = 'check_result'")
    conn.commit()
    report = a.store.verify_audit()
    assert not report["ok"]
    tables = {p["table"] for p in report["records"]["problems"]}
    assert {"examinations", "users", "outbox"} <= tables, report["records"]["problems"]


def test_an_imported_record_that_no_database_can_store_is_refused_not_a_crash(hub, booths, tmp_path):
    """`hub import` skips the HTTP models, so it applies their rules itself (NUL, surrogates, ids)."""
    from inspector_app.hub import outbox_file
    from inspector_app.hub.importer import import_dir
    from inspector_app.hub.keys import load_seal

    a = booths("BOOTH-A")
    a.client.enrol()
    good = {"record_id": "r-good", "seq": 1, "kind": "decision", "payload": {"n": 1}, "created_at": None}
    bad = [{"record_id": "r-nul", "seq": 2, "kind": "decision", "payload": {"x": "a\x00b"}, "created_at": None},
           {"record_id": "r bad id", "seq": 3, "kind": "decision", "payload": {}, "created_at": None},
           {"record_id": "r-big", "seq": 2**70, "kind": "decision", "payload": {}, "created_at": None}]

    def signed(r):
        return {**r, "signature": signing.sign(a.client.key, signing.RECORD, rec.signed_record("BOOTH-A", r))}

    seal = load_seal(hub.hub_dir)
    usb = tmp_path / "usb"
    outbox_file.write(usb, "BOOTH-A", "2026-11-29T00:00:00Z", [signed(good)] + [signed(b) for b in bad],
                      a.client.key, seal.public_key())
    report = import_dir(hub.db, usb, seal)
    assert report["stored"] == 1 and len(report["refused_records"]) == 3
    assert hub.db.get_record("BOOTH-A", "r-good") is not None
