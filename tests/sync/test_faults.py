"""Outbox push over real HTTP on loopback through a fault-injecting proxy: whatever goes wrong,
afterwards the hub holds every record exactly once and the booth's outbox is empty. The proxy
terminates TLS with the hub's own certificate; the booth still acks only on the hub's signed
receipt."""
from __future__ import annotations

import random

import pytest

from inspector_app.common import signing
from inspector_app.hub import records as rec
from inspector_app.hub.runner import start_in_thread
from inspector_app.sync.backoff import Backoff
from inspector_app.sync.client import SyncClient, SyncError
from inspector_app.sync.trust import booth_key, load_trust
from inspector_app.sync.worker import SyncWorker

PORT = "Narita Airport"


def client_for(home, outbox, url, credential, timeout=5.0, batch=50) -> SyncClient:
    """booth-7's client (its pinned trust and key from ``home``) talking to ``url``: the hub or a proxy."""
    return SyncClient(home, outbox, url, credential, trust=load_trust(home), port=PORT, batch_size=batch,
                      timeout=timeout, apply_bundle=lambda h, p, v: {"version": v})


def worker_for(home, outbox, url, credential, timeout=5.0, batch=50):
    return SyncWorker(client_for(home, outbox, url, credential, timeout, batch), interval=0,
                      backoff=Backoff(base=0.001, cap=0.01, rng=random.Random(1)))


def drain(worker, max_attempts=200):
    """Retry (as the background loop would) until one attempt succeeds with an empty outbox."""
    for _ in range(max_attempts):
        before = worker.failures
        worker.run_once()
        if worker.failures == before and worker.client.store.outbox_count() == 0:
            return
    raise AssertionError(f"outbox not drained after {max_attempts} attempts: {worker.status()}")


def assert_exactly_once(hub, ids):
    stored = hub.db.record_ids("booth-7")
    assert len(stored) == len(set(stored)) == len(ids)
    assert set(stored) == set(ids)
    assert hub.db.conflicts() == []
    assert hub.db.stats()["records"] == len(ids)


@pytest.mark.parametrize("fault", ["refuse", "http500", "html200", "slow", "cut_upload", "drop_response", "duplicate",
                                   "replay"])
def test_push_survives_fault(fault, hub, home, credential, outbox, make_proxy):
    # a connection closed before any answer is tried again at once (the keep-alive race, client.py),
    # so such a push usually succeeds on its retry: more pushes for the fault to strike three times
    ids = outbox.add_many(800 if fault in ("refuse", "cut_upload", "drop_response") else 400)
    # the fault hits requests 1-3 and every fifth one after that, so it strikes mid-stream too (a
    # round is at least four requests: enrol, then the bundle list, users and reviews; with every
    # third request faulty no round could ever complete)
    proxy = make_proxy(lambda n: fault if n <= 3 or n % 5 == 0 else "pass", slow_s=0.8)
    worker = worker_for(home, outbox, proxy.url, credential, timeout=0.4)
    drain(worker)
    assert proxy.hits(fault, "POST /records") >= 3  # it struck the pushes, not only enrolment and pulls
    assert outbox.quarantine_count() == 0  # a transport fault never quarantines anything
    assert_exactly_once(hub, ids)
    assert outbox.outbox_count() == 0
    st = worker.status()
    assert st.online and st.queued == 0 and st.last_success and st.last_error is None
    if fault == "duplicate":
        assert worker.failures == 0  # the hub absorbed every second delivery as a duplicate
    else:
        assert worker.failures >= 1


def test_dropped_response_leaves_the_batch_unacked_and_the_resend_is_a_duplicate(hub, home, credential, outbox,
                                                                                 make_proxy):
    ids = outbox.add_many(30)
    # 1: enrol, 2: the first push, 3: its immediate retry on a fresh connection (client.py)
    proxy = make_proxy(lambda n: "drop_response" if n in (2, 3) else "pass")
    client = client_for(home, outbox, proxy.url, credential, batch=10)
    with pytest.raises(SyncError):
        client.push_once()
    assert proxy.log[:3] == [("PUT /booth/key", "pass"), ("POST /records", "drop_response"),
                             ("POST /records", "drop_response")]
    assert set(hub.db.record_ids("booth-7")) == set(ids[:10])  # the hub stored the batch ...
    assert outbox.outbox_count() == 30  # ... but without its receipt the booth keeps it
    report = client.push_once()
    assert (report["duplicates"], report["stored"]) == (10, 20)
    assert_exactly_once(hub, ids)
    assert outbox.outbox_count() == 0
    client.close()


def test_one_dropped_answer_is_sent_again_at_once_and_stored_once(hub, home, credential, outbox, make_proxy):
    """The hub stored the batch but its answer never came (the connection closed first): the push
    goes again at once on a fresh connection and the hub answers with duplicates, not a back-off."""
    ids = outbox.add_many(30)
    proxy = make_proxy(lambda n: "drop_response" if n == 2 else "pass")
    client = client_for(home, outbox, proxy.url, credential, batch=10)
    report = client.push_once()
    assert proxy.log[:3] == [("PUT /booth/key", "pass"), ("POST /records", "drop_response"), ("POST /records", "pass")]
    assert (report["duplicates"], report["stored"]) == (10, 20)
    assert_exactly_once(hub, ids)
    client.close()


def test_hub_down_for_a_while_then_back(hub, home, credential, outbox, make_proxy):
    ids = outbox.add_many(300)
    proxy = make_proxy(lambda n: "pass")
    worker = worker_for(home, outbox, proxy.url, credential)
    outbox_batch_one = outbox.outbox_pending(50)
    hub.stop()  # the real hub process goes away (its directory, certificate and keys stay)
    for _ in range(3):
        worker.run_once()
    st = worker.status()
    assert worker.failures == 3 and not st.online and st.queued == 300 and "unreachable" in st.last_error
    assert worker.backoff.attempt == 3
    back = start_in_thread(hub.db.url, tls_dir=hub.hub_dir)  # same database, certificate and keys, new server
    proxy.upstream_port = back.port
    try:
        drain(worker)
        assert_exactly_once(back, ids)
        assert worker.backoff.attempt == 0  # reset after success
        assert outbox_batch_one[0]["record_id"] in back.db.record_ids()
    finally:
        back.stop()


def test_random_mix_of_faults(hub, home, credential, outbox, make_proxy):
    rng = random.Random(20261122)
    faults = ["refuse", "http500", "html200", "slow", "cut_upload", "drop_response", "duplicate"]
    plan = {n: (rng.choice(faults) if rng.random() < 0.5 else "pass") for n in range(1, 10000)}
    ids = outbox.add_many(1000)
    proxy = make_proxy(plan.__getitem__, slow_s=0.5)
    worker = worker_for(home, outbox, proxy.url, credential, timeout=0.3, batch=40)
    drain(worker, max_attempts=500)
    assert sum(proxy.faults.get(f, 0) for f in faults) >= 10
    assert sum(proxy.hits(f, "POST /records") for f in faults) >= 5  # pushes were struck, not only pulls
    assert_exactly_once(hub, ids)
    assert outbox.outbox_count() == 0


def test_records_added_while_syncing_go_in_order(hub, home, credential, outbox):
    worker = worker_for(home, outbox, hub.url, credential, batch=7)
    first = outbox.add_many(20)
    drain(worker)
    second = outbox.add_many(15)
    drain(worker)
    rows = [hub.db.get_record("booth-7", r) for r in first + second]
    seqs = [r["seq"] for r in rows]
    assert seqs == sorted(seqs)
    received = [r["received_at"] for r in rows]
    assert received == sorted(received)  # pushed in outbox order


def test_conflicting_record_is_quarantined_and_the_rest_flows(hub, home, credential, outbox):
    """Record ids are per booth now (another booth's id is no clash: tests/security/test_trust.py),
    so a conflict is this booth's own id already on the hub with other content (a booth restored
    from an old backup reusing ids): quarantined in the store with the reason, never overwritten."""
    key = booth_key(home)
    assert hub.db.enrol_key("booth-7", signing.public_b64(key))
    clash = outbox.add(payload={"mine": True})
    theirs = {"record_id": clash, "seq": 1, "kind": "decision", "payload": {"theirs": True}, "created_at": None}
    theirs["signature"] = signing.sign(key, signing.RECORD, rec.signed_record("booth-7", theirs))
    assert hub.db.put_records(hub.db.booth("booth-7"), [theirs])["stored"] == [clash]
    ids = outbox.add_many(30)
    worker = worker_for(home, outbox, hub.url, credential)
    drain(worker)
    assert outbox.outbox_count() == 0
    assert set(ids) <= set(hub.db.record_ids("booth-7"))
    assert hub.db.get_record("booth-7", clash)["payload"] == {"theirs": True}  # never overwritten
    assert [c["record_id"] for c in hub.db.conflicts()] == [clash]
    assert worker.last_report["push"]["conflicts"] == 1
    assert worker.status().quarantined == 1 and outbox.quarantine_count() == 1
    assert [(q["record_id"], q["reason"]) for q in outbox.quarantined()] == [
        (clash, "the hub holds different content under this record id")]
    assert not list((home / "sync").glob("*.jsonl"))  # no plaintext file beside the store


def test_background_worker_pushes_after_nudge(hub, home, credential, outbox):
    seen = []
    worker = worker_for(home, outbox, hub.url, credential)
    worker.interval = 3600  # only nudges wake it
    worker.on_status = seen.append
    worker.start()
    try:
        ids = outbox.add_many(25)
        worker.nudge()
        import time

        deadline = time.monotonic() + 60
        while outbox.outbox_count() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.stop()
    assert_exactly_once(hub, ids)
    assert seen and seen[-1].online


def test_wrong_credential_is_reported_not_retried_silently(hub, home, outbox):
    outbox.add_many(3)
    worker = worker_for(home, outbox, hub.url, "booth-7.not-the-secret")
    worker.run_once()
    st = worker.status()
    assert not st.online and st.queued == 3 and "credential" in st.last_error


def test_unexpected_error_does_not_kill_the_worker(hub, home, credential, outbox):
    worker = worker_for(home, outbox, hub.url, credential)
    real = outbox.outbox_pending
    calls = {"n": 0}

    def flaky(limit=500):
        calls["n"] += 1
        if calls["n"] == 1:
            raise KeyError("store hiccup")
        return real(limit)

    outbox.outbox_pending = flaky
    ids = outbox.add_many(5)
    worker.run_once()
    st = worker.status()
    assert worker.failures == 1 and not st.online and "KeyError" in st.last_error
    drain(worker)
    assert_exactly_once(hub, ids)


def test_a_replayed_receipt_acks_nothing(hub, home, credential, outbox, make_proxy):
    """A middlebox holding the hub's TLS certificate answers the second push with the hub's genuine,
    signed receipt for the first: it names other records, so nothing of the second batch is acked."""
    ids = outbox.add_many(20)
    proxy = make_proxy(lambda n: "replay" if n == 3 else "pass")  # 1: enrol, 2: first push, 3: second push
    client = client_for(home, outbox, proxy.url, credential, batch=10)
    with pytest.raises(SyncError, match="receipt"):
        client.push_once()
    assert proxy.log[:3] == [("PUT /booth/key", "pass"), ("POST /records", "pass"), ("POST /records", "replay")]
    assert set(hub.db.record_ids("booth-7")) == set(ids[:10])  # the hub never saw the second batch ...
    assert [r["record_id"] for r in outbox.outbox_pending()] == ids[10:]  # ... and the booth still holds it
    report = client.push_once()
    assert report["stored"] == 10 and outbox.outbox_count() == 0 and outbox.quarantine_count() == 0
    assert_exactly_once(hub, ids)
    client.close()
