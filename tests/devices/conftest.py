"""Fixtures for the devices tests: a running SBI simulator on loopback over the FVC images."""
from __future__ import annotations

import socket

import pytest

from inspector_app.devices import sbi_protocol as P


@pytest.fixture(scope="session")
def fvc_db1(shared_data):
    folder = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    if not folder.is_dir():
        pytest.skip(f"FVC2002 DB1_B not found under {shared_data}")
    return folder


def free_port_in_sbi_range() -> int:
    """A port in 4501-4600 nobody listens on (what a real device service would take)."""
    for port in range(P.PORT_RANGE[0], P.PORT_RANGE[1] + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in the SBI range 4501-4600")


@pytest.fixture
def simulator(fvc_db1):
    from inspector_app.devices.sbi_simulator import serve

    sim = serve(0, fvc_db1, hang_s=5.0)
    yield sim
    sim.stop()
