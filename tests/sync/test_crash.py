"""A booth killed (SIGKILL) mid-sync and restarted: the hub still ends with every record once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


def _start(home, outbox_path, hub_url, credential, batch=25):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(HERE / "booth_loop.py"), str(home), str(outbox_path), hub_url,
                             credential, str(batch)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            start_new_session=True)


def _wait_for(pred, what, timeout=90):
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@pytest.mark.slow
def test_booth_killed_mid_sync_and_restarted(hub, credential, outbox, tmp_path):
    ids = outbox.add_many(3000)
    home = tmp_path / "home"
    kills_mid_stream = 0
    for threshold in (400, 1200, 2000):
        proc = _start(home, outbox.path, hub.url, credential)
        _wait_for(lambda: len(hub.db.record_ids()) >= threshold, f"{threshold} records on the hub")
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        kills_mid_stream += outbox.outbox_count() > 0
    assert kills_mid_stream == 3, "the booth finished before it could be killed mid-sync"
    proc = _start(home, outbox.path, hub.url, credential)
    try:
        _wait_for(lambda: outbox.outbox_count() == 0, "the restarted booth to drain its outbox")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    stored = hub.db.record_ids("booth-7")
    assert len(stored) == len(set(stored)) == len(ids) and set(stored) == set(ids)
    assert hub.db.conflicts() == []
