"""The hub under load: bounded database connections, reads that never wait for a writer, and a
saturated pool answered 503 with Retry-After (issue 12)."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from .conftest import PORT, enrol_booth


def _hub_connections(admin, since) -> int:
    """Client connections opened since ``since`` other than the test's own (the hub's: nothing else
    connects to the test cluster meanwhile)."""
    return admin.execute("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                         " AND pid <> pg_backend_pid() AND backend_start >= %s", (since,)).fetchone()[0]


@pytest.mark.postgres
def test_connections_stay_bounded_across_bursts_with_idle_gaps(pg_url, monkeypatch):
    """The leak that took the hub down: uvicorn's worker threads retire after an idle gap and new
    ones replace them; with a connection per thread, every burst after a gap opened new ones that
    were never closed, until PostgreSQL refused them all. With a pool they stay within its size.
    anyio's idle lifetime (10 s) is shortened so that ten bursts take seconds, not minutes."""
    import anyio._backends._asyncio as anyio_asyncio
    import psycopg

    from inspector_app.hub.runner import start_in_thread

    monkeypatch.setattr(anyio_asyncio.WorkerThread, "MAX_IDLE_TIME", 0.2)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        since = admin.execute("SELECT now()").fetchone()[0]
        hub = start_in_thread(pg_url)
        try:
            token = enrol_booth(hub.db, "booth-1").token
            clients = [httpx.Client(base_url=hub.url, verify=hub.tls_context, timeout=60,
                                    headers={"Authorization": f"Bearer {token}"}) for _ in range(16)]
            after_burst = []
            with ThreadPoolExecutor(16) as pool:
                for _ in range(10):
                    codes = list(pool.map(lambda c: c.get("/whoami").status_code, clients))
                    assert codes == [200] * 16
                    after_burst.append(_hub_connections(admin, since))
                    time.sleep(0.5)  # the idle gap itself (the stimulus): worker threads retire
            for c in clients:
                c.close()
            bound = hub.db.pool_stats()["max"]
            assert max(after_burst) <= bound, f"hub connections per burst: {after_burst} (pool of {bound})"
        finally:
            hub.stop()
        deadline = time.monotonic() + 60  # a backend leaves pg_stat_activity a moment after its client
        while _hub_connections(admin, since) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _hub_connections(admin, since) == 0  # closed with the hub, none left behind


def test_sqlite_reads_do_not_wait_for_a_writer(tmp_path):
    """A long write (a 1,000-record push) must not stall supervisors' queue reads and booths'
    credential checks: readers read a WAL snapshot on their own connection."""
    from inspector_app.hub.db import HubDb

    db = HubDb(f"sqlite:///{tmp_path}/hub.db")
    db.register_booth("b", PORT)
    in_write, release = threading.Event(), threading.Event()

    def writer():
        with db.tx() as tx:
            tx.execute("INSERT INTO alerts (at, booth_id, kind, detail) VALUES ('now', 'b', 'k', 'd')")
            in_write.set()
            release.wait(120)

    w = threading.Thread(target=writer)
    w.start()
    try:
        assert in_write.wait(120)
        seen = {}
        reader = threading.Thread(target=lambda: seen.update(db.stats()))
        reader.start()
        reader.join(120)
        assert not reader.is_alive(), "a read waited for the writer"
        assert seen["booths"] == 1 and seen["alerts"] == 0  # the snapshot: not the uncommitted row
    finally:
        release.set()
        w.join(120)
    assert db.stats()["alerts"] == 1
    db.close()


def test_a_saturated_pool_is_503_with_retry_after(tmp_path):
    """Every connection busy for longer than the pool's timeout: the request is answered 503 with
    Retry-After (the booth comes back later) instead of queueing until the booth times out."""
    from inspector_app.hub.db import HubDb
    from inspector_app.hub.runner import start_in_thread

    db = HubDb(f"sqlite:///{tmp_path}/hub.db", pool_size=1, pool_timeout_s=0.2)
    hub = start_in_thread(db)
    try:
        token = enrol_booth(db, "booth-1").token
        holding, release = threading.Event(), threading.Event()

        def hold():
            with db.read():
                holding.set()
                release.wait(120)

        t = threading.Thread(target=hold)
        t.start()
        assert holding.wait(120)
        with httpx.Client(base_url=hub.url, verify=hub.tls_context, timeout=60,
                          headers={"Authorization": f"Bearer {token}"}) as c:
            r = c.get("/whoami")
            release.set()
            t.join(120)
            assert r.status_code == 503 and "busy" in r.json()["detail"]
            assert 1 <= int(r.headers["retry-after"]) <= 2
            assert c.get("/whoami").status_code == 200  # free again
    finally:
        release.set()
        hub.stop()
