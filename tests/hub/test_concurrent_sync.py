"""Booth sync against each hub database (SQLite and a real PostgreSQL): two booth clients
pushing overlapping records at the same time through a faulty proxy, so identical deliveries
race inside the hub. The primary key decides: every record once, no false conflicts."""
from __future__ import annotations

import importlib.util
import random
import threading
from pathlib import Path

from inspector_app.sync.client import SyncClient, SyncError

SYNC_TESTS = Path(__file__).resolve().parents[1] / "sync"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"hub_test_{name}", SYNC_TESTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_racing_duplicate_deliveries_store_each_record_once(hub, tmp_path):
    OutboxDouble = _load("outbox_double").OutboxDouble
    FaultProxy = _load("fault_proxy").FaultProxy
    token = hub.db.register_booth("booth-7")
    # the same 600 records in two outboxes (think: a restored backup pushing what was already sent)
    a, b = OutboxDouble(tmp_path / "a.db"), OutboxDouble(tmp_path / "b.db")
    ids = a.add_many(600)
    for rid, row in zip(ids, a.outbox_pending(600)):
        b.add(row["kind"], row["payload"], record_id=rid)
    rng = random.Random(7)
    plan = {n: rng.choice(["pass", "pass", "duplicate", "drop_response", "http500"]) for n in range(1, 5000)}
    proxy = FaultProxy(hub.port, plan.__getitem__, tls_dir=hub.tls_dir)
    errors = []

    def run(box, home):
        client = SyncClient(home, box, proxy.url, token, batch_size=25, timeout=10,
                            apply_bundle=lambda h, p, v: {"version": v}, ca_file=hub.ca_file)
        for _ in range(300):
            try:
                client.push_once()
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
    assert hub.db.conflicts() == []
    assert a.outbox_count() == b.outbox_count() == 0
