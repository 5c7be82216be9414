"""A booth killed (SIGKILL) mid-sync and restarted: a shell loop runs `inspector-app sync --once`
against the real encrypted Store; it is killed three times while records are flowing, then left
to finish. Afterwards the hub holds every record exactly once and the booth's outbox is empty."""
from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _start_loop(home: Path) -> subprocess.Popen:
    cmd = f"{shlex.quote(sys.executable)} -m inspector_app sync --once --home {shlex.quote(str(home))}"
    env = dict(os.environ, PYTHONPATH=str(ROOT), INSPECTOR_KEY_PROVIDER="file")
    return subprocess.Popen(["bash", "-c", f"while true; do {cmd} >/dev/null 2>&1; done"], cwd=ROOT, env=env,
                            start_new_session=True)


def _wait_for(pred, what, timeout=120):
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


@pytest.mark.slow
def test_booth_killed_mid_sync_and_restarted(hub, home, monkeypatch):
    from inspector_app.store import open_store

    monkeypatch.setenv("INSPECTOR_KEY_PROVIDER", "file")
    s = Settings.load(home)  # configured with the hub's trust file (conftest: home)
    s.set("sync.batch_size", 10)  # many small batches: the kills land between and inside them
    s.save()
    store = open_store(home)
    ids = [store.create_examination({"inspector": "tanaka", "booth": "booth-7", "n": i}) for i in range(600)]
    count = lambda: hub.db.stats()["records"]  # noqa: E731
    mid_stream = 0
    procs: list[subprocess.Popen] = []

    def kill(proc):
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)

    try:
        for threshold in (100, 250, 400):
            procs.append(_start_loop(home))
            _wait_for(lambda n=threshold: count() >= n, f"{threshold} records on the hub")
            kill(procs[-1])
            mid_stream += 0 < store.outbox_count() < 600
        assert mid_stream >= 2, "the booth was not caught mid-sync"
        procs.append(_start_loop(home))
        _wait_for(lambda: store.outbox_count() == 0, "the restarted booth to drain its outbox")
    finally:
        for proc in procs:
            kill(proc)
        store_quarantine = store.quarantine_count()
        store.close()
    stored = hub.db.record_ids("booth-7")
    assert len(stored) == len(set(stored)) == len(ids) and set(stored) == set(ids)
    assert hub.db.conflicts() == []
    assert store_quarantine == 0  # a kill is no reason to give up on a record
