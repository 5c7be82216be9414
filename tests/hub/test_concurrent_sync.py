"""Booth sync against each hub database (SQLite and a real PostgreSQL): two booth clients
pushing overlapping records at the same time through a faulty proxy, so identical deliveries
race inside the hub. The primary key decides: every record once, no false conflicts."""
from __future__ import annotations

import importlib.util
import random
import threading
from pathlib import Path

from inspector_app.sync.client import SyncClient, SyncError
from tests.hub.conftest import PORT, enrol_booth, trust_of

SYNC_TESTS = Path(__file__).resolve().parents[1] / "sync"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"hub_test_{name}", SYNC_TESTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_racing_duplicate_deliveries_store_each_record_once(hub, tmp_path):
    OutboxDouble = _load("outbox_double").OutboxDouble
    FaultProxy = _load("fault_proxy").FaultProxy
    booth = enrol_booth(hub.db, "booth-7")  # one booth, one key: both outboxes are its own
    # the same 600 records in two outboxes (think: a restored backup pushing what was already sent)
    a, b = OutboxDouble(tmp_path / "a.db"), OutboxDouble(tmp_path / "b.db")
    ids = a.add_many(600)
    for rid, row in zip(ids, a.outbox_pending(600)):
        b.add(row["kind"], row["payload"], record_id=rid)
    rng = random.Random(7)
    plan = {n: rng.choice(["pass", "pass", "duplicate", "drop_response", "http500"]) for n in range(1, 5000)}
    proxy = FaultProxy(hub.port, plan.__getitem__, tls_dir=hub.tls_dir)
    errors, refused = [], []

    def run(box, home):
        client = SyncClient(home, box, proxy.url, booth.token, trust=trust_of(hub), port=PORT, key=booth.key,
                            batch_size=25, timeout=10, apply_bundle=lambda h, p, v: {"version": v})
        for _ in range(300):
            try:
                report = client.push_once()
                refused.append(report["refused"] + report["conflicts"])
                if box.outbox_count() == 0:
                    break
            except SyncError:
                continue
        else:
            errors.append(f"{home} did not drain")
        client.close()

    threads = [threading.Thread(target=run, args=(box, tmp_path / name)) for box, name in ((a, "ha"), (b, "hb"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    proxy.close()
    assert not errors
    stored = hub.db.record_ids()
    assert len(stored) == len(set(stored)) == 600 and set(stored) == set(ids)
    assert hub.db.conflicts() == [] and not any(refused)
    assert proxy.faults.get("duplicate") and proxy.faults.get("drop_response")  # the races did happen
    assert a.outbox_count() == b.outbox_count() == 0
