"""Outbox push over real HTTP on loopback through a fault-injecting proxy: whatever goes wrong,
afterwards the hub holds every record exactly once and the booth's outbox is empty."""
from __future__ import annotations

import random
import shutil

import pytest

from inspector_app.hub.runner import start_in_thread
from inspector_app.sync.backoff import Backoff
from inspector_app.sync.client import SyncClient
from inspector_app.sync.worker import SyncWorker


def worker_for(home, outbox, url, credential, timeout=5.0, batch=50, ca_file=None):
    client = SyncClient(home, outbox, url, credential, batch_size=batch, timeout=timeout,
                        apply_bundle=lambda h, p, v: {"version": v}, ca_file=ca_file)
    return SyncWorker(client, interval=0, backoff=Backoff(base=0.001, cap=0.01, rng=random.Random(1)))


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


@pytest.mark.parametrize("fault", ["refuse", "http500", "html200", "slow", "cut_upload", "drop_response", "duplicate"])
def test_push_survives_fault(fault, hub, credential, outbox, make_proxy, tmp_path):
    ids = outbox.add_many(400)
    # the fault hits requests 1-3 and every third one after that, so it strikes mid-stream too
    proxy = make_proxy(lambda n: fault if n <= 3 or n % 3 == 0 else "pass", slow_s=0.8)
    worker = worker_for(tmp_path / "home", outbox, proxy.url, credential, timeout=0.4, ca_file=hub.ca_file)
    drain(worker)
    assert proxy.faults[fault] >= 3
    assert_exactly_once(hub, ids)
    assert outbox.outbox_count() == 0
    st = worker.status()
    assert st.online and st.queued == 0 and st.last_success and st.last_error is None
    if fault == "duplicate":
        assert worker.failures == 0  # the hub absorbed every second delivery as a duplicate
    else:
        assert worker.failures >= 1


def test_hub_down_for_a_while_then_back(hub, credential, outbox, make_proxy, tmp_path):
    ids = outbox.add_many(300)
    proxy = make_proxy(lambda n: "pass")
    worker = worker_for(tmp_path / "home", outbox, proxy.url, credential, ca_file=hub.ca_file)
    outbox_batch_one = outbox.outbox_pending(50)
    tls_dir = tmp_path / "hub-tls"  # the next server keeps the certificate the booth trusts
    shutil.copytree(hub.tls_dir, tls_dir)
    hub.stop()  # the real hub process goes away
    for _ in range(3):
        worker.run_once()
    st = worker.status()
    assert worker.failures == 3 and not st.online and st.queued == 300 and "unreachable" in st.last_error
    assert worker.backoff.attempt == 3
    back = start_in_thread(hub.db.url, tls_dir=tls_dir)  # same database and certificate, new server
    proxy.upstream_port = back.port
    try:
        drain(worker)
        assert_exactly_once(back, ids)
        assert worker.backoff.attempt == 0  # reset after success
        assert outbox_batch_one[0]["record_id"] in back.db.record_ids()
    finally:
        back.stop()


def test_random_mix_of_faults(hub, credential, outbox, make_proxy, tmp_path):
    rng = random.Random(20261122)
    faults = ["refuse", "http500", "html200", "slow", "cut_upload", "drop_response", "duplicate"]
    plan = {n: (rng.choice(faults) if rng.random() < 0.5 else "pass") for n in range(1, 10000)}
    ids = outbox.add_many(1000)
    proxy = make_proxy(plan.__getitem__, slow_s=0.5)
    worker = worker_for(tmp_path / "home", outbox, proxy.url, credential, timeout=0.3, batch=40, ca_file=hub.ca_file)
    drain(worker, max_attempts=500)
    assert sum(proxy.faults.get(f, 0) for f in faults) >= 10
    assert_exactly_once(hub, ids)
    assert outbox.outbox_count() == 0


def test_records_added_while_syncing_go_in_order(hub, credential, outbox, tmp_path):
    worker = worker_for(tmp_path / "home", outbox, hub.url, credential, batch=7, ca_file=hub.ca_file)
    first = outbox.add_many(20)
    drain(worker)
    second = outbox.add_many(15)
    drain(worker)
    rows = [hub.db.get_record(r) for r in first + second]
    seqs = [r["seq"] for r in rows]
    assert seqs == sorted(seqs)
    received = [r["received_at"] for r in rows]
    assert received == sorted(received)  # pushed in outbox order


def test_conflicting_record_is_quarantined_and_the_rest_flows(hub, credential, outbox, tmp_path):
    token_other = hub.db.register_booth("booth-8")
    assert token_other
    clash = outbox.add(payload={"mine": True})
    hub.db.put_records("booth-8", [{"record_id": clash, "kind": "decision", "payload": {"theirs": True}}])
    ids = outbox.add_many(30)
    home = tmp_path / "home"
    worker = worker_for(home, outbox, hub.url, credential, ca_file=hub.ca_file)
    drain(worker)
    assert outbox.outbox_count() == 0
    assert set(ids) <= set(hub.db.record_ids("booth-7"))
    assert hub.db.get_record(clash)["payload"] == {"theirs": True}  # never overwritten
    assert [c["record_id"] for c in hub.db.conflicts()] == [clash]
    assert worker.status().conflicts == 1
    assert clash in (home / "sync" / "conflicts.jsonl").read_text()


def test_background_worker_pushes_after_nudge(hub, credential, outbox, tmp_path):
    seen = []
    worker = worker_for(tmp_path / "home", outbox, hub.url, credential, ca_file=hub.ca_file)
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


def test_wrong_credential_is_reported_not_retried_silently(hub, outbox, tmp_path):
    hub.db.register_booth("booth-7")
    outbox.add_many(3)
    worker = worker_for(tmp_path / "home", outbox, hub.url, "booth-7.not-the-secret", ca_file=hub.ca_file)
    worker.run_once()
    st = worker.status()
    assert not st.online and st.queued == 3 and "credential" in st.last_error


def test_unexpected_error_does_not_kill_the_worker(hub, credential, outbox, tmp_path):
    worker = worker_for(tmp_path / "home", outbox, hub.url, credential, ca_file=hub.ca_file)
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
