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


@pytest.fixture
def hub(tmp_path):
    """A real hub (uvicorn, HTTPS with a throwaway CA: trust ``hub.ca_file``) on loopback."""
    from inspector_app.hub.runner import start_in_thread

    running = start_in_thread(f"sqlite:///{tmp_path}/hub.db")
    yield running
    running.stop()


@pytest.fixture
def credential(hub) -> str:
    return hub.db.register_booth("booth-7")


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
