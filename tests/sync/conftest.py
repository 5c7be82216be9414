"""Sync fixtures: a real hub on loopback, a booth home configured for it, an outbox, a fault proxy."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"sync_test_{name}", HERE / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


outbox_double = _load("outbox_double")
fault_proxy = _load("fault_proxy")


PORT = "Narita Airport"
BOOTH = "booth-7"


@pytest.fixture
def hub(tmp_path):
    """A real hub (uvicorn, HTTPS) on loopback, with its hub directory (TLS, keys, trust file) in
    ``tmp_path/hubdir`` so that a test can start a second server on the same keys."""
    from inspector_app.hub.runner import start_in_thread

    running = start_in_thread(f"sqlite:///{tmp_path}/hub.db", tls_dir=tmp_path / "hubdir")
    yield running
    running.stop()


@pytest.fixture
def home(tmp_path, hub, trust_kit) -> Path:
    """booth-7's home, registered at the hub for Narita and configured with the hub's trust file."""
    home = tmp_path / "home"
    trust_kit.configure_booth(home, hub, BOOTH, PORT)
    return home


@pytest.fixture
def credential(home) -> str:
    from inspector_app.sync.config import SyncConfig

    return SyncConfig.load(home).credential


@pytest.fixture
def outbox(tmp_path):
    box = outbox_double.OutboxDouble(tmp_path / "outbox.db")
    yield box
    box.close()


@pytest.fixture
def make_proxy(hub):
    proxies = []

    def make(plan, slow_s: float = 1.0):
        p = fault_proxy.FaultProxy(hub.port, plan, slow_s=slow_s, tls_dir=hub.tls_dir)
        proxies.append(p)
        return p

    yield make
    for p in proxies:
        p.close()
