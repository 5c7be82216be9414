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


@pytest.fixture(scope="module")
def trust_file(tmp_path_factory):
    """The hub-trust.json `hub init` makes (no hub needs to run for configuration)."""
    from inspector_app.hub.setup import init_hub

    return init_hub(tmp_path_factory.mktemp("hub") / "hubdir")["trust_file"]


def test_configure_saves_settings_secret_file_trust_and_booth_key(tmp_path, trust_file):
    from inspector_app.common import signing
    from inspector_app.sync.trust import booth_key, load_trust

    out = configure(tmp_path, "booth-7", "booth-7.s3cr3t", "https://hub:8470/", trust_file)
    cfg = SyncConfig.load(tmp_path)
    assert (cfg.hub_url, cfg.booth_id, cfg.credential) == ("https://hub:8470", "booth-7", "booth-7.s3cr3t")
    mode = (tmp_path / "sync" / "credential").stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert "s3cr3t" not in (tmp_path / "settings.json").read_text()
    assert load_trust(tmp_path).ca_pem == json.loads(trust_file.read_text())["ca_pem"]  # pinned
    assert stat.S_IMODE((tmp_path / "sync" / "booth.key").stat().st_mode) == 0o600
    assert out["booth_public_key"] == signing.public_b64(booth_key(tmp_path))  # what the operator registers
    configure(tmp_path, "booth-7", "booth-7.n3w", "https://hub:8470/")  # later: the pins stay, key too
    assert SyncConfig.load(tmp_path).credential == "booth-7.n3w"
    assert signing.public_b64(booth_key(tmp_path)) == out["booth_public_key"]


@pytest.mark.parametrize("booth,cred,url,msg", [
    ("booth-7", "booth-8.x", "https://h", "issued to booth 'booth-8'"),
    ("booth-7", "garbage", "https://h", "<booth_id>.<secret>"),
    ("booth-7", "booth-7.x", "ftp://h", "http://"),
    ("booth-7", "booth-7.x", "http://hub.example:8470", "must start with https://"),  # clear text off loopback
    ("booth-7", "booth-7.x", "https://h", "sync configure --trust hub-trust.json"),  # no pins for the hub yet
])
def test_configure_refuses_mismatches(tmp_path, booth, cred, url, msg):
    with pytest.raises(SyncConfigError, match=msg.replace(".", r"\.").replace("(", r"\(")):
        configure(tmp_path, booth, cred, url)
    assert not (tmp_path / "sync" / "credential").exists()


def test_configure_refuses_a_damaged_trust_file(tmp_path, trust_file):
    bad = tmp_path / "hub-trust.json"
    doc = json.loads(trust_file.read_text())
    del doc["receipt_key"]
    bad.write_text(json.dumps(doc))
    with pytest.raises(SyncConfigError, match="damaged or incomplete"):
        configure(tmp_path / "home", "booth-7", "booth-7.x", "https://h", bad)
    assert not (tmp_path / "home" / "sync" / "credential").exists()


def test_unconfigured_booth_gets_a_clear_message(tmp_path):
    with pytest.raises(SyncConfigError, match="sync configure"):
        SyncConfig.load(tmp_path)


def test_sync_cli_configure_and_clear_errors(cli, tmp_path, trust_file):
    home = tmp_path / "home"
    r = cli("sync", "--once", "--home", home, "--json")
    assert r.returncode == 2 and "sync configure" in r.stderr
    r = cli("sync", "configure", "--home", home, "--hub", "https://127.0.0.1:9", "--booth-id", "b1",
            "--credential-stdin", "--json", input="b1.abc\n")
    assert r.returncode == 2 and "--trust" in r.stderr  # the first time, the hub's pins are needed
    r = cli("sync", "configure", "--home", home, "--hub", "https://127.0.0.1:9", "--booth-id", "b1",
            "--trust", trust_file, "--credential-stdin", "--json", input="b1.abc\n")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out.pop("booth_public_key") and out == {"booth_id": "b1", "hub_url": "https://127.0.0.1:9"}
    r = cli("sync", "configure", "--home", home, "--booth-id", "b2", "--credential-stdin", input="b1.abc\n")
    assert r.returncode == 2 and "issued to booth 'b1'" in r.stderr
    r = cli("sync", "configure", "--home", home, "--hub", "http://127.0.0.1:9", "--booth-id", "b1",
            "--credential-stdin", input="b1.abc\n")
    assert r.returncode == 0, r.stderr  # saved: an http:// URL is refused when syncing, not configuring ...
    r = cli("sync", "--once", "--home", home, "--json")
    assert r.returncode == 2 and "https" in r.stderr  # ... before any request


def test_status_snapshot_for_the_ui(tmp_path):
    from inspector_app.sync.state import SyncState, snapshot

    assert snapshot(tmp_path) == {"online": False, "last_sync": None, "last_attempt": None, "sync_error": None,
                                  "bundle_refusal": None, "users_refusal": None}
    st = SyncState(online=True, last_success="2026-11-22T05:00:00Z", last_attempt="2026-11-22T05:00:00Z")
    st.save(tmp_path)
    assert snapshot(tmp_path)["online"] and snapshot(tmp_path)["last_sync"] == "2026-11-22T05:00:00Z"
