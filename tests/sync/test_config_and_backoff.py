"""Backoff arithmetic, booth sync configuration, and the sync CLI's clear failures."""
from __future__ import annotations

import json
import random
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.sync.backoff import Backoff
from inspector_app.sync.config import SyncConfig, SyncConfigError, configure


@settings(deadline=None)
@given(st.floats(0.001, 10), st.floats(1, 4), st.integers(0, 100), st.integers(0, 2**32))
def test_backoff_stays_between_half_nominal_and_cap(base, factor, attempts, seed):
    b = Backoff(base=base, factor=factor, cap=base * 100, rng=random.Random(seed))
    for a in range(min(attempts, 30)):
        d = b.next_delay()
        nominal = min(b.cap, base * factor ** a)
        assert nominal / 2 <= d <= nominal


def test_backoff_grows_then_resets():
    b = Backoff(base=1, cap=60, rng=random.Random(0))
    delays = [b.next_delay() for _ in range(8)]
    assert delays[0] <= 1 and delays[4] >= 8 and max(delays) <= 60
    b.reset()
    assert b.next_delay() <= 1
    with pytest.raises(ValueError):
        Backoff(base=0)


def test_jitter_spreads_booths_apart():
    delays = {round(Backoff(base=1, rng=random.Random(s)).next_delay(), 6) for s in range(20)}
    assert len(delays) == 20


def test_configure_saves_settings_and_secret_file(tmp_path):
    configure(tmp_path, "booth-7", "booth-7.s3cr3t", "http://hub:8470/")
    cfg = SyncConfig.load(tmp_path)
    assert (cfg.hub_url, cfg.booth_id, cfg.credential) == ("http://hub:8470", "booth-7", "booth-7.s3cr3t")
    mode = (tmp_path / "sync" / "credential").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert "s3cr3t" not in (tmp_path / "settings.json").read_text()


@pytest.mark.parametrize("booth,cred,url,msg", [
    ("booth-7", "booth-8.x", "http://h", "issued to booth 'booth-8'"),
    ("booth-7", "garbage", "http://h", "<booth_id>.<secret>"),
    ("booth-7", "booth-7.x", "ftp://h", "http://"),
])
def test_configure_refuses_mismatches(tmp_path, booth, cred, url, msg):
    with pytest.raises(SyncConfigError, match=msg.replace(".", r"\.").replace("(", r"\(")):
        configure(tmp_path, booth, cred, url)


def test_unconfigured_booth_gets_a_clear_message(tmp_path):
    with pytest.raises(SyncConfigError, match="sync configure"):
        SyncConfig.load(tmp_path)


def test_sync_cli_configure_and_clear_errors(cli, tmp_path):
    home = tmp_path / "home"
    r = cli("sync", "--once", "--home", home, "--json")
    assert r.returncode == 2 and "sync configure" in r.stderr
    r = cli("sync", "configure", "--home", home, "--hub", "http://127.0.0.1:9", "--booth-id", "b1",
                "--credential-stdin", "--json", input="b1.abc\n")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"booth_id": "b1", "hub_url": "http://127.0.0.1:9"}
    r = cli("sync", "configure", "--home", home, "--booth-id", "b2", "--credential-stdin", input="b1.abc\n")
    assert r.returncode == 2 and "issued to booth 'b1'" in r.stderr


def test_status_snapshot_for_the_ui(tmp_path):
    from inspector_app.sync.state import SyncState, snapshot

    assert snapshot(tmp_path) == {"online": False, "last_sync": None, "last_attempt": None, "sync_error": None,
                                  "bundle_refusal": None, "conflicts": 0}
    st = SyncState(online=True, last_success="2026-11-22T05:00:00Z", last_attempt="2026-11-22T05:00:00Z")
    st.save(tmp_path)
    assert snapshot(tmp_path)["online"] and snapshot(tmp_path)["last_sync"] == "2026-11-22T05:00:00Z"
